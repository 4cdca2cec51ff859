/**
 * The peers of the waste audit benchmark, in a process of their own so the audit's process is
 * the one measured: a DNS server (dns2) answering after a short delay and counting the queries
 * in flight, and a web server serving normal and parked pages by Host header. It tells its
 * parent where it listens, and on request what it saw.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createServer, Packet } from 'dns2';

const DNS_DELAY_MS = Number(process.env.BENCH_DNS_DELAY_MS ?? 1);
const NORMAL_PAGE = `<!doctype html><html><head><title>Shop</title></head><body><h1>Our shop</h1><p>${'Good things, sold well, delivered fast. '.repeat(40)}</p></body></html>`;
const PARKED_PAGE = '<html><head><title>For sale</title></head><body><h1>This domain is for sale</h1><p>Make an offer.</p></body></html>';

/** What the DNS server knows of domain number n: 70% live, 10% parked, 10% no records, 10% NXDOMAIN. */
function domainCase(n: number): 'live' | 'parked' | 'empty' | 'nxdomain' {
  const r = n % 10;
  return r < 7 ? 'live' : r === 7 ? 'parked' : r === 8 ? 'empty' : 'nxdomain';
}

interface DnsStats {
  queries: number;
  /**
   * Questions received and not yet answered, by query id and question. A resolver that resends a
   * question after a slow answer uses the same id: that is one question in flight, not two.
   */
  inFlight: Map<string, number>;
  peak: number;
  resent: number;
}

async function startDns(stats: DnsStats) {
  const server = createServer({
    udp: true,
    handle: (request, send) => {
      stats.queries += 1;
      const question = request.questions[0]!;
      const key = `${(request.header as { id: number }).id} ${question.type} ${question.name.toLowerCase()}`;
      const copies = stats.inFlight.get(key) ?? 0;
      if (copies > 0) stats.resent += 1;
      stats.inFlight.set(key, copies + 1);
      stats.peak = Math.max(stats.peak, stats.inFlight.size);
      const response = Packet.createResponseFromRequest(request);
      const name = question.name.toLowerCase();
      const match = /^d(\d+)\.c\d+\.bench\.test$/.exec(name);
      const known = match ? domainCase(Number(match[1])) : name.startsWith('host') ? 'live' : 'nxdomain';
      if (known === 'nxdomain') (response.header as { rcode: number }).rcode = 3;
      else {
        const base = { name, class: Packet.CLASS.IN, ttl: 60 };
        if (question.type === Packet.TYPE.NS) response.answers.push({ ...base, type: Packet.TYPE.NS, ns: 'ns1.bench.test' } as never);
        if (known !== 'empty' && question.type === Packet.TYPE.A) response.answers.push({ ...base, type: Packet.TYPE.A, address: '127.0.0.1' } as never);
        if (known === 'live' && question.type === Packet.TYPE.MX) response.answers.push({ ...base, type: Packet.TYPE.MX, priority: 10, exchange: 'mail.bench.test' } as never);
      }
      setTimeout(() => {
        const left = (stats.inFlight.get(key) ?? 1) - 1;
        if (left > 0) stats.inFlight.set(key, left);
        else stats.inFlight.delete(key);
        void send(response);
      }, DNS_DELAY_MS);
    },
  });
  const addresses = await server.listen({ udp: { port: 0, address: '127.0.0.1' } });
  return { address: `127.0.0.1:${addresses.udp?.port}`, close: () => server.close() };
}

async function startWeb(): Promise<{ port: number; hits: () => number; close: () => Promise<void> }> {
  let hits = 0;
  const server = http.createServer((req, res) => {
    hits += 1;
    const match = /^d(\d+)\./.exec(String(req.headers.host ?? ''));
    const parked = match !== null && domainCase(Number(match[1])) === 'parked';
    res.writeHead(200, { 'content-type': 'text/html' }).end(parked ? PARKED_PAGE : NORMAL_PAGE);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits: () => hits,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

const stats: DnsStats = { queries: 0, inFlight: new Map(), peak: 0, resent: 0 };
const dns = await startDns(stats);
const web = await startWeb();
process.send?.({ dnsAddress: dns.address, webPort: web.port });
process.on('message', (message: { stats?: boolean }) => {
  if (message.stats) process.send?.({ queries: stats.queries, peak: stats.peak, resent: stats.resent, hits: web.hits() });
});
process.on('disconnect', () => {
  void Promise.all([dns.close(), web.close()]).then(() => process.exit(0));
});
