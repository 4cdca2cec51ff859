import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { ProblemAlert, useDateTime } from '../settings/parts.tsx';
import { getNotification, KEYS } from './api.ts';
import { eventName, NotificationStatusBadge } from './parts.tsx';

const ATTEMPT_BADGE = { sending: '', sent: 'badge-active', failed: 'badge-expiring', gave_up: 'badge-expired' } as const;

/** One message and every attempt to deliver it: sent, failed (and why, and whether it is retried), gave up. */
export function DeliveryDetail({ id, channelName, onClose }: { id: string; channelName: Map<string, string>; onClose: () => void }) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const heading = useRef<HTMLHeadingElement>(null);
  const detail = useQuery({ queryKey: [...KEYS.log, 'detail', id], queryFn: () => getNotification(id) });
  useEffect(() => heading.current?.focus(), [id]);
  const n = detail.data;
  return (
    <section className="card notif-detail" aria-labelledby="delivery-detail-heading">
      <h3 id="delivery-detail-heading" ref={heading} tabIndex={-1}>{n?.subject ?? t('notif.log.detailTitle')}</h3>
      <ProblemAlert error={detail.error} />
      {detail.isPending && <p className="loading">{t('common.loading')}</p>}
      {n && (
        <>
          <dl className="notif-facts">
            <div><dt>{t('notif.log.status')}</dt><dd><NotificationStatusBadge status={n.status} /></dd></div>
            <div><dt>{t('notif.log.event')}</dt><dd>{n.eventType ? eventName(t, n.eventType) : t('common.none')}</dd></div>
            <div><dt>{t('notif.log.reason')}</dt><dd className="notif-code">{n.reason}</dd></div>
            <div><dt>{t('notif.log.queuedAt')}</dt><dd>{dateTime(n.createdAt)}</dd></div>
            <div><dt>{t('notif.log.sentAt')}</dt><dd>{dateTime(n.sentAt)}</dd></div>
            {n.nextAttemptAt && <div><dt>{t('notif.log.nextAttempt')}</dt><dd>{dateTime(n.nextAttemptAt)}</dd></div>}
          </dl>
          {n.lastError && <p className="notif-failed">{t('notif.log.lastError', { reason: n.lastError })}</p>}
          <h4>{t('notif.log.attemptsTitle')}</h4>
          {n.deliveries.length === 0 && <p className="muted">{t('notif.log.noAttempts')}</p>}
          <ol className="notif-attempts">
            {n.deliveries.map((d) => (
              <li key={d.id}>
                <div className="notif-attempt-head">
                  <span className="strong">{t('notif.log.attemptN', { n: d.attempt })}</span>
                  <span className={`badge ${ATTEMPT_BADGE[d.status]}`}>{t(`notif.attempt.${d.status}`)}</span>
                  {d.failure && <span className="muted">{t(`notif.failure.${d.failure}`)}</span>}
                  <span className="muted">{channelName.get(d.channelId) ?? d.channelId}</span>
                  <time className="muted" dateTime={d.startedAt}>{dateTime(d.startedAt)}</time>
                </div>
                {d.reason && <p className="notif-reason">{d.reason}</p>}
                {d.retryAt && <p className="muted">{t('notif.log.retryAt', { when: dateTime(d.retryAt) })}</p>}
                {d.providerMessageId && <p className="muted notif-code">{d.providerMessageId}</p>}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="actions">
        <button type="button" className="secondary" onClick={onClose}>{t('notif.log.close')}</button>
      </div>
    </section>
  );
}
