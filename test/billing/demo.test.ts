import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { createApiToken, createUser } from '../../src/accounts/service.ts';
import { DEMO_INVOICES, DEMO_PROFILES, loadBillingDemo } from '../../src/billing/demo.ts';
import { runBilling } from '../../src/billing/runs/billing-run.service.ts';
import { loadDemo } from '../../src/demo.ts';
import { verifyAudit } from '../../src/platform/audit/store.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { ok } from '../support/api.ts';

const now = new Date('2026-03-18T10:30:00Z');
const today = '2026-03-18';
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);
const cli = { actor: CLI_ACTOR, requestId: null };

let t: TestApp;
let owner: { id: string; token: string };
let loaded: Record<string, number>;
let loadingMs: number;
let clientIds: Map<string, string>;
/** Every invoice and credit note as a document, oldest first. */
let documents: any[];

type Table = 'invoices' | 'invoice_lines' | 'payments' | 'billing_profiles' | 'audit_log';
async function count(table: Table): Promise<number> {
  const row = await t.deps.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

const handMade = () => documents.filter((d) => d.lines.every((l: any) => l.periodFrom === null));
const renewals = () => documents.filter((d) => d.kind === 'invoice' && d.lines.some((l: any) => l.periodFrom !== null));
const ofClient = (name: string) => handMade().filter((d) => d.buyer.clientId === clientIds.get(name) && d.kind === 'invoice');

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = now;
  const user = await createUser(t.deps, cli, { email: 'owner@billing-demo.test', name: 'Owner', role: 'owner', password: 'correct horse battery' });
  owner = { id: user.id, token: (await createApiToken(t.deps, cli, { userId: user.id, name: 'test', scopes: ['admin'] })).token };
  // As the owner pressing "Load the demo agency" in a browser session: what loadDemo returns is checked too.
  const started = Date.now();
  loaded = (await loadDemo(t.deps, { type: 'user', id: user.id, role: 'owner', clientId: null, scopes: null }))!;
  loadingMs = Date.now() - started;
  const clients = await ok(t, 'GET', '/api/v1/clients?limit=50', owner.token);
  clientIds = new Map(clients.items.map((c: any) => [c.name, c.id]));
  const list = await ok(t, 'GET', '/api/v1/invoices?limit=200', owner.token);
  expect(list.nextCursor).toBeNull();
  documents = (await Promise.all(list.items.map((i: any) => ok(t, 'GET', `/api/v1/invoices/${i.id}`, owner.token)))).reverse();
}, 120_000);
afterAll(async () => t?.close());

