import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUrlFilters } from '../api/url-filters.ts';
import { api, query, type Page } from '../api/client.ts';
import { useClients } from '../api/clients.ts';
import { canWrite, useSession } from '../api/session.tsx';
import { ASSET_KINDS, ASSET_STATUSES, type Asset } from '../api/types.ts';
import { AssetTable } from '../components/AssetTable.tsx';
import { BulkBar } from '../components/BulkBar.tsx';
import { ColumnChooser, loadColumns } from '../components/ColumnChooser.tsx';
import { useI18n } from '../i18n/i18n.tsx';

const FILTERS = ['q', 'kind', 'status', 'clientId', 'projectId', 'expiresWithin', 'ownerId', 'tag', 'sort'] as const;

/** The asset table: filters live in the address, so every dashboard number is a link to one. */
export function AssetsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [columns, setColumns] = useState(loadColumns);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { filters, setFilter } = useUrlFilters(FILTERS);
  const clients = useClients();
  const clientName = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  const assets = useInfiniteQuery({
    queryKey: ['assets', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Asset>>('GET', `/assets${query({ ...filters, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
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
        <label>{t('assets.owner')}
          <select value={filters.ownerId ?? ''} onChange={(e) => setFilter('ownerId', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {user && <option value={user.id}>{t('assets.ownerMe')}</option>}
            <option value="none">{t('assets.ownerNone')}</option>
          </select>
        </label>
        <label>{t('assets.tag')}
          <input defaultValue={filters.tag} onChange={(e) => setFilter('tag', e.target.value.trim())} />
        </label>
        <label>{t('assets.renewingWithin')}
          <select value={filters.expiresWithin ?? ''} onChange={(e) => setFilter('expiresWithin', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {[7, 30, 90, 365].map((d) => <option key={d} value={d}>{t('assets.days', { days: d })}</option>)}
          </select>
        </label>
        <ColumnChooser columns={columns} onChange={setColumns} />
      </form>
      {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />}
      <div className="table-wrap">
        <AssetTable
          rows={rows}
          columns={columns}
          clientName={clientName}
          sort={filters.sort ?? 'expiresOn'}
          onSort={(sort) => setFilter('sort', sort)}
          selected={canWrite(user) ? selected : undefined}
          onSelect={setSelected}
        />
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
