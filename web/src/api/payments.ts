import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, query } from './client.ts';
import type { User } from './types.ts';
import type * as kpiSchemas from '../../../src/billing/kpis.schemas.ts';
import type * as schemas from '../../../src/billing/payments/payments.schemas.ts';
import type * as refundSchemas from '../../../src/billing/payments/refunds.schemas.ts';
import type { InvoiceDocument } from './billing.ts';

/**
 * Payments as the web app uses them: the agency's gateways and settings, a client's saved payment
 * methods, charges of an invoice, automatic charges waiting for approval and dunning cases. Shapes
 * are the server's own schemas (src/billing/payments/payments.schemas.ts; type-only imports, so
 * nothing of the server reaches the bundle). Amounts are minor units of their currency.
 */
export type BillingSettings = z.output<typeof schemas.settingsBody>;
export type GatewayName = NonNullable<BillingSettings['primaryGateway']>;
export type PaymentGateway = z.output<typeof schemas.gatewayViewSchema>;
export type SettingsView = z.output<typeof schemas.settingsView>;
export type PaymentMethod = z.output<typeof schemas.methodView>;
export type Charge = z.output<typeof schemas.chargeView>;
export type ChargeState = Charge['state'];
export type AutoCharge = z.output<typeof schemas.autoChargeView>;
export type AutoChargeState = AutoCharge['state'];
export type DunningCase = z.output<typeof schemas.dunningView>;
export type DunningState = DunningCase['state'];
export type InvoiceCharges = z.output<typeof schemas.chargesOfInvoice>;
export type StripeCredentials = z.input<typeof schemas.stripeBody>;
export type PaypalCredentials = z.input<typeof schemas.paypalBody>;

export const GATEWAYS: readonly GatewayName[] = ['stripe', 'paypal'];

/** billing:pay — paying an invoice and managing saved methods: owners, admins and a client's own portal users. */
export const canPay = (user: User | null) => user !== null && ['owner', 'admin', 'client'].includes(user.role);
/** billing:write — settings, gateways, approving automatic charges, stopping dunning: owners and admins. */
export const canManagePayments = (user: User | null) => user !== null && ['owner', 'admin'].includes(user.role);
/** billing:oversee — the agency's queues and figures (approvals, dunning, KPIs): owners, admins and managers. */
export const canOverseeBilling = (user: User | null) => user !== null && ['owner', 'admin', 'manager'].includes(user.role);

// ---- settings and gateways ----

export const useBillingSettings = (enabled = true) =>
  useQuery({ queryKey: ['billing-settings'], enabled, queryFn: () => api<SettingsView>('GET', '/billing/settings') });
export const saveBillingSettings = (settings: BillingSettings) => api<SettingsView>('PUT', '/billing/settings', settings);
export const saveGateway = (name: GatewayName, body: StripeCredentials | PaypalCredentials) => api<PaymentGateway>('PUT', `/billing/gateways/${name}`, body);
export const removeGateway = (name: GatewayName) => api<void>('DELETE', `/billing/gateways/${name}`);

// ---- saved payment methods ----

export const methodsKey = (clientId: string) => ['payment-methods', clientId] as const;
export const usePaymentMethods = (clientId: string | null | undefined) =>
  useQuery({
    queryKey: methodsKey(clientId ?? ''),
    enabled: Boolean(clientId),
    queryFn: async () => (await api<{ items: PaymentMethod[] }>('GET', `/clients/${clientId}/payment-methods`)).items,
  });
export const startMethodSetup = (clientId: string, gateway?: GatewayName) =>
  api<{ setupId: string; url: string }>('POST', `/clients/${clientId}/payment-methods/setup`, gateway ? { gateway } : {});
/** After the gateway's hosted page sent the browser back: take what was saved there. */
export const finishMethodSetup = (setupId: string) => api<z.output<typeof schemas.setupResult>>('POST', `/billing/method-setups/${setupId}/finish`);
export const makeDefaultMethod = async (clientId: string, methodId: string) =>
  (await api<{ items: PaymentMethod[] }>('POST', `/clients/${clientId}/payment-methods/${methodId}/default`)).items;
export const removeMethod = async (clientId: string, methodId: string) =>
  (await api<{ items: PaymentMethod[] }>('DELETE', `/clients/${clientId}/payment-methods/${methodId}`)).items;

// ---- charges of an invoice ----

export const chargesKey = (invoiceId: string) => ['invoice', invoiceId, 'charges'] as const;
export const useInvoiceCharges = (invoiceId: string) =>
  useQuery({ queryKey: chargesKey(invoiceId), queryFn: () => api<InvoiceCharges>('GET', `/invoices/${invoiceId}/charges`) });
export const payInvoice = (invoiceId: string, methodId: string) => api<Charge>('POST', `/invoices/${invoiceId}/pay`, { methodId });

// ---- refunds (billing:write) ----

export type Refund = z.output<typeof refundSchemas.refundView>;
export type InvoiceRefunds = z.output<typeof refundSchemas.refundsOfInvoice>;
export type RefundablePayment = InvoiceRefunds['payments'][number];
export interface RefundRequest {
  /** Minor units; left out: all that remains of the payment. */
  amount?: number;
  reason: string;
  /** The same for every retry of one refund, so the gateway refunds once. */
  requestKey: string;
}

export const refundsKey = (invoiceId: string) => ['invoice', invoiceId, 'refunds'] as const;
export const useInvoiceRefunds = (invoiceId: string, enabled: boolean) =>
  useQuery({ queryKey: refundsKey(invoiceId), enabled, queryFn: () => api<InvoiceRefunds>('GET', `/invoices/${invoiceId}/refunds`) });
export const refundPayment = (invoiceId: string, paymentId: string, body: RefundRequest) =>
  api<{ refund: Refund; invoice: InvoiceDocument }>('POST', `/invoices/${invoiceId}/payments/${paymentId}/refund`, body);

// ---- approvals and dunning ----

export const useApprovals = (state: AutoChargeState = 'awaiting-approval') =>
  useQuery({ queryKey: ['billing-approvals', state], queryFn: async () => (await api<{ items: AutoCharge[] }>('GET', `/billing/approvals${query({ state })}`)).items });
export const decideApproval = (invoiceId: string, decision: 'approve' | 'reject') => api<AutoCharge>('POST', `/billing/approvals/${invoiceId}/${decision}`);

export const useDunning = (state: DunningState) =>
  useQuery({ queryKey: ['billing-dunning', state], queryFn: async () => (await api<{ items: DunningCase[] }>('GET', `/billing/dunning${query({ state })}`)).items });
export const stopDunning = (invoiceId: string) => api<DunningCase>('POST', `/billing/dunning/${invoiceId}/stop`);

// ---- KPIs ----

export type BillingKpis = z.output<typeof kpiSchemas.kpisView>;
export type RenewalRevenue = BillingKpis['renewalRevenue']['totals'][number];
export type PaymentOutcomes = BillingKpis['failedPayments']['overall'];

export interface KpiFilters {
  from?: string | undefined;
  to?: string | undefined;
  clientId?: string | undefined;
}

export const useBillingKpis = (f: KpiFilters, enabled = true) =>
  useQuery({ queryKey: ['billing-kpis', f], enabled, retry: false, queryFn: () => api<BillingKpis>('GET', `/billing/kpis${query({ ...f })}`) });
