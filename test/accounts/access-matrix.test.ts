import type * as FastifyModule from 'fastify';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { can, PERMISSIONS, type Access } from '../../src/accounts/authorization.ts';
import type { Actor, Role, TokenScope } from '../../src/accounts/model.ts';
import { seedAgency, startTestApp, type Agency, type Reply, type TestApp } from '../support/app.ts';

/**
 * The authorization check against every route of the running app.
 *
 * Route discovery: fastify has no public list of routes with their options. `printRoutes()` is
 * text meant for people and `findRoute()` hides a route's config, and an `onRoute` hook added
 * to the finished app comes too late — it only fires for routes added after it. So this file
 * wraps the `fastify` factory (for this file only, via `vi.mock`) to add an `onRoute` hook the
 * moment the instance is created, before `buildApp` adds a single route. The app under test is
 * otherwise the real one, and every route any capability adds later (import, monitoring, …)
 * is collected with the `config.access` it declares and checked here without touching this file.
 *
 * The wrapper also adds a `preParsing` hook. It runs after every `onRequest` hook, so after the
 * guard; reaching it means the guard let the request through. It records the request id and,
 * when the test asks with STOP_HEADER, answers 299 instead of running the handler, so that
 * writes the guard allows can be checked without archiving, retiring or revoking anything.
 */
const STOP_HEADER = 'x-test-stop-after-guard';
const STOPPED = 299;

const seen = vi.hoisted(() => ({ routes: [] as RouteOptions[], passedGuard: new Set<string>() }));

vi.mock('fastify', async (importOriginal) => {
  const real = await importOriginal<typeof FastifyModule>();
  const createReal = real.default as unknown as (options: unknown) => FastifyInstance;
  const create = (options: unknown) => {
    const app = createReal(options);
    app.addHook('onRoute', (route) => {
      seen.routes.push(route);
    });
    app.addHook('preParsing', async (request, reply) => {
      seen.passedGuard.add(request.id);
      if (request.headers[STOP_HEADER] === '1') await reply.code(STOPPED).send();
    });
    return app;
  };
  return { ...real, default: create, fastify: create };
});

const API = '/api/v1/';
const P = 'https://upkeep.dev/problems/';

/** The only routes anyone may call without signing in; a new public route must be added here on purpose. */
const PUBLIC_ROUTES = ['GET /api/v1/health', 'GET /api/v1/ready', 'GET /api/v1/setup', 'POST /api/v1/setup', 'POST /api/v1/auth/login', 'GET /api/v1/status-pages/public/:slug', 'POST /api/v1/billing/webhooks/stripe', 'POST /api/v1/billing/webhooks/paypal'];

type Who = 'owner' | 'admin' | 'manager' | 'viewer' | 'client' | 'ownerRead' | 'ownerWrite';

/**
 * Expectations written out by hand, independent of `can()`: if a rule in authorization.ts is
 * changed by mistake, the computed matrix follows it, but this table does not.
 */
