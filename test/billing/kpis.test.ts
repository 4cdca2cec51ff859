import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { saveAgency } from '../../src/accounts/agency.ts';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import type * as schemas from '../../src/billing/kpis.schemas.ts';
import type { BillingKpisView } from '../../src/billing/kpis.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { fieldsOf, ok } from './invoices-helpers.ts';

/**
 * Billing KPIs over the first quarter of 2030 in Stockholm (UTC+1, summer time from March 31),
 * every figure worked out by hand from the invoices, payments, charges and dunning cases below.
 */
let t: TestApp;
let a: Agency;
const inv: Record<string, string> = {};

const at = (instant: string) => (t.clock.now = new Date(instant));
const VAT = { name: 'VAT 25 %', basisPoints: 2500 };
const line = (description: string, unitPrice: number, extra: Record<string, unknown> = {}) => ({ description, quantity: 1000, unitPrice, taxRate: null, ...extra });

/** A draft through the API; its first line made a renewal line as a billing run makes them. */
async function draftOf(name: string, clientId: string, lines: unknown[], renewal: boolean, extra: Record<string, unknown> = {}): Promise<string> {
  const d = await ok(t, 'POST', '/api/v1/invoices', a.owner.token, { clientId, lines, ...extra });
  if (renewal) await t.deps.database.db.updateTable('invoice_lines').set({ renewal_key: `renewal:${name}` }).where('invoice_id', '=', d.id).where('position', '=', 1).execute();
  inv[name] = d.id;
  return d.id;
}

async function issue(name: string, instant: string): Promise<void> {
  at(instant);
  await ok(t, 'POST', `/api/v1/invoices/${inv[name]}/issue`, a.owner.token);
}

async function pay(name: string, amount: number, receivedAt: string): Promise<void> {
  await ok(t, 'POST', `/api/v1/invoices/${inv[name]}/payments`, a.owner.token, { amount, receivedAt });
}

let charge = 0;
async function insertCharge(name: string, clientId: string, gateway: string, state: string, requestedAt: string): Promise<void> {
  charge += 1;
  await t.deps.database.db
    .insertInto('charges')
    .values({ id: `chg_kpi${charge}`, invoice_id: inv[name]!, client_id: clientId, gateway, method_id: 'pm_kpi', attempt: charge, idempotency_key: `kpi-${charge}`, amount: 100, currency: 'EUR', state, trigger: 'auto', requested_at: requestedAt, settled_at: state === 'pending' ? null : requestedAt })
    .execute();
}

