import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { createToken, fieldError, TOKEN_SCOPES, TOKENS_KEY, type NewApiToken, type NewToken, type TokenScope } from './api.ts';
import { ProblemAlert } from './parts.tsx';

const SHOWN_FIELDS = ['name', 'scopes', 'expiresAt'] as const;

/** The chosen day as an instant: a token dated to expire on a day works through that day (UTC). */
const endOfDay = (day: string) => `${day}T23:59:59Z`;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Creates a token for the signed-in person; the new token goes up to be shown once. */
export function NewTokenForm({ onCreated }: { onCreated: (token: NewApiToken) => void }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [noScope, setNoScope] = useState(false);
  const create = useMutation({
    mutationFn: createToken,
    onSuccess: async (token) => {
      onCreated(token);
      await queries.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const scopes = data.getAll('scopes') as TokenScope[];
    setNoScope(scopes.length === 0);
    if (scopes.length === 0) return;
    const expiresOn = String(data.get('expiresOn') ?? '');
    const token: NewToken = { name: String(data.get('name') ?? ''), scopes, ...(expiresOn ? { expiresAt: endOfDay(expiresOn) } : {}) };
    create.mutate(token, { onSuccess: () => form.reset() });
  };
  const scopeError = noScope ? t('settings.tokens.pickScope') : fieldError(create.error, 'scopes');
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="new-token-heading">
      <h3 id="new-token-heading">{t('settings.tokens.new')}</h3>
      <div className="form-grid">
        <Field id="new-token-name" label={t('settings.tokens.name')} error={fieldError(create.error, 'name')}>
          <input id="new-token-name" name="name" required maxLength={100} autoComplete="off" />
        </Field>
        <div>
          <Field id="new-token-expires" label={t('settings.tokens.expiresOn')} error={fieldError(create.error, 'expiresAt')}>
            <input id="new-token-expires" name="expiresOn" type="date" min={tomorrow()} aria-describedby="new-token-expires-hint" />
          </Field>
          <p className="settings-hint" id="new-token-expires-hint">{t('settings.tokens.expiresHint')}</p>
        </div>
        <fieldset className={scopeError ? 'settings-scopes has-error' : 'settings-scopes'} aria-describedby={scopeError ? 'new-token-scopes-error' : undefined}>
          <legend>{t('settings.tokens.scopes')}</legend>
          {TOKEN_SCOPES.map((scope) => (
            <div className="settings-scope" key={scope}>
              <input type="checkbox" id={`new-token-scope-${scope}`} name="scopes" value={scope} defaultChecked={scope === 'read'}
                aria-describedby={`new-token-scope-${scope}-hint`} onChange={() => setNoScope(false)} />
              <label htmlFor={`new-token-scope-${scope}`}>{t(`settings.scope.${scope}`)}</label>
              <p className="settings-hint" id={`new-token-scope-${scope}-hint`}>{t(`settings.scopeHint.${scope}`)}</p>
            </div>
          ))}
          <p className="settings-hint">{t('settings.tokens.scopesHint')}</p>
          {scopeError && <p className="field-error" id="new-token-scopes-error" role="alert">{scopeError}</p>}
        </fieldset>
        <ProblemAlert error={create.error} shown={SHOWN_FIELDS} />
        <div className="actions">
          <button type="submit" disabled={create.isPending}>{create.isPending ? t('settings.busy') : t('settings.tokens.create')}</button>
        </div>
      </div>
    </form>
  );
}
