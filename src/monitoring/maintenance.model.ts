import { DateTime } from 'luxon';
import { mergeSpans, type Span } from './uptime.model.ts';

/**
 * Maintenance windows: when checks go on but alerts are held and the time is left out of
 * uptime. A one-off window is [startsAt, endsAt). A recurring one happens on the given weekdays
 * at a wall-clock time in its time zone, from the day of startsAt to `until` (inclusive, or
 * forever); its endsAt is not used. Each occurrence lasts `minutes` of real time, so a window
 * across a DST change is as long as on any other day.
 */
export interface Recurrence {
  /** ISO weekdays: 1 = Monday … 7 = Sunday. */
  weekdays: number[];
  /** Local start, "HH:mm". A start that does not exist that day (clocks skip it) moves forward with the clocks. */
  start: string;
  minutes: number;
  timeZone: string;
  /** Last local day an occurrence may start on, "YYYY-MM-DD", or null. */
  until: string | null;
}

export type MaintenanceScope = 'monitor' | 'asset' | 'project' | 'client';

export interface MaintenanceWindow {
  id: string;
  scopeType: MaintenanceScope;
  scopeId: string;
  startsAt: string;
  endsAt: string;
  recurrence: Recurrence | null;
}

/** What a monitor hangs off, to find the windows that cover it. */
export interface MonitorScopes {
  monitorId: string;
  assetId: string | null;
  projectId: string | null;
  clientId: string | null;
}

export function coversMonitor(window: Pick<MaintenanceWindow, 'scopeType' | 'scopeId'>, monitor: MonitorScopes): boolean {
  switch (window.scopeType) {
    case 'monitor':
      return window.scopeId === monitor.monitorId;
    case 'asset':
      return window.scopeId === monitor.assetId;
    case 'project':
      return window.scopeId === monitor.projectId;
    case 'client':
      return window.scopeId === monitor.clientId;
  }
}

/** Parses the stored recurrence JSON; null for a one-off window or a value that is not a recurrence. */
export function parseRecurrence(json: string | null): Recurrence | null {
  if (!json) return null;
  try {
    const r = JSON.parse(json) as Partial<Recurrence>;
    if (!Array.isArray(r.weekdays) || typeof r.start !== 'string' || typeof r.minutes !== 'number' || typeof r.timeZone !== 'string') return null;
    return { weekdays: r.weekdays, start: r.start, minutes: r.minutes, timeZone: r.timeZone, until: r.until ?? null };
  } catch {
    return null;
  }
}

function recurringSpans(window: MaintenanceWindow, r: Recurrence, from: number, to: number): Span[] {
  const [hour, minute] = r.start.split(':').map(Number) as [number, number];
  const lengthMs = r.minutes * 60_000;
  const first = Math.max(Date.parse(window.startsAt), from - lengthMs);
  let day = DateTime.fromMillis(first, { zone: r.timeZone }).startOf('day');
  if (!day.isValid) return [];
  const lastDay = r.until ? DateTime.fromISO(r.until, { zone: r.timeZone }).endOf('day') : null;
  const spans: Span[] = [];
  while (day.toMillis() < to && (!lastDay || day <= lastDay)) {
    if (r.weekdays.includes(day.weekday)) {
      const start = day.set({ hour, minute }).toMillis();
      const startsInRange = start >= Date.parse(window.startsAt) && (!lastDay || start <= lastDay.toMillis());
      if (startsInRange && start < to && start + lengthMs > from) spans.push({ start, end: start + lengthMs });
    }
    day = day.plus({ days: 1 });
  }
  return spans;
}

/** The times inside [from, to) when the window holds alerts (unclipped occurrences). */
export function windowSpans(window: MaintenanceWindow, from: number, to: number): Span[] {
  if (window.recurrence) return recurringSpans(window, window.recurrence, from, to);
  const start = Date.parse(window.startsAt);
  const end = Date.parse(window.endsAt);
  return start < to && end > from ? [{ start, end }] : [];
}

/** All maintenance of these windows inside [from, to), merged and clipped. */
export function maintenanceSpans(windows: readonly MaintenanceWindow[], from: number, to: number): Span[] {
  const spans = windows.flatMap((w) => windowSpans(w, from, to));
  return mergeSpans(spans.map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) })));
}

/** True when `at` falls inside one of the windows. */
export function inMaintenance(windows: readonly MaintenanceWindow[], at: Date): boolean {
  const ms = at.getTime();
  return maintenanceSpans(windows, ms, ms + 1).length > 0;
}
