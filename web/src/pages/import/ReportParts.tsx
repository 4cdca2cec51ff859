import type { MessageKey } from '../../i18n/en.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { IMPORT_FIELDS, type ImportReport } from './api.tsx';

/** The parts of an import report, shown by the dry run and again after the commit. */
type Summary = ImportReport['summary'];
const COUNTS = ['rows', 'create', 'update', 'unchanged', 'rejected', 'newClients', 'newProviders', 'newProjects'] as const satisfies readonly (keyof Summary)[];

// The API names changes by the asset's attribute; people know them by the column they come from.
const CHANGED_FIELD: Record<string, string> = { providerId: 'provider', costAmount: 'cost', renewalAmount: 'renewalPrice', ownerId: 'owner', projectIds: 'project' };

function useChangeName(): (change: string) => string {
  const { t } = useI18n();
  return (change) => {
    const field = CHANGED_FIELD[change] ?? change;
    if ((IMPORT_FIELDS as readonly string[]).includes(field)) return t(`import.field.${field}` as MessageKey);
    if (change === 'customFields' || change === 'secrets') return t(`import.change.${change}`);
    return change;
  };
}

export function ReportSummary({ summary }: { summary: Summary }) {
  const { t, number } = useI18n();
  return (
    <dl className="import-summary" aria-label={t('import.summary.label')}>
      {COUNTS.map((name) => (
        <div key={name} className={name === 'rejected' && summary.rejected > 0 ? 'import-alarm' : undefined}>
          <dt>{t(`import.summary.${name}`)}</dt>
          <dd>{number(summary[name])}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "The first 1,000 of 2,345 are listed", when the API cut a list short. */
function Cut({ shown, total }: { shown: number; total: number }) {
  const { t, number } = useI18n();
  return shown < total ? <p className="muted">{t('import.listLimit', { shown: number(shown), total: number(total) })}</p> : null;
}

/** Every rejected row with each of its problems, marked so they cannot be missed. */
export function RejectedRows({ report }: { report: ImportReport }) {
  const { t, number } = useI18n();
  return (
    <section className="import-rejected" aria-labelledby="import-rejected-heading">
      <h3 id="import-rejected-heading">
        {t('import.rejected.heading')} <span className="badge import-badge-alarm">{t('import.rejected.count', { count: number(report.summary.rejected) })}</span>
      </h3>
      <p>{t('import.rejected.intro')}</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" className="num import-line">{t('import.rejected.line')}</th>
              <th scope="col">{t('import.rejected.column')}</th>
              <th scope="col">{t('import.rejected.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {report.rejected.flatMap((row) =>
              row.errors.map((error, i) => (
                <tr key={`${row.line}-${i}`} className="import-rejected-row">
                  <td className="num import-line">{row.line}</td>
                  <td>{error.column || <span className="muted">{t('import.rejected.noColumn', { field: error.field })}</span>}</td>
                  <td>{error.message}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <Cut shown={report.rejected.length} total={report.summary.rejected} />
    </section>
  );
}

/** Clients, providers and projects the import adds: a misspelt client shows up here first. */
export function NewParties({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const lists: [MessageKey, string[], number][] = [
    ['import.newClients.heading', report.newClients, report.summary.newClients],
    ['import.newProviders.heading', report.newProviders, report.summary.newProviders],
    ['import.newProjects.heading', report.newProjects.map((p) => `${p.client} · ${p.name}`), report.summary.newProjects],
  ];
  return (
    <>
      {lists.filter(([, names]) => names.length > 0).map(([heading, names, total]) => (
        <section key={heading} className="import-parties">
          <h3>{t(heading)}</h3>
          {heading === 'import.newClients.heading' && <p className="muted">{t('import.newClients.hint')}</p>}
          <p>{names.join(', ')}</p>
          <Cut shown={names.length} total={total} />
        </section>
      ))}
    </>
  );
}

/** One list of planned changes by line, folded away unless it is short. */
function ChangeTable({ heading, total, headers, rows }: { heading: string; total: number; headers: string[]; rows: { line: number; cells: string[] }[] }) {
  const { t } = useI18n();
  return (
    <details className="import-changes" open={rows.length <= 10}>
      <summary>{heading}</summary>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col" className="num import-line">{t('import.rejected.line')}</th>
              {headers.map((h) => <th key={h} scope="col">{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line}>
                <td className="num import-line">{r.line}</td>
                {r.cells.map((cell, i) => <td key={i}>{cell}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Cut shown={rows.length} total={total} />
    </details>
  );
}

/** The rows that create or change an asset. */
export function ChangeLists({ report }: { report: ImportReport }) {
  const { t } = useI18n();
  const changeName = useChangeName();
  const { creates, updates, summary } = report;
  return (
    <>
      {creates.length > 0 && (
        <ChangeTable
          heading={t('import.creates.heading', { count: summary.create })}
          total={summary.create}
          headers={[t('assets.identifier'), t('assets.kind'), t('assets.client')]}
          rows={creates.map((c) => ({ line: c.line, cells: [c.identifier, t(`kind.${c.kind}` as MessageKey), c.client] }))}
        />
      )}
      {updates.length > 0 && (
        <ChangeTable
          heading={t('import.updates.heading', { count: summary.update })}
          total={summary.update}
          headers={[t('assets.identifier'), t('import.updates.changes')]}
          rows={updates.map((u) => ({ line: u.line, cells: [u.identifier, u.changes.map(changeName).join(', ')] }))}
        />
      )}
    </>
  );
}
