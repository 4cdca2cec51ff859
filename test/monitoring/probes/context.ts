import { MONITOR_CONFIGS, type MonitorConfigs } from '../../../src/monitoring/probes/configs.ts';
import type { ProbeContext } from '../../../src/monitoring/probes/probe.ts';
import { createOutbound, type Outbound } from '../../../src/platform/outbound/client.ts';

/** A probe context as the scheduler builds one, for checks against peers on loopback. */
export function probeContext(outbound: Outbound, overrides: Partial<ProbeContext> = {}): ProbeContext {
  return {
    signal: new AbortController().signal,
    timeoutMs: 3_000,
    now: () => new Date(),
    blockPrivateTargets: false,
    outbound,
    ...overrides,
  };
}

export function testOutbound(): Outbound {
  return createOutbound({ timeoutMs: 5_000, blockPrivateAddresses: false, userAgent: 'upkeep-test/1' });
}

/** A config as the API would store it: parsed by the kind's schema, defaults filled in. */
export function configOf<K extends keyof MonitorConfigs>(kind: K, input: Record<string, unknown>): MonitorConfigs[K] {
  return MONITOR_CONFIGS[kind].parse(input) as MonitorConfigs[K];
}
