import { canSeeClient, clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { firstMonitorAt, incidentsOverlapping, siteCoverage } from '../monitoring/sites.service.ts';
import type { Span } from '../monitoring/uptime.model.ts';
import type { Deps } from '../platform/deps.ts';
import { invalid, notFound } from '../platform/http/problem.ts';
import { calendarMonth } from './credits.model.ts';
import * as plans from './plans.store.ts';
import { reportCsv } from './reports.csv.ts';
import { assembleReport, monthIn, monthProblem, reportMonths, SITE_KINDS, siteTarget, summaryOf, type IncidentFacts, type Period, type ReportSource, type SiteSource, type TicketFacts } from './reports.model.ts';
import { renderReportPdf } from './reports.pdf.ts';
import * as store from './reports.store.ts';
import type { MonthlyReport, ReportSummary } from './reports.types.ts';
import { noPlan } from './sla.service.ts';

/**
 * Monthly SLA reports: gathered for many clients at once (a few queries per hundred clients,
 * whatever their number of sites and tickets), assembled by reports.model.ts. Uptime comes from
 * monitoring's state intervals and maintenance, read through monitoring/sites.service.ts — one row
 * per change of state — so a month costs a handful of rows per site. Reports are computed when asked for, never stored: a month
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
  const firstMonitor = await firstMonitorAt(deps, clientId);
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
      sites: (sites.get(plan.clientId) ?? []).map((s) => ({ ...s, maintenance: within(s.maintenance, period) })),
      tickets: (tickets.get(plan.clientId) ?? []).filter((t) => inPeriod(t.createdAt)),
      incidents: (incidents.get(plan.clientId) ?? []).filter((inc) => Date.parse(inc.startedAt) < period.end.getTime() && (inc.resolvedAt === null || Date.parse(inc.resolvedAt) > period.start.getTime())),
    };
    return assembleReport(source, now);
  });
}

/** The clients' sites (see SITE_KINDS) with their states and their maintenance over [from, to), merged. */
async function gatherSites(deps: ReportDeps, clientIds: readonly string[], from: Date, to: Date): Promise<Map<string, SiteSource[]>> {
  const out = new Map<string, SiteSource[]>();
  for (const [clientId, sites] of await siteCoverage(deps, clientIds, SITE_KINDS, from, to)) {
    out.set(
      clientId,
      sites.map((s) => ({ monitorId: s.monitorId, name: s.name, target: siteTarget(s.kind, s.config), intervals: s.intervals, maintenance: s.maintenance })),
    );
  }
  return out;
}

/** Merged maintenance cut to the client's month: a round reads the widest range of its clients' months. */
function within(spans: readonly Span[], period: Period): Span[] {
  const from = period.start.getTime();
  const to = period.end.getTime();
  return spans.filter((s) => s.end > from && s.start < to).map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }));
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

/** The clients' incidents that overlap [from, to), oldest first, each with the ticket opened for it. */
async function gatherIncidents(deps: ReportDeps, clientIds: readonly string[], from: Date, to: Date): Promise<Map<string, IncidentFacts[]>> {
  const incidents = await incidentsOverlapping(deps, clientIds, from, to);
  const ticketOf = await store.ticketsOfIncidents(deps.database.db, [...incidents.values()].flatMap((list) => list.map((i) => i.id)));
  const out = new Map<string, IncidentFacts[]>();
  for (const [clientId, list] of incidents) {
    out.set(
      clientId,
      list.map((i) => ({ id: i.id, monitorName: i.monitorName, startedAt: i.startedAt, resolvedAt: i.resolvedAt, cause: i.cause, ticketId: ticketOf.get(i.id) ?? null })),
    );
  }
  return out;
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