async function insertDunning(name: string, clientId: string, state: string, enteredAt: string): Promise<void> {
  await t.deps.database.db
    .insertInto('dunning_cases')
    .values({ invoice_id: inv[name]!, client_id: clientId, state, entered_at: enteredAt, failures: 1, used_fallback: 0, closed_at: state === 'active' ? null : '2030-04-10T00:00:00.000Z' })
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  at('2029-12-01T10:00:00.000Z');
  a = await seedAgency(t);
  await saveAgency(t.deps, { actor: CLI_ACTOR, requestId: null }, { timeZone: 'Europe/Stockholm' });
  const { clientA: A, clientB: B } = a;

  // I8 (EUR): issued in December, paid January 5 — collected in January, 21 days to pay.
  await draftOf('I8', A, [line('Renewal i8.example', 4_000)], true);
  await issue('I8', '2029-12-15T10:00:00.000Z');
  // I1 (EUR): a taxed renewal line and a taxed setup line: 12,000 net + 3,000 VAT = 15,000.
  await draftOf('I1', A, [line('Renewal i1.example', 10_000, { taxRate: VAT }), line('Setup work', 2_000, { taxRate: VAT })], true);
  await issue('I1', '2030-01-10T10:00:00.000Z');
  at('2030-01-05T12:00:00.000Z');
  await pay('I8', 4_000, '2030-01-05T10:00:00.000Z');
  // I4 (SEK, client B): a renewal, paid in 30 days.
  await draftOf('I4', B, [line('Renewal i4.example', 30_000)], true);
  await issue('I4', '2030-01-20T10:00:00.000Z');
  // Paid in full at 00:30 on February 1 in Stockholm (still January in UTC): February, day 31.
  at('2030-02-01T08:00:00.000Z');
  await pay('I1', 15_000, '2030-01-31T23:30:00.000Z');
  // I9 (SEK): not a renewal, written off: invoiced, but never a receivable.
  await draftOf('I9', B, [line('Consulting', 20_000)], false);
  await issue('I9', '2030-02-01T10:00:00.000Z');
  await ok(t, 'POST', `/api/v1/invoices/${inv.I9}/uncollectible`, a.owner.token);
  // I2 (EUR): a renewal of 8,000, half credited in March, 2,000 paid: 2,000 still owed.
  await draftOf('I2', A, [line('Renewal i2.example', 8_000)], true);
  await issue('I2', '2030-02-05T10:00:00.000Z');
  // I6 voided and I7 a draft: neither counts anywhere.
  await draftOf('I6', A, [line('Renewal i6.example', 1_000)], true);
  await issue('I6', '2030-02-10T10:00:00.000Z');
  await ok(t, 'POST', `/api/v1/invoices/${inv.I6}/void`, a.owner.token);
  await draftOf('I7', A, [line('Renewal i7.example', 99_999)], true);
  at('2030-02-19T12:00:00.000Z');
  await pay('I4', 30_000, '2030-02-19T10:00:00.000Z');

  at('2030-03-03T10:00:00.000Z');
  await ok(t, 'POST', `/api/v1/invoices/${inv.I2}/credit-notes`, a.owner.token, { lines: [{ position: 1, quantity: 500 }] });
  // The setup line of I1 credited (2,000 + 500 VAT): not a renewal, so not in `credited`.
  await ok(t, 'POST', `/api/v1/invoices/${inv.I1}/credit-notes`, a.owner.token, { lines: [{ position: 2 }] });
  // 1,500 of I1 refunded: a third of the renewal part (10,000 / 15,000) comes off March's collected.
  await t.deps.database.db
    .insertInto('payments')
    .values({ id: 'pay_kpi_refund', invoice_id: inv.I1!, amount: 1_500, currency: 'EUR', gateway: 'stripe', gateway_ref: 're_kpi', kind: 'refund', received_at: '2030-03-05T10:00:00.000Z', created_at: '2030-03-05T10:00:00.000Z' })
    .execute();
  at('2030-03-10T13:00:00.000Z');
  await pay('I2', 2_000, '2030-03-10T12:00:00.000Z');
  // I3 (JPY, client A): ¥5,000 renewal + ¥1,250 VAT, paid only after the quarter.
  await draftOf('I3', A, [line('Renewal i3.example', 5_000, { taxRate: VAT })], true, { currency: 'JPY' });
  await issue('I3', '2030-03-20T10:00:00.000Z');
  // I5 (SEK): issued at 00:30 on April 1 in Stockholm (summer time, UTC+2) — after the quarter.
  await draftOf('I5', B, [line('Renewal i5.example', 50_000)], true);
  await issue('I5', '2030-03-31T22:30:00.000Z');
  at('2030-04-02T12:00:00.000Z');
  // In two parts whose renewal shares (× 5,000 / 6,250) round half away from zero: 800.8 → 801, 4,199.2 → 4,199.
  await pay('I3', 1_001, '2030-04-02T10:00:00.000Z');
  await pay('I3', 5_249, '2030-04-02T11:00:00.000Z');

  // Charges: stripe for client A, paypal for client B.
  await insertCharge('I1', A, 'stripe', 'declined', '2029-12-31T22:30:00.000Z'); // Dec 31, 23:30 in Stockholm: outside.
  await insertCharge('I1', A, 'stripe', 'succeeded', '2029-12-31T23:30:00.000Z'); // Jan 1, 00:30: inside.
  await insertCharge('I2', A, 'stripe', 'succeeded', '2030-02-06T10:00:00.000Z');
  await insertCharge('I2', A, 'stripe', 'succeeded', '2030-03-06T10:00:00.000Z');
  await insertCharge('I2', A, 'stripe', 'declined', '2030-03-07T10:00:00.000Z');
  await insertCharge('I2', A, 'stripe', 'failed', '2030-03-08T10:00:00.000Z');
  await insertCharge('I4', B, 'paypal', 'declined', '2030-01-21T10:00:00.000Z');
  await insertCharge('I4', B, 'paypal', 'succeeded', '2030-01-22T10:00:00.000Z');
  await insertCharge('I4', B, 'paypal', 'pending', '2030-03-31T22:30:00.000Z'); // 00:30 on April 1 in Stockholm: outside.
  await insertCharge('I9', B, 'paypal', 'pending', '2030-03-31T21:00:00.000Z'); // 23:00 on March 31: inside.

  // Dunning cases, one per invoice.
  await insertDunning('I1', A, 'recovered', '2030-01-02T10:00:00.000Z');
  await insertDunning('I2', A, 'exhausted', '2030-02-07T10:00:00.000Z');
  await insertDunning('I3', A, 'active', '2030-03-21T10:00:00.000Z');
  await insertDunning('I4', B, 'recovered', '2030-01-21T10:00:00.000Z');
  await insertDunning('I9', B, 'stopped', '2030-02-02T10:00:00.000Z');
  await insertDunning('I5', B, 'recovered', '2030-04-02T10:00:00.000Z'); // after the quarter
  at('2030-04-15T10:00:00.000Z');
}, 60_000);
afterAll(async () => t?.close());

