import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../platform/deps.ts';
import type { App } from '../platform/http/server.ts';
import { forbidden, unauthenticated, ProblemError } from '../platform/http/problem.ts';
import { can, type Access } from './authorization.ts';
import { ANONYMOUS, type Actor } from './model.ts';
import { actorFromSession, actorFromToken } from './sessions.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What a caller needs to reach this route; every route must say. */
    access?: Access;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

export const SESSION_COOKIE = 'upkeep_session';
export const CSRF_HEADER = 'x-csrf-token';

// Routes added by plugins (the docs page's and the web app's files) are public; everything else must declare.
const PUBLIC_PREFIXES = ['/api/docs', '/static/'];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorization for every request, in one hook. A route that forgot to
 * declare its access fails at start-up rather than being silently open.
 */
export function installGuard(deps: Deps) {
  return (app: App): void => {
    // Filled in for every request by the hook below; null only before it runs.
    app.decorateRequest('actor', null as unknown as Actor);
    app.addHook('onRoute', (route) => {
      const declared = route.config?.access;
      if (declared) return;
      if (PUBLIC_PREFIXES.some((p) => route.url.startsWith(p))) {
        route.config = { ...(route.config ?? {}), access: 'public' };
        return;
      }
      throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access.`);
    });
    app.addHook('onRequest', async (request, reply) => {
      request.actor = await identify(deps, request);
      checkAccess(request, reply);
    });
  };
}

async function identify(deps: Deps, request: FastifyRequest): Promise<Actor> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const actor = match ? await actorFromToken(deps, match[1]!) : null;
    // A wrong token is an error even on public routes: the caller meant to authenticate.
    if (!actor) throw unauthenticated('The API token is not valid, has expired or was revoked.');
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) return (await actorFromSession(deps, cookie)) ?? ANONYMOUS;
  return ANONYMOUS;
}

function checkAccess(request: FastifyRequest, _reply: FastifyReply): void {
  const access = request.routeOptions.config?.access ?? 'public';
  const actor = request.actor;
  if (access !== 'public' && actor.type === 'anonymous') throw unauthenticated();
  // Public routes (sign-in, setup) create sessions rather than ride on one.
  if (access !== 'public' && actor.csrfToken && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== actor.csrfToken) {
    throw new ProblemError(403, 'csrf', 'Missing CSRF token', `Send the session's CSRF token in the ${CSRF_HEADER} header.`);
  }
  if (!can(actor, access)) throw forbidden();
}