const REVEAL = `POST ${API}assets/:id/secrets/:name/reveal`;
const KEY_EXPECTATIONS: [Who, string, boolean][] = [
  ['viewer', `POST ${API}assets`, false],
  ['viewer', `GET ${API}assets`, true],
  ['viewer', `PATCH ${API}assets/:id`, false],
  ['viewer', `DELETE ${API}clients/:id`, false],
  ['viewer', REVEAL, false],
  ['viewer', `GET ${API}audit`, false],
  ['viewer', `POST ${API}tokens`, true],
  ['manager', `POST ${API}assets`, true],
  ['manager', REVEAL, true],
  ['manager', `GET ${API}audit`, false],
  ['manager', `GET ${API}users`, false],
  ['manager', `POST ${API}users`, false],
  ['admin', `GET ${API}audit`, true],
  ['admin', `POST ${API}users`, true],
  ['admin', `PATCH ${API}users/:id`, true],
  ['owner', `GET ${API}audit`, true],
  ['client', `GET ${API}users`, false],
  ['client', `GET ${API}users/:id`, false],
  ['client', REVEAL, false],
  ['client', `GET ${API}audit`, false],
  ['client', `POST ${API}clients`, false],
  ['client', `POST ${API}assets`, false],
  ['client', `PATCH ${API}assets/:id`, false],
  ['client', `POST ${API}tokens`, false],
  ['client', `GET ${API}assets`, true],
  ['client', `GET ${API}export`, true],
  ['client', `GET ${API}me`, true],
  ['client', `PATCH ${API}me`, true],
  ['ownerRead', `GET ${API}assets`, true],
  ['ownerRead', `GET ${API}audit`, true],
  ['ownerRead', `POST ${API}assets`, false],
  ['ownerRead', `DELETE ${API}assets/:id`, false],
  ['ownerRead', `POST ${API}users`, false],
  ['ownerRead', `POST ${API}tokens`, false],
  ['ownerRead', `PATCH ${API}me`, false],
  ['ownerRead', REVEAL, false],
  ['ownerWrite', `POST ${API}assets`, true],
  ['ownerWrite', REVEAL, false],
  ['ownerWrite', `POST ${API}users`, false],
  // Renewals: managers work tasks and decide on waste; policies are an owner's or admin's; clients see none of it.
  ['manager', `POST ${API}tasks/:id/complete`, true],
  ['manager', `PUT ${API}renewal-policies/default`, false],
  ['manager', `POST ${API}assets/:id/waste-decision`, true],
  ['viewer', `GET ${API}tasks`, true],
  ['viewer', `PATCH ${API}tasks/:id`, false],
  ['viewer', `POST ${API}waste-audits`, false],
  ['admin', `PUT ${API}renewal-policies/default`, true],
  ['admin', `POST ${API}renewals/sweeps`, true],
  ['client', `GET ${API}tasks`, false],
  ['client', `GET ${API}waste-report`, false],
  ['client', `GET ${API}renewals/forecast`, false],
  ['ownerRead', `GET ${API}tasks`, true],
  ['ownerRead', `POST ${API}tasks/:id/comments`, false],
  ['ownerWrite', `POST ${API}tasks/:id/complete`, true],
  ['ownerWrite', `PUT ${API}renewal-policies/default`, false],
  // SLA desk: everyone reads the plan that applies to them; only owners and admins set plans up.
  ['manager', `POST ${API}sla-plans`, false],
  ['viewer', `GET ${API}sla-plans`, true],
  ['client', `GET ${API}clients/:id/sla`, true],
  ['client', `POST ${API}business-calendars`, false],
  ['ownerRead', `GET ${API}sla-plans/:id/targets-preview`, true],
  // Monthly SLA reports: read by everyone with desk:read (a client user only its own client's, narrowed by the service).
  ['viewer', `GET ${API}sla-reports`, true],
  ['client', `GET ${API}sla-reports`, true],
  ['client', `GET ${API}clients/:id/sla-reports`, true],
  ['client', `GET ${API}clients/:id/sla-reports/:month`, true],
  ['ownerRead', `GET ${API}clients/:id/sla-reports/:month/report.pdf`, true],
  ['manager', `GET ${API}clients/:id/sla-reports/:month/report.csv`, true],
  // Billing: owners, admins and managers read invoices (a client user only its own issued ones, narrowed by the service); only owners and admins change them.
  ['manager', `GET ${API}invoices`, true],
  ['manager', `POST ${API}invoices`, false],
  ['manager', `POST ${API}invoices/:id/payments`, false],
  ['viewer', `GET ${API}invoices`, false],
  ['viewer', `GET ${API}clients/:id/billing-profile`, false],
  ['admin', `POST ${API}invoices/:id/issue`, true],
  ['admin', `PUT ${API}clients/:id/billing-profile`, true],
  ['owner', `POST ${API}invoices/:id/credit-notes`, true],
  ['client', `GET ${API}invoices`, true],
  ['client', `GET ${API}invoices/:id`, true],
  ['client', `GET ${API}clients/:id/billing-profile`, true],
  ['client', `POST ${API}invoices`, false],
  // Payments: a client pays its own invoices and manages its own methods (billing:pay, narrowed by the service);
  // the agency's queues and KPIs are billing:oversee (managers read them), the decisions billing:write.
  ['client', `POST ${API}invoices/:id/pay`, true],
  ['client', `POST ${API}clients/:id/payment-methods/setup`, true],
  ['manager', `POST ${API}invoices/:id/pay`, false],
  ['client', `GET ${API}billing/approvals`, false],
  ['client', `GET ${API}billing/dunning`, false],
  ['manager', `GET ${API}billing/approvals`, true],
  ['manager', `POST ${API}billing/approvals/:id/approve`, false],
  ['admin', `POST ${API}billing/approvals/:id/approve`, true],
  ['manager', `GET ${API}billing/settings`, false],
  ['viewer', `GET ${API}billing/dunning`, false],
  ['client', `POST ${API}invoices/:id/void`, false],
  ['client', `PUT ${API}clients/:id/billing-profile`, false],
  ['ownerRead', `GET ${API}invoices`, true],
  ['ownerRead', `POST ${API}invoices/:id/issue`, false],
  ['ownerWrite', `POST ${API}invoices/:id/payments`, true],
  // Refunds: owners and admins only (billing:write); a manager, a viewer and a client user never.
  ['admin', `POST ${API}invoices/:id/payments/:paymentId/refund`, true],
  ['manager', `POST ${API}invoices/:id/payments/:paymentId/refund`, false],
  ['viewer', `POST ${API}invoices/:id/payments/:paymentId/refund`, false],
  ['client', `POST ${API}invoices/:id/payments/:paymentId/refund`, false],
  ['ownerRead', `POST ${API}invoices/:id/payments/:paymentId/refund`, false],
  ['manager', `GET ${API}invoices/:id/refunds`, false],
  // The seller details invoices print: set up by owners and admins only, like the payment settings.
  ['admin', `PUT ${API}billing/seller`, true],
  ['owner', `GET ${API}billing/seller`, true],
  ['manager', `GET ${API}billing/seller`, false],
  ['viewer', `PUT ${API}billing/seller`, false],
  ['client', `GET ${API}billing/seller`, false],
  ['ownerRead', `GET ${API}billing/seller`, false],
];

