import { useI18n } from '../../../i18n/i18n.tsx';
import { SEVERITIES, TICKET_STATUSES } from '../api.ts';

export const FILTERS = ['status', 'severity', 'clientId', 'assignee', 'breached'] as const;
export type FilterName = (typeof FILTERS)[number];

interface Props {
  filters: Record<FilterName, string | undefined>;
  clients: { id: string; name: string }[] | null;
  setFilter(name: FilterName, value: string): void;
}

/** Status, severity, client and assignee (staff only), and "breached only"; all kept in the address. */
export function TicketFilters({ filters, clients, setFilter }: Props) {
  const { t } = useI18n();
  return (
    <div className="filters" role="search">
      <label>{t('desk.status')}
        <select value={filters.status ?? ''} onChange={(e) => setFilter('status', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {TICKET_STATUSES.map((s) => <option key={s} value={s}>{t(`desk.status.${s}`)}</option>)}
        </select>
      </label>
      <label>{t('desk.severity')}
        <select value={filters.severity ?? ''} onChange={(e) => setFilter('severity', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {SEVERITIES.map((s) => <option key={s} value={s}>{t(`desk.severity.${s}`)}</option>)}
        </select>
      </label>
      {clients && (
        <>
          <label>{t('desk.client')}
            <select value={filters.clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label>{t('desk.assignee')}
            <select value={filters.assignee ?? ''} onChange={(e) => setFilter('assignee', e.target.value)}>
              <option value="">{t('common.all')}</option>
              <option value="me">{t('desk.assignee.me')}</option>
              <option value="none">{t('desk.assignee.none')}</option>
            </select>
          </label>
        </>
      )}
      <label className="checkbox desk-breached-filter">
        <input type="checkbox" checked={filters.breached === 'true'} onChange={(e) => setFilter('breached', e.target.checked ? 'true' : '')} />
        {t('desk.breachedOnly')}
      </label>
    </div>
  );
}
