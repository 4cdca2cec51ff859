import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake Stripe API on 127.0.0.1 for the official SDK to talk to: just the endpoints the Stripe
 * gateway uses, with Stripe's form-encoded bodies, JSON shapes, error objects and idempotency
 * (the same `Idempotency-Key` replays the stored answer; the same key with other parameters is
 * refused). Each saved card is scripted: what happens when it is charged.
 *
 * | behaviour                  | what the charge does                                                  |
 * |----------------------------|-----------------------------------------------------------------------|
 * | `succeed`                  | PaymentIntent succeeded                                               |
 * | `decline-soft`             | 402 card_declined / insufficient_funds, intent requires_payment_method |
 * | `decline-hard`             | 402 card_declined / stolen_card                                       |
 * | `authentication-required`  | 402 authentication_required (3-D Secure, nobody present)              |
 * | `time-out`                 | never answers, creates nothing                                        |
 * | `fail-after-accepting`     | the intent is created and succeeds, then a 500 (stored for the key, as Stripe does) |
 * | `drop-after-accepting`     | the intent is created and succeeds, then the connection is cut        |
 *
 * Card numbers are given to `addCard` like a person types them into Stripe's page; the fake
 * keeps only brand, last four and expiry, as Stripe shows them.
 *
 * `hold` stops the next matching request at a chosen point, so a test can kill the process that
 * sent it there: `before-accepting` (it reached nobody yet — nothing is created) or
 * `after-accepting` (the charge is made and its answer stored for the key, but not sent yet).
 */
export type CardBehaviour =
  | 'succeed'
  | 'decline-soft'
  | 'decline-hard'
  | 'authentication-required'
  | 'time-out'
  | 'fail-after-accepting'
  | 'drop-after-accepting';

export interface FakeStripeRequest {
  method: string;
  path: string;
  idempotencyKey: string | null;
  /** Lower-case names. */
  headers: IncomingMessage['headers'];
  form: Record<string, unknown>;
}

/** Where a held request waits: before the fake carries it out, or after, with the answer unsent. */
export type HoldStage = 'before-accepting' | 'after-accepting';

export interface HeldRequest {
  /** Resolves once the request is in and, after accepting, carried out (e.g. the PaymentIntent made). */
  reached: Promise<FakeStripeRequest>;
  /**
   * Goes on: carries the request out and answers (before accepting) or sends the answer (after).
   * Does nothing once the caller has gone: a request held before accepting is then lost, as if
   * the network had dropped it on the way to Stripe, and an answer held after accepting is never read.
   */
  release(): void;
}

export interface FakeStripe {
  /** `http://127.0.0.1:<port>` */
  url: string;
  secretKey: string;
  requests: FakeStripeRequest[];
  customers: Map<string, any>;
  paymentIntents: Map<string, any>;
  refunds: Map<string, any>;
  checkoutSessions: Map<string, any>;
  /** A card saved on the customer, as after Stripe's hosted page; returns the PaymentMethod id. */
  addCard(customer: string, card: { number: string; expMonth: number; expYear: number; behaviour?: CardBehaviour }): string;
  script(paymentMethod: string, behaviour: CardBehaviour): void;
  /** The card was removed at Stripe (in its dashboard): charging it is refused as a missing PaymentMethod. */
  detach(paymentMethod: string): void;
  /** Holds the next `method` request to `path` (e.g. `POST /v1/payment_intents`) at `stage`. */
  hold(method: string, path: string, stage: HoldStage): HeldRequest;
  /** The client finished the hosted setup page of this Checkout Session with this card. */
  completeSetup(sessionId: string, card: { number: string; expMonth: number; expYear: number }): string;
  close(): Promise<void>;
}

interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: unknown;
}

type Answer = { status: number; body: unknown; after?: 'drop' } | 'hang';

class StripeApiError {
  constructor(
    readonly status: number,
    readonly error: Record<string, unknown>,
  ) {}
}

