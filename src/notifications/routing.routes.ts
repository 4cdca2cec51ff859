import type { Actor } from '../accounts/model.ts';
import { decodeCursor, toPage } from '../platform/db/keyset.ts';
import type { Deps } from '../platform/deps.ts';
import { invalid } from '../platform/http/problem.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as schemas from './policies.schemas.ts';
import * as service from './routing.service.ts';
import { listRules } from './routing.store.ts';

const tags = ['routing'];
const manage = { access: 'notifications:manage' } as const;
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

/** Decodes an id cursor of a list ordered by id; a cursor this server did not give out is a 400. */
export function idCursor(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const cursor = decodeCursor(raw);
  if (!cursor) throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
  return cursor.id;
}

export function routingRoutes(app: App, deps: Deps): void {
  const bodyProblems = problems(400, 401, 403, 413, 415);

  app.get('/api/v1/routing-rules', { config: manage, schema: { tags, summary: 'List routing rules', querystring: schemas.listQuery, response: { 200: schemas.rulePage, ...problems(400, 401, 403) } } }, async (req) => {
    const rows = await listRules(deps.database.db, req.query.limit + 1, idCursor(req.query.cursor));
    return toPage(rows, req.query.limit, (r) => ({ value: r.id, id: r.id }), (r) => r);
  });

  app.post('/api/v1/routing-rules', { config: manage, schema: { tags, summary: 'Add a routing rule', body: schemas.ruleBody, response: { 201: schemas.ruleView, ...bodyProblems } } }, async (req, reply) =>
    reply.code(201).send(await service.createRule(deps, ctxOf(req), req.body)),
  );

  app.post(
    '/api/v1/routing-rules/match',
    { config: manage, schema: { tags, summary: 'Which rules an event like this would match, whom they name, and who would be told', body: schemas.routingProbe, response: { 200: schemas.routingPreview, ...bodyProblems } } },
    async (req) => service.previewRouting(deps, req.body),
  );

  const byId = '/api/v1/routing-rules/:id';
  app.get(byId, { config: manage, schema: { tags, summary: 'One routing rule', params: schemas.idParams, response: { 200: schemas.ruleView, ...problems(400, 401, 403, 404) } } }, async (req) =>
    service.getRule(deps, req.params.id),
  );
  app.patch(byId, { config: manage, schema: { tags, summary: 'Change a routing rule', params: schemas.idParams, body: schemas.rulePatch, response: { 200: schemas.ruleView, ...bodyProblems, ...problems(404) } } }, async (req) =>
    service.updateRule(deps, ctxOf(req), req.params.id, req.body),
  );
  app.delete(byId, { config: manage, schema: { tags, summary: 'Delete a routing rule', params: schemas.idParams, response: { 204: noContent, ...problems(400, 401, 403, 404) } } }, async (req, reply) => {
    await service.deleteRule(deps, ctxOf(req), req.params.id);
    return reply.code(204).send();
  });

  app.get('/api/v1/on-call', { config: manage, schema: { tags, summary: 'Who `on-call` targets reach', response: { 200: schemas.onCallView, ...problems(401, 403) } } }, async () => service.readOnCall(deps));
  app.put('/api/v1/on-call', { config: manage, schema: { tags, summary: 'Set who is on call', body: schemas.onCallBody, response: { 200: schemas.onCallView, ...bodyProblems } } }, async (req) =>
    service.setOnCall(deps, ctxOf(req), req.body.userIds),
  );
}
