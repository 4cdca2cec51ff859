import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOutbound, type Outbound, type OutboundOptions } from '../../src/platform/outbound/client.ts';
import { OutboundError } from '../../src/platform/outbound/errors.ts';

/**
 * The outbound client against real servers on 127.0.0.1 (port 0, so files can run in parallel):
 * `main` and `other` share one handler and differ only in origin; `tls` is HTTPS with a
 * self-signed certificate made by openssl for this run.
 */
let main: http.Server;
let other: http.Server;
let base: string;
let otherBase: string;
const hits: string[] = [];
const clients: Outbound[] = [];

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://test');
  hits.push(url.pathname);
  const redirect = (status: number, location: string): void => void res.writeHead(status, { location }).end();
  const hops = /^\/hops\/(\d+)$/.exec(url.pathname);
  if (hops) return redirect(302, Number(hops[1]) > 1 ? `/hops/${Number(hops[1]) - 1}` : '/json');
  if (url.pathname.startsWith('/hang')) return; // never answers
  switch (url.pathname) {
    case '/json':
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: true, monitors: 3 }));
    case '/echo':
      return echo(req, res);
    case '/stall-body':
      res.writeHead(200, { 'content-type': 'text/plain' });
      return void res.write('partial');
    case '/loop':
      return redirect(302, '/loop');
    case '/see-other':
      return redirect(303, '/echo');
    case '/temporary':
      return redirect(307, '/echo');
    case '/to-other-origin':
      return redirect(302, `${otherBase}/echo`);
    case '/to-loopback-ip':
      return redirect(302, `http://127.0.0.1:${port(main)}/json`);
    case '/to-file':
      return redirect(302, 'file:///etc/passwd');
    case '/big':
      return void res.writeHead(200, { 'content-length': 100_000 }).end('x'.repeat(100_000));
    case '/big-chunked':
      for (let i = 0; i < 10; i++) res.write('y'.repeat(10_000));
      return void res.end();
    default:
      return void res.writeHead(404).end();
  }
}

function echo(req: http.IncomingMessage, res: http.ServerResponse): void {
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (chunk: string) => (body += chunk));
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
  });
}

function port(server: http.Server): number {
  return (server.address() as AddressInfo).port;
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `${server instanceof https.Server ? 'https' : 'http'}://127.0.0.1:${port(server)}`;
}

async function shutDown(server: http.Server | undefined): Promise<void> {
  if (!server?.listening) return;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

function outbound(options: Partial<OutboundOptions> = {}): Outbound {
  const client = createOutbound({ timeoutMs: 5_000, blockPrivateAddresses: false, userAgent: 'upkeep-test/1', ...options });
  clients.push(client);
  return client;
}

async function failure(promise: Promise<unknown>): Promise<OutboundError> {
  const result = await promise.then(
    () => new Error('expected the request to fail'),
    (err: unknown) => err,
  );
  expect(result).toBeInstanceOf(OutboundError);
  return result as OutboundError;
}

beforeAll(async () => {
  main = http.createServer(route);
  other = http.createServer(route);
  base = await listen(main);
  otherBase = await listen(other);
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.close()));
  await Promise.all([shutDown(main), shutDown(other)]);
});

