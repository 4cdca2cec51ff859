import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, ApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Shown to an owner or admin while the registry is empty: three ways to begin. */
export function DemoCard() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const load = useMutation({
    mutationFn: () => api('POST', '/demo'),
    onSuccess: () => queries.invalidateQueries(),
  });
  return (
    <section className="card demo-card" aria-labelledby="demo-heading">
      <h2 id="demo-heading">{t('demo.title')}</h2>
      <p>{t('demo.text')}</p>
      <div className="actions">
        <Link className="button secondary-link" to="/clients">{t('clients.new')}</Link>
        <Link className="button secondary-link" to="/import">{t('nav.import')}</Link>
        <button type="button" onClick={() => load.mutate()} disabled={load.isPending}>
          {load.isPending ? t('demo.loading') : t('demo.load')}
        </button>
      </div>
      {load.error && <p className="alert" role="alert">{load.error instanceof ApiError ? load.error.message : String(load.error)}</p>}
    </section>
  );
}
