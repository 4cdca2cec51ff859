import { useState } from 'react';
import { api, ApiError } from '../../../api/client.ts';
import { Field } from '../../../components/Field.tsx';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SEVERITIES, STATUS_MOVES, type Person, type Severity, type TicketDetail, type TicketStatus } from '../api.ts';

/** The status moves a viewer is offered: staff all allowed moves, a client only close and reopen. */
function movesFor(status: TicketStatus, staff: boolean): TicketStatus[] {
  const moves = STATUS_MOVES[status];
  return staff ? [...moves] : moves.filter((m) => m === 'closed' || m === 'reopened');
}

/** Status moves, severity and assignee. The server decides; its refusal (409) is shown as it says it. */
export function TicketActions({ ticket, staff, people, onChanged }: { ticket: TicketDetail; staff: boolean; people: Person[] | undefined; onChanged(): Promise<void> }) {
  const { t } = useI18n();
  const [error, setError] = useState<ApiError | null>(null);
  const patch = async (body: Record<string, unknown>) => {
    try {
      await api('PATCH', `/tickets/${ticket.id}`, body);
      setError(null);
      await onChanged();
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  const moves = movesFor(ticket.status, staff);
  return (
    <div className="card desk-actions" role="group" aria-label={t('desk.actions')}>
      <div className="inline-form">
        {moves.length > 0 && (
          <div className="desk-moves" role="group" aria-label={t('desk.setStatus')}>
            {moves.map((to) => (
              <button key={to} type="button" className={to === 'resolved' || to === 'reopened' ? '' : 'secondary'} onClick={() => void patch({ status: to })}>
                {t(`desk.move.${to}`)}
              </button>
            ))}
          </div>
        )}
        {staff && (
          <>
            <Field id="ticket-set-severity" label={t('desk.severity')} error={error?.fieldMessage('severity')}>
              <select id="ticket-set-severity" value={ticket.severity} onChange={(e) => void patch({ severity: e.target.value as Severity })}>
                {SEVERITIES.map((s) => <option key={s} value={s}>{t(`desk.severity.${s}`)}</option>)}
              </select>
            </Field>
            <Field id="ticket-set-assignee" label={t('desk.assignee')} error={error?.fieldMessage('assigneeId')}>
              <select id="ticket-set-assignee" value={ticket.assigneeId ?? ''} onChange={(e) => void patch({ assigneeId: e.target.value || null })}>
                <option value="">{t('desk.unassigned')}</option>
                {(people ?? []).map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
              </select>
            </Field>
          </>
        )}
      </div>
      {error && !error.fieldMessage('severity') && !error.fieldMessage('assigneeId') && <p className="alert" role="alert">{error.message}</p>}
    </div>
  );
}
