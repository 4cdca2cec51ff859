import type { Actor } from '../accounts/model.ts';
import { clientScope } from '../accounts/authorization.ts';
import { decodeCursor, encodeCursor, toPage } from '../platform/db/keyset.ts';
import type { Deps } from '../platform/deps.ts';
import { invalid } from '../platform/http/problem.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as service from './escalation.service.ts';
import { listPolicies } from './escalation.store.ts';
import * as schemas from './policies.schemas.ts';
import { idCursor } from './routing.routes.ts';

const tags = ['escalation'];
const manage = { access: 'notifications:manage' } as const;
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

/** The escalations cursor carries (startedAt, subjectKey policyId). */
function escalationCursor(raw: string | undefined) {
  if (!raw) return undefined;
  const cursor = decodeCursor(raw);
  const [subjectKey, policyId] = cursor?.id.split(' ') ?? [];
  if (!cursor || typeof cursor.value !== 'string' || !subjectKey || !policyId) {
    throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
  }
  return { startedAt: cursor.value, subjectKey, policyId };
}

export function escalationRoutes(app: App, deps: Deps): void {
  const bodyProblems = problems(400, 401, 403, 413, 415);

  app.get('/api/v1/escalation-policies', { config: manage, schema: { tags, summary: 'List escalation policies', querystring: schemas.listQuery, response: { 200: schemas.policyPage, ...problems(400, 401, 403) } } }, async (req) => {
    const rows = await listPolicies(deps.database.db, req.query.limit + 1, idCursor(req.query.cursor));
    return toPage(rows, req.query.limit, (r) => ({ value: r.id, id: r.id }), (r) => r);
  });
  app.post('/api/v1/escalation-policies', { config: manage, schema: { tags, summary: 'Add an escalation policy', body: schemas.policyBody, response: { 201: schemas.policyView, ...bodyProblems } } }, async (req, reply) =>
    reply.code(201).send(await service.createPolicy(deps, ctxOf(req), req.body)),
  );

  const byId = '/api/v1/escalation-policies/:id';
  app.get(byId, { config: manage, schema: { tags, summary: 'One escalation policy', params: schemas.idParams, response: { 200: schemas.policyView, ...problems(400, 401, 403, 404) } } }, async (req) =>
    service.getPolicy(deps, req.params.id),
  );
  app.patch(byId, { config: manage, schema: { tags, summary: 'Change an escalation policy', params: schemas.idParams, body: schemas.policyPatch, response: { 200: schemas.policyView, ...bodyProblems, ...problems(404) } } }, async (req) =>
    service.updatePolicy(deps, ctxOf(req), req.params.id, req.body),
  );
  app.delete(byId, { config: manage, schema: { tags, summary: 'Delete an escalation policy no rule uses', params: schemas.idParams, response: { 204: noContent, ...problems(400, 401, 403, 404, 409) } } }, async (req, reply) => {
    await service.deletePolicy(deps, ctxOf(req), req.params.id);
    return reply.code(204).send();
  });

  // Staff see escalations; a client-portal user sees none (they are the agency's internal paging).
  app.get(
    '/api/v1/escalations',
    { config: { access: 'monitoring:read' }, schema: { tags, summary: 'Escalations, newest first; running ones with state=running', querystring: schemas.escalationQuery, response: { 200: schemas.escalationPage, ...problems(400, 401, 403) } } },
    async (req) => {
      if (clientScope(req.actor) !== null) return { items: [], nextCursor: null };
      const { limit, state, subjectKey, cursor } = req.query;
      const rows = await service.listEscalations(deps, { limit: limit + 1, state, subjectKey, after: escalationCursor(cursor) });
      const more = rows.length > limit;
      const items = more ? rows.slice(0, limit) : rows;
      const last = items[items.length - 1];
      return { items, nextCursor: more && last ? encodeCursor({ value: last.startedAt, id: `${last.subjectKey} ${last.policyId}` }) : null };
    },
  );
}
