import { describe, expect, it } from 'vitest';
import { heartbeatStatus, sizeDrop, type Ping } from './heartbeat.model.ts';

const config = { periodSeconds: 3600, graceSeconds: 300 };
const since = '2026-03-01T00:00:00.000Z';
const ping = (kind: Ping['kind'], receivedAt: string, extra: Partial<Ping> = {}): Ping => ({ kind, exitCode: null, sizeBytes: null, receivedAt, ...extra });

describe('heartbeatStatus', () => {
  it('is up while the next success is not due yet', () => {
    const s = heartbeatStatus(config, [ping('success', '2026-03-01T10:00:00.000Z')], since, new Date('2026-03-01T11:04:59Z'));
    expect(s).toMatchObject({ ok: true, late: false, expectedBy: '2026-03-01T11:05:00.000Z' });
  });

  it('is late (down) past period plus grace', () => {
    const s = heartbeatStatus(config, [ping('success', '2026-03-01T10:00:00.000Z')], since, new Date('2026-03-01T11:05:01Z'));
    expect(s).toMatchObject({ ok: false, late: true, message: 'No ping since 2026-03-01T10:00:00.000Z' });
  });

  it('counts from when watching began for a job that never pinged', () => {
    expect(heartbeatStatus(config, [], since, new Date('2026-03-01T01:04:00Z')).ok).toBe(true);
    expect(heartbeatStatus(config, [], since, new Date('2026-03-01T01:06:00Z'))).toMatchObject({ ok: false, late: true, message: 'No ping received yet' });
  });

  it('is late when a run started and did not finish within the grace', () => {
    const pings = [ping('start', '2026-03-01T10:00:00.000Z'), ping('success', '2026-03-01T09:30:00.000Z')];
    expect(heartbeatStatus(config, pings, since, new Date('2026-03-01T10:04:00Z')).ok).toBe(true);
    expect(heartbeatStatus(config, pings, since, new Date('2026-03-01T10:06:00Z'))).toMatchObject({ ok: false, late: true });
  });

  it('is down after a fail ping or a non-zero exit code, and up after the next success', () => {
    const now = new Date('2026-03-01T10:01:00Z');
    expect(heartbeatStatus(config, [ping('fail', '2026-03-01T10:00:00.000Z')], since, now)).toMatchObject({ ok: false, late: false, message: 'Job reported a failure' });
    expect(heartbeatStatus(config, [ping('success', '2026-03-01T10:00:00.000Z', { exitCode: 3 })], since, now)).toMatchObject({ ok: false, message: 'Job failed with exit code 3' });
    const recovered = [ping('success', '2026-03-01T10:00:30.000Z'), ping('fail', '2026-03-01T10:00:00.000Z')];
    expect(heartbeatStatus(config, recovered, since, now).ok).toBe(true);
  });

  it('warns, still up, when a backup shrank by more than half', () => {
    const sizes = [400, 1000, 1100, 900, 1000];
    const pings = sizes.map((size, i) => ping('success', new Date(Date.UTC(2026, 2, 1, 10 - i)).toISOString(), { sizeBytes: size }));
    const s = heartbeatStatus(config, pings, since, new Date('2026-03-01T10:01:00Z'));
    expect(s).toMatchObject({ ok: true, warning: true, message: 'Reported size dropped 60% (400 bytes against a median of 1000)' });
  });
});

describe('sizeDrop', () => {
  it('needs some history and a real drop', () => {
    expect(sizeDrop([100, 1000])).toBeNull();
    expect(sizeDrop([500, 1000, 1000])).toBeNull();
    expect(sizeDrop([499, 1000, 1000])).not.toBeNull();
    expect(sizeDrop([null, 1000, 1000, 1000])).toBeNull();
  });
});
