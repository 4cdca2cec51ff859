import type { RouteModule } from '../platform/http/server.ts';
import { invoiceRoutes } from './invoices.routes.ts';
import { billingKpiRoutes } from './kpis.routes.ts';
import { profileRoutes } from './profiles.routes.ts';
import { slaCreditRoutes } from './sla-credits.routes.ts';
import { chargeRoutes, paymentMethodRoutes, paymentSettingsRoutes } from './payments/payments.routes.ts';
import { webhookRoutes } from './payments/webhooks.routes.ts';

/** Billing's routes: invoices, credit notes, payments recorded by hand, clients' billing profiles, SLA credits, payment settings and methods, charges, approvals, dunning, the gateways' webhooks and the billing KPIs. */
export const billingRoutes: RouteModule[] = [invoiceRoutes, profileRoutes, slaCreditRoutes, paymentSettingsRoutes, paymentMethodRoutes, chargeRoutes, webhookRoutes, billingKpiRoutes];
