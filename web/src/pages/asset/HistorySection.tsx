import { useMemo } from 'react';
import { useSession } from '../../api/session.tsx';
import type { Asset } from '../../api/types.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useAssetHistory, type AuditEntry } from './api.ts';
import { HistoryValue, useFieldLabel, UserName } from './HistoryValue.tsx';

const ACTIONS: Record<string, MessageKey> = {
  'asset.created': 'asset.action.created',
  'asset.updated': 'asset.action.updated',
  'asset.retired': 'asset.action.retired',
  'asset.secret-revealed': 'asset.action.secretRevealed',
};

const ACTOR_TYPES: Record<AuditEntry['actorType'], MessageKey> = {
  user: 'asset.actor.user',
  token: 'asset.actor.token',
  cli: 'asset.actor.cli',
  system: 'asset.actor.system',
  anonymous: 'asset.actor.anonymous',
};

// Every change moves updatedAt; listing it would only repeat the entry's own time.
const UNSHOWN = new Set(['updatedAt']);

/** The asset's audit log, newest first: what was done, when, by whom, and which fields changed. */
export function HistorySection({ asset }: { asset: Asset }) {
  const { t } = useI18n();
  const history = useAssetHistory(asset.id);
  const entries = useMemo(() => (history.data?.pages.flatMap((p) => p.items) ?? []).sort((x, y) => y.seq - x.seq), [history.data]);
  return (
    <section className="card asset-section" aria-labelledby="asset-history">
      <h2 id="asset-history">{t('asset.history')}</h2>
      {history.isError && <p className="alert" role="alert">{history.error.message}</p>}
      {history.isPending && <p className="loading">{t('common.loading')}</p>}
      {history.isSuccess && entries.length === 0 && <p className="muted asset-empty">{t('asset.historyEmpty')}</p>}
      <ol className="asset-history">
        {entries.map((entry) => <HistoryEntry key={entry.seq} entry={entry} currency={asset.currency} />)}
      </ol>
      {history.hasNextPage && (
        <button type="button" className="secondary" onClick={() => void history.fetchNextPage()} disabled={history.isFetchingNextPage}>
          {t('common.more')}
        </button>
      )}
    </section>
  );
}

function HistoryEntry({ entry, currency }: { entry: AuditEntry; currency: string }) {
  const { t } = useI18n();
  const when = useWhen();
  const action = ACTIONS[entry.action] ? t(ACTIONS[entry.action]!) : entry.action;
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !UNSHOWN.has(f));
  return (
    <li className="asset-event">
      <p className="asset-event-head">
        <span className="strong">{action}</span>
        <time dateTime={entry.at}>{when(entry.at)}</time>
        <span className="muted">{t('asset.by')} <Actor entry={entry} /></span>
      </p>
      {fields.length > 0 && entry.action === 'asset.created' ? (
        <details className="asset-event-details">
          <summary>{t('asset.initialValues', { count: fields.length })}</summary>
          <Changes fields={fields} before={before} after={after} currency={currency} />
        </details>
      ) : (
        fields.length > 0 && <Changes fields={fields} before={before} after={after} currency={currency} />
      )}
    </li>
  );
}

type Values = Record<string, unknown>;

function Changes({ fields, before, after, currency }: { fields: string[]; before: Values; after: Values; currency: string }) {
  const { t } = useI18n();
  const label = useFieldLabel();
  // Amounts are in the record's own currency, which a change of currency records next to them.
  const currencyBefore = typeof before.currency === 'string' ? before.currency : currency;
  const currencyAfter = typeof after.currency === 'string' ? after.currency : currency;
  return (
    <ul className="asset-changes">
      {fields.map((field) => (
        <li key={field}>
          <span className="asset-change-field">{label(field)}:</span>{' '}
          {field in before && field in after ? (
            <>
              <span className="asset-change-before"><HistoryValue field={field} value={before[field]} currency={currencyBefore} /></span>
              <span aria-hidden="true"> → </span>
              <span className="visually-hidden"> {t('asset.changedTo')} </span>
              <span className="asset-change-after"><HistoryValue field={field} value={after[field]} currency={currencyAfter} /></span>
            </>
          ) : field in after ? (
            <HistoryValue field={field} value={after[field]} currency={currencyAfter} />
          ) : (
            <HistoryValue field={field} value={before[field]} currency={currencyBefore} />
          )}
        </li>
      ))}
    </ul>
  );
}

function Actor({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const type = t(ACTOR_TYPES[entry.actorType]);
  if (!entry.actorId) return <>{type}</>;
  const person = entry.actorType === 'user' || entry.actorType === 'token';
  return (
    <>
      {person ? <UserName id={entry.actorId} /> : entry.actorId} <span className="asset-actor-type">({type})</span>
    </>
  );
}

/** An instant as date and time in the reader's own time zone. */
function useWhen() {
  const { locale } = useI18n();
  const { user } = useSession();
  return useMemo(() => {
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: user?.timeZone });
    } catch {
      format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    }
    return (iso: string) => format.format(new Date(iso));
  }, [locale, user?.timeZone]);
}
