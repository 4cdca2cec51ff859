import os from 'node:os';
import type { Writable } from 'node:stream';
import { request as httpRequest } from 'undici';
import { buildApp } from '../../src/app.ts';
import { CLI_ACTOR, type Role } from '../../src/accounts/model.ts';
import { createApiToken, createUser } from '../../src/accounts/service.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { createSecretBox } from '../../src/platform/crypto/secrets.ts';
import type { Deps } from '../../src/platform/deps.ts';
import type { App } from '../../src/platform/http/server.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { createClient } from '../../src/registry/parties.service.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export interface Reply<T = any> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  rawBody?: string | Buffer;
  token?: string;
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  deps: Deps;
  app: App;
  db: TestDatabase;
  url: string;
  /** The clock every use case reads; tests may move it. */
  clock: { now: Date };
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<Reply<T>>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Log everything at debug level into this stream instead of nowhere (to prove what never reaches a log). */
  logTo?: Writable;
}

/** The real app on a real database, listening on a free loopback port. */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const config = loadConfig({ UPKEEP_DATA_DIR: os.tmpdir(), UPKEEP_PORT: '0', UPKEEP_LOG_LEVEL: 'silent', ...env });
  const clock = { now: new Date() };
  const deps: Deps = {
    config,
    logger: options.logTo ? createLogger('debug', options.logTo) : createLogger('silent'),
    database: db,
    secrets: createSecretBox(Buffer.alloc(32, 7)),
    now: () => clock.now,
  };
  const app = await buildApp(deps);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    deps,
    app,
    db,
    url,
    clock,
    request: (method, path, options) => send(url, method, path, options),
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

async function send(url: string, method: string, path: string, options: RequestOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  let body: string | Buffer | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const res = await httpRequest(url + path, { method: method as 'GET', headers, body });
  const text = await res.body.text();
  const type = String(res.headers['content-type'] ?? '');
  const parsed = type.includes('json') && text ? JSON.parse(text) : text;
  return { status: res.statusCode, headers: res.headers, body: parsed, text };
}

export interface Person {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export interface Agency {
  owner: Person;
  admin: Person;
  manager: Person;
  viewer: Person;
  /** A portal user of client A. */
  clientUser: Person;
  /** A portal user of client B: must never see client A's data. */
  outsider: Person;
  clientA: string;
  clientB: string;
}

const cli = { actor: CLI_ACTOR, requestId: null };

/** An owner, staff of each role, two clients and a portal user for each, all with API tokens. */
export async function seedAgency(t: TestApp): Promise<Agency> {
  const clientA = await createClient(t.deps, cli, { name: 'Client A', currency: 'EUR' });
  const clientB = await createClient(t.deps, cli, { name: 'Client B', currency: 'SEK' });
  const person = async (role: Role, name: string, clientId?: string): Promise<Person> => {
    const user = await createUser(t.deps, cli, { email: `${name}@agency.test`, name, role, clientId, password: 'correct horse battery' });
    const { token } = await createApiToken(t.deps, cli, { userId: user.id, name: 'test', scopes: ['admin'] });
    return { id: user.id, email: user.email, role, token };
  };
  return {
    owner: await person('owner', 'owner'),
    admin: await person('admin', 'admin'),
    manager: await person('manager', 'manager'),
    viewer: await person('viewer', 'viewer'),
    clientUser: await person('client', 'portal-a', clientA.id),
    outsider: await person('client', 'portal-b', clientB.id),
    clientA: clientA.id,
    clientB: clientB.id,
  };
}
