import { clientScope, canSeeClient } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { changedFields, createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import type { NewRow, RowPatch } from '../platform/db/schema.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { getAsset } from '../registry/assets.service.ts';
import {
  newMonitorRow,
  newPingToken,
  parseConfig,
  pingUrlOf,
  resolveRefs,
  targetErrors,
  timingOf,
  type MonitorSettingsInput,
  settingsColumns,
} from './monitors.prepare.ts';
import { configView, mergeSecrets, openSecrets, restoreSecrets, sealSecrets, splitSecrets } from './monitors.secrets.ts';
import * as store from './monitors.store.ts';
import { suggestMonitors, type MonitorSuggestion } from './monitors.suggest.ts';
import type { MonitorKind } from './probes/configs.ts';
import type { MonitorBody, MonitorPatch } from './schemas.ts';
import { uptimeSummaries } from './uptime.service.ts';

type Ctx = ChangeContext & { actor: Actor };

/** A monitor as the API shows it: never a secret, never the ping token. */
export interface MonitorView {
  id: string;
  name: string;
  kind: MonitorKind;
  config: Record<string, unknown>;
  intervalSeconds: number;
  timeoutMs: number;
  clientId: string | null;
  projectId: string | null;
  assetId: string | null;
  parentId: string | null;
  failureThreshold: number;
  recoveryThreshold: number;
  locations: string[];
  quorum: number;
  state: 'pending' | 'up' | 'down';
  paused: boolean;
  flapping: boolean;
  stateChangedAt: string | null;
  pausedAt: string | null;
  lastCheckedAt: string | null;
  lastOk: boolean | null;
  lastMessage: string | null;
  lastResponseMs: number | null;
  checkRequestedAt: string | null;
  hasPingUrl: boolean;
  createdAt: string;
  updatedAt: string;
}

export function toMonitorView(deps: Deps, row: store.MonitorRow): MonitorView {
  const kind = row.kind as MonitorKind;
  return {
    id: row.id,
    name: row.name,
    kind,
    config: configView(kind, JSON.parse(row.config), openSecrets(deps.secrets, row.id, row.secret_config)),
    intervalSeconds: row.interval_seconds,
    timeoutMs: row.timeout_ms,
    clientId: row.client_id,
    projectId: row.project_id,
    assetId: row.asset_id,
    parentId: row.parent_id,
    failureThreshold: row.failure_threshold,
    recoveryThreshold: row.recovery_threshold,
    locations: JSON.parse(row.locations),
    quorum: row.quorum,
    state: row.state as MonitorView['state'],
    paused: row.paused_at !== null,
    flapping: row.flapping === 1,
    stateChangedAt: row.state_changed_at,
    pausedAt: row.paused_at,
    lastCheckedAt: row.last_checked_at,
    lastOk: row.last_ok === null ? null : row.last_ok === 1,
    lastMessage: row.last_message,
    lastResponseMs: row.last_response_ms,
    checkRequestedAt: row.check_requested_at,
    hasPingUrl: row.ping_key_hash !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The monitor's row when the actor may see it; another client's monitor is "not found". */
export async function getMonitorRow(deps: Deps, actor: Actor, id: string): Promise<store.MonitorRow> {
  const row = await store.findMonitorRow(deps.database.db, id);
  if (!row || (row.client_id === null ? clientScope(actor) !== null : !canSeeClient(actor, row.client_id))) throw notFound('monitor', id);
  return row;
}

export async function getMonitor(deps: Deps, actor: Actor, id: string): Promise<MonitorView & { uptime: { last24h: number | null; last30d: number | null } }> {
  const row = await getMonitorRow(deps, actor, id);
  const uptime = (await uptimeSummaries(deps, [id], deps.now())).get(id) ?? { last24h: null, last30d: null };
  return { ...toMonitorView(deps, row), uptime };
}

export type MonitorListFilter = Omit<store.MonitorFilter, 'cursor'> & { cursor?: Cursor | undefined };

export async function listMonitors(deps: Deps, actor: Actor, filter: MonitorListFilter): Promise<Page<MonitorView & { uptime: { last24h: number | null; last30d: number | null } }>> {
  const scope = clientScope(actor);
  // A client user filtering for another client gets an empty page, not someone else's data.
  if (scope !== null && filter.clientId && filter.clientId !== scope) return { items: [], nextCursor: null };
  const rows = await store.listMonitorRows(deps.database.db, { ...filter, clientId: scope ?? filter.clientId });
  const pageIds = rows.slice(0, filter.limit).map((r) => r.id);
  const uptime = await uptimeSummaries(deps, pageIds, deps.now());
  return toPage(rows, filter.limit, (r) => ({ value: r.name, id: r.id }), (r) => ({
    ...toMonitorView(deps, r),
    uptime: uptime.get(r.id) ?? { last24h: null, last30d: null },
  }));
}

interface PreparedNew {
  row: NewRow<'monitors'>;
  pingToken: string | null;
}

/** Check one new monitor; problems are added to `errors` with `prefix` before each field. */
async function prepareNew(deps: Deps, actor: Actor, body: MonitorBody, prefix: string, errors: FieldError[]): Promise<PreparedNew | null> {
  const before = errors.length;
  const id = newId('monitor');
  const refs = await resolveRefs(deps, actor, body, null, prefix, errors);
  const timing = timingOf(body, prefix, errors);
  const config = parseConfig(body.kind, body.config, prefix, errors);
  if (config) errors.push(...(await targetErrors(body.kind, config, deps.config.blockPrivateTargets, prefix)));
  if (errors.length > before || !config) return null;
  const pingToken = body.kind === 'heartbeat' ? newPingToken() : null;
  return { row: newMonitorRow(deps, id, { kind: body.kind, name: body.name, config }, refs, timing, pingToken), pingToken };
}

export type CreatedMonitor = MonitorView & { pingUrl: string | null };

/** Create monitors all together or none: every one is checked before any is written. */
export async function createMonitors(deps: Deps, ctx: Ctx, bodies: MonitorBody[], prefixOf: (index: number) => string): Promise<CreatedMonitor[]> {
  const errors: FieldError[] = [];
  const prepared: PreparedNew[] = [];
  for (const [index, body] of bodies.entries()) {
    const one = await prepareNew(deps, ctx.actor, body, prefixOf(index), errors);
    if (one) prepared.push(one);
  }
  if (errors.length > 0) throw invalid(errors);
  return change(deps, ctx, async (trx, audit) => {
    const created: CreatedMonitor[] = [];
    for (const { row, pingToken } of prepared) {
      await store.insertMonitor(trx, row);
      const view = toMonitorView(deps, row as store.MonitorRow);
      // The audit keeps what was set up, never a secret: the view has none.
      await audit({ action: 'monitor.created', entityType: 'monitor', entityId: row.id, after: createdRecord(view) });
      created.push({ ...view, pingUrl: pingToken ? pingUrlOf(deps, pingToken) : null });
    }
    return created;
  });
}

export async function createMonitor(deps: Deps, ctx: Ctx, body: MonitorBody): Promise<CreatedMonitor> {
  const [created] = await createMonitors(deps, ctx, [body], () => 'body.');
  return created!;
}

/** The monitors to offer for an asset, each marked when one like it exists already. */
export async function suggestionsFor(deps: Deps, actor: Actor, assetId: string): Promise<MonitorSuggestion[]> {
  const asset = await getAsset(deps, actor, assetId);
  const existing = await store.monitorsOfAsset(deps.database.db, asset.id);
  return suggestMonitors(asset, existing.map((m) => ({ kind: m.kind, config: JSON.parse(m.config) })));
}

/** The chosen monitors of an asset, created in one step for the asset and its client. */
export async function createMonitorsForAsset(deps: Deps, ctx: Ctx, assetId: string, bodies: MonitorBody[]): Promise<CreatedMonitor[]> {
  const asset = await getAsset(deps, ctx.actor, assetId);
  const forAsset = bodies.map((body) => ({ ...body, assetId: asset.id, clientId: body.clientId ?? asset.clientId }));
  return createMonitors(deps, ctx, forAsset, (index) => `body.monitors.${index}.`);
}

/** The merged settings of a change, checked as a whole, and the new row values. */
async function preparePatch(deps: Deps, actor: Actor, row: store.MonitorRow, patch: MonitorPatch): Promise<RowPatch<'monitors'>> {
  const kind = row.kind as MonitorKind;
  const errors: FieldError[] = [];
  const current: MonitorSettingsInput = {
    intervalSeconds: row.interval_seconds,
    // A timeout set from the old interval's default shrinks with a shorter interval unless given.
    timeoutMs: patch.intervalSeconds !== undefined && patch.timeoutMs === undefined ? undefined : row.timeout_ms,
    clientId: row.client_id,
    projectId: row.project_id,
    assetId: row.asset_id,
    parentId: row.parent_id,
    failureThreshold: row.failure_threshold,
    recoveryThreshold: row.recovery_threshold,
    locations: JSON.parse(row.locations),
    quorum: row.quorum,
  };
  const given = Object.fromEntries(Object.entries(patch).filter(([key, value]) => value !== undefined && key !== 'config' && key !== 'name'));
  const merged: MonitorSettingsInput = { ...current, ...given };
  const refs = await resolveRefs(deps, actor, merged, row.id, 'body.', errors);
  const timing = timingOf(merged, 'body.', errors);
  const secrets = openSecrets(deps.secrets, row.id, row.secret_config);
  let configColumns: RowPatch<'monitors'> = {};
  if (patch.config) {
    const full = { ...mergeSecrets(kind, JSON.parse(row.config), secrets), ...restoreSecrets(kind, patch.config, secrets) };
    const config = parseConfig(kind, full, 'body.', errors);
    if (config) errors.push(...(await targetErrors(kind, config, deps.config.blockPrivateTargets)));
    if (config) {
      const split = splitSecrets(kind, config);
      const sealed = secrets.pingToken ? { ...split.secrets, pingToken: secrets.pingToken } : split.secrets;
      configColumns = { config: JSON.stringify(split.config), secret_config: sealSecrets(deps.secrets, row.id, sealed) };
    }
  }
  if (errors.length > 0) throw invalid(errors);
  return {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...configColumns,
    ...settingsColumns(timing, refs),
    updated_at: deps.now().toISOString(),
  };
}

export async function updateMonitor(deps: Deps, ctx: Ctx, id: string, patch: MonitorPatch): Promise<MonitorView> {
  const row = await getMonitorRow(deps, ctx.actor, id);
  const changes = await preparePatch(deps, ctx.actor, row, patch);
  const after = { ...row, ...changes } as store.MonitorRow;
  return writeChange(deps, ctx, row, after, changes, 'monitor.updated', { secretsChanged: changes.secret_config !== undefined && changes.secret_config !== row.secret_config });
}

async function writeChange(
  deps: Deps,
  ctx: Ctx,
  before: store.MonitorRow,
  after: store.MonitorRow,
  changes: RowPatch<'monitors'>,
  action: string,
  extra: { secretsChanged?: boolean } = {},
): Promise<MonitorView> {
  const beforeView = toMonitorView(deps, before);
  const afterView = toMonitorView(deps, after);
  const diff = changedFields(beforeView, afterView);
  // A changed password or secret header does not show in the views; say that one changed, never the value.
  const recorded = extra.secretsChanged ? { before: diff.before, after: { ...diff.after, secretsChanged: true } } : diff;
  return change(deps, ctx, async (trx, audit) => {
    await store.updateMonitor(trx, before.id, changes);
    await audit({ action, entityType: 'monitor', entityId: before.id, ...recorded });
    return afterView;
  });
}

export async function deleteMonitor(deps: Deps, ctx: Ctx, id: string): Promise<void> {
  const row = await getMonitorRow(deps, ctx.actor, id);
  await change(deps, ctx, async (trx, audit) => {
    await store.deleteMonitor(trx, id);
    await audit({ action: 'monitor.deleted', entityType: 'monitor', entityId: id, before: createdRecord(toMonitorView(deps, row)) });
  });
}

export async function pauseMonitor(deps: Deps, ctx: Ctx, id: string): Promise<MonitorView> {
  const row = await getMonitorRow(deps, ctx.actor, id);
  if (row.paused_at !== null) return toMonitorView(deps, row);
  const now = deps.now().toISOString();
  const changes = { paused_at: now, check_requested_at: null, updated_at: now };
  return writeChange(deps, ctx, row, { ...row, ...changes }, changes, 'monitor.paused');
}

export async function resumeMonitor(deps: Deps, ctx: Ctx, id: string): Promise<MonitorView> {
  const row = await getMonitorRow(deps, ctx.actor, id);
  if (row.paused_at === null) return toMonitorView(deps, row);
  const changes = { paused_at: null, updated_at: deps.now().toISOString() };
  return writeChange(deps, ctx, row, { ...row, ...changes }, changes, 'monitor.resumed');
}

/** "Check now": the worker that owns the monitor sees the request, checks it and clears it. */
export async function requestCheck(deps: Deps, ctx: Ctx, id: string): Promise<MonitorView> {
  const row = await getMonitorRow(deps, ctx.actor, id);
  if (row.paused_at !== null) throw conflict('The monitor is paused; resume it to check it.');
  if (row.kind === 'heartbeat') throw conflict('A heartbeat monitor is checked by its pings; there is nothing to check now.');
  const now = deps.now().toISOString();
  const changes = { check_requested_at: now, updated_at: now };
  return writeChange(deps, ctx, row, { ...row, ...changes }, changes, 'monitor.check-requested');
}

/** A heartbeat's ping URL, given out again; audited like any revealed secret. */
export async function revealPingUrl(deps: Deps, ctx: Ctx, id: string): Promise<string> {
  const row = await getMonitorRow(deps, ctx.actor, id);
  const token = openSecrets(deps.secrets, row.id, row.secret_config).pingToken;
  if (row.kind !== 'heartbeat' || !token) throw notFound('ping URL of monitor', id);
  await change(deps, ctx, (_trx, audit) => audit({ action: 'monitor.ping-url-revealed', entityType: 'monitor', entityId: id }));
  return pingUrlOf(deps, token);
}
