/**
 * Rollups of raw results per hour and per day: how many checks, how many failed, and the
 * response-time percentiles of the checks that got a response time.
 */
export interface ResponseSummary {
  checks: number;
  failures: number;
  p50: number | null;
  p95: number | null;
  max: number | null;
}

/** Nearest-rank percentile of ascending values; null when there are none. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarise(results: readonly { ok: boolean | number; responseMs: number | null }[]): ResponseSummary {
  const times: number[] = [];
  let failures = 0;
  for (const r of results) {
    if (!r.ok) failures++;
    if (r.responseMs !== null) times.push(r.responseMs);
  }
  times.sort((a, b) => a - b);
  return { checks: results.length, failures, p50: percentile(times, 50), p95: percentile(times, 95), max: times.length > 0 ? times[times.length - 1]! : null };
}

/**
 * A day from its hours, when the raw results are gone: counts add up exactly, the maximum is
 * exact, and the percentiles are the check-weighted mean of the hours' (an approximation).
 */
export function combine(parts: readonly ResponseSummary[]): ResponseSummary {
  let checks = 0;
  let failures = 0;
  let max: number | null = null;
  let weighted50 = 0;
  let weighted95 = 0;
  let weight = 0;
  for (const p of parts) {
    checks += p.checks;
    failures += p.failures;
    if (p.max !== null) max = max === null ? p.max : Math.max(max, p.max);
    if (p.p50 !== null && p.p95 !== null) {
      weighted50 += p.p50 * p.checks;
      weighted95 += p.p95 * p.checks;
      weight += p.checks;
    }
  }
  return {
    checks,
    failures,
    p50: weight > 0 ? Math.round(weighted50 / weight) : null,
    p95: weight > 0 ? Math.round(weighted95 / weight) : null,
    max,
  };
}

/** A bucket width for a chart of [from, to): whole minutes, about `points` buckets. */
export function bucketMs(from: number, to: number, points = 120): number {
  const minute = 60_000;
  return Math.max(minute, Math.ceil((to - from) / points / minute) * minute);
}
