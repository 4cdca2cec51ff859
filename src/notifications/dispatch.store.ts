import type { Kysely } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';
import type { PublishedEvent, Severity } from './events.ts';
import type { SubjectState } from './noise.model.ts';

type Q = Kysely<Schema>;

export async function findEvent(db: Q, id: string): Promise<PublishedEvent | null> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return {
    id: row.id,
    type: row.type as PublishedEvent['type'],
    severity: row.severity as Severity,
    clientId: row.client_id,
    projectId: row.project_id,
    assetId: row.asset_id,
    subjectKey: row.subject_key,
    groupKey: row.group_key,
    data: JSON.parse(row.data) as PublishedEvent['data'],
    occurredAt: row.occurred_at,
  };
}

// ---- subjects ----

export interface StoredSubject extends SubjectState {
  lastEventId: string;
  openedAt: string;
  resolvedAt: string | null;
}

/** `new` marks a row made only to lock a subject seen for the first time. */
const PLACEHOLDER = 'new';

function toSubject(row: Row<'notification_subjects'>): StoredSubject | null {
  if (row.state === PLACEHOLDER) return null;
  return {
    subjectKey: row.subject_key,
    state: row.state as 'open' | 'resolved',
    groupKey: row.group_key,
    grouped: row.grouped === 1,
    lastType: row.last_type,
    lastSeverity: row.last_severity as Severity,
    notifiedAt: row.notified_at,
    lastEventId: row.last_event_id,
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
  };
}

export async function findSubject(db: Q, subjectKey: string): Promise<StoredSubject | null> {
  const row = await db.selectFrom('notification_subjects').selectAll().where('subject_key', '=', subjectKey).executeTakeFirst();
  return row ? toSubject(row) : null;
}

/**
 * Serialises the dispatch of events about one subject until the transaction ends, so two
 * workers never both decide a subject is new. The row is made first if missing; updating it
 * takes PostgreSQL's row lock (SQLite has a single writer anyway).
 */
export async function lockSubject(db: Q, event: PublishedEvent, now: string): Promise<void> {
  await db
    .insertInto('notification_subjects')
    .values({
      subject_key: event.subjectKey,
      state: PLACEHOLDER,
      group_key: event.groupKey,
      grouped: 0,
      last_event_id: event.id,
      last_type: event.type,
      last_severity: event.severity,
      opened_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('subject_key').doNothing())
    .execute();
  await db.updateTable('notification_subjects').set((eb) => ({ updated_at: eb.ref('updated_at') })).where('subject_key', '=', event.subjectKey).execute();
}

export async function saveSubject(db: Q, s: StoredSubject, now: string): Promise<void> {
  await db
    .updateTable('notification_subjects')
    .set({
      state: s.state,
      group_key: s.groupKey,
      grouped: s.grouped ? 1 : 0,
      last_event_id: s.lastEventId,
      last_type: s.lastType,
      last_severity: s.lastSeverity,
      opened_at: s.openedAt,
      notified_at: s.notifiedAt,
      resolved_at: s.resolvedAt,
      updated_at: now,
    })
    .where('subject_key', '=', s.subjectKey)
    .execute();
}

// ---- decisions ----

/** Per recipient: queued, held (quiet hours) or digest. Per event (recipient `-`): routed, grouped, deduplicated, unrouted. */
export const DECISION_OUTCOMES = ['queued', 'held', 'digest', 'routed', 'grouped', 'deduplicated', 'unrouted'] as const;
/** The reason of the one decision about the event as a whole. */
export const EVENT_DECISION = 'dispatch';
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface Decision {
  eventId: string;
  /** `user:…`, `channel:…`, or `-` for the event as a whole. */
  recipientKey: string;
  reason: string;
  subjectKey: string;
  outcome: DecisionOutcome;
  notificationId: string | null;
  notBefore: string | null;
  createdAt: string;
}

export async function insertDecision(db: Q, d: Decision): Promise<void> {
  await db
    .insertInto('notification_decisions')
    .values({
      event_id: d.eventId,
      recipient_key: d.recipientKey,
      reason: d.reason,
      subject_key: d.subjectKey,
      outcome: d.outcome,
      notification_id: d.notificationId,
      not_before: d.notBefore,
      created_at: d.createdAt,
    })
    .onConflict((oc) => oc.columns(['event_id', 'recipient_key', 'reason']).doNothing())
    .execute();
}

export async function decisionsOfEvent(db: Q, eventId: string): Promise<Decision[]> {
  const rows = await db.selectFrom('notification_decisions').selectAll().where('event_id', '=', eventId).orderBy('created_at').orderBy('recipient_key').limit(1000).execute();
  return rows.map((r) => ({
    eventId: r.event_id,
    recipientKey: r.recipient_key,
    reason: r.reason,
    subjectKey: r.subject_key,
    outcome: r.outcome as DecisionOutcome,
    notificationId: r.notification_id,
    notBefore: r.not_before,
    createdAt: r.created_at,
  }));
}

/** True once the dispatcher decided anything about this event: a re-run of its job does nothing. */
export async function wasDispatched(db: Q, eventId: string): Promise<boolean> {
  const row = await db
    .selectFrom('notification_decisions')
    .select('event_id')
    .where('event_id', '=', eventId)
    .where('recipient_key', '=', '-')
    .where('reason', '=', EVENT_DECISION)
    .executeTakeFirst();
  return row !== undefined;
}

/** Everyone told about a subject (sent or held), who must hear of its resolution. */
export async function toldRecipients(db: Q, subjectKey: string): Promise<string[]> {
  const rows = await db
    .selectFrom('notification_decisions')
    .select('recipient_key')
    .distinct()
    .where('subject_key', '=', subjectKey)
    .where('outcome', 'in', ['queued', 'held'])
    .orderBy('recipient_key')
    .limit(500)
    .execute();
  return rows.map((r) => r.recipient_key);
}
