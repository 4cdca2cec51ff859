import type { RouteModule } from '../platform/http/server.ts';
import { heartbeatRoutes } from './heartbeat.routes.ts';
import { incidentRoutes } from './incidents.routes.ts';
import { maintenanceRoutes } from './maintenance.routes.ts';
import { monitorRoutes } from './monitors.routes.ts';
import { statusPageRoutes } from './status-pages.routes.ts';

/** Every route of monitoring, for the composition root. */
export const monitoringRoutes: RouteModule[] = [monitorRoutes, incidentRoutes, maintenanceRoutes, statusPageRoutes, heartbeatRoutes];
