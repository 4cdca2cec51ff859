import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../../src/monitoring/probes/index.ts';
import type { ProbeContext } from '../../../src/monitoring/probes/probe.ts';
import type { Outbound } from '../../../src/platform/outbound/client.ts';
import { createCertificateAuthority, issueCertificate, selfSignedCertificate, type CertificateAuthority } from '../../support/peers/certificates.ts';
import { startHttpPeer, type HttpPeer } from '../../support/peers/http-server.ts';
import { configOf, probeContext, testOutbound } from './context.ts';

/** The http probe against real HTTP and HTTPS servers on 127.0.0.1. */
let plain: HttpPeer;
let secure: HttpPeer;
let selfSigned: HttpPeer;
let ca: CertificateAuthority;
let outbound: Outbound;
let context: ProbeContext;

const check = (input: Record<string, unknown>, overrides: Partial<ProbeContext> = {}) =>
  runProbe('http', configOf('http', input), { ...context, ...overrides });

beforeAll(async () => {
  ca = createCertificateAuthority();
  plain = await startHttpPeer();
  secure = await startHttpPeer({ tls: issueCertificate(ca, { altNames: ['localhost', '127.0.0.1'] }) });
  selfSigned = await startHttpPeer({ tls: selfSignedCertificate() });
  outbound = testOutbound();
  context = probeContext(outbound, { ca: [ca.cert] });
});

afterAll(async () => {
  await Promise.all([plain.close(), secure.close(), selfSigned.close(), outbound.close()]);
});

describe('status codes', () => {
  it('is up on an expected status, with the status and every phase timed', async () => {
    const result = await check({ url: `${plain.url}/page` });
    expect(result).toMatchObject({ ok: true, statusCode: 200, message: expect.stringMatching(/^HTTP 200 in \d+ ms$/) });
    expect(result.timings).toMatchObject({ dnsMs: null, tlsMs: null, connectMs: expect.any(Number), firstByteMs: expect.any(Number) });
    expect(result.timings!.totalMs).toBeGreaterThanOrEqual(result.timings!.connectMs! + result.timings!.firstByteMs!);
    expect(result.responseMs).toBe(result.timings!.totalMs);
  });

  it('is down on a status outside the expected ones, and up on one inside a range', async () => {
    expect(await check({ url: `${plain.url}/status/503` })).toMatchObject({ ok: false, statusCode: 503, message: 'HTTP 503, expected 200-399' });
    expect(await check({ url: `${plain.url}/status/503`, expectedStatus: ['200', '500-599'] })).toMatchObject({ ok: true });
    expect(await check({ url: `${plain.url}/status/204`, expectedStatus: ['200'] })).toMatchObject({ ok: false });
  });

  it('times the DNS phase when the URL names a host', async () => {
    const result = await check({ url: `http://localhost:${plain.port}/page` }, { blockPrivateTargets: false });
    // localhost may resolve to ::1 first, where nothing listens: either way the lookup happened.
    expect(result.timings!.dnsMs).toEqual(expect.any(Number));
  });

  it('follows a flapping endpoint as it flaps', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push((await check({ url: `${plain.url}/flap` })).ok);
    expect(results.filter(Boolean)).toHaveLength(2);
    expect(results[0]).not.toBe(results[1]);
  });
});

