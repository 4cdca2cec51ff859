import { z } from 'zod';

/**
 * Response shapes every capability shares: problem details, pages and "no content". They make
 * the OpenAPI document, and the zod serializer checks every response against them, so a
 * response schema must be as lenient as the data: `z.object` (unknown keys are dropped, never
 * refused), `.nullable()` wherever a value can be null. A schema stricter than what its handler
 * returns turns a good answer into a 500.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const fieldError = z
  .object({
    field: z.string().describe('Where the problem is: `body.expiresOn`, `querystring.cursor`, `mapping.Expiry`, …'),
    message: z.string().describe('What is wrong, for a person to read'),
  })
  .meta({ id: 'FieldError', description: 'One invalid field of a request' });

// Loose: a problem may carry extension members (`retryAfter`, an import's `report`), which must reach the client.
export const problem = z
  .looseObject({
    type: z.string().describe('A URI naming the kind of problem, e.g. https://upkeep.dev/problems/validation'),
    title: z.string().describe('A short summary of the kind of problem'),
    status: z.number().int().describe('The HTTP status code'),
    detail: z.string().optional().describe('What went wrong this time, and how to fix it'),
    errors: z.array(fieldError).optional().describe('For invalid requests: one entry per invalid field'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details; extension members may be present' });

/** The error statuses the API answers with, and what each one means for every route that has it. */
const PROBLEM_STATUSES = {
  400: 'The request is invalid: malformed JSON, or fields that fail validation (listed in `errors`)',
  401: 'Not signed in: no session, or an API token that is not valid, has expired or was revoked',
  403: 'Signed in, but not allowed: the role or token scope does not permit this, or a session request lacks its CSRF token',
  404: 'No such thing, or not one the caller may see',
  409: 'Conflicts with the current state: a duplicate, a reference to something missing or still in use, or work already done',
  413: 'The request body is larger than this server accepts',
  415: 'The request body has a content type this route does not accept',
  422: 'Understood, but cannot be carried out as it stands',
  429: 'Too many attempts; wait and try again',
  502: 'A service Upkeep depends on (a payment gateway) did not answer or refused; nothing was changed here',
} as const;
export type ProblemStatus = keyof typeof PROBLEM_STATUSES;

/** A documented problem answer with a schema of its own (a problem with known extension members). */
export function problemResponse<T extends z.ZodType = typeof problem>(status: ProblemStatus, schema?: T, description: string = PROBLEM_STATUSES[status]) {
  return { description, content: { [PROBLEM_CONTENT_TYPE]: { schema: schema ?? problem } } as Record<typeof PROBLEM_CONTENT_TYPE, { schema: T }> };
}

type ProblemResponse = ReturnType<typeof problemResponse<typeof problem>>;

/** Problem answers for the given statuses, as entries of a route's `response`. */
export function problems<S extends ProblemStatus>(...statuses: S[]): Record<S, ProblemResponse> {
  return Object.fromEntries(statuses.map((status) => [status, problemResponse(status)])) as Record<S, ProblemResponse>;
}

/** 204: nothing in the body. */
export const noContent = z.undefined().describe('Done; nothing to send back');

/**
 * A body that is streamed, documented per content type. The serializer never sees a stream, so
 * these schemas are never checked; their types are left out so a handler may send the stream.
 */
export function streamed(description: string, content: Record<string, z.ZodType>, headers: Record<string, { type: 'string'; description: string }> = {}) {
  const media = Object.fromEntries(Object.entries(content).map(([type, schema]) => [type, { schema: schema as unknown }]));
  return { description, headers, content: media };
}

/** One page of a cursor-paginated list. */
export function page<T extends z.ZodType>(item: T, id: string, what: string, cursorParameter = 'cursor') {
  return z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().describe(`Pass it as \`${cursorParameter}\` to get the next page; null on the last page`),
    })
    .meta({ id, description: `One page of ${what}` });
}
