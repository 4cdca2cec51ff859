import { useI18n } from '../../../i18n/i18n.tsx';
import type { ResolutionKind, TargetDraft } from './plan-draft.ts';

interface Props<K extends ResolutionKind> {
  id: string;
  /** What the target is, for screen readers: "High: first response". */
  label: string;
  value: TargetDraft<K>;
  kinds: readonly K[];
  error: string | undefined;
  onChange: (value: TargetDraft<K>) => void;
}

/** A target as a person thinks of it: a kind (within a time, next business day, …) and, for a time, hours and minutes. */
export function TargetInput<K extends ResolutionKind>({ id, label, value, kinds, error, onChange }: Props<K>) {
  const { t } = useI18n();
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
  return (
    <div className={error ? 'plan-target has-error' : 'plan-target'}>
      <select id={id} aria-label={label} value={value.kind} onChange={(e) => onChange({ ...value, kind: e.target.value as K })} {...invalid}>
        {kinds.map((k) => <option key={k} value={k}>{t(`deskPlan.target.${k}`)}</option>)}
      </select>
      {value.kind === 'minutes' && (
        <span className="plan-duration">
          <input
            id={`${id}-hours`}
            inputMode="numeric"
            aria-label={t('deskPlan.target.hoursOf', { what: label })}
            value={value.hours}
            onChange={(e) => onChange({ ...value, hours: e.target.value })}
            {...invalid}
          />
          <span aria-hidden="true">{t('deskPlan.target.h')}</span>
          <input
            id={`${id}-minutes`}
            inputMode="numeric"
            aria-label={t('deskPlan.target.minutesOf', { what: label })}
            value={value.minutes}
            onChange={(e) => onChange({ ...value, minutes: e.target.value })}
            {...invalid}
          />
          <span aria-hidden="true">{t('deskPlan.target.min')}</span>
        </span>
      )}
      {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
    </div>
  );
}
