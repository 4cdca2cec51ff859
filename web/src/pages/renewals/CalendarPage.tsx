import { useClients } from '../../api/clients.ts';
import { ApiError } from '../../api/client.ts';
import { useUrlFilters } from '../../api/url-filters.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { useEntries } from './calendar/api.ts';
import { monthKey, monthWeeks, parseMonth, shiftMonth, todayIso } from './calendar/month.ts';
import { MonthGrid } from './calendar/MonthGrid.tsx';
import { SubscribePanel } from './calendar/SubscribePanel.tsx';

/**
 * The renewal calendar: a month of renewal dates and renewal task due dates, filtered by client
 * or to one's own, and the secret links that put the same dates in a calendar app.
 * The month and the filters live in the address, so a month can be linked to.
 */
export function CalendarPage() {
  const { t, locale } = useI18n();
  const { filters, setFilter } = useUrlFilters(['month', 'clientId', 'mine'] as const);
  const today = todayIso();
  const month = parseMonth(filters.month, today);
  const weeks = monthWeeks(month);
  const from = weeks[0]![0]!;
  const to = weeks[weeks.length - 1]![6]!;
  const mine = filters.mine === 'true';
  const entries = useEntries(from, to, filters.clientId, mine);
  const clients = useClients();
  const title = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(month.year, month.month - 1, 1)));
  const go = (by: number) => setFilter('month', by === 0 ? '' : monthKey(shiftMonth(month, by)));
  const items = entries.data?.items ?? [];
  return (
    <section className="cal-page">
      <div className="page-head">
        <h1>{t('calendar.title')}</h1>
      </div>
      <div className="cal-toolbar">
        <div className="cal-nav" role="group" aria-label={t('calendar.month')}>
          <button type="button" className="secondary" onClick={() => go(-1)} aria-label={t('calendar.previous')}>‹</button>
          <h2 aria-live="polite">{title}</h2>
          <button type="button" className="secondary" onClick={() => go(1)} aria-label={t('calendar.next')}>›</button>
          <button type="button" className="link" onClick={() => setFilter('month', monthKey(parseMonth(undefined, today)))}>{t('calendar.today')}</button>
        </div>
        <div className="filters" role="search">
          <label>{t('calendar.client')}
            <select value={filters.clientId ?? ''} onChange={(e) => setFilter('clientId', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {clients.data?.items.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
            </select>
          </label>
          <label className="cal-check">
            <input type="checkbox" checked={mine} onChange={(e) => setFilter('mine', e.target.checked ? 'true' : '')} />
            {t('calendar.onlyMine')}
          </label>
        </div>
      </div>
      <p className="cal-legend muted">
        <span className="cal-key cal-key-renewal" aria-hidden="true" /> {t('calendar.legend.renewal')}
        <span className="cal-key cal-key-task" aria-hidden="true" /> {t('calendar.legend.task')}
      </p>
      {entries.isError && <p className="alert" role="alert">{entries.error instanceof ApiError ? entries.error.message : String(entries.error)}</p>}
      {entries.data?.truncated && <p className="alert" role="alert">{t('calendar.truncated')}</p>}
      <div aria-busy={entries.isPending}>
        <MonthGrid month={month} entries={items} today={today} caption={title} />
      </div>
      {entries.isSuccess && items.length === 0 && <p className="empty">{t('calendar.empty')}</p>}
      <SubscribePanel />
    </section>
  );
}
