import type { Deps } from '../../platform/deps.ts';

/** Where people are sent from messages: pages of the web app and the API's documents. */
const at = (deps: Deps, path: string) => new URL(path, deps.config.publicUrl).toString();

export const invoiceUrl = (deps: Deps, invoiceId: string) => at(deps, `/billing/invoices/${invoiceId}`);
export const payUrl = (deps: Deps, invoiceId: string) => at(deps, `/billing/invoices/${invoiceId}?pay=1`);
export const methodsUrl = (deps: Deps) => at(deps, '/billing/methods');
export const invoicePdfUrl = (deps: Deps, invoiceId: string) => at(deps, `/api/v1/invoices/${invoiceId}/pdf`);
export const receiptUrl = (deps: Deps, paymentId: string) => at(deps, `/api/v1/payments/${paymentId}/receipt.pdf`);
