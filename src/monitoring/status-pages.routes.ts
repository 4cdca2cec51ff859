import type { Actor } from '../accounts/model.ts';
import { cursorFromQuery } from '../platform/http/cursor.ts';
import type { Deps } from '../platform/deps.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { idParams } from './schemas.ts';
import * as schemas from './status-pages.schemas.ts';
import * as service from './status-pages.service.ts';

const tags = ['status pages'];
const read = { access: 'monitoring:read' } as const;
const write = { access: 'monitoring:write' } as const;
const bodyProblems = problems(400, 401, 403, 404, 409, 413, 415);

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });
const withPath = (page: service.StatusPage) => ({ ...page, publicPath: `/api/v1/status-pages/public/${page.slug}` });

const cursorOf = (raw: string | undefined) => cursorFromQuery(raw);

export function statusPageRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/status-pages/public/:slug',
    {
      config: { access: 'public' },
      schema: { tags, security: [], summary: 'A published status page as anyone may see it (no sign-in)', params: schemas.slugParams, response: { 200: schemas.publicStatusPage, ...problems(400, 401, 404) } },
    },
    async (req, reply) => {
      const page = await service.publicStatusPage(deps, req.params.slug);
      return reply.header('cache-control', 'public, max-age=30').send(page);
    },
  );

  app.get(
    '/api/v1/status-pages',
    { config: read, schema: { tags, summary: 'List status pages by address', querystring: schemas.statusPageQuery, response: { 200: schemas.statusPagePage, ...problems(400, 401, 403) } } },
    async (req) => {
      const page = await service.listStatusPages(deps, req.actor, { ...req.query, cursor: cursorOf(req.query.cursor) });
      return { items: page.items.map(withPath), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/api/v1/status-pages',
    { config: write, schema: { tags, summary: 'Make a status page', body: schemas.statusPageBody, response: { 201: schemas.statusPageView, ...bodyProblems } } },
    async (req, reply) => reply.code(201).send(withPath(await service.createStatusPage(deps, ctxOf(req), req.body))),
  );

  app.get(
    '/api/v1/status-pages/:id',
    { config: read, schema: { tags, summary: 'One status page', params: idParams, response: { 200: schemas.statusPageView, ...problems(400, 401, 403, 404) } } },
    async (req) => withPath(await service.getStatusPage(deps, req.actor, req.params.id)),
  );

  app.patch(
    '/api/v1/status-pages/:id',
    { config: write, schema: { tags, summary: 'Change a status page', params: idParams, body: schemas.statusPagePatch, response: { 200: schemas.statusPageView, ...bodyProblems } } },
    async (req) => withPath(await service.updateStatusPage(deps, ctxOf(req), req.params.id, req.body)),
  );

  app.delete(
    '/api/v1/status-pages/:id',
    { config: write, schema: { tags, summary: 'Delete a status page', params: idParams, response: { 204: noContent, ...problems(400, 401, 403, 404) } } },
    async (req, reply) => {
      await service.deleteStatusPage(deps, ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );
}
