import { useI18n } from '../../../i18n/i18n.tsx';
import { INBOX_STATES } from './api.ts';

export const VIEWS = ['mine', 'team', 'all'] as const;
export type View = (typeof VIEWS)[number];

interface Props {
  view: View;
  filters: Record<'view' | 'state' | 'clientId' | 'overdue', string | undefined>;
  clients: { id: string; name: string }[];
  setFilter(name: 'view' | 'state' | 'clientId' | 'overdue', value: string): void;
}

/** Whose tasks (tabs), then state, client and "overdue only"; all kept in the address. */
export function TaskFilters({ view, filters, clients, setFilter }: Props) {
  const { t } = useI18n();
  return (
    <>
      <div className="segmented task-views" role="group" aria-label={t('tasks.views')}>
        {VIEWS.map((v) => (
          <button key={v} type="button" className={v === view ? '' : 'secondary'} aria-pressed={v === view} onClick={() => setFilter('view', v)}>
            {t(`tasks.view.${v}`)}
          </button>
        ))}
      </div>
      <div className="filters" role="search">
        <label>{t('tasks.state')}
          <select value={filters.state ?? ''} onChange={(e) => setFilter('state', e.target.value)}>
            <option value="">{t('tasks.state.todo')}</option>
            {INBOX_STATES.map((s) => <option key={s} value={s}>{t(`tasks.state.${s}`)}</option>)}
          </select>
        </label>
        <label>{t('tasks.client')}
          <select value={filters.clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
        <label className="checkbox task-overdue-filter">
          <input type="checkbox" checked={filters.overdue === 'true'} onChange={(e) => setFilter('overdue', e.target.checked ? 'true' : '')} />
          {t('tasks.overdueOnly')}
        </label>
      </div>
    </>
  );
}
