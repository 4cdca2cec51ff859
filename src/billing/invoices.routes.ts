import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { documentOf, getInvoiceDocument } from './invoices.document.ts';
import * as schemas from './invoices.schemas.ts';
import * as service from './invoices.service.ts';
import * as settle from './invoices.settle.service.ts';

const tags = ['billing'];
const read = { access: 'billing:read' } as const;
const write = { access: 'billing:write' } as const;
const bodyProblems = problems(400, 401, 403, 404, 409, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

export function invoiceRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/invoices',
    { config: read, schema: { tags, summary: 'List invoices and credit notes, newest first (a portal user: its own issued ones)', querystring: schemas.listQuery, response: { 200: schemas.invoicePage, ...problems(400, 401, 403) } } },
    async (req) => service.listInvoices(deps, req.actor, { ...req.query, cursor: cursorFromQuery(req.query.cursor, instantValue) }),
  );

  app.post(
    '/api/v1/invoices',
    { config: write, schema: { tags, summary: 'Create a draft invoice', body: schemas.draftBody, response: { 201: schemas.documentView, ...problems(400, 401, 403, 413, 415) } } },
    async (req, reply) => reply.code(201).send(await documentOf(deps, await service.createDraft(deps, ctxOf(req), req.body))),
  );

  app.get(
    '/api/v1/invoices/:id',
    { config: read, schema: { tags, summary: 'One invoice or credit note, as a document', params: schemas.idParams, response: { 200: schemas.documentView, ...problems(400, 401, 403, 404) } } },
    async (req) => getInvoiceDocument(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/invoices/:id',
    { config: write, schema: { tags, summary: "Change a draft's lines or notes", params: schemas.idParams, body: schemas.draftPatch, response: { 200: schemas.documentView, ...bodyProblems } } },
    async (req) => documentOf(deps, await service.updateDraft(deps, ctxOf(req), req.params.id, req.body)),
  );

  const move = (path: string, summary: string, run: (ctx: service.Ctx, id: string) => Promise<service.InvoiceRecord>) =>
    app.post(
      `/api/v1/invoices/:id/${path}`,
      { config: write, schema: { tags, summary, params: schemas.idParams, response: { 200: schemas.documentView, ...problems(400, 401, 403, 404, 409) } } },
      async (req) => documentOf(deps, await run(ctxOf(req), req.params.id)),
    );
  move('issue', "Issue a draft: it takes the year's next number, today's date in the agency's time zone and a due date from the client's terms", (ctx, id) => service.issueInvoice(deps, ctx, id));
  move('void', 'Void a draft or an open invoice with nothing paid', (ctx, id) => settle.voidInvoice(deps, ctx, id));
  move('uncollectible', 'Write an invoice off as uncollectible; a late payment can still settle it', (ctx, id) => settle.markUncollectible(deps, ctx, id));

  app.post(
    '/api/v1/invoices/:id/payments',
    { config: write, schema: { tags, summary: 'Record a payment received outside a gateway', params: schemas.idParams, body: schemas.paymentBody, response: { 201: schemas.paymentView, ...bodyProblems } } },
    async (req, reply) => {
      const { invoice, payment } = await settle.recordPayment(deps, ctxOf(req), req.params.id, req.body);
      return reply.code(201).send({ payment, invoice: await documentOf(deps, invoice) });
    },
  );

  app.post(
    '/api/v1/invoices/:id/credit-notes',
    { config: write, schema: { tags, summary: 'Issue a credit note negating some or all of an issued invoice', params: schemas.idParams, body: schemas.creditBody, response: { 201: schemas.creditView, ...bodyProblems } } },
    async (req, reply) => {
      const { creditNote, invoice } = await settle.issueCreditNote(deps, ctxOf(req), req.params.id, req.body);
      return reply.code(201).send({ creditNote: await documentOf(deps, creditNote), invoice: await documentOf(deps, invoice) });
    },
  );
}
