import { accountRoutes } from './accounts/routes.ts';
import { installGuard } from './accounts/guard.ts';
import { auditRoutes } from './platform/audit/routes.ts';
import type { Deps } from './platform/deps.ts';
import { healthRoutes } from './platform/http/health.routes.ts';
import { buildServer, type App } from './platform/http/server.ts';
import { assetRoutes } from './registry/assets.routes.ts';
import { assetBulkRoutes } from './registry/assets.bulk.routes.ts';
import { importRoutes } from './registry/import/routes.ts';
import { exportRoutes } from './registry/export/routes.ts';
import { partyRoutes } from './registry/parties.routes.ts';
import { attentionRoutes } from './registry/attention.routes.ts';
import { serveWebApp } from './platform/http/static.ts';
import { demoRoutes } from './demo.routes.ts';
import { monitoringRoutes } from './monitoring/routes.ts';
import { outboxRoutes } from './notifications/deliveries.routes.ts';
import { policyRoutes } from './notifications/policies.routes.ts';
import { renewalRoutes } from './renewals/routes.ts';
import { deskRoutes } from './desk/routes.ts';
import { billingRoutes } from './billing/routes.ts';

/** The composition root: every capability's routes, behind the one guard. */
export async function buildApp(deps: Deps): Promise<App> {
  const app = await buildServer(deps, {
    guard: installGuard(deps),
    routes: [healthRoutes, accountRoutes, partyRoutes, assetBulkRoutes, assetRoutes, attentionRoutes, importRoutes, exportRoutes, auditRoutes, demoRoutes, ...monitoringRoutes, ...outboxRoutes, ...policyRoutes, ...renewalRoutes, ...deskRoutes, ...billingRoutes],
  });
  if (!(await serveWebApp(app))) deps.logger.warn('web/dist is missing: run `npm run build:web` to serve the web app');
  return app;
}
