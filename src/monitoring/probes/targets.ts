import { setMaxListeners } from 'node:events';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createAddressPolicy, type AddressPolicy } from '../../platform/outbound/address-policy.ts';
import { checkingLookup } from '../../platform/outbound/connector.ts';
import { startDeadline, type Deadline } from '../../platform/outbound/deadline.ts';
import { describeError } from '../../platform/outbound/errors.ts';
import type { ProbeContext, ProbeResult } from './probe.ts';

/**
 * What the network probes (http, tcp, dns, tls) share: the private-target policy, enforced on
 * the address a name resolved to (so a name that turns private later is caught), one deadline
 * per check, and readable failure messages.
 */
const ALLOW_ALL = createAddressPolicy({ blockPrivateAddresses: false });
const BLOCK_PRIVATE = createAddressPolicy({ blockPrivateAddresses: true });
const CHECKING_LOOKUP = checkingLookup(BLOCK_PRIVATE);

export function targetPolicy(context: Pick<ProbeContext, 'blockPrivateTargets'>): AddressPolicy {
  return context.blockPrivateTargets ? BLOCK_PRIVATE : ALLOW_ALL;
}

/**
 * The `lookup` to connect with: Node skips `lookup` for IP literals, so those are checked here,
 * before dialling (throws `OutboundError` of kind `blocked`). Undefined means the system lookup.
 */
export function targetLookup(host: string, context: Pick<ProbeContext, 'blockPrivateTargets'>): LookupFunction | undefined {
  if (!context.blockPrivateTargets) return undefined;
  if (isIP(host)) BLOCK_PRIVATE.assertAllowed(host, host);
  return CHECKING_LOOKUP;
}

/** `[::1]` → `::1`, as sockets want it. */
export function unbracket(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

/**
 * The check's deadline: the monitor's timeout, combined with the worker's own signal. An abort of
 * that signal counts as the timeout when its reason is a `TimeoutError` or the time is up anyway
 * (a scheduler may enforce the timeout itself); any other abort is a cancellation, which says
 * nothing about the target.
 */
export function checkDeadline(context: Pick<ProbeContext, 'timeoutMs' | 'signal'>): Deadline {
  sharedByManyChecks(context.signal);
  const started = performance.now();
  const deadline = startDeadline(context.timeoutMs, context.signal);
  const outerMeansTimeout = (): boolean =>
    (context.signal.reason as { name?: unknown } | undefined)?.name === 'TimeoutError' ||
    performance.now() - started >= context.timeoutMs - 1;
  return {
    signal: deadline.signal,
    get timedOut() {
      return deadline.timedOut || (context.signal.aborted && outerMeansTimeout());
    },
    get cancelled() {
      return deadline.cancelled && !outerMeansTimeout();
    },
    dispose: () => deadline.dispose(),
  };
}

const widened = new WeakSet<AbortSignal>();

/**
 * A worker hands one stop signal to hundreds of checks in flight, each listening to it for its
 * duration: that is not the listener leak Node warns about at eleven listeners.
 */
export function sharedByManyChecks(signal: AbortSignal): void {
  if (widened.has(signal)) return;
  setMaxListeners(0, signal);
  widened.add(signal);
}

/** Rejects when the deadline passes, so a probe can race a call that cannot be cancelled. */
export function whenAborted(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort = (): void => {};
  const promise = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason ?? new Error('aborted'));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  promise.catch(() => {}); // the caller may have settled already
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** A failed check with the error put in words: timeout, cancellation, or what the network said. */
export function failure(err: unknown, deadline: Deadline, timeoutMs: number, responseMs: number | null): ProbeResult {
  if (deadline.cancelled) return { ok: false, message: 'check cancelled (the worker is stopping)', responseMs, inconclusive: true };
  if (deadline.timedOut) return { ok: false, message: `no answer within ${timeoutMs} ms`, responseMs };
  return { ok: false, message: describeError(err).detail, responseMs };
}

export function elapsedSince(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}
