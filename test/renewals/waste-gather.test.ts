import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatherer, eachBounded, type WasteGatherer } from '../../src/renewals/waste.gather.ts';
import { startDnsPeer, type DnsPeer } from '../support/peers/dns-server.ts';
import { startHttpPeer, type HttpPeer } from '../support/peers/http-server.ts';

/**
 * Fact gathering against a real DNS server and a real web server: which answers are facts and
 * which are failures, and what a page fetch makes of redirects and large pages.
 */
const NS = ['ns1.dns.test'];
let dns: DnsPeer;
let web: HttpPeer;
let gatherer: WasteGatherer;

beforeAll(async () => {
  dns = await startDnsPeer(
    {
      'site.test': { NS, A: ['127.0.0.1'], AAAA: ['2001:DB8:0::1'], MX: [{ priority: 10, exchange: 'Mail.Site.Test' }] },
      'lander.test': { NS, A: ['127.0.0.1'] },
      'big.test': { NS, A: ['127.0.0.1'] },
      'bare.test': { A: ['127.0.0.1'] },
      'web.hosting.test': { A: ['192.0.2.7'], AAAA: ['2001:db8::7'] },
    },
    { silent: ['slow.test', 'slow.hosting.test'] },
  );
  web = await startHttpPeer();
  web.route('/', (req, res) => {
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    if (host === 'lander.test') return void res.writeHead(302, { location: 'https://www.sedo.com/search/details/?domain=lander.test' }).end();
    if (host === 'big.test') return void res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'A real shop with a lot to say. '.repeat(8_000)}</p>`);
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<h1>Welcome</h1><p>${'Opening hours, menus and directions. '.repeat(30)}</p>`);
  });
  gatherer = createGatherer({ dnsServers: [dns.address], httpPort: web.port, concurrency: 4, timeoutMs: 600 });
});
afterAll(async () => {
  await gatherer?.close();
  await dns?.close();
  await web?.close();
});

describe('waste audit fact gathering', () => {
  it('reads delegation and records, in one spelling, and fetches the page with the domain as Host', async () => {
    const facts = await gatherer.domain('Site.TEST.');
    expect(facts).toEqual({
      dns: { delegated: true, a: ['127.0.0.1'], aaaa: ['2001:db8::1'], mx: ['mail.site.test'] },
      page: { parked: false, evidence: [] },
    });
    expect(web.hits).toContain('/');
  });

  it('takes NXDOMAIN and a name without NS records as "not delegated", and asks nothing more', async () => {
    expect(await gatherer.domain('nowhere.test')).toEqual({ dns: { delegated: false, a: [], aaaa: [], mx: [] }, page: null });
    expect(dns.queries.filter((q) => q.endsWith(' nowhere.test'))).toEqual(['NS nowhere.test']);
    expect((await gatherer.domain('bare.test')).dns?.delegated).toBe(false);
  });

  it('gives null facts (unknown) when the lookup gets no answer', async () => {
    expect(await gatherer.domain('slow.test')).toEqual({ dns: null, page: null });
    expect(await gatherer.hostingAddresses('slow.hosting.test')).toBeNull();
  });

  it('calls a redirect to a parking service parked, and a page too large to read a real site', async () => {
    const lander = await gatherer.domain('lander.test');
    expect(lander.page).toEqual({ parked: true, evidence: ['redirects to www.sedo.com, a parking or domain-sale service'] });
    expect((await gatherer.domain('big.test')).page).toEqual({ parked: false, evidence: [] });
  });

  it('finds the addresses of a hosting plan from its host name or its address', async () => {
    expect(await gatherer.hostingAddresses('web.hosting.test')).toEqual(['192.0.2.7', '2001:db8::7']);
    expect(await gatherer.hostingAddresses('2001:DB8::0:7')).toEqual(['2001:db8::7']);
    expect(await gatherer.hostingAddresses('gone.hosting.test')).toEqual([]);
  });

  it('never runs more than the limit at once, and runs everything', async () => {
    let running = 0;
    let peak = 0;
    const done: number[] = [];
    await eachBounded(Array.from({ length: 50 }, (_, i) => i), 5, async (i) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setImmediate(resolve));
      running -= 1;
      done.push(i);
    });
    expect(peak).toBe(5);
    expect(done.sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });
});
