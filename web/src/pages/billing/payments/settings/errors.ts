import type { ApiError } from '../../../../api/client.ts';

/**
 * The API's message for exactly one field (`retryDays.2` is `body.retryDays.2` in the problem), so
 * a retry's error never shows on its neighbours; `within` also takes the fields under it.
 */
export function fieldError(err: ApiError | null, field: string, within = false): string | undefined {
  const names = [`body.${field}`, field];
  return err?.problem.errors?.find((e) => names.some((n) => e.field === n || (within && e.field.startsWith(`${n}.`))))?.message;
}

/** What no field of the form shows: the detail of a problem without field errors, or errors of fields the form lacks. */
export function generalError(err: ApiError | null, shown: RegExp): string | null {
  if (!err) return null;
  const errors = err.problem.errors ?? [];
  if (errors.length === 0) return err.problem.detail ?? err.message;
  const rest = errors.filter((e) => !shown.test(e.field.replace(/^body\./, '')));
  return rest.length ? rest.map((e) => `${e.field.replace(/^body\./, '')}: ${e.message}`).join(' · ') : null;
}
