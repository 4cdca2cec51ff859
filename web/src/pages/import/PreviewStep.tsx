import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { commitImport, reportOf, type ImportOptions, type ImportReport, type ImportUpload } from './api.tsx';
import { ChangeLists, NewParties, RejectedRows, ReportSummary } from './ReportParts.tsx';
import { ErrorAlert, STEP_HEADING_ID, StepHeading } from './WizardParts.tsx';

interface Props {
  focus: boolean;
  upload: ImportUpload;
  options: ImportOptions;
  report: ImportReport;
  /** A refused commit brings a fresh report (the registry may have changed since the dry run). */
  onReport: (report: ImportReport) => void;
  onCommitted: (result: ImportReport) => void;
  onBack: () => void;
}

/** Step 3: what the import would do, nothing written yet; and the button that does it. */
export function PreviewStep({ focus, upload, options, report, onReport, onCommitted, onBack }: Props) {
  const { t } = useI18n();
  const [skipRejected, setSkipRejected] = useState(false);
  const commit = useMutation({
    mutationFn: () => commitImport(upload.id, options, skipRejected),
    onSuccess: onCommitted,
    onError: (error) => {
      const fresh = reportOf(error);
      if (fresh) onReport(fresh);
    },
  });
  const { summary } = report;
  const toImport = summary.create + summary.update;
  const blocked = toImport === 0 ? 'import.commit.nothing' : summary.rejected > 0 && !skipRejected ? 'import.commit.needsSkip' : null;
  return (
    <section className="import-step" aria-labelledby={STEP_HEADING_ID}>
      <StepHeading focus={focus}>{t('import.preview.heading')}</StepHeading>
      <p>{t('import.preview.intro')}</p>
      <ReportSummary summary={summary} />
      {summary.rejected > 0 && <RejectedRows report={report} />}
      <NewParties report={report} />
      <ChangeLists report={report} />
      <div className="card import-commit">
        {summary.rejected > 0 && toImport > 0 && (
          <label className="checkbox">
            <input type="checkbox" checked={skipRejected} onChange={(e) => setSkipRejected(e.target.checked)} />
            {t('import.commit.skip')}
          </label>
        )}
        {blocked && <p className="muted" id="import-commit-blocked">{t(blocked)}</p>}
        {/* A 422's own words name the API's skipRejected; the fresh report and the box above say it better. */}
        <ErrorAlert error={commit.error} message={reportOf(commit.error) ? t('import.commit.needsSkip') : undefined} />
        <div className="actions">
          <button
            type="button"
            disabled={blocked !== null || commit.isPending}
            aria-describedby={blocked ? 'import-commit-blocked' : undefined}
            onClick={() => commit.mutate()}
          >
            {commit.isPending ? t('import.busy') : t('import.commit.submit', { count: toImport })}
          </button>
          <button type="button" className="secondary" onClick={onBack}>{t('import.commit.back')}</button>
        </div>
      </div>
    </section>
  );
}
