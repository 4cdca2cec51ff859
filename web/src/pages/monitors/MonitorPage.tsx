import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import { canWrite, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { IncidentTable } from '../incidents/IncidentTable.tsx';
import { monitorKey, useMonitor, type Monitor, type MonitorView } from './api.ts';
import { targetOf } from './format.ts';
import { MonitorActions } from './MonitorActions.tsx';
import { MonitorChart } from './MonitorChart.tsx';
import { MonitorFacts, UptimeFigures } from './MonitorFacts.tsx';
import { MonitorForm } from './MonitorForm.tsx';
import { MonitorResults } from './MonitorResults.tsx';
import { StateBadge } from './parts.tsx';
import { PingUrl } from './PingUrl.tsx';

/** One monitor: its state and settings, uptime, response times, latest checks and incidents. */
export function MonitorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const monitor = useMonitor(id);
  const [editing, setEditing] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (monitor.isError) {
    const missing = monitor.error instanceof ApiError && monitor.error.status === 404;
    return (
      <section className="asset-page">
        <Link className="asset-back" to="/monitors">{t('monitors.back')}</Link>
        <h1>{t('monitors.title')}</h1>
        <p className="alert" role="alert">{missing ? t('monitors.notFound') : monitor.error.message}</p>
      </section>
    );
  }
  if (!monitor.data) return <p className="loading">{t('common.loading')}</p>;
  const m = monitor.data;
  const writable = canWrite(user);
  const changed = (next: MonitorView, message: string) => {
    queries.setQueryData<Monitor>(monitorKey(id), (old) => (old ? { ...old, ...next } : old));
    setProblem(null);
    setNotice(message);
    void queries.invalidateQueries({ queryKey: ['monitors'] });
  };
  return (
    <section className="asset-page" aria-labelledby="monitor-name">
      <Link className="asset-back" to="/monitors">{t('monitors.back')}</Link>
      <div className="page-head asset-head">
        <div>
          <div className="asset-title">
            <h1 id="monitor-name">{m.name}</h1>
            <StateBadge monitor={m} />
          </div>
          <p className="muted asset-subtitle">{t(`monitors.kind.${m.kind}`)} · <span className="monitor-target">{targetOf(m, t)}</span></p>
        </div>
        {writable && !editing && (
          <MonitorActions monitor={m} onChanged={changed} onEdit={() => { setNotice(null); setEditing(true); }}
            onDeleted={() => { void queries.invalidateQueries({ queryKey: ['monitors'] }); navigate('/monitors'); }} onError={setProblem} />
        )}
      </div>
      <p className="asset-notice" role="status">{notice}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      {editing ? (
        <MonitorForm monitor={m} onCancel={() => setEditing(false)} onSaved={(next) => { setEditing(false); changed(next, t('monitors.saved')); }} />
      ) : (
        <>
          <UptimeFigures monitor={m} />
          {m.kind !== 'heartbeat' && <MonitorChart monitor={m} />}
          <MonitorFacts monitor={m} />
          {m.kind === 'heartbeat' && m.hasPingUrl && writable && <RevealPingUrl id={m.id} />}
          <MonitorResults monitor={m} />
          <section className="monitor-block" aria-labelledby="monitor-incidents">
            <h2 id="monitor-incidents">{t('incidents.title')}</h2>
            <IncidentTable filter={{ monitorId: m.id }} version={`${m.stateChangedAt}|${m.lastCheckedAt}`} />
          </section>
        </>
      )}
    </section>
  );
}

/** The ping URL again, on request: revealing it is audited like any secret. */
function RevealPingUrl({ id }: { id: string }) {
  const { t } = useI18n();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (url) return <PingUrl url={url} once={false} />;
  const reveal = async () => {
    try {
      setUrl((await api<{ pingUrl: string }>('POST', `/monitors/${id}/ping-url/reveal`)).pingUrl);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <p>
      <button type="button" className="secondary" onClick={() => void reveal()}>{t('monitors.ping.reveal')}</button>
      {error && <span className="field-error" role="alert"> {error}</span>}
    </p>
  );
}
