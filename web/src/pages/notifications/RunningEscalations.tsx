import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { canWrite, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { Cell, ProblemAlert, useDateTime } from '../settings/parts.tsx';
import { acknowledge, KEYS, listRunningEscalations, type Escalation } from './api.ts';

/**
 * Problems whose escalation is still running: acknowledging one says "I have it" and stops the
 * next steps. People who may not change monitoring (viewers) see the list without the button.
 */
export function RunningEscalations() {
  const { t } = useI18n();
  const escalations = useQuery({ queryKey: KEYS.escalations, queryFn: listRunningEscalations, refetchInterval: 30_000 });
  const rows = escalations.data?.items ?? [];
  // Said above the list: the acknowledged row leaves it (its escalation stopped).
  const [acked, setAcked] = useState<string | null>(null);
  return (
    <section className="settings-section" aria-labelledby="escalations-heading">
      <h2 id="escalations-heading">{t('notif.running.title')}</h2>
      <p className="muted settings-intro">{t('notif.running.intro')}</p>
      <ProblemAlert error={escalations.error} />
      <p className={acked ? 'settings-success' : 'visually-hidden'} role="status">{acked ? t('notif.running.acked', { subject: acked }) : ''}</p>
      {escalations.isPending && <p className="loading">{t('common.loading')}</p>}
      {escalations.isSuccess && rows.length === 0 && <p className="empty">{t('notif.running.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t('notif.running.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notif.running.subject')}</th>
                <th scope="col">{t('notif.running.policy')}</th>
                <th scope="col">{t('notif.running.started')}</th>
                <th scope="col">{t('notif.running.next')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => <EscalationRow key={`${e.subjectKey} ${e.policyId}`} escalation={e} onAcked={setAcked} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function EscalationRow({ escalation, onAcked }: { escalation: Escalation; onAcked: (subjectKey: string) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const dateTime = useDateTime();
  const queries = useQueryClient();
  const ack = useMutation({
    mutationFn: () => acknowledge(escalation.subjectKey),
    onSuccess: async () => {
      onAcked(escalation.subjectKey);
      await queries.invalidateQueries({ queryKey: KEYS.escalations });
    },
  });
  return (
    <tr>
      <Cell label={t('notif.running.subject')}>
        {/* An incident's key names the incident: the page that explains the problem. */}
        {escalation.subjectKey.startsWith('incident:')
          ? <Link className="notif-code" to={`/incidents/${encodeURIComponent(escalation.subjectKey.slice('incident:'.length))}`}>{escalation.subjectKey}</Link>
          : <span className="notif-code">{escalation.subjectKey}</span>}
      </Cell>
      <Cell label={t('notif.running.policy')}>{escalation.policyName}</Cell>
      <Cell label={t('notif.running.started')}>{dateTime(escalation.startedAt)}</Cell>
      <Cell label={t('notif.running.next')}>{escalation.nextAt ? dateTime(escalation.nextAt) : t('common.none')}</Cell>
      <Cell label={t('settings.actions')} className="settings-actions">
        {canWrite(user) && (
          <button type="button" disabled={ack.isPending} onClick={() => ack.mutate()} aria-label={t('notif.running.ackNamed', { subject: escalation.subjectKey })}>
            {t('notif.running.ack')}
          </button>
        )}
        <ProblemAlert error={ack.error} />
      </Cell>
    </tr>
  );
}
