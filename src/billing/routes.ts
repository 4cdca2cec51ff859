import type { RouteModule } from '../platform/http/server.ts';
import { invoiceRoutes } from './invoices.routes.ts';
import { billingKpiRoutes } from './kpis.routes.ts';
import { profileRoutes } from './profiles.routes.ts';
import { slaCreditRoutes } from './sla-credits.routes.ts';
import { chargeRoutes, paymentMethodRoutes, paymentSettingsRoutes } from './payments/payments.routes.ts';
import { refundRoutes } from './payments/refunds.routes.ts';
import { webhookRoutes } from './payments/webhooks.routes.ts';
import { sellerRoutes } from './seller/seller.routes.ts';

/** Billing's routes: invoices, credit notes, payments recorded by hand, clients' billing profiles, SLA credits, payment settings and methods, charges, refunds, approvals, dunning, the gateways' webhooks, the billing KPIs and the seller details invoices print. */
export const billingRoutes: RouteModule[] = [invoiceRoutes, profileRoutes, slaCreditRoutes, paymentSettingsRoutes, paymentMethodRoutes, chargeRoutes, refundRoutes, webhookRoutes, billingKpiRoutes, sellerRoutes];
