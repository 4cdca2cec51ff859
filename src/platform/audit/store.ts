import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Dialect } from '../db/dialect.ts';
import type { Row, Schema } from '../db/schema.ts';
import { decodeCursor, toPage, type Page } from '../db/keyset.ts';
import { newId } from '../ids.ts';
import { entryHash, verifyChain, GENESIS_HASH, type AuditEntry, type ChainVerdict, type ChangeContext } from './model.ts';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Append one entry inside the caller's transaction, so the change and its record commit or
 * roll back together. The chain head row is locked first: concurrent writers queue up here.
 */
export async function appendAudit(trx: Transaction<Schema>, dialect: Dialect, ctx: ChangeContext, record: AuditRecord, now = new Date()): Promise<void> {
  await dialect.lockRow(trx, 'audit_head', 1);
  const head = await trx.selectFrom('audit_head').select('last_hash').where('id', '=', 1).executeTakeFirstOrThrow();
  const content = contentOf(ctx, record, newId('audit', now.getTime()), now.toISOString());
  const hash = entryHash(head.last_hash, content);
  await trx.insertInto('audit_log').values(rowOf(content, head.last_hash, hash)).execute();
  await trx.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute();
}

/**
 * Many entries in one transaction (an import): the chain head is locked once, hashes are
 * computed in memory and rows inserted a batch at a time, so a million entries never sit in
 * memory together. `finish` moves the head to the last entry.
 */
export interface AuditBatch {
  append(records: AuditRecord[]): Promise<void>;
  finish(): Promise<void>;
}

export async function startAuditBatch(trx: Transaction<Schema>, dialect: Dialect, ctx: ChangeContext, now = new Date()): Promise<AuditBatch> {
  await dialect.lockRow(trx, 'audit_head', 1);
  let prevHash = (await trx.selectFrom('audit_head').select('last_hash').where('id', '=', 1).executeTakeFirstOrThrow()).last_hash;
  const at = now.toISOString();
  return {
    async append(records) {
      const rows = records.map((record) => {
        const content = contentOf(ctx, record, newId('audit', now.getTime()), at);
        const hash = entryHash(prevHash, content);
        const row = rowOf(content, prevHash, hash);
        prevHash = hash;
        return row;
      });
      await dialect.insertMany(trx, 'audit_log', rows);
    },
    async finish() {
      await trx.updateTable('audit_head').set({ last_hash: prevHash }).where('id', '=', 1).execute();
    },
  };
}

export async function appendAuditBatch(trx: Transaction<Schema>, dialect: Dialect, ctx: ChangeContext, records: AuditRecord[], now = new Date()): Promise<void> {
  if (records.length === 0) return;
  const batch = await startAuditBatch(trx, dialect, ctx, now);
  await batch.append(records);
  await batch.finish();
}

function contentOf(ctx: ChangeContext, record: AuditRecord, id: string, at: string) {
  return {
    id,
    at,
    actorType: ctx.actor.type,
    actorId: ctx.actor.id,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    before: record.before == null ? null : JSON.stringify(record.before),
    after: record.after == null ? null : JSON.stringify(record.after),
    requestId: ctx.requestId,
  };
}

function rowOf(content: ReturnType<typeof contentOf>, prevHash: string, hash: string) {
  return {
    id: content.id,
    at: content.at,
    actor_type: content.actorType,
    actor_id: content.actorId,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    before: content.before,
    after: content.after,
    request_id: content.requestId,
    prev_hash: prevHash,
    hash,
  };
}

/** An entry as the API shows it: before and after as JSON values rather than text. */
export type AuditEntryView = Omit<AuditEntry, 'before' | 'after'> & { before: unknown; after: unknown };

function toView(row: Row<'audit_log'>): AuditEntryView {
  const entry = toEntry(row);
  return { ...entry, before: entry.before === null ? null : JSON.parse(entry.before), after: entry.after === null ? null : JSON.parse(entry.after) };
}

function toEntry(row: Row<'audit_log'>): AuditEntry {
  return {
    seq: Number(row.seq),
    id: row.id,
    at: row.at,
    actorType: row.actor_type as AuditEntry['actorType'],
    actorId: row.actor_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before,
    after: row.after,
    requestId: row.request_id,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** Newest first; the cursor is the last seen `seq`. */
  cursor?: string | undefined;
  limit: number;
}

export async function listAudit(db: Kysely<Schema>, filter: AuditFilter): Promise<Page<AuditEntryView> | null> {
  let query = db.selectFrom('audit_log').selectAll();
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.cursor) {
    const cursor = decodeCursor(filter.cursor);
    // A seq is a whole number; anything else would reach SQL and fail there (bigint on PostgreSQL).
    if (!cursor || !Number.isSafeInteger(cursor.value)) return null;
    query = query.where('seq', '<', cursor.value as number);
  }
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit + 1).execute();
  return toPage(rows, filter.limit, (r) => ({ value: Number(r.seq), id: r.id }), toView);
}

/** Walk the whole log in batches and report the first entry that breaks the chain. */
export async function verifyAudit(db: Db, batchSize = 5000): Promise<ChainVerdict> {
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(batchSize).execute();
    if (rows.length === 0) break;
    const verdict = verifyChain(rows.map(toEntry), prevHash, checked);
    if (!verdict.ok) return verdict;
    checked = verdict.checked;
    const last = rows[rows.length - 1]!;
    prevHash = last.hash;
    lastSeq = Number(last.seq);
  }
  // Entries removed from the end leave the head pointing past the last one.
  const head = await db.selectFrom('audit_head').select('last_hash').where('id', '=', 1).executeTakeFirst();
  if (head && head.last_hash !== prevHash) {
    return { ok: false, checked, firstBadSeq: lastSeq + 1, entryId: '(missing)', reason: 'broken-link' };
  }
  return { ok: true, checked };
}