const invalid = (message: string, param?: string) => new StripeApiError(400, { type: 'invalid_request_error', message, ...(param ? { param } : {}) });
const missing = (kind: string, id: string, param: string) => new StripeApiError(404, { type: 'invalid_request_error', code: 'resource_missing', message: `No such ${kind}: '${id}'`, param });

export async function startFakeStripe(): Promise<FakeStripe> {
  const secretKey = `sk_test_${randomBytes(12).toString('hex')}`;
  const state = newState();
  const requests: FakeStripeRequest[] = [];
  const idempotent = new Map<string, StoredAnswer>();
  const hanging = new Set<ServerResponse>();
  const holds: PendingHold[] = [];

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake-stripe');
      const raw = req.method === 'GET' ? url.search.slice(1) : Buffer.concat(chunks).toString('utf8');
      const form = parseForm(raw);
      const idempotencyKey = single(req.headers['idempotency-key']);
      const request: FakeStripeRequest = { method: req.method ?? 'GET', path: url.pathname, idempotencyKey, headers: req.headers, form };
      requests.push(request);
      if (req.headers.authorization !== `Bearer ${secretKey}`) {
        return send(res, { status: 401, body: { error: { type: 'invalid_request_error', message: 'Invalid API Key provided.' } } });
      }
      const held = takeHold(holds, req.method ?? 'GET', url.pathname);
      /** Does what the request asks; returns how to answer it. */
      const accept = (): (() => void) => {
        const fingerprint = createHash('sha256').update(`${req.method} ${url.pathname} ${raw}`).digest('hex');
        const stored = idempotencyKey && req.method === 'POST' ? idempotent.get(idempotencyKey) : undefined;
        if (stored) {
          if (stored.fingerprint !== fingerprint) {
            return () => send(res, { status: 400, body: { error: { type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with.` } } });
          }
          return () => send(res, { status: stored.status, body: stored.body }, { 'idempotent-replayed': 'true' });
        }
        const answer = route(state, req, url, form);
        if (answer === 'hang') return () => void hanging.add(res);
        if (idempotencyKey && req.method === 'POST') idempotent.set(idempotencyKey, { fingerprint, status: answer.status, body: answer.body });
        return () => (answer.after === 'drop' ? void req.socket.destroy() : send(res, answer));
      };
      const carryOut = () => {
        const reply = accept();
        if (held?.stage === 'after-accepting') return held.wait(res, request, reply);
        reply();
      };
      if (held?.stage === 'before-accepting') return held.wait(res, request, carryOut);
      carryOut();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    secretKey,
    requests,
    customers: state.customers,
    paymentIntents: state.paymentIntents,
    refunds: state.refunds,
    checkoutSessions: state.checkoutSessions,
    addCard: (customer, card) => addCard(state, customer, card),
    script: (paymentMethod, behaviour) => void state.behaviours.set(paymentMethod, behaviour),
    detach: (paymentMethod) => void state.paymentMethods.delete(paymentMethod),
    hold: (method, path, stage) => {
      const pending = new PendingHold(method.toUpperCase(), path, stage, hanging);
      holds.push(pending);
      return pending.held;
    },
    completeSetup: (sessionId, card) => {
      const session = state.checkoutSessions.get(sessionId);
      if (!session) throw new Error(`no Checkout Session ${sessionId}`);
      session.status = 'complete';
      return addCard(state, session.customer, card);
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// ---- held requests ----

class PendingHold {
  readonly held: HeldRequest;
  private reach!: (request: FakeStripeRequest) => void;
  private goOn: (() => void) | null = null;
  private released = false;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly stage: HoldStage,
    private readonly hanging: Set<ServerResponse>,
  ) {
    const reached = new Promise<FakeStripeRequest>((resolve) => (this.reach = resolve));
    this.held = { reached, release: () => this.release() };
  }

  /** The request is here: keep `res` until released; a caller that hangs up takes the request with it. */
  wait(res: ServerResponse, request: FakeStripeRequest, goOn: () => void): void {
    this.hanging.add(res);
    res.on('close', () => this.hanging.delete(res));
    this.goOn = () => {
      this.hanging.delete(res);
      if (!res.destroyed) goOn();
    };
    this.reach(request);
    if (this.released) this.release();
  }

  private release(): void {
    this.released = true;
    const goOn = this.goOn;
    this.goOn = null;
    goOn?.();
  }
}

function takeHold(holds: PendingHold[], method: string, path: string): PendingHold | undefined {
  const index = holds.findIndex((h) => h.method === method && h.path === path);
  return index < 0 ? undefined : holds.splice(index, 1)[0];
}

// ---- state ----

interface State {
  customers: Map<string, any>;
  paymentMethods: Map<string, any>;
  paymentIntents: Map<string, any>;
  refunds: Map<string, any>;
  checkoutSessions: Map<string, any>;
  behaviours: Map<string, CardBehaviour>;
  clock: number;
}

function newState(): State {
  return {
    customers: new Map(),
    paymentMethods: new Map(),
    paymentIntents: new Map(),
    refunds: new Map(),
    checkoutSessions: new Map(),
    behaviours: new Map(),
    clock: 1_790_000_000,
  };
}

const ids = new Map<string, number>();
function newId(prefix: string): string {
  const n = (ids.get(prefix) ?? 0) + 1;
  ids.set(prefix, n);
  return `${prefix}_${String(n).padStart(6, '0')}${randomBytes(6).toString('hex')}`;
}

/** Strictly rising `created` times, so "newest first" is well defined within one second. */
function created(state: State): number {
  return ++state.clock;
}

function addCard(state: State, customer: string, card: { number: string; expMonth: number; expYear: number; behaviour?: CardBehaviour }): string {
  if (!state.customers.has(customer)) throw new Error(`no customer ${customer}`);
  const digits = card.number.replace(/\D/g, '');
  const id = newId('pm');
  state.paymentMethods.set(id, {
    id,
    object: 'payment_method',
    type: 'card',
    customer,
    created: created(state),
    livemode: false,
    billing_details: { address: null, email: null, name: null, phone: null },
    metadata: {},
    card: { brand: brandOf(digits), display_brand: brandOf(digits), last4: digits.slice(-4), exp_month: card.expMonth, exp_year: card.expYear, funding: 'credit', country: 'US' },
  });
  state.behaviours.set(id, card.behaviour ?? 'succeed');
  return id;
}

function brandOf(digits: string): string {
  if (digits.startsWith('4')) return 'visa';
  if (/^5[1-5]|^2[2-7]/.test(digits)) return 'mastercard';
  if (/^3[47]/.test(digits)) return 'amex';
  return 'unknown';
}

// ---- routes ----

function route(state: State, req: IncomingMessage, url: URL, form: Record<string, any>): Answer {
  const path = url.pathname;
  const method = req.method ?? 'GET';
  try {
    if (method === 'POST' && path === '/v1/customers') return ok(createCustomer(state, form));
    if (method === 'GET' && path === '/v1/customers/search') return ok(searchCustomers(state, form));
    const methodsOf = /^\/v1\/customers\/([^/]+)\/payment_methods$/.exec(path);
    if (method === 'GET' && methodsOf) return ok(listPaymentMethods(state, decodeURIComponent(methodsOf[1]!), form));
    if (method === 'POST' && path === '/v1/checkout/sessions') return ok(createCheckoutSession(state, form));
    if (method === 'POST' && path === '/v1/payment_intents') return createPaymentIntent(state, form);
    if (method === 'GET' && path === '/v1/payment_intents') return ok(listPaymentIntents(state, form));
    if (method === 'POST' && path === '/v1/refunds') return ok(createRefund(state, form));
    return fail(new StripeApiError(404, { type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}).` }));
  } catch (err) {
    if (err instanceof StripeApiError) return fail(err);
    throw err;
  }
}

const ok = (body: unknown): Answer => ({ status: 200, body });
const fail = (err: StripeApiError): Answer => ({ status: err.status, body: { error: err.error } });

function createCustomer(state: State, form: Record<string, any>): unknown {
  const id = newId('cus');
  const customer = { id, object: 'customer', name: form.name ?? null, email: form.email ?? null, metadata: form.metadata ?? {}, created: created(state), livemode: false };
  state.customers.set(id, customer);
  return customer;
}

/** Only the query form the gateway sends: `metadata['key']:'value'`. */
function searchCustomers(state: State, form: Record<string, any>): unknown {
  const match = /^metadata\['([^']+)'\]:'((?:[^'\\]|\\.)*)'$/.exec(String(form.query ?? ''));
  if (!match) throw invalid('This fake understands only metadata[\'key\']:\'value\' queries.', 'query');
  const value = match[2]!.replace(/\\(.)/g, '$1');
  const data = [...state.customers.values()].filter((customer) => customer.metadata[match[1]!] === value);
  return { object: 'search_result', url: '/v1/customers/search', has_more: false, next_page: null, data };
}

function listPaymentMethods(state: State, customer: string, form: Record<string, any>): unknown {
  if (!state.customers.has(customer)) throw missing('customer', customer, 'customer');
  const data = [...state.paymentMethods.values()].filter((pm) => pm.customer === customer).reverse();
  return page(data, form, `/v1/customers/${customer}/payment_methods`);
}

function createCheckoutSession(state: State, form: Record<string, any>): unknown {
  if (form.mode !== 'setup') throw invalid('This fake only opens Checkout in setup mode.', 'mode');
  if (!state.customers.has(form.customer)) throw missing('customer', String(form.customer), 'customer');
  if (!form.success_url) throw invalid('Missing required param: success_url.', 'success_url');
  const id = `cs_test_${randomBytes(16).toString('hex')}`;
  const session = {
    id,
    object: 'checkout.session',
    mode: 'setup',
    status: 'open',
    customer: form.customer,
    success_url: form.success_url,
    cancel_url: form.cancel_url ?? null,
    setup_intent: newId('seti'),
    url: `https://checkout.stripe.com/c/pay/${id}`,
    created: created(state),
    livemode: false,
  };
  state.checkoutSessions.set(id, session);
  return session;
}

const DECLINES = {
  'decline-soft': { code: 'card_declined', decline_code: 'insufficient_funds', message: 'Your card has insufficient funds.' },
  'decline-hard': { code: 'card_declined', decline_code: 'stolen_card', message: 'Your card was declined.' },
  'authentication-required': { code: 'authentication_required', decline_code: 'authentication_required', message: 'Your card was declined. This transaction requires authentication.' },
} as const;

function createPaymentIntent(state: State, form: Record<string, any>): Answer {
  const amount = Number(form.amount);
  if (!Number.isInteger(amount) || amount < 1) throw invalid('This value must be greater than or equal to 1.', 'amount');
  if (!/^[a-z]{3}$/.test(String(form.currency ?? ''))) throw invalid('Invalid currency.', 'currency');
  if (!state.customers.has(form.customer)) throw missing('customer', String(form.customer), 'customer');
  const pm = state.paymentMethods.get(form.payment_method);
  if (!pm) throw missing('PaymentMethod', String(form.payment_method), 'payment_method');
  if (pm.customer !== form.customer) throw invalid('The provided PaymentMethod belongs to another customer.', 'payment_method');
  if (form.confirm !== 'true' || form.off_session !== 'true') throw invalid('This fake charges saved cards off-session only (confirm and off_session).', 'confirm');
  const behaviour = state.behaviours.get(pm.id) ?? 'succeed';
  if (behaviour === 'time-out') return 'hang';
  const id = newId('pi');
  const intent: any = {
    id,
    object: 'payment_intent',
    amount,
    amount_received: 0,
    currency: form.currency,
    customer: form.customer,
    payment_method: pm.id,
    description: form.description ?? null,
    metadata: form.metadata ?? {},
    status: 'succeeded',
    created: created(state),
    latest_charge: newId('ch'),
    last_payment_error: null,
    livemode: false,
  };
  state.paymentIntents.set(id, intent);
  if (behaviour === 'decline-soft' || behaviour === 'decline-hard' || behaviour === 'authentication-required') {
    const decline = DECLINES[behaviour];
    const error = { type: 'card_error', ...decline, charge: intent.latest_charge, doc_url: `https://docs.stripe.com/error-codes/${decline.code.replace(/_/g, '-')}` };
    Object.assign(intent, { status: 'requires_payment_method', last_payment_error: { ...error, payment_method: pm } });
    return { status: 402, body: { error: { ...error, payment_intent: intent, payment_method: pm } } };
  }
  intent.amount_received = amount;
  if (behaviour === 'fail-after-accepting') return { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred' } } };
  return { status: 200, body: intent, ...(behaviour === 'drop-after-accepting' ? { after: 'drop' as const } : {}) };
}

function listPaymentIntents(state: State, form: Record<string, any>): unknown {
  const data = [...state.paymentIntents.values()].filter((pi) => !form.customer || pi.customer === form.customer).reverse();
  return page(data, form, '/v1/payment_intents');
}

function createRefund(state: State, form: Record<string, any>): unknown {
  const intent = state.paymentIntents.get(form.payment_intent);
  if (!intent) throw missing('payment_intent', String(form.payment_intent), 'payment_intent');
  if (intent.status !== 'succeeded') throw invalid(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, 'payment_intent');
  const refunded = [...state.refunds.values()].filter((r) => r.payment_intent === intent.id).reduce((sum, r) => sum + r.amount, 0);
  const amount = form.amount === undefined ? intent.amount - refunded : Number(form.amount);
  if (!Number.isInteger(amount) || amount < 1 || refunded + amount > intent.amount) {
    throw invalid(`Refund amount (${amount}) is greater than unrefunded amount on charge (${intent.amount - refunded}).`, 'amount');
  }
  const id = newId('re');
  const refund = { id, object: 'refund', amount, currency: intent.currency, payment_intent: intent.id, charge: intent.latest_charge, status: 'succeeded', created: created(state), metadata: {} };
  state.refunds.set(id, refund);
  return refund;
}

/** Stripe's list envelope with `limit` and `starting_after` (lists are newest first). */
function page(all: any[], form: Record<string, any>, url: string): unknown {
  const limit = Math.min(Math.max(Number(form.limit ?? 10), 1), 100);
  const start = form.starting_after ? all.findIndex((item) => item.id === form.starting_after) + 1 : 0;
  const data = all.slice(start, start + limit);
  return { object: 'list', url, has_more: start + limit < all.length, data };
}

// ---- wire format ----

/** Stripe's form encoding: `metadata[invoice]=…`, `automatic_payment_methods[enabled]=true`, `expand[0]=…`. */
export function parseForm(raw: string): Record<string, any> {
  const result: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    const [head, ...rest] = key.split('[').map((part, i) => (i === 0 ? part : part.replace(/\]$/, '')));
    let target = result;
    let name = head!;
    for (const part of rest) {
      target[name] ??= {};
      target = target[name];
      name = part;
    }
    target[name] = value;
  }
  return result;
}

function single(header: string | string[] | undefined): string | null {
  return (Array.isArray(header) ? header[0] : header) ?? null;
}

function send(res: ServerResponse, answer: { status: number; body: unknown }, headers: Record<string, string> = {}): void {
  res.writeHead(answer.status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(7).toString('hex')}`, ...headers });
  res.end(JSON.stringify(answer.body));
}
