import { z } from 'zod';
import { SEVERITIES } from './plan.model.ts';
import { TICKET_SOURCES, TICKET_STATUSES } from './tickets.model.ts';

/** Request and response shapes of the tickets API. */
const id = z.string().min(1).max(64);
const instant = z.string().describe('An instant, ISO 8601 in UTC');
const severity = z.enum(SEVERITIES, { error: `must be one of ${SEVERITIES.join(', ')}` });
const status = z.enum(TICKET_STATUSES, { error: `must be one of ${TICKET_STATUSES.join(', ')}` });
const title = z.string().trim().min(1, 'must not be empty').max(200, 'can be at most 200 characters');
const text = z.string().trim().min(1, 'must not be empty').max(20_000, 'can be at most 20000 characters');

export const idParams = z.strictObject({ id });

export const ticketQuery = z.strictObject({
  status: status.optional(),
  severity: severity.optional(),
  clientId: id.optional(),
  assignee: z.string().min(1).max(64).optional().describe("'me', 'none' (unassigned) or a user id"),
  breached: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: only tickets with a breached target'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const newTicket = z
  .strictObject({
    clientId: id.optional().describe("Required for staff; a client's portal user always opens tickets for its own client"),
    title,
    severity,
    body: text.optional().describe('What it is about: the first message of the thread'),
    assigneeId: id.nullable().optional().describe('A staff user; staff only'),
  })
  .meta({ id: 'NewTicket', description: 'A ticket; its targets come from the SLA plan of its client' });

export const ticketPatch = z
  .strictObject({
    title: title.optional(),
    status: status.optional().describe('Moves are checked: e.g. a closed ticket can only be reopened. A client can only close or reopen.'),
    severity: severity.optional().describe("Recomputes the clocks with the new severity's targets, counted from creation"),
    assigneeId: id.nullable().optional().describe('A staff user, or null to unassign; staff only'),
  })
  .meta({ id: 'TicketPatch', description: 'A change of a ticket; fields left out stay as they are' });

const attachment = z.strictObject({
  fileName: z.string().trim().min(1, 'must not be empty').max(255, 'can be at most 255 characters'),
  size: z.number().int('must be a whole number of bytes').min(0, 'cannot be negative').max(10 * 1024 ** 3, 'can be at most 10 GiB'),
  contentType: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a media type such as image/png').max(255),
  checksum: z.string().regex(/^(sha256|sha1|md5):[0-9a-f]+$/i, 'must be algorithm:hex, e.g. sha256:9f86d0…').max(200),
});

export const newMessage = z
  .strictObject({
    body: text,
    visibility: z.enum(['public', 'internal'], { error: 'must be public or internal' }).default('public').describe('internal: a note the client never sees (staff only)'),
    attachments: z.array(attachment).max(20, 'can have at most 20 attachments').optional().describe('Metadata only; the files are stored elsewhere'),
  })
  .meta({ id: 'NewTicketMessage', description: 'A reply or an internal note' });

// Responses.

const target = z.discriminatedUnion('kind', [z.object({ kind: z.literal('minutes'), minutes: z.number() }), z.object({ kind: z.literal('next-business-day') })]);

const clockView = z
  .object({
    target,
    targetMinutes: z.number().describe('Minutes of counting time allowed (business or around the clock)'),
    elapsedMinutes: z.number(),
    remainingMinutes: z.number().describe('Negative once overdue'),
    percentUsed: z.number(),
    dueAt: instant.nullable().describe('Null while paused short of the target: the due instant moves on resume'),
    warningAt: instant.nullable().describe('When 75 % of the target is used up'),
    paused: z.boolean(),
    met: z.boolean(),
    metAt: instant.nullable(),
    breached: z.boolean(),
    breachedAt: instant.nullable(),
    warningRecordedAt: instant.nullable(),
    breachRecordedAt: instant.nullable(),
  })
  .meta({ id: 'SlaClock', description: 'Where an SLA clock stands now' });

const ticketFields = {
  id: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  title: z.string(),
  severity,
  status,
  assigneeId: z.string().nullable(),
  source: z.enum(TICKET_SOURCES),
  incidentId: z.string().nullable(),
  createdBy: z.string().nullable(),
  planId: z.string().describe('The SLA plan the ticket was opened under; its targets as they were then apply'),
  firstResponseAt: instant.nullable(),
  resolvedAt: instant.nullable(),
  closedAt: instant.nullable(),
  nextDueAt: instant.nullable().describe('The nearest due instant of a running clock'),
  createdAt: instant,
  updatedAt: instant,
  clocks: z.object({ firstResponse: clockView, resolution: clockView.nullable().describe('Null: the severity has no resolution target') }),
};

export const ticketView = z.object(ticketFields).meta({ id: 'Ticket', description: 'A ticket with its SLA clocks' });

export const messageView = z
  .object({
    id: z.string(),
    ticketId: z.string(),
    authorKind: z.enum(['staff', 'client', 'system']),
    authorId: z.string().nullable(),
    body: z.string(),
    visibility: z.enum(['public', 'internal']),
    attachments: z.array(z.object({ fileName: z.string(), size: z.number(), contentType: z.string(), checksum: z.string() })),
    createdAt: instant,
  })
  .meta({ id: 'TicketMessage', description: 'A message of a ticket’s thread' });

const eventView = z.object({ id: z.string(), kind: z.enum(['status', 'severity', 'assignee']), from: z.string().nullable(), to: z.string().nullable(), actorId: z.string().nullable(), at: instant });

export const ticketDetail = z
  .object({ ...ticketFields, thread: z.array(messageView), history: z.array(eventView) })
  .meta({ id: 'TicketDetail', description: 'A ticket with its thread (internal notes only for staff) and history' });

export const ticketPage = z
  .object({ items: z.array(ticketView), nextCursor: z.string().nullable().describe('Pass it as `cursor` to get the next page; null on the last page') })
  .meta({ id: 'TicketPage', description: 'One page of tickets, nearest due first' });

export const ticketSummary = z
  .object({
    open: z.number().describe('Tickets not resolved or closed'),
    atRisk: z.number().describe('Open tickets past 75 % of a target, not yet breached'),
    breached: z.number().describe('Open tickets with a breached target'),
  })
  .meta({ id: 'TicketSummary', description: 'Open tickets, counted for the "SLA at risk" tile' });