const get = (query: string, token = a.manager.token) => t.request('GET', `/api/v1/billing/kpis${query}`, { token });
const quarter = '?from=2030-01&to=2030-03';

describe('billing KPIs over a quarter', () => {
  it('reports revenue from renewals per month and currency: invoiced less credits, and the renewal part collected', async () => {
    const res = await get(quarter);
    expect(res.status, res.text).toBe(200);
    expect(res.body.period).toEqual({ from: '2030-01', to: '2030-03', firstDay: '2030-01-01', lastDay: '2030-03-31', days: 90, timeZone: 'Europe/Stockholm' });
    expect(res.body.clientId).toBeNull();
    expect(res.body.renewalRevenue.months).toEqual([
      {
        month: '2030-01',
        // I1's renewal line (not its setup line); I8's payment; I4 in SEK.
        totals: [
          { currency: 'EUR', invoiced: 10_000, credited: 0, collected: 4_000 },
          { currency: 'SEK', invoiced: 30_000, credited: 0, collected: 0 },
        ],
      },
      {
        month: '2030-02',
        // I2 (I6 void, I7 a draft); I1 paid 15,000 with VAT at 00:30 on Feb 1: 10,000 of it is the renewal.
        totals: [
          { currency: 'EUR', invoiced: 8_000, credited: 0, collected: 10_000 },
          { currency: 'SEK', invoiced: 0, credited: 0, collected: 30_000 },
        ],
      },
      {
        month: '2030-03',
        // Half of I2 credited; 2,000 paid on I2, less a third of the 1,500 refunded on I1; I3 in yen; I5 is April's.
        totals: [
          { currency: 'EUR', invoiced: -4_000, credited: 4_000, collected: 1_000 },
          { currency: 'JPY', invoiced: 5_000, credited: 0, collected: 0 },
        ],
      },
    ]);
    expect(res.body.renewalRevenue.totals).toEqual([
      { currency: 'EUR', invoiced: 14_000, credited: 4_000, collected: 15_000 },
      { currency: 'JPY', invoiced: 5_000, credited: 0, collected: 0 },
      { currency: 'SEK', invoiced: 30_000, credited: 0, collected: 30_000 },
    ]);
  });

  it('rates declined charges against settled ones, overall and per gateway, by the day in Stockholm', async () => {
    const res = await get(quarter);
    expect(res.body.failedPayments).toEqual({
      overall: { succeeded: 4, declined: 2, failed: 1, unsettled: 1, percent: 33.3 },
      byGateway: [
        { gateway: 'paypal', succeeded: 1, declined: 1, failed: 0, unsettled: 1, percent: 50 },
        { gateway: 'stripe', succeeded: 3, declined: 1, failed: 1, unsettled: 0, percent: 25 },
      ],
    });
  });

  it('rates dunning cases entered in the quarter that ended recovered', async () => {
    const res = await get(quarter);
    expect(res.body.dunningRecovery).toEqual({ entered: 5, active: 1, recovered: 2, exhausted: 1, stopped: 1, ended: 4, percent: 50 });
  });

  it('works out DSO per currency from what was owed at the end of March, and the days to pay', async () => {
    const res = await get(quarter);
    expect(res.body.daysSalesOutstanding).toEqual([
      // Owed: I2 8,000 − 2,000 − 4,000; I1 overpaid after its credit and refund counts as nothing.
      // Invoiced: I1 15,000 + I2 8,000. 2,000 / 23,000 × 90 = 7.83. Paid: I8 in 21 days, I1 in 22.
      { currency: 'EUR', receivableAtEnd: 2_000, invoiced: 23_000, dso: 7.8, paidInvoices: 2, averageDaysToPay: 21.5 },
      // I3 was still owed on March 31 although paid since.
      { currency: 'JPY', receivableAtEnd: 6_250, invoiced: 6_250, dso: 90, paidInvoices: 0, averageDaysToPay: null },
      // I4 and the written-off I9 were invoiced; nothing is receivable. I4 was paid in 30 days.
      { currency: 'SEK', receivableAtEnd: 0, invoiced: 50_000, dso: 0, paidInvoices: 1, averageDaysToPay: 30 },
    ]);
  });

  it("narrows every figure to one client's", async () => {
    const res = await get(`${quarter}&clientId=${a.clientA}`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.clientId).toBe(a.clientA);
    expect(res.body.renewalRevenue.totals.map((r: { currency: string }) => r.currency)).toEqual(['EUR', 'JPY']);
    expect(res.body.failedPayments.overall).toEqual({ succeeded: 3, declined: 1, failed: 1, unsettled: 0, percent: 25 });
    expect(res.body.dunningRecovery).toEqual({ entered: 3, active: 1, recovered: 1, exhausted: 1, stopped: 0, ended: 2, percent: 50 });
    expect(res.body.daysSalesOutstanding.map((d: { currency: string }) => d.currency)).toEqual(['EUR', 'JPY']);
  });

  it('counts the current month up to today by default, over the last 12 months', async () => {
    const res = await get('');
    expect(res.status, res.text).toBe(200);
    // May 1, 2029 to April 15, 2030: 245 + 90 + 15 days.
    expect(res.body.period).toMatchObject({ from: '2029-05', to: '2030-04', firstDay: '2029-05-01', lastDay: '2030-04-15', days: 350 });
    expect(res.body.renewalRevenue.months).toHaveLength(12);
    // April: I5 issued (SEK) and I3 paid (¥801 + ¥4,199 of the renewal).
    expect(res.body.renewalRevenue.months[11]).toEqual({
      month: '2030-04',
      totals: [
        { currency: 'JPY', invoiced: 0, credited: 0, collected: 5_000 },
        { currency: 'SEK', invoiced: 50_000, credited: 0, collected: 0 },
      ],
    });
    expect(res.body.dunningRecovery.entered).toBe(6);
  });

  it('answers empty months and nulls for a period with nothing in it', async () => {
    const res = await get('?from=2029-06&to=2029-08');
    expect(res.status, res.text).toBe(200);
    expect(res.body.renewalRevenue).toEqual({ months: ['2029-06', '2029-07', '2029-08'].map((month) => ({ month, totals: [] })), totals: [] });
    expect(res.body.failedPayments).toEqual({ overall: { succeeded: 0, declined: 0, failed: 0, unsettled: 0, percent: null }, byGateway: [] });
    expect(res.body.dunningRecovery.percent).toBeNull();
    expect(res.body.daysSalesOutstanding).toEqual([]);
  });
});

