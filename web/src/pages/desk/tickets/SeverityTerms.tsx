import { useI18n } from '../../../i18n/i18n.tsx';
import type { ClientSla, Severity } from '../api.ts';

/** One severity's promise in words: "First response within 1 h · resolution within 8 h · in support hours". */
export function useSeverityTerms(): (sla: ClientSla, severity: Severity) => { firstResponse: string; resolution: string; measure: string } {
  const { t } = useI18n();
  return (sla, severity) => {
    const terms = sla.severities[severity];
    const resolution = terms.resolution
      ? t('desk.terms.within', { time: terms.resolution.text })
      : terms.noResolutionTarget ? t(`desk.terms.${terms.noResolutionTarget}`) : t('common.none');
    const firstResponse = terms.firstResponse.kind === 'next-business-day' ? t('desk.terms.nextBusinessDay') : t('desk.terms.within', { time: terms.firstResponse.text });
    return { firstResponse, resolution, measure: t(`desk.measure.${terms.measure}`) };
  };
}

export function SeverityExplained({ sla, severity }: { sla: ClientSla; severity: Severity }) {
  const { t } = useI18n();
  const terms = useSeverityTerms()(sla, severity);
  return (
    <p className="desk-terms" data-testid={`terms-${severity}`}>
      {t('desk.terms.line', { firstResponse: terms.firstResponse, resolution: terms.resolution, measure: terms.measure })}
    </p>
  );
}
