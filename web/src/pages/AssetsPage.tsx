import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, query, type Page } from '../api/client.ts';
import { useClients } from '../api/clients.ts';
import { canWrite, useSession } from '../api/session.tsx';
import { ASSET_KINDS, ASSET_STATUSES, type Asset } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

const FILTERS = ['q', 'kind', 'status', 'clientId', 'projectId', 'expiresWithin', 'ownerId', 'sort'] as const;

/** The asset table: filters live in the address, so every dashboard number is a link to one. */
export function AssetsPage() {
  const { t, date, money, number } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? undefined]));
  const clients = useClients();
  const clientName = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  const assets = useInfiniteQuery({
    queryKey: ['assets', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Asset>>('GET', `/assets${query({ ...filters, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const rows = assets.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section>
      <div className="page-head">
        <h1>{t('assets.title')}</h1>
        {canWrite(user) && <Link className="button" to="/assets/new">{t('assets.new')}</Link>}
      </div>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>{t('assets.search')}
          <input type="search" defaultValue={filters.q} onChange={(e) => setFilter('q', e.target.value)} />
        </label>
        <label>{t('assets.kind')}
          <select value={filters.kind ?? ''} onChange={(e) => setFilter('kind', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {ASSET_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
        </label>
        <label>{t('assets.status')}
          <select value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {ASSET_STATUSES.map((s) => <option key={s} value={s}>{t(`status.${s}`)}</option>)}
          </select>
        </label>
        {(clients.data?.items.length ?? 0) > 1 && (
          <label>{t('assets.client')}
            <select value={filters.clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {clients.data!.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
        <label>{t('assets.renewingWithin')}
          <select value={filters.expiresWithin ?? ''} onChange={(e) => setFilter('expiresWithin', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {[7, 30, 90, 365].map((d) => <option key={d} value={d}>{t('assets.days', { days: d })}</option>)}
          </select>
        </label>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('assets.name')}</th>
              <th scope="col">{t('assets.client')}</th>
              <th scope="col">{t('assets.kind')}</th>
              <th scope="col">{t('assets.status')}</th>
              <th scope="col">{t('assets.expiresOn')}</th>
              <th scope="col" className="num">{t('assets.daysLeft')}</th>
              <th scope="col" className="num">{t('assets.yearlyCost')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id}>
                <td><Link className="strong" to={`/assets/${a.id}`}>{a.name}</Link>{a.name !== a.identifier && <span className="muted block">{a.identifier}</span>}</td>
                <td>{clientName.get(a.clientId) ?? ''}</td>
                <td>{t(`kind.${a.kind}` as 'kind.domain')}</td>
                <td><span className={`badge badge-${a.status}`}>{t(`status.${a.status}` as 'status.active')}</span></td>
                <td>{date(a.expiresOn)}</td>
                <td className="num">{a.daysUntilRenewal === null ? '—' : number(a.daysUntilRenewal)}</td>
                <td className="num">{a.yearlyCost.amount ? money(a.yearlyCost.amount, a.yearlyCost.currency) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {assets.isSuccess && rows.length === 0 && <p className="empty">{t('assets.empty')}</p>}
      </div>
      {assets.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void assets.fetchNextPage()} disabled={assets.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}
