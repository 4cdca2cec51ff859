import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * An RDAP server on 127.0.0.1 replaying real registry answers recorded in
 * ../shared/fixtures/rdap (responses.json maps each recorded request to its status and body).
 * Every registry lives under its host name as the first path segment:
 * `https://rdap.verisign.com/com/v1/domain/google.com` is served at
 * `http://127.0.0.1:<port>/rdap.verisign.com/com/v1/domain/google.com`.
 *
 * `bootstrap` is the shipped IANA snapshot with every service URL rewritten that way, so a
 * client built on it reaches this server for any TLD (`RdapBootstrap` takes it as is); it is
 * also served at `/bootstrap/dns.json` for refresh tests. Recorded answers:
 * - google.com (Verisign), example.cz (CZ.NIC), airport.fr (AFNIC);
 * - jsiqpmcurt.com: 404 with an empty body (Verisign); jsiqpmcurt.design: 404 with an RDAP error body;
 * - no-expiry.cz: the example.cz answer without its expiration event, as registries that do
 *   not publish expiry send it.
 * Anything else is a 404 with an empty body. `serve(url, reply)` adds or replaces an answer.
 */
export const RDAP_FIXTURES = new URL('../../../../shared/fixtures/rdap/', import.meta.url);

export interface RdapReply {
  status: number;
  /** An object is sent as JSON; null sends no body. */
  body: unknown;
  headers?: Record<string, string>;
}

export interface RdapPeer {
  url: string;
  /** The IANA bootstrap, every registry pointing at this server. */
  bootstrap: { publication: string; services: [string[], string[]][] };
  /** The registry URLs asked for, as the real ones (`https://rdap.verisign.com/...`). */
  hits: string[];
  serve(registryUrl: string, reply: RdapReply | ((hit: number) => RdapReply)): void;
  close(): Promise<void>;
}

interface RecordedResponse {
  status: number;
  content_type: string[];
  request: string;
  body: string | null;
}

export function readFixture(name: string): unknown {
  return JSON.parse(fs.readFileSync(new URL(name, RDAP_FIXTURES), 'utf8'));
}

function recordedReplies(): Map<string, RdapReply> {
  const recorded = readFixture('responses.json') as Record<string, RecordedResponse>;
  const replies = new Map<string, RdapReply>();
  for (const response of Object.values(recorded)) {
    replies.set(key(response.request), {
      status: response.status,
      body: response.body === null ? null : readFixture(response.body),
      headers: { 'content-type': response.content_type[0] ?? 'application/rdap+json' },
    });
  }
  const cz = readFixture('nic-cz-example.cz.json') as { events: { eventAction: string }[] };
  replies.set(key('https://rdap.nic.cz/domain/example.cz'), { status: 200, body: cz });
  replies.set(key('https://rdap.nic.cz/domain/no-expiry.cz'), {
    status: 200,
    body: { ...cz, ldhName: 'no-expiry.cz', handle: 'no-expiry.cz', events: cz.events.filter((event) => event.eventAction !== 'expiration') },
  });
  const designNotFound = replies.get(key('https://rdap.centralnic.com/design/domain/jsiqpmcurt.design'));
  if (designNotFound) replies.set(key('https://rdap.nic.design/domain/jsiqpmcurt.design'), designNotFound);
  return replies;
}

/** "https://rdap.verisign.com/com/v1/domain/X" → "rdap.verisign.com/com/v1/domain/x" */
function key(url: string): string {
  const parsed = new URL(url);
  return `${parsed.host}${parsed.pathname}`.toLowerCase();
}

export async function startRdapPeer(): Promise<RdapPeer> {
  const replies = new Map<string, RdapReply | ((hit: number) => RdapReply)>(recordedReplies());
  const hits: string[] = [];
  const counts = new Map<string, number>();
  let bootstrapText = '';
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === '/bootstrap/dns.json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(bootstrapText);
    const wanted = decodeURIComponent(path.slice(1)).toLowerCase();
    hits.push(`https://${wanted}`);
    const count = (counts.get(wanted) ?? 0) + 1;
    counts.set(wanted, count);
    const found = replies.get(wanted);
    const reply = typeof found === 'function' ? found(count) : (found ?? { status: 404, body: null });
    res.writeHead(reply.status, { 'content-type': 'application/rdap+json', ...reply.headers });
    res.end(reply.body === null ? undefined : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const snapshot = readFixture('iana-bootstrap-dns-2024-02-07.json') as RdapPeer['bootstrap'];
  const bootstrap = {
    ...snapshot,
    services: snapshot.services.map(([entries, urls]): [string[], string[]] => [entries, urls.map((u) => u.replace(/^https?:\/\//, `${url}/`))]),
  };
  bootstrapText = JSON.stringify(bootstrap);
  return {
    url,
    bootstrap,
    hits,
    serve: (registryUrl, reply) => void replies.set(key(registryUrl), reply),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
