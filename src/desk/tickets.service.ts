import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import { publishEvent } from '../notifications/events.ts';
import { createdRecord, type ChangeContext } from '../platform/audit/model.ts';
import { toPage, type Cursor, type Page } from '../platform/db/keyset.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, forbidden, invalid, notFound, ProblemError } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { acknowledgementFor, type Acknowledgement } from './acknowledgement.model.ts';
import * as calendars from './calendars.store.ts';
import type { Severity } from './plan.model.ts';
import * as plans from './plans.store.ts';
import { noPlan } from './sla.service.ts';
import { clocksOf, refreshClocks, ticketUrl } from './tickets.clocks.service.ts';
import { acknowledgementText, planOfSnapshot, transitionProblem, type TicketClocksView, type TicketSla, type TicketSource, type TicketStatus } from './tickets.model.ts';
import * as store from './tickets.store.ts';

export type Ctx = ChangeContext & { actor: Actor };

/**
 * Tickets: opened by a client in the portal, by staff, through the API or from an incident, under
 * the SLA plan of their client (a snapshot of it, so plan edits move no open ticket's targets).
 * Clients see and touch only their own client's tickets and never internal notes.
 */
export interface TicketView extends Omit<store.TicketRecord, 'sla' | 'recorded'> {
  planId: string;
  clocks: TicketClocksView;
}

export interface TicketDetail extends TicketView {
  thread: store.TicketMessage[];
  history: store.TicketEvent[];
}

export const isClient = (actor: Actor) => clientScope(actor) !== null;

export function viewOf(ticket: store.TicketRecord, clocks: TicketClocksView): TicketView {
  const { sla, recorded: _recorded, ...rest } = ticket;
  return { ...rest, planId: sla.planId, clocks };
}

/** The ticket if the actor may see it; 404 otherwise, the same as for a ticket that does not exist. */
export async function visibleTicket(deps: Deps, actor: Actor, id: string): Promise<store.TicketRecord> {
  const ticket = await store.findTicket(deps.database.db, id);
  const scope = clientScope(actor);
  if (!ticket || (scope !== null && ticket.clientId !== scope)) throw notFound('ticket', id);
  return ticket;
}

export async function ticketView(deps: Deps, ticket: store.TicketRecord): Promise<TicketView> {
  const events = await store.eventsOf(deps.database.db, ticket.id);
  return viewOf(ticket, clocksOf(ticket, events, deps.now()));
}

export async function ticketDetail(deps: Deps, actor: Actor, id: string): Promise<TicketDetail> {
  const ticket = await visibleTicket(deps, actor, id);
  const client = isClient(actor);
  const db = deps.database.db;
  const [events, thread] = await Promise.all([store.eventsOf(db, id), store.messagesOf(db, id, client)]);
  // Who was assigned is the agency's business; what happened to the ticket is the client's too.
  const history = client ? events.filter((e) => e.kind !== 'assignee') : events;
  return { ...viewOf(ticket, clocksOf(ticket, events, deps.now())), thread, history };
}

