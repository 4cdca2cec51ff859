import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { canWrite, useSession } from '../api/session.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { suggestedOptions, type ImportOptions, type ImportReport, type ImportUpload } from './import/api.tsx';
import { DoneStep } from './import/DoneStep.tsx';
import { MappingStep } from './import/MappingStep.tsx';
import { PreviewStep } from './import/PreviewStep.tsx';
import { UploadStep } from './import/UploadStep.tsx';
import { StepList, type Step } from './import/WizardParts.tsx';

/**
 * The import wizard: upload a CSV, map its columns, check a dry run, commit. Each step is its own
 * component; this page only holds what the steps hand on, so going back keeps the mapping.
 */
export function ImportPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const queries = useQueryClient();
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [options, setOptions] = useState<ImportOptions | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [result, setResult] = useState<ImportReport | null>(null);
  // The first step does not grab the focus on arrival; every later move does.
  const [moved, setMoved] = useState(false);
  if (!canWrite(user)) return <p className="alert" role="alert">{t('common.notAllowed')}</p>;

  const step: Step = result ? 'done' : report ? 'preview' : upload && options ? 'map' : 'upload';
  const move = (change: () => void) => {
    setMoved(true);
    change();
  };
  const restart = () =>
    move(() => {
      setUpload(null);
      setOptions(null);
      setReport(null);
      setResult(null);
    });
  const committed = async (done: ImportReport) => {
    move(() => setResult(done));
    // New assets, clients and providers: every list and count may have changed.
    await queries.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  };
  return (
    <section className="import-wizard">
      <h1>{t('import.title')}</h1>
      <p className="muted">{t('import.intro')}</p>
      <StepList step={step} />
      {step === 'upload' && (
        <UploadStep
          focus={moved}
          onUploaded={(uploaded) => move(() => {
            setUpload(uploaded);
            setOptions(suggestedOptions(uploaded));
          })}
        />
      )}
      {step === 'map' && upload && options && (
        <MappingStep
          focus={moved}
          upload={upload}
          options={options}
          onChange={setOptions}
          onPreviewed={(previewed) => move(() => setReport(previewed))}
          onRestart={restart}
        />
      )}
      {step === 'preview' && upload && options && report && (
        <PreviewStep
          focus={moved}
          upload={upload}
          options={options}
          report={report}
          onReport={setReport}
          onCommitted={(done) => void committed(done)}
          onBack={() => move(() => setReport(null))}
        />
      )}
      {step === 'done' && result && <DoneStep focus={moved} result={result} onAgain={restart} />}
    </section>
  );
}
