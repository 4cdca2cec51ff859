import type { SecretBox } from '../../platform/crypto/secrets.ts';
import type { Row } from '../../platform/db/schema.ts';
import { mergeSecrets, openSecrets } from '../monitors.secrets.ts';
import { MONITOR_CONFIGS, MONITOR_KINDS, type MonitorKind } from '../probes/configs.ts';
import { intervalMsOf, locationsOf } from '../schedule.model.ts';
import type { MonitorState } from '../incidents.model.ts';

/**
 * A monitor as the engine keeps it in memory: its settings parsed and its secrets opened once
 * when loaded (not on every check), plus what the scheduler tracks between checks.
 */
export interface EngineMonitor {
  id: string;
  name: string;
  kind: MonitorKind;
  /** The complete probe config, or null when it no longer parses (each check then fails saying so). */
  config: unknown;
  configError: string | null;
  target: string;
  intervalMs: number;
  timeoutMs: number;
  shard: number;
  series: number;
  locations: string[];
  failureThreshold: number;
  recoveryThreshold: number;
  quorum: number;
  parentId: string | null;
  assetId: string | null;
  clientId: string | null;
  projectId: string | null;
  paused: boolean;
  createdAt: string;
  updatedAt: string;
  checkRequestedAt: string | null;
  lastCheckedAt: string | null;
  state: MonitorState;
  flapping: boolean;
  stateChangedAt: string | null;
  // What the scheduler tracks:
  /** The run of equal outcomes this location is in. */
  streak: { ok: boolean; count: number; startedAt: string } | null;
  running: boolean;
  /** Bumped whenever the monitor is rescheduled, so older heap entries are ignored. */
  generation: number;
  /** Checked once after being loaded or resumed: the open state interval is made sure of then. */
  intervalEnsured: boolean;
}

/** A short description of what is checked, for alerts. */
export function targetOf(kind: MonitorKind, config: Record<string, unknown>): string {
  switch (kind) {
    case 'http':
      return String(config.url ?? '');
    case 'tcp':
      return `${String(config.host ?? '')}:${String(config.port ?? '')}`;
    case 'tls':
      return `${String(config.host ?? '')}:${String(config.port ?? 443)}`;
    case 'dns':
      return `${String(config.host ?? '')} ${String(config.recordType ?? 'A')}`;
    case 'domain':
      return String(config.domain ?? '');
    case 'heartbeat':
      return 'heartbeat';
  }
}

function parseConfig(row: Row<'monitors'>, kind: MonitorKind, secrets: SecretBox): { config: unknown; error: string | null; stored: Record<string, unknown> } {
  try {
    const stored = JSON.parse(row.config) as Record<string, unknown>;
    const merged = mergeSecrets(kind, stored, openSecrets(secrets, row.id, row.secret_config));
    const parsed = MONITOR_CONFIGS[kind].safeParse(merged);
    if (!parsed.success) return { config: null, error: `The monitor's settings are not valid: ${parsed.error.issues[0]?.message ?? 'unknown'}`, stored };
    return { config: parsed.data, error: null, stored };
  } catch (err) {
    return { config: null, error: `The monitor's settings cannot be read: ${(err as Error).message}`, stored: {} };
  }
}

export function toEngineMonitor(row: Row<'monitors'>, series: number, secrets: SecretBox): EngineMonitor {
  const kind = (MONITOR_KINDS as readonly string[]).includes(row.kind) ? (row.kind as MonitorKind) : 'http';
  const { config, error, stored } = parseConfig(row, kind, secrets);
  return {
    id: row.id,
    name: row.name,
    kind,
    config,
    configError: (MONITOR_KINDS as readonly string[]).includes(row.kind) ? error : `Unknown monitor kind "${row.kind}"`,
    target: targetOf(kind, stored),
    intervalMs: intervalMsOf(row.interval_seconds),
    timeoutMs: Math.max(100, row.timeout_ms),
    shard: row.shard,
    series,
    locations: locationsOf(row.locations),
    failureThreshold: Math.max(1, row.failure_threshold),
    recoveryThreshold: Math.max(1, row.recovery_threshold),
    quorum: Math.max(1, row.quorum),
    parentId: row.parent_id,
    assetId: row.asset_id,
    clientId: row.client_id,
    projectId: row.project_id,
    paused: row.paused_at !== null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    checkRequestedAt: row.check_requested_at,
    lastCheckedAt: row.last_checked_at,
    state: row.state === 'up' || row.state === 'down' ? row.state : 'pending',
    flapping: row.flapping === 1,
    stateChangedAt: row.state_changed_at,
    streak: null,
    running: false,
    generation: 0,
    intervalEnsured: false,
  };
}

/** Heartbeats are judged on their pings: late or failed is down at once, a good ping is up at once. */
export function thresholdsOf(m: EngineMonitor) {
  const heartbeat = m.kind === 'heartbeat';
  return {
    failureThreshold: heartbeat ? 1 : m.failureThreshold,
    recoveryThreshold: heartbeat ? 1 : m.recoveryThreshold,
    quorum: heartbeat ? 1 : m.quorum,
    locationCount: heartbeat ? 1 : m.locations.length,
  };
}
