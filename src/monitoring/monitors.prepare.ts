import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import type { NewRow, RowPatch } from '../platform/db/schema.ts';
import { ProblemError, type FieldError } from '../platform/http/problem.ts';
import { getAsset } from '../registry/assets.service.ts';
import { getClient, getProject } from '../registry/parties.service.ts';
import { sealSecrets, splitSecrets, type MonitorSecrets } from './monitors.secrets.ts';
import * as store from './monitors.store.ts';
import { targetErrors, targetLabel } from './monitors.targets.ts';
import { DEFAULT_INTERVAL_SECONDS, MONITOR_CONFIGS, type MonitorKind } from './probes/configs.ts';
import { shardOf } from './schedule.model.ts';

/**
 * Checking a monitor's settings before anything is written: references, thresholds, the config
 * of its kind and where it points. Every problem is collected with its field path, so one 400
 * lists them all (and a batch of monitors lists them per monitor).
 */
const DEFAULT_TIMEOUT_MS = 10_000;

/** The settings as they will be stored, before defaults are filled. */
export interface MonitorSettingsInput {
  name?: string | undefined;
  intervalSeconds?: number | undefined;
  timeoutMs?: number | undefined;
  clientId?: string | null | undefined;
  projectId?: string | null | undefined;
  assetId?: string | null | undefined;
  parentId?: string | null | undefined;
  failureThreshold?: number | undefined;
  recoveryThreshold?: number | undefined;
  locations?: string[] | undefined;
  quorum?: number | undefined;
}

export interface Refs {
  clientId: string | null;
  projectId: string | null;
  assetId: string | null;
  parentId: string | null;
}

/** A registry record the actor may not see or that does not exist: a field error, not a 404 of the whole request. */
async function visible<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof ProblemError && err.status === 404) return null;
    throw err;
  }
}

/** Check the asset, client, project and parent; the client follows from the asset or project when not given. */
export async function resolveRefs(deps: Deps, actor: Actor, input: MonitorSettingsInput, monitorId: string | null, prefix: string, errors: FieldError[]): Promise<Refs> {
  let clientId = input.clientId ?? null;
  const refs: Refs = { clientId, projectId: input.projectId ?? null, assetId: input.assetId ?? null, parentId: input.parentId ?? null };
  if (refs.assetId) {
    const asset = await visible(() => getAsset(deps, actor, refs.assetId!));
    if (!asset) errors.push({ field: `${prefix}assetId`, message: `No asset with id ${refs.assetId}` });
    else if (clientId && clientId !== asset.clientId) errors.push({ field: `${prefix}clientId`, message: "must be the asset's client" });
    else clientId = asset.clientId;
  }
  if (refs.projectId) {
    const project = await visible(() => getProject(deps, actor, refs.projectId!));
    if (!project) errors.push({ field: `${prefix}projectId`, message: `No project with id ${refs.projectId}` });
    else if (clientId && clientId !== project.clientId) errors.push({ field: `${prefix}projectId`, message: "must be a project of the monitor's client" });
    else clientId = project.clientId;
  }
  if (clientId && !(await visible(() => getClient(deps, actor, clientId!)))) errors.push({ field: `${prefix}clientId`, message: `No client with id ${clientId}` });
  if (refs.parentId) await checkParent(deps, refs.parentId, monitorId, prefix, errors);
  return { ...refs, clientId };
}

async function checkParent(deps: Deps, parentId: string, monitorId: string | null, prefix: string, errors: FieldError[]): Promise<void> {
  const field = `${prefix}parentId`;
  if (parentId === monitorId) return void errors.push({ field, message: 'a monitor cannot depend on itself' });
  if (!(await store.findMonitorRow(deps.database.db, parentId))) return void errors.push({ field, message: `No monitor with id ${parentId}` });
  if (monitorId && (await store.dependentIds(deps.database.db, monitorId)).has(parentId)) {
    errors.push({ field, message: 'depends on this monitor already; dependencies cannot go round in a circle' });
  }
}

export interface Timing {
  intervalSeconds: number;
  timeoutMs: number;
  failureThreshold: number;
  recoveryThreshold: number;
  locations: string[];
  quorum: number;
}

