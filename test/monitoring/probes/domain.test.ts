import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRdapClient, createRdapPoliteness, RdapBootstrap, runProbe, type RdapClient } from '../../../src/monitoring/probes/index.ts';
import type { ProbeContext } from '../../../src/monitoring/probes/probe.ts';
import type { Outbound } from '../../../src/platform/outbound/client.ts';
import { readFixture, startRdapPeer, type RdapPeer } from '../../support/peers/rdap-server.ts';
import { configOf, probeContext, testOutbound } from './context.ts';

/** The domain probe against an RDAP server replaying real registry answers. */
let rdap: RdapPeer;
let outbound: Outbound;
let client: RdapClient;
let context: ProbeContext;

const at = (iso: string) => () => new Date(iso);
const check = (domain: string, overrides: Partial<ProbeContext> = {}, settings: Record<string, unknown> = {}) =>
  runProbe('domain', configOf('domain', { domain, ...settings }), { ...context, ...overrides });

/** A client of its own, so rate limits and back-offs of one test do not leak into another. */
function freshClient(politeness = createRdapPoliteness({ requestsPerSecond: 1_000, burst: 100 })): RdapClient {
  return createRdapClient({ bootstrap: new RdapBootstrap(rdap.bootstrap), politeness });
}

beforeAll(async () => {
  rdap = await startRdapPeer();
  outbound = testOutbound();
  client = freshClient();
  context = probeContext(outbound, { rdap: client, now: at('2024-02-07T12:00:00Z') });
});

afterAll(async () => {
  await Promise.all([rdap.close(), outbound.close()]);
});

describe('registries', () => {
  it('reads expiry, registrar and statuses from Verisign (.com), for the registrable domain', async () => {
    const result = await check('www.google.com');
    expect(result).toMatchObject({
      ok: true,
      message: 'google.com registered until 2028-09-14 (1681 days) (registrar MarkMonitor Inc.)',
      domain: {
        domain: 'google.com',
        expiresOn: '2028-09-14',
        expiryPublished: true,
        daysLeft: 1681,
        registrar: 'MarkMonitor Inc.',
        statuses: expect.arrayContaining(['client transfer prohibited', 'server delete prohibited']),
        source: `${rdap.url}/rdap.verisign.com/com/v1/domain/google.com`,
      },
    });
    expect(rdap.hits).toContain('https://rdap.verisign.com/com/v1/domain/google.com');
  });

  it('reads CZ.NIC (.cz), whose registrar has only a handle, and warns before expiry', async () => {
    const result = await check('example.cz', { now: at('2019-08-01T08:00:00Z') }, { warnDays: 30, downDays: 7 });
    expect(result).toMatchObject({
      ok: true,
      warning: true,
      message: 'example.cz registration expires in 29 days (2019-08-30) (registrar REG-INTERNET-CZ)',
      domain: { expiresOn: '2019-08-30', registrar: 'REG-INTERNET-CZ', statuses: ['active'] },
    });
  });

  it('is down once the registration has expired', async () => {
    const result = await check('example.cz');
    expect(result).toMatchObject({ ok: false, message: 'example.cz registration expired on 2019-08-30 (registrar REG-INTERNET-CZ)' });
  });

  it('is down within downDays', async () => {
    const result = await check('airport.fr', { now: at('2023-01-24T10:00:00Z') }, { downDays: 7 });
    expect(result).toMatchObject({ ok: false, message: 'airport.fr registration expires in 3 days (2023-01-27) (registrar PG)' });
  });

  it('reads AFNIC (.fr), statuses as published', async () => {
    const result = await check('airport.fr', { now: at('2022-06-01T10:00:00Z') });
    expect(result).toMatchObject({ ok: true, domain: { expiresOn: '2023-01-27', registrar: 'PG', statuses: ['inactive'] } });
  });
});

