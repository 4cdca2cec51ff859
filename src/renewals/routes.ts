import type { RouteModule } from '../platform/http/server.ts';
import { calendarRoutes } from './calendar.routes.ts';
import { kpiRoutes } from './kpis.routes.ts';
import { renewalPolicyRoutes } from './policies.routes.ts';
import { sweepRoutes } from './sweep.routes.ts';
import { taskRoutes } from './tasks.routes.ts';
import { wasteRoutes } from './waste.routes.ts';

/** Every route of renewals, for the composition root. */
export const renewalRoutes: RouteModule[] = [taskRoutes, renewalPolicyRoutes, sweepRoutes, wasteRoutes, calendarRoutes, kpiRoutes];
