import type { Kysely } from 'kysely';
import type { Schema } from '../platform/db/schema.ts';
import type { DigestFrequency } from './digests.model.ts';
import { defaultSchedule, type NotificationSchedule, type Window } from './quiet-hours.model.ts';

type Q = Kysely<Schema>;

/** The person's schedule, or the defaults when they never changed it. */
export async function findSchedule(db: Q, userId: string): Promise<NotificationSchedule> {
  const row = await db.selectFrom('notification_schedules').selectAll().where('user_id', '=', userId).executeTakeFirst();
  if (!row) return defaultSchedule(userId);
  return {
    userId,
    timeZone: row.time_zone,
    quietHours: JSON.parse(row.quiet_hours) as Window[],
    workingHours: row.working_hours === null ? null : (JSON.parse(row.working_hours) as Window[]),
    digest: { types: JSON.parse(row.digest_types) as string[], frequency: row.digest_frequency as DigestFrequency, time: row.digest_time, weekday: row.digest_weekday },
    updatedAt: row.updated_at,
  };
}

export async function saveSchedule(db: Q, s: NotificationSchedule & { updatedAt: string }): Promise<void> {
  const values = {
    time_zone: s.timeZone,
    quiet_hours: JSON.stringify(s.quietHours),
    working_hours: s.workingHours === null ? null : JSON.stringify(s.workingHours),
    digest_types: JSON.stringify(s.digest.types),
    digest_frequency: s.digest.frequency,
    digest_time: s.digest.time,
    digest_weekday: s.digest.weekday,
    updated_at: s.updatedAt,
  };
  await db
    .insertInto('notification_schedules')
    .values({ user_id: s.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

/** The time zone of the person's profile; null when there is no such user. */
export async function profileTimeZone(db: Q, userId: string): Promise<string | null> {
  const row = await db.selectFrom('users').select('time_zone').where('id', '=', userId).executeTakeFirst();
  return row?.time_zone ?? null;
}
