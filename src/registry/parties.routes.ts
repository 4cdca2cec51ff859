import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { decodeCursor, encodeCursor } from '../platform/db/keyset.ts';
import { invalid } from '../platform/http/problem.ts';
import type { App } from '../platform/http/server.ts';
import * as service from './parties.service.ts';
import * as store from './parties.store.ts';
import * as schemas from './schemas.ts';
import type { z } from 'zod';

type ListQuery = z.infer<typeof schemas.listQuery>;

/** Turn list query parameters into a store filter confined to what the actor may see. */
function namedFilter(actor: Actor, query: ListQuery): store.NamedListFilter {
  const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (cursor === null || (cursor && typeof cursor.value !== 'string')) {
    throw invalid([{ field: 'querystring.cursor', message: 'is not a cursor this server gave out' }]);
  }
  const scope = clientScope(actor);
  return {
    q: query.q,
    limit: query.limit,
    includeArchived: query.includeArchived,
    kind: query.kind,
    clientId: scope ?? query.clientId,
    after: cursor ? { name: cursor.value as string, id: cursor.id } : undefined,
  };
}

function page<R extends { id: string; name: string }, T>(rows: R[], limit: number, map: (r: R) => T) {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last ? encodeCursor({ value: last.name, id: last.id }) : null };
}

export function partyRoutes(app: App, deps: Deps): void {
  const db = deps.database.db;
  const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });
  const read = { access: 'registry:read' } as const;
  const write = { access: 'registry:write' } as const;

  app.get('/api/v1/clients', { config: read, schema: { tags: ['clients'], summary: 'List clients', querystring: schemas.listQuery } }, async (req) =>
    page(await store.listClients(db, namedFilter(req.actor, req.query)), req.query.limit, store.toClient),
  );
  app.post('/api/v1/clients', { config: write, schema: { tags: ['clients'], summary: 'Add a client', body: schemas.clientBody } }, async (req, reply) =>
    reply.code(201).send(await service.createClient(deps, ctxOf(req), req.body)),
  );
  app.get('/api/v1/clients/:id', { config: read, schema: { tags: ['clients'], summary: 'One client, with its yearly cost', params: schemas.idParams } }, async (req) => {
    const client = await service.getClient(deps, req.actor, req.params.id);
    const [yearlyCost, assetCount] = await Promise.all([store.yearlyCostOf(db, 'client_id', client.id), store.countAssetsOf(db, 'client_id', client.id, true)]);
    return { ...client, yearlyCost, assetCount };
  });
  app.patch('/api/v1/clients/:id', { config: write, schema: { tags: ['clients'], summary: 'Change or archive a client', params: schemas.idParams, body: schemas.clientPatch } }, async (req) =>
    service.updateClient(deps, ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/clients/:id', { config: write, schema: { tags: ['clients'], summary: 'Archive a client', params: schemas.idParams } }, async (req) =>
    service.updateClient(deps, ctxOf(req), req.params.id, { archived: true }),
  );

  app.get('/api/v1/projects', { config: read, schema: { tags: ['projects'], summary: 'List projects', querystring: schemas.listQuery } }, async (req) =>
    page(await store.listProjects(db, namedFilter(req.actor, req.query)), req.query.limit, store.toProject),
  );
  app.post('/api/v1/projects', { config: write, schema: { tags: ['projects'], summary: 'Add a project to a client', body: schemas.projectBody } }, async (req, reply) =>
    reply.code(201).send(await service.createProject(deps, ctxOf(req), req.body)),
  );
  app.get('/api/v1/projects/:id', { config: read, schema: { tags: ['projects'], summary: 'One project, with its yearly cost', params: schemas.idParams } }, async (req) => {
    const project = await service.getProject(deps, req.actor, req.params.id);
    return { ...project, yearlyCost: await store.yearlyCostOfProject(db, project.id) };
  });
  app.patch('/api/v1/projects/:id', { config: write, schema: { tags: ['projects'], summary: 'Change or archive a project', params: schemas.idParams, body: schemas.projectPatch } }, async (req) =>
    service.updateProject(deps, ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/projects/:id', { config: write, schema: { tags: ['projects'], summary: 'Archive a project', params: schemas.idParams } }, async (req) =>
    service.updateProject(deps, ctxOf(req), req.params.id, { archived: true }),
  );

  app.get('/api/v1/providers', { config: read, schema: { tags: ['providers'], summary: 'List providers', querystring: schemas.listQuery } }, async (req) =>
    page(await store.listProviders(db, namedFilter(req.actor, req.query)), req.query.limit, store.toProvider),
  );
  app.post('/api/v1/providers', { config: write, schema: { tags: ['providers'], summary: 'Add a provider', body: schemas.providerBody } }, async (req, reply) =>
    reply.code(201).send(await service.createProvider(deps, ctxOf(req), req.body)),
  );
  app.get('/api/v1/providers/:id', { config: read, schema: { tags: ['providers'], summary: 'One provider, with the yearly cost of what it supplies', params: schemas.idParams } }, async (req) => {
    const provider = await service.getProvider(deps, req.actor, req.params.id);
    const scope = clientScope(req.actor);
    return { ...provider, yearlyCost: scope === null ? await store.yearlyCostOf(db, 'provider_id', provider.id) : [] };
  });
  app.patch('/api/v1/providers/:id', { config: write, schema: { tags: ['providers'], summary: 'Change a provider', params: schemas.idParams, body: schemas.providerPatch } }, async (req) =>
    service.updateProvider(deps, ctxOf(req), req.params.id, req.body),
  );
  app.delete('/api/v1/providers/:id', { config: write, schema: { tags: ['providers'], summary: 'Delete a provider nothing uses', params: schemas.idParams } }, async (req, reply) => {
    await service.deleteProvider(deps, ctxOf(req), req.params.id);
    return reply.code(204).send();
  });
}