describe('requests', () => {
  it('returns status, headers, a JSON body, the final URL and timings', async () => {
    const response = await outbound().request(`${base}/json`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({ ok: true, monitors: 3 });
    expect(response.url).toBe(`${base}/json`);
    expect(response.redirects).toBe(0);
    expect(response.timings.headersMs).toBeGreaterThanOrEqual(0);
    expect(response.timings.totalMs).toBeGreaterThanOrEqual(response.timings.headersMs);
  });

  it('sends JSON with its content type and the client’s user agent', async () => {
    const response = await outbound().request(`${base}/echo`, { method: 'POST', json: { event: 'incident.opened' } });
    const echoed = JSON.parse(response.body);
    expect(echoed).toMatchObject({ method: 'POST', body: '{"event":"incident.opened"}' });
    expect(echoed.headers).toMatchObject({ 'content-type': 'application/json', 'user-agent': 'upkeep-test/1' });
  });

  it('returns the bytes when asked for a buffer, and non-2xx statuses as responses', async () => {
    const client = outbound();
    const bytes = await client.request(`${base}/json`, { responseType: 'buffer' });
    expect(Buffer.isBuffer(bytes.body)).toBe(true);
    expect((await client.request(`${base}/missing`)).status).toBe(404);
  });

  it('moves user info from the URL into Basic authorization, and out of the reported URL', async () => {
    const response = await outbound().request(`http://ops:pa%20ss@127.0.0.1:${port(main)}/echo`);
    expect(JSON.parse(response.body).headers.authorization).toBe(`Basic ${Buffer.from('ops:pa ss').toString('base64')}`);
    expect(response.url).toBe(`${base}/echo`);
  });

  it.each(['file:///etc/passwd', 'not a url', 'ftp://127.0.0.1/'])('refuses %j as an invalid URL', async (url) => {
    const error = await failure(outbound().request(url));
    expect(error).toMatchObject({ kind: 'invalid-url', retryable: false });
  });
});

describe('timeouts and failures', () => {
  it('times out a server that never answers, and says it is worth retrying', async () => {
    const started = Date.now();
    const error = await failure(outbound().request(`${base}/hang`, { timeoutMs: 200 }));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).toContain('no response within 200 ms');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('times out a body that stalls half way', async () => {
    const error = await failure(outbound({ timeoutMs: 200 }).request(`${base}/stall-body`));
    expect(error).toMatchObject({ kind: 'timeout', retryable: true });
    expect(error.message).toContain('body did not finish');
  });

  it('reports a caller’s cancellation as aborted, not as a timeout', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(outbound().request(`${base}/hang`, { signal: controller.signal }));
    expect(error.kind).toBe('aborted');
  });

  it('calls a refused connection a retryable connect error', async () => {
    const closed = http.createServer();
    const url = await listen(closed);
    await shutDown(closed);
    const error = await failure(outbound().request(`${url}/json`));
    expect(error).toMatchObject({ kind: 'connect', retryable: true, code: 'ECONNREFUSED' });
  });

  it('keeps passwords, tokens, paths and queries out of error messages', async () => {
    const url = `http://ops:s3cret-pw@127.0.0.1:${port(main)}/hang/hooks/T0/B0/xoxb-path?token=q-token`;
    const error = await failure(
      outbound().request(url, { timeoutMs: 100, headers: { Authorization: 'Bearer tok-header' } }),
    );
    const everything = `${error.message}\n${inspect(error, { depth: 10 })}`;
    for (const secret of ['s3cret-pw', 'tok-header', 'xoxb-path', 'q-token', 'ops:']) expect(everything).not.toContain(secret);
    expect(error.message).toContain(`GET ${base}`);
  });
});

describe('redirects', () => {
  it('follows redirects and reports the final URL', async () => {
    const response = await outbound().request(`${base}/hops/3`);
    expect(response).toMatchObject({ status: 200, url: `${base}/json`, redirects: 3 });
  });

  it('stops at the limit', async () => {
    const client = outbound({ maxRedirects: 2 });
    expect(await failure(client.request(`${base}/hops/3`))).toMatchObject({ kind: 'redirects', retryable: false });
    expect((await failure(outbound().request(`${base}/loop`))).message).toContain('more than 5 redirects');
    expect((await client.request(`${base}/hops/3`, { maxRedirects: 3 })).status).toBe(200);
  });

  it('returns the redirect itself when following is off', async () => {
    const response = await outbound().request(`${base}/hops/1`, { maxRedirects: 0 });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe('/json');
  });

  it('turns a POST into a GET on 303, and repeats it on 307', async () => {
    const client = outbound();
    const seeOther = JSON.parse((await client.request(`${base}/see-other`, { method: 'POST', json: { a: 1 } })).body);
    expect(seeOther).toMatchObject({ method: 'GET', body: '' });
    expect(seeOther.headers['content-type']).toBeUndefined();
    const temporary = JSON.parse((await client.request(`${base}/temporary`, { method: 'POST', json: { a: 1 } })).body);
    expect(temporary).toMatchObject({ method: 'POST', body: '{"a":1}' });
  });

  it('drops credentials when redirected to another origin', async () => {
    const response = await outbound().request(`${base}/to-other-origin`, {
      headers: { authorization: 'Bearer for-main-only', 'x-trace': 'kept' },
    });
    expect(response.url).toBe(`${otherBase}/echo`);
    const { headers } = JSON.parse(response.body);
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-trace']).toBe('kept');
  });

  it('does not follow a redirect to another scheme', async () => {
    expect(await failure(outbound().request(`${base}/to-file`))).toMatchObject({ kind: 'redirects', retryable: false });
  });
});

describe('private addresses', () => {
  const blocking = (allow: string[] = []): Outbound => outbound({ blockPrivateAddresses: true, allow });

  it.each([
    ['a loopback IP', () => `${base}/json`],
    ['a name resolving to loopback', () => `http://localhost:${port(main)}/json`],
    ['an IPv4-mapped IPv6 address', () => `http://[::ffff:127.0.0.1]:${port(main)}/json`],
    ['0.0.0.0', () => `http://0.0.0.0:${port(main)}/json`],
  ])('refuses %s when blocking is on, without connecting', async (_name, url) => {
    const before = hits.length;
    const error = await failure(blocking().request(url()));
    expect(error).toMatchObject({ kind: 'blocked', retryable: false });
    expect(error.message).toContain('private address');
    expect(hits.length).toBe(before);
  });

  it('allows loopback by default, and when it is on the allow-list', async () => {
    expect((await outbound().request(`${base}/json`)).status).toBe(200);
    expect((await blocking(['127.0.0.1']).request(`${base}/json`)).status).toBe(200);
    expect((await blocking(['127.0.0.0/8']).request(`${base}/json`)).status).toBe(200);
    expect((await blocking(['localhost']).request(`http://localhost:${port(main)}/json`)).status).toBe(200);
  });

  it('checks every redirect hop again', async () => {
    const client = blocking(['localhost']);
    const error = await failure(client.request(`http://localhost:${port(main)}/to-loopback-ip`));
    expect(error.kind).toBe('blocked');
    expect(error.message).toContain('127.0.0.1');
  });

  it('refuses a blocked address without leaking the URL’s password', async () => {
    const error = await failure(blocking().request(`http://ops:s3cret-pw@127.0.0.1:${port(main)}/json`));
    expect(`${error.message}${inspect(error, { depth: 10 })}`).not.toContain('s3cret-pw');
  });
});

describe('body size cap', () => {
  it('refuses a body whose declared length is over the cap', async () => {
    const error = await failure(outbound().request(`${base}/big`, { maxBodyBytes: 1_000 }));
    expect(error).toMatchObject({ kind: 'too-large', retryable: false });
  });

  it('cuts off a body without a declared length once it passes the cap', async () => {
    const error = await failure(outbound({ maxBodyBytes: 25_000 }).request(`${base}/big-chunked`));
    expect(error.kind).toBe('too-large');
  });

  it('accepts a body exactly at the cap', async () => {
    const response = await outbound().request(`${base}/big`, { maxBodyBytes: 100_000 });
    expect(response.body).toHaveLength(100_000);
  });
});

const hasOpenssl = (() => {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn('Skipping the HTTPS tests: the openssl command is not available to make a certificate.');
    return false;
  }
})();

