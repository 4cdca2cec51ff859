import { api, query, type Page } from '../../../api/client.ts';
import type { Money } from '../../../api/types.ts';
import type { WasteCode } from '../../../../../src/renewals/waste.model.ts';
import type { ClientTotal, ReportItem, WasteReport } from '../../../../../src/renewals/waste.report.ts';
import type { DecisionInput, WasteAuditRecord as WasteAudit } from '../../../../../src/renewals/waste.service.ts';

/** The waste audit API as the page uses it, in the server's own types (what src/renewals/waste.schemas.ts sends). */
export type { Money, WasteAudit, WasteCode };

export { WASTE_CODES } from '../../../../../src/renewals/waste-codes.model.ts';

/** The report as the server builds it (src/renewals/waste.report.ts). */
export type WasteItem = ReportItem;
export type { ClientTotal, WasteReport };

/** The filter form's state: an empty string means all (the server's filter leaves the field out). */
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

export const decide = (assetId: string, body: DecisionInput) =>
  api<unknown>('POST', `/assets/${assetId}/waste-decision`, body);
