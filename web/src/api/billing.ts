import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, ApiError, query, type Page } from './client.ts';
import type { User } from './types.ts';
import type { InvoiceState } from '../../../src/billing/invoice-states.model.ts';
import type { TaxRate } from '../../../src/billing/invoice.model.ts';
import type { InvoiceDocument, InvoiceDocumentLine } from '../../../src/billing/invoice.types.ts';
import type { InvoiceRecord } from '../../../src/billing/invoices.store.ts';
import type { BillingProfile } from '../../../src/billing/profiles.store.ts';
import type * as sellerSchemas from '../../../src/billing/seller/seller.schemas.ts';

/**
 * Types and queries of billing, in the server's own types (what src/billing/invoices.schemas.ts
 * and profiles.schemas.ts send). Amounts are minor units of the invoice's currency; quantities
 * whole thousandths of a unit.
 */
export type { BillingProfile, InvoiceDocument, InvoiceDocumentLine, InvoiceState, TaxRate };
// A pure list with no imports of its own: safe to bundle.
export { INVOICE_STATES } from '../../../src/billing/invoice-states.model.ts';

/** An invoice in a list (the API's InvoiceSummary). */
export type InvoiceSummary = Pick<
  InvoiceRecord,
  'id' | 'kind' | 'number' | 'state' | 'clientId' | 'currency' | 'issuedOn' | 'dueOn' | 'subtotal' | 'tax' | 'total' | 'paid' | 'correctingInvoiceId' | 'createdAt'
>;

/** A payment or refund recorded against an invoice (GET /invoices/{id}/payments). */
export interface InvoicePayment {
  id: string;
  kind: 'payment' | 'refund';
  amount: number;
  currency: string;
  gateway: string | null;
  receivedAt: string;
  method: string | null;
}

/** Staff with billing:read (owner, admin, manager) and client portal users (their own client's issued invoices). */
export const canReadBilling = (user: User | null) => user !== null && user.role !== 'viewer';
/** billing:write: create, change, issue, void, credit, record payments, set profiles. */
export const canWriteBilling = (user: User | null) => user !== null && ['owner', 'admin'].includes(user.role);

export interface InvoiceFilters {
  state?: string | undefined;
  clientId?: string | undefined;
}

export function useInvoices(f: InvoiceFilters) {
  return useInfiniteQuery({
    queryKey: ['invoices', f],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<InvoiceSummary>>('GET', `/invoices${query({ ...f, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export const useInvoice = (id: string) => useQuery({ queryKey: ['invoice', id], retry: false, queryFn: () => api<InvoiceDocument>('GET', `/invoices/${id}`) });

/**
 * The payments of an invoice; null while the server has no such route (404), so the page can
 * leave the section out instead of showing an error.
 */
export const useInvoicePayments = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: ['invoice', id, 'payments'],
    enabled,
    retry: false,
    queryFn: async () => {
      try {
        const answer = await api<InvoicePayment[] | Page<InvoicePayment>>('GET', `/invoices/${id}/payments`);
        return Array.isArray(answer) ? answer : answer.items;
      } catch (err) {
        if (err instanceof ApiError && err.status === 404) return null;
        throw err;
      }
    },
  });

export const useBillingProfile = (clientId: string | undefined) =>
  useQuery({ queryKey: ['billing-profile', clientId], enabled: Boolean(clientId), queryFn: () => api<BillingProfile>('GET', `/clients/${clientId}/billing-profile`) });

export const invoicePdfUrl = (id: string) => `/api/v1/invoices/${encodeURIComponent(id)}/pdf`;
export const receiptUrl = (paymentId: string) => `/api/v1/payments/${encodeURIComponent(paymentId)}/receipt.pdf`;

// ---- the agency's seller details (owners and admins) ----

/** What GET /billing/seller answers: the stored details and the name invoices print. */
export type SellerDetailsView = z.output<typeof sellerSchemas.sellerView>;
export type SellerDetailsBody = z.input<typeof sellerSchemas.sellerBody>;

export const useSellerDetails = (enabled = true) => useQuery({ queryKey: ['billing-seller'], enabled, queryFn: () => api<SellerDetailsView>('GET', '/billing/seller') });
export const saveSellerDetails = (body: SellerDetailsBody) => api<SellerDetailsView>('PUT', '/billing/seller', body);
