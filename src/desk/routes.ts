import type { RouteModule } from '../platform/http/server.ts';
import { calendarRoutes } from './calendars.routes.ts';
import { planRoutes } from './plans.routes.ts';
import { reportRoutes } from './reports.routes.ts';
import { ticketRoutes } from './tickets.routes.ts';

/** The desk's routes: business calendars, SLA plans, tickets and monthly reports. */
export const deskRoutes: RouteModule[] = [calendarRoutes, planRoutes, ticketRoutes, reportRoutes];
