import type { Money } from '../platform/money.ts';
import { daysUntilRenewal, effectiveStatus, yearlyCost, type Asset, type AssetStatus } from './assets.model.ts';
import type { AssetInput } from './assets.rules.ts';

/** An asset as the API shows it: money as {amount, currency} and the derived views filled in. */
export interface AssetView extends Omit<Asset, 'costAmount' | 'renewalAmount'> {
  cost: Money | null;
  renewalPrice: Money | null;
  storedStatus: AssetStatus;
  daysUntilRenewal: number | null;
  yearlyCost: Money;
}

export function toAssetView(asset: Asset, now: Date): AssetView {
  const { costAmount, renewalAmount, ...rest } = asset;
  const money = (amount: number | null) => (amount === null ? null : { amount, currency: asset.currency });
  return {
    ...rest,
    status: effectiveStatus(asset, now),
    storedStatus: asset.status,
    cost: money(costAmount),
    renewalPrice: money(renewalAmount),
    daysUntilRenewal: daysUntilRenewal(asset.expiresOn, now),
    yearlyCost: { amount: yearlyCost(asset), currency: asset.currency },
  };
}

type MoneyFields = { cost?: Money | null | undefined; renewalPrice?: Money | null | undefined; currency?: string | undefined };

/** The API's money objects become the asset's currency and amounts. */
export function fromMoneyFields<T extends MoneyFields>(body: T): Omit<T, 'cost' | 'renewalPrice'> & Partial<AssetInput> {
  const { cost, renewalPrice, ...rest } = body;
  const currency = cost?.currency ?? renewalPrice?.currency ?? body.currency;
  return {
    ...rest,
    ...(currency ? { currency } : {}),
    ...(cost !== undefined ? { costAmount: cost?.amount ?? null } : {}),
    ...(renewalPrice !== undefined ? { renewalAmount: renewalPrice?.amount ?? null } : {}),
  };
}
