import { DateTime } from 'luxon';
import { canSeeClient } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { notFound, ProblemError } from '../platform/http/problem.ts';
import type { Money } from '../platform/money.ts';
import { acknowledgementFor, type Acknowledgement } from './acknowledgement.model.ts';
import * as calendars from './calendars.store.ts';
import { allowedDowntimePer30Days, targetView, type TargetView } from './plan-view.model.ts';
import { SEVERITIES, type NoResolutionTarget, type Severity, type SupportChannel, type UptimeGuarantee } from './plan.model.ts';
import { getPlan, slaPlanOf } from './plans.service.ts';
import * as plans from './plans.store.ts';

/**
 * A client's SLA as the client reads it, and the targets a new ticket would get. Tickets will
 * find their plan through `planOfClient`, which answers a client without a plan with a clear 404.
 */
export interface SeverityView {
  measure: 'business' | 'around-the-clock';
  firstResponse: TargetView;
  resolution: TargetView | null;
  noResolutionTarget: NoResolutionTarget | null;
}

export interface ClientSlaView {
  clientId: string;
  clientName: string;
  planId: string;
  name: string;
  scope: { included: string; excluded: string };
  severities: Record<Severity, SeverityView>;
  supportHours: calendars.BusinessCalendarRecord;
  channels: SupportChannel[];
  uptimeGuarantee: (UptimeGuarantee & { allowedDowntimePer30Days: { seconds: number; text: string } }) | null;
  monthlyFee: Money | null;
}

export const noPlan = (clientName: string, clientId: string) =>
  new ProblemError(404, 'no-sla-plan', 'No SLA plan', `${clientName} (${clientId}) has no SLA plan, so no targets apply. An owner or admin can create one with POST /api/v1/sla-plans and clientId ${clientId}.`);

/** The client's plan and its support hours; 404 for a client the actor may not see or that has no plan. */
export async function planOfClient(deps: Deps, actor: Actor, clientId: string): Promise<{ plan: plans.SlaPlanRecord; calendar: calendars.BusinessCalendarRecord; clientName: string }> {
  const db = deps.database.db;
  const client = canSeeClient(actor, clientId) ? await plans.findClient(db, clientId) : null;
  if (!client) throw notFound('client', clientId);
  const plan = await plans.findPlanOfClient(db, clientId);
  if (!plan) throw noPlan(client.name, client.id);
  const calendar = await calendars.findCalendar(db, plan.calendarId);
  if (!calendar) throw new Error(`SLA plan ${plan.id} points at a missing calendar ${plan.calendarId}`);
  return { plan, calendar, clientName: client.name };
}

function severityView(plan: plans.SlaPlanRecord, severity: Severity): SeverityView {
  const terms = plan.severities[severity];
  return {
    measure: terms.measure,
    firstResponse: targetView(terms.firstResponse),
    resolution: terms.resolution ? targetView(terms.resolution) : null,
    noResolutionTarget: terms.resolution ? null : terms.noResolutionTarget,
  };
}

export async function clientSla(deps: Deps, actor: Actor, clientId: string): Promise<ClientSlaView> {
  const { plan, calendar, clientName } = await planOfClient(deps, actor, clientId);
  const guarantee = plan.uptimeGuarantee;
  return {
    clientId,
    clientName,
    planId: plan.id,
    name: plan.name,
    scope: plan.scope,
    severities: Object.fromEntries(SEVERITIES.map((s) => [s, severityView(plan, s)])) as Record<Severity, SeverityView>,
    supportHours: calendar,
    channels: plan.channels,
    uptimeGuarantee: guarantee ? { ...guarantee, allowedDowntimePer30Days: allowedDowntimePer30Days(guarantee.percent) } : null,
    monthlyFee: plan.monthlyFee,
  };
}

export interface TargetsPreview extends Acknowledgement {
  planId: string;
  /** The same instants as the support hours' wall clock shows them, with the offset. */
  local: { createdAt: string; firstResponseDueAt: string; resolutionDueAt: string | null; workStartsAt: string };
}

/** What the acknowledgement of a ticket of this severity, created at `createdAt`, would promise. */
export async function targetsPreview(deps: Deps, actor: Actor, planId: string, severity: Severity, createdAt: Date): Promise<TargetsPreview> {
  const plan = await getPlan(deps, actor, planId);
  const calendar = await calendars.findCalendar(deps.database.db, plan.calendarId);
  if (!calendar) throw new Error(`SLA plan ${plan.id} points at a missing calendar ${plan.calendarId}`);
  let ack: Acknowledgement;
  try {
    ack = acknowledgementFor(slaPlanOf(plan, calendars.definitionOf(calendar)), severity, createdAt);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new ProblemError(422, 'no-working-time', 'No working time', `The plan's support hours (${calendar.name}) have no working time near ${createdAt.toISOString()}: ${err.message}.`);
  }
  const local = (iso: string) => DateTime.fromISO(iso, { zone: ack.timeZone }).toISO({ suppressMilliseconds: true })!;
  return {
    planId: plan.id,
    ...ack,
    local: {
      createdAt: local(createdAt.toISOString()),
      firstResponseDueAt: local(ack.firstResponse.dueAt),
      resolutionDueAt: ack.resolution ? local(ack.resolution.dueAt) : null,
      workStartsAt: local(ack.workStartsAt),
    },
  };
}
