import type { ApiError } from '../../../../api/client.ts';
import { usePaymentI18n } from '../i18n.ts';
import { fieldError } from './errors.ts';

interface Props {
  days: string[];
  onChange(days: string[]): void;
  error: ApiError | null;
  /** Retries the form could not read, by position (checked before sending). */
  unreadable: ReadonlySet<number>;
}

const MAX_RETRIES = 10;

/** The days after a first failed charge on which it is tried again, one input per retry. */
export function RetryDaysEditor({ days, onChange, error, unreadable }: Props) {
  const { t } = usePaymentI18n();
  const whole = fieldError(error, 'retryDays');
  const set = (i: number, value: string) => onChange(days.map((d, j) => (j === i ? value : d)));
  return (
    <fieldset className={whole ? 'pay-retries has-error' : 'pay-retries'} aria-describedby="pay-retries-hint">
      <legend>{t('pay.settings.retryDays')}</legend>
      <p className="field-hint" id="pay-retries-hint">{t('pay.settings.retryDaysHint')}</p>
      <ol className="pay-retry-list">
        {days.map((day, i) => {
          const own = unreadable.has(i) ? t('pay.settings.retryUnreadable') : fieldError(error, `retryDays.${i}`);
          return (
            <li key={i} className={own ? 'field has-error' : 'field'}>
              <label htmlFor={`pay-retry-${i}`}>{t('pay.settings.retryN', { n: i + 1 })}</label>
              <span className="pay-retry-input">
                <input id={`pay-retry-${i}`} type="number" min={1} max={60} inputMode="numeric" value={day} onChange={(e) => set(i, e.target.value)}
                  aria-invalid={own ? true : undefined} aria-describedby={own ? `pay-retry-${i}-error` : undefined} />
                <button type="button" className="secondary" onClick={() => onChange(days.filter((_, j) => j !== i))} aria-label={t('pay.settings.retryRemove', { n: i + 1 })}>×</button>
              </span>
              {own && <p className="field-error" id={`pay-retry-${i}-error`} role="alert">{own}</p>}
            </li>
          );
        })}
      </ol>
      {days.length === 0 && <p className="muted">{t('pay.settings.noRetries')}</p>}
      {days.length < MAX_RETRIES && (
        <button type="button" className="secondary" onClick={() => onChange([...days, String(Math.min(60, (Number(days.at(-1)) || 0) + 2))])}>{t('pay.settings.retryAdd')}</button>
      )}
      {whole && <p className="field-error" role="alert">{whole}</p>}
    </fieldset>
  );
}
