import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KeyAndCertificate } from './certificates.ts';

/**
 * An HTTP or HTTPS server on 127.0.0.1 (a free port) with the routes a monitor meets in the wild:
 *
 * | route                 | answer                                                              |
 * |-----------------------|---------------------------------------------------------------------|
 * | `/status/<code>`      | that status, body `status <code>`                                   |
 * | `/page`               | 200, an HTML page containing "Welcome to the shop" and "All good"   |
 * | `/redirect/<n>`       | 302 to `/redirect/<n-1>`; `/redirect/0` is `/page`                  |
 * | `/redirect-to?url=…`  | 302 to that URL                                                     |
 * | `/slow/<ms>`          | 200 after that many milliseconds                                    |
 * | `/hang`               | never answers                                                       |
 * | `/stall-body`         | headers and part of the body, then nothing                          |
 * | `/auth`               | 200 with the right Basic credentials (`basicAuth`), else 401        |
 * | `/flap`               | 200 and 500 in turn                                                 |
 * | `/echo`               | 200, JSON of the method, headers and body received                  |
 * | `/big?kb=<n>`         | 200, n KiB of filler ending in "THE END"                            |
 * Anything else is 404. Tests add their own with `route(path, handler)`.
 */
export interface HttpPeer {
  /** `http://127.0.0.1:<port>` or `https://…` */
  url: string;
  port: number;
  /** Paths requested, in order. */
  hits: string[];
  route(path: string, handler: http.RequestListener): void;
  close(): Promise<void>;
}

export interface HttpPeerOptions {
  tls?: KeyAndCertificate & { ca?: string };
  basicAuth?: { username: string; password: string };
}

const PAGE = '<!doctype html><html><body><h1>Welcome to the shop</h1><p>All good: 3 items in stock.</p></body></html>';

export async function startHttpPeer(options: HttpPeerOptions = {}): Promise<HttpPeer> {
  const hits: string[] = [];
  const extra = new Map<string, http.RequestListener>();
  const credentials = options.basicAuth ?? { username: 'monitor', password: 's3cret' };
  let flaps = 0;
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://peer');
    hits.push(url.pathname);
    const own = extra.get(url.pathname);
    if (own) return void own(req, res);
    const answer = builtIn(url, req, res, credentials, () => flaps++);
    if (!answer) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  };
  const server = options.tls
    ? https.createServer({ key: options.tls.key, cert: options.tls.ca ? options.tls.cert + options.tls.ca : options.tls.cert }, handler)
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    hits,
    route: (path, routeHandler) => void extra.set(path, routeHandler),
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

interface RouteCall {
  url: URL;
  /** The path segment after the route's name: `/status/503` → "503". */
  arg: string;
  req: http.IncomingMessage;
  res: http.ServerResponse;
  credentials: { username: string; password: string };
  flap: () => number;
}

function text(res: http.ServerResponse, status: number, body: string, type = 'text/plain'): void {
  res.writeHead(status, { 'content-type': type }).end(body);
}

const BUILT_IN: Record<string, (call: RouteCall) => void> = {
  status: ({ res, arg }) => text(res, Number(arg) || 500, `status ${arg}`),
  page: ({ res }) => text(res, 200, PAGE, 'text/html; charset=utf-8'),
  redirect: ({ res, arg }) => void res.writeHead(302, { location: Number(arg) > 0 ? `/redirect/${Number(arg) - 1}` : '/page' }).end(),
  'redirect-to': ({ res, url }) => void res.writeHead(302, { location: url.searchParams.get('url') ?? '/page' }).end(),
  slow: ({ res, arg }) => void setTimeout(() => text(res, 200, 'finally'), Number(arg)).unref(),
  hang: () => {},
  'stall-body': ({ res }) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.write('the beginning, and then nothing');
  },
  auth: ({ req, res, credentials }) => {
    if (authorised(req, credentials)) text(res, 200, 'welcome in');
    else res.writeHead(401, { 'www-authenticate': 'Basic realm="peer"' }).end();
  },
  flap: ({ res, flap }) => text(res, flap() % 2 === 0 ? 200 : 500, 'flapping'),
  echo: ({ req, res }) => echo(req, res),
  big: ({ res, url }) => text(res, 200, `${'.'.repeat(Number(url.searchParams.get('kb') ?? 1) * 1024)}THE END`),
};

/** Answers a built-in route and returns true, or returns false for an unknown path. */
function builtIn(
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  credentials: { username: string; password: string },
  flap: () => number,
): boolean {
  const [, name = '', arg = ''] = url.pathname.split('/');
  const route = Object.hasOwn(BUILT_IN, name) ? BUILT_IN[name] : undefined;
  if (!route) return false;
  route({ url, arg, req, res, credentials, flap });
  return true;
}

function authorised(req: http.IncomingMessage, credentials: { username: string; password: string }): boolean {
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
  return req.headers.authorization === expected;
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
