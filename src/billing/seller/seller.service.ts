import { readAgency } from '../../accounts/agency.ts';
import * as accountStore from '../../accounts/store.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { invalid } from '../../platform/http/problem.ts';
import { EMPTY_SELLER, normalizedSeller, sellerProblems, type SellerDetails } from './seller.model.ts';

/**
 * The seller details, kept as one setting. Saving normalizes first (spaces out of an IBAN, empty
 * text to null) and refuses what a client could not pay into, field by field.
 */
const SETTING_KEY = 'billing-seller';

export interface SellerView extends SellerDetails {
  /** What invoices print while the legal name is empty, so a form can say so. */
  agencyName: string;
}

export async function readSellerDetails(deps: Deps): Promise<SellerDetails> {
  const stored = await accountStore.readSetting(deps.database.db, SETTING_KEY);
  return stored ? { ...EMPTY_SELLER, ...(JSON.parse(stored) as Partial<SellerDetails>) } : { ...EMPTY_SELLER };
}

export async function sellerView(deps: Deps): Promise<SellerView> {
  const [details, agency] = await Promise.all([readSellerDetails(deps), readAgency(deps)]);
  return { ...details, agencyName: agency.name };
}

export async function saveSellerDetails(deps: Deps, ctx: ChangeContext, input: SellerDetails): Promise<SellerView> {
  const details = normalizedSeller(input);
  const problems = sellerProblems(details);
  if (Object.keys(problems).length > 0) throw invalid(Object.entries(problems).map(([field, message]) => ({ field: `body.${field}`, message })));
  const before = await readSellerDetails(deps);
  await change(deps, ctx, async (trx, audit) => {
    await accountStore.writeSetting(trx, SETTING_KEY, JSON.stringify(details), deps.now().toISOString());
    await audit({ action: 'seller-details.updated', entityType: 'seller-details', entityId: null, before, after: details });
  });
  return sellerView(deps);
}