describe('keywords', () => {
  it('is up when the keyword is present and down when it is missing', async () => {
    expect(await check({ url: `${plain.url}/page`, keyword: 'Welcome to the shop' })).toMatchObject({ ok: true });
    expect(await check({ url: `${plain.url}/page`, keyword: 'Sold out' })).toMatchObject({
      ok: false,
      message: 'HTTP 200, but "Sold out" was not found in the response',
    });
  });

  it('can require a keyword to be absent', async () => {
    expect(await check({ url: `${plain.url}/page`, keyword: 'Fatal error', keywordAbsent: true })).toMatchObject({ ok: true });
    expect(await check({ url: `${plain.url}/page`, keyword: 'All good', keywordAbsent: true })).toMatchObject({
      ok: false,
      message: 'HTTP 200, but "All good" was found in the response',
    });
  });

  it('matches regular expressions', async () => {
    expect(await check({ url: `${plain.url}/page`, keyword: 'All good: \\d+ items', keywordIsRegex: true })).toMatchObject({ ok: true });
    expect(await check({ url: `${plain.url}/page`, keyword: 'All good: \\d+ errors', keywordIsRegex: true })).toMatchObject({ ok: false });
  });

  it('finds a keyword at the end of a large page', async () => {
    expect(await check({ url: `${plain.url}/big?kb=512`, keyword: 'THE END' })).toMatchObject({ ok: true });
  });

  it('says so when a stored pattern is not a valid regular expression', async () => {
    const config = { ...configOf('http', { url: `${plain.url}/page` }), keyword: '(unclosed', keywordIsRegex: true };
    const result = await runProbe('http', config, context);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('not a valid regular expression') });
  });
});

describe('requests', () => {
  it('sends the method, headers, body and basic auth it is given', async () => {
    const result = await check({
      url: `${plain.url}/echo`,
      method: 'POST',
      headers: { 'X-Check': 'upkeep', 'Content-Type': 'application/json' },
      body: '{"ping":true}',
      keyword: '"method":"POST"',
    });
    expect(result.ok).toBe(true);
    const seen = await check({ url: `${plain.url}/echo`, method: 'PUT', body: 'hello', keyword: '"body":"hello"' });
    expect(seen.ok).toBe(true);
    expect((await check({ url: `${plain.url}/echo`, headers: { 'X-Check': 'upkeep' }, keyword: '"x-check":"upkeep"' })).ok).toBe(true);
  });

  it('passes basic auth, and is down without it', async () => {
    expect(await check({ url: `${plain.url}/auth`, basicAuth: { username: 'monitor', password: 's3cret' } })).toMatchObject({ ok: true, statusCode: 200 });
    expect(await check({ url: `${plain.url}/auth`, basicAuth: { username: 'monitor', password: 'wrong' } })).toMatchObject({ ok: false, statusCode: 401 });
    expect(await check({ url: `${plain.url}/auth` })).toMatchObject({ ok: false, statusCode: 401 });
  });

  it('is down when slower than the maximum response time', async () => {
    const result = await check({ url: `${plain.url}/slow/150`, maxResponseMs: 50 });
    expect(result).toMatchObject({ ok: false, statusCode: 200, message: expect.stringMatching(/^HTTP 200 in \d+ ms, slower than the 50 ms allowed$/) });
    expect(await check({ url: `${plain.url}/slow/10`, maxResponseMs: 2_000 })).toMatchObject({ ok: true });
  });

  it('reports a server that never answers as a timeout', async () => {
    const started = Date.now();
    const result = await check({ url: `${plain.url}/hang` }, { timeoutMs: 300 });
    expect(result).toMatchObject({ ok: false, message: 'no response within 300 ms' });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('reports a body that stalls, whether or not it is searched', async () => {
    const searched = await check({ url: `${plain.url}/stall-body`, keyword: 'nothing' }, { timeoutMs: 300 });
    expect(searched).toMatchObject({ ok: false, message: 'the response body did not finish within 300 ms' });
    const drained = await check({ url: `${plain.url}/stall-body` }, { timeoutMs: 300 });
    expect(drained).toMatchObject({ ok: false, message: 'the response body did not finish within 300 ms' });
  });

  it('checks with HEAD, reading no body', async () => {
    expect(await check({ url: `${plain.url}/page`, method: 'HEAD', keyword: 'Welcome' })).toMatchObject({ ok: false, statusCode: 200 });
    expect(await check({ url: `${plain.url}/page`, method: 'HEAD' })).toMatchObject({ ok: true, statusCode: 200 });
  });

  it('counts a scheduler\'s own timeout signal as a timeout', async () => {
    const result = await check({ url: `${plain.url}/hang` }, { signal: AbortSignal.timeout(100), timeoutMs: 5_000 });
    expect(result).toMatchObject({ ok: false, message: 'no response within 5000 ms' });
    expect(result.inconclusive).toBeUndefined();
  });

  it('says the worker cancelled the check, without calling the target down', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await check({ url: `${plain.url}/hang` }, { signal: controller.signal });
    expect(result).toMatchObject({ ok: false, inconclusive: true, message: expect.stringContaining('cancelled') });
  });
});

describe('redirects', () => {
  it('follows redirects to the final page by default', async () => {
    const result = await check({ url: `${plain.url}/redirect/3`, keyword: 'Welcome' });
    expect(result).toMatchObject({ ok: true, statusCode: 200, details: { redirects: 4, url: `${plain.url}/page` } });
  });

  it('reports the redirect itself when not following', async () => {
    const result = await check({ url: `${plain.url}/redirect/3`, followRedirects: false });
    expect(result).toMatchObject({ ok: true, statusCode: 302, details: { redirects: 0 } });
    expect(await check({ url: `${plain.url}/redirect/3`, followRedirects: false, expectedStatus: ['200'] })).toMatchObject({ ok: false });
  });

  it('gives up on endless redirects', async () => {
    const result = await check({ url: `${plain.url}/redirect/30` });
    expect(result).toMatchObject({ ok: false, message: 'more than 10 redirects' });
  });

  it('does not follow a redirect to another scheme', async () => {
    const result = await check({ url: `${plain.url}/redirect-to?url=${encodeURIComponent('ftp://files.example/')}` });
    expect(result).toMatchObject({ ok: false, message: 'redirected to a ftp: URL, which is not followed' });
  });
});

describe('TLS', () => {
  it('checks HTTPS with the TLS phase timed', async () => {
    const result = await check({ url: `${secure.url}/page` });
    expect(result).toMatchObject({ ok: true, statusCode: 200 });
    expect(result.timings!.tlsMs).toBeGreaterThan(0);
  });

  it('is down on an untrusted certificate unless verification is off', async () => {
    const result = await check({ url: `${selfSigned.url}/page` });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/self-signed certificate.*DEPTH_ZERO_SELF_SIGNED_CERT/) });
    expect(await check({ url: `${selfSigned.url}/page`, verifyTls: false })).toMatchObject({ ok: true, statusCode: 200 });
  });

  it('does not trust the test CA without being told to', async () => {
    const result = await check({ url: `${secure.url}/page` }, { ca: undefined });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('UNABLE_TO_') });
  });
});

