import { useI18n } from '../../i18n/i18n.tsx';
import { fieldKey, IMPORT_FIELDS, type ColumnMapping, type ImportUpload } from './api.tsx';

/** One row per column of the file: its name, two of its values, and what it becomes. */
export function MappingTable({ upload, mapping, onChange, errorAt }: {
  upload: ImportUpload;
  mapping: ColumnMapping;
  onChange: (header: string, field: string) => void;
  errorAt: (field: string) => string | undefined;
}) {
  const { t } = useI18n();
  return (
    <div className="table-wrap">
      <table className="import-mapping">
        <thead>
          <tr>
            <th scope="col">{t('import.map.column')}</th>
            <th scope="col">{t('import.map.examples')}</th>
            <th scope="col">{t('import.map.target')}</th>
          </tr>
        </thead>
        <tbody>
          {upload.headers.map((header, index) => (
            <MappingRow
              key={index}
              id={`import-map-${index}`}
              header={header}
              fallbackKey={fieldKey(header) || `column_${index + 1}`}
              samples={upload.sample.slice(0, 2).map((row) => row[header] ?? '')}
              field={mapping[header] ?? 'ignore'}
              onChange={(field) => onChange(header, field)}
              error={errorAt(`mapping.${header}`)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  id: string;
  header: string;
  /** The key a custom field or secret gets when the suggestion gave none. */
  fallbackKey: string;
  samples: string[];
  field: string;
  onChange: (field: string) => void;
  error: string | undefined;
}

function MappingRow({ id, header, fallbackKey, samples, field, onChange, error }: RowProps) {
  const { t } = useI18n();
  // A suggested key is kept (DomainMOD's ten DNS columns all go to `nameservers`).
  const key = /^(?:custom|secret):(.+)$/.exec(field)?.[1] ?? fallbackKey;
  const secret = field.startsWith('secret:');
  return (
    <tr className={field === 'ignore' ? 'import-ignored' : undefined}>
      <th scope="row">{header.trim() ? header : <span className="muted">{t('import.map.blankHeader')}</span>}</th>
      <td data-label={t('import.map.examples')}>
        {secret ? (
          <span className="import-sample">{t('import.map.hidden')}</span>
        ) : (
          samples.map((value, i) => (
            <span key={i} className="import-sample" title={value}>{value.trim() || t('import.map.emptyCell')}</span>
          ))
        )}
      </td>
      <td className={error ? 'field has-error' : undefined}>
        <label className="visually-hidden" htmlFor={id}>{t('import.map.targetFor', { header })}</label>
        <select
          id={id}
          value={field}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
        >
          <option value="ignore">{t('import.field.ignore')}</option>
          <optgroup label={t('import.map.standard')}>
            {IMPORT_FIELDS.map((f) => <option key={f} value={f}>{t(`import.field.${f}`)}</option>)}
          </optgroup>
          <optgroup label={t('import.map.keep')}>
            <option value={`custom:${key}`}>{t('import.map.custom', { key })}</option>
            <option value={`secret:${key}`}>{t('import.map.secret', { key })}</option>
          </optgroup>
        </select>
        {error && <p className="field-error" id={`${id}-error`} role="alert">{error}</p>}
      </td>
    </tr>
  );
}
