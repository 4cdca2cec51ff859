import { useI18n } from '../../../i18n/i18n.tsx';
import type { SiteUptime } from './api.ts';
import { usePercent } from './format.ts';

const WIDTH = 960;
const HEIGHT = 180;
const LEFT = 64;
const BOTTOM = 22;
const TOP = 10;

/**
 * The lowest percentage the chart shows: a point below both the guarantee and the worst day, so a
 * 99.7 % day stands out next to 100 % ones instead of every bar filling a 0–100 scale.
 */
export function chartFloor(values: readonly number[], guarantee: number | null): number {
  const lowest = Math.min(100, guarantee ?? 100, ...values);
  return Math.max(0, Math.floor(lowest) - 1);
}

/** Day numbers worth labelling on the axis: the first, every fifth, the last. */
const labelled = (day: number, days: number) => day === 1 || day === days || (day % 5 === 0 && days - day >= 2);

/** Words for a screen reader: the worst day, and how many days fell below the guarantee. */
function useChartLabel(site: SiteUptime, guarantee: number | null, monthName: string): string {
  const { t, date } = useI18n();
  const percent = usePercent();
  const measured = site.daily.filter((d): d is { date: string; uptimePercent: number } => d.uptimePercent !== null);
  if (measured.length === 0) return t('desk.report.chart.none', { site: site.name, month: monthName });
  const worst = measured.reduce((low, d) => (d.uptimePercent < low.uptimePercent ? d : low));
  const parts = [t('desk.report.chart.summary', { site: site.name, month: monthName, lowest: percent(worst.uptimePercent), date: date(worst.date) })];
  if (guarantee !== null) {
    const below = measured.filter((d) => d.uptimePercent < guarantee).length;
    parts.push(t('desk.report.chart.below', { count: below, days: site.daily.length, guarantee: percent(guarantee) }));
  }
  return parts.join(' ');
}

interface Scale {
  /** Top of a bar at this percentage. */
  y(value: number): number;
  /** The baseline: where bars start. */
  base: number;
  bar: number;
  slot: number;
}

/** One day: a bar up to its uptime (alarm colour under the guarantee), a pale full-height slot when not monitored. */
function DayBar({ day, index, count, guarantee, scale }: { day: SiteUptime['daily'][number]; index: number; count: number; guarantee: number | null; scale: Scale }) {
  const { t, date } = useI18n();
  const percent = usePercent();
  const x = LEFT + index * scale.slot + (scale.slot - scale.bar) / 2;
  const number = index + 1;
  const tick = labelled(number, count) && <text className="desk-chart-tick" x={x + scale.bar / 2} y={HEIGHT - 6} textAnchor="middle">{number}</text>;
  if (day.uptimePercent === null) {
    return (
      <g>
        <rect className="desk-chart-none" x={x} y={scale.y(100)} width={scale.bar} height={scale.base - scale.y(100)}><title>{t('desk.report.chart.dayNone', { date: date(day.date) })}</title></rect>
        {tick}
      </g>
    );
  }
  const low = guarantee !== null && day.uptimePercent < guarantee;
  // A day at the floor still shows a sliver, so it does not read as "not monitored".
  const top = Math.min(scale.y(day.uptimePercent), scale.base - 1.5);
  return (
    <g>
      <rect className={`desk-chart-bar${low ? ' desk-chart-low' : ''}`} data-date={day.date} x={x} y={top} width={scale.bar} height={scale.base - top}>
        <title>{t('desk.report.chart.day', { date: date(day.date), percent: percent(day.uptimePercent) })}</title>
      </rect>
      {tick}
    </g>
  );
}

/** A bar per day of the month, days under the guarantee in the alarm colour, the guarantee as a dashed line. */
export function UptimeChart({ site, guarantee, monthName }: { site: SiteUptime; guarantee: number | null; monthName: string }) {
  const percent = usePercent();
  const label = useChartLabel(site, guarantee, monthName);
  const floor = chartFloor(site.daily.flatMap((d) => (d.uptimePercent === null ? [] : [d.uptimePercent])), guarantee);
  const y = (value: number) => TOP + (HEIGHT - TOP - BOTTOM) * (1 - (value - floor) / (100 - floor));
  const slot = (WIDTH - LEFT) / Math.max(1, site.daily.length);
  const scale: Scale = { y, base: y(floor), slot, bar: Math.max(2, slot * 0.72) };
  // An axis label too close to the guarantee's would print over it: the guarantee's wins.
  const clear = (value: number) => guarantee === null || Math.abs(y(value) - y(guarantee)) > 14;
  return (
    <svg className="desk-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label}>
      <line className="desk-chart-axis" x1={LEFT} x2={WIDTH} y1={scale.base} y2={scale.base} />
      {clear(100) && <text className="desk-chart-tick" x={LEFT - 8} y={y(100) + 4} textAnchor="end">{percent(100)}</text>}
      {clear(floor) && <text className="desk-chart-tick" x={LEFT - 8} y={scale.base} textAnchor="end">{percent(floor)}</text>}
      {site.daily.map((d, i) => <DayBar key={d.date} day={d} index={i} count={site.daily.length} guarantee={guarantee} scale={scale} />)}
      {guarantee !== null && (
        <g className="desk-chart-guarantee">
          <line x1={LEFT} x2={WIDTH} y1={y(guarantee)} y2={y(guarantee)} />
          <text className="desk-chart-tick" x={LEFT - 8} y={y(guarantee) + 4} textAnchor="end">{percent(guarantee)}</text>
        </g>
      )}
    </svg>
  );
}
