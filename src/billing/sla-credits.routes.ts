import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { documentOf } from './invoices.document.ts';
import { documentView } from './invoices.schemas.ts';
import * as schemas from './sla-credits.schemas.ts';
import * as service from './sla-credits.service.ts';

const tags = ['billing'];
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

/** SLA credits: the service credit of a client's monthly SLA report as a credit note, once per month. */
export function slaCreditRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/clients/:id/sla-credits',
    {
      config: { access: 'billing:read' },
      schema: { tags, summary: "A client's SLA credits, newest first, each with the invoice it lowered", params: schemas.clientParams, querystring: schemas.listQuery, response: { 200: schemas.slaCreditPage, ...problems(400, 401, 403, 404) } },
    },
    async (req) => service.listSlaCredits(deps, req.actor, req.params.id, { month: req.query.month, limit: req.query.limit, cursor: cursorFromQuery(req.query.cursor, instantValue) }),
  );

  app.post(
    '/api/v1/clients/:id/sla-credits',
    {
      config: { access: 'billing:write' },
      schema: {
        tags,
        summary: "Issue the credit note for the service credit a client's SLA report of an ended month says is owed; applied to the client's oldest invoice that still owes as much, or to its next invoice",
        params: schemas.clientParams,
        body: schemas.issueBody,
        response: { 201: documentView, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req, reply) => reply.code(201).send(await documentOf(deps, await service.issueSlaCredit(deps, ctxOf(req), req.params.id, req.body.month))),
  );
}
