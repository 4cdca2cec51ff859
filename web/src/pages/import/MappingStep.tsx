import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n.tsx';
import { placeErrors, previewImport, type HeaderProblem, type ImportOptions, type ImportReport, type ImportUpload } from './api.tsx';
import { DefaultsFields } from './DefaultsFields.tsx';
import { MappingTable } from './MappingTable.tsx';
import { ErrorAlert, STEP_HEADING_ID, StepHeading } from './WizardParts.tsx';

interface Props {
  focus: boolean;
  upload: ImportUpload;
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
  onPreviewed: (report: ImportReport) => void;
  onRestart: () => void;
}

const DEFAULT_FIELDS = ['defaults.client', 'defaults.kind', 'defaults.currency'];

/** Step 2: confirm or change what each column holds and what rows get by default, then dry-run it. */
export function MappingStep({ focus, upload, options, onChange, onPreviewed, onRestart }: Props) {
  const { t, number } = useI18n();
  const preview = useMutation({ mutationFn: () => previewImport(upload.id, options), onSuccess: onPreviewed });
  const errors = placeErrors(preview.error, [...DEFAULT_FIELDS, ...upload.headers.map((h) => `mapping.${h}`)]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    preview.mutate();
  };
  return (
    <section className="import-step" aria-labelledby={STEP_HEADING_ID}>
      <StepHeading focus={focus}>{t('import.map.heading')}</StepHeading>
      <p className="muted">
        {t('import.map.file', { fileName: upload.fileName, rows: number(upload.rowCount), columns: number(upload.headers.length) })}
      </p>
      {upload.suggested.format === 'domainmod' && <p className="import-notice">{t('import.map.domainmod')}</p>}
      <HeaderProblems problems={upload.suggested.problems} />
      <form className="import-form" onSubmit={submit} noValidate>
        {/* The defaults first: the client is the one choice most files need, and a file may have 60 columns. */}
        <DefaultsFields defaults={options.defaults} onChange={(defaults) => onChange({ ...options, defaults })} errorAt={errors.at} />
        <MappingTable
          upload={upload}
          mapping={options.mapping}
          onChange={(header, field) => onChange({ ...options, mapping: { ...options.mapping, [header]: field } })}
          errorAt={errors.at}
        />
        <ErrorAlert error={preview.error} details={errors.rest} />
        <div className="actions">
          <button type="submit" disabled={preview.isPending}>{preview.isPending ? t('import.busy') : t('import.map.submit')}</button>
          <button type="button" className="secondary" onClick={onRestart}>{t('import.map.restart')}</button>
        </div>
      </form>
    </section>
  );
}

/** Headers that read alike or repeat: exact repeats stop the import, so they are an alarm. */
function HeaderProblems({ problems }: { problems: HeaderProblem[] }) {
  const { t } = useI18n();
  if (problems.length === 0) return null;
  const fatal = problems.some((p) => p.kind === 'duplicate');
  return (
    <div className={fatal ? 'alert import-alert' : 'import-warning'} role={fatal ? 'alert' : undefined}>
      <p className="strong">{t('import.map.problems')}</p>
      <ul>
        {problems.map((p, i) => <li key={i}>{p.message}</li>)}
      </ul>
    </div>
  );
}
