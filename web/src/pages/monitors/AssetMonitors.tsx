import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, ApiError, type Page } from '../../api/client.ts';
import type { Asset } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { CreatedMonitor, Monitor, Suggestion } from './api.ts';
import { targetOf, useMonitoringFormat } from './format.ts';
import { StateBadge } from './parts.tsx';

/** The monitors watching an asset; for a domain or hosting plan, the matching ones offered in one step. */
export function AssetMonitors({ asset, writable }: { asset: Asset; writable: boolean }) {
  const { t } = useI18n();
  const format = useMonitoringFormat();
  const monitors = useQuery({ queryKey: ['monitors', 'of-asset', asset.id], queryFn: () => api<Page<Monitor>>('GET', `/monitors?assetId=${asset.id}&limit=200`) });
  const offered = writable && (asset.kind === 'domain' || asset.kind === 'hosting') && asset.status !== 'retired';
  const rows = monitors.data?.items ?? [];
  return (
    <section className="card asset-section" aria-labelledby="asset-monitors">
      <h2 id="asset-monitors">{t('nav.monitors')}</h2>
      {monitors.isSuccess && rows.length === 0 && <p className="asset-empty">{t('monitors.noneForAsset')}</p>}
      {rows.length > 0 && (
        <ul className="list asset-monitor-list">
          {rows.map((m) => (
            <li key={m.id}>
              <Link className="strong" to={`/monitors/${m.id}`}>{m.name}</Link> <StateBadge monitor={m} />
              <span className="muted block">{t(`monitors.kind.${m.kind}`)} · {targetOf(m, t)} · {t('monitors.uptime30dShort', { uptime: format.uptime(m.uptime.last30d) })}</span>
            </li>
          ))}
        </ul>
      )}
      {offered && <Suggestions assetId={asset.id} />}
      {writable && <Link className="button secondary-link" to={`/monitors/new?assetId=${asset.id}`}>{t('monitors.addForAsset')}</Link>}
    </section>
  );
}

/** The suggested monitors not set up yet, ticked; one button creates them all (or none). */
function Suggestions({ assetId }: { assetId: string }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const suggestions = useQuery({
    queryKey: ['monitors', 'suggestions', assetId],
    queryFn: () => api<{ items: Suggestion[] }>('GET', `/assets/${assetId}/monitors/suggestions`),
  });
  const [unticked, setUnticked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const open = (suggestions.data?.items ?? []).filter((s) => !s.exists);
  const notice = created === null ? null : <p className="asset-notice" role="status">{t('monitors.suggestCreated', { count: created })}</p>;
  if (open.length === 0) return notice;
  const chosen = open.filter((s) => !unticked.has(s.name));
  const create = async () => {
    try {
      const result = await api<{ items: CreatedMonitor[] }>('POST', `/assets/${assetId}/monitors`, { monitors: chosen.map((s) => s.body) });
      setCreated(result.items.length);
      setError(null);
      await queries.invalidateQueries({ queryKey: ['monitors'] });
    } catch (err) {
      // The one-step creation checks every monitor; say which target was refused and why.
      setError(err instanceof ApiError ? (err.problem.errors?.map((e) => e.message).join(' · ') || err.message) : String(err));
    }
  };
  const toggle = (name: string, on: boolean) => setUnticked((set) => {
    const next = new Set(set);
    if (on) next.delete(name);
    else next.add(name);
    return next;
  });
  return (
    <div className="monitor-suggestions">
      {notice}
      <h3>{t('monitors.suggestTitle')}</h3>
      <ul>
        {open.map((s) => (
          <li key={s.name}>
            <label className="checkbox">
              <input type="checkbox" checked={!unticked.has(s.name)} onChange={(e) => toggle(s.name, e.target.checked)} />
              <span><span className="strong">{t(`monitors.kind.${s.kind}`)}</span> · {s.name}</span>
            </label>
          </li>
        ))}
      </ul>
      {error && <p className="alert" role="alert">{error}</p>}
      <button type="button" disabled={chosen.length === 0} onClick={() => void create()}>{t('monitors.suggestCreate', { count: chosen.length })}</button>
    </div>
  );
}
