import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery } from '../platform/http/cursor.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './plans.schemas.ts';
import * as service from './plans.service.ts';
import * as sla from './sla.service.ts';

const tags = ['desk'];
const read = { access: 'desk:read' } as const;
const manage = { access: 'desk:manage' } as const;
const bodyProblems = problems(400, 401, 403, 404, 409, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

export function planRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/sla-plans',
    { config: read, schema: { tags, summary: "List SLA plans, by name; a client's portal user sees its own only", querystring: schemas.listQuery, response: { 200: schemas.planPage, ...problems(400, 401, 403) } } },
    async (req) => {
      const { cursor, ...filter } = req.query;
      return service.listPlans(deps, ctxOf(req), { ...filter, cursor: cursorFromQuery(cursor) });
    },
  );

  app.post(
    '/api/v1/sla-plans',
    {
      config: manage,
      schema: { tags, summary: "Create an SLA plan for a client (one each) or a template; fields left out come from the agency's default", body: schemas.planBody, response: { 201: schemas.planView, ...problems(400, 401, 403, 409, 413, 415) } },
    },
    async (req, reply) => reply.code(201).send(await service.createPlan(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/sla-plans/:id',
    { config: read, schema: { tags, summary: 'One SLA plan', params: schemas.idParams, response: { 200: schemas.planView, ...problems(400, 401, 403, 404) } } },
    async (req) => service.getPlan(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/sla-plans/:id',
    { config: manage, schema: { tags, summary: 'Change an SLA plan; a severity given replaces that severity as a whole', params: schemas.idParams, body: schemas.planPatch, response: { 200: schemas.planView, ...bodyProblems } } },
    async (req) => service.updatePlan(deps, ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/sla-plans/:id',
    { config: manage, schema: { tags, summary: "Delete an SLA plan (not the agency's default)", params: schemas.idParams, response: { 204: noContent, ...problems(400, 401, 403, 404, 409) } } },
    async (req, reply) => {
      await service.deletePlan(deps, ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  // A GET: it changes nothing, so read-only tokens and portal users may ask it.
  app.get(
    '/api/v1/sla-plans/:id/targets-preview',
    {
      config: read,
      schema: {
        tags,
        summary: 'What a new ticket of a severity, created at a given instant, would be promised: due times, support hours, when work starts',
        params: schemas.idParams,
        querystring: schemas.previewQuery,
        response: { 200: schemas.targetsPreviewView, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req) => sla.targetsPreview(deps, req.actor, req.params.id, req.query.severity, new Date(req.query.createdAt)),
  );

  app.get(
    '/api/v1/clients/:id/sla',
    { config: read, schema: { tags, summary: "A client's SLA: targets as durations, support hours, channels and uptime guarantee; 404 when it has no plan", params: schemas.clientParams, response: { 200: schemas.clientSlaView, ...problems(400, 401, 403, 404) } } },
    async (req) => sla.clientSla(deps, req.actor, req.params.id),
  );
}
