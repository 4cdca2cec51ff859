import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './tickets.schemas.ts';
import * as service from './tickets.service.ts';
import { addMessage } from './tickets.thread.service.ts';

const tags = ['tickets'];
const read = { access: 'desk:read' } as const;
const write = { access: 'tickets:write' } as const;

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

// Paged by the nearest due instant, which is null for tickets with no running clock.
const cursorOf = (raw: string | undefined) => cursorFromQuery(raw, (v) => v === null || instantValue(v));

export function ticketRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/tickets',
    { config: read, schema: { tags, summary: 'List tickets, nearest due first; a client sees its own only', querystring: schemas.ticketQuery, response: { 200: schemas.ticketPage, ...problems(400, 401, 403) } } },
    async (req) => {
      const { cursor, ...filter } = req.query;
      return service.listTickets(deps, req.actor, { ...filter, cursor: cursorOf(cursor) });
    },
  );

  app.get(
    '/api/v1/tickets/summary',
    { config: read, schema: { tags, summary: 'Open tickets, at risk (past 75 % of a target) and breached: the "SLA at risk" tile', response: { 200: schemas.ticketSummary, ...problems(401, 403) } } },
    async (req) => service.ticketSummary(deps, req.actor),
  );

  app.post(
    '/api/v1/tickets',
    {
      config: write,
      schema: { tags, summary: "Open a ticket under its client's SLA plan; the client gets an acknowledgement with the target times", body: schemas.newTicket, response: { 201: schemas.ticketView, ...problems(400, 401, 403, 413, 415, 422) } },
    },
    async (req, reply) => reply.code(201).send(await service.createTicket(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/tickets/:id',
    { config: read, schema: { tags, summary: 'One ticket with its clocks, thread and history', params: schemas.idParams, response: { 200: schemas.ticketDetail, ...problems(400, 401, 403, 404) } } },
    async (req) => service.ticketDetail(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/tickets/:id',
    {
      config: write,
      schema: { tags, summary: 'Change status, severity, assignee or title; a client can only close or reopen', params: schemas.idParams, body: schemas.ticketPatch, response: { 200: schemas.ticketView, ...problems(400, 401, 403, 404, 409, 413, 415) } },
    },
    async (req) => service.updateTicket(deps, ctxOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/v1/tickets/:id/messages',
    {
      config: write,
      schema: { tags, summary: 'Reply (public) or add an internal note; the first public staff reply is the first response', params: schemas.idParams, body: schemas.newMessage, response: { 201: schemas.messageView, ...problems(400, 401, 403, 404, 409, 413, 415) } },
    },
    async (req, reply) => reply.code(201).send(await addMessage(deps, ctxOf(req), req.params.id, req.body)),
  );
}
