import { useEffect, useRef, type ReactNode } from 'react';
import { ApiError, type FieldError } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** Small pieces every step of the import wizard shares. */
export const STEPS = ['upload', 'map', 'preview', 'done'] as const;
export type Step = (typeof STEPS)[number];

/** Where the person is among the four steps; the current one is announced as such. */
export function StepList({ step }: { step: Step }) {
  const { t } = useI18n();
  const current = STEPS.indexOf(step);
  return (
    <ol className="import-steps" aria-label={t('import.steps')}>
      {STEPS.map((s, i) => (
        <li key={s} aria-current={i === current ? 'step' : undefined} className={i < current ? 'import-step-passed' : undefined}>
          {t(`import.step.${s}`)}
        </li>
      ))}
    </ol>
  );
}

export const STEP_HEADING_ID = 'import-step-heading';

/** The step's heading; it takes the focus when the wizard moves on, so screen readers start there. */
export function StepHeading({ focus, children }: { focus: boolean; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focus]);
  return <h2 ref={ref} id={STEP_HEADING_ID} tabIndex={-1}>{children}</h2>;
}

/** The API's problem (or a lost connection) in words, with field errors no control shows. */
export function ErrorAlert({ error, details = [], message }: { error: unknown; details?: FieldError[]; message?: string | undefined }) {
  const { t } = useI18n();
  if (!error) return null;
  return (
    <div className="alert import-alert" role="alert">
      <p>{message ?? (error instanceof ApiError ? error.message : t('import.error.network'))}</p>
      {details.length > 0 && (
        <ul>
          {details.map((d, i) => <li key={i}>{d.message}</li>)}
        </ul>
      )}
    </div>
  );
}
