/**
 * Uptime from state durations: time down over time observed, both without maintenance time.
 * Samples are never counted: a monitor checked every 10 s and one checked every hour that were
 * down for the same 20 minutes have the same uptime. Pure functions over milliseconds.
 */
export interface Span {
  start: number;
  end: number;
}

export type ObservedState = 'up' | 'down';

/** A stretch of one state; an open stretch (endedAt null) lasts until now. */
export interface StateInterval {
  startedAt: string;
  endedAt: string | null;
  state: ObservedState;
}

export interface UptimeFigures {
  /** A fraction 0..1; null when nothing was observed in the window. */
  uptime: number | null;
  downSeconds: number;
  observedSeconds: number;
  /** Time inside maintenance while the monitor was observed (left out of the other two). */
  maintenanceSeconds: number;
}

/** Sorted, non-overlapping spans covering the same time as `spans`. */
export function mergeSpans(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/** Milliseconds of `span` covered by `merged` (sorted, non-overlapping). */
export function overlapMs(span: Span, merged: readonly Span[]): number {
  let total = 0;
  for (const m of merged) {
    if (m.start >= span.end) break;
    const start = Math.max(m.start, span.start);
    const end = Math.min(m.end, span.end);
    if (end > start) total += end - start;
  }
  return total;
}

/** The interval as a span clipped to [from, to); null when it lies outside. */
export function clip(interval: StateInterval, from: number, to: number): Span | null {
  const start = Math.max(Date.parse(interval.startedAt), from);
  const end = Math.min(interval.endedAt === null ? to : Date.parse(interval.endedAt), to);
  return end > start ? { start, end } : null;
}

/**
 * Uptime over [from, to). Time after `now` has not been observed yet, so the window is cut there;
 * `maintenance` must be merged (see mergeSpans).
 */
export function uptimeOver(intervals: readonly StateInterval[], maintenance: readonly Span[], from: number, to: number, now: number): UptimeFigures {
  const end = Math.min(to, now);
  let observedMs = 0;
  let downMs = 0;
  let maintenanceMs = 0;
  for (const interval of intervals) {
    const span = clip(interval, from, end);
    if (!span) continue;
    const held = overlapMs(span, maintenance);
    const counted = span.end - span.start - held;
    maintenanceMs += held;
    observedMs += counted;
    if (interval.state === 'down') downMs += counted;
  }
  return {
    uptime: observedMs > 0 ? (observedMs - downMs) / observedMs : null,
    downSeconds: Math.round(downMs / 1000),
    observedSeconds: Math.round(observedMs / 1000),
    maintenanceSeconds: Math.round(maintenanceMs / 1000),
  };
}

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

/** The UTC day (YYYY-MM-DD) of an instant. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The last `days` UTC days up to and including today's (so far), oldest first. */
export function dailyUptimes(
  intervals: readonly StateInterval[],
  maintenance: readonly Span[],
  days: number,
  now: number,
): { date: string; uptime: number | null; downSeconds: number }[] {
  const today = Math.floor(now / DAY_MS) * DAY_MS;
  const out: { date: string; uptime: number | null; downSeconds: number }[] = [];
  for (let i = days - 1; i >= 0; i--) {
    const start = today - i * DAY_MS;
    const figures = uptimeOver(intervals, maintenance, start, start + DAY_MS, now);
    out.push({ date: utcDate(start), uptime: figures.uptime, downSeconds: figures.downSeconds });
  }
  return out;
}