describe.skipIf(!hasOpenssl)('HTTPS with a self-signed certificate (made with openssl)', () => {
  let tlsServer: https.Server;
  let tlsBase: string;
  let certificate: string;

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'upkeep-tls-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'), '-days', '2',
      '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ], { stdio: 'ignore' });
    certificate = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    const key = fs.readFileSync(path.join(dir, 'key.pem'), 'utf8');
    fs.rmSync(dir, { recursive: true, force: true });
    tlsServer = https.createServer({ key, cert: certificate }, route);
    tlsBase = await listen(tlsServer);
  });

  afterAll(() => shutDown(tlsServer));

  it('fails verification by default, as a TLS error not worth retrying', async () => {
    const error = await failure(outbound().request(`${tlsBase}/json`));
    expect(error).toMatchObject({ kind: 'tls', retryable: false });
    expect(error.code).toMatch(/SELF_SIGNED/);
  });

  it('succeeds when the certificate is given as the CA', async () => {
    expect((await outbound().request(`${tlsBase}/json`, { tls: { ca: certificate } })).status).toBe(200);
    expect((await outbound({ tls: { ca: certificate } }).request(`${tlsBase}/json`)).status).toBe(200);
  });

  it('succeeds when verification is turned off', async () => {
    const response = await outbound().request(`${tlsBase}/json`, { tls: { rejectUnauthorized: false } });
    expect(JSON.parse(response.body)).toEqual({ ok: true, monitors: 3 });
  });
});
