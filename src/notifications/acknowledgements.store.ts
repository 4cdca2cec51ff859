import type { Kysely } from 'kysely';
import type { Row, Schema } from '../platform/db/schema.ts';

type Q = Kysely<Schema>;

export const ACKNOWLEDGEMENT_VIAS = ['link', 'api', 'ui', 'incident'] as const;
export type AcknowledgementVia = (typeof ACKNOWLEDGEMENT_VIAS)[number];

/** Someone took an open problem in hand: its escalation stops. */
export interface Acknowledgement {
  subjectKey: string;
  /** Null when acknowledged from a link sent to a shared channel. */
  userId: string | null;
  via: AcknowledgementVia;
  acknowledgedAt: string;
}

function toAcknowledgement(row: Row<'acknowledgements'>): Acknowledgement {
  return { subjectKey: row.subject_key, userId: row.user_id, via: row.via as AcknowledgementVia, acknowledgedAt: row.acknowledged_at };
}

export async function findAcknowledgement(db: Q, subjectKey: string): Promise<Acknowledgement | null> {
  const row = await db.selectFrom('acknowledgements').selectAll().where('subject_key', '=', subjectKey).executeTakeFirst();
  return row ? toAcknowledgement(row) : null;
}

/** True when this call recorded it; false when the subject was acknowledged already. */
export async function insertAcknowledgement(db: Q, ack: Acknowledgement): Promise<boolean> {
  const inserted = await db
    .insertInto('acknowledgements')
    .values({ subject_key: ack.subjectKey, user_id: ack.userId, via: ack.via, acknowledged_at: ack.acknowledgedAt })
    .onConflict((oc) => oc.column('subject_key').doNothing())
    .returning('subject_key')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A subject that opens again after its resolution starts unacknowledged. */
export async function deleteAcknowledgement(db: Q, subjectKey: string): Promise<void> {
  await db.deleteFrom('acknowledgements').where('subject_key', '=', subjectKey).execute();
}
