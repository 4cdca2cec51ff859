import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import type { Asset } from '../../api/types.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { historyKey, revealSecret } from './api.ts';

/** The names of the asset's secrets; staff who may reveal one see its value until they hide it. */
export function SecretsSection({ asset, mayReveal }: { asset: Asset; mayReveal: boolean }) {
  const { t } = useI18n();
  return (
    <section className="card asset-section" aria-labelledby="asset-secrets">
      <h2 id="asset-secrets">{t('asset.secrets')}</h2>
      {asset.secretNames.length === 0 ? (
        <p className="muted asset-empty">{t('asset.secretsNone')}</p>
      ) : (
        <ul className="asset-secrets">
          {asset.secretNames.map((name) => <Secret key={name} assetId={asset.id} name={name} mayReveal={mayReveal} />)}
        </ul>
      )}
    </section>
  );
}

function Secret({ assetId, name, mayReveal }: { assetId: string; name: string; mayReveal: boolean }) {
  const { t } = useI18n();
  const queries = useQueryClient();
  // Held by this row alone: gone on Hide, on leaving the page, and never in a query cache.
  const [value, setValue] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `asset-secret-${name}`;
  const reveal = async () => {
    // Not `disabled` while it works: a disabled button drops the keyboard focus.
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setValue((await revealSecret(assetId, name)).value);
      await queries.invalidateQueries({ queryKey: historyKey(assetId) });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className="asset-secret">
      <div className="asset-secret-head">
        <span className="asset-secret-name">{name}</span>
        {mayReveal && (value === null ? (
          <button type="button" className="secondary" aria-disabled={busy} onClick={() => void reveal()}>
            {t('asset.reveal')}<span className="visually-hidden"> {name}</span>
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => setValue(null)}>
            {t('asset.hide')}<span className="visually-hidden"> {name}</span>
          </button>
        ))}
      </div>
      {value !== null && (
        <div className="field asset-secret-value">
          <label htmlFor={fieldId}>{t('asset.secretValue', { name })}</label>
          <input id={fieldId} readOnly value={value} autoComplete="off" spellCheck={false} aria-describedby={`${fieldId}-note`} onFocus={(e) => e.currentTarget.select()} />
          <p className="asset-hint" id={`${fieldId}-note`}>{t('asset.revealAudited')}</p>
        </div>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </li>
  );
}
