import { Link } from 'react-router';
import { useClients } from '../api/clients.ts';
import type { Project } from '../api/types.ts';
import { NamedList } from '../components/NamedList.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** Every project of every client; a project's name opens the assets that serve it. */
export function ProjectsPage() {
  const { t } = useI18n();
  const clients = useClients();
  const clientName = new Map((clients.data?.items ?? []).map((c) => [c.id, c.name]));
  return (
    <section>
      <h1>{t('clients.projects')}</h1>
      <NamedList<Project>
        path="/projects"
        queryKey="projects"
        empty={t('projects.empty')}
        columns={[
          { header: t('clients.name'), cell: (p) => <Link className="strong" to={`/assets?projectId=${p.id}`}>{p.name}</Link> },
          { header: t('assets.client'), cell: (p) => <Link to={`/clients/${p.clientId}`}>{clientName.get(p.clientId) ?? t('assets.client')}</Link> },
        ]}
      />
    </section>
  );
}
