import { describe, expect, it } from 'vitest';
import { classify, goesToDigest, isRepeat, type SubjectState } from './noise.model.ts';

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
