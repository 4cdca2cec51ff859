import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.ts';
import { ClientList } from '../components/ClientList.tsx';
import { canWrite, useSession } from '../api/session.tsx';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** The agency's clients, and a quick way to add one. */
export function ClientsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const [error, setError] = useState<ApiError | null>(null);
  const add = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const f = Object.fromEntries(new FormData(form)) as Record<string, string>;
    try {
      await api('POST', '/clients', { name: f.name, ...(f.currency ? { currency: f.currency.toUpperCase() } : {}) });
      setError(null);
      form.reset();
      await queries.invalidateQueries({ queryKey: ['clients'] });
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <section>
      <h1>{t('clients.title')}</h1>
      {canWrite(user) && (
        <form className="card inline-form" onSubmit={(e) => void add(e)}>
          <Field id="client-name" label={t('clients.name')} error={error?.fieldMessage('name')}>
            <input id="client-name" name="name" required />
          </Field>
          <Field id="client-currency" label={t('clients.currency')} error={error?.fieldMessage('currency')}>
            <input id="client-currency" name="currency" maxLength={3} placeholder="EUR" />
          </Field>
          <button type="submit">{t('clients.new')}</button>
        </form>
      )}
      <ClientList />
    </section>
  );
}
