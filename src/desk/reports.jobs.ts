import { DateTime } from 'luxon';
import { systemActor } from '../accounts/model.ts';
import { publishEvent } from '../notifications/events.ts';
import { change, type Deps } from '../platform/deps.ts';
import { PermanentJobError, type JobHandlers } from '../platform/jobs/model.ts';
import { enqueueJob } from '../platform/jobs/queue.ts';
import { calendarMonth } from './credits.model.ts';
import { monthIn } from './reports.model.ts';
import { periodOf, reportOfClient } from './reports.service.ts';
import * as store from './reports.store.ts';

/**
 * The monthly report e-mail. A month's run is booked for the moment the month ends in the first
 * time zone to see the next one begin (UTC+14); it books, for every client whose plan says to
 * e-mail the report, one job for the moment the month ends in that plan's own zone, keyed by
 * client and month, so each client is told once per month however often the run is retried.
 * That job publishes `sla.report-ready` (the notifications capability renders and sends it);
 * a job run again after a crash sees the event already published and stops.
 */
export const MONTHLY_REPORTS_JOB = 'desk.monthly-reports';
export const REPORT_READY_JOB = 'desk.report-ready';

const FIRST_ZONE = 'Pacific/Kiritimati';
const ACTOR = systemActor(REPORT_READY_JOB);

const nextMonth = (month: string) => DateTime.fromISO(`${month}-01`, { zone: 'utc' }).plus({ months: 1 }).toFormat('yyyy-MM');

async function bookMonth(deps: Deps, month: string): Promise<void> {
  const runAt = calendarMonth(month, FIRST_ZONE).end;
  await enqueueJob(deps.database.db, { name: MONTHLY_REPORTS_JOB, payload: { month }, idempotencyKey: `${MONTHLY_REPORTS_JOB}:${month}`, runAt, now: deps.now() });
}

/** Books the run of the month now going on (UTC); safe on every start. */
export async function scheduleReportJobs(deps: Deps): Promise<void> {
  await bookMonth(deps, monthIn(deps.now(), 'UTC'));
}

function monthOf(payload: unknown): string {
  const month = (payload as Record<string, unknown> | null)?.month;
  if (typeof month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new PermanentJobError('The payload needs the month as YYYY-MM in "month".');
  return month;
}

/** Books each client's report e-mail for when its month has ended in its plan's zone. */
async function bookClients(deps: Deps, month: string): Promise<number> {
  const plans = (await store.clientPlans(deps.database.db)).filter((p) => p.terms.monthlyReport === true);
  for (const plan of plans) {
    const ends = periodOf(plan, month).end;
    const runAt = new Date(Math.max(ends.getTime(), deps.now().getTime()));
    await enqueueJob(deps.database.db, { name: REPORT_READY_JOB, payload: { clientId: plan.clientId, month }, idempotencyKey: `${REPORT_READY_JOB}:${plan.clientId}:${month}`, runAt, now: deps.now() });
  }
  return plans.length;
}

const appUrl = (deps: Deps) => deps.config.publicUrl.replace(/\/+$/, '');

/** Publishes the client's report-ready event once; nothing when the plan is gone or no longer e-mails it. */
export async function announceReport(deps: Deps, clientId: string, month: string): Promise<'published' | 'skipped'> {
  const subjectKey = `sla-report:${clientId}:${month}`;
  const found = await reportOfClient(deps, clientId, month);
  if (!found || !found.monthlyReport) return 'skipped';
  if (await store.reportAnnounced(deps.database.db, subjectKey)) return 'skipped';
  const { report } = found;
  const base = appUrl(deps);
  const data = {
    clientName: report.client.name,
    month,
    uptimePercent: report.uptime.overallPercent,
    guaranteePercent: report.plan.guaranteePercent,
    credit: report.credit?.amount ?? null,
    url: `${base}/desk/reports/${clientId}/${month}`,
    pdfUrl: `${base}/api/v1/clients/${clientId}/sla-reports/${month}/report.pdf`,
  };
  await change(deps, { actor: ACTOR, requestId: null }, async (trx, audit) => {
    const eventId = await publishEvent(trx, { type: 'sla.report-ready', severity: 'info', clientId, projectId: null, assetId: null, subjectKey, groupKey: null, data }, deps.now());
    await audit({ action: 'sla-report.announced', entityType: 'client', entityId: clientId, after: { month, eventId, uptimePercent: data.uptimePercent, credit: data.credit } });
  });
  return 'published';
}

export function reportJobs(deps: Deps): JobHandlers {
  return {
    [MONTHLY_REPORTS_JOB]: async (payload) => {
      const month = monthOf(payload);
      await bookMonth(deps, nextMonth(month));
      const booked = await bookClients(deps, month);
      deps.logger.info({ month, clients: booked }, 'monthly SLA report e-mails booked');
    },
    [REPORT_READY_JOB]: async (payload) => {
      const { clientId, month } = (payload ?? {}) as { clientId?: unknown; month?: unknown };
      if (typeof clientId !== 'string') throw new PermanentJobError('The payload needs the client in "clientId".');
      const outcome = await announceReport(deps, clientId, monthOf({ month }));
      deps.logger.debug({ clientId, month, outcome }, 'monthly SLA report');
    },
  };
}
