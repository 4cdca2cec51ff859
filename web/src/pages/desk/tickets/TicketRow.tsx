import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { Person, Ticket } from '../api.ts';
import { ClockCell } from './clock.tsx';
import { nameOf, SeverityBadge, StatusBadge } from './parts.tsx';

/** One ticket of the list with its two clocks counting down. */
export function TicketRow({ ticket, staff, people }: { ticket: Ticket; staff: boolean; people: Person[] | undefined }) {
  const { t } = useI18n();
  const breached = ticket.clocks.firstResponse.breached || Boolean(ticket.clocks.resolution?.breached);
  const assignee = nameOf(people, ticket.assigneeId);
  return (
    <tr className={breached ? 'desk-row-breached' : undefined}>
      <td><Link className="strong" to={`/desk/tickets/${ticket.id}`}>{ticket.title}</Link></td>
      {staff && <td>{ticket.clientName}</td>}
      <td><SeverityBadge severity={ticket.severity} /></td>
      <td><StatusBadge status={ticket.status} /></td>
      <td>{assignee ?? (ticket.assigneeId ? t('desk.assignee.agency') : <span className="muted">{t('desk.unassigned')}</span>)}</td>
      <td><ClockCell clock={ticket.clocks.firstResponse} /></td>
      <td><ClockCell clock={ticket.clocks.resolution} /></td>
    </tr>
  );
}
