import { useI18n, type I18n } from '../../i18n/i18n.tsx';
import type { IncidentDetail } from '../monitors/api.ts';
import { useMonitoringFormat } from '../monitors/format.ts';

type MessageKey = Parameters<I18n['t']>[0];

interface Entry {
  key: string;
  kind: string;
  at: string;
  title: string;
  text?: string | undefined;
  tag?: string | undefined;
}

/** Entries the engine and the API write, by kind; their stored message is English boilerplate except where noted. */
const TITLES: Record<string, MessageKey> = {
  first_failure: 'incidents.firstFailure',
  confirmed: 'incidents.confirmed',
  notified: 'incidents.notified',
  acknowledged: 'incidents.acknowledged',
  resolved: 'incidents.resolved',
  flapping: 'monitors.flapping',
  update: 'incidents.update',
};
/** Kinds whose message says something of its own: the failure's cause, a person's note. */
const TOLD = new Set(['first_failure', 'update']);

/**
 * What happened, oldest first: first failure, confirmed, notified, acknowledged, resolved, and
 * the notes people posted (public or internal). The incident's own fields fill in a milestone
 * the timeline does not hold (older incidents, or ones recorded before it kept a timeline).
 */
export function IncidentTimeline({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const entries: Entry[] = i.timeline.map((u) => ({
    key: u.id,
    kind: u.kind,
    at: u.at,
    title: TITLES[u.kind] ? t(TITLES[u.kind]!) : u.kind,
    text: TOLD.has(u.kind) || !TITLES[u.kind] ? u.message : undefined,
    tag: u.kind === 'update' ? (u.public ? t('incidents.public') : t('incidents.internal')) : undefined,
  }));
  const milestones: [string, string | null, string | undefined][] = [
    ['first_failure', i.startedAt, i.cause],
    ['confirmed', i.confirmedAt, undefined],
    ['notified', i.notifiedAt, undefined],
    ['acknowledged', i.acknowledgedAt, undefined],
    ['resolved', i.resolvedAt, undefined],
  ];
  for (const [kind, at, text] of milestones) {
    if (at && !entries.some((e) => e.kind === kind)) entries.push({ key: kind, kind, at, title: t(TITLES[kind]!), text });
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="incident-timeline">
      {entries.map((e) => (
        <li key={e.key} className={`incident-entry incident-entry-${e.kind === 'first_failure' || e.kind === 'resolved' ? e.kind : 'note'}`}>
          <time dateTime={e.at}>{format.instant(e.at)}</time>
          <div>
            <span className="strong">{e.title}</span>
            {e.tag && <span className={`badge ${e.kind === 'update' && e.tag === t('incidents.public') ? 'badge-public' : 'badge-internal'}`}>{e.tag}</span>}
            {e.text && <p className="incident-text">{e.text}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}
