import type { Actor } from '../../accounts/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { problems } from '../../platform/http/responses.ts';
import type { App } from '../../platform/http/server.ts';
import { documentOf } from '../invoices.document.ts';
import * as schemas from './refunds.schemas.ts';
import * as refunds from './refunds.service.ts';

const tags = ['billing'];
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

const refundView = (r: refunds.RefundRecord) => ({
  id: r.id,
  paymentId: r.paymentId,
  amount: r.amount,
  currency: r.currency,
  reason: r.reason,
  gateway: r.gateway,
  state: r.state,
  ledgerPaymentId: r.ledgerPaymentId,
  failure: r.failure,
  requestedAt: r.requestedAt,
  settledAt: r.settledAt,
});

/** Refunds made from Upkeep: owners and admins only (billing:write). */
export function refundRoutes(app: App, deps: Deps): void {
  const access = { access: 'billing:write' } as const;
  app.post(
    '/api/v1/invoices/:id/payments/:paymentId/refund',
    {
      config: access,
      schema: {
        tags,
        summary: 'Refund a payment, all that remains or part of it: through its gateway, or recorded only for a payment recorded by hand',
        params: schemas.refundParams,
        body: schemas.refundBody,
        response: { 200: schemas.refundResult, ...problems(400, 401, 403, 404, 409, 413, 415, 502) },
      },
    },
    async (req) => {
      const { refund, invoice } = await refunds.refundPayment(deps, ctxOf(req), req.params.id, req.params.paymentId, req.body);
      return { refund: refundView(refund), invoice: await documentOf(deps, invoice) };
    },
  );

  app.get(
    '/api/v1/invoices/:id/refunds',
    { config: access, schema: { tags, summary: "What each of an invoice's payments can still give back, and the refunds made from Upkeep", params: schemas.invoiceParams, response: { 200: schemas.refundsOfInvoice, ...problems(400, 401, 403, 404) } } },
    async (req) => {
      const { payments, items } = await refunds.refundsOf(deps, ctxOf(req), req.params.id);
      return { payments, items: items.map(refundView) };
    },
  );
}