interface ApiRoute {
  method: string;
  url: string;
  access: Access;
  key: string;
}

let t: TestApp;
let a: Agency;
let routes: ApiRoute[];
let tokens: Record<Who, string>;
let revokedToken: string;
let expiredToken: string;
const ids: Record<string, string> = {};
let requestCounter = 0;

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const isUnsafe = (route: ApiRoute) => !SAFE.has(route.method);

/** Fill path parameters with real records of client A, so reads that are allowed really succeed. */
function pathOf(url: string): string {
  return url.replace(/\/([^/]+)\/:(\w+)/g, (_match, resource: string, param: string) => {
    if (param === 'name') return `/${resource}/panelPassword`;
    return `/${resource}/${ids[resource] ?? 'unknown_record'}`;
  });
}

function actorFor(who: Who): Actor {
  const role: Role = who === 'client' ? 'client' : who.startsWith('owner') ? 'owner' : (who as Role);
  const scopes: TokenScope[] = who === 'ownerRead' ? ['read'] : who === 'ownerWrite' ? ['write'] : ['admin'];
  return { type: 'token', id: `usr_${who}`, role, clientId: role === 'client' ? 'cli_a' : null, scopes };
}

interface Outcome {
  reply: Reply;
  passedGuard: boolean;
}

/** One request; unsafe methods stop right after the guard so no record is changed. */
async function call(route: ApiRoute, options: { token?: string; cookie?: string; headers?: Record<string, string>; stop?: boolean } = {}): Promise<Outcome> {
  const requestId = `matrix-${++requestCounter}`;
  const stop = options.stop ?? isUnsafe(route);
  const headers: Record<string, string> = { 'x-request-id': requestId, ...options.headers, ...(stop ? { [STOP_HEADER]: '1' } : {}) };
  const reply = await t.request(route.method, pathOf(route.url), { token: options.token, cookie: options.cookie, headers });
  return { reply, passedGuard: seen.passedGuard.has(requestId) };
}

const protectedRoutes = () => routes.filter((r) => r.access !== 'public');

