import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, type Page } from '../api/client.ts';
import { canWrite, useSession } from '../api/session.tsx';
import type { Client, Money, Project } from '../api/types.ts';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { ClientBillingSection } from './billing/profile/ClientBillingSection.tsx';

type ClientDetail = Client & { yearlyCost: Money[]; assetCount: number };

/** One client: what it costs a year, its projects (and a way to add one), and how it is invoiced. */
export function ClientPage() {
  const { id = '' } = useParams();
  const { t, money } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const client = useQuery({ queryKey: ['client', id], queryFn: () => api<ClientDetail>('GET', `/clients/${id}`) });
  const projects = useQuery({ queryKey: ['projects', id], queryFn: () => api<Page<Project>>('GET', `/projects?clientId=${id}&limit=200`) });
  const [error, setError] = useState<ApiError | null>(null);
  const addProject = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    try {
      await api('POST', '/projects', { clientId: id, name: new FormData(form).get('name') });
      setError(null);
      form.reset();
      await queries.invalidateQueries({ queryKey: ['projects', id] });
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  if (!client.data) return <p className="loading">{t('common.loading')}</p>;
  const c = client.data;
  return (
    <section>
      <div className="page-head">
        <h1>{c.name}</h1>
        <Link className="button" to={`/assets?clientId=${c.id}`}>{t('dashboard.assets', { count: c.assetCount })}</Link>
      </div>
      <p className="muted">{t('assets.yearlyCost')}: {c.yearlyCost.map((m) => money(m.amount, m.currency)).join(' · ') || '—'}</p>
      <h2>{t('clients.projects')}</h2>
      <ul className="list">
        {projects.data?.items.map((p) => <li key={p.id}><Link to={`/assets?projectId=${p.id}`}>{p.name}</Link></li>)}
      </ul>
      {canWrite(user) && (
        <form className="card inline-form" onSubmit={(e) => void addProject(e)}>
          <Field id="project-name" label={t('clients.name')} error={error?.fieldMessage('name')}>
            <input id="project-name" name="name" required />
          </Field>
          <button type="submit">{t('clients.newProject')}</button>
        </form>
      )}
      <ClientBillingSection clientId={c.id} currency={c.currency} />
    </section>
  );
}
