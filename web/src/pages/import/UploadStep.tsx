import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client.ts';
import { Field } from '../../components/Field.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { ENCODINGS, uploadCsv, type Encoding, type ImportUpload } from './api.tsx';
import { ErrorAlert, STEP_HEADING_ID, StepHeading } from './WizardParts.tsx';

/** Step 1: the CSV file goes up as it is; the API reads its columns and suggests a mapping. */
export function UploadStep({ focus, onUploaded }: { focus: boolean; onUploaded: (upload: ImportUpload) => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<Encoding>('utf-8');
  const [noFile, setNoFile] = useState(false);
  const upload = useMutation({
    mutationFn: (chosen: { file: File; encoding: Encoding }) => uploadCsv(chosen.file, chosen.encoding),
    onSuccess: onUploaded,
  });
  // The API's own words name its query parameter and the command line; people here have a select.
  const notUtf8 = upload.error instanceof ApiError && upload.error.problem.type.endsWith('/encoding');
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNoFile(!file);
    if (file) upload.mutate({ file, encoding });
  };
  return (
    <section className="import-step" aria-labelledby={STEP_HEADING_ID}>
      <StepHeading focus={focus}>{t('import.upload.heading')}</StepHeading>
      <form className="card import-upload" onSubmit={submit} noValidate>
        <div>
          <Field id="import-file" label={t('import.upload.file')} error={noFile ? t('import.upload.pickFile') : undefined}>
            <input
              id="import-file"
              type="file"
              accept=".csv,.tsv,.txt,text/csv,text/plain"
              aria-describedby="import-file-hint"
              onChange={(e) => {
                setFile(e.target.files?.[0] ?? null);
                setNoFile(false);
                upload.reset();
              }}
            />
          </Field>
          <p className="import-hint" id="import-file-hint">{t('import.upload.fileHint')}</p>
        </div>
        <div>
          <Field id="import-encoding" label={t('import.upload.encoding')}>
            <select id="import-encoding" value={encoding} aria-describedby="import-encoding-hint" onChange={(e) => setEncoding(e.target.value as Encoding)}>
              {ENCODINGS.map((enc) => <option key={enc} value={enc}>{t(`import.encoding.${enc}`)}</option>)}
            </select>
          </Field>
          <p className="import-hint" id="import-encoding-hint">{t('import.upload.encodingHint')}</p>
        </div>
        <ErrorAlert error={upload.error} message={notUtf8 ? t('import.upload.notUtf8') : undefined} />
        <div className="actions">
          <button type="submit" disabled={upload.isPending}>{upload.isPending ? t('import.busy') : t('import.upload.submit')}</button>
        </div>
      </form>
    </section>
  );
}
