import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { CalendarEntry } from './api.ts';
import { monthWeeks, type Month } from './month.ts';

/** Entries shown in a day before the rest folds behind "n more", so one busy day does not stretch the month. */
const SHOWN_PER_DAY = 3;

/** The month as a table of weeks, each day with its renewals and task due dates. */
export function MonthGrid({ month, entries, today, caption }: { month: Month; entries: readonly CalendarEntry[]; today: string; caption: string }) {
  const { locale } = useI18n();
  const weeks = monthWeeks(month);
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of entries) byDay.set(e.date, [...(byDay.get(e.date) ?? []), e]);
  const weekday = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  const monthOf = (day: string) => Number(day.slice(5, 7));
  return (
    <div className="cal-wrap">
      <table className="cal-month">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {weeks[0]!.map((day) => (
              <th key={day} scope="col">{weekday.format(new Date(`${day}T00:00:00Z`))}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <Day key={day} day={day} entries={byDay.get(day) ?? []} outside={monthOf(day) !== month.month} today={day === today} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Day({ day, entries, outside, today }: { day: string; entries: CalendarEntry[]; outside: boolean; today: boolean }) {
  const { t, date } = useI18n();
  const [open, setOpen] = useState(false);
  const shown = open ? entries : entries.slice(0, SHOWN_PER_DAY);
  const classes = ['cal-day', outside ? 'cal-outside' : '', today ? 'cal-today' : '', entries.length === 0 ? 'cal-empty' : ''].filter(Boolean).join(' ');
  return (
    <td className={classes} data-date={day} aria-current={today ? 'date' : undefined}>
      <span className="cal-date" aria-hidden="true">{Number(day.slice(8, 10))}</span>
      <span className="visually-hidden">{date(day)}</span>
      {entries.length > 0 && (
        <ul className="cal-entries">
          {shown.map((e) => <Entry key={e.uid} entry={e} />)}
        </ul>
      )}
      {entries.length > SHOWN_PER_DAY && (
        <button type="button" className="link cal-more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('calendar.fewer') : t('calendar.more', { count: entries.length - SHOWN_PER_DAY })}
        </button>
      )}
    </td>
  );
}

function Entry({ entry: e }: { entry: CalendarEntry }) {
  const { t, money } = useI18n();
  if (e.kind === 'task' && e.task) {
    return (
      <li className="cal-entry cal-task">
        <Link to={`/renewals/tasks/${e.task.id}`}>{t('calendar.taskDue', { name: e.asset.name })}</Link>
        <span className="cal-meta">{e.client.name} · {t(`calendar.state.${e.task.state}` as 'calendar.state.open')}</span>
      </li>
    );
  }
  return (
    <li className="cal-entry cal-renewal">
      <Link to={`/assets/${e.asset.id}`}>{e.asset.name}</Link>
      <span className="cal-meta">
        {e.client.name}
        {e.price && <> · {money(e.price.amount, e.price.currency)}</>}
        {e.autoRenew && <> · {t('calendar.autoRenew')}</>}
      </span>
    </li>
  );
}
