import { change, type Deps } from '../platform/deps.ts';
import { conflict, forbidden } from '../platform/http/problem.ts';
import { newId } from '../platform/ids.ts';
import { refreshClocks } from './tickets.clocks.service.ts';
import { statusAfterMessage } from './tickets.model.ts';
import { isClient, visibleTicket, type Ctx } from './tickets.service.ts';
import * as store from './tickets.store.ts';

/**
 * The conversation of a ticket: public replies, internal notes (never shown to the client) and
 * attachment metadata. The first public reply by staff is the first response; a client answering
 * a ticket that waits on them, or staff replying to a new one, moves it to open.
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
  await change(deps, ctx, async (trx, audit) => {
    await store.insertMessage(trx, message);
    await store.updateTicket(trx, ticketId, { updated_at: message.createdAt, ...(firstResponse ? { first_response_at: message.createdAt } : {}), ...(nextStatus ? { status: nextStatus } : {}) });
    if (nextStatus) await store.insertEvent(trx, ticketId, { id: newId('ticketEvent'), kind: 'status', from: ticket.status, to: nextStatus, actorId: ctx.actor.id, at: message.createdAt });
    await refreshClocks(trx, ticketId, now);
    await audit({
      action: 'ticket.message-added', entityType: 'ticket', entityId: ticketId,
      after: { messageId: message.id, visibility: message.visibility, authorKind: by, attachments: message.attachments.length, ...(firstResponse ? { firstResponseAt: message.createdAt } : {}), ...(nextStatus ? { status: nextStatus } : {}) },
    });
  });
  return message;
}
