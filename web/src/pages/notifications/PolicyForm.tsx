import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { fieldError } from '../settings/api.ts';
import { ProblemAlert } from '../settings/parts.tsx';
import { createPolicy, KEYS, type Target } from './api.ts';
import { TargetsEditor } from './targets.tsx';

interface Step {
  afterMinutes: number;
  targets: Target[];
}

/** The server names a step's problem `body.steps.1.targets`; shown under that step. */
function stepError(error: unknown, index: number): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const prefix = `body.steps.${index}`;
  return error.problem.errors?.find((e) => e.field === prefix || e.field.startsWith(`${prefix}.`) || e.field === `steps.${index}` || e.field.startsWith(`steps.${index}.`))?.message;
}

/** A new escalation policy: ordered steps, each telling more people after so many minutes unacknowledged. */
export function PolicyForm() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [steps, setSteps] = useState<Step[]>([{ afterMinutes: 0, targets: [{ kind: 'on-call' }] }]);
  const [added, setAdded] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createPolicy,
    onSuccess: async (policy) => {
      setAdded(policy.name);
      await queries.invalidateQueries({ queryKey: KEYS.policies });
    },
  });
  const put = (index: number, step: Step) => setSteps(steps.map((s, i) => (i === index ? step : s)));
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setAdded(null);
    create.mutate(
      { name: String(new FormData(form).get('name') ?? ''), steps },
      {
        onSuccess: () => {
          form.reset();
          setSteps([{ afterMinutes: 0, targets: [{ kind: 'on-call' }] }]);
        },
      },
    );
  };
  const error = create.error;
  return (
    <form className="card settings-form" onSubmit={submit} aria-labelledby="new-policy-heading">
      <h3 id="new-policy-heading">{t('notif.policies.new')}</h3>
      <div className="form-grid">
        <Field id="policy-name" label={t('notif.policies.name')} error={fieldError(error, 'name')}>
          <input id="policy-name" name="name" required maxLength={200} autoComplete="off" />
        </Field>
        <ol className="notif-wide notif-steps">
          {steps.map((step, index) => {
            const n = { n: index + 1 };
            return (
              <li key={index} className="notif-step">
                <div className="notif-step-head">
                  <span className="strong">{t('notif.policies.stepN', n)}</span>
                  <label className="notif-minutes">
                    <span>{t('notif.policies.after')}</span>
                    <input type="number" min={0} max={10080} step={1} required value={step.afterMinutes} aria-label={t('notif.policies.afterN', n)}
                      onChange={(e) => put(index, { ...step, afterMinutes: Number(e.target.value) })} />
                    <span>{t('notif.policies.minutes')}</span>
                  </label>
                  {steps.length > 1 && (
                    <button type="button" className="secondary" onClick={() => setSteps(steps.filter((_, i) => i !== index))} aria-label={t('notif.policies.removeN', n)}>
                      {t('notif.remove')}
                    </button>
                  )}
                </div>
                <TargetsEditor idPrefix={`policy-step-${index}`} label={t('notif.policies.tell')} targets={step.targets} onChange={(targets) => put(index, { ...step, targets })} error={stepError(error, index)} />
              </li>
            );
          })}
        </ol>
        <div className="actions notif-wide">
          <button type="button" className="secondary"
            onClick={() => setSteps([...steps, { afterMinutes: (steps[steps.length - 1]?.afterMinutes ?? 0) + 15, targets: [{ kind: 'role', role: 'admin' }] }])}>
            {t('notif.policies.addStep')}
          </button>
        </div>
        <ProblemAlert error={error} shown={['name', 'steps']} />
        {added && <p className="settings-success" role="status">{t('notif.policies.added', { name: added })}</p>}
        <div className="actions">
          <button type="submit" disabled={create.isPending}>{create.isPending ? t('settings.busy') : t('notif.policies.add')}</button>
        </div>
      </div>
    </form>
  );
}
