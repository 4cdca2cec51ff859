import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { previewOf, shiftDate } from './form.ts';

/** "For a renewal on <date>: reminders on …, task on …, escalation on …", from the form as it stands. */
export function Preview({ policy, idPrefix }: { policy: Record<string, unknown>; idPrefix: string }) {
  const { t, date } = useI18n();
  const [renewalOn, setRenewalOn] = useState(() => shiftDate(new Date().toISOString().slice(0, 10), 90));
  const preview = previewOf(policy, renewalOn);
  const list = preview.reminders.map((d) => date(d)).join(', ') || t('renewals.policy.none');
  return (
    <div className="policy-preview" aria-live="polite">
      <label htmlFor={`${idPrefix}-preview-date`}>{t('renewals.policy.previewDate')}</label>{' '}
      <input id={`${idPrefix}-preview-date`} type="date" value={renewalOn} onChange={(e) => e.target.value && setRenewalOn(e.target.value)} />
      <p data-testid={`${idPrefix}-preview`}>
        {t('renewals.policy.preview', {
          date: date(renewalOn),
          reminders: list,
          task: preview.taskOn ? date(preview.taskOn) : '—',
          escalation: preview.escalateOn ? date(preview.escalateOn) : t('renewals.policy.never'),
        })}
      </p>
    </div>
  );
}
