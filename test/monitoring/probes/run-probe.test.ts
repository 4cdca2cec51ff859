import { afterAll, describe, expect, it } from 'vitest';
import { isProbeKind, PROBES, runProbe, type ProbeKind } from '../../../src/monitoring/probes/index.ts';
import { configOf, probeContext, testOutbound } from './context.ts';

/** The registry of probes and the one entry point the scheduler uses. */
const outbound = testOutbound();
const context = probeContext(outbound);

afterAll(() => outbound.close());

describe('runProbe', () => {
  it('has a probe for every kind except heartbeat', () => {
    expect(Object.keys(PROBES).sort()).toEqual(['dns', 'domain', 'http', 'tcp', 'tls']);
    for (const [kind, probe] of Object.entries(PROBES)) expect(probe.kind).toBe(kind);
    expect(isProbeKind('heartbeat')).toBe(false);
    expect(isProbeKind('tls')).toBe(true);
  });

  it('turns a probe that throws into a failed result', async () => {
    const broken = { ...configOf('http', { url: 'http://127.0.0.1:1/' }), headers: null as unknown as Record<string, string> };
    const result = await runProbe('http', broken, context);
    expect(result).toMatchObject({ ok: false, responseMs: null, message: expect.stringMatching(/^the http check failed unexpectedly: /) });
  });

  it('answers for a kind without a probe instead of throwing', async () => {
    const result = await runProbe('heartbeat' as ProbeKind, {} as never, context);
    expect(result).toMatchObject({ ok: false, message: 'no probe for monitors of kind "heartbeat"' });
  });
});
