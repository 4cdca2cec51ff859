import { useState } from 'react';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SEVERITIES, type Severity } from '../api.ts';
import { useTargetsPreview } from './api.ts';

/** An instant on the support hours' wall clock, as the acknowledgement to the client would say it. */
export function useZonedTime() {
  const { locale } = useI18n();
  return (iso: string, timeZone: string) =>
    new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(new Date(iso));
}

/** "A critical ticket opened now would need a first response by …": the saved plan, asked of the server. */
export function TargetsPreview({ planId }: { planId: string }) {
  const { t } = useI18n();
  const at = useZonedTime();
  const [severity, setSeverity] = useState<Severity>('critical');
  // Whole minutes: the question stays the same while the page is open, and so does its answer.
  const [createdAt] = useState(() => new Date(Math.floor(Date.now() / 60_000) * 60_000).toISOString());
  const preview = useTargetsPreview(planId, severity, createdAt);
  const p = preview.data;
  const name = t(`desk.severity.${severity}`).toLowerCase();
  return (
    <section className="plan-preview" aria-labelledby="plan-preview-title">
      <div className="plan-preview-head">
        <h2 id="plan-preview-title">{t('deskPlan.preview.title')}</h2>
        <span>
          <label htmlFor="plan-preview-severity" className="visually-hidden">{t('desk.severity')}</label>
          <select id="plan-preview-severity" value={severity} onChange={(e) => setSeverity(e.target.value as Severity)}>
            {SEVERITIES.map((s) => <option key={s} value={s}>{t(`desk.severity.${s}`)}</option>)}
          </select>
        </span>
      </div>
      {preview.isError && <p className="alert" role="alert">{preview.error.message}</p>}
      {p && (
        <p data-testid="plan-targets-preview">
          {t('deskPlan.preview.first', { severity: name, due: at(p.firstResponse.dueAt, p.timeZone) })}{' '}
          {p.resolution
            ? t('deskPlan.preview.resolution', { due: at(p.resolution.dueAt, p.timeZone) })
            : t(`deskPlan.preview.${p.noResolutionTarget ?? 'work-queue'}`)}{' '}
          {p.withinSupportHours || p.measure === 'around-the-clock'
            ? t(`deskPlan.preview.measure.${p.measure}`)
            : t('deskPlan.preview.outside', { start: at(p.workStartsAt, p.timeZone) })}
        </p>
      )}
      <p className="muted plan-hint">{t('deskPlan.preview.saved')}</p>
    </section>
  );
}
