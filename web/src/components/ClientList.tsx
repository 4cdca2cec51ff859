import { Link } from 'react-router';
import type { Client } from '../api/types.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { NamedList } from './NamedList.tsx';

/** The agency's clients, a page at a time. */
export function ClientList() {
  const { t } = useI18n();
  return (
    <NamedList<Client>
      path="/clients"
      queryKey="clients"
      empty={t('clients.empty')}
      columns={[
        { header: t('clients.name'), cell: (c) => <Link className="strong" to={`/clients/${c.id}`}>{c.name}</Link> },
        { header: t('clients.currency'), cell: (c) => c.currency },
        { header: t('nav.language'), cell: (c) => c.locale },
      ]}
    />
  );
}