describe('honest answers', () => {
  it('says the registry does not publish expiry, never guessing a date', async () => {
    const result = await check('no-expiry.cz');
    const registry = new URL(rdap.url).host;
    expect(result).toMatchObject({
      ok: true,
      message: `no-expiry.cz is registered (registrar REG-INTERNET-CZ); expiry not published by ${registry}`,
      domain: { expiresOn: null, expiryPublished: false, daysLeft: null, source: `${rdap.url}/rdap.nic.cz/domain/no-expiry.cz` },
    });
  });

  it('says a domain is not registered when the registry does not know it (404, empty body)', async () => {
    const result = await check('jsiqpmcurt.com');
    expect(result).toMatchObject({ ok: false, message: `jsiqpmcurt.com is not registered (not found at ${new URL(rdap.url).host})` });
    expect(result.inconclusive).toBeUndefined();
  });

  it('says the same for a 404 with an RDAP error body', async () => {
    expect(await check('jsiqpmcurt.design')).toMatchObject({ ok: false, message: expect.stringContaining('jsiqpmcurt.design is not registered') });
  });

  it('says a TLD without RDAP cannot be checked, without asking anyone', async () => {
    const hits = rdap.hits.length;
    const result = await check('example.de');
    expect(result).toMatchObject({ ok: false, message: '.de has no RDAP service in the IANA bootstrap (published 2024-02-07), so its registration cannot be checked' });
    expect(rdap.hits.length).toBe(hits);
  });

  it('refuses names that are not registrable domains', async () => {
    expect(await check('co.uk')).toMatchObject({ ok: false, message: expect.stringContaining('not a registrable domain name') });
    expect(await check('192.0.2.1')).toMatchObject({ ok: false, message: '192.0.2.1 is an IP address, not a domain name' });
  });

  it('is inconclusive, not down, when the registry fails', async () => {
    rdap.serve('https://rdap.nic.fr/domain/broken.fr', { status: 500, body: { errorCode: 500 } });
    const result = await check('broken.fr');
    expect(result).toMatchObject({ ok: false, inconclusive: true, message: expect.stringContaining('answered HTTP 500') });
  });

  it('is inconclusive on an answer that is not RDAP JSON', async () => {
    rdap.serve('https://rdap.nic.fr/domain/garbled.fr', { status: 200, body: '<html>maintenance</html>' });
    expect(await check('garbled.fr')).toMatchObject({ ok: false, inconclusive: true, message: expect.stringContaining('cannot be read') });
  });
});

