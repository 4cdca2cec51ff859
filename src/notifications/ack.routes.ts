import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { clientScope } from '../accounts/authorization.ts';
import type { Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { notFound } from '../platform/http/problem.ts';
import { problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import type { Locale } from '../accounts/model.ts';
import { verifyAckToken } from './ack-links.ts';
import { ackHtml, ackLocale, ackWords, escapeHtml, subjectTitle } from './ack-page.ts';
import { acknowledgeFromLink, acknowledgeKnownSubject, acknowledgementOf } from './acknowledgements.service.ts';
import * as schemas from './policies.schemas.ts';

const tags = ['acknowledgements'];
const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

/**
 * Acknowledging a problem: through the API and the UI, and through the link in a message. The
 * link's GET only shows a page with a button; the POST from that page acknowledges. Mail
 * scanners and chat previews fetch links, and must not stop an escalation by doing so.
 */
export function ackRoutes(app: App, deps: Deps): void {
  app.post(
    '/api/v1/acknowledgements',
    {
      config: { access: 'monitoring:write' },
      schema: {
        tags,
        summary: 'Acknowledge an open problem: its escalation stops',
        body: schemas.acknowledgeBody,
        response: { 200: schemas.acknowledgementOutcome, 201: schemas.acknowledgementOutcome, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (req, reply) => {
      const via = req.actor.type === 'token' ? 'api' : 'ui';
      const outcome = await acknowledgeKnownSubject(deps, ctxOf(req), req.body.subjectKey, req.actor.id, via);
      return reply.code(outcome.created ? 201 : 200).send({ ...outcome.acknowledgement, created: outcome.created, stoppedPolicyIds: outcome.stoppedPolicyIds });
    },
  );

  app.get(
    '/api/v1/acknowledgements/:subjectKey',
    {
      config: { access: 'monitoring:read' },
      schema: { tags, summary: 'Whether, when and by whom a problem was acknowledged', params: z.strictObject({ subjectKey: schemas.subjectKey }), response: { 200: schemas.acknowledgementView, ...problems(400, 401, 403, 404) } },
    },
    async (req) => {
      // Who acknowledged what is the agency's internal business, not the client portal's.
      const ack = clientScope(req.actor) === null ? await acknowledgementOf(deps.database.db, req.params.subjectKey) : null;
      if (!ack) throw notFound('acknowledgement of', req.params.subjectKey);
      return ack;
    },
  );

  app.register(async (scope) => {
    // The confirm page's form posts url-encoded; it carries nothing the token does not say.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, _body, done) => done(null, {}));
    // A wildcard, not `:token`: a sealed token is longer than the router's limit for a parameter.
    scope.get('/ack/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const token = tokenOf(req.params);
      const claims = verifyAckToken(deps, token);
      const locale = await ackLocale(deps.database.db, claims?.userId ?? null, req.headers['accept-language']);
      const words = ackWords(locale);
      if (!claims) return page(reply, 404, locale, words.invalidTitle, `<p>${words.invalid}</p>`);
      const subject = escapeHtml(await subjectTitle(deps.database.db, claims.subjectKey));
      const form = `<form method="post" action="/ack/${encodeURIComponent(token)}"><button type="submit">${words.button}</button></form>`;
      return page(reply, 200, locale, words.confirmTitle, `<p>${words.confirm(subject)}</p>${form}`);
    });
    scope.post('/ack/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
      const token = tokenOf(req.params);
      const claims = verifyAckToken(deps, token);
      const locale = await ackLocale(deps.database.db, claims?.userId ?? null, req.headers['accept-language']);
      const words = ackWords(locale);
      const outcome = claims ? await acknowledgeFromLink(deps, token, req.id) : null;
      if (!claims || !outcome) return page(reply, 404, locale, words.invalidTitle, `<p>${words.invalid}</p>`);
      const subject = escapeHtml(await subjectTitle(deps.database.db, claims.subjectKey));
      const at = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(outcome.acknowledgement.acknowledgedAt)) + ' UTC';
      return page(reply, 200, locale, words.doneTitle, `<p>${outcome.created ? words.done(subject) : words.already(subject, escapeHtml(at))}</p>`);
    });
  });
}

function tokenOf(params: unknown): string {
  return (params as { '*'?: string })['*'] ?? '';
}

function page(reply: FastifyReply, status: number, locale: Locale, title: string, body: string): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type('text/html; charset=utf-8').send(ackHtml(locale, title, body));
}