export interface TicketListFilter {
  status?: TicketStatus | undefined;
  severity?: Severity | undefined;
  clientId?: string | undefined;
  /** 'me', 'none' or a user id. */
  assignee?: string | undefined;
  breached?: boolean | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

export async function listTickets(deps: Deps, actor: Actor, filter: TicketListFilter): Promise<Page<TicketView>> {
  const scope = clientScope(actor);
  if (scope !== null && filter.clientId && filter.clientId !== scope) return { items: [], nextCursor: null };
  const assignee = filter.assignee === 'me' ? (actor.id ?? 'none') : filter.assignee;
  const now = deps.now();
  const rows = await store.listTickets(deps.database.db, { ...filter, assignee, clientId: scope ?? filter.clientId, now: now.toISOString() });
  const page = toPage(rows, filter.limit, (t) => ({ value: t.nextDueAt, id: t.id }), (t) => t);
  const events = await store.eventsOfTickets(deps.database.db, page.items.map((t) => t.id));
  return { items: page.items.map((t) => viewOf(t, clocksOf(t, events.get(t.id) ?? [], now))), nextCursor: page.nextCursor };
}

export async function ticketSummary(deps: Deps, actor: Actor): Promise<store.TicketCounts> {
  return store.openCounts(deps.database.db, deps.now().toISOString(), clientScope(actor) ?? undefined);
}

// Creating a ticket.

export interface NewTicket {
  clientId?: string | undefined;
  title: string;
  severity: Severity;
  body?: string | undefined;
  assigneeId?: string | null | undefined;
}

/** The client's plan as a snapshot for a new ticket; 400 for an unknown client, 422 for one without a plan. */
export async function slaOfClient(deps: Deps, clientId: string, field = 'body.clientId'): Promise<TicketSla> {
  const db = deps.database.db;
  const client = await plans.findClient(db, clientId);
  if (!client) throw invalid([{ field, message: `No client with id ${clientId}` }]);
  const plan = await plans.findPlanOfClient(db, clientId);
  if (!plan) {
    const detail = noPlan(client.name, client.id).detail;
    throw new ProblemError(422, 'no-sla-plan', 'No SLA plan', `A ticket needs an SLA plan for its targets. ${detail}`, [{ field, message: 'has no SLA plan' }]);
  }
  const calendar = await calendars.findCalendar(db, plan.calendarId);
  if (!calendar) throw new Error(`SLA plan ${plan.id} points at a missing calendar ${plan.calendarId}`);
  return { planId: plan.id, severities: plan.severities, supportHours: calendars.definitionOf(calendar) };
}

export function acknowledgementOf(sla: TicketSla, severity: Severity, at: Date): Acknowledgement {
  try {
    return acknowledgementFor(planOfSnapshot(sla), severity, at);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new ProblemError(422, 'no-working-time', 'No working time', `The plan's support hours have no working time near ${at.toISOString()}, so no target can be set: ${err.message}.`);
  }
}

async function checkedAssignee(deps: Deps, assigneeId: string | null | undefined, field: string): Promise<void> {
  if (!assigneeId) return;
  if (!(await store.findStaffUser(deps.database.db, assigneeId))) throw invalid([{ field, message: `No staff user with id ${assigneeId} (a client-portal user or a disabled one cannot be assigned)` }]);
}

function sourceOf(actor: Actor): TicketSource {
  if (isClient(actor)) return 'portal';
  return actor.type === 'token' ? 'api' : 'staff';
}

function clientIdFor(actor: Actor, input: NewTicket): string {
  const scope = clientScope(actor);
  if (scope !== null) return scope;
  if (!input.clientId) throw invalid([{ field: 'body.clientId', message: 'is required: which client the ticket is for' }]);
  return input.clientId;
}

export interface TicketOpening {
  clientId: string;
  title: string;
  severity: Severity;
  source: TicketSource;
  incidentId: string | null;
  assigneeId: string | null;
  opening: { authorKind: 'staff' | 'client' | 'system'; body: string } | null;
}

/** Stores a new ticket with its history, opening message and acknowledgement, audited; the caller checked everything. */
export async function insertNewTicket(deps: Deps, ctx: Ctx, sla: TicketSla, o: TicketOpening): Promise<store.TicketRecord> {
  const now = deps.now();
  const at = now.toISOString();
  const ack = acknowledgementOf(sla, o.severity, now);
  const id = newId('ticket');
  const createdBy = ctx.actor.type === 'system' ? null : ctx.actor.id;
  await change(deps, ctx, async (trx, audit) => {
    await store.insertTicket(trx, {
      id, client_id: o.clientId, title: o.title, severity: o.severity, status: 'new', assignee_id: o.assigneeId, source: o.source, incident_id: o.incidentId, created_by: createdBy,
      plan_id: sla.planId, sla_terms: JSON.stringify({ severities: sla.severities, supportHours: sla.supportHours }), created_at: at, updated_at: at,
    });
    await store.insertEvent(trx, id, { id: newId('ticketEvent'), kind: 'status', from: null, to: 'new', actorId: createdBy, at });
    if (o.opening) await store.insertMessage(trx, { id: newId('ticketMessage'), ticketId: id, authorKind: o.opening.authorKind, authorId: createdBy, body: o.opening.body, visibility: 'public', attachments: [], createdAt: at });
    await store.insertMessage(trx, { id: newId('ticketMessage'), ticketId: id, authorKind: 'system', authorId: null, body: acknowledgementText(o.title, ack), visibility: 'public', attachments: [], createdAt: at });
    const clocks = await refreshClocks(deps, trx, id, now);
    await announceCreated(deps, trx, (await store.findTicket(trx, id))!, ack, now);
    await audit({
      action: 'ticket.created', entityType: 'ticket', entityId: id,
      after: createdRecord({ clientId: o.clientId, title: o.title, severity: o.severity, status: 'new', assigneeId: o.assigneeId, source: o.source, incidentId: o.incidentId, planId: sla.planId, firstResponseDueAt: clocks.firstResponse.dueAt, resolutionDueAt: clocks.resolution?.dueAt ?? null }),
    });
  });
  return (await store.findTicket(deps.database.db, id))!;
}

type Trx = Parameters<typeof publishEvent>[0];

/**
 * The client's acknowledgement (and the assignee's news, if there is one): the targets that apply and,
 * outside support hours, when work starts — null when it starts now. Its wording and language are the
 * notification template's; the English thread message says the same.
 */
async function announceCreated(deps: Deps, trx: Trx, ticket: store.TicketRecord, ack: Acknowledgement, now: Date): Promise<void> {
  const startsNow = ack.measure === 'around-the-clock' || ack.withinSupportHours;
  await publishEvent(
    trx,
    {
      type: 'ticket.created', severity: ticket.severity, clientId: ticket.clientId, projectId: null, assetId: null, subjectKey: `ticket:${ticket.id}:created`, groupKey: null,
      data: {
        ticketId: ticket.id, title: ticket.title, severity: ticket.severity, source: ticket.source, clientName: ticket.clientName,
        firstResponseDue: ack.firstResponse.dueAt, resolutionDue: ack.resolution?.dueAt ?? null, workStartsAt: startsNow ? null : ack.workStartsAt, timeZone: ack.timeZone,
        assigneeId: ticket.assigneeId, url: ticketUrl(deps, ticket.id),
      },
    },
    now,
  );
}

/** Tells the new assignee (and whoever routing names) that the ticket is theirs now; one subject per assignment. */
async function announceAssignment(deps: Deps, trx: Trx, ticket: store.TicketRecord, assignee: { id: string; name: string }, assignmentId: string, now: Date): Promise<void> {
  await publishEvent(
    trx,
    {
      type: 'ticket.assigned', severity: ticket.severity, clientId: ticket.clientId, projectId: null, assetId: null, subjectKey: `ticket:${ticket.id}:assigned:${assignmentId}`, groupKey: null,
      data: { ticketId: ticket.id, title: ticket.title, severity: ticket.severity, clientName: ticket.clientName, assigneeId: assignee.id, assigneeName: assignee.name, url: ticketUrl(deps, ticket.id) },
    },
    now,
  );
}

export async function createTicket(deps: Deps, ctx: Ctx, input: NewTicket): Promise<TicketView> {
  const client = isClient(ctx.actor);
  if (client && input.assigneeId) throw forbidden('A client cannot assign a ticket; the agency does.');
  const clientId = clientIdFor(ctx.actor, input);
  await checkedAssignee(deps, input.assigneeId, 'body.assigneeId');
  const sla = await slaOfClient(deps, clientId);
  const opening = input.body ? { authorKind: client ? ('client' as const) : ('staff' as const), body: input.body } : null;
  const ticket = await insertNewTicket(deps, ctx, sla, { clientId, title: input.title, severity: input.severity, source: sourceOf(ctx.actor), incidentId: null, assigneeId: input.assigneeId ?? null, opening });
  return ticketView(deps, ticket);
}

// Changing a ticket.

export interface TicketPatch {
  title?: string | undefined;
  status?: TicketStatus | undefined;
  severity?: Severity | undefined;
  assigneeId?: string | null | undefined;
}

function checkClientPatch(actor: Actor, patch: TicketPatch): void {
  if (!isClient(actor)) return;
  const others = (['title', 'severity', 'assigneeId'] as const).filter((k) => patch[k] !== undefined);
  if (others.length > 0) throw forbidden(`A client can only close or reopen a ticket; ${others.join(', ')} is set by the agency.`);
}

function changesOf(before: store.TicketRecord, patch: TicketPatch): { field: keyof TicketPatch; from: string | null; to: string | null }[] {
  const out: { field: keyof TicketPatch; from: string | null; to: string | null }[] = [];
  const current: Record<keyof TicketPatch, string | null> = { title: before.title, status: before.status, severity: before.severity, assigneeId: before.assigneeId };
  for (const field of ['title', 'status', 'severity', 'assigneeId'] as const) {
    const to = patch[field];
    if (to !== undefined && to !== current[field]) out.push({ field, from: current[field], to });
  }
  return out;
}

export async function updateTicket(deps: Deps, ctx: Ctx, id: string, patch: TicketPatch): Promise<TicketView> {
  const before = await visibleTicket(deps, ctx.actor, id);
  checkClientPatch(ctx.actor, patch);
  const changes = changesOf(before, patch);
  if (changes.length === 0) return ticketView(deps, before);
  const statusChange = changes.find((c) => c.field === 'status');
  if (statusChange) {
    const reason = transitionProblem(before.status, statusChange.to as TicketStatus, isClient(ctx.actor) ? 'client' : 'staff');
    if (reason) throw conflict(reason, [{ field: 'body.status', message: reason }]);
  }
  await checkedAssignee(deps, patch.assigneeId, 'body.assigneeId');
  const now = deps.now();
  const at = now.toISOString();
  await change(deps, ctx, async (trx, audit) => {
    await store.updateTicket(trx, id, { title: patch.title ?? before.title, status: patch.status ?? before.status, severity: patch.severity ?? before.severity, assignee_id: patch.assigneeId === undefined ? before.assigneeId : patch.assigneeId, updated_at: at });
    let assignment: string | null = null;
    for (const c of changes) {
      if (c.field === 'title') continue;
      const kind = c.field === 'assigneeId' ? 'assignee' : c.field;
      const eventId = newId('ticketEvent');
      await store.insertEvent(trx, id, { id: eventId, kind, from: c.from, to: c.to, actorId: ctx.actor.id, at });
      if (kind === 'assignee' && c.to !== null) assignment = eventId;
    }
    const clocks = await refreshClocks(deps, trx, id, now);
    if (assignment) {
      const ticket = (await store.findTicket(trx, id))!;
      const assignee = await store.findStaffUser(trx, ticket.assigneeId!);
      if (assignee) await announceAssignment(deps, trx, ticket, assignee, assignment, now);
    }
    const fields = Object.fromEntries(changes.map((c) => [c.field, c.from]));
    const after = Object.fromEntries(changes.map((c) => [c.field, c.to]));
    const due = { firstResponseDueAt: clocks.firstResponse.dueAt, resolutionDueAt: clocks.resolution?.dueAt ?? null };
    await audit({ action: 'ticket.updated', entityType: 'ticket', entityId: id, before: fields, after: { ...after, ...due } });
  });
  return ticketView(deps, (await store.findTicket(deps.database.db, id))!);
}
