import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './kpis.schemas.ts';
import * as service from './kpis.service.ts';

const tags = ['renewals'];
const read = { access: 'renewals:read' } as const;

export function kpiRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/renewals/kpis',
    { config: read, schema: { tags, summary: 'Renewal KPIs over a period: success rate, lapses, median lead time, cost per month', querystring: schemas.kpisQuery, response: { 200: schemas.kpisView, ...problems(400, 401, 403, 404) } } },
    async (req) => {
      await service.checkFilter(deps, { clientId: req.query.clientId });
      return service.kpis(deps, service.kpiPeriod(deps, req.query.from, req.query.to), req.query.clientId);
    },
  );

  app.get(
    '/api/v1/renewals/forecast',
    { config: read, schema: { tags, summary: 'Spend forecast of the coming months, per client and provider', querystring: schemas.forecastQuery, response: { 200: schemas.forecastView, ...problems(400, 401, 403, 404) } } },
    async (req) => {
      const filter = { clientId: req.query.clientId, providerId: req.query.providerId };
      await service.checkFilter(deps, filter);
      return service.forecast(deps, filter, req.query.months);
    },
  );
}
