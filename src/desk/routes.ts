import type { RouteModule } from '../platform/http/server.ts';
import { calendarRoutes } from './calendars.routes.ts';
import { planRoutes } from './plans.routes.ts';
import { ticketRoutes } from './tickets.routes.ts';

/** The desk's routes: business calendars, SLA plans and tickets (reports come later). */
export const deskRoutes: RouteModule[] = [calendarRoutes, planRoutes, ticketRoutes];
