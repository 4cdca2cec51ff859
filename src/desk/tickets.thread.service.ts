import { readAgency } from '../accounts/agency.ts';
import { publishEvent, type NewEvent } from '../notifications/events.ts';
import { change, type Deps } from '../platform/deps.ts';
import { conflict, forbidden } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { refreshClocks, ticketUrl } from './tickets.clocks.service.ts';
import { statusAfterMessage } from './tickets.model.ts';
import { isClient, visibleTicket, type Ctx } from './tickets.service.ts';
import * as store from './tickets.store.ts';

/**
 * The conversation of a ticket: public replies, internal notes (never shown to the client) and
 * attachment metadata. The first public reply by staff is the first response; a client answering
 * a ticket that waits on them, or staff replying to a new one, moves it to open. A public staff reply
 * is told to the client (`ticket.replied`), a client's message to the assignee (`ticket.client-replied`),
 * in the same transaction; an internal note is told to nobody.
 */
export interface NewMessage {
  body: string;
  visibility: 'public' | 'internal';
  attachments?: store.Attachment[] | undefined;
}

export async function addMessage(deps: Deps, ctx: Ctx, ticketId: string, input: NewMessage): Promise<store.TicketMessage> {
  const ticket = await visibleTicket(deps, ctx.actor, ticketId);
  const by = isClient(ctx.actor) ? ('client' as const) : ('staff' as const);
  if (by === 'client' && input.visibility !== 'public') throw forbidden('A client writes public replies only; internal notes are for the agency.');
  if (input.visibility === 'public' && ticket.status === 'closed') throw conflict('The ticket is closed; reopen it to continue the conversation.');
  const now = deps.now();
  const message: store.TicketMessage = {
    id: newId('ticketMessage'), ticketId, authorKind: by, authorId: ctx.actor.id, body: input.body, visibility: input.visibility, attachments: input.attachments ?? [], createdAt: now.toISOString(),
  };
  const firstResponse = by === 'staff' && input.visibility === 'public' && ticket.firstResponseAt === null;
  const nextStatus = statusAfterMessage(ticket.status, by, input.visibility);
  const news = input.visibility === 'public' ? await messageEvent(deps, ticket, message, by) : null;
  await change(deps, ctx, async (trx, audit) => {
    await store.insertMessage(trx, message);
    await store.updateTicket(trx, ticketId, { updated_at: message.createdAt, ...(firstResponse ? { first_response_at: message.createdAt } : {}), ...(nextStatus ? { status: nextStatus } : {}) });
    if (nextStatus) await store.insertEvent(trx, ticketId, { id: newId('ticketEvent'), kind: 'status', from: ticket.status, to: nextStatus, actorId: ctx.actor.id, at: message.createdAt });
    await refreshClocks(deps, trx, ticketId, now);
    if (news) await publishEvent(trx, news, now);
    await audit({
      action: 'ticket.message-added', entityType: 'ticket', entityId: ticketId,
      after: { messageId: message.id, visibility: message.visibility, authorKind: by, attachments: message.attachments.length, ...(firstResponse ? { firstResponseAt: message.createdAt } : {}), ...(nextStatus ? { status: nextStatus } : {}) },
    });
  });
  return message;
}

const EXCERPT_CHARACTERS = 300;

/** The start of a message for a notification: whitespace folded, cut at a word near 300 characters. */
export function excerptOf(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARACTERS) return flat;
  const cut = flat.slice(0, EXCERPT_CHARACTERS);
  const space = cut.lastIndexOf(' ');
  return `${(space > EXCERPT_CHARACTERS * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Who wrote it, by name: the user, else the agency (staff) or the client (a client's message). */
async function authorNameOf(deps: Deps, message: store.TicketMessage, ticket: store.TicketRecord, by: 'staff' | 'client'): Promise<string> {
  const name = message.authorId ? await store.userName(deps.database.db, message.authorId) : null;
  if (name) return name;
  return by === 'client' ? ticket.clientName : (await readAgency(deps)).name;
}

async function messageEvent(deps: Deps, ticket: store.TicketRecord, message: store.TicketMessage, by: 'staff' | 'client'): Promise<NewEvent> {
  const authorName = await authorNameOf(deps, message, ticket, by);
  const common = { severity: ticket.severity, clientId: ticket.clientId, projectId: null, assetId: null, subjectKey: `ticket:${ticket.id}:message:${message.id}`, groupKey: null };
  const facts = { ticketId: ticket.id, title: ticket.title, severity: ticket.severity, authorName, excerpt: excerptOf(message.body), url: ticketUrl(deps, ticket.id) };
  if (by === 'staff') return { ...common, type: 'ticket.replied', data: facts } satisfies NewEvent<'ticket.replied'>;
  return { ...common, type: 'ticket.client-replied', data: { ...facts, clientName: ticket.clientName, assigneeId: ticket.assigneeId } } satisfies NewEvent<'ticket.client-replied'>;
}
