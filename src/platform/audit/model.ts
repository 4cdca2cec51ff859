import { createHash } from 'node:crypto';

/**
 * The audit log is append-only and hash-chained: each entry's hash covers its content and the
 * previous entry's hash, so editing or deleting any entry breaks every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

export const ACTOR_TYPES = ['user', 'token', 'cli', 'system', 'anonymous'] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Who made a change; accounts' Actor satisfies this shape. */
export interface AuditActor {
  readonly type: ActorType;
  /** A user id, or the job or command name for the system. */
  readonly id: string | null;
}

/** What every service receives to attribute a change. */
export interface ChangeContext {
  readonly actor: AuditActor;
  readonly requestId: string | null;
}

/** An entry as stored: `before` and `after` are the JSON texts, exactly as written. */
export interface AuditEntryContent {
  id: string;
  at: string;
  actorType: ActorType;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
  requestId: string | null;
}

export interface AuditEntry extends AuditEntryContent {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted, so the same content always hashes the same. Written out by
 * hand rather than with a JSON.stringify replacer: an import hashes a million entries.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v !== undefined && typeof v !== 'function') parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * The hash covers the previous hash and every stored field, the JSON texts byte for byte: what
 * verification reads back is exactly what was hashed, with no re-serialisation in between.
 */
export function entryHash(prevHash: string, c: AuditEntryContent): string {
  const fields = [c.id, c.at, c.actorType, c.actorId, c.action, c.entityType, c.entityId, c.before, c.after, c.requestId];
  return createHash('sha256').update(prevHash).update('\n').update(JSON.stringify(fields)).digest('hex');
}

export type ChainVerdict =
  | { ok: true; checked: number }
  | { ok: false; checked: number; firstBadSeq: number; entryId: string; reason: 'hash-mismatch' | 'broken-link' };

/**
 * Walk entries in sequence order and report the first that does not fit the chain.
 * `prevHash` is the hash expected before the first entry given (the genesis hash for a full walk).
 */
export function verifyChain(entries: Iterable<AuditEntry>, prevHash = GENESIS_HASH, checkedBefore = 0): ChainVerdict {
  let expectedPrev = prevHash;
  let checked = checkedBefore;
  for (const entry of entries) {
    if (entry.prevHash !== expectedPrev) {
      return { ok: false, checked, firstBadSeq: entry.seq, entryId: entry.id, reason: 'broken-link' };
    }
    const { seq: _seq, prevHash: _p, hash, ...content } = entry;
    if (entryHash(entry.prevHash, content) !== hash) {
      return { ok: false, checked, firstBadSeq: entry.seq, entryId: entry.id, reason: 'hash-mismatch' };
    }
    expectedPrev = hash;
    checked++;
  }
  return { ok: true, checked };
}

/** Only the fields that changed, so an update's entry shows what a person actually did. */
export function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (canonicalJson(before[key]) !== canonicalJson(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

/**
 * A created record as its audit entry keeps it: empty values (null, '', [], {}) are left out,
 * as are the id and timestamps the entry itself carries. Absent means empty; an import of a
 * million assets writes half the audit data this way.
 */
export function createdRecord(record: object): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === 'id' || key === 'createdAt' || key === 'updatedAt') continue;
    if (value === null || value === undefined || value === '') continue;
    if (Array.isArray(value) ? value.length === 0 : typeof value === 'object' && Object.keys(value as object).length === 0) continue;
    kept[key] = value;
  }
  return kept;
}
