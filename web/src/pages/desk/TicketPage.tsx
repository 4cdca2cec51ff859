import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { isStaff, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { useStaff, useTicket, type Person, type TicketDetail } from './api.ts';
import { ClockPanel, useInstant } from './tickets/clock.tsx';
import { nameOf, SeverityBadge, StatusBadge } from './tickets/parts.tsx';
import { TicketActions } from './tickets/TicketActions.tsx';
import { ReplyForm, Thread } from './tickets/Thread.tsx';

/** One ticket: where its SLA clocks stand, the conversation, and what can be done with it. */
export function TicketPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const queries = useQueryClient();
  const ticket = useTicket(id);
  const people = useStaff(staff);
  if (ticket.isError) return <p className="alert" role="alert">{ticket.error instanceof ApiError && ticket.error.status === 404 ? t('desk.notFound') : String(ticket.error)}</p>;
  if (!ticket.data) return <p className="loading">{t('common.loading')}</p>;
  const refresh = async () => {
    await queries.invalidateQueries({ queryKey: ['ticket', id] });
    await queries.invalidateQueries({ queryKey: ['tickets'] });
  };
  const canWrite = user?.role !== 'viewer';
  return (
    <section className="desk-ticket">
      <p><Link to="/desk/tickets">{t('desk.back')}</Link></p>
      <TicketHead ticket={ticket.data} staff={staff} people={people.data?.items} />
      <div className="desk-clocks">
        <ClockPanel name={t('desk.firstResponse')} clock={ticket.data.clocks.firstResponse} noTarget={t('desk.clock.noTarget')} />
        <ClockPanel name={t('desk.resolution')} clock={ticket.data.clocks.resolution} noTarget={t('desk.clock.noTarget')} />
      </div>
      {canWrite && <TicketActions ticket={ticket.data} staff={staff} people={people.data?.items} onChanged={refresh} />}
      <section className="desk-section" aria-labelledby="desk-thread">
        <h2 id="desk-thread">{t('desk.thread')}</h2>
        <Thread ticket={ticket.data} people={people.data?.items} staff={staff} />
        {canWrite && <ReplyForm ticket={ticket.data} staff={staff} onSent={refresh} />}
      </section>
    </section>
  );
}

function TicketHead({ ticket, staff, people }: { ticket: TicketDetail; staff: boolean; people: Person[] | undefined }) {
  const { t } = useI18n();
  const at = useInstant();
  const assignee = nameOf(people, ticket.assigneeId) ?? (ticket.assigneeId ? t('desk.assignee.agency') : t('desk.unassigned'));
  return (
    <>
      <div className="page-head">
        <h1>{ticket.title}</h1>
        <span className="desk-badges"><SeverityBadge severity={ticket.severity} /><StatusBadge status={ticket.status} /></span>
      </div>
      <dl className="task-facts">
        {staff && <div><dt>{t('desk.client')}</dt><dd><Link to={`/clients/${ticket.clientId}`}>{ticket.clientName}</Link></dd></div>}
        <div><dt>{t('desk.assignee')}</dt><dd>{assignee}</dd></div>
        <div><dt>{t('desk.opened')}</dt><dd>{at(ticket.createdAt)}</dd></div>
        <div><dt>{t('desk.source')}</dt><dd>{t(`desk.source.${ticket.source}`)}{ticket.incidentId && <> · <Link to={`/incidents/${ticket.incidentId}`}>{t('desk.incident')}</Link></>}</dd></div>
      </dl>
    </>
  );
}
