import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ImportReport } from './api.tsx';
import { ChangeLists, NewParties, ReportSummary } from './ReportParts.tsx';
import { STEP_HEADING_ID, StepHeading } from './WizardParts.tsx';

/** Step 4: what the import did, and the way to the assets it made. */
export function DoneStep({ focus, result, onAgain }: { focus: boolean; result: ImportReport; onAgain: () => void }) {
  const { t, number } = useI18n();
  const { summary } = result;
  return (
    <section className="import-step" aria-labelledby={STEP_HEADING_ID}>
      <StepHeading focus={focus}>{t('import.done.heading')}</StepHeading>
      <p className="import-success" role="status">
        {t('import.done.summary', { create: number(summary.create), update: number(summary.update), rejected: number(summary.rejected) })}
      </p>
      <ReportSummary summary={summary} />
      <NewParties report={result} />
      <ChangeLists report={result} />
      <div className="actions">
        <Link className="button" to="/assets">{t('import.done.assets')}</Link>
        <button type="button" className="secondary" onClick={onAgain}>{t('import.done.again')}</button>
      </div>
    </section>
  );
}
