import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';

type Action = { type: 'assignOwner'; ownerId: string } | { type: 'addTag'; tag: string } | { type: 'retire' };

/** Actions on the selected rows; the API applies each to all of them or to none. */
export function BulkBar({ ids, onDone }: { ids: string[]; onDone(): void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const [tag, setTag] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (action: Action) => {
    try {
      await api('POST', '/assets/bulk', { ids, action });
      setError(null);
      setTag('');
      await queries.invalidateQueries();
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <div className="bulk-bar" role="region" aria-label={t('bulk.label')}>
      <strong>{t('bulk.selected', { count: ids.length })}</strong>
      <button type="button" className="secondary" onClick={() => void run({ type: 'assignOwner', ownerId: user!.id })}>{t('bulk.assignToMe')}</button>
      <form className="bulk-tag" onSubmit={(e) => { e.preventDefault(); if (tag.trim()) void run({ type: 'addTag', tag: tag.trim() }); }}>
        <label className="visually-hidden" htmlFor="bulk-tag">{t('bulk.tag')}</label>
        <input id="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} placeholder={t('bulk.tag')} />
        <button type="submit" className="secondary">{t('bulk.addTag')}</button>
      </form>
      <button type="button" className="danger" onClick={() => { if (window.confirm(t('bulk.retireConfirm', { count: ids.length }))) void run({ type: 'retire' }); }}>
        {t('bulk.retire')}
      </button>
      {error && <p className="alert" role="alert">{error}</p>}
    </div>
  );
}
