/**
 * One deadline for a whole request — connecting, every redirect hop, headers and body — combined
 * with the caller's own signal. Tells afterwards which of the two ended the request, so a
 * timeout is reported as one and a caller's cancellation is not.
 */
export interface Deadline {
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  readonly cancelled: boolean;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`no complete response within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  // A pending request keeps its socket open; the timer alone should not keep the process alive.
  timer.unref();
  const onOuterAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });
  return {
    signal: controller.signal,
    get timedOut() {
      return timedOut && !outer?.aborted;
    },
    get cancelled() {
      return outer?.aborted ?? false;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    },
  };
}
