import { randomUUID, sign } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { crc32 } from 'node:zlib';
import { selfSignedCertificate, type KeyAndCertificate } from './peers/certificates.ts';

/**
 * A fake PayPal REST API on 127.0.0.1 for the real SDK: the OAuth token endpoint, vault setup and
 * payment tokens, orders with intent CAPTURE, capture refunds, and a webhook signing certificate.
 *
 * Like PayPal, every POST honours `PayPal-Request-Id`: a repeated id gets the first answer again,
 * whatever the body, and creates nothing. The next order's fate is scripted with `script()`:
 *
 * | outcome                | answer                                                                 |
 * |------------------------|------------------------------------------------------------------------|
 * | `success`              | 201, order COMPLETED, capture COMPLETED                                |
 * | `soft-decline`         | 201, capture DECLINED with processor response 5120 (insufficient funds) |
 * | `hard-decline`         | 422 INSTRUMENT_DECLINED, and the card is closed from then on           |
 * | `payer-action`         | 201, order PAYER_ACTION_REQUIRED with a payer-action link              |
 * | `timeout`              | never answers, creates nothing                                         |
 * | `fail-after-accepting` | creates and captures the order, then drops the connection              |
 */
export type FakeOrderOutcome = 'success' | 'soft-decline' | 'hard-decline' | 'payer-action' | 'timeout' | 'fail-after-accepting';

export interface FakeOrder {
  id: string;
  requestId: string;
  status: string;
  captureId: string | null;
  captureStatus: string | null;
  amount: { currency_code: string; value: string };
  vaultId: string;
}

export interface FakePaymentToken {
  id: string;
  customerId: string;
  kind: 'card' | 'paypal';
  closed: boolean;
}

export interface FakePaypal {
  url: string;
  clientId: string;
  clientSecret: string;
  /** The signing certificate's URL on this server, and its key for signing test deliveries. */
  certUrl: string;
  signingKey: KeyAndCertificate;
  orders: FakeOrder[];
  refunds: { id: string; captureId: string; requestId: string }[];
  paymentTokens: FakePaymentToken[];
  /** Access tokens handed out. */
  tokensIssued: number;
  script(...outcomes: FakeOrderOutcome[]): void;
  addPaymentToken(customerId: string, kind: 'card' | 'paypal'): FakePaymentToken;
  /** What the payer does on PayPal's approve page. */
  approveSetupToken(id: string): void;
  /** A setup token as the fake keeps it: whose, whether approved, and where the payer goes back to. */
  setupToken(id: string): FakeSetupToken | undefined;
  /** The next capture refund is refused with a 422 carrying this issue (as PayPal refuses one it cannot make); nothing is refunded. */
  refuseNextRefund(issue?: string): void;
  /** Headers PayPal would send with this body, signed with our key unless told otherwise. */
  signWebhook(body: string, options: { webhookId: string; transmissionTime?: Date; certUrl?: string; key?: string }): Record<string, string>;
  close(): Promise<void>;
}

export interface FakeSetupToken {
  customerId: string;
  approved: boolean;
  /** The experience context's return and cancel addresses, where the approve page sends the payer. */
  returnUrl: string | null;
  cancelUrl: string | null;
}

interface Stored {
  status: number;
  body: unknown;
}

interface State {
  fake: FakePaypal;
  outcomes: FakeOrderOutcome[];
  answered: Map<string, Stored>;
  setupTokens: Map<string, FakeSetupToken>;
  accessTokens: Set<string>;
  refundRefusals: string[];
}