describe('bad targets', () => {
  it('names the host that does not resolve', async () => {
    const result = await check({ url: 'http://no-such-host.invalid/' });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('host name not found') });
  });

  it('says the connection was refused', async () => {
    const closed = await startHttpPeer();
    await closed.close();
    const result = await check({ url: `${closed.url}/` });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('connection refused') });
  });

  it('refuses URLs that are not http or https, or not URLs', async () => {
    const stored = configOf('http', { url: `${plain.url}/page` });
    expect(await runProbe('http', { ...stored, url: 'ftp://files.example/' }, context)).toMatchObject({
      ok: false,
      message: 'only http and https URLs can be requested, not ftp:',
    });
    expect(await runProbe('http', { ...stored, url: 'not a url' }, context)).toMatchObject({ ok: false, message: 'the URL is not valid' });
  });

  it('blocks private targets after resolution when configured', async () => {
    const blocked = { blockPrivateTargets: true };
    const hitsBefore = plain.hits.length;
    const byAddress = await check({ url: `${plain.url}/page` }, blocked);
    expect(byAddress).toMatchObject({ ok: false, message: expect.stringContaining('127.0.0.1 is a private address') });
    const byName = await check({ url: `http://localhost:${plain.port}/page` }, blocked);
    expect(byName).toMatchObject({ ok: false, message: expect.stringMatching(/localhost resolves to .*private address/) });
    expect(plain.hits.length).toBe(hitsBefore);
    expect(await check({ url: `${plain.url}/page` })).toMatchObject({ ok: true });
  });
});
