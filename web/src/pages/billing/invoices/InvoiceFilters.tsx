import { INVOICE_STATES } from '../../../api/billing.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export const FILTERS = ['state', 'clientId'] as const;
export type FilterName = (typeof FILTERS)[number];

interface Props {
  filters: Record<FilterName, string | undefined>;
  /** Staff pick a client; null for a portal user, whose invoices are its own client's. */
  clients: { id: string; name: string }[] | null;
  /** A portal user never sees drafts, so it is not offered. */
  states: readonly string[];
  setFilter(name: FilterName, value: string): void;
}

/** State and client, kept in the address so a filtered list can be linked to. */
export function InvoiceFilters({ filters, clients, states, setFilter }: Props) {
  const { t } = useI18n();
  return (
    <div className="filters" role="search">
      <label>{t('billing.state')}
        <select value={filters.state ?? ''} onChange={(e) => setFilter('state', e.target.value)}>
          <option value="">{t('common.all')}</option>
          {INVOICE_STATES.filter((s) => states.includes(s)).map((s) => <option key={s} value={s}>{t(`billing.state.${s}`)}</option>)}
        </select>
      </label>
      {clients && (
        <label>{t('billing.client')}
          <select value={filters.clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
            <option value="">{t('common.all')}</option>
            {clients.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}
