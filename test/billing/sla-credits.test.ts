import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { agencyInStockholm } from '../desk/helpers.ts';
import { planForClient } from '../desk/tickets-helpers.ts';
import { auditActions, draft, fieldsOf, issued, line, newClient, ok } from './invoices-helpers.ts';

/**
 * Client A has the default guarantee (99.9 %, 10 % of the fee below it) with a monthly fee of
 * €500.00 and a profile taxing at 25 %. Its shop was up all August and down 3 h in each of
 * September, October and November (Stockholm): each of those months owes 10 % of the fee, €50.00,
 * which with the tax is €62.50 off what the client pays. It is now 5 December: December runs.
 */
let t: TestApp;
let a: Agency;
const VAT25 = { name: 'VAT 25 %', basisPoints: 2500 };
const CREDITS = () => `/api/v1/clients/${a.clientA}/sla-credits`;
const at = (iso: string) => (t.clock.now = new Date(iso));
const invoice = async (id: string) => ok(t, 'GET', `/api/v1/invoices/${id}`, a.owner.token);
const issue = (month: string, token = a.owner.token) => t.request('POST', CREDITS(), { token, body: { month } });

beforeAll(async () => {
  t = await startTestApp();
  at('2026-08-01T08:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  const { planId } = await planForClient(t, a.admin.token, a.clientA);
  await ok(t, 'PATCH', `/api/v1/sla-plans/${planId}`, a.admin.token, { monthlyFee: { amount: 50_000, currency: 'EUR' } });
  await ok(t, 'PUT', `/api/v1/clients/${a.clientA}/billing-profile`, a.owner.token, { taxRate: VAT25 });
  const shop = (await ok(t, 'POST', '/api/v1/monitors', a.manager.token, { kind: 'http', name: 'Shop', clientId: a.clientA, config: { url: 'http://127.0.0.1:8080/shop' } })).id;
  const states: [string, string | null, 'up' | 'down'][] = [
    ['2026-07-31T22:00:00.000Z', '2026-09-10T12:00:00.000Z', 'up'],
    ['2026-09-10T12:00:00.000Z', '2026-09-10T15:00:00.000Z', 'down'],
    ['2026-09-10T15:00:00.000Z', '2026-10-10T12:00:00.000Z', 'up'],
    ['2026-10-10T12:00:00.000Z', '2026-10-10T15:00:00.000Z', 'down'],
    ['2026-10-10T15:00:00.000Z', '2026-11-10T12:00:00.000Z', 'up'],
    ['2026-11-10T12:00:00.000Z', '2026-11-10T15:00:00.000Z', 'down'],
    ['2026-11-10T15:00:00.000Z', null, 'up'],
  ];
  await t.deps.database.db
    .insertInto('monitor_state_intervals')
    .values(states.map(([started_at, ended_at, state]) => ({ monitor_id: shop, started_at, ended_at, state })))
    .execute();
  at('2026-12-05T10:00:00.000Z');
});
afterAll(async () => t?.close());

describe('issuing an SLA credit', () => {
  let older: any;
  let newer: any;

  it('credits the oldest invoice that still owes the whole credit, lowering its amount due', async () => {
    older = await issued(t, a.owner.token, a.clientA, [line(10_000)]);
    newer = await issued(t, a.owner.token, a.clientA, [line(10_000)]);
    // The older one owes €25.00 after a payment: too little to take €62.50.
    await ok(t, 'POST', `/api/v1/invoices/${older.id}/payments`, a.owner.token, { amount: 10_000 });

    const res = await issue('2026-09');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ kind: 'credit-note', number: 'CN-2026-0001', state: 'paid', issuedOn: '2026-12-05', currency: 'EUR', amountDue: 0, correcting: newer.number });
    expect(res.body.lines).toEqual([
      { description: 'SLA credit — 2026-09: uptime 99.5833 % of 99.9 % guaranteed', periodFrom: '2026-09-01', periodTo: '2026-09-30', quantity: 1000, unitPrice: -5000, taxRate: VAT25, net: -5000 },
    ]);
    expect(res.body.totals).toMatchObject({ subtotal: -5000, tax: -1250, total: -6250 });
    expect(res.body.notes).toContain(`/desk/reports/${a.clientA}/2026-09`);

    expect(await invoice(newer.id)).toMatchObject({ state: 'open', amountDue: 12_500 - 6250 });
    expect(await invoice(older.id)).toMatchObject({ state: 'partially-paid', amountDue: 2500 });
    expect(await auditActions(t, res.body.id)).toEqual(['credit-note.issued', 'credit-note.allocated']);
    expect(await auditActions(t, newer.id)).toEqual(['invoice.created', 'invoice.issued', 'invoice.credited']);
  });

  it('settles an invoice whose amount due the credit covers exactly', async () => {
    const res = await issue('2026-10');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ number: 'CN-2026-0002', correcting: newer.number });
    expect(res.body.lines[0].description).toMatch(/^SLA credit — 2026-10: uptime 99\.\d{4} % of 99\.9 % guaranteed$/);
    expect(await invoice(newer.id)).toMatchObject({ state: 'paid', amountDue: 0 });
  });

  it('keeps a credit no invoice owes as client credit, and the next invoice in its currency that can take it does', async () => {
    const res = await issue('2026-11');
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ number: 'CN-2026-0003', correcting: null });
    expect(await invoice(older.id)).toMatchObject({ amountDue: 2500 });

    // Too small for the whole credit, and another currency: neither takes it.
    const small = await issued(t, a.owner.token, a.clientA, [line(4000)]);
    expect(small).toMatchObject({ state: 'open', amountDue: 5000 });
    const sek = await draft(t, a.owner.token, a.clientA, [line(100_000)], { currency: 'SEK' });
    expect(await ok(t, 'POST', `/api/v1/invoices/${sek.id}/issue`, a.owner.token)).toMatchObject({ state: 'open', amountDue: 125_000 });

    const next = await issued(t, a.owner.token, a.clientA, [line(10_000)]);
    expect(next).toMatchObject({ state: 'open', amountDue: 12_500 - 6250 });
    expect((await invoice(res.body.id)).correcting).toBe(next.number);
    expect(await auditActions(t, res.body.id)).toEqual(['credit-note.issued', 'credit-note.allocated']);
    expect(await auditActions(t, next.id)).toEqual(['invoice.created', 'invoice.issued', 'invoice.credited']);

    const list = await ok(t, 'GET', CREDITS(), a.manager.token);
    expect(list.items.map((i: any) => [i.month, i.creditNote.number, i.allocatedTo?.number])).toEqual([
      ['2026-11', 'CN-2026-0003', next.number],
      ['2026-10', 'CN-2026-0002', newer.number],
      ['2026-09', 'CN-2026-0001', newer.number],
    ]);
    expect(list.items[0].credit).toEqual({ amount: 6250, currency: 'EUR' });
    const october = await ok(t, 'GET', `${CREDITS()}?month=2026-10`, a.manager.token);
    expect(october.items.map((i: any) => i.creditNote.number)).toEqual(['CN-2026-0002']);
    expect((await ok(t, 'GET', `${CREDITS()}?month=2026-08`, a.manager.token)).items).toEqual([]);
  });

  it('issues a month once: again is a 409 naming the credit note, and takes no number', async () => {
    const again = await issue('2026-09');
    expect(again.status).toBe(409);
    expect(again.body.creditNote).toMatchObject({ number: 'CN-2026-0001' });
    expect(again.body.detail).toContain('CN-2026-0001');
    const credit = await ok(t, 'POST', `/api/v1/invoices/${older.id}/credit-notes`, a.owner.token, {});
    expect(credit.creditNote.number).toBe('CN-2026-0004');
  });
});