function describeOutcome(route: ApiRoute, outcome: Outcome): string {
  const body = outcome.reply.body as { type?: string } | undefined;
  return `${route.key} -> ${outcome.reply.status} ${body?.type ?? ''} (guard ${outcome.passedGuard ? 'passed' : 'refused'})`;
}

function expectUnauthenticated(route: ApiRoute, outcome: Outcome, failures: string[]): void {
  const { reply } = outcome;
  const ok =
    reply.status === 401 &&
    !outcome.passedGuard &&
    String(reply.headers['content-type']).startsWith('application/problem+json') &&
    (reply.body as { type?: string; status?: number }).type === `${P}unauthenticated` &&
    (reply.body as { status?: number }).status === 401;
  if (!ok) failures.push(describeOutcome(route, outcome));
}

/** Allowed: the guard let it through and nothing answered 401/403. Refused: the guard's 403. */
function expectDecision(route: ApiRoute, outcome: Outcome, allowed: boolean, failures: string[], label: string): void {
  const { reply } = outcome;
  const type = (reply.body as { type?: string } | undefined)?.type;
  const ok = allowed
    ? outcome.passedGuard && reply.status !== 401 && reply.status !== 403 && (!isUnsafe(route) || reply.status === STOPPED)
    : !outcome.passedGuard && reply.status === 403 && type === `${P}forbidden`;
  if (!ok) failures.push(`${label}: expected ${allowed ? 'allowed' : 'forbidden'}, got ${describeOutcome(route, outcome)}`);
}

/** A setup request that must succeed; the body is whatever the route answers. */
async function api(method: string, path: string, token: string, body?: unknown): Promise<Reply['body']> {
  const res = await t.request(method, path, { token, body });
  if (res.status >= 300) throw new Error(`${method} ${path} -> ${res.status} ${res.text}`);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  const m = a.manager.token;

  const provider = await api('POST', '/api/v1/providers', m, { name: 'Registrar A', kind: 'registrar' });
  const project = await api('POST', '/api/v1/projects', m, { clientId: a.clientA, name: 'Web shop' });
  const asset = await api('POST', '/api/v1/assets', m, {
    clientId: a.clientA,
    kind: 'domain',
    identifier: 'shop-a.example',
    providerId: provider.id,
    projectIds: [project.id],
    secrets: { panelPassword: 'hunter2-a' },
  });
  const spare = await api('POST', '/api/v1/tokens', a.viewer.token, { name: 'spare', scopes: ['read'] });
  Object.assign(ids, { clients: a.clientA, projects: project.id, providers: provider.id, assets: asset.id, users: a.clientUser.id, tokens: spare.id });

  const ownerRead = await api('POST', '/api/v1/tokens', a.owner.token, { name: 'read only', scopes: ['read'] });
  const ownerWrite = await api('POST', '/api/v1/tokens', a.owner.token, { name: 'read write', scopes: ['write'] });
  const revoked = await api('POST', '/api/v1/tokens', a.manager.token, { name: 'to revoke', scopes: ['admin'] });
  await api('DELETE', `/api/v1/tokens/${revoked.id}`, a.manager.token);
  const expired = await api('POST', '/api/v1/tokens', a.manager.token, {
    name: 'expired',
    scopes: ['admin'],
    expiresAt: new Date(t.clock.now.getTime() - 60_000).toISOString(),
  });
  revokedToken = revoked.token;
  expiredToken = expired.token;
  tokens = {
    owner: a.owner.token,
    admin: a.admin.token,
    manager: a.manager.token,
    viewer: a.viewer.token,
    client: a.clientUser.token,
    ownerRead: ownerRead.token,
    ownerWrite: ownerWrite.token,
  };

  const unique = new Map<string, ApiRoute>();
  for (const route of seen.routes) {
    if (!route.url.startsWith(API)) continue;
    for (const method of [route.method].flat()) {
      // fastify adds a HEAD twin for every GET; it shares the GET's options and is checked through it.
      if (method === 'HEAD') continue;
      const key = `${method} ${route.url}`;
      unique.set(key, { method, url: route.url, access: route.config?.access as Access, key });
    }
  }
  routes = [...unique.values()].sort((x, y) => x.key.localeCompare(y.key));
});

