import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { useClients } from '../../api/clients.ts';
import { isStaff, useSession } from '../../api/session.tsx';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { SEVERITIES, useClientSla, type Severity, type Ticket } from './api.ts';
import { SeverityExplained } from './tickets/SeverityTerms.tsx';

/** Open a ticket: staff pick the client, a portal user's client is its own; the targets come from the client's plan. */
export function NewTicketPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const staff = isStaff(user);
  const navigate = useNavigate();
  const queries = useQueryClient();
  const clients = useClients();
  const [clientId, setClientId] = useState(staff ? '' : (user?.clientId ?? ''));
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<Severity>('medium');
  const [body, setBody] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const sla = useClientSla(clientId || null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const ticket = await api<Ticket>('POST', '/tickets', { clientId: staff ? clientId || undefined : undefined, title, severity, body: body.trim() ? body : undefined });
      await queries.invalidateQueries({ queryKey: ['tickets'] });
      navigate(`/desk/tickets/${ticket.id}`);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const fieldErrors = ['clientId', 'title', 'severity', 'body'].some((f) => error?.fieldMessage(f));
  const noPlan = sla.error instanceof ApiError && sla.error.status === 404;
  return (
    <section className="desk-new">
      <p><Link to="/desk/tickets">{t('desk.back')}</Link></p>
      <h1>{t('desk.new.title')}</h1>
      <form className="card desk-form" aria-label={t('desk.new.title')} onSubmit={(e) => void submit(e)} noValidate>
        {staff && (
          <Field id="ticket-client" label={t('desk.client')} error={error?.fieldMessage('clientId')}>
            <select id="ticket-client" value={clientId} onChange={(e) => setClientId(e.target.value)}>
              <option value="">{t('desk.new.chooseClient')}</option>
              {(clients.data?.items ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </Field>
        )}
        {noPlan && <p className="alert" role="status">{sla.error?.message}</p>}
        <Field id="ticket-title" label={t('desk.new.subject')} error={error?.fieldMessage('title')}>
          <input id="ticket-title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field id="ticket-severity" label={t('desk.severity')} error={error?.fieldMessage('severity')}>
          <select id="ticket-severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{t(`desk.severity.${s}`)}</option>)}
          </select>
        </Field>
        {sla.data && <SeverityExplained sla={sla.data} severity={severity} />}
        <Field id="ticket-body" label={t('desk.new.body')} error={error?.fieldMessage('body')}>
          <textarea id="ticket-body" rows={6} maxLength={20000} value={body} onChange={(e) => setBody(e.target.value)} />
        </Field>
        {error && !fieldErrors && <p className="alert" role="alert">{error.message}</p>}
        <div className="actions"><button type="submit">{t('desk.new.submit')}</button></div>
      </form>
    </section>
  );
}
