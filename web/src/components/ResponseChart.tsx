import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../i18n/i18n.tsx';

export interface ResponsePoint {
  at: string;
  p50: number | null;
  p95: number | null;
}

/**
 * Response times over a period as two lines, the median and the 95th percentile (uPlot: small,
 * fast with thousands of points). Gaps stay gaps: no checks is not the same as a fast answer.
 */
export function ResponseChart({ points, from, to, label }: { points: ResponsePoint[]; from: string; to: string; label: string }) {
  const { t, number, locale } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = box.current;
    if (!element || points.length === 0) return;
    const data: uPlot.AlignedData = [
      points.map((p) => Date.parse(p.at) / 1000),
      points.map((p) => p.p50),
      points.map((p) => p.p95),
    ];
    const ms = (_: uPlot, values: number[]) => values.map((v) => `${number(v)} ms`);
    const start = Date.parse(from) / 1000;
    const end = Date.parse(to) / 1000;
    // Ticks and the legend in the person's language (uPlot's own dates are English).
    const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    // Ticks show the day at midnight (or when a day or more apart), the time otherwise.
    const tickLabels = (ticks: number[]) => {
      const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : 86_400;
      return ticks.map((v) => {
        const at = new Date(v * 1000);
        const midnight = at.getHours() === 0 && at.getMinutes() === 0;
        return (step >= 86_400 || midnight ? day : hour).format(at);
      });
    };
    const full = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const plot = new uPlot(
      {
        width: Math.max(element.clientWidth, 280),
        height: 240,
        series: [
          { label: t('monitors.checkedAt'), value: (_, v) => (v === null ? '—' : full.format(new Date(v * 1000))) },
          { label: t('monitors.chart.p50'), stroke: '#2457c5', width: 2, spanGaps: false, value: (_, v) => (v === null ? '—' : `${number(v)} ms`) },
          { label: t('monitors.chart.p95'), stroke: '#b54708', width: 1.5, dash: [6, 4], spanGaps: false, value: (_, v) => (v === null ? '—' : `${number(v)} ms`) },
        ],
        axes: [{ values: (_, ticks) => tickLabels(ticks), space: 80 }, { values: ms, size: 70 }],
        scales: {
          // The whole period, however few checks fall in it.
          x: { time: true, range: () => [start, end] }, y: { range: (_, min, max) => [0, Math.max(max ?? 0, 10) * 1.1 || 10] } },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      element,
    );
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 280), height: 240 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [points, from, to, t, number, locale]);
  if (points.length === 0) return <p className="empty">{t('monitors.chart.empty')}</p>;
  const known = points.filter((p) => p.p50 !== null);
  const median = known.length ? Math.round(known.reduce((sum, p) => sum + (p.p50 ?? 0), 0) / known.length) : null;
  return (
    <div className="response-chart" ref={box} role="img"
      aria-label={median === null ? label : `${label}: ${t('monitors.chart.summary', { ms: median })}`} />
  );
}
