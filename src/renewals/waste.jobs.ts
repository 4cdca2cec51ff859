import { DateTime } from 'luxon';
import { systemActor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { change } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { describeJobError, PermanentJobError, type JobContext, type JobHandlers } from '../platform/jobs/model.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { gatherOptionsOf, runAudit } from './waste.audit.ts';
import type { GatherOptions } from './waste.gather.ts';
import { failStale, WASTE_AUDIT_JOB } from './waste.service.ts';
import * as store from './waste.store.ts';

/**
 * The waste audit job: one run per audit row (started by a person, payload `{ auditId }`) or
 * per ISO week (booked, payload `{ week }`). `gather` overrides how facts are gathered (tests
 * point page fetches at a port of their own).
 */
const ctx = { actor: systemActor(WASTE_AUDIT_JOB), requestId: null };

export function wasteJobs(deps: Deps, gather: Partial<GatherOptions> = {}): JobHandlers {
  return {
    [WASTE_AUDIT_JOB]: async (payload, context) => {
      const { auditId, week } = (payload ?? {}) as { auditId?: unknown; week?: unknown };
      if (typeof auditId === 'string') return runJob(deps, auditId, gather, context);
      if (typeof week !== 'string') throw new PermanentJobError('The payload needs an auditId or a week.');
      const weekly = await startWeekly(deps, week);
      await bookWeek(deps, nextWeek(week));
      // Not retried: a retry would find its own audit running and skip; next week's run comes anyway.
      if (weekly) await runJob(deps, weekly, gather, { ...context, attempt: context.maxAttempts });
    },
  };
}

async function runJob(deps: Deps, auditId: string, gather: Partial<GatherOptions>, context: JobContext): Promise<void> {
  const audit = await store.findAudit(deps.database.db, auditId);
  if (!audit) throw new PermanentJobError(`No waste audit ${auditId}.`);
  // Finished or failed already: a job run again after a crash must not redo it.
  if (audit.state !== 'running') return;
  try {
    const counts = await runAudit(deps, audit, gatherOptionsOf(deps, gather), context.signal);
    await change(deps, ctx, async (trx, audit_) => {
      await store.updateAudit(trx, auditId, { state: 'finished', finishedAt: deps.now().toISOString(), counts });
      await audit_({ action: 'waste.audit-finished', entityType: 'waste-audit', entityId: auditId, after: { ...counts } });
    });
  } catch (err) {
    // Stopped by the worker's shutdown: the job is released and runs again; the audit stays running.
    if (context.signal.aborted) throw err;
    // Retried while attempts remain (the audit stays running); the last failure is recorded.
    if (context.attempt < context.maxAttempts && !(err instanceof PermanentJobError)) throw err;
    await change(deps, ctx, async (trx, audit_) => {
      await store.updateAudit(trx, auditId, { state: 'failed', finishedAt: deps.now().toISOString(), error: describeJobError(err) });
      await audit_({ action: 'waste.audit-failed', entityType: 'waste-audit', entityId: auditId, after: { error: describeJobError(err) } });
    });
    throw err instanceof PermanentJobError ? err : new PermanentJobError(describeJobError(err));
  }
}

/** The audit row of a weekly run (new, or the one a shutdown interrupted), or null while a person's audit runs. */
async function startWeekly(deps: Deps, week: string): Promise<string | null> {
  return change(deps, ctx, async (trx, audit_) => {
    await failStale(deps, trx);
    const running = await store.runningAudit(trx);
    // The system's own run, interrupted by a shutdown: carry on with it.
    if (running && running.startedBy === null) return running.id;
    if (running) return null;
    const id = newId('wasteAudit');
    await store.insertAudit(trx, { id, state: 'running', client_id: null, started_by: null, started_at: deps.now().toISOString() });
    await audit_({ action: 'waste.audit-started', entityType: 'waste-audit', entityId: id, after: { week } });
    return id;
  });
}

/** Monday 03:00 UTC of an ISO week (`2026-W48`). */
function weekStart(week: string): Date {
  return DateTime.fromISO(`${week}-1T03:00:00`, { zone: 'utc' }).toJSDate();
}

function nextWeek(week: string): string {
  return DateTime.fromISO(`${week}-1`, { zone: 'utc' }).plus({ weeks: 1 }).toISOWeekDate()!.slice(0, 8);
}

async function bookWeek(deps: Deps, week: string): Promise<void> {
  await enqueueJob(deps.database.db, { name: WASTE_AUDIT_JOB, payload: { week }, idempotencyKey: `${WASTE_AUDIT_JOB}:${week}`, runAt: weekStart(week), maxAttempts: 3, now: deps.now() });
}

/**
 * Books the weekly audit of the coming ISO week (each run books the next); safe on every start,
 * the key being the week. Call it from `scheduleRecurringJobs`.
 */
export async function scheduleWasteAudit(deps: Deps): Promise<void> {
  const thisWeek = DateTime.fromJSDate(deps.now(), { zone: 'utc' }).toISOWeekDate()!.slice(0, 8);
  await bookWeek(deps, nextWeek(thisWeek));
}
