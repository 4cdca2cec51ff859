import { useUrlFilters } from '../api/url-filters.ts';
import { useClients } from '../api/clients.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { IncidentTable } from './incidents/IncidentTable.tsx';

/** Incidents, the open ones first; filtered by state and client through the address. */
export function IncidentsPage() {
  const { t } = useI18n();
  const { filters, setFilter } = useUrlFilters(['state', 'clientId'] as const);
  const state = filters.state ?? '';
  const clientId = filters.clientId;
  const clients = useClients();
  const clientName = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  return (
    <section>
      <h1>{t('incidents.title')}</h1>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>{t('monitors.stateLabel')}
          <select value={state} onChange={(e) => setFilter('state', e.target.value)}>
            <option value="">{t('common.all')}</option>
            <option value="open">{t('incidents.state.open')}</option>
            <option value="resolved">{t('incidents.state.resolved')}</option>
          </select>
        </label>
        {clientName.size > 1 && (
          <label>{t('assets.client')}
            <select value={clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {clients.data!.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
        )}
      </form>
      {state !== 'resolved' && (
        <section aria-labelledby="incidents-open">
          <h2 id="incidents-open">{t('incidents.openTitle')}</h2>
          <IncidentTable filter={{ state: 'open', clientId }} clientName={clientName} />
        </section>
      )}
      {state !== 'open' && (
        <section aria-labelledby="incidents-resolved">
          <h2 id="incidents-resolved">{t('incidents.resolvedTitle')}</h2>
          <IncidentTable filter={{ state: 'resolved', clientId }} clientName={clientName} />
        </section>
      )}
    </section>
  );
}