/** Defaults filled, and the rules that join fields checked. */
export function timingOf(input: MonitorSettingsInput, prefix: string, errors: FieldError[]): Timing {
  const intervalSeconds = input.intervalSeconds ?? DEFAULT_INTERVAL_SECONDS;
  const timeoutMs = input.timeoutMs ?? Math.min(intervalSeconds * 1000, DEFAULT_TIMEOUT_MS);
  if (timeoutMs > intervalSeconds * 1000) errors.push({ field: `${prefix}timeoutMs`, message: `must not be longer than the interval (${intervalSeconds} s)` });
  const locations = input.locations ?? ['main'];
  if (new Set(locations).size !== locations.length) errors.push({ field: `${prefix}locations`, message: 'lists a location twice' });
  const quorum = input.quorum ?? 1;
  if (quorum > locations.length) errors.push({ field: `${prefix}quorum`, message: `must not be more than the number of locations (${locations.length})` });
  return { intervalSeconds, timeoutMs, failureThreshold: input.failureThreshold ?? 2, recoveryThreshold: input.recoveryThreshold ?? 1, locations, quorum };
}

/** The kind's config parsed (defaults filled), or null with its problems added under `<prefix>config.`. */
export function parseConfig(kind: MonitorKind, config: unknown, prefix: string, errors: FieldError[]): Record<string, unknown> | null {
  const parsed = (MONITOR_CONFIGS[kind] as z.ZodType).safeParse(config);
  if (parsed.success) return parsed.data as Record<string, unknown>;
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) errors.push({ field: `${prefix}config.${path ? `${path}.` : ''}${key}`, message: 'is not a known field' });
    } else {
      errors.push({ field: `${prefix}config${path ? `.${path}` : ''}`, message: issue.message });
    }
  }
  return null;
}

export { targetErrors };

export const pingKeyHash = (token: string) => createHash('sha256').update(token).digest('hex');
export const newPingToken = () => randomBytes(24).toString('base64url');

export function pingUrlOf(deps: Deps, token: string): string {
  return `${deps.config.publicUrl.replace(/\/+$/, '')}/ping/${token}`;
}

/** The columns a monitor's settings fill, the same when it is created and when it is changed. */
export function settingsColumns(timing: Timing, refs: Refs) {
  return {
    interval_seconds: timing.intervalSeconds,
    timeout_ms: timing.timeoutMs,
    client_id: refs.clientId,
    project_id: refs.projectId,
    asset_id: refs.assetId,
    parent_id: refs.parentId,
    failure_threshold: timing.failureThreshold,
    recovery_threshold: timing.recoveryThreshold,
    locations: JSON.stringify(timing.locations),
    quorum: timing.quorum,
  } satisfies RowPatch<'monitors'>;
}

export interface NewMonitor {
  kind: MonitorKind;
  name?: string | undefined;
  config: Record<string, unknown>;
}

/** The row of a new monitor whose settings have been checked; the ping token (heartbeats) goes in sealed. */
export function newMonitorRow(deps: Deps, id: string, input: NewMonitor, refs: Refs, timing: Timing, pingToken: string | null): NewRow<'monitors'> {
  const now = deps.now().toISOString();
  const { config, secrets } = splitSecrets(input.kind, input.config);
  const sealed: MonitorSecrets = pingToken ? { ...secrets, pingToken } : secrets;
  return {
    id,
    name: (input.name ?? targetLabel(input.kind, input.config)).slice(0, 200),
    kind: input.kind,
    config: JSON.stringify(config),
    secret_config: sealSecrets(deps.secrets, id, sealed),
    ...settingsColumns(timing, refs),
    state: 'pending',
    flapping: 0,
    state_changed_at: null,
    paused_at: null,
    last_checked_at: null,
    last_ok: null,
    last_message: null,
    last_response_ms: null,
    check_requested_at: null,
    ping_key_hash: pingToken ? pingKeyHash(pingToken) : null,
    shard: shardOf(id),
    created_at: now,
    updated_at: now,
  };
}
