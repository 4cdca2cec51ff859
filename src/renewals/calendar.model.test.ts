import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { feedEntries, feedEtag, feedPieces, feedWindow, FEED_MAX_EVENTS, matchesEtag, renderFeed, type RenewalFact, type TaskFact } from './calendar.model.ts';

const APP = 'https://upkeep.example';
const window = feedWindow('2026-06-15');

const renewal = (over: Partial<RenewalFact> = {}): RenewalFact => ({
  assetId: 'ast_1',
  assetName: 'example.com',
  identifier: 'example.com',
  kind: 'domain',
  clientId: 'cli_a',
  clientName: 'Acme',
  expiresOn: '2026-07-01',
  autoRenew: false,
  price: { amount: 1299, currency: 'EUR' },
  updatedAt: '2026-05-01T10:00:00.000Z',
  ...over,
});

const task = (over: Partial<TaskFact> = {}): TaskFact => ({
  taskId: 'tsk_1',
  assetId: 'ast_1',
  assetName: 'example.com',
  clientId: 'cli_a',
  clientName: 'Acme',
  renewalOn: '2026-07-01',
  dueOn: '2026-06-17',
  state: 'in_progress',
  assigneeId: 'usr_1',
  updatedAt: '2026-05-02T10:00:00.000Z',
  ...over,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  return {
    calendar,
    events: calendar.getAllSubcomponents('vevent').map((v) => {
      const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
      return { uid: String(v.getFirstPropertyValue('uid')), start: start.toString(), isDate: start.isDate, summary: String(v.getFirstPropertyValue('summary')), description: String(v.getFirstPropertyValue('description')) };
    }),
  };
}

describe('feed window', () => {
  it('reaches 90 days back and two years ahead, across a leap day', () => {
    expect(feedWindow('2026-06-15')).toEqual({ from: '2026-03-17', to: '2028-06-14' });
    expect(feedWindow('2028-03-01').from).toBe('2027-12-02');
  });
});

describe('feed entries', () => {
  it('gives a user the renewal with the client named and the task due date', () => {
    const entries = feedEntries('user', { renewals: [renewal()], tasks: [task()] }, window, APP);
    expect(entries.map((e) => [e.uid, e.date, e.summary])).toEqual([
      ['task-tsk_1@upkeep', '2026-06-17', 'Task due: renew example.com (Acme)'],
      ['renewal-ast_1@upkeep', '2026-07-01', 'Renewal: example.com (Acme)'],
    ]);
    expect(entries[1]!.description).toContain('Price: €12.99');
    expect(entries[1]!.description).toContain('Auto-renew: no');
    expect(entries[1]!.description).toContain(`${APP}/assets/ast_1`);
    expect(entries[0]!.description).toContain('State: in progress');
    expect(entries[0]!.description).toContain(`${APP}/renewals/tasks/tsk_1`);
  });

  it('gives a client renewal dates only, never the agency’s tasks', () => {
    const entries = feedEntries('client', { renewals: [renewal({ autoRenew: true, price: null })], tasks: [task()] }, window, APP);
    expect(entries.map((e) => e.uid)).toEqual(['renewal-ast_1@upkeep']);
    expect(entries[0]!.summary).toBe('Renewal: example.com');
    expect(entries[0]!.description).toContain('Price: not recorded');
    expect(entries[0]!.description).toContain('Auto-renew: yes');
  });

  it('keeps the UID when the renewal moves to another date', () => {
    const before = feedEntries('user', { renewals: [renewal()], tasks: [] }, window, APP);
    const after = feedEntries('user', { renewals: [renewal({ expiresOn: '2027-07-01' })], tasks: [] }, window, APP);
    expect(after[0]!.uid).toBe(before[0]!.uid);
    expect(after[0]!.date).toBe('2027-07-01');
  });

  it('leaves out dates outside the window, with both edges kept', () => {
    const renewals = ['2026-03-16', '2026-03-17', '2028-06-14', '2028-06-15'].map((d, i) => renewal({ assetId: `ast_${i}`, expiresOn: d }));
    expect(feedEntries('client', { renewals, tasks: [] }, window, APP).map((e) => e.date)).toEqual(['2026-03-17', '2028-06-14']);
  });

  it(`stops at ${FEED_MAX_EVENTS} events, the earliest first`, () => {
    const renewals = Array.from({ length: FEED_MAX_EVENTS + 10 }, (_, i) => renewal({ assetId: `ast_${String(i).padStart(5, '0')}`, expiresOn: i < 10 ? '2026-12-01' : '2026-07-01' }));
    const entries = feedEntries('client', { renewals, tasks: [] }, window, APP);
    expect(entries).toHaveLength(FEED_MAX_EVENTS);
    expect(entries.every((e) => e.date === '2026-07-01')).toBe(true);
  });
});

describe('the iCalendar text', () => {
  const entries = feedEntries('user', { renewals: [renewal({ assetName: 'shop; main, old' })], tasks: [task()] }, window, APP);
  const text = renderFeed(entries, { name: 'Agency renewals – Alex', timeZone: 'Europe/Stockholm' });

  it('has all-day DATE events with stable UIDs, escaped text and the calendar name and zone', () => {
    const { calendar, events } = parse(text);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Agency renewals – Alex');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Stockholm');
    expect(events).toEqual([
      expect.objectContaining({ uid: 'task-tsk_1@upkeep', start: '2026-06-17', isDate: true }),
      expect.objectContaining({ uid: 'renewal-ast_1@upkeep', start: '2026-07-01', isDate: true, summary: 'Renewal: shop; main, old (Acme)' }),
    ]);
    expect(text).toContain('DTEND;VALUE=DATE:20260702');
    expect(text).toContain('DTSTAMP:20260501T100000Z');
  });

  it('has an ETag that changes with the facts and only with them', () => {
    const meta = { name: 'Agency renewals – Alex', timeZone: 'Europe/Stockholm' };
    const again = feedEntries('user', { renewals: [renewal({ assetName: 'shop; main, old' })], tasks: [task()] }, window, APP);
    expect(renderFeed(again, meta)).toBe(text);
    expect(feedEtag(again, meta)).toBe(feedEtag(entries, meta));
    const moved = feedEntries('user', { renewals: [renewal({ assetName: 'shop; main, old', expiresOn: '2026-08-01' })], tasks: [task()] }, window, APP);
    expect(feedEtag(moved, meta)).not.toBe(feedEtag(entries, meta));
    expect(feedEtag(entries, { ...meta, name: 'Renamed' })).not.toBe(feedEtag(entries, meta));
    expect(feedEtag(entries, meta)).toMatch(/^"[\w-]{32}"$/);
  });
});

