import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { listTokens, TOKENS_KEY, type ApiToken, type NewApiToken } from './api.ts';
import { NewTokenForm } from './NewTokenForm.tsx';
import { ProblemAlert } from './parts.tsx';
import { TokenReveal } from './TokenReveal.tsx';
import { TokenRow } from './TokenRow.tsx';

/** Every staff member: their own API tokens, a new one shown once, revoking. */
export function TokensSection() {
  const { t } = useI18n();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: listTokens });
  const [created, setCreated] = useState<NewApiToken | null>(null);
  const [problem, setProblem] = useState<{ token: ApiToken; error: unknown } | null>(null);
  const rows = tokens.data?.items ?? [];
  const now = new Date();
  return (
    <section className="settings-section" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading">{t('settings.tokens.title')}</h2>
      <p className="muted settings-intro">{t('settings.tokens.intro')}</p>
      {created && <TokenReveal token={created} onDone={() => setCreated(null)} />}
      <NewTokenForm onCreated={setCreated} />
      <h3 className="settings-subheading">{t('settings.tokens.listTitle')}</h3>
      {problem && <ProblemAlert error={problem.error} lead={t('settings.tokens.revokeFailed', { name: problem.token.name })} />}
      <ProblemAlert error={tokens.error} />
      {tokens.isPending && <p className="loading">{t('common.loading')}</p>}
      {tokens.isSuccess && rows.length === 0 && <p className="empty">{t('settings.tokens.empty')}</p>}
      {rows.length > 0 && (
        <div className="table-wrap settings-table">
          <table>
            <caption className="visually-hidden">{t('settings.tokens.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.tokens.name')}</th>
                <th scope="col">{t('settings.tokens.scopes')}</th>
                <th scope="col">{t('settings.tokens.created')}</th>
                <th scope="col">{t('settings.tokens.expires')}</th>
                <th scope="col">{t('settings.tokens.lastUsed')}</th>
                <th scope="col">{t('settings.tokens.status')}</th>
                <th scope="col"><span className="visually-hidden">{t('settings.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((token) => <TokenRow key={token.id} token={token} now={now} onProblem={setProblem} />)}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
