import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api, ApiError, setCsrfToken } from '../api/client.ts';
import { useSession } from '../api/session.tsx';
import { Field } from '../components/Field.tsx';
import { useI18n } from '../i18n/i18n.tsx';

export function SignInPage() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const navigate = useNavigate();
  // Said once, after a session ended under the person's feet.
  const [error, setError] = useState<string | null>(() => {
    const ended = sessionStorage.getItem('upkeep.sessionEnded');
    sessionStorage.removeItem('upkeep.sessionEnded');
    return ended ? t('session.expired') : null;
  });
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const session = await api<{ csrfToken: string }>('POST', '/auth/login', { email: form.get('email'), password: form.get('password') });
      setCsrfToken(session.csrfToken);
      await refresh();
      navigate('/');
    } catch (err) {
      setError(err instanceof ApiError && err.status !== 401 ? err.message : t('signIn.failed'));
    }
  };
  return (
    <div className="centered">
      <form className="card narrow" onSubmit={(e) => void submit(e)}>
        <h1>{t('signIn.title')}</h1>
        {error && <p className="alert" role="alert">{error}</p>}
        <Field id="email" label={t('signIn.email')}>
          <input id="email" name="email" type="email" autoComplete="username" required />
        </Field>
        <Field id="password" label={t('signIn.password')}>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <button type="submit">{t('signIn.submit')}</button>
      </form>
    </div>
  );
}
