import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { Cell, ProblemAlert, useDateTime } from '../settings/parts.tsx';
import { KEYS, listNotifications, NOTIFICATION_STATUSES, type LogFilter, type NotificationStatus } from './api.ts';
import { DeliveryDetail } from './DeliveryDetail.tsx';
import { eventName, NotificationStatusBadge, useChannelGroups } from './parts.tsx';

interface Props {
  /** Only this person's messages ("my recent deliveries"); absent: everyone's, with filters. */
  userId?: string;
  limit?: number;
}

/** The delivery log, newest first: what went to whom on which channel, and how it went. */
export function DeliveryLog({ userId, limit = 50 }: Props) {
  const { t } = useI18n();
  const dateTime = useDateTime();
  const groups = useChannelGroups();
  const [status, setStatus] = useState<NotificationStatus | ''>('');
  const [channelId, setChannelId] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const filter: LogFilter = { status: status || undefined, channelId: channelId || undefined, userId, limit };
  const log = useQuery({ queryKey: [...KEYS.log, filter], queryFn: () => listNotifications(filter) });
  const channelName = new Map(groups.all.map((c) => [c.id, c.name]));
  const rows = log.data?.items ?? [];
  const filters = userId === undefined;
  return (
    <div className="notif-log">
      {filters && (
        <div className="filters" role="search" aria-label={t('notif.log.filters')}>
          <label>
            {t('notif.log.status')}
            <select value={status} onChange={(e) => setStatus(e.target.value as NotificationStatus | '')}>
              <option value="">{t('common.all')}</option>
              {NOTIFICATION_STATUSES.map((s) => <option key={s} value={s}>{t(`notif.status.${s}`)}</option>)}
            </select>
          </label>
          <label>
            {t('notif.log.channel')}
            <select value={channelId} onChange={(e) => setChannelId(e.target.value)}>
              <option value="">{t('common.all')}</option>
              {groups.all.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        </div>
      )}
      <ProblemAlert error={log.error} />
      {log.isPending && <p className="loading">{t('common.loading')}</p>}
      {log.isSuccess && rows.length === 0 && <p className="empty">{t('notif.log.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t('notif.log.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('notif.log.when')}</th>
                <th scope="col">{t('notif.log.message')}</th>
                <th scope="col">{t('notif.log.channel')}</th>
                <th scope="col">{t('notif.log.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((n) => (
                <tr key={n.id}>
                  <Cell label={t('notif.log.when')}><span className="notif-nowrap">{dateTime(n.createdAt)}</span></Cell>
                  <Cell label={t('notif.log.message')}>
                    <span className="strong notif-subject">{n.subject ?? t('notif.log.notRendered')}</span>
                    <span className="muted block">{n.eventType ? eventName(t, n.eventType) : t('common.none')}</span>
                  </Cell>
                  <Cell label={t('notif.log.channel')}>
                    {n.channelId ? (channelName.get(n.channelId) ?? n.channelId) : t('common.none')}
                    {n.fallbackUsed && <span className="muted block">{t('notif.log.fallback')}</span>}
                  </Cell>
                  <Cell label={t('notif.log.status')}>
                    <NotificationStatusBadge status={n.status} />
                    {n.attempts > 0 && <span className="muted block">{t('notif.log.attempts', { count: n.attempts })}</span>}
                  </Cell>
                  <Cell label={t('settings.actions')} className="settings-actions">
                    <button type="button" className="secondary" aria-expanded={open === n.id} onClick={() => setOpen(open === n.id ? null : n.id)}
                      aria-label={t('notif.log.detailsOf', { subject: n.subject ?? n.id })}>
                      {t(open === n.id ? 'notif.log.hide' : 'notif.log.details')}
                    </button>
                  </Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && <DeliveryDetail id={open} channelName={channelName} onClose={() => setOpen(null)} />}
      {log.data?.nextCursor && <p className="muted">{t('notif.log.limited', { count: limit })}</p>}
    </div>
  );
}

