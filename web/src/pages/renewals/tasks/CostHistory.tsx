import { useI18n } from '../../../i18n/i18n.tsx';
import type { AssetCost } from './api.ts';

/** What was paid for the asset lately, newest first. */
export function CostHistory({ costs }: { costs: AssetCost[] }) {
  const { t, date, money } = useI18n();
  return (
    <section className="task-section" aria-labelledby="task-costs">
      <h2 id="task-costs">{t('tasks.costs')}</h2>
      {costs.length === 0 ? (
        <p className="muted">{t('tasks.noCosts')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('tasks.paidOn')}</th>
                <th scope="col">{t('tasks.amount')}</th>
                <th scope="col">{t('tasks.period')}</th>
              </tr>
            </thead>
            <tbody>
              {costs.map((c) => (
                <tr key={c.id}>
                  <td>{date(c.paidOn)}</td>
                  <td>{money(c.amount, c.currency)}</td>
                  <td>{c.renewedUntil ? t('tasks.periodRange', { from: date(c.renewalOn ?? c.paidOn), until: date(c.renewedUntil) }) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
