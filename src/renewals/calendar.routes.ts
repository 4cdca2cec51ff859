import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { cursorFromQuery, instantValue } from '../platform/http/cursor.ts';
import { notFound } from '../platform/http/problem.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { matchesEtag } from './calendar.model.ts';
import * as schemas from './calendar.schemas.ts';
import * as service from './calendar.service.ts';

const tags = ['calendar'];
const signedIn = { access: 'signed-in' } as const;
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });
// What a feed token looks like (`cal_` and base64url); anything else is answered 404 without a lookup.
const TOKEN = /^cal_[A-Za-z0-9_-]{20,100}$/;

export function calendarRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/calendar-feeds',
    { config: signedIn, schema: { tags, summary: "Create a secret calendar URL for a user (default: yourself) or a client", body: schemas.feedBody, response: { 201: schemas.feedView, ...problems(400, 401, 403, 404, 413, 415) } } },
    async (req, reply) => reply.code(201).send(await service.createFeed(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/calendar-feeds',
    { config: signedIn, schema: { tags, summary: 'The calendar feeds you may see, with their URLs, newest first', querystring: schemas.feedQuery, response: { 200: schemas.feedPage, ...problems(400, 401, 403) } } },
    async (req) => service.listFeeds(deps, req.actor, { cursor: cursorFromQuery(req.query.cursor, instantValue), limit: req.query.limit }),
  );

  app.delete(
    '/api/v1/calendar-feeds/:id',
    { config: signedIn, schema: { tags, summary: 'Revoke a calendar feed: its URL stops working at once', params: schemas.idParams, response: { 204: noContent, ...problems(400, 401, 403, 404) } } },
    async (req, reply) => {
      await service.revokeFeed(deps, ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/v1/calendar-entries',
    { config: { access: 'renewals:read' }, schema: { tags, summary: 'Renewal dates and task due dates in a date range, for the calendar page', querystring: schemas.entryQuery, response: { 200: schemas.entryList, ...problems(400, 401, 403) } } },
    async (req) => service.listEntries(deps, req.actor, req.query),
  );

  // The feed itself: no sign-in, the token is the credential. Like heartbeat pings, it logs
  // nothing at info level, because the request line carries the token.
  app.get(
    '/calendar/:token.ics',
    {
      config: { access: 'public' },
      logLevel: 'warn',
      schema: { tags, security: [], summary: 'A calendar feed, by its secret token (iCalendar)', params: schemas.tokenParams, response: { 200: schemas.icsFile, 304: schemas.notModified, ...problems(400, 404) } },
    },
    async (req, reply) => {
      const { token } = req.params;
      const feed = TOKEN.test(token) ? await service.feedFor(deps, token) : null;
      // Unknown, revoked and malformed tokens get the same answer.
      if (!feed) throw notFound('calendar feed');
      void reply.header('etag', feed.etag).header('cache-control', 'private, max-age=300');
      if (matchesEtag(req.headers['if-none-match'], feed.etag)) return reply.code(304).send();
      return reply.type('text/calendar; charset=utf-8').send(await feed.body());
    },
  );
}
