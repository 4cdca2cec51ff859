import type { InvoiceDocument, InvoiceState } from '../../../api/billing.ts';

/**
 * What a person with billing:write may do to an invoice in each state — the moves of
 * src/billing/invoice-states.model.ts and the states the settle service accepts payments and
 * credit notes in. The buttons offer only these; the server still decides.
 */
export type InvoiceAction = 'edit' | 'issue' | 'payment' | 'credit' | 'uncollectible' | 'void';

const BY_STATE: Record<InvoiceState, readonly InvoiceAction[]> = {
  draft: ['edit', 'issue', 'void'],
  open: ['payment', 'credit', 'uncollectible', 'void'],
  'partially-paid': ['payment', 'credit', 'uncollectible'],
  uncollectible: ['payment', 'credit'],
  paid: ['credit'],
  void: [],
};

/** A credit note is settled when issued: nothing can be done to it. */
export const actionsFor = (invoice: Pick<InvoiceDocument, 'kind' | 'state'>): readonly InvoiceAction[] => (invoice.kind === 'invoice' ? BY_STATE[invoice.state] : []);