describe('the demo agency’s billing', () => {
  it('comes with the demo: three profiles, six invoices of a person, a credit note, payments and today’s billing run', async () => {
    expect(loaded).toMatchObject({ clients: 12, billingProfiles: 3, invoices: DEMO_INVOICES.length, creditNotes: 1, payments: 3 });
    expect(loaded.renewalInvoices).toBeGreaterThan(0);
    expect(await count('billing_profiles')).toBe(3);
    expect(handMade().filter((d) => d.kind === 'invoice')).toHaveLength(DEMO_INVOICES.length);
    expect(renewals()).toHaveLength(loaded.renewalInvoices!);
    expect(documents).toHaveLength(DEMO_INVOICES.length + 1 + loaded.renewalInvoices!);
    expect(await count('payments')).toBe(3);
    // It runs on a first start: the whole demo, registry and desk included, loads in seconds.
    expect(loadingMs).toBeLessThan(20_000);
  });

  it('taxes the Swedish client at 25 %, reverse-charges the Dutch one with its VAT number, and holds large charges of the British one', async () => {
    const profile = (name: string) => ok(t, 'GET', `/api/v1/clients/${clientIds.get(name)}/billing-profile`, owner.token);
    expect(await profile('Fjällgården Hotell')).toMatchObject({ taxRate: { name: 'Moms 25 %', basisPoints: 2500 }, reverseCharge: false, paymentTermsDays: 30 });
    expect(await profile('Van Dijk Architects')).toMatchObject({ taxRate: null, reverseCharge: true, vatNumber: 'NL123456789B01' });
    expect(await profile('Hartley & Finch Solicitors')).toMatchObject({ approvalThreshold: { amount: 250_00, currency: 'GBP' } });
    expect((await profile('Café Lumière')).createdAt).toBeNull();

    const swedish = ofClient('Fjällgården Hotell').find((d) => d.state === 'paid')!;
    // 8 h at 1 050 kr and 4 500 kr: 12 900 kr, and 25 % on top.
    expect(swedish.totals).toMatchObject({ subtotal: 1_290_000, tax: 322_500, total: 1_612_500, reverseCharge: false });
    expect(swedish.currency).toBe('SEK');
    const dutch = ofClient('Van Dijk Architects');
    for (const d of dutch) {
      expect(d.totals).toMatchObject({ tax: 0, reverseCharge: true });
      expect(d.buyer.vatNumber).toBe('NL123456789B01');
    }
    expect(ofClient('Hartley & Finch Solicitors')[0].totals).toMatchObject({ subtotal: 90_250, tax: 0, total: 90_250 });
  });

  it('shows a draft, an open invoice, an overdue one, one partially paid and paid ones, dated as they happened', () => {
    const nameOf = new Map([...clientIds].map(([name, id]) => [id, name]));
    const states = handMade()
      .filter((d) => d.kind === 'invoice')
      .map((d) => [nameOf.get(d.buyer.clientId), d.state, d.issuedOn, d.dueOn]);
    expect(states).toEqual([
      ['Hartley & Finch Solicitors', 'open', daysAgo(45), daysAgo(15)],
      ['Fjällgården Hotell', 'paid', daysAgo(40), daysAgo(10)],
      ['Van Dijk Architects', 'paid', daysAgo(30), daysAgo(0)],
      ['Van Dijk Architects', 'partially-paid', daysAgo(18), daysAgo(-12)],
      ['Fjällgården Hotell', 'open', daysAgo(3), daysAgo(-27)],
      ['Fjällgården Hotell', 'draft', null, null],
    ]);
    const overdue = ofClient('Hartley & Finch Solicitors')[0];
    expect(overdue.dueOn < today).toBe(true);
    expect(overdue.amountDue).toBe(overdue.totals.total);
    const half = ofClient('Van Dijk Architects').find((d) => d.state === 'partially-paid')!;
    expect(half.paid).toBe(120_000);
    expect(half.amountDue).toBe(120_000);
    const open = ofClient('Fjällgården Hotell').find((d) => d.state === 'open')!;
    expect(open.dueOn > today).toBe(true);
    expect(open.amountDue).toBe(open.totals.total);
  });

  it('corrects one invoice with a credit note, and the client paid what was left', () => {
    const credited = ofClient('Van Dijk Architects').find((d) => d.issuedOn === daysAgo(30))!;
    const note = documents.find((d) => d.kind === 'credit-note')!;
    expect(note).toMatchObject({ correcting: credited.number, state: 'paid', issuedOn: daysAgo(24), notes: 'The archive migration was part of the fixed-price quote.' });
    expect(note.number).toBe('CN-2026-0001');
    expect(note.lines).toEqual([expect.objectContaining({ description: 'Portfolio archive: migration of old projects', unitPrice: -600_00 })]);
    // 12 h at €80 billed, the €600 line credited: €960 paid.
    expect(credited).toMatchObject({ state: 'paid', paid: 960_00, amountDue: 0 });
    expect(credited.totals.total).toBe(1_560_00);
  });

  it('numbers the issued invoices in the order they were issued, today’s run after them', () => {
    const issued = documents.filter((d) => d.kind === 'invoice' && d.number !== null).sort((a, b) => a.number.localeCompare(b.number));
    expect(issued.map((d) => d.number)).toEqual(issued.map((_, i) => `2026-${String(i + 1).padStart(4, '0')}`));
    const dates = issued.map((d) => d.issuedOn);
    expect(dates).toEqual([...dates].sort());
    expect(issued.slice(0, 5).every((d) => d.lines.every((l: any) => l.periodFrom === null))).toBe(true);
  });

  it('invoices the renewals of the next 30 days once, issued today in each client’s currency', async () => {
    const currencyOf = new Map((await ok(t, 'GET', '/api/v1/clients?limit=50', owner.token)).items.map((c: any) => [c.id, c.currency]));
    for (const d of renewals()) {
      expect(d).toMatchObject({ state: 'open', issuedOn: today, paid: 0 });
      expect(d.currency).toBe(currencyOf.get(d.buyer.clientId));
      for (const l of d.lines) expect(l.periodFrom >= daysAgo(30) && l.periodFrom <= daysAgo(-30)).toBe(true);
    }
    const swedishRenewals = renewals().filter((d) => d.buyer.clientId === clientIds.get('Fjällgården Hotell'));
    expect(swedishRenewals.length).toBeGreaterThan(0);
    for (const d of swedishRenewals) expect(d.totals.tax).toBeGreaterThan(0);
    // The daily job runs again after the demo: it finds nothing left to invoice.
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 0, lines: 0 });
  });

  it('audits every step as done by whoever loaded the demo, at the time of the step, in an intact chain', async () => {
    const db = t.deps.database.db;
    const byOwner = await db.selectFrom('audit_log').select(['action', 'at']).where('actor_id', '=', owner.id).where((eb) => eb.or([eb('action', 'like', 'invoice.%'), eb('action', 'like', 'billing-profile.%'), eb('action', 'like', 'credit-note.%')])).execute();
    const actions = byOwner.map((e) => e.action);
    expect(actions.filter((a) => a === 'billing-profile.created')).toHaveLength(3);
    expect(actions.filter((a) => a === 'invoice.created')).toHaveLength(DEMO_INVOICES.length);
    expect(actions.filter((a) => a === 'invoice.issued')).toHaveLength(DEMO_INVOICES.length - 1);
    expect(actions.filter((a) => a === 'invoice.payment-recorded')).toHaveLength(3);
    expect(actions.filter((a) => a === 'credit-note.issued')).toHaveLength(1);
    const issuedAt = byOwner.filter((e) => e.action === 'invoice.issued').map((e) => e.at.slice(0, 10)).sort();
    expect(issuedAt).toEqual([daysAgo(45), daysAgo(40), daysAgo(30), daysAgo(18), daysAgo(3)]);
    expect(await verifyAudit(db)).toMatchObject({ ok: true });
  });

  it('does nothing when loaded again', async () => {
    const tables: Table[] = ['invoices', 'invoice_lines', 'payments', 'billing_profiles', 'audit_log'];
    const before = await Promise.all(tables.map(count));
    expect(await loadBillingDemo(t.deps)).toBeNull();
    expect(await loadDemo(t.deps)).toBeNull();
    expect((await t.request('POST', '/api/v1/demo', { token: owner.token })).status).toBe(409);
    expect(await Promise.all(tables.map(count))).toEqual(before);
    expect(Object.keys(DEMO_PROFILES)).toHaveLength(3);
  });
});
