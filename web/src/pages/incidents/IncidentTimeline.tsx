import { useI18n } from '../../i18n/i18n.tsx';
import type { IncidentDetail } from '../monitors/api.ts';
import { useMonitoringFormat } from '../monitors/format.ts';

interface Entry {
  key: string;
  at: string;
  title: string;
  text?: string | undefined;
  tag?: string | undefined;
}

/**
 * What happened, oldest first: the milestones the incident records (first failure, confirmed,
 * notified, acknowledged, resolved) and the notes people posted, public or internal.
 */
export function IncidentTimeline({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const milestones: Entry[] = [
    { key: 'started', at: i.startedAt, title: t('incidents.firstFailure'), text: i.cause },
    { key: 'confirmed', at: i.confirmedAt, title: t('incidents.confirmed') },
    ...(i.notifiedAt ? [{ key: 'notified', at: i.notifiedAt, title: t('incidents.notified') }] : []),
    ...(i.acknowledgedAt ? [{ key: 'acknowledged', at: i.acknowledgedAt, title: t('incidents.acknowledged') }] : []),
    ...(i.resolvedAt ? [{ key: 'resolved', at: i.resolvedAt, title: t('incidents.resolved') }] : []),
  ];
  // The acknowledgement is a milestone already; other entries the engine or people wrote are shown as they are.
  const notes: Entry[] = i.timeline
    .filter((u) => u.kind !== 'acknowledged')
    .map((u) => ({
      key: u.id,
      at: u.at,
      title: u.kind === 'update' ? t('incidents.update') : u.kind,
      text: u.message,
      tag: u.public ? t('incidents.public') : t('incidents.internal'),
    }));
  const entries = [...milestones, ...notes].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="incident-timeline">
      {entries.map((e) => (
        <li key={e.key} className={`incident-entry incident-entry-${e.key === 'started' || e.key === 'resolved' ? e.key : 'note'}`}>
          <time dateTime={e.at}>{format.instant(e.at)}</time>
          <div>
            <span className="strong">{e.title}</span>
            {e.tag && <span className={`badge ${e.tag === t('incidents.public') ? 'badge-public' : ''}`}>{e.tag}</span>}
            {e.text && <p className="incident-text">{e.text}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
