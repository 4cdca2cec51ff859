/** The one way the app talks to the API: JSON in and out, the session's CSRF token on writes,
 * and problem+json turned into an ApiError whose field errors forms can show next to inputs. */
import type { FieldError, Problem } from '../../../src/platform/http/problem.ts';

export type { FieldError, Problem };

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message for one field of the body (`name` for `body.name`), if the API named it. */
  fieldMessage(field: string): string | undefined {
    // Schema checks say `body.name`; some rules of the services name the field alone (`email`).
    const names = [`body.${field}`, field];
    return this.problem.errors?.find((e) => names.some((n) => e.field === n || e.field.startsWith(`${n}.`)))?.message;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export async function api<T>(method: string, path: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined && !(body instanceof Blob) && typeof body !== 'string') headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    credentials: 'same-origin',
    ...init,
    headers: { ...headers, ...(init.headers as Record<string, string> | undefined) },
    body: body === undefined ? undefined : body instanceof Blob || typeof body === 'string' ? body : JSON.stringify(body),
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(data ?? { type: 'about:blank', title: response.statusText, status: response.status });
  return data as T;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
