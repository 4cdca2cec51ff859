import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, type Page } from '../api/client.ts';
import { useClients } from '../api/clients.ts';
import { ASSET_KINDS, BILLING_CYCLES, type Project } from '../api/types.ts';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/** A decimal price as typed (9.99 or 9,99) to minor units of the currency. */
function toMinor(text: string, currency: string): number | null {
  const cleaned = text.trim().replace(',', '.');
  if (cleaned === '') return null;
  let digits = 2;
  try {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    // Not a currency the browser knows: send it anyway, and the API says what is wrong with it.
  }
  return Math.round(Number(cleaned) * 10 ** digits);
}

/** Record a new asset; the API's field messages appear under the fields they concern. */
export function AssetFormPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queries = useQueryClient();
  const clients = useClients();
  const [error, setError] = useState<ApiError | null>(null);
  const [clientId, setClientId] = useState<string | undefined>(undefined);
  const chosenClient = clientId ?? clients.data?.items[0]?.id;
  const projects = useQuery({
    queryKey: ['projects', chosenClient],
    enabled: Boolean(chosenClient),
    queryFn: () => api<Page<Project>>('GET', `/projects?clientId=${chosenClient}&limit=200`),
  });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const f = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const client = clients.data?.items.find((c) => c.id === f.clientId);
    const currency = f.currency || client?.currency || 'EUR';
    const amount = toMinor(f.renewalPrice ?? '', currency);
    try {
      await api('POST', '/assets', {
        clientId: f.clientId,
        kind: f.kind,
        identifier: f.identifier,
        ...(f.name ? { name: f.name } : {}),
        expiresOn: f.expiresOn || null,
        billingCycle: f.billingCycle,
        renewalPrice: amount === null || Number.isNaN(amount) ? null : { amount, currency },
        autoRenew: f.autoRenew === 'on',
        projectIds: f.projectId ? [f.projectId] : [],
      });
      await queries.invalidateQueries();
      navigate('/assets');
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <section>
      <h1>{t('assets.new')}</h1>
      <form className="card form-grid" onSubmit={(e) => void submit(e)} noValidate>
        {error && <p className="alert" role="alert">{error.message}</p>}
        <Field id="clientId" label={t('assets.client')} error={error?.fieldMessage('clientId')}>
          <select id="clientId" name="clientId" required onChange={(e) => setClientId(e.target.value)}>
            {clients.data?.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </Field>
        <Field id="projectId" label={t('assets.project')} error={error?.fieldMessage('projectIds')}>
          <select id="projectId" name="projectId">
            <option value="">{t('common.none')}</option>
            {projects.data?.items.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </Field>
        <Field id="kind" label={t('assets.kind')} error={error?.fieldMessage('kind')}>
          <select id="kind" name="kind">{ASSET_KINDS.map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}</select>
        </Field>
        <Field id="identifier" label={t('assets.identifier')} error={error?.fieldMessage('identifier')}>
          <input id="identifier" name="identifier" required placeholder="example.com" />
        </Field>
        <Field id="name" label={t('assets.name')} error={error?.fieldMessage('name')}>
          <input id="name" name="name" />
        </Field>
        <Field id="expiresOn" label={t('assets.expiresOn')} error={error?.fieldMessage('expiresOn')}>
          <input id="expiresOn" name="expiresOn" type="date" />
        </Field>
        <Field id="billingCycle" label={t('assets.billingCycle')} error={error?.fieldMessage('billingCycle')}>
          <select id="billingCycle" name="billingCycle" defaultValue="yearly">{BILLING_CYCLES.map((c) => <option key={c} value={c}>{t(`cycle.${c}`)}</option>)}</select>
        </Field>
        <Field id="renewalPrice" label={t('assets.renewalPrice')} error={error?.fieldMessage('renewalPrice')}>
          <input id="renewalPrice" name="renewalPrice" inputMode="decimal" placeholder="12.99" />
        </Field>
        <Field id="currency" label={t('assets.currency')}>
          <input id="currency" name="currency" maxLength={3} placeholder="EUR" />
        </Field>
        <label className="checkbox"><input type="checkbox" name="autoRenew" defaultChecked /> {t('assets.autoRenew')}</label>
        <div className="actions">
          <button type="submit">{t('common.save')}</button>
          <button type="button" className="secondary" onClick={() => navigate(-1)}>{t('common.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
