import { api, query } from '../../../api/client.ts';
import type { ForecastView as Forecast, KpisView as Kpis } from '../../../../../src/renewals/kpis.service.ts';

/** The renewal KPIs and the spend forecast, in the server's own types (what src/renewals/kpis.schemas.ts sends). */
export type { Forecast, Kpis };

export interface InsightFilter {
  from?: string | undefined;
  to?: string | undefined;
  clientId?: string | undefined;
}

export const loadKpis = (f: InsightFilter) => api<Kpis>('GET', `/renewals/kpis${query({ from: f.from, to: f.to, clientId: f.clientId })}`);
export const loadForecast = (f: InsightFilter) => api<Forecast>('GET', `/renewals/forecast${query({ clientId: f.clientId, months: 12 })}`);
