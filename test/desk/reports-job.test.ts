import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskJobs, scheduleDeskJobs } from '../../src/desk/jobs.ts';
import { MONTHLY_REPORTS_JOB, REPORT_READY_JOB } from '../../src/desk/reports.jobs.ts';
import { PermanentJobError } from '../../src/platform/jobs/model.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { agencyInStockholm, auditOf, ok } from './helpers.ts';
import { planForClient } from './tickets-helpers.ts';

/**
 * The monthly report e-mail: client A's plan asks for it, client B's does not. The run of
 * November is due when November ends at UTC+14 (30 Nov 10:00 UTC); it books A's e-mail for when
 * November ends in Stockholm (30 Nov 23:00 UTC), and that job publishes `sla.report-ready` once.
 */
let t: TestApp;
let a: Agency;
let planA: string;
let planB: string;

const at = (iso: string) => (t.clock.now = new Date(iso));
const run = (name: string, payload: unknown) => deskJobs(t.deps)[name]!(payload, undefined as never);

async function jobs(name: string): Promise<{ idempotency_key: string | null; run_at: string; payload: string }[]> {
  return t.deps.database.db.selectFrom('jobs').select(['idempotency_key', 'run_at', 'payload']).where('name', '=', name).orderBy('run_at').execute();
}

async function reportEvents(): Promise<{ client_id: string | null; severity: string; subject_key: string; data: string }[]> {
  return t.deps.database.db.selectFrom('events').select(['client_id', 'severity', 'subject_key', 'data']).where('type', '=', 'sla.report-ready').execute();
}

beforeAll(async () => {
  t = await startTestApp({ UPKEEP_PUBLIC_URL: 'https://upkeep.agency.test/' });
  at('2026-10-15T08:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  ({ planId: planA } = await planForClient(t, a.admin.token, a.clientA));
  ({ planId: planB } = await planForClient(t, a.admin.token, a.clientB));
});
afterAll(async () => t?.close());

describe('the plan setting', () => {
  it('is off by default, can be switched on, and reads as off on plans stored before it existed', async () => {
    expect((await ok(t, 'GET', `/api/v1/sla-plans/${planA}`, a.admin.token)).monthlyReport).toBe(false);
    const changed = await ok(t, 'PATCH', `/api/v1/sla-plans/${planA}`, a.admin.token, { monthlyReport: true, monthlyFee: { amount: 20_000, currency: 'EUR' } });
    expect(changed.monthlyReport).toBe(true);
    const audit = await auditOf(t, planA);
    expect(audit.at(-1)).toMatchObject({ action: 'sla-plan.updated', after: { monthlyReport: true } });

    const db = t.deps.database.db;
    const row = await db.selectFrom('sla_plans').select('definition').where('id', '=', planB).executeTakeFirstOrThrow();
    const { monthlyReport: _gone, ...old } = JSON.parse(row.definition);
    await db.updateTable('sla_plans').set({ definition: JSON.stringify(old) }).where('id', '=', planB).execute();
    expect((await ok(t, 'GET', `/api/v1/sla-plans/${planB}`, a.admin.token)).monthlyReport).toBe(false);

    const bad = await t.request('PATCH', `/api/v1/sla-plans/${planB}`, { token: a.admin.token, body: { monthlyReport: 'yes' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: any) => e.field)).toEqual(['body.monthlyReport']);
  });
});

describe('the monthly run', () => {
  it('is booked once for when the month ends in the first time zone', async () => {
    at('2026-11-20T12:00:00.000Z');
    await scheduleDeskJobs(t.deps);
    await scheduleDeskJobs(t.deps);
    expect((await jobs(MONTHLY_REPORTS_JOB)).map((j) => [j.idempotency_key, j.run_at])).toEqual([[`${MONTHLY_REPORTS_JOB}:2026-11`, '2026-11-30T10:00:00.000Z']]);
  });

  it('books the next month and an e-mail for each client whose plan asks, for when its month ends', async () => {
    at('2026-11-30T10:00:00.000Z');
    await run(MONTHLY_REPORTS_JOB, { month: '2026-11' });
    await run(MONTHLY_REPORTS_JOB, { month: '2026-11' });
    expect((await jobs(MONTHLY_REPORTS_JOB)).map((j) => j.idempotency_key)).toEqual([`${MONTHLY_REPORTS_JOB}:2026-11`, `${MONTHLY_REPORTS_JOB}:2026-12`]);
    expect((await jobs(REPORT_READY_JOB)).map((j) => [j.idempotency_key, j.run_at, JSON.parse(j.payload)])).toEqual([
      [`${REPORT_READY_JOB}:${a.clientA}:2026-11`, '2026-11-30T23:00:00.000Z', { clientId: a.clientA, month: '2026-11' }],
    ]);
  });

  it('publishes sla.report-ready once per client and month, with links to the page and the PDF', async () => {
    at('2026-12-01T00:00:00.000Z');
    await run(REPORT_READY_JOB, { clientId: a.clientA, month: '2026-11' });
    // Run again (a retry after a crash): nothing more.
    await run(REPORT_READY_JOB, { clientId: a.clientA, month: '2026-11' });
    const events = await reportEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ client_id: a.clientA, severity: 'info', subject_key: `sla-report:${a.clientA}:2026-11` });
    expect(JSON.parse(events[0]!.data)).toEqual({
      clientName: 'Client A',
      month: '2026-11',
      // Nothing monitored: no uptime to judge, no credit owed.
      uptimePercent: null,
      guaranteePercent: 99.9,
      credit: { amount: 0, currency: 'EUR' },
      url: `https://upkeep.agency.test/desk/reports/${a.clientA}/2026-11`,
      pdfUrl: `https://upkeep.agency.test/api/v1/clients/${a.clientA}/sla-reports/2026-11/report.pdf`,
    });
    const audit = await auditOf(t, a.clientA);
    expect(audit.filter((e) => e.action === 'sla-report.announced')).toHaveLength(1);
  });

  it('sends nothing for a plan that does not ask for it, or no longer does', async () => {
    await run(REPORT_READY_JOB, { clientId: a.clientB, month: '2026-11' });
    await ok(t, 'PATCH', `/api/v1/sla-plans/${planA}`, a.admin.token, { monthlyReport: false });
    await run(REPORT_READY_JOB, { clientId: a.clientA, month: '2026-10' });
    expect((await reportEvents()).map((e) => e.subject_key)).toEqual([`sla-report:${a.clientA}:2026-11`]);
  });

  it('gives up on a payload it cannot read', async () => {
    await expect(run(MONTHLY_REPORTS_JOB, { month: 'soon' })).rejects.toBeInstanceOf(PermanentJobError);
    await expect(run(REPORT_READY_JOB, { month: '2026-11' })).rejects.toBeInstanceOf(PermanentJobError);
  });
});
