import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { api, query, type Page } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

interface Column<T> {
  header: string;
  cell(row: T): ReactNode;
}

/**
 * A server-paged table of named records (clients, projects), 50 at a time, found by name as one
 * types: the lists stay fast however many an agency has.
 */
export function NamedList<T extends { id: string }>({ path, queryKey, columns, empty }: { path: string; queryKey: string; columns: Column<T>[]; empty: string }) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const list = useInfiniteQuery({
    queryKey: [queryKey, 'list', search],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<T>>('GET', `${path}${query({ q: search, cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
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
            <tr>{columns.map((c) => <th key={c.header} scope="col">{c.header}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>{columns.map((c) => <td key={c.header}>{c.cell(row)}</td>)}</tr>
            ))}
          </tbody>
        </table>
        {list.isSuccess && rows.length === 0 && <p className="empty">{empty}</p>}
      </div>
      {list.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void list.fetchNextPage()} disabled={list.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </>
  );
}
