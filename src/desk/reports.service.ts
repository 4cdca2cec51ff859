import { canSeeClient, clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { coversMonitor, maintenanceSpans, type MaintenanceWindow, type MonitorScopes } from '../monitoring/maintenance.model.ts';
import { maintenanceWindowsFor, monitorScopes, stateIntervals } from '../monitoring/results.store.ts';
import type { StateInterval } from '../monitoring/uptime.model.ts';
import type { Deps } from '../platform/deps.ts';
import { invalid, notFound } from '../platform/http/problem.ts';
import { calendarMonth } from './credits.model.ts';
import * as plans from './plans.store.ts';
import { reportCsv } from './reports.csv.ts';
import { assembleReport, monthIn, monthProblem, reportMonths, siteTarget, summaryOf, type IncidentFacts, type Period, type ReportSource, type TicketFacts } from './reports.model.ts';
import { renderReportPdf } from './reports.pdf.ts';
import * as store from './reports.store.ts';
import type { MonthlyReport, ReportSummary } from './reports.types.ts';
import { noPlan } from './sla.service.ts';

/**
 * Monthly SLA reports: gathered for many clients at once (a few queries per hundred clients,
 * whatever their number of sites and tickets), assembled by reports.model.ts. Uptime comes from
 * monitoring's state intervals and maintenance windows — one row per change of state — so a month
 * costs a handful of rows per site. Reports are computed when asked for, never stored: a month
 * still running shows its figures so far.
 */
type ReportDeps = Pick<Deps, 'database' | 'now'>;

/** Clients per round of queries: bounds memory (tickets of a hundred clients at a time). */
const CLIENTS_PER_ROUND = 100;

/** 400 naming the field when the month cannot have a report. */
export function checkMonth(month: string, now: Date, field: string): void {
  const problem = monthProblem(month, now);
  if (problem) throw invalid([{ field, message: problem }]);
}

/** The client's plan, if the actor may see the client; 404 for an unknown or hidden client, 404 `no-sla-plan` without a plan. */
async function visiblePlan(deps: ReportDeps, actor: Actor, clientId: string): Promise<store.ClientPlan> {
  const db = deps.database.db;
  const client = canSeeClient(actor, clientId) ? await plans.findClient(db, clientId) : null;
  if (!client) throw notFound('client', clientId);
  const [plan] = await store.clientPlans(db, clientId);
  if (!plan) throw noPlan(client.name, client.id);
  return plan;
}

export async function monthlyReport(deps: ReportDeps, actor: Actor, clientId: string, month: string): Promise<MonthlyReport> {
  checkMonth(month, deps.now(), 'params.month');
  const plan = await visiblePlan(deps, actor, clientId);
  const [report] = await reportsFor(deps, [plan], month, deps.now());
  return report!;
}

export async function monthlyReportPdf(deps: ReportDeps, actor: Actor, clientId: string, month: string): Promise<{ report: MonthlyReport; pdf: Buffer }> {
  const report = await monthlyReport(deps, actor, clientId, month);
  return { report, pdf: await renderReportPdf(report) };
}

export async function monthlyReportCsv(deps: ReportDeps, actor: Actor, clientId: string, month: string): Promise<{ report: MonthlyReport; csv: string }> {
  const report = await monthlyReport(deps, actor, clientId, month);
  return { report, csv: reportCsv(report) };
}

/** The agency's overview of a month: every client with a plan, by name; a client's portal user sees its own line only. */
export async function monthOverview(deps: ReportDeps, actor: Actor, month: string): Promise<{ month: string; items: ReportSummary[] }> {
  checkMonth(month, deps.now(), 'querystring.month');
  const scope = clientScope(actor);
  const all = await store.clientPlans(deps.database.db, scope ?? undefined);
  const items: ReportSummary[] = [];
  for (const round of store.chunks(all, CLIENTS_PER_ROUND)) {
    for (const report of await reportsFor(deps, round, month, deps.now())) items.push(summaryOf(report));
  }
  return { month, items };
}

/** The months a client has reports for, newest first, from the plan's (or first monitor's) month; at most 24. */
export async function reportMonthsOf(deps: ReportDeps, actor: Actor, clientId: string): Promise<{ items: { month: string; complete: boolean }[] }> {
  const plan = await visiblePlan(deps, actor, clientId);
  const firstMonitor = await store.firstMonitorAt(deps.database.db, clientId);
  const starts = [plan.createdAt, firstMonitor].filter((at): at is string => at !== null).map((at) => monthIn(new Date(at), plan.timeZone));
  return { items: reportMonths(starts.sort()[0]!, deps.now(), plan.timeZone) };
}

/** One client's report for a job: no actor, the plan read fresh; null when the client has no plan any more. */
export async function reportOfClient(deps: ReportDeps, clientId: string, month: string): Promise<{ report: MonthlyReport; monthlyReport: boolean } | null> {
  const [plan] = await store.clientPlans(deps.database.db, clientId);
  if (!plan) return null;
  const [report] = await reportsFor(deps, [plan], month, deps.now());
  return { report: report!, monthlyReport: plan.terms.monthlyReport ?? false };
}

export const periodOf = (plan: store.ClientPlan, month: string): Period => ({ ...calendarMonth(month, plan.timeZone), timeZone: plan.timeZone });

/** The reports of these clients' plans for a month, in the same order, from one round of queries. */
export async function reportsFor(deps: ReportDeps, clientPlans: readonly store.ClientPlan[], month: string, now: Date): Promise<MonthlyReport[]> {
  if (clientPlans.length === 0) return [];
  const periods = clientPlans.map((p) => periodOf(p, month));
  // Zones put the month's edges apart by up to a day: read the widest range, cut per client below.
  const from = new Date(Math.min(...periods.map((p) => p.start.getTime())));
  const to = new Date(Math.max(...periods.map((p) => p.end.getTime())));
  const clientIds = clientPlans.map((p) => p.clientId);
  const [sites, tickets, incidents] = await Promise.all([gatherSites(deps, clientIds, from, to), gatherTickets(deps, clientIds, from, to), gatherIncidents(deps, clientIds, from, to)]);
  return clientPlans.map((plan, i) => {
    const period = periods[i]!;
    const inPeriod = (at: string) => Date.parse(at) >= period.start.getTime() && Date.parse(at) < period.end.getTime();
    const source: ReportSource = {
      client: { id: plan.clientId, name: plan.clientName, language: plan.clientLocale },
      month,
      period,
      plan: {
        id: plan.planId,
        name: plan.planName,
        guaranteePercent: plan.terms.uptimeGuarantee?.percent ?? null,
        creditTiers: plan.terms.uptimeGuarantee?.creditTiers ?? [],
        monthlyFee: plan.terms.monthlyFee ?? null,
      },
      sites: (sites.get(plan.clientId) ?? []).map((s) => ({ ...s, maintenance: maintenanceSpans(s.windows, period.start.getTime(), period.end.getTime()) })),
      tickets: (tickets.get(plan.clientId) ?? []).filter((t) => inPeriod(t.createdAt)),
      incidents: (incidents.get(plan.clientId) ?? []).filter((inc) => Date.parse(inc.startedAt) < period.end.getTime() && (inc.resolvedAt === null || Date.parse(inc.resolvedAt) > period.start.getTime())),
    };
    return assembleReport(source, now);
  });
}

interface GatheredSite {
  monitorId: string;
  name: string;
  target: string;
  intervals: StateInterval[];
  windows: MaintenanceWindow[];
}

/** The clients' sites with their state intervals and the maintenance windows that cover each. */
async function gatherSites(deps: ReportDeps, clientIds: readonly string[], from: Date, to: Date): Promise<Map<string, GatheredSite[]>> {
  const db = deps.database.db;
  const monitors = await store.siteMonitors(db, clientIds);
  const intervals = new Map<string, StateInterval[]>();
  const windows = new Map<string, MaintenanceWindow>();
  const scopes: MonitorScopes[] = [];
  for (const part of store.chunks(monitors.map((m) => m.id))) {
    for (const [id, list] of await stateIntervals(db, part, from, to)) intervals.set(id, list);
    const partScopes = await monitorScopes(db, part);
    scopes.push(...partScopes);
    for (const w of await maintenanceWindowsFor(db, partScopes)) windows.set(w.id, w);
  }
  // Windows by what they cover, so each site finds its own without scanning them all.
  const byScope = new Map<string, MaintenanceWindow[]>();
  for (const w of windows.values()) {
    pushTo(byScope, `${w.scopeType}:${w.scopeId}`, w);
  }
  const scopeOf = new Map(scopes.map((s) => [s.monitorId, s]));
  const out = new Map<string, GatheredSite[]>();
  for (const m of monitors) {
    const scope = scopeOf.get(m.id) ?? { monitorId: m.id, assetId: null, projectId: null, clientId: m.clientId };
    const keys = [`monitor:${scope.monitorId}`, `asset:${scope.assetId}`, `project:${scope.projectId}`, `client:${scope.clientId}`];
    const mine = keys.flatMap((k) => byScope.get(k) ?? []).filter((w) => coversMonitor(w, scope));
    const site = { monitorId: m.id, name: m.name, target: siteTarget(m.kind, m.config), intervals: intervals.get(m.id) ?? [], windows: mine };
    pushTo(out, m.clientId, site);
  }
  return out;
}

async function gatherTickets(deps: ReportDeps, clientIds: readonly string[], from: Date, to: Date): Promise<Map<string, TicketFacts[]>> {
  const db = deps.database.db;
  const tickets = await store.ticketsOpened(db, clientIds, from, to);
  const histories = await store.statusHistories(db, tickets.map((t) => t.id));
  const out = new Map<string, TicketFacts[]>();
  for (const t of tickets) {
    pushTo(out, t.clientId, { severity: t.severity, sla: t.sla, createdAt: t.createdAt, firstResponseAt: t.firstResponseAt, history: histories.get(t.id) ?? [] });
  }
  return out;
}

async function gatherIncidents(deps: ReportDeps, clientIds: readonly string[], from: Date, to: Date): Promise<Map<string, IncidentFacts[]>> {
  const out = new Map<string, IncidentFacts[]>();
  for (const { clientId, ...incident } of await store.incidentsDuring(deps.database.db, clientIds, from, to)) pushTo(out, clientId, incident);
  return out;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