describe('issuing at the same moment', () => {
  it('lets one of two issues of the same month through; the other is a 409 naming it', async () => {
    const clientId = await newClient(t, a.owner.token, 'Client C');
    const { planId } = await planForClient(t, a.admin.token, clientId);
    await ok(t, 'PATCH', `/api/v1/sla-plans/${planId}`, a.admin.token, { monthlyFee: { amount: 20_000, currency: 'EUR' } });
    const site = (await ok(t, 'POST', '/api/v1/monitors', a.manager.token, { kind: 'http', name: 'Site', clientId, config: { url: 'http://127.0.0.1:8080/c' } })).id;
    await t.deps.database.db
      .insertInto('monitor_state_intervals')
      .values([
        { monitor_id: site, started_at: '2026-10-31T23:00:00.000Z', ended_at: '2026-11-10T12:00:00.000Z', state: 'up' },
        { monitor_id: site, started_at: '2026-11-10T12:00:00.000Z', ended_at: null, state: 'down' },
      ])
      .execute();
    const path = `/api/v1/clients/${clientId}/sla-credits`;
    const both = await Promise.all([1, 2].map(() => t.request('POST', path, { token: a.owner.token, body: { month: '2026-11' } })));
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const [won, lost] = both[0]!.status === 201 ? both : [both[1]!, both[0]!];
    expect(lost!.body.creditNote).toEqual({ id: won!.body.id, number: won!.body.number });
    // Down for most of the month: the deepest tier, the whole fee.
    expect(won!.body.totals.subtotal).toBe(-20_000);
    expect((await ok(t, 'GET', path, a.owner.token)).items).toHaveLength(1);
  });
});

describe('refusals', () => {
  it('refuses a month not over, not begun, owing nothing or without a plan, naming month and the reason', async () => {
    const cases: [string, string, RegExp][] = [
      [a.clientA, '2026-12', /has not ended/],
      [a.clientA, '2027-01', /has not begun/],
      [a.clientA, '2026-08', /no credit is owed/],
      [a.clientB, '2026-11', /no SLA plan/],
      [a.clientA, 'november', /YYYY-MM/],
    ];
    for (const [clientId, month, reason] of cases) {
      const res = await t.request('POST', `/api/v1/clients/${clientId}/sla-credits`, { token: a.owner.token, body: { month } });
      expect(res.status, month).toBe(400);
      expect(fieldsOf(res.body), month).toEqual(['body.month']);
      expect(res.body.errors[0].message, month).toMatch(reason);
    }
    const unknown = await t.request('POST', '/api/v1/clients/cli_nothing/sla-credits', { token: a.owner.token, body: { month: '2026-11' } });
    expect(unknown.status).toBe(404);
  });

  it('lets only billing:write issue; a client user lists its own client’s credits only', async () => {
    for (const token of [a.clientUser.token, a.manager.token]) expect((await issue('2026-08', token)).status).toBe(403);
    expect((await ok(t, 'GET', CREDITS(), a.clientUser.token)).items).toHaveLength(3);
    expect((await t.request('GET', CREDITS(), { token: a.outsider.token })).status).toBe(404);
    expect((await ok(t, 'GET', `/api/v1/clients/${a.clientB}/sla-credits`, a.outsider.token)).items).toEqual([]);
  });
});