export async function startFakePaypal(): Promise<FakePaypal> {
  const sockets = new Set<Socket>();
  const state = { outcomes: [], answered: new Map(), setupTokens: new Map(), accessTokens: new Set(), refundRefusals: [] } as unknown as State;
  const server = http.createServer((req, res) => void handle(state, req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const signingKey = selfSignedCertificate({ commonName: 'messageverificationcerts.paypal.com', altNames: ['messageverificationcerts.paypal.com'] });
  state.fake = {
    url,
    clientId: 'fake-client',
    clientSecret: 'fake-secret',
    certUrl: `${url}/v1/notifications/certs/CERT-fake`,
    signingKey,
    orders: [],
    refunds: [],
    paymentTokens: [],
    tokensIssued: 0,
    script: (...outcomes) => void state.outcomes.push(...outcomes),
    addPaymentToken(customerId, kind) {
      const token = { id: `tok_${randomUUID().slice(0, 8)}`, customerId, kind, closed: false };
      state.fake.paymentTokens.push(token);
      return token;
    },
    approveSetupToken(id) {
      const setup = state.setupTokens.get(id);
      if (!setup) throw new Error(`no setup token ${id}`);
      setup.approved = true;
    },
    setupToken: (id) => state.setupTokens.get(id),
    refuseNextRefund: (issue = 'REFUND_FAILED_INSUFFICIENT_FUNDS') => void state.refundRefusals.push(issue),
    signWebhook(body, options) {
      const transmissionId = randomUUID();
      const transmissionTime = (options.transmissionTime ?? new Date()).toISOString();
      const message = `${transmissionId}|${transmissionTime}|${options.webhookId}|${crc32(Buffer.from(body))}`;
      return {
        'paypal-transmission-id': transmissionId,
        'paypal-transmission-time': transmissionTime,
        'paypal-transmission-sig': sign('sha256', Buffer.from(message), options.key ?? signingKey.key).toString('base64'),
        'paypal-cert-url': options.certUrl ?? state.fake.certUrl,
        'paypal-auth-algo': 'SHA256withRSA',
      };
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return state.fake;
}

async function handle(state: State, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  const url = new URL(req.url ?? '/', 'http://fake');
  const route = `${req.method} ${url.pathname}`;
  if (route === `GET /v1/notifications/certs/CERT-fake`) {
    return void res.writeHead(200, { 'content-type': 'text/plain' }).end(state.fake.signingKey.cert);
  }
  if (route === 'POST /v1/oauth2/token') return issueToken(state, req, res);
  if (url.pathname === '/agreements/approve') return approvePage(state, req, res, url, body);
  const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  if (!bearer || !state.accessTokens.has(bearer)) return send(res, { status: 401, body: { name: 'AUTHENTICATION_FAILURE', message: 'no valid token' } });
  if (route === 'GET /v3/vault/payment-tokens') return send(res, listTokens(state, url.searchParams.get('customer_id') ?? ''));
  if (req.method !== 'POST') return send(res, { status: 404, body: { name: 'RESOURCE_NOT_FOUND', message: route } });

  const requestId = req.headers['paypal-request-id'];
  const key = typeof requestId === 'string' ? `${url.pathname} ${requestId}` : null;
  const earlier = key ? state.answered.get(key) : undefined;
  if (earlier) return send(res, earlier);
  const json = JSON.parse(body || '{}') as Record<string, any>;
  const remember = (answer: Stored) => {
    if (key) state.answered.set(key, answer);
    return answer;
  };
  if (url.pathname === '/v3/vault/setup-tokens') return send(res, remember(createSetupToken(state, json)));
  if (url.pathname === '/v3/vault/payment-tokens') {
    // A refusal before anything was made (the payer has not approved yet) is not kept: the same id works once approved.
    const answer = createPaymentToken(state, json);
    return send(res, answer.status === 201 ? remember(answer) : answer);
  }
  if (url.pathname === '/v2/checkout/orders') return createOrder(state, res, json, typeof requestId === 'string' ? requestId : '', remember);
  const refund = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(url.pathname);
  if (refund) return send(res, remember(createRefund(state, refund[1]!, json, String(requestId ?? ''))));
  send(res, { status: 404, body: { name: 'RESOURCE_NOT_FOUND', message: route } });
}

function issueToken(state: State, req: http.IncomingMessage, res: http.ServerResponse): void {
  const expected = `Basic ${Buffer.from(`${state.fake.clientId}:${state.fake.clientSecret}`).toString('base64')}`;
  if (req.headers.authorization !== expected) return send(res, { status: 401, body: { error: 'invalid_client' } });
  const token = `A21.${randomUUID()}`;
  state.accessTokens.add(token);
  state.fake.tokensIssued += 1;
  send(res, { status: 200, body: { scope: 'https://uri.paypal.com/services/vault', access_token: token, token_type: 'Bearer', app_id: 'APP-fake', expires_in: 32400, nonce: randomUUID() } });
}

function createSetupToken(state: State, json: Record<string, any>): Stored {
  const id = `st_${randomUUID().slice(0, 8)}`;
  const customerId = json.customer?.id ?? `cust_${randomUUID().slice(0, 8)}`;
  const context = json.payment_source?.paypal?.experience_context ?? {};
  state.setupTokens.set(id, { customerId, approved: false, returnUrl: context.return_url ?? null, cancelUrl: context.cancel_url ?? null });
  const approve = `${state.fake.url}/agreements/approve?approval_session_id=${id}`;
  return {
    status: 201,
    body: { id, customer: { id: customerId }, status: 'PAYER_ACTION_REQUIRED', payment_source: { paypal: {} }, links: [{ href: approve, rel: 'approve', method: 'GET' }] },
  };
}

/**
 * PayPal's approve page, played by the fake in a browser: GET shows the agreement with a button,
 * the button's POST approves the setup token and sends the payer to the return address (a 303, as
 * PayPal's redirect back). An unknown token gets PayPal's "expired" answer.
 */
function approvePage(state: State, req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: string): void {
  const id = url.searchParams.get('approval_session_id') ?? new URLSearchParams(body).get('approval_session_id') ?? '';
  const setup = state.setupTokens.get(id);
  if (!setup) return void res.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>PayPal</title><h1>This link has expired</h1>');
  if (req.method === 'POST') {
    setup.approved = true;
    return void res.writeHead(303, { location: setup.returnUrl ?? '/' }).end();
  }
  const page = `<!doctype html><html lang="en"><title>PayPal</title>
<main style="font-family:sans-serif;max-width:28rem;margin:3rem auto">
<h1>PayPal</h1><p>Save PayPal for future payments to this merchant.</p><p>payer@example.com</p>
<form method="post" action="/agreements/approve"><input type="hidden" name="approval_session_id" value="${id}">
<button type="submit">Agree and Continue</button></form></main></html>`;
  res.writeHead(200, { 'content-type': 'text/html' }).end(page);
}

function createPaymentToken(state: State, json: Record<string, any>): Stored {
  const setupId = json.payment_source?.token?.id as string | undefined;
  const setup = setupId ? state.setupTokens.get(setupId) : undefined;
  if (!setup?.approved) return unprocessable('TOKEN_NOT_APPROVED', 'The setup token has not been approved by the payer.');
  const token = state.fake.addPaymentToken(setup.customerId, 'paypal');
  return { status: 201, body: tokenJson(token) };
}

function listTokens(state: State, customerId: string): Stored {
  const tokens = state.fake.paymentTokens.filter((token) => token.customerId === customerId);
  return { status: 200, body: { customer: { id: customerId }, payment_tokens: tokens.map(tokenJson) } };
}

function tokenJson(token: FakePaymentToken): Record<string, unknown> {
  const source =
    token.kind === 'card'
      ? { card: { brand: 'VISA', last_digits: '4242', expiry: '2030-07' } }
      : { paypal: { email_address: 'payer@example.com', payer_id: 'PAYERFAKE' } };
  return { id: token.id, customer: { id: token.customerId }, payment_source: source };
}

function createOrder(
  state: State,
  res: http.ServerResponse,
  json: Record<string, any>,
  requestId: string,
  remember: (answer: Stored) => Stored,
): void {
  const unit = json.purchase_units?.[0];
  if (!(Number(unit?.amount?.value) > 0)) return send(res, unprocessable('CANNOT_BE_ZERO_OR_NEGATIVE', 'Must be greater than zero.'));
  const vaultId = json.payment_source?.card?.vault_id ?? json.payment_source?.paypal?.vault_id;
  const token = state.fake.paymentTokens.find((candidate) => candidate.id === vaultId);
  if (!token) return send(res, unprocessable('INVALID_PAYMENT_SOURCE', 'No such vaulted payment token.'));
  const outcome = state.outcomes.shift() ?? 'success';
  if (outcome === 'timeout') return; // the request hangs until the client gives up
  if (token.closed || outcome === 'hard-decline') {
    token.closed = true;
    return send(res, remember(unprocessable('INSTRUMENT_DECLINED', 'The instrument presented was declined by the processor or bank.')));
  }
  const order: FakeOrder = {
    id: `ORDER-${randomUUID().slice(0, 8)}`,
    requestId,
    status: outcome === 'payer-action' ? 'PAYER_ACTION_REQUIRED' : 'COMPLETED',
    captureId: outcome === 'payer-action' ? null : `CAPTURE-${randomUUID().slice(0, 8)}`,
    captureStatus: outcome === 'payer-action' ? null : outcome === 'soft-decline' ? 'DECLINED' : 'COMPLETED',
    amount: unit.amount,
    vaultId,
  };
  state.fake.orders.push(order);
  const answer = remember({ status: 201, body: orderJson(state, order, unit, outcome) });
  if (outcome === 'fail-after-accepting') return void res.socket?.destroy();
  send(res, answer);
}

function orderJson(state: State, order: FakeOrder, unit: Record<string, any>, outcome: FakeOrderOutcome): Record<string, unknown> {
  const capture = order.captureId
    ? {
        id: order.captureId,
        status: order.captureStatus,
        amount: order.amount,
        final_capture: true,
        ...(outcome === 'soft-decline' ? { processor_response: { response_code: '5120' } } : {}),
      }
    : null;
  const links = [{ href: `${state.fake.url}/v2/checkout/orders/${order.id}`, rel: 'self', method: 'GET' }];
  if (order.status === 'PAYER_ACTION_REQUIRED') {
    links.push({ href: `${state.fake.url}/checkoutnow?token=${order.id}`, rel: 'payer-action', method: 'GET' });
  }
  return {
    id: order.id,
    intent: 'CAPTURE',
    status: order.status,
    purchase_units: [{ reference_id: unit.reference_id ?? 'default', amount: order.amount, custom_id: unit.custom_id, payments: capture ? { captures: [capture] } : undefined }],
    links,
  };
}

function createRefund(state: State, captureId: string, json: Record<string, any>, requestId: string): Stored {
  const order = state.fake.orders.find((candidate) => candidate.captureId === captureId && candidate.captureStatus === 'COMPLETED');
  if (!order) return { status: 404, body: { name: 'RESOURCE_NOT_FOUND', message: 'No such capture.', details: [{ issue: 'INVALID_RESOURCE_ID' }] } };
  const refusal = state.refundRefusals.shift();
  if (refusal) return unprocessable(refusal, 'The refund could not be made.');
  const refund = { id: `REFUND-${randomUUID().slice(0, 8)}`, captureId, requestId };
  state.fake.refunds.push(refund);
  return { status: 201, body: { id: refund.id, status: 'COMPLETED', amount: json.amount ?? order.amount } };
}

function unprocessable(issue: string, description: string): Stored {
  return {
    status: 422,
    body: { name: 'UNPROCESSABLE_ENTITY', message: 'The requested action could not be performed.', debug_id: randomUUID().slice(0, 12), details: [{ issue, description }] },
  };
}

function send(res: http.ServerResponse, answer: Stored): void {
  res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
