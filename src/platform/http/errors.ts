import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isForeignKeyViolation, isUniqueViolation } from '../db/errors.ts';
import { ProblemError, type FieldError, type Problem } from './problem.ts';

/**
 * The one error handler: every failure leaves as problem+json. Known client mistakes get a
 * 4xx saying what to fix; anything else is logged with the request id and answered with a
 * 500 that leaks nothing.
 */
export function toProblem(err: FastifyError | Error, requestId: string): { problem: Problem; log: boolean } {
  if (err instanceof ProblemError) return { problem: err.toProblem(), log: false };
  if (hasZodFastifySchemaValidationErrors(err)) return { problem: validationProblem(err), log: false };
  const fe = err as FastifyError;
  const known = knownFastifyError(fe);
  if (known) return { problem: known, log: false };
  if (isUniqueViolation(err)) return { problem: problem(409, 'conflict', 'Conflict', 'A record with the same unique value exists already.'), log: false };
  if (isForeignKeyViolation(err)) return { problem: problem(409, 'conflict', 'Conflict', 'The record refers to something that does not exist, or is still referred to.'), log: false };
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { problem: problem(fe.statusCode, 'bad-request', 'Bad request', fe.message), log: false };
  }
  return {
    problem: problem(500, 'internal', 'Internal error', `Something went wrong on our side. Quote request id ${requestId} when reporting it.`),
    log: true,
  };
}

function problem(status: number, code: string, title: string, detail?: string, errors?: FieldError[]): Problem {
  return new ProblemError(status, code, title, detail, errors).toProblem();
}

function validationProblem(err: FastifyError): Problem {
  const where = (err as { validationContext?: string }).validationContext ?? 'body';
  const errors = (err.validation ?? []).flatMap((v) => {
    const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const field = path ? `${where}.${path}` : where;
    // Zod reports unknown keys on the object that holds them; name each key, as for any other field.
    const keys = v.keyword === 'unrecognized_keys' ? (v.params as { keys?: unknown }).keys : undefined;
    if (Array.isArray(keys) && keys.length > 0) return keys.map((key) => ({ field: `${field}.${String(key)}`, message: 'is not a known field' }));
    return [{ field, message: v.message ?? 'is invalid' }];
  });
  return problem(400, 'validation', 'Invalid request', `The request ${where} has invalid fields.`, errors);
}

function knownFastifyError(err: FastifyError): Problem | null {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'too-large', 'Request body too large', 'The request body is larger than this server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported-media-type', 'Unsupported media type', err.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'bad-request', 'Bad request', 'The body is empty but declared as JSON.');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'bad-request', 'Bad request', 'The Content-Length header does not match the body.');
  }
  if (err instanceof SyntaxError || (err.statusCode === 400 && /JSON/i.test(err.message))) {
    return problem(400, 'malformed-json', 'Malformed JSON', `The body is not valid JSON: ${err.message}`);
  }
  return null;
}

export function sendProblem(request: FastifyRequest, reply: FastifyReply, err: FastifyError | Error): FastifyReply {
  const { problem: body, log } = toProblem(err, request.id);
  if (log) request.log.error({ err }, 'request failed');
  return reply.code(body.status).type('application/problem+json').send(body);
}
