import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { loadAudit, loadLatestAudit, startAudit, type WasteAudit } from './api.ts';

/** "Run audit", its progress while it runs (polled), and when the last one finished. */
export function AuditBar({ writable }: { writable: boolean }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const latest = useQuery({ queryKey: ['waste', 'latest-audit'], queryFn: loadLatestAudit });
  const runningId = latest.data?.state === 'running' ? latest.data.id : null;
  const running = useQuery({
    queryKey: ['waste', 'audit', runningId],
    queryFn: () => loadAudit(runningId!),
    enabled: runningId !== null,
    refetchInterval: (q) => (q.state.data?.state === 'running' || q.state.data === undefined ? 1000 : false),
  });
  const current: WasteAudit | null | undefined = running.data ?? latest.data;
  const finished = running.data !== undefined && running.data.state !== 'running';
  useEffect(() => {
    // Finished: refresh the report and the last-audit line together.
    if (finished) void queries.invalidateQueries({ queryKey: ['waste'] });
  }, [finished, queries]);
  const run = async () => {
    setProblem(null);
    try {
      await startAudit();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
    await queries.invalidateQueries({ queryKey: ['waste', 'latest-audit'] });
  };
  const isRunning = current?.state === 'running';
  return (
    <div className="waste-bar">
      {writable && (
        <button type="button" onClick={() => void run()} disabled={isRunning}>
          {isRunning ? t('waste.running') : t('waste.run')}
        </button>
      )}
      <div className="waste-bar-status" role="status" aria-live="polite">
        {isRunning && current?.counts && (
          <>
            <progress max={Math.max(1, current.counts.total)} value={current.counts.assets} aria-label={t('waste.progress')} />
            <span>{t('waste.progressText', { done: current.counts.assets, total: current.counts.total })}</span>
          </>
        )}
        {isRunning && !current?.counts && <span>{t('waste.starting')}</span>}
        {!isRunning && <LastAudit audit={current ?? null} />}
      </div>
      {problem && <p className="alert" role="alert">{problem}</p>}
    </div>
  );
}

function LastAudit({ audit }: { audit: WasteAudit | null }) {
  const { t, locale } = useI18n();
  if (!audit) return <span className="muted">{t('waste.neverRun')}</span>;
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(audit.finishedAt ?? audit.startedAt));
  if (audit.state === 'failed') return <span className="alert">{t('waste.lastFailed', { when, error: audit.error ?? '' })}</span>;
  return <span className="muted">{t('waste.lastAudit', { when, assets: audit.counts?.assets ?? 0, flagged: audit.counts?.flagged ?? 0 })}</span>;
}