afterAll(async () => t?.close());

describe('route discovery', () => {
  it('finds every API route, each declaring a known access', () => {
    const keys = routes.map((r) => r.key);
    // A sample from each module, so an empty or partial discovery cannot pass the matrix silently.
    for (const key of [...PUBLIC_ROUTES, `GET ${API}me`, `DELETE ${API}tokens/:id`, `GET ${API}clients`, `PATCH ${API}projects/:id`, REVEAL, `GET ${API}export`, `GET ${API}audit`]) {
      expect(keys).toContain(key);
    }
    for (const [, key] of KEY_EXPECTATIONS) expect(keys).toContain(key);
    const known = new Set<string>([...PERMISSIONS, 'public', 'signed-in']);
    expect(routes.filter((r) => !known.has(r.access)).map((r) => r.key)).toEqual([]);
  });

  it('has no public API route other than health, readiness, setup and sign-in', () => {
    expect(routes.filter((r) => r.access === 'public').map((r) => r.key).sort()).toEqual([...PUBLIC_ROUTES].sort());
  });
});

describe('authentication on every protected route', () => {
  it('answers 401 problem+json without credentials', async () => {
    const failures: string[] = [];
    await Promise.all(protectedRoutes().map(async (route) => expectUnauthenticated(route, await call(route), failures)));
    expect(failures).toEqual([]);
  });

  it('answers 401 to a garbage, unknown, revoked or expired bearer token', async () => {
    const failures: string[] = [];
    const bad: [string, Record<string, string>][] = [
      ['garbage', { authorization: 'Bearer garbage' }],
      ['not bearer', { authorization: `Basic ${Buffer.from('owner@agency.test:correct horse battery').toString('base64')}` }],
      ['unknown', { authorization: `Bearer upk_${'A'.repeat(43)}` }],
      ['revoked', { authorization: `Bearer ${revokedToken}` }],
      ['expired', { authorization: `Bearer ${expiredToken}` }],
    ];
    for (const [label, headers] of bad) {
      await Promise.all(
        protectedRoutes().map(async (route) => {
          const outcome = await call(route, { headers });
          if (outcome.reply.status !== 401 || outcome.passedGuard) failures.push(`${label}: ${describeOutcome(route, outcome)}`);
          else expectUnauthenticated(route, outcome, failures);
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it('refuses a bad token even on public routes, since the caller meant to authenticate', async () => {
    const res = await t.request('GET', '/api/v1/health', { token: revokedToken });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe(`${P}unauthenticated`);
    expect((await t.request('GET', '/api/v1/health')).status).toBe(200);
  });
});

describe('permissions on every protected route', () => {
  const everyone: Who[] = ['owner', 'admin', 'manager', 'viewer', 'client', 'ownerRead', 'ownerWrite'];

  it('lets each role and token scope through exactly where authorization.ts grants the declared permission', async () => {
    const failures: string[] = [];
    for (const who of everyone) {
      await Promise.all(
        protectedRoutes().map(async (route) => {
          const allowed = can(actorFor(who), route.access);
          expectDecision(route, await call(route, { token: tokens[who] }), allowed, failures, who);
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it('matches the hand-written expectations for key routes', async () => {
    const failures: string[] = [];
    for (const [who, key, allowed] of KEY_EXPECTATIONS) {
      const route = routes.find((r) => r.key === key)!;
      expectDecision(route, await call(route, { token: tokens[who] }), allowed, failures, who);
      if (can(actorFor(who), route.access) !== allowed) failures.push(`${who}: can() disagrees on ${key}`);
    }
    expect(failures).toEqual([]);
  });

  it('treats the HEAD twin of every GET route like the GET', async () => {
    const failures: string[] = [];
    const gets = protectedRoutes().filter((r) => r.method === 'GET');
    for (const who of [undefined, ...everyone]) {
      await Promise.all(
        gets.map(async (get) => {
          const head = { ...get, method: 'HEAD', key: `HEAD ${get.url}` };
          const outcome = await call(head, { token: who && tokens[who] });
          const expected = who === undefined ? 401 : can(actorFor(who), get.access) ? 'passed' : 403;
          const actual = outcome.passedGuard ? 'passed' : outcome.reply.status;
          if (actual !== expected) failures.push(`${who ?? 'anonymous'}: expected ${expected}, got ${describeOutcome(head, outcome)}`);
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it("never lets an owner's read-scoped token write", async () => {
    const failures: string[] = [];
    // Sign-out is the one unsafe "signed-in" route; for a bearer token it changes nothing.
    const writes = protectedRoutes().filter((r) => isUnsafe(r) && r.access !== 'signed-in');
    expect(writes.length).toBeGreaterThan(10);
    await Promise.all(writes.map(async (route) => expectDecision(route, await call(route, { token: tokens.ownerRead }), false, failures, 'ownerRead')));
    expect(failures).toEqual([]);
  });

  it('runs allowed reads for real: a client reads its own records by id', async () => {
    for (const url of [`${API}clients/:id`, `${API}projects/:id`, `${API}providers/:id`, `${API}assets/:id`]) {
      const res = await t.request('GET', pathOf(url), { token: a.clientUser.token });
      expect(res.status, url).toBe(200);
    }
    const reveal = await t.request('POST', pathOf(`${API}assets/:id/secrets/:name/reveal`), { token: a.manager.token });
    expect(reveal.status).toBe(200);
    expect(reveal.body).toEqual({ name: 'panelPassword', value: 'hunter2-a' });
    const refused = await t.request('POST', pathOf(`${API}assets/:id/secrets/:name/reveal`), { token: a.clientUser.token });
    expect(refused.status).toBe(403);
    expect(refused.text).not.toContain('hunter2-a');
  });
});

describe('CSRF protection for cookie sessions', () => {
  let cookie: string;
  let csrfToken: string;

  beforeAll(async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: { email: a.owner.email, password: 'correct horse battery' } });
    expect(res.status).toBe(200);
    cookie = String(res.headers['set-cookie']).split(';')[0]!;
    csrfToken = res.body.csrfToken;
    expect(csrfToken).toMatch(/^csrf_/);
  });

  it('refuses every unsafe request of a session without the CSRF header, or with a wrong one', async () => {
    const failures: string[] = [];
    const unsafe = protectedRoutes().filter(isUnsafe);
    for (const headers of [{}, { 'x-csrf-token': 'csrf_wrong' }] as Record<string, string>[]) {
      await Promise.all(
        unsafe.map(async (route) => {
          const outcome = await call(route, { cookie, headers });
          const body = outcome.reply.body as { type?: string };
          if (outcome.reply.status !== 403 || body.type !== `${P}csrf` || outcome.passedGuard) failures.push(describeOutcome(route, outcome));
        }),
      );
    }
    expect(failures).toEqual([]);
  });

  it('lets the same requests through with the CSRF header', async () => {
    const failures: string[] = [];
    await Promise.all(
      protectedRoutes()
        .filter(isUnsafe)
        .map(async (route) => expectDecision(route, await call(route, { cookie, headers: { 'x-csrf-token': csrfToken } }), true, failures, 'owner session')),
    );
    expect(failures).toEqual([]);
  });

  it('makes a real change with the header, and needs no header to read', async () => {
    const without = await t.request('POST', '/api/v1/clients', { cookie, body: { name: 'Client via session' } });
    expect(without.status).toBe(403);
    expect(without.body.type).toBe(`${P}csrf`);
    const withHeader = await t.request('POST', '/api/v1/clients', { cookie, headers: { 'x-csrf-token': csrfToken }, body: { name: 'Client via session' } });
    expect(withHeader.status).toBe(201);
    const read = await t.request('GET', '/api/v1/me', { cookie });
    expect(read.status).toBe(200);
    expect(read.body.user.id).toBe(a.owner.id);
  });

  it('does not ask bearer tokens for a CSRF header', async () => {
    const res = await t.request('POST', '/api/v1/clients', { token: a.manager.token, body: { name: 'Client via token' } });
    expect(res.status).toBe(201);
  });
});
