import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { invoiceFileName, renderInvoicePdf } from './invoice-pdf.ts';
import { documentOf, getInvoiceDocument } from './invoices.document.ts';
import * as schemas from './invoices.schemas.ts';
import * as service from './invoices.service.ts';
import * as settle from './invoices.settle.service.ts';
import { invoicePayments, paymentReceiptPdf } from './payments.view.ts';
import { issueAndSend } from './invoice-sent.service.ts';

const tags = ['billing'];
const read = { access: 'billing:read' } as const;
const write = { access: 'billing:write' } as const;
const bodyProblems = problems(400, 401, 403, 404, 409, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

/** Shown in the browser unless `download=1` asks to save it. */
const disposition = (download: '0' | '1' | undefined, fileName: string) => `${download === '1' ? 'attachment' : 'inline'}; filename="${fileName}"`;

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
  move('issue', "Issue a draft and send it to the client: it takes the year's next number, today's date in the agency's time zone and a due date from the client's terms", (ctx, id) => issueAndSend(deps, ctx, id));
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

  app.get(
    '/api/v1/invoices/:id/pdf',
    { config: read, schema: { tags, summary: "An invoice or credit note as a PDF in the client's language", params: schemas.idParams, querystring: schemas.downloadQuery, response: { 200: schemas.invoicePdfFile, ...problems(400, 401, 403, 404) } } },
    async (req, reply) => {
      const document = await getInvoiceDocument(deps, req.actor, req.params.id);
      const pdf = await renderInvoicePdf(document);
      return reply.type('application/pdf').header('content-disposition', disposition(req.query.download, invoiceFileName(document))).send(pdf);
    },
  );

  app.get(
    '/api/v1/invoices/:id/payments',
    { config: read, schema: { tags, summary: "An invoice's payments and refunds, oldest first", params: schemas.idParams, response: { 200: schemas.paymentList, ...problems(400, 401, 403, 404) } } },
    async (req) => ({ items: await invoicePayments(deps, req.actor, req.params.id) }),
  );

  app.get(
    '/api/v1/payments/:id/receipt.pdf',
    { config: read, schema: { tags, summary: "A payment's or refund's receipt as a one-page PDF in the client's language", params: schemas.paymentParams, querystring: schemas.downloadQuery, response: { 200: schemas.receiptPdfFile, ...problems(400, 401, 403, 404) } } },
    async (req, reply) => {
      const { pdf, fileName } = await paymentReceiptPdf(deps, req.actor, req.params.id);
      return reply.type('application/pdf').header('content-disposition', disposition(req.query.download, fileName)).send(pdf);
    },
  );
}
