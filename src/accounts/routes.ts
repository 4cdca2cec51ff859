import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Deps } from '../platform/deps.ts';
import { forbidden, notFound, unauthenticated } from '../platform/http/problem.ts';
import { noContent, problem, problemResponse, problems } from '../platform/http/responses.ts';
import type { App } from '../platform/http/server.ts';
import { SESSION_COOKIE } from './guard.ts';
import type { Actor } from './model.ts';
import * as schemas from './schemas.ts';
import { checkPassword, createApiToken, createUser, revokeApiToken, updateUser } from './service.ts';
import { endSession, startSession, type StartedSession } from './sessions.ts';
import { completeSetup, needsSetup } from './setup.ts';
import { agencySchema, readAgency, saveAgency } from './agency.ts';
import * as store from './store.ts';
import { LoginThrottle } from './throttle.ts';

const tags = ['accounts'];
// Public routes need no credentials (but a bad bearer token is still a 401).
const security: [] = [];

const tooManyAttempts = problem
  .extend({ retryAfter: z.number().int().describe('Seconds until sign-in is possible again') })
  .meta({ id: 'TooManyAttempts', description: 'Too many wrong passwords for this email' });

export function accountRoutes(app: App, deps: Deps): void {
  const throttle = new LoginThrottle();
  const ctxOf = (req: { actor: Actor; id: string }) => ({ actor: req.actor, requestId: req.id });

  function setSessionCookie(reply: FastifyReply, session: StartedSession) {
    reply.setCookie(SESSION_COOKIE, session.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: deps.config.secureCookies,
      expires: new Date(session.expiresAt),
    });
  }

  app.get('/api/v1/setup', { config: { access: 'public' }, schema: { tags, security, summary: 'Whether first-run setup is still open', response: { 200: schemas.setupStatus, ...problems(401) } } }, async () => ({
    needed: await needsSetup(deps),
  }));

  app.post(
    '/api/v1/setup',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security,
        summary: 'Create the first owner with the one-time setup token',
        body: schemas.setupBody,
        response: {
          201: schemas.sessionView,
          ...problems(400, 401, 413, 415),
          403: problemResponse(403, problem, 'The setup token is not valid, or setup is already complete'),
        },
      },
    },
    async (req, reply) => {
      const { token, agencyName, currency, ...owner } = req.body;
      const user = await completeSetup(deps, token, owner, req.id, { agencyName, currency });
      const session = await startSession(deps, user);
      setSessionCookie(reply, session);
      return reply.code(201).send({ user, csrfToken: session.csrfToken, expiresAt: session.expiresAt });
    },
  );

  app.get(
    '/api/v1/agency',
    { config: { access: 'signed-in' }, schema: { tags, summary: 'The agency: its name and the defaults new clients and users start with', response: { 200: agencySchema, ...problems(401, 403) } } },
    async () => readAgency(deps),
  );

  app.patch(
    '/api/v1/agency',
    {
      config: { access: 'users:manage' },
      schema: { tags, summary: "Change the agency's name or defaults", body: agencySchema.partial().strict(), response: { 200: agencySchema, ...problems(400, 401, 403) } },
    },
    async (req) => saveAgency(deps, ctxOf(req), req.body),
  );

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags,
        security,
        summary: 'Sign in; sets the session cookie',
        body: schemas.loginBody,
        response: {
          200: schemas.sessionView,
          ...problems(400, 413, 415),
          401: problemResponse(401, problem, 'The email or password is not right (or a bearer token was sent and is not valid)'),
          429: problemResponse(429, tooManyAttempts),
        },
      },
    },
    async (req, reply) => {
      throttle.check(req.body.email, deps.now());
      const user = await checkPassword(deps, req.body.email, req.body.password);
      if (!user) {
        throttle.fail(req.body.email, deps.now());
        throw unauthenticated('The email or password is not right.');
      }
      throttle.succeed(req.body.email);
      const session = await startSession(deps, user);
      setSessionCookie(reply, session);
      return { user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
    },
  );

  const signOut = { tags, summary: 'Sign out', response: { 204: noContent, ...problems(401, 403) } };
  app.post('/api/v1/auth/logout', { config: { access: 'signed-in' }, schema: signOut }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await endSession(deps, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  // Any signed-in caller may read who they are: never a 403.
  const me = { tags, summary: 'The signed-in user', response: { 200: schemas.meView, ...problems(401) } };
  app.get('/api/v1/me', { config: { access: 'signed-in' }, schema: me }, async (req) => {
    const user = req.actor.id ? await store.findUserById(deps.database.db, req.actor.id) : null;
    if (!user) throw unauthenticated();
    return { user, csrfToken: req.actor.csrfToken ?? null, scopes: req.actor.scopes && [...req.actor.scopes] };
  });

  app.patch(
    '/api/v1/me',
    {
      config: { access: 'profile' },
      schema: {
        tags,
        summary: 'Change your own name, language, time zone or password',
        body: schemas.profilePatchBody,
        response: { 200: schemas.userView, ...problems(400, 401, 403, 413, 415) },
      },
    },
    async (req) => {
      const { currentPassword, ...patch } = req.body;
      const me = await store.findUserById(deps.database.db, req.actor.id!);
      if (!me) throw unauthenticated();
      if (patch.password && !(currentPassword && (await checkPassword(deps, me.email, currentPassword)))) {
        throw forbidden('Give your current password to set a new one.');
      }
      return updateUser(deps, ctxOf(req), me.id, patch);
    },
  );

  app.get(
    '/api/v1/users',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        summary: 'List users',
        querystring: z.strictObject({ after: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }),
        response: { 200: schemas.userPage, ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const items = await store.listUsers(deps.database.db, req.query.limit + 1, req.query.after);
      const more = items.length > req.query.limit;
      const page = more ? items.slice(0, req.query.limit) : items;
      return { items: page, nextCursor: more ? page[page.length - 1]!.email : null };
    },
  );

  app.post(
    '/api/v1/users',
    { config: { access: 'users:manage' }, schema: { tags, summary: 'Create a user', body: schemas.newUserBody, response: { 201: schemas.userView, ...problems(400, 401, 403, 409, 413, 415) } } },
    async (req, reply) => reply.code(201).send(await createUser(deps, ctxOf(req), req.body)),
  );

  const oneUser = { tags, summary: 'One user', params: schemas.idParams, response: { 200: schemas.userView, ...problems(400, 401, 403, 404) } };
  app.get('/api/v1/users/:id', { config: { access: 'users:manage' }, schema: oneUser }, async (req) => {
    const user = await store.findUserById(deps.database.db, req.params.id);
    if (!user) throw notFound('user', req.params.id);
    return user;
  });

  app.patch(
    '/api/v1/users/:id',
    {
      config: { access: 'users:manage' },
      schema: {
        tags,
        summary: 'Change a user: role, client, disable',
        params: schemas.idParams,
        body: schemas.userPatchBody,
        response: { 200: schemas.userView, ...problems(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (req) => updateUser(deps, ctxOf(req), req.params.id, req.body),
  );

  const tokenList = { tags, summary: 'Your API tokens', response: { 200: schemas.tokenPage, ...problems(401, 403) } };
  app.get('/api/v1/tokens', { config: { access: 'tokens:manage' }, schema: tokenList }, async (req) => ({
    items: await store.listTokensOfUser(deps.database.db, req.actor.id!),
    nextCursor: null,
  }));

  app.post(
    '/api/v1/tokens',
    {
      config: { access: 'tokens:manage' },
      schema: {
        tags,
        summary: 'Create an API token; the token is shown once',
        body: schemas.newTokenBody,
        response: { 201: schemas.newTokenView, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (req, reply) => {
      const issued = await createApiToken(deps, ctxOf(req), { ...req.body, userId: req.body.userId ?? req.actor.id! });
      return reply.code(201).send({ ...issued.apiToken, token: issued.token });
    },
  );

  const revoke = { tags, summary: 'Revoke an API token', params: schemas.idParams, response: { 200: schemas.tokenView, ...problems(400, 401, 403, 404) } };
  app.delete('/api/v1/tokens/:id', { config: { access: 'tokens:manage' }, schema: revoke }, async (req) => revokeApiToken(deps, ctxOf(req), req.params.id));
}
