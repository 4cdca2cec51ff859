import { COLUMN_LABELS, OPTIONAL_COLUMNS, type OptionalColumn } from './AssetTable.tsx';
import { useI18n } from '../i18n/i18n.tsx';

const STORED = 'upkeep.assetColumns';

/** The columns shown, remembered on this device. */
export function loadColumns(): OptionalColumn[] {
  try {
    const saved = JSON.parse(localStorage.getItem(STORED) ?? 'null') as string[] | null;
    if (Array.isArray(saved)) return OPTIONAL_COLUMNS.filter((c) => saved.includes(c));
  } catch {
    // A damaged setting is forgotten, not fatal.
  }
  return [...OPTIONAL_COLUMNS];
}

export function ColumnChooser({ columns, onChange }: { columns: OptionalColumn[]; onChange(columns: OptionalColumn[]): void }) {
  const { t } = useI18n();
  const toggle = (column: OptionalColumn, on: boolean) => {
    const next = OPTIONAL_COLUMNS.filter((c) => (c === column ? on : columns.includes(c)));
    localStorage.setItem(STORED, JSON.stringify(next));
    onChange(next);
  };
  return (
    <details className="columns">
      <summary>{t('assets.columns')}</summary>
      <fieldset>
        <legend className="visually-hidden">{t('assets.columns')}</legend>
        {OPTIONAL_COLUMNS.map((c) => (
          <label key={c} className="checkbox">
            <input type="checkbox" checked={columns.includes(c)} onChange={(e) => toggle(c, e.target.checked)} /> {t(COLUMN_LABELS[c])}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
