import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * The billing KPIs add up in the database: with 20,000 invoices (a line and, for most, a payment
 * each) every invoice is counted once, whatever page of rows it lands in. How fast it stays at
 * 100,000 is measured by bench/billing-kpis.bench.ts.
 */
let t: TestApp;
let a: Agency;
const INVOICES = 20_000;
const ISSUE_DAYS = 300;

const day = (offset: number) => new Date(Date.UTC(2030, 0, 1 + offset)).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2031-01-15T12:00:00.000Z');
  a = await seedAgency(t);
  const invoices: Record<string, unknown>[] = [];
  const lines: Record<string, unknown>[] = [];
  const payments: Record<string, unknown>[] = [];
  for (let i = 0; i < INVOICES; i++) {
    const id = `inv_scale${String(i).padStart(6, '0')}`;
    const issuedOn = day(i % ISSUE_DAYS);
    // Every fourth invoice is still open; the others were paid in full ten days after issue.
    const paid = i % 4 !== 0;
    invoices.push({
      id, kind: 'invoice', number: `S-${i}`, series: 'invoice', year: 2030, sequence: i + 1, state: paid ? 'paid' : 'open', client_id: a.clientA, currency: 'EUR',
      issued_on: issuedOn, due_on: issuedOn, subtotal: 1_000, tax: 0, total: 1_000, paid: paid ? 1_000 : 0, reverse_charge: 0, created_at: '2030-01-01T00:00:00.000Z', updated_at: '2030-01-01T00:00:00.000Z',
    });
    lines.push({ id: `inl_scale${i}`, invoice_id: id, position: 1, description: 'Renewal', quantity: 1000, unit_price: 1_000, net: 1_000, renewal_key: `renewal:scale:${i}` });
    if (paid) payments.push({ id: `pay_scale${i}`, invoice_id: id, amount: 1_000, currency: 'EUR', kind: 'payment', received_at: `${day((i % ISSUE_DAYS) + 10)}T12:00:00.000Z`, created_at: '2030-01-01T00:00:00.000Z' });
  }
  const { db, dialect } = t.deps.database;
  await db.transaction().execute(async (trx) => {
    await dialect.insertMany(trx, 'invoices', invoices);
    await dialect.insertMany(trx, 'invoice_lines', lines);
    await dialect.insertMany(trx, 'payments', payments);
  });
  // As the databases' own statistics would be after a while (PostgreSQL's autovacuum, SQLite's optimize).
  await sql`analyze`.execute(db);
}, 300_000);
afterAll(async () => t?.close());

describe('billing KPIs over many invoices', () => {
  for (const [what, query, days] of [
    ['a year', '?from=2030-01&to=2030-12', 365],
    ['five years', '?from=2026-01&to=2030-12', 1826],
  ] as const) {
    it(`counts every invoice once over ${what}`, async () => {
      const res = await t.request('GET', `/api/v1/billing/kpis${query}`, { token: a.manager.token });
      expect(res.status, res.text).toBe(200);
      expect(res.body.renewalRevenue.totals).toEqual([{ currency: 'EUR', invoiced: INVOICES * 1_000, credited: 0, collected: (INVOICES * 3_000) / 4 }]);
      // Issued January 1 to October 27, paid up to November 6: nothing in December.
      expect(res.body.renewalRevenue.months.find((m: { month: string }) => m.month === '2030-12').totals).toEqual([]);
      // A quarter still owed of the whole year's invoicing.
      expect(res.body.daysSalesOutstanding).toEqual([
        { currency: 'EUR', receivableAtEnd: (INVOICES * 1_000) / 4, invoiced: INVOICES * 1_000, dso: Math.round(days * 2.5) / 10, paidInvoices: (INVOICES * 3) / 4, averageDaysToPay: 10 },
      ]);
    }, 60_000);
  }
});
