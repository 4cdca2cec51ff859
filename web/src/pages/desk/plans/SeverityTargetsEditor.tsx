import type { ApiError } from '../../../api/client.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { SEVERITIES, type Severity } from '../api.ts';
import { SeverityBadge } from '../tickets/parts.tsx';
import type { Measure } from './api.ts';
import type { SeverityDraft } from './plan-draft.ts';
import { TargetInput } from './TargetInput.tsx';

const FIRST_KINDS = ['minutes', 'next-business-day'] as const;
const RESOLUTION_KINDS = ['minutes', 'next-business-day', 'work-queue', 'best-effort'] as const;
const MEASURES: readonly Measure[] = ['business', 'around-the-clock'];

interface Props {
  severities: Record<Severity, SeverityDraft>;
  error: ApiError | null;
  onChange: (severities: Record<Severity, SeverityDraft>) => void;
}

/** First response, resolution and how time is counted, per severity; the server's message under the target it concerns. */
export function SeverityTargetsEditor({ severities, error, onChange }: Props) {
  const { t } = useI18n();
  const set = (s: Severity, terms: Partial<SeverityDraft>) => onChange({ ...severities, [s]: { ...severities[s], ...terms } });
  const message = (...fields: string[]) => fields.map((f) => error?.fieldMessage(f)).find(Boolean);
  return (
    <div className="table-wrap plan-targets">
      <table aria-label={t('deskPlan.targets')}>
        <thead>
          <tr>
            <th scope="col">{t('desk.severity')}</th>
            <th scope="col">{t('desk.firstResponse')}</th>
            <th scope="col">{t('desk.resolution')}</th>
            <th scope="col">{t('deskPlan.measure')}</th>
          </tr>
        </thead>
        <tbody>
          {SEVERITIES.map((s) => {
            const name = t(`desk.severity.${s}`);
            const measureError = message(`severities.${s}.measure`);
            return (
              <tr key={s}>
                <th scope="row"><SeverityBadge severity={s} /></th>
                <td>
                  <TargetInput
                    id={`plan-${s}-first`}
                    label={t('deskPlan.target.of', { severity: name, target: t('desk.firstResponse') })}
                    value={severities[s].firstResponse}
                    kinds={FIRST_KINDS}
                    error={message(`severities.${s}.firstResponse`)}
                    onChange={(firstResponse) => set(s, { firstResponse })}
                  />
                </td>
                <td>
                  <TargetInput
                    id={`plan-${s}-resolution`}
                    label={t('deskPlan.target.of', { severity: name, target: t('desk.resolution') })}
                    value={severities[s].resolution}
                    kinds={RESOLUTION_KINDS}
                    error={message(`severities.${s}.resolution`, `severities.${s}.noResolutionTarget`)}
                    onChange={(resolution) => set(s, { resolution })}
                  />
                </td>
                <td>
                  <select
                    aria-label={t('deskPlan.target.of', { severity: name, target: t('deskPlan.measure') })}
                    value={severities[s].measure}
                    onChange={(e) => set(s, { measure: e.target.value as Measure })}
                    aria-invalid={measureError ? true : undefined}
                  >
                    {MEASURES.map((m) => <option key={m} value={m}>{t(`deskPlan.measure.${m}`)}</option>)}
                  </select>
                  {measureError && <p className="field-error" role="alert">{measureError}</p>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
