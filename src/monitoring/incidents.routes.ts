import type { Actor } from '../accounts/model.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import type { Deps } from '../platform/deps.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as service from './incidents.service.ts';
import * as schemas from './schemas.ts';

const tags = ['incidents'];
const read = { access: 'monitoring:read' } as const;
const write = { access: 'monitoring:write' } as const;

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

// Paged by start: the cursor carries an instant.
const cursorOf = (raw: string | undefined) => cursorFromQuery(raw, instantValue);

export function incidentRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/incidents',
    { config: read, schema: { tags, summary: 'List incidents, newest first, a page at a time', querystring: schemas.incidentQuery, response: { 200: schemas.incidentPage, ...problems(400, 401, 403) } } },
    async (req) => {
      const { cursor, ...filter } = req.query;
      return service.listIncidents(deps, req.actor, { ...filter, cursor: cursorOf(cursor) });
    },
  );

  app.get(
    '/api/v1/incidents/summary',
    { config: read, schema: { tags, summary: 'Open incidents, counted for the dashboard tile', response: { 200: schemas.incidentSummary, ...problems(401, 403) } } },
    async (req) => service.incidentSummary(deps, req.actor),
  );

  app.get(
    '/api/v1/incidents/:id',
    { config: read, schema: { tags, summary: 'One incident with its timeline and grouped incidents', params: schemas.idParams, response: { 200: schemas.incidentDetail, ...problems(400, 401, 403, 404) } } },
    async (req) => service.incidentDetail(deps, req.actor, req.params.id),
  );

  app.post(
    '/api/v1/incidents/:id/acknowledge',
    { config: write, schema: { tags, summary: 'Acknowledge an incident: someone has it in hand, escalation stops', params: schemas.idParams, response: { 200: schemas.incidentView, ...problems(400, 401, 403, 404, 409) } } },
    async (req) => service.acknowledgeIncident(deps, ctxOf(req), req.params.id),
  );

  app.patch(
    '/api/v1/incidents/:id',
    {
      config: write,
      schema: { tags, summary: 'Set the root cause of an incident', params: schemas.idParams, body: schemas.incidentPatch, response: { 200: schemas.incidentView, ...problems(400, 401, 403, 404, 413, 415) } },
    },
    async (req) => service.setRootCause(deps, ctxOf(req), req.params.id, req.body.rootCause),
  );

  app.post(
    '/api/v1/incidents/:id/updates',
    {
      config: write,
      schema: { tags, summary: 'Post an update: public (status pages) or an internal note', params: schemas.idParams, body: schemas.incidentUpdateBody, response: { 201: schemas.incidentUpdateView, ...problems(400, 401, 403, 404, 413, 415) } },
    },
    async (req, reply) => reply.code(201).send(await service.postUpdate(deps, ctxOf(req), req.params.id, req.body)),
  );
}
