import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { isUniqueViolation } from '../platform/db/errors.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { getClient, getProject } from '../registry/parties.service.ts';
import * as incidents from './incidents.store.ts';
import * as monitors from './monitors.store.ts';
import type { StatusPageBody, StatusPagePatch } from './status-pages.schemas.ts';
import * as store from './status-pages.store.ts';
import { dailyUptime } from './uptime.service.ts';

type Ctx = ChangeContext & { actor: Actor };
export type { StatusPage } from './status-pages.store.ts';

/**
 * Status pages: staff choose the monitors a client or project shows the world. The public view
 * (`publicStatusPage`) is built here field by field from an allow-list, so nothing private
 * (targets, settings, causes, internal notes, client ids) can reach it by accident.
 */
export const PUBLIC_DAYS = 90;
const PUBLIC_INCIDENTS = 50;

function visibleTo(actor: Actor, page: store.StatusPage): boolean {
  const scope = clientScope(actor);
  return scope === null || page.clientId === scope;
}

export async function getStatusPage(deps: Deps, actor: Actor, id: string): Promise<store.StatusPage> {
  const page = await store.findStatusPage(deps.database.db, id);
  if (!page || !visibleTo(actor, page)) throw notFound('status page', id);
  return page;
}

export async function listStatusPages(deps: Deps, actor: Actor, filter: { clientId?: string | undefined; cursor?: Cursor | undefined; limit: number }): Promise<Page<store.StatusPage>> {
  const scope = clientScope(actor);
  if (scope !== null && filter.clientId && filter.clientId !== scope) return { items: [], nextCursor: null };
  const rows = await store.listStatusPages(deps.database.db, { ...filter, clientId: scope ?? filter.clientId });
  return toPage(rows, filter.limit, (r) => ({ value: r.slug, id: r.id }), (r) => r);
}

async function found<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) return null;
    throw err;
  }
}

/** Client and project exist and agree; every monitor exists and is the page's client's (or no client's). */
async function checkPage(deps: Deps, actor: Actor, page: store.StatusPage): Promise<store.StatusPage> {
  const errors: FieldError[] = [];
  let clientId = page.clientId;
  if (page.projectId) {
    const project = await found(() => getProject(deps, actor, page.projectId!));
    if (!project) errors.push({ field: 'body.projectId', message: `No project with id ${page.projectId}` });
    else if (clientId && project.clientId !== clientId) errors.push({ field: 'body.projectId', message: "must be a project of the page's client" });
    else clientId = project.clientId;
  }
  if (clientId && !(await found(() => getClient(deps, actor, clientId!)))) errors.push({ field: 'body.clientId', message: `No client with id ${clientId}` });
  const rows = new Map((await monitors.findMonitorRows(deps.database.db, page.monitorIds)).map((r) => [r.id, r]));
  page.monitorIds.forEach((id, index) => {
    const row = rows.get(id);
    if (!row) errors.push({ field: `body.monitorIds.${index}`, message: `No monitor with id ${id}` });
    // Another client's monitor on this page would show that client's name and state to the world.
    else if (row.client_id !== null && row.client_id !== clientId) errors.push({ field: `body.monitorIds.${index}`, message: "belongs to another client than the page's" });
  });
  if (errors.length > 0) throw invalid(errors);
  return { ...page, clientId };
}

function slugTaken(slug: string): never {
  throw conflict(`The address ${slug} is taken by another status page.`, [{ field: 'body.slug', message: 'is taken by another status page' }]);
}

export async function createStatusPage(deps: Deps, ctx: Ctx, body: StatusPageBody): Promise<store.StatusPage> {
  const now = deps.now().toISOString();
  const page = await checkPage(deps, ctx.actor, { id: newId('statusPage'), ...body, createdAt: now, updatedAt: now });
  try {
    return await change(deps, ctx, async (trx, audit) => {
      await store.insertStatusPage(trx, store.statusPageRow(page));
      await audit({ action: 'status-page.created', entityType: 'status-page', entityId: page.id, after: createdRecord(page) });
      return page;
    });
  } catch (err) {
    if (isUniqueViolation(err)) slugTaken(page.slug);
    throw err;
  }
}

export async function updateStatusPage(deps: Deps, ctx: Ctx, id: string, patch: StatusPagePatch): Promise<store.StatusPage> {
  const before = await getStatusPage(deps, ctx.actor, id);
  const given = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
  const after = await checkPage(deps, ctx.actor, { ...before, ...given, updatedAt: deps.now().toISOString() });
  try {
    return await change(deps, ctx, async (trx, audit) => {
      await store.updateStatusPage(trx, id, store.statusPageRow(after));
      await audit({ action: 'status-page.updated', entityType: 'status-page', entityId: id, ...changedFields(before, after) });
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err)) slugTaken(after.slug);
    throw err;
  }
}

export async function deleteStatusPage(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const before = await getStatusPage(deps, ctx.actor, id);
  await change(deps, ctx, async (trx, audit) => {
    await store.deleteStatusPage(trx, id);
    await audit({ action: 'status-page.deleted', entityType: 'status-page', entityId: id, before: createdRecord(before) });
  });
}

type PublicState = 'pending' | 'up' | 'down' | 'paused';

function overallState(states: PublicState[]): 'operational' | 'degraded' | 'down' | 'unknown' {
  const watched = states.filter((s) => s === 'up' || s === 'down');
  if (watched.length === 0) return 'unknown';
  const down = watched.filter((s) => s === 'down').length;
  return down === 0 ? 'operational' : down === watched.length ? 'down' : 'degraded';
}

function mean(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

/** What anyone may see of a published page; 404 for an unknown or unpublished slug. */
export async function publicStatusPage(deps: Deps, slug: string) {
  const db = deps.database.db;
  const page = await store.findPublishedBySlug(db, slug);
  if (!page) throw notFound('status page');
  const now = deps.now();
  const byId = new Map((await monitors.findMonitorRows(db, page.monitorIds)).map((r) => [r.id, r]));
  const shown = page.monitorIds.flatMap((id) => byId.get(id) ?? []);
  const ids = shown.map((m) => m.id);
  const days = await dailyUptime(deps, ids, PUBLIC_DAYS, now);
  const list = shown.map((m) => {
    const bars = days.get(m.id) ?? [];
    const state: PublicState = m.paused_at !== null ? 'paused' : (m.state as PublicState);
    return { name: m.name, state, uptime90d: mean(bars.map((d) => d.uptime)), days: bars.map((d) => ({ date: d.date, uptime: d.uptime, downSeconds: d.downSeconds })) };
  });
  const since = new Date(now.getTime() - PUBLIC_DAYS * 86_400_000).toISOString();
  const history = await incidents.recentIncidentsOf(db, ids, since, PUBLIC_INCIDENTS);
  const updates = await incidents.publicUpdatesOf(db, history.map((i) => i.id));
  return {
    title: page.title,
    description: page.description,
    state: overallState(list.map((m) => m.state)),
    monitors: list,
    incidents: history.map((i) => ({
      id: i.id,
      monitorName: i.monitorName,
      state: i.state,
      startedAt: i.startedAt,
      resolvedAt: i.resolvedAt,
      updates: (updates.get(i.id) ?? []).map((u) => ({ kind: u.kind, message: u.message, at: u.at })),
    })),
    generatedAt: now.toISOString(),
  };
}