describe('who may read the billing KPIs', () => {
  it('is the staff with billing:read: owners and managers, not viewers', async () => {
    expect((await get(quarter, a.owner.token)).status).toBe(200);
    expect((await get(quarter, a.viewer.token)).status).toBe(403);
    expect((await t.request('GET', '/api/v1/billing/kpis')).status).toBe(401);
  });

  it('refuses a client portal user, even for its own client', async () => {
    for (const query of [quarter, `${quarter}&clientId=${a.clientA}`]) {
      const res = await get(query, a.clientUser.token);
      expect(res.status, res.text).toBe(403);
      expect(res.body.renewalRevenue).toBeUndefined();
    }
  });
});

describe('bad queries', () => {
  const bad: [string, string, number, string?][] = [
    ['a month that does not exist', '?from=2030-13', 400, 'querystring.from'],
    ['a day instead of a month', '?to=2030-03-31', 400, 'querystring.to'],
    ['a month after the current one', '?from=2030-01&to=2030-05', 400, 'querystring.to'],
    ['a period that ends before it starts', '?from=2030-03&to=2030-01', 400, 'querystring.from'],
    ['more than 60 months', '?from=2025-03&to=2030-03', 400, 'querystring.from'],
    ['an unknown parameter', '?colour=red', 400],
    ['a client that does not exist', '?clientId=cli_nothing', 404],
  ];
  for (const [what, query, status, field] of bad) {
    it(`refuses ${what}`, async () => {
      const res = await get(query);
      expect(res.status, res.text).toBe(status);
      if (field) expect(fieldsOf(res.body)).toContain(field);
    });
  }

  it('accepts exactly 60 months', async () => {
    expect((await get('?from=2025-04&to=2030-03')).status).toBe(200);
  });
});

describe('the KPI response schema', () => {
  it('names every field of the view it documents', () => {
    expectTypeOf<keyof z.output<typeof schemas.kpisView>>().toEqualTypeOf<keyof BillingKpisView>();
    expectTypeOf<keyof z.output<typeof schemas.kpisView>['period']>().toEqualTypeOf<keyof BillingKpisView['period']>();
    expectTypeOf<keyof z.output<typeof schemas.kpisView>['daysSalesOutstanding'][number]>().toEqualTypeOf<keyof BillingKpisView['daysSalesOutstanding'][number]>();
  });
});
