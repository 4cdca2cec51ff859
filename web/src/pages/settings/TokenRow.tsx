import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { revokeToken, tokenState, TOKENS_KEY, type ApiToken } from './api.ts';
import { Cell, useDateTime } from './parts.tsx';

interface Props {
  token: ApiToken;
  now: Date;
  onProblem: (problem: { token: ApiToken; error: unknown } | null) => void;
}

/** One API token: what it may do, when it was last used, and revoking it (asked twice: it cannot be undone). */
export function TokenRow({ token, now, onProblem }: Props) {
  const { t, date } = useI18n();
  const dateTime = useDateTime();
  const queries = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: () => revokeToken(token.id),
    onError: (error) => onProblem({ token, error }),
    onSuccess: async () => {
      onProblem(null);
      setConfirming(false);
      await queries.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const state = tokenState(token, now);
  const label = { name: token.name };
  return (
    <tr className={state === 'active' ? undefined : 'settings-inactive'}>
      <Cell label={t('settings.tokens.name')}><span className="strong">{token.name}</span></Cell>
      <Cell label={t('settings.tokens.scopes')}>
        <span className="settings-scope-list">
          {token.scopes.map((s) => <span key={s} className="badge">{t(`settings.scope.${s}`)}</span>)}
        </span>
      </Cell>
      <Cell label={t('settings.tokens.created')}>{date(token.createdAt)}</Cell>
      <Cell label={t('settings.tokens.expires')}>{token.expiresAt ? date(token.expiresAt) : t('settings.tokens.never')}</Cell>
      <Cell label={t('settings.tokens.lastUsed')}>{token.lastUsedAt ? dateTime(token.lastUsedAt) : t('settings.tokens.notUsed')}</Cell>
      <Cell label={t('settings.tokens.status')}>
        {state === 'active' && <span className="badge badge-active">{t('settings.tokens.active')}</span>}
        {state === 'expired' && <span className="badge badge-expiring">{t('settings.tokens.expired')}</span>}
        {state === 'revoked' && <span className="badge badge-expired">{t('settings.tokens.revokedOn', { date: date(token.revokedAt) })}</span>}
      </Cell>
      <Cell label={t('settings.actions')} className="settings-actions">
        {state !== 'revoked' && !confirming && (
          <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={t('settings.tokens.revokeNamed', label)}>
            {t('settings.tokens.revoke')}
          </button>
        )}
        {state !== 'revoked' && confirming && (
          <div className="settings-confirm" role="group" aria-label={t('settings.tokens.revokeNamed', label)}>
            <span>{t('settings.tokens.revokeQuestion')}</span>
            <button type="button" className="settings-danger" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
              {t('settings.tokens.revokeYes')}
            </button>
            {/* The safe choice takes the focus, so a second Enter does not revoke by accident. */}
            <button type="button" className="secondary" autoFocus onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </div>
        )}
      </Cell>
    </tr>
  );
}