describe('a large feed', () => {
  it('is written in pieces that join into one calendar holding every event once', () => {
    const renewals = Array.from({ length: 600 }, (_, i) => renewal({ assetId: `ast_${String(i).padStart(4, '0')}`, assetName: `site-${i}.example` }));
    const entries = feedEntries('client', { renewals, tasks: [] }, window, APP);
    const pieces = [...feedPieces(entries, { name: 'Big', timeZone: 'UTC' })];
    expect(pieces.length).toBe(5);
    const text = pieces.join('');
    expect(text.match(/BEGIN:VCALENDAR/g)).toHaveLength(1);
    expect(text.endsWith('END:VCALENDAR')).toBe(true);
    expect(text.indexOf('X-WR-TIMEZONE')).toBeLessThan(text.indexOf('BEGIN:VEVENT'));
    const { events } = parse(text);
    expect(new Set(events.map((e) => e.uid)).size).toBe(600);
    expect(events.at(-1)!.uid).toBe('renewal-ast_0599@upkeep');
  });
});

describe('If-None-Match', () => {
  const etag = '"abc"';
  it('matches the tag, its weak form, a list or *', () => {
    expect(matchesEtag('"abc"', etag)).toBe(true);
    expect(matchesEtag('W/"abc"', etag)).toBe(true);
    expect(matchesEtag('"x", "abc"', etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
    expect(matchesEtag('"abd"', etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });
});
