import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Asset } from '../api/types.ts';
import type { MessageKey } from '../i18n/en.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** The columns a person may show or hide; the name always shows. */
export const OPTIONAL_COLUMNS = ['client', 'kind', 'status', 'expiresOn', 'daysLeft', 'yearlyCost'] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];

/** Columns the API can sort by, with the sort key it takes. */
const SORTABLE: Partial<Record<OptionalColumn | 'name', string>> = { name: 'name', expiresOn: 'expiresOn', daysLeft: 'expiresOn', yearlyCost: 'yearlyCost' };

export const COLUMN_LABELS: Record<OptionalColumn | 'name', MessageKey> = {
  name: 'assets.name',
  client: 'assets.client',
  kind: 'assets.kind',
  status: 'assets.status',
  expiresOn: 'assets.expiresOn',
  daysLeft: 'assets.daysLeft',
  yearlyCost: 'assets.yearlyCost',
};

interface Props {
  rows: Asset[];
  /** Ids of the rows ticked for a bulk action; no checkboxes when undefined. */
  selected?: Set<string> | undefined;
  onSelect?(ids: Set<string>): void;
  columns: OptionalColumn[];
  clientName: Map<string, string>;
  sort: string;
  onSort(sort: string): void;
}

function SortHeader({ column, sort, onSort }: { column: OptionalColumn | 'name'; sort: string; onSort(sort: string): void }) {
  const { t } = useI18n();
  const key = SORTABLE[column];
  const numeric = column === 'daysLeft' || column === 'yearlyCost';
  if (!key) return <th scope="col">{t(COLUMN_LABELS[column])}</th>;
  const current = sort.replace(/^-/, '') === key ? (sort.startsWith('-') ? 'descending' : 'ascending') : 'none';
  const next = current === 'ascending' ? `-${key}` : key;
  return (
    <th scope="col" aria-sort={current} className={numeric ? 'num' : undefined}>
      <button type="button" className="sort" onClick={() => onSort(next)}>
        {t(COLUMN_LABELS[column])}
        <span aria-hidden="true">{current === 'ascending' ? ' ▲' : current === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>
  );
}

export function AssetTable({ rows, columns, clientName, sort, onSort, selected, onSelect }: Props) {
  const { t, date, money, number } = useI18n();
  const shown = new Set(columns);
  const cells: Record<OptionalColumn, (a: Asset) => ReactNode> = {
    client: (a) => clientName.get(a.clientId) ?? '',
    kind: (a) => t(`kind.${a.kind}`),
    status: (a) => <span className={`badge badge-${a.status}`}>{t(`status.${a.status}`)}</span>,
    expiresOn: (a) => date(a.expiresOn),
    daysLeft: (a) => (a.daysUntilRenewal === null ? '—' : number(a.daysUntilRenewal)),
    yearlyCost: (a) => (a.yearlyCost.amount ? money(a.yearlyCost.amount, a.yearlyCost.currency) : '—'),
  };
  const visible = OPTIONAL_COLUMNS.filter((c) => shown.has(c));
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelect?.(next);
  };
  const allTicked = rows.length > 0 && rows.every((r) => selected?.has(r.id));
  return (
    <table>
      <thead>
        <tr>
          {selected && (
            <th scope="col" className="tick">
              <input type="checkbox" aria-label={t('bulk.selectAll')} checked={allTicked} onChange={(e) => onSelect?.(e.target.checked ? new Set(rows.map((r) => r.id)) : new Set())} />
            </th>
          )}
          <SortHeader column="name" sort={sort} onSort={onSort} />
          {visible.map((c) => <SortHeader key={c} column={c} sort={sort} onSort={onSort} />)}
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => (
          <tr key={a.id} className={selected?.has(a.id) ? 'ticked' : undefined}>
            {selected && (
              <td className="tick">
                <input type="checkbox" aria-label={t('bulk.select', { name: a.name })} checked={selected.has(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} />
              </td>
            )}
            <td>
              <Link className="strong" to={`/assets/${a.id}`}>{a.name}</Link>
              {a.name !== a.identifier && <span className="muted block">{a.identifier}</span>}
            </td>
            {visible.map((c) => <td key={c} className={c === 'daysLeft' || c === 'yearlyCost' ? 'num' : undefined}>{cells[c](a)}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
