import { describe, expect, it } from 'vitest';
import { classify, DEFAULT_DIGEST_TYPES, goesToDigest, isRepeat, type SubjectState } from './noise.model.ts';

const open = (patch: Partial<SubjectState> = {}): SubjectState => ({
  subjectKey: 'incident:inc_1',
  state: 'open',
  groupKey: null,
  grouped: false,
  lastType: 'incident.opened',
  lastSeverity: 'high',
  notifiedAt: '2026-01-01T00:00:00.000Z',
  ...patch,
});
const ev = (type: string, severity: 'critical' | 'high' | 'medium' = 'high', groupKey: string | null = null) => ({ type, severity, groupKey });

describe('isRepeat', () => {
  it('is a repeat when the open subject gets the same type at the same or a lower severity', () => {
    expect(isRepeat(open(), ev('incident.opened'))).toBe(true);
    expect(isRepeat(open(), ev('incident.opened', 'medium'))).toBe(true);
  });

  it('is news when the severity rises, the type changes, or a person wrote an update', () => {
    expect(isRepeat(open(), ev('incident.opened', 'critical'))).toBe(false);
    expect(isRepeat(open(), ev('heartbeat.late'))).toBe(false);
    expect(isRepeat(open({ lastType: 'incident.updated' }), ev('incident.updated'))).toBe(false);
  });

  it('is news for every renewal reminder and task: each is sent once by its publisher, under the renewal’s subject', () => {
    for (const type of ['renewal.due', 'renewal.expired', 'renewal.cancel-deadline', 'renewal.task-assigned', 'renewal.task-escalated', 'renewal.auto-renew-failed']) {
      expect(isRepeat(open({ subjectKey: 'renewal:ast_1/2026-12-21', lastType: type, lastSeverity: 'high' }), ev(type, 'medium')), type).toBe(false);
    }
  });

  it('is news when the subject was resolved, never seen, or folded under a parent', () => {
    expect(isRepeat(open({ state: 'resolved' }), ev('incident.opened'))).toBe(false);
    expect(isRepeat(null, ev('incident.opened'))).toBe(false);
    expect(isRepeat(open({ grouped: true }), ev('incident.opened'))).toBe(false);
  });
});

describe('classify', () => {
  it('always lets a resolution through', () => {
    expect(classify(ev('incident.resolved'), open(), null)).toEqual({ kind: 'resolution' });
  });

  it('folds a child under a parent that was told about and is still open', () => {
    const parent = open({ subjectKey: 'incident:inc_parent' });
    expect(classify(ev('incident.opened', 'high', 'incident:inc_parent'), null, parent)).toEqual({ kind: 'grouped', parentKey: 'incident:inc_parent' });
    expect(classify(ev('incident.opened', 'high', 'incident:inc_parent'), null, { ...parent, notifiedAt: null }).kind).toBe('new');
    expect(classify(ev('incident.opened', 'high', 'incident:inc_parent'), null, { ...parent, state: 'resolved' }).kind).toBe('new');
    expect(classify(ev('incident.opened', 'high', 'incident:inc_parent'), null, null).kind).toBe('new');
  });

  it('drops repeats and passes news', () => {
    expect(classify(ev('incident.opened'), open(), null)).toEqual({ kind: 'repeat' });
    expect(classify(ev('incident.opened'), null, null)).toEqual({ kind: 'new' });
  });
});

describe('goesToDigest', () => {
  it('collects digestable types unless critical', () => {
    expect(goesToDigest(['renewal.due'], { type: 'renewal.due', severity: 'medium' })).toBe(true);
    expect(goesToDigest(['renewal.due'], { type: 'renewal.due', severity: 'critical' })).toBe(false);
    expect(goesToDigest(['renewal.due'], { type: 'domain.expiring', severity: 'low' })).toBe(false);
  });
});

describe('the default digest', () => {
  it('collects renewal reminders and renewal tasks handed out, not lapses, escalations or failed auto-renewals', () => {
    const digested = (type: string) => goesToDigest(DEFAULT_DIGEST_TYPES, { type, severity: 'low', data: { daysLeft: 30 } });
    expect(digested('renewal.due')).toBe(true);
    expect(digested('renewal.task-assigned')).toBe(true);
    expect(digested('renewal.expired')).toBe(false);
    expect(digested('renewal.task-escalated')).toBe(false);
    expect(digested('renewal.auto-renew-failed')).toBe(false);
    expect(digested('renewal.cancel-deadline')).toBe(false);
    expect(digested('incident.opened')).toBe(false);
  });

  it('does not hold back what is due today or tomorrow: a daily digest may come a day later', () => {
    const due = (daysLeft: number | undefined) => goesToDigest(['renewal.due'], { type: 'renewal.due', severity: 'medium', data: { daysLeft } });
    expect(due(2)).toBe(true);
    expect(due(1)).toBe(false);
    expect(due(0)).toBe(false);
    expect(due(undefined)).toBe(true);
    expect(goesToDigest(['renewal.task-assigned'], { type: 'renewal.task-assigned', severity: 'low', data: { dueOn: '2026-12-21' } })).toBe(true);
  });
});
