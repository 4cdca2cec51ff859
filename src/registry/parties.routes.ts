import type { z } from 'zod';
import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import type { ChangeContext } from '../platform/audit/model.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, toPage } from '../platform/db/keyset.ts';
import { invalid } from '../platform/http/problem.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as service from './parties.service.ts';
import * as store from './parties.store.ts';
import * as schemas from './schemas.ts';

type ListQuery = z.infer<typeof schemas.listQuery>;
type Ctx = ChangeContext & { actor: Actor };

/** Turn list query parameters into a store filter confined to what the actor may see. */
function namedFilter(actor: Actor, query: ListQuery): store.NamedListFilter {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (cursor === null || (cursor && typeof cursor.value !== 'string')) {
    throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
  }
  return {
    q: query.q,
    limit: query.limit,
    includeArchived: query.includeArchived,
    kind: query.kind,
    clientId: clientScope(actor) ?? query.clientId,
    after: cursor ? { name: cursor.value as string, id: cursor.id } : undefined,
  };
}

/** The five routes every party has, described once: clients, projects and providers fill it in. */
interface PartySpec<Row extends { id: string; name: string }> {
  path: string;
  tag: string;
  noun: string;
  body: z.ZodType;
  patch: z.ZodType;
  /** Response shapes: one in a list or after a change, a page of them, and the detail with its figures. */
  views: { item: z.ZodType; page: z.ZodType; detail: z.ZodType };
  list(filter: store.NamedListFilter): Promise<Row[]>;
  view(row: Row): unknown;
  create(ctx: Ctx, body: never): Promise<unknown>;
  get(actor: Actor, id: string): Promise<unknown>;
  update(ctx: Ctx, id: string, patch: never): Promise<unknown>;
  /** Archiving answers with the archived party; deleting (`deletes`) answers 204, or 409 while the party is in use. */
  remove: { summary: string; deletes?: true; run(ctx: Ctx, id: string): Promise<unknown> };
}

function partyRoutesFor<Row extends { id: string; name: string }>(app: App, spec: PartySpec<Row>): void {
  const read = { access: 'registry:read' } as const;
  const write = { access: 'registry:write' } as const;
  const tags = [spec.tag];
  const ctxOf = (req: { actor: Actor; id: string }): Ctx => ({ actor: req.actor, requestId: req.id });
  const byId = `${spec.path}/:id`;
  const { item, page, detail } = spec.views;

  app.get(spec.path, { config: read, schema: { tags, summary: `List ${spec.tag}`, querystring: schemas.listQuery, response: { 200: page, ...problems(400, 401, 403) } } }, async (req) => {
    const rows = await spec.list(namedFilter(req.actor, req.query));
    return toPage(rows, req.query.limit, (r) => ({ value: r.name, id: r.id }), (r) => spec.view(r));
  });
  const bodyProblems = problems(400, 401, 403, 409, 413, 415);
  app.post(spec.path, { config: write, schema: { tags, summary: `Add a ${spec.noun}`, body: spec.body, response: { 201: item, ...bodyProblems } } }, async (req, reply) =>
    reply.code(201).send(await spec.create(ctxOf(req), req.body as never)),
  );
  app.get(byId, { config: read, schema: { tags, summary: `One ${spec.noun}, with its yearly cost`, params: schemas.idParams, response: { 200: detail, ...problems(400, 401, 403, 404) } } }, async (req) =>
    spec.get(req.actor, req.params.id),
  );
  app.patch(byId, { config: write, schema: { tags, summary: `Change a ${spec.noun}`, params: schemas.idParams, body: spec.patch, response: { 200: item, ...bodyProblems, ...problems(404) } } }, async (req) =>
    spec.update(ctxOf(req), req.params.id, req.body as never),
  );
  // Archiving answers with the party, deleting with nothing: two shapes fastify cannot type as one.
  const removed: Record<number, unknown> = spec.remove.deletes ? { 204: noContent, ...problems(400, 401, 403, 404, 409) } : { 200: item, ...problems(400, 401, 403, 404) };
  app.delete(byId, { config: write, schema: { tags, summary: spec.remove.summary, params: schemas.idParams, response: removed } }, async (req, reply) => {
    const result = await spec.remove.run(ctxOf(req), req.params.id);
    return result === undefined ? reply.code(204).send() : result;
  });
}

export function partyRoutes(app: App, deps: Deps): void {
  const db = deps.database.db;

  partyRoutesFor(app, {
    path: '/api/v1/clients', tag: 'clients', noun: 'client', body: schemas.clientBody, patch: schemas.clientPatch,
    views: { item: schemas.clientView, page: schemas.clientPage, detail: schemas.clientDetail },
    list: (f) => store.listClients(db, f),
    view: store.toClient,
    create: (ctx, body: service.ClientInput) => service.createClient(deps, ctx, body),
    async get(actor, id) {
      const client = await service.getClient(deps, actor, id);
      const [yearlyCost, assetCount] = await Promise.all([store.yearlyCostOf(db, 'client_id', id), store.countAssetsOf(db, 'client_id', id, true)]);
      return { ...client, yearlyCost, assetCount };
    },
    update: (ctx, id, patch: Parameters<typeof service.updateClient>[3]) => service.updateClient(deps, ctx, id, patch),
    remove: { summary: 'Archive a client', run: (ctx, id) => service.updateClient(deps, ctx, id, { archived: true }) },
  });

  partyRoutesFor(app, {
    path: '/api/v1/projects', tag: 'projects', noun: 'project', body: schemas.projectBody, patch: schemas.projectPatch,
    views: { item: schemas.projectView, page: schemas.projectPage, detail: schemas.projectDetail },
    list: (f) => store.listProjects(db, f),
    view: store.toProject,
    create: (ctx, body: service.ProjectInput) => service.createProject(deps, ctx, body),
    async get(actor, id) {
      const project = await service.getProject(deps, actor, id);
      return { ...project, yearlyCost: await store.yearlyCostOfProject(db, id) };
    },
    update: (ctx, id, patch: Parameters<typeof service.updateProject>[3]) => service.updateProject(deps, ctx, id, patch),
    remove: { summary: 'Archive a project', run: (ctx, id) => service.updateProject(deps, ctx, id, { archived: true }) },
  });

  partyRoutesFor(app, {
    path: '/api/v1/providers', tag: 'providers', noun: 'provider', body: schemas.providerBody, patch: schemas.providerPatch,
    views: { item: schemas.providerView, page: schemas.providerPage, detail: schemas.providerDetail },
    list: (f) => store.listProviders(db, f),
    view: store.toProvider,
    create: (ctx, body: service.ProviderInput) => service.createProvider(deps, ctx, body),
    async get(actor, id) {
      const provider = await service.getProvider(deps, actor, id);
      // A client sees a provider its assets use, but not what other clients spend there.
      return { ...provider, yearlyCost: clientScope(actor) === null ? await store.yearlyCostOf(db, 'provider_id', id) : [] };
    },
    update: (ctx, id, patch: Partial<service.ProviderInput>) => service.updateProvider(deps, ctx, id, patch),
    remove: { summary: 'Delete a provider nothing uses', deletes: true, run: (ctx, id) => service.deleteProvider(deps, ctx, id) },
  });
}
