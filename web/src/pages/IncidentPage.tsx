import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { canWrite, useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { IncidentState } from './incidents/IncidentTable.tsx';
import { PostUpdate, RootCause } from './incidents/IncidentNotes.tsx';
import { IncidentTimeline } from './incidents/IncidentTimeline.tsx';
import type { IncidentDetail } from './monitors/api.ts';
import { useMonitoringFormat } from './monitors/format.ts';
import { Fact } from './monitors/parts.tsx';

/** One incident: what happened when, who has it in hand, why it happened, and the notes on it. */
export function IncidentPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const format = useMonitoringFormat();
  const queries = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const incident = useQuery({ queryKey: ['incident', id], queryFn: () => api<IncidentDetail>('GET', `/incidents/${id}`), refetchInterval: 30_000 });
  if (incident.isError) {
    const missing = incident.error instanceof ApiError && incident.error.status === 404;
    return (
      <section className="asset-page">
        <Link className="asset-back" to="/incidents">{t('incidents.back')}</Link>
        <h1>{t('incidents.title')}</h1>
        <p className="alert" role="alert">{missing ? t('incidents.notFound') : incident.error.message}</p>
      </section>
    );
  }
  if (!incident.data) return <p className="loading">{t('common.loading')}</p>;
  const i = incident.data;
  const writable = canWrite(user);
  const refreshed = async (message: string) => {
    setProblem(null);
    // The notice follows the refetch, so it never shows beside a button for a step already taken.
    await queries.invalidateQueries({ predicate: (q) => ['incident', 'incidents', 'incident-summary'].includes(String(q.queryKey[0])) });
    setNotice(message);
  };
  const acknowledge = async () => {
    try {
      await api('POST', `/incidents/${i.id}/acknowledge`);
      await refreshed(t('incidents.acknowledgedNotice'));
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  };
  const end = i.resolvedAt ? Date.parse(i.resolvedAt) : Date.now();
  return (
    <section className="asset-page" aria-labelledby="incident-title">
      <Link className="asset-back" to="/incidents">{t('incidents.back')}</Link>
      <div className="page-head asset-head">
        <div>
          <div className="asset-title">
            <h1 id="incident-title">{i.monitorName}</h1>
            <IncidentState incident={i} />
          </div>
          <p className="muted asset-subtitle">{t('incidents.since', { when: format.instant(i.startedAt) })}</p>
        </div>
        {writable && i.state === 'open' && !i.acknowledgedAt && (
          <div className="actions"><button type="button" onClick={() => void acknowledge()}>{t('incidents.acknowledge')}</button></div>
        )}
      </div>
      <p className="asset-notice" role="status">{notice}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      <section className="card asset-section" aria-labelledby="incident-facts">
        <h2 id="incident-facts">{t('monitors.details')}</h2>
        <dl className="asset-facts">
          <Fact label={t('incidents.monitor')}><Link to={`/monitors/${i.monitorId}`}>{i.monitorName}</Link></Fact>
          <Fact label={t('incidents.cause')}>{i.cause}</Fact>
          <Fact label={t('incidents.started')}>{format.instant(i.startedAt)}</Fact>
          <Fact label={t('incidents.duration')}>{format.duration((end - Date.parse(i.startedAt)) / 1000)}</Fact>
          {i.parentIncidentId && <Fact label={t('incidents.groupedUnder')}><Link to={`/incidents/${i.parentIncidentId}`}>{t('incidents.parentIncident')}</Link></Fact>}
        </dl>
      </section>
      <section className="card asset-section" aria-labelledby="incident-timeline">
        <h2 id="incident-timeline">{t('incidents.timeline')}</h2>
        <IncidentTimeline incident={i} />
      </section>
      {i.children.length > 0 && (
        <section className="card asset-section" aria-labelledby="incident-children">
          <h2 id="incident-children">{t('incidents.children')}</h2>
          <p className="muted">{t('incidents.childrenHint')}</p>
          <ul className="asset-inline-list incident-children">
            {i.children.map((c) => (
              <li key={c.id}><Link to={`/incidents/${c.id}`}>{c.monitorName}</Link> <IncidentState incident={c} /></li>
            ))}
          </ul>
        </section>
      )}
      <RootCause key={i.rootCause ?? ''} incident={i} writable={writable} onSaved={refreshed} />
      {writable && <PostUpdate incidentId={i.id} onPosted={refreshed} />}
    </section>
  );
}
