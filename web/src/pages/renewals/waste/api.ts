import { api, query, type Page } from '../../../api/client.ts';

/** The waste audit API as the page uses it (shapes of src/renewals/waste.schemas.ts). */
export interface Money {
  amount: number;
  currency: string;
}

export interface WasteAudit {
  id: string;
  state: 'running' | 'finished' | 'failed';
  clientId: string | null;
  startedAt: string;
  finishedAt: string | null;
  counts: { total: number; assets: number; checked: number; flagged: number; unknown: number; ms: number } | null;
  error: string | null;
}

export const WASTE_CODES = [
  'domain-not-delegated',
  'domain-no-records',
  'domain-parked',
  'hosting-no-live-site',
  'no-active-project',
  'duplicate',
  'auto-renew-retired-project',
] as const;
export type WasteCode = (typeof WASTE_CODES)[number];

export interface WasteItem {
  assetId: string;
  assetName: string;
  identifier: string;
  kind: string;
  clientId: string;
  clientName: string;
  state: 'open' | 'cancel-decided';
  reasons: { code: WasteCode; evidence: string[]; duplicateOf?: string }[];
  unknown: string[];
  yearlySaving: Money | null;
  decision: { decision: 'keep' | 'cancel'; decidedAt: string; keptUntil: string | null } | null;
}

export interface ClientTotal {
  clientId: string;
  clientName: string;
  totals: Money[];
  unpriced: number;
  items: number;
}

export interface WasteReport {
  audit: { id: string; startedAt: string; finishedAt: string | null } | null;
  items: WasteItem[];
  nextCursor: string | null;
  byClient: ClientTotal[];
  overall: { totals: Money[]; unpriced: number; items: number };
}

export interface ReportFilter {
  clientId: string;
  code: string;
  state: 'open' | 'cancel-decided';
}

export const loadReport = (f: ReportFilter, cursor?: string) =>
  api<WasteReport>('GET', `/waste-report${query({ clientId: f.clientId || undefined, code: f.code || undefined, state: f.state, cursor, limit: 50 })}`);

export const loadLatestAudit = async () => (await api<Page<WasteAudit>>('GET', '/waste-audits?limit=1')).items[0] ?? null;
export const loadAudit = (id: string) => api<WasteAudit>('GET', `/waste-audits/${id}`);
export const startAudit = () => api<WasteAudit>('POST', '/waste-audits', {});
export const loadClients = async () => (await api<Page<{ id: string; name: string }>>('GET', '/clients?limit=200')).items;

export const decide = (assetId: string, body: { decision: 'keep' | 'cancel'; keepForDays?: number; note?: string }) =>
  api<unknown>('POST', `/assets/${assetId}/waste-decision`, body);
