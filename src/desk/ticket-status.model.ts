/**
 * Ticket statuses and the moves between them. No imports, so the web app uses these very lists
 * (its buttons offer only allowed moves; the server still decides).
 */
export const TICKET_STATUSES = ['new', 'open', 'waiting', 'resolved', 'closed', 'reopened'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** Where each status may go. Waiting is on the client; resolved and closed go back only by reopening. */
export const STATUS_MOVES: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['open', 'waiting', 'resolved', 'closed'],
  open: ['waiting', 'resolved', 'closed'],
  waiting: ['open', 'resolved', 'closed'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['open', 'waiting', 'resolved', 'closed'],
};
