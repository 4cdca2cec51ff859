import { describe, expect, it } from 'vitest';
import { coversMonitor, inMaintenance, maintenanceSpans, parseRecurrence, windowSpans, type MaintenanceWindow } from './maintenance.model.ts';

const t = (iso: string) => Date.parse(iso);
const base = { id: 'mnt_1', scopeType: 'monitor' as const, scopeId: 'mon_1' };

function weekly(start: string, minutes: number, weekdays: number[], timeZone = 'Europe/Stockholm', until: string | null = null): MaintenanceWindow {
  return { ...base, startsAt: '2026-01-01T00:00:00.000Z', endsAt: '2026-01-01T00:00:00.000Z', recurrence: { weekdays, start, minutes, timeZone, until } };
}

describe('one-off windows', () => {
  const w: MaintenanceWindow = { ...base, startsAt: '2026-03-01T10:00:00.000Z', endsAt: '2026-03-01T11:00:00.000Z', recurrence: null };
  it('hold from start to end, end excluded', () => {
    expect(inMaintenance([w], new Date('2026-03-01T10:00:00Z'))).toBe(true);
    expect(inMaintenance([w], new Date('2026-03-01T10:59:59Z'))).toBe(true);
    expect(inMaintenance([w], new Date('2026-03-01T11:00:00Z'))).toBe(false);
    expect(inMaintenance([w], new Date('2026-03-01T09:59:59Z'))).toBe(false);
  });
  it('are clipped to the window asked about', () => {
    expect(maintenanceSpans([w], t('2026-03-01T10:30:00Z'), t('2026-03-02T00:00:00Z'))).toEqual([{ start: t('2026-03-01T10:30:00Z'), end: t('2026-03-01T11:00:00Z') }]);
  });
});

describe('recurring windows', () => {
  it('happen on the given weekdays at local time', () => {
    // Sundays 03:00–04:00 in Stockholm; 2026-03-08 is a Sunday (UTC+1 in winter).
    const spans = windowSpans(weekly('03:00', 60, [7]), t('2026-03-02T00:00:00Z'), t('2026-03-16T00:00:00Z'));
    expect(spans).toEqual([
      { start: t('2026-03-08T02:00:00Z'), end: t('2026-03-08T03:00:00Z') },
      { start: t('2026-03-15T02:00:00Z'), end: t('2026-03-15T03:00:00Z') },
    ]);
  });

  it('follow the local clock across the spring DST change', () => {
    // 2026-03-29: Stockholm moves from UTC+1 to UTC+2 at 02:00 local. 01:00 local is 00:00Z before, 23:00Z the day before after.
    const spans = windowSpans(weekly('01:00', 60, [6, 7]), t('2026-03-28T00:00:00Z'), t('2026-03-30T00:00:00Z'));
    expect(spans).toEqual([
      { start: t('2026-03-28T00:00:00Z'), end: t('2026-03-28T01:00:00Z') },
      { start: t('2026-03-29T00:00:00Z'), end: t('2026-03-29T01:00:00Z') },
    ]);
    const next = windowSpans(weekly('01:00', 60, [1]), t('2026-03-29T12:00:00Z'), t('2026-03-30T12:00:00Z'));
    expect(next).toEqual([{ start: t('2026-03-29T23:00:00Z'), end: t('2026-03-30T00:00:00Z') }]);
  });

  it('moves a start the clocks skip forward, and keeps its length in real minutes', () => {
    // 02:30 does not exist in Stockholm on 2026-03-29; the window starts at 03:30 local (01:30Z).
    const [span] = windowSpans(weekly('02:30', 120, [7]), t('2026-03-29T00:00:00Z'), t('2026-03-30T00:00:00Z'));
    expect(span).toEqual({ start: t('2026-03-29T01:30:00Z'), end: t('2026-03-29T03:30:00Z') });
  });

  it('lasts its minutes across the autumn change, when 02:00–03:00 happens twice', () => {
    // 2026-10-25: Stockholm goes back from UTC+2 to UTC+1 at 03:00 local. 01:00 local is 23:00Z on the 24th.
    const [span] = windowSpans(weekly('01:00', 180, [7]), t('2026-10-24T00:00:00Z'), t('2026-10-26T00:00:00Z'));
    expect(span).toEqual({ start: t('2026-10-24T23:00:00Z'), end: t('2026-10-25T02:00:00Z') });
  });

  it('stops after its last day and does not start before startsAt', () => {
    const w = { ...weekly('03:00', 60, [1, 2, 3, 4, 5, 6, 7], 'UTC', '2026-03-03'), startsAt: '2026-03-02T00:00:00.000Z' };
    const spans = windowSpans(w, t('2026-02-25T00:00:00Z'), t('2026-03-10T00:00:00Z'));
    expect(spans.map((s) => new Date(s.start).toISOString())).toEqual(['2026-03-02T03:00:00.000Z', '2026-03-03T03:00:00.000Z']);
  });

  it('catches an occurrence that began before the window asked about', () => {
    expect(inMaintenance([weekly('23:30', 60, [7], 'UTC')], new Date('2026-03-09T00:15:00Z'))).toBe(true);
  });
});

describe('scope and parsing', () => {
  const monitor = { monitorId: 'mon_1', assetId: 'ast_1', projectId: 'prj_1', clientId: 'cli_1' };
  it('covers a monitor by itself, its asset, project or client', () => {
    expect(coversMonitor({ scopeType: 'asset', scopeId: 'ast_1' }, monitor)).toBe(true);
    expect(coversMonitor({ scopeType: 'client', scopeId: 'cli_1' }, monitor)).toBe(true);
    expect(coversMonitor({ scopeType: 'project', scopeId: 'prj_2' }, monitor)).toBe(false);
    expect(coversMonitor({ scopeType: 'monitor', scopeId: 'mon_2' }, monitor)).toBe(false);
  });
  it('reads the stored recurrence and ignores what is not one', () => {
    expect(parseRecurrence('{"weekdays":[1],"start":"02:00","minutes":30,"timeZone":"UTC"}')).toEqual({ weekdays: [1], start: '02:00', minutes: 30, timeZone: 'UTC', until: null });
    expect(parseRecurrence(null)).toBeNull();
    expect(parseRecurrence('{"weekdays":"x"}')).toBeNull();
    expect(parseRecurrence('not json')).toBeNull();
  });
});
