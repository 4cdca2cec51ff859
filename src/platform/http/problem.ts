/**
 * RFC 9457 problem details. Every error a client sees has this shape; validation problems
 * carry `errors`, one per field, with the path (`body.expiresOn`) and a message a person understands.
 */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

const TYPE_BASE = 'https://upkeep.dev/problems/';

export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }

  toProblem(): Problem {
    return {
      type: TYPE_BASE + this.code,
      title: this.title,
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...this.extensions,
    };
  }
}

export const invalid = (errors: FieldError[], detail = 'The request has invalid fields.') =>
  new ProblemError(400, 'validation', 'Invalid request', detail, errors);

export const badRequest = (detail: string) => new ProblemError(400, 'bad-request', 'Bad request', detail);

export const notFound = (entity: string, id?: string) =>
  new ProblemError(404, 'not-found', 'Not found', id ? `No ${entity} with id ${id}.` : `No such ${entity}.`);

export const conflict = (detail: string, errors?: FieldError[]) =>
  new ProblemError(409, 'conflict', 'Conflict', detail, errors);

export const unauthenticated = (detail = 'Sign in or send a valid API token.') =>
  new ProblemError(401, 'unauthenticated', 'Not signed in', detail);

export const forbidden = (detail = 'Your role does not allow this.') =>
  new ProblemError(403, 'forbidden', 'Not allowed', detail);

/** A service Upkeep relies on (a payment gateway) failed; the request changed nothing here and can be tried again. */
export const upstreamFailed = (detail: string) => new ProblemError(502, 'upstream-failed', 'Upstream service failed', detail);
