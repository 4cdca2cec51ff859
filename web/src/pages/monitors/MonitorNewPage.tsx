import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CreatedMonitor } from './api.ts';
import { MonitorForm } from './MonitorForm.tsx';
import { PingUrl } from './PingUrl.tsx';

/** Adding a monitor; a heartbeat's ping URL is shown here once, before going on to the monitor. */
export function MonitorNewPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [params] = useSearchParams();
  const [heartbeat, setHeartbeat] = useState<CreatedMonitor | null>(null);
  const preset = Object.fromEntries(['assetId', 'clientId'].flatMap((k) => (params.get(k) ? [[k, params.get(k)!]] : [])));
  const saved = async (monitor: CreatedMonitor) => {
    await queries.invalidateQueries({ queryKey: ['monitors'] });
    if (monitor.pingUrl) setHeartbeat(monitor);
    else navigate(`/monitors/${monitor.id}`);
  };
  return (
    <section className="asset-page">
      <Link className="asset-back" to="/monitors">{t('monitors.back')}</Link>
      <h1>{heartbeat ? heartbeat.name : t('monitors.addTitle')}</h1>
      {heartbeat ? (
        <>
          <p className="asset-notice" role="status">{t('monitors.created')}</p>
          <PingUrl url={heartbeat.pingUrl!} once />
          <Link className="button" to={`/monitors/${heartbeat.id}`}>{t('monitors.open')}</Link>
        </>
      ) : (
        <MonitorForm preset={preset} onSaved={(m) => saved(m as CreatedMonitor)} onCancel={() => navigate('/monitors')} />
      )}
    </section>
  );
}
