import type { RouteModule } from '../platform/http/server.ts';
import { invoiceRoutes } from './invoices.routes.ts';
import { profileRoutes } from './profiles.routes.ts';

/** Billing's routes: invoices, credit notes, payments recorded by hand and clients' billing profiles. */
export const billingRoutes: RouteModule[] = [invoiceRoutes, profileRoutes];
