import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, query, type Page } from '../api/client.ts';
import type { Client } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Clients a page of 50 at a time from the server, found by name as one types. */
export function ClientList() {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const clients = useInfiniteQuery({
    queryKey: ['clients', 'list', search],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<Client>>('GET', `/clients${query({ q: search, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = clients.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="filters" role="search">
        <label>{t('assets.search')}
          <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
      </div>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('clients.name')}</th>
              <th scope="col">{t('clients.currency')}</th>
              <th scope="col">{t('nav.language')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <td><Link className="strong" to={`/clients/${c.id}`}>{c.name}</Link></td>
                <td>{c.currency}</td>
                <td>{c.locale}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {clients.isSuccess && rows.length === 0 && <p className="empty">{t('clients.empty')}</p>}
      </div>
      {clients.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void clients.fetchNextPage()} disabled={clients.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </>
  );
}
