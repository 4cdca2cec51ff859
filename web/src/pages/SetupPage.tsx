import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { Field } from '../components/Field.tsx';
import { LOCALES, useI18n } from '../i18n/i18n.tsx';

/** First run: whoever holds the setup token printed at start creates the owner account. */
const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SetupPage() {
  const { t, locale } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget));
    try {
      const currency = String(form.currency ?? '').trim().toUpperCase();
      const result = await api<{ csrfToken: string }>('POST', '/setup', { ...form, currency });
      setCsrfToken(result.csrfToken);
      await refresh();
      navigate('/');
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <div className="centered">
      <form className="card narrow" onSubmit={(e) => void submit(e)}>
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.intro')}</p>
        {error && !error.problem.errors && <p className="alert" role="alert">{error.message}</p>}
        <Field id="token" label={t('setup.token')} error={error?.fieldMessage('token')}>
          <input id="token" name="token" required autoComplete="off" />
        </Field>
        <Field id="agencyName" label={t('setup.agencyName')} error={error?.fieldMessage('agencyName')}>
          <input id="agencyName" name="agencyName" required autoComplete="organization" />
        </Field>
        <Field id="currency" label={t('setup.currency')} error={error?.fieldMessage('currency')}>
          <input id="currency" name="currency" required maxLength={3} defaultValue="EUR" />
        </Field>
        <Field id="locale" label={t('nav.language')} error={error?.fieldMessage('locale')}>
          <select id="locale" name="locale" defaultValue={locale}>
            {Object.entries(LOCALES).map(([code, name]) => <option key={code} value={code}>{name}</option>)}
          </select>
        </Field>
        <Field id="timeZone" label={t('setup.timeZone')} error={error?.fieldMessage('timeZone')}>
          <input id="timeZone" name="timeZone" required list="time-zones" defaultValue={browserZone} />
        </Field>
        <datalist id="time-zones">{Intl.supportedValuesOf('timeZone').map((zone) => <option key={zone} value={zone} />)}</datalist>
        <Field id="name" label={t('signIn.name')} error={error?.fieldMessage('name')}>
          <input id="name" name="name" required autoComplete="name" />
        </Field>
        <Field id="email" label={t('signIn.email')} error={error?.fieldMessage('email')}>
          <input id="email" name="email" type="email" required autoComplete="username" />
        </Field>
        <Field id="password" label={t('signIn.password')} error={error?.fieldMessage('password')}>
          <input id="password" name="password" type="password" required minLength={10} autoComplete="new-password" />
        </Field>
        <button type="submit">{t('setup.submit')}</button>
      </form>
    </div>
  );
}
