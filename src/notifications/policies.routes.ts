import type { RouteModule } from '../platform/http/server.ts';
import { ackRoutes } from './ack.routes.ts';
import { escalationRoutes } from './escalation.routes.ts';
import { quietHoursRoutes } from './quiet-hours.routes.ts';
import { routingRoutes } from './routing.routes.ts';

/** Routing rules, escalation policies, acknowledgements and notification schedules. */
export const policyRoutes: RouteModule[] = [routingRoutes, escalationRoutes, ackRoutes, quietHoursRoutes];
