import { changedFields, type ChangeContext } from '../platform/audit/model.ts';
import { change, type Deps } from '../platform/deps.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { EVENT_TYPES } from './events.ts';
import { isClock, scheduleIssues, type DigestChoice, type NotificationSchedule, type Window } from './quiet-hours.model.ts';
import { findSchedule, profileTimeZone, saveSchedule } from './quiet-hours.store.ts';

export interface ScheduleView extends NotificationSchedule {
  /** The zone the windows are read in: the schedule's own, or the profile's. */
  effectiveTimeZone: string;
}

export interface SchedulePatch {
  timeZone?: string | null | undefined;
  quietHours?: Window[] | undefined;
  workingHours?: Window[] | null | undefined;
  digest?: Partial<DigestChoice> | undefined;
}

export async function getSchedule(deps: Deps, userId: string): Promise<ScheduleView> {
  const db = deps.database.db;
  const profileZone = await profileTimeZone(db, userId);
  if (profileZone === null) throw notFound('user', userId);
  const schedule = await findSchedule(db, userId);
  return { ...schedule, effectiveTimeZone: schedule.timeZone ?? profileZone };
}

function digestIssues(digest: DigestChoice): FieldError[] {
  const known = EVENT_TYPES as readonly string[];
  const issues = digest.types.flatMap((type, i) => (known.includes(type) ? [] : [{ field: `body.digest.types.${i}`, message: `is not an event type; known: ${known.join(', ')}` }]));
  if (!isClock(digest.time)) issues.push({ field: 'body.digest.time', message: 'must be a time of day as HH:mm' });
  return issues;
}

/** Changes a person's quiet hours, working hours or digest choice; checked whole before anything is saved. */
export async function updateSchedule(deps: Deps, ctx: ChangeContext, userId: string, patch: SchedulePatch): Promise<ScheduleView> {
  const before = await getSchedule(deps, userId);
  const after: NotificationSchedule = {
    userId,
    timeZone: patch.timeZone === undefined ? before.timeZone : patch.timeZone,
    quietHours: patch.quietHours ?? before.quietHours,
    workingHours: patch.workingHours === undefined ? before.workingHours : patch.workingHours,
    digest: { ...before.digest, ...patch.digest },
    updatedAt: deps.now().toISOString(),
  };
  const zone = after.timeZone ?? (await profileTimeZone(deps.database.db, userId)) ?? 'UTC';
  const issues: FieldError[] = scheduleIssues({ timeZone: zone, quietHours: after.quietHours, workingHours: after.workingHours }).map((i) => ({
    field: `body.${i.path.join('.')}`,
    message: i.message,
  }));
  issues.push(...digestIssues(after.digest));
  if (issues.length > 0) throw invalid(issues);
  await change(deps, ctx, async (trx, audit) => {
    await saveSchedule(trx, { ...after, updatedAt: after.updatedAt! });
    const { effectiveTimeZone: _zone, ...old } = before;
    const diff = changedFields({ ...old, updatedAt: null }, { ...after, updatedAt: null });
    await audit({ action: 'notification-schedule.updated', entityType: 'user', entityId: userId, ...diff });
  });
  return { ...after, effectiveTimeZone: zone };
}
