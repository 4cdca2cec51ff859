import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { canWrite, useSession } from '../../api/session.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { loadClients, loadReport, WASTE_CODES, type ReportFilter } from './waste/api.ts';
import { AuditBar } from './waste/AuditBar.tsx';
import { SavingTiles } from './waste/SavingTiles.tsx';
import { WasteItems } from './waste/WasteItems.tsx';

/**
 * The waste audit: assets that cost money but look unused, with the evidence and what cancelling
 * would save per year. People run the audit, then keep or cancel item by item. Filters live in the URL.
 */
export function WastePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [notice, setNotice] = useState<string | null>(null);
  const filter: ReportFilter = { clientId: params.get('client') ?? '', code: params.get('reason') ?? '', state: params.get('state') === 'cancel-decided' ? 'cancel-decided' : 'open' };
  const clients = useQuery({ queryKey: ['waste', 'clients'], queryFn: loadClients });
  const report = useInfiniteQuery({
    queryKey: ['waste', 'report', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => loadReport(filter, pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const first = report.data?.pages[0];
  const items = report.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const decided = async (message: string) => {
    await queries.invalidateQueries({ queryKey: ['waste', 'report'] });
    setNotice(message);
  };
  return (
    <section className="waste-page">
      <h1>{t('waste.title')}</h1>
      <p className="muted">{t('waste.intro')}</p>
      <AuditBar writable={canWrite(user)} />
      <p className="asset-notice" role="status">{notice}</p>
      {report.error && <p className="alert" role="alert">{report.error.message}</p>}
      {first?.audit && <SavingTiles report={first} />}
      <div className="filters" role="search">
        <label>{t('waste.filterClient')}
          <select value={filter.clientId} onChange={(e) => set('client', e.target.value)}>
            <option value="">{t('waste.allClients')}</option>
            {(clients.data ?? []).map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label>{t('waste.filterReason')}
          <select value={filter.code} onChange={(e) => set('reason', e.target.value)}>
            <option value="">{t('waste.allReasons')}</option>
            {WASTE_CODES.map((code) => <option key={code} value={code}>{t(`waste.code.${code}`)}</option>)}
          </select>
        </label>
        <label>{t('waste.filterState')}
          <select value={filter.state} onChange={(e) => set('state', e.target.value === 'open' ? '' : e.target.value)}>
            <option value="open">{t('waste.state.open')}</option>
            <option value="cancel-decided">{t('waste.state.cancel-decided')}</option>
          </select>
        </label>
      </div>
      {report.isSuccess && !first?.audit && <p className="waste-empty">{t('waste.emptyNoAudit')}</p>}
      {report.isSuccess && first?.audit && items.length === 0 && <p className="waste-empty">{t(filter.state === 'open' ? 'waste.emptyOpen' : 'waste.emptyDecided')}</p>}
      <WasteItems items={items} writable={canWrite(user)} onDecided={(m) => void decided(m)} />
      {report.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void report.fetchNextPage()} disabled={report.isFetchingNextPage}>{t('waste.more')}</button>
      )}
    </section>
  );
}
