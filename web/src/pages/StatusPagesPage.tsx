import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError, query, type Page } from '../api/client.ts';
import { useClients } from '../api/clients.ts';
import { canWrite, useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { StatusPage } from './monitors/api.ts';
import { MonitoringTabs } from './monitors/parts.tsx';
import { StatusPageForm } from './StatusPageForm.tsx';

/** The public status pages: their addresses, whose they are, what they show. */
export function StatusPagesPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const clients = useClients();
  const clientName = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const list = useInfiniteQuery({
    queryKey: ['status-pages'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => api<Page<StatusPage>>('GET', `/status-pages${query({ cursor: pageParam, limit: 50 })}`),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const writable = canWrite(user);
  const saved = async (page: StatusPage) => {
    setEditing(null);
    setProblem(null);
    await queries.invalidateQueries({ queryKey: ['status-pages'] });
    setNotice(t('statusPages.saved', { title: page.title }));
  };
  const remove = async (page: StatusPage) => {
    try {
      await api('DELETE', `/status-pages/${page.id}`);
      await queries.invalidateQueries({ queryKey: ['status-pages'] });
      setNotice(t('statusPages.deleted', { title: page.title }));
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : String(err));
    }
  };
  const editedPage = rows.find((p) => p.id === editing);
  return (
    <section>
      <h1>{t('statusPages.title')}</h1>
      {user?.role !== 'client' && <MonitoringTabs />}
      <p className="muted">{t('statusPages.intro')}</p>
      <p className="asset-notice" role="status">{notice}</p>
      {problem && <p className="alert" role="alert">{problem}</p>}
      {writable && (editedPage
        ? <StatusPageForm key={editedPage.id} page={editedPage} onSaved={saved} onCancel={() => setEditing(null)} />
        : <StatusPageForm key="new" onSaved={saved} />)}
      <h2>{t('statusPages.listTitle')}</h2>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('statusPages.titleLabel')}</th>
              <th scope="col">{t('statusPages.address')}</th>
              <th scope="col">{t('assets.client')}</th>
              <th scope="col" className="num">{t('statusPages.monitors')}</th>
              <th scope="col">{t('statusPages.visibility')}</th>
              {writable && <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <td className="strong">{p.title}</td>
                <td>{p.published ? <a href={`/status/${p.slug}`} target="_blank" rel="noreferrer">/status/{p.slug}</a> : <span>/status/{p.slug}</span>}</td>
                <td>{p.clientId ? clientName.get(p.clientId) ?? '…' : t('common.none')}</td>
                <td className="num">{p.monitorIds.length}</td>
                <td><span className={`badge ${p.published ? 'badge-monitor-up' : ''}`}>{p.published ? t('statusPages.isPublished') : t('statusPages.draft')}</span></td>
                {writable && (
                  <td className="row-actions">
                    <button type="button" className="link" aria-label={t('statusPages.edit', { title: p.title })} onClick={() => setEditing(p.id)}>{t('monitors.edit')}</button>
                    <button type="button" className="link" aria-label={t('statusPages.delete', { title: p.title })} onClick={() => void remove(p)}>{t('monitors.delete')}</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        {list.isSuccess && rows.length === 0 && <p className="empty">{t('statusPages.empty')}</p>}
      </div>
    </section>
  );
}
