import { performance } from 'node:perf_hooks';
import type { Transaction } from 'kysely';
import { readAgency } from '../accounts/agency.ts';
import { isValidTimeZone, systemActor } from '../accounts/model.ts';
import { publishEvents, type NewEvent } from '../notifications/events.ts';
import { appendAuditBatch, type AuditRecord } from '../platform/audit/store.ts';
import { createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import type { Cursor } from '../platform/db/keyset.ts';
import type { NewRow, Schema } from '../platform/db/schema.ts';
import { change, type Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { verifyAutoRenewals } from './autorenew.service.ts';
import { readDefaultPolicy, readPolicyLayers } from './policies.store.ts';
import { taskAssignee } from './policy.model.ts';
import type { DueReminder, RenewalTaskDue } from './reminders.model.ts';
import { autoRenewFailedEvent, reminderEvent, taskAssignedEvent } from './sweep.events.ts';
import { emptyCounts, judgeAsset, localDates, policiesInForce, policyResolver, sweepMoment, sweepWindow, type PolicyFor, type SweepCounts, type SweepMoment, type SweptAsset } from './sweep.model.ts';
import * as store from './sweep.store.ts';
import { attendTasks } from './sweep.tasks.service.ts';

/**
 * The renewal sweep: every 15 minutes (and on demand) it reads the assets whose expiry falls in
 * the window any policy could act on, a page at a time in expiry order, and sends the reminders
 * that fell due since the last finished sweep, creates renewal tasks, and raises failed
 * auto-renewals; then it escalates and wakes open tasks and closes those an auto-renewal settled.
 * Each page is one transaction, and every write is keyed (reminder key, asset + renewal date), so
 * a sweep that crashed half-way is simply run again: what it did is not done twice.
 */
export const SWEEP_ACTOR = systemActor('renewals');
/** Assets per page: big enough that per-page queries cost little, small enough to hold a page's work in memory. */
const PAGE_SIZE = 2_000;

export interface SweepOptions {
  /** Rows per page of assets, tasks and checks (tests use tiny pages to cross page boundaries). */
  pageSize?: number;
}

/** What the phases of one sweep share. */
export interface SweepRun {
  deps: Deps;
  ctx: ChangeContext;
  now: Date;
  at: string;
  moment: SweepMoment;
  policyFor: PolicyFor;
  /** The expiry dates any policy could act on today (UTC dates, with a margin for time zones). */
  window: { from: string; to: string };
  /** The largest escalation lead of any policy, to bound the tasks read. */
  maxEscalateDays: number;
  localDate: (zone: string) => string;
  /** A person's time zone, else the agency's (else UTC). */
  zoneOf: (person: { timeZone: string } | undefined) => string;
  counts: SweepCounts;
  pageSize: number;
}

/** How long the list of past sweeps reaches back. */
export const SWEEP_HISTORY_DAYS = 30;

export async function runSweep(deps: Deps, now: Date = deps.now(), options: SweepOptions = {}): Promise<store.Sweep> {
  const started = performance.now();
  const db = deps.database.db;
  const id = newId('renewalSweep');
  const last = await store.lastFinishedSweepAt(db);
  await store.insertSweep(db, { id, swept_at: now.toISOString(), started_at: deps.now().toISOString(), finished_at: null, counts: null });
  const run = await prepareRun(deps, now, last === null ? null : new Date(last), options.pageSize ?? PAGE_SIZE);
  await sweepAssets(run);
  await verifyAutoRenewals(run);
  await attendTasks(run);
  run.counts.ms = Math.round(performance.now() - started);
  await store.finishSweep(db, id, deps.now().toISOString(), run.counts);
  await store.pruneSweeps(db, new Date(now.getTime() - SWEEP_HISTORY_DAYS * 86_400_000).toISOString());
  deps.logger.info({ sweepId: id, ...run.counts }, 'renewal sweep finished');
  return (await store.findSweep(db, id))!;
}

async function prepareRun(deps: Deps, now: Date, lastSweepAt: Date | null, pageSize: number): Promise<SweepRun> {
  const db = deps.database.db;
  const base = await readDefaultPolicy(db);
  const layers = await readPolicyLayers(db);
  const agency = await readAgency(deps);
  const agencyZone = isValidTimeZone(agency.timeZone) ? agency.timeZone : 'UTC';
  const valid = new Map<string, boolean>();
  const zoneOf = (person: { timeZone: string } | undefined) => {
    if (!person) return agencyZone;
    let ok = valid.get(person.timeZone);
    if (ok === undefined) valid.set(person.timeZone, (ok = isValidTimeZone(person.timeZone)));
    return ok ? person.timeZone : agencyZone;
  };
  const policies = policiesInForce(base, layers);
  return {
    window: sweepWindow(policies, now.toISOString().slice(0, 10)),
    maxEscalateDays: policies.reduce((max, p) => Math.max(max, p.escalateDaysBefore ?? 0), 0),
    deps,
    ctx: { actor: SWEEP_ACTOR, requestId: null },
    now,
    at: now.toISOString(),
    moment: sweepMoment(now, lastSweepAt),
    policyFor: policyResolver(base, layers),
    localDate: localDates(now),
    zoneOf,
    counts: emptyCounts(),
    pageSize,
  };
}

async function sweepAssets(run: SweepRun): Promise<void> {
  let after: store.AssetCursor | null = null;
  for (;;) {
    const assets = await store.assetPage(run.deps.database.db, run.window, after, run.pageSize);
    if (assets.length === 0) return;
    run.counts.assets += assets.length;
    await sweepAssetPage(run, assets);
    const last = assets[assets.length - 1]!;
    after = { expiresOn: last.expiresOn, id: last.id };
    if (assets.length < run.pageSize) return;
  }
}

interface Placed {
  asset: SweptAsset;
  projectId: string | null;
  assignee: { id: string | null; name: string | null };
  /** The assignee's local date. */
  today: string;
}

interface PageWork {
  reminders: (Placed & { reminder: DueReminder })[];
  tasks: (Placed & { task: RenewalTaskDue })[];
  failures: (Placed & { renewalOn: string; graceEndedOn: string })[];
}

/** Decides about one page of assets (pure, with what was batch-loaded), then writes it in one transaction. */
async function sweepAssetPage(run: SweepRun, assets: SweptAsset[]): Promise<void> {
  const db = run.deps.database.db;
  const ids = assets.map((a) => a.id);
  const projects = await store.firstProjects(db, ids);
  const assigneeIds = assets.map((a) => taskAssignee(a, projects.get(a.id) ?? null, run.policyFor(a)));
  const persons = await store.people(db, assigneeIds.filter((x): x is string => x !== null));
  const tasks = await store.existingTasks(db, ids);
  const checks = await store.existingChecks(db, ids);
  const work: PageWork = { reminders: [], tasks: [], failures: [] };
  assets.forEach((asset, i) => {
    const assigneeId = assigneeIds[i]!;
    const person = assigneeId === null ? undefined : persons.get(assigneeId);
    const zone = run.zoneOf(person);
    const placed: Placed = { asset, projectId: projects.get(asset.id)?.projectId ?? null, assignee: { id: assigneeId, name: person?.name ?? null }, today: run.localDate(zone) };
    const verdict = judgeAsset(asset, run.policyFor(asset), run.moment, zone, placed.today);
    for (const reminder of verdict.reminders) work.reminders.push({ ...placed, reminder });
    if (verdict.task && !tasks.has(store.renewalKey(asset.id, verdict.task.renewalOn))) work.tasks.push({ ...placed, task: verdict.task });
    const failed = verdict.autoRenewFailed;
    if (failed && !checks.has(store.renewalKey(asset.id, failed.renewalOn))) work.failures.push({ ...placed, ...failed });
  });
  if (work.reminders.length + work.tasks.length + work.failures.length === 0) return;
  const providers = await store.providerNames(db, work.failures.flatMap((f) => (f.asset.providerId ? [f.asset.providerId] : [])));
  await change(run.deps, run.ctx, async (trx) => {
    await sendReminders(run, trx, work.reminders);
    await createTasks(run, trx, work.tasks);
    await raiseFailures(run, trx, work.failures, providers);
  });
}

type Trx = Transaction<Schema>;

async function sendReminders(run: SweepRun, trx: Trx, due: PageWork['reminders']): Promise<void> {
  if (due.length === 0) return;
  const rows: NewRow<'renewal_reminders'>[] = due.map(({ reminder: r, assignee }) => ({
    key: r.key,
    asset_id: r.assetId,
    renewal_on: r.renewalOn,
    kind: r.kind,
    offset_days: r.offsetDays,
    recipient_id: assignee.id,
    fire_at: r.fireAt,
    late: r.late ? 1 : 0,
    event_id: null,
    sent_at: run.at,
  }));
  // The rows go in first: on PostgreSQL a concurrent sweep inserting the same key waits here, then skips it.
  const fresh = await store.insertReminders(trx, rows);
  const sent = due.filter(({ reminder }) => fresh.has(reminder.key));
  const ids = await publishEvents(trx, sent.map(({ asset, projectId, reminder, assignee, today }) => reminderEvent(asset, projectId, reminder, assignee.id, today)), run.now);
  const eventIds = new Map(sent.map(({ reminder }, i) => [reminder.key, ids[i]!]));
  run.counts.reminders += sent.length;
  run.counts.late += sent.filter(({ reminder }) => reminder.late).length;
  await store.setReminderEvents(trx, eventIds);
}

async function createTasks(run: SweepRun, trx: Trx, wanted: PageWork['tasks']): Promise<void> {
  if (wanted.length === 0) return;
  const rows: NewRow<'renewal_tasks'>[] = wanted.map(({ asset, projectId, assignee, task }) => ({
    id: newId('task'),
    asset_id: asset.id,
    client_id: asset.clientId,
    project_id: projectId,
    renewal_on: task.renewalOn,
    due_on: task.dueOn,
    assignee_id: assignee.id,
    state: 'open',
    created_at: run.at,
    updated_at: run.at,
  }));
  const fresh = await store.insertTasks(trx, rows);
  const audits: AuditRecord[] = [];
  const events: NewEvent[] = [];
  for (const [i, row] of rows.entries()) {
    if (!fresh.has(row.id)) continue;
    const { asset, projectId, assignee, task } = wanted[i]!;
    events.push(taskAssignedEvent({ taskId: row.id, asset, projectId, renewalOn: task.renewalOn, dueOn: task.dueOn, assignee }));
    const after = createdRecord({ assetId: asset.id, clientId: asset.clientId, projectId, renewalOn: task.renewalOn, dueOn: task.dueOn, assigneeId: assignee.id, state: 'open' });
    audits.push({ action: 'task.created', entityType: 'task', entityId: row.id, after });
    run.counts.tasks++;
  }
  await publishEvents(trx, events, run.now);
  await appendAuditBatch(trx, run.deps.database.dialect, run.ctx, audits, run.now);
}

async function raiseFailures(run: SweepRun, trx: Trx, failures: PageWork['failures'], providers: Map<string, string>): Promise<void> {
  if (failures.length === 0) return;
  const fresh = await store.insertFailedChecks(trx, failures.map((f) => ({ assetId: f.asset.id, renewalOn: f.renewalOn })), run.at);
  const raised = failures.filter(({ asset, renewalOn }) => fresh.has(store.renewalKey(asset.id, renewalOn)));
  const providerOf = (id: string | null) => (id ? (providers.get(id) ?? null) : null);
  const ids = await publishEvents(
    trx,
    raised.map(({ asset, projectId, assignee, renewalOn, graceEndedOn }) => autoRenewFailedEvent(asset, projectId, { renewalOn, graceEndedOn }, providerOf(asset.providerId), assignee.id)),
    run.now,
  );
  const events = new Map(raised.map(({ asset, renewalOn }, i) => [asset.id, { renewalOn, eventId: ids[i]! }]));
  run.counts.autoRenewFailed += raised.length;
  await store.setCheckEvents(trx, events);
}

/** Recent sweeps, latest first. */
export async function listSweeps(deps: Deps, cursor: Cursor | undefined, limit: number): Promise<{ items: store.Sweep[]; nextCursor: Cursor | null }> {
  const rows = await store.listSweeps(deps.database.db, cursor, limit);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? { value: last.sweptAt, id: last.id } : null };
}
