import type { Kysely } from 'kysely';
import { afterCursor, type Cursor } from '../platform/db/keyset.ts';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { ChannelKind } from './channels/channel.ts';
import type { ChannelStatus, RateWindow } from './outbox.model.ts';

/** Queries for notification channels. Secrets stay sealed here; the service opens them. */
type Q = Kysely<Schema>;

export interface ChannelRecord {
  id: string;
  kind: ChannelKind;
  name: string;
  ownerUserId: string | null;
  clientId: string | null;
  /** The settings that are not secret. */
  config: Record<string, unknown>;
  /** The secret settings, sealed; null when the kind has none. */
  sealedSecrets: string | null;
  status: ChannelStatus;
  statusReason: string | null;
  statusChangedAt: string | null;
  lastSentAt: string | null;
  ratePerMinute: number | null;
  rate: RateWindow;
  createdAt: string;
  updatedAt: string;
}

export function toChannel(row: Row<'notification_channels'>): ChannelRecord {
  return {
    id: row.id,
    kind: row.kind as ChannelKind,
    name: row.name,
    ownerUserId: row.owner_user_id,
    clientId: row.client_id,
    config: JSON.parse(row.config) as Record<string, unknown>,
    sealedSecrets: row.secret_config,
    status: row.status as ChannelStatus,
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at,
    lastSentAt: row.last_sent_at,
    ratePerMinute: row.rate_per_minute,
    rate: { window: row.rate_window, count: row.rate_count },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function channelRow(c: ChannelRecord): Row<'notification_channels'> {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    owner_user_id: c.ownerUserId,
    client_id: c.clientId,
    config: JSON.stringify(c.config),
    secret_config: c.sealedSecrets,
    status: c.status,
    status_reason: c.statusReason,
    status_changed_at: c.statusChangedAt,
    last_sent_at: c.lastSentAt,
    rate_per_minute: c.ratePerMinute,
    rate_window: c.rate.window,
    rate_count: c.rate.count,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export async function findChannel(db: Q, id: string): Promise<ChannelRecord | null> {
  const row = await db.selectFrom('notification_channels').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toChannel(row) : null;
}

export async function findChannels(db: Q, ids: readonly string[]): Promise<ChannelRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('notification_channels').selectAll().where('id', 'in', ids).execute();
  return rows.map(toChannel);
}

export interface ChannelFilter {
  /** Only channels this user owns, plus agency-wide ones when `withAgencyWide`. */
  ownerUserId?: string | undefined;
  withAgencyWide?: boolean | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  limit: number;
  after?: Cursor | undefined;
}

/** A page of channels by name (limit + 1 rows: the extra one says more exist). */
export async function listChannels(db: Q, filter: ChannelFilter): Promise<ChannelRecord[]> {
  let query = db.selectFrom('notification_channels').selectAll();
  if (filter.ownerUserId !== undefined) {
    const owner = filter.ownerUserId;
    query = filter.withAgencyWide
      ? query.where((eb) => eb.or([eb('owner_user_id', '=', owner), eb('owner_user_id', 'is', null)]))
      : query.where('owner_user_id', '=', owner);
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.after) query = query.where(afterCursor('name', 'asc', filter.after));
  const rows = await query.orderBy('name').orderBy('id').limit(filter.limit + 1).execute();
  return rows.map(toChannel);
}

export async function insertChannel(db: Q, channel: ChannelRecord): Promise<void> {
  await db.insertInto('notification_channels').values(channelRow(channel)).execute();
}

export async function updateChannel(db: Q, channel: ChannelRecord): Promise<void> {
  const { id, ...rest } = channelRow(channel);
  await db.updateTable('notification_channels').set(rest).where('id', '=', id).execute();
}

export async function deleteChannel(db: Q, id: string): Promise<void> {
  await db.deleteFrom('notification_channels').where('id', '=', id).execute();
}

/**
 * Moves a channel to `status` unless it is there already; true when this call changed it, so
 * one outage is reported once however many messages ran into it at the same time.
 */
export async function moveChannelStatus(db: Q, id: string, status: ChannelStatus, reason: string | null, now: Date, onlyFrom?: readonly ChannelStatus[]): Promise<boolean> {
  let query = db
    .updateTable('notification_channels')
    .set({ status, status_reason: reason, status_changed_at: now.toISOString(), updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('status', '<>', status);
  if (onlyFrom) query = query.where('status', 'in', onlyFrom);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records a successful send, at most once a minute per channel: a busy channel's row is not rewritten for every message. */
export async function touchLastSent(db: Q, id: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .updateTable('notification_channels')
    .set({ last_sent_at: at })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_sent_at', 'is', null), eb('last_sent_at', '<', new Date(now.getTime() - 60_000).toISOString())]))
    .execute();
}

/** Compare-and-set of the rate window: false when another sender moved it first (read again and retry). */
export async function swapRateWindow(db: Q, id: string, from: RateWindow, to: RateWindow): Promise<boolean> {
  let query = db.updateTable('notification_channels').set({ rate_window: to.window, rate_count: to.count }).where('id', '=', id).where('rate_count', '=', from.count);
  query = from.window === null ? query.where('rate_window', 'is', null) : query.where('rate_window', '=', from.window);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function readRateWindow(db: Q, id: string): Promise<RateWindow | null> {
  const row = await db.selectFrom('notification_channels').select(['rate_window', 'rate_count']).where('id', '=', id).executeTakeFirst();
  return row ? { window: row.rate_window, count: row.rate_count } : null;
}
