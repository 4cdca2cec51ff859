import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './kpis.schemas.ts';
import * as service from './kpis.service.ts';

const tags = ['billing'];

export function billingKpiRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/billing/kpis',
    {
      config: { access: 'billing:oversee' },
      schema: { tags, summary: "Billing KPIs over whole months: revenue from renewals, failed payment rate, dunning recovery, DSO (the agency's staff only)", querystring: schemas.kpisQuery, response: { 200: schemas.kpisView, ...problems(400, 401, 403, 404) } },
    },
    async (req) => service.billingKpis(deps, req.query),
  );
}
