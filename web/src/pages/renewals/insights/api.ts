import { api, query } from '../../../api/client.ts';
import type { Money } from '../../../api/types.ts';

/** The renewal KPIs and the spend forecast as the API speaks them (src/renewals/kpis.schemas.ts). */
export interface Lapse {
  assetId: string;
  assetName: string;
  clientId: string;
  dueOn: string;
  renewedOn: string | null;
}

export interface Kpis {
  period: { from: string; to: string };
  successRate: { renewedInTime: number; due: number; rate: number | null };
  lapses: { count: number; outcomes: Lapse[] };
  medianLeadDays: number | null;
  costPerMonth: { month: string; totals: Money[] }[];
}

export interface ClientSpend {
  clientId: string;
  clientName: string;
  currency: string;
  amount: number;
}

export interface ProviderSpend {
  providerId: string | null;
  providerName: string | null;
  currency: string;
  amount: number;
}

export interface Breakdown {
  byClient: ClientSpend[];
  byProvider: ProviderSpend[];
  totals: Money[];
}

export interface Forecast {
  from: string;
  months: (Breakdown & { month: string })[];
  totals: Breakdown;
  renewals: number;
  unpriced: { count: number; items: { assetId: string; assetName: string; renewsOn: string }[] };
}

export interface InsightFilter {
  from?: string | undefined;
  to?: string | undefined;
  clientId?: string | undefined;
}

export const loadKpis = (f: InsightFilter) => api<Kpis>('GET', `/renewals/kpis${query({ from: f.from, to: f.to, clientId: f.clientId })}`);
export const loadForecast = (f: InsightFilter) => api<Forecast>('GET', `/renewals/forecast${query({ clientId: f.clientId, months: 12 })}`);