describe('politeness', () => {
  it('backs off after a 429 for as long as Retry-After says, sending nothing meanwhile', async () => {
    let clock = 0;
    const own = freshClient(createRdapPoliteness({ requestsPerSecond: 1_000, burst: 100, now: () => clock }));
    rdap.serve('https://rdap.verisign.com/com/v1/domain/busy.com', { status: 429, body: null, headers: { 'retry-after': '120' } });
    const first = await check('busy.com', { rdap: own });
    expect(first).toMatchObject({ ok: false, inconclusive: true, retryAfterMs: 120_000, message: expect.stringContaining('is limiting RDAP lookups; next try in 120 s') });

    const hits = rdap.hits.length;
    clock += 20_000;
    const meanwhile = await check('google.com', { rdap: own });
    expect(meanwhile).toMatchObject({ ok: false, inconclusive: true, retryAfterMs: 100_000 });
    expect(rdap.hits.length).toBe(hits);

    clock += 100_001;
    expect(await check('google.com', { rdap: own })).toMatchObject({ ok: true });
    expect(rdap.hits.length).toBe(hits + 1);
  });

  it('doubles the back-off on repeated 429s without Retry-After', async () => {
    let clock = 0;
    const own = freshClient(createRdapPoliteness({ firstBackoffMs: 30_000, requestsPerSecond: 1_000, now: () => clock }));
    rdap.serve('https://rdap.nic.fr/domain/throttled.fr', { status: 429, body: null });
    expect(await check('throttled.fr', { rdap: own })).toMatchObject({ retryAfterMs: 30_000 });
    clock += 30_001;
    expect(await check('throttled.fr', { rdap: own })).toMatchObject({ retryAfterMs: 60_000 });
  });

  it('spaces requests to one registry, leaving others alone', async () => {
    const own = freshClient(createRdapPoliteness({ requestsPerSecond: 10, burst: 1 }));
    const started = performance.now();
    const results = await Promise.all(['google.com', 'google.com', 'google.com'].map((domain) => check(domain, { rdap: own })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('tells a check that would wait longer than its timeout when to come back, instead of queueing it', async () => {
    const own = freshClient(createRdapPoliteness({ requestsPerSecond: 0.01, burst: 1 }));
    expect(await check('google.com', { rdap: own })).toMatchObject({ ok: true });
    const hits = rdap.hits.length;
    const second = await check('google.com', { rdap: own, timeoutMs: 2_000 });
    expect(second).toMatchObject({ ok: false, inconclusive: true });
    expect(second.retryAfterMs).toBeGreaterThan(90_000);
    expect(rdap.hits.length).toBe(hits);
  });
});

describe('bootstrap', () => {
  it('ships a snapshot and refreshes from a bootstrap URL', async () => {
    const bootstrap = RdapBootstrap.fromSnapshot();
    expect(bootstrap).toMatchObject({ source: 'snapshot', publication: '2024-02-07T04:00:02Z' });
    expect(bootstrap.serviceFor('google.com')).toEqual({ entry: 'com', baseUrl: 'https://rdap.verisign.com/com/v1/' });
    const own = createRdapClient({ bootstrap, politeness: createRdapPoliteness({ requestsPerSecond: 1_000 }) });
    expect(await own.refreshBootstrap(outbound, `${rdap.url}/bootstrap/dns.json`)).toEqual({ refreshed: true, publication: '2024-02-07T04:00:02Z' });
    expect(bootstrap.source).toBe(`${rdap.url}/bootstrap/dns.json`);
    expect(await check('google.com', { rdap: own })).toMatchObject({ ok: true, domain: { source: expect.stringContaining(rdap.url) } });
  });

  it('keeps the bootstrap it has when a refresh fails', async () => {
    const bootstrap = new RdapBootstrap(rdap.bootstrap);
    expect(await bootstrap.refresh(outbound, `${rdap.url}/not-a-bootstrap`)).toMatchObject({ refreshed: false, reason: expect.stringContaining('HTTP 404') });
    rdap.serve('https://bootstrap.example/garbage.json', { status: 200, body: { services: 'none' } });
    expect(await bootstrap.refresh(outbound, `${rdap.url}/bootstrap.example/garbage.json`)).toEqual({ refreshed: false, reason: 'not a bootstrap file' });
    expect(await bootstrap.refresh(outbound, 'http://127.0.0.1:1/dns.json')).toMatchObject({ refreshed: false, reason: expect.stringContaining('refused') });
    expect(bootstrap.serviceFor('google.com')?.baseUrl).toBe(`${rdap.url}/rdap.verisign.com/com/v1/`);
  });

  it('works without a client in the context, on the shipped snapshot', async () => {
    const { rdap: _unused, ...bare } = context;
    const result = await runProbe('domain', configOf('domain', { domain: 'example.de' }), bare);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('.de has no RDAP service') });
  });

  it('replays the recorded bootstrap edge cases: longest suffix first, then the catch-all', () => {
    const bootstrap = new RdapBootstrap(readFixture('bootstrap-edge-cases-dns.json'));
    expect(bootstrap.serviceFor('a.sub.example.com')).toEqual({ entry: 'sub.example.com', baseUrl: 'https://example.com/sub/' });
    expect(bootstrap.serviceFor('example.com')).toEqual({ entry: 'com', baseUrl: 'https://example.com/' });
    expect(bootstrap.serviceFor('example.net')).toEqual({ entry: '', baseUrl: 'https://example.root/' });
  });
});
