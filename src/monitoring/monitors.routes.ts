import type { Actor } from '../accounts/model.ts';
import { cursorFromQuery } from '../platform/http/cursor.ts';
import type { Deps } from '../platform/deps.ts';
import { invalid } from '../platform/http/problem.ts';
import { noContent, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import * as service from './monitors.service.ts';
import * as schemas from './schemas.ts';
import { listResults, responseTimes, uptimeOf } from './uptime.service.ts';

const tags = ['monitors'];
const read = { access: 'monitoring:read' } as const;
const write = { access: 'monitoring:write' } as const;
const changeProblems = problems(400, 401, 403, 404, 409, 413, 415);
const readProblems = problems(400, 401, 403, 404);
const DAY_MS = 86_400_000;
// Long enough for a year's report with room to spare; longer ranges only make slow answers.
const MAX_RANGE_DAYS = 400;

const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

const cursorOf = (raw: string | undefined) => cursorFromQuery(raw);

/** A period from the query, 30 days up to now by default. */
export function rangeOf(query: { from?: string | undefined; to?: string | undefined }, now: Date, defaultDays = 30): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - defaultDays * DAY_MS);
  if (from.getTime() >= to.getTime()) throw invalid([{ field: 'querystring.from', message: 'must be before to' }]);
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) throw invalid([{ field: 'querystring.from', message: `the period may be at most ${MAX_RANGE_DAYS} days` }]);
  return { from, to };
}

export function monitorRoutes(app: App, deps: Deps): void {
  app.get(
    '/api/v1/monitors',
    { config: read, schema: { tags, summary: 'List monitors with their state and uptime, a page at a time', querystring: schemas.monitorQuery, response: { 200: schemas.monitorPage, ...problems(400, 401, 403) } } },
    async (req) => {
      const { kind, state, cursor, ...filters } = req.query;
      return service.listMonitors(deps, req.actor, { ...filters, kinds: kind, states: state, cursor: cursorOf(cursor) });
    },
  );

  app.post(
    '/api/v1/monitors',
    { config: write, schema: { tags, summary: 'Set up a monitor (a heartbeat answers with its ping URL, once)', body: schemas.monitorBody, response: { 201: schemas.createdMonitor, ...changeProblems } } },
    async (req, reply) => reply.code(201).send(await service.createMonitor(deps, ctxOf(req), req.body)),
  );

  app.get(
    '/api/v1/monitors/:id',
    { config: read, schema: { tags, summary: 'One monitor with its uptime', params: schemas.idParams, response: { 200: schemas.monitorListItem, ...readProblems } } },
    async (req) => service.getMonitor(deps, req.actor, req.params.id),
  );

  app.patch(
    '/api/v1/monitors/:id',
    { config: write, schema: { tags, summary: 'Change a monitor', params: schemas.idParams, body: schemas.monitorPatch, response: { 200: schemas.monitorView, ...changeProblems } } },
    async (req) => service.updateMonitor(deps, ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    '/api/v1/monitors/:id',
    { config: write, schema: { tags, summary: 'Delete a monitor with its results and incidents', params: schemas.idParams, response: { 204: noContent, ...readProblems } } },
    async (req, reply) => {
      await service.deleteMonitor(deps, ctxOf(req), req.params.id);
      return reply.code(204).send();
    },
  );

  const action = (path: string, summary: string, run: typeof service.pauseMonitor) =>
    app.post(
      `/api/v1/monitors/:id/${path}`,
      { config: write, schema: { tags, summary, params: schemas.idParams, response: { 200: schemas.monitorView, ...problems(400, 401, 403, 404, 409) } } },
      async (req) => run(deps, ctxOf(req), req.params.id),
    );
  action('pause', 'Pause a monitor: no checks, no alerts, until resumed', service.pauseMonitor);
  action('resume', 'Resume a paused monitor', service.resumeMonitor);
  action('check', 'Check now: sets checkRequestedAt; the owning worker checks the monitor within seconds and clears it', service.requestCheck);

  app.post(
    '/api/v1/monitors/:id/ping-url/reveal',
    { config: { access: 'secrets:reveal' }, schema: { tags, summary: "Reveal a heartbeat monitor's ping URL (audited)", params: schemas.idParams, response: { 200: schemas.pingUrlView, ...readProblems } } },
    async (req) => ({ pingUrl: await service.revealPingUrl(deps, ctxOf(req), req.params.id) }),
  );

  app.get(
    '/api/v1/monitors/:id/results',
    { config: read, schema: { tags, summary: 'Raw check results, newest first', params: schemas.idParams, querystring: schemas.resultsQuery, response: { 200: schemas.resultsView, ...readProblems } } },
    async (req) => {
      await service.getMonitorRow(deps, req.actor, req.params.id);
      const items = await listResults(deps, req.params.id, { before: req.query.before, limit: req.query.limit });
      const last = items[items.length - 1];
      return { items, nextBefore: items.length === req.query.limit && last ? last.checkedAt : null };
    },
  );

  app.get(
    '/api/v1/monitors/:id/uptime',
    { config: read, schema: { tags, summary: 'Uptime over a period (default: the last 30 days)', params: schemas.idParams, querystring: schemas.rangeQuery, response: { 200: schemas.uptimeView, ...readProblems } } },
    async (req) => {
      await service.getMonitorRow(deps, req.actor, req.params.id);
      const { from, to } = rangeOf(req.query, deps.now());
      return { from: from.toISOString(), to: to.toISOString(), ...(await uptimeOf(deps, req.params.id, from, to)) };
    },
  );

  app.get(
    '/api/v1/monitors/:id/response-times',
    { config: read, schema: { tags, summary: 'Response-time percentiles over a period (default: the last 24 hours)', params: schemas.idParams, querystring: schemas.rangeQuery, response: { 200: schemas.responseTimesView, ...readProblems } } },
    async (req) => {
      await service.getMonitorRow(deps, req.actor, req.params.id);
      const { from, to } = rangeOf(req.query, deps.now(), 1);
      return { from: from.toISOString(), to: to.toISOString(), points: await responseTimes(deps, req.params.id, from, to) };
    },
  );

  assetMonitorRoutes(app, deps);
}

/** Adding a domain or hosting asset offers the matching monitors, created in one step. */
function assetMonitorRoutes(app: App, deps: Deps): void {
  const assetTags = ['monitors', 'assets'];
  app.get(
    '/api/v1/assets/:id/monitors/suggestions',
    { config: write, schema: { tags: assetTags, summary: 'The monitors to offer for an asset', params: schemas.idParams, response: { 200: schemas.suggestionsView, ...readProblems } } },
    async (req) => ({ assetId: req.params.id, items: await service.suggestionsFor(deps, req.actor, req.params.id) }),
  );

  app.post(
    '/api/v1/assets/:id/monitors',
    {
      config: write,
      schema: { tags: assetTags, summary: "Create the chosen monitors for an asset, all or none", params: schemas.idParams, body: schemas.assetMonitorsBody, response: { 201: schemas.createdMonitors, ...changeProblems } },
    },
    async (req, reply) => reply.code(201).send({ items: await service.createMonitorsForAsset(deps, ctxOf(req), req.params.id, req.body.monitors) }),
  );
}
