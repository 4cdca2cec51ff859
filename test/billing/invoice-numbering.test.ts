import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeSequence } from '../../src/billing/invoices.store.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { draft, newClient, ok } from './invoices-helpers.ts';

/**
 * Invoice numbers under concurrent issues. On PostgreSQL the issues really run at once, each in
 * its own connection, and the counter row's lock is what keeps numbers unique and gapless; on
 * SQLite the one writer serialises them and the same expectations hold.
 */
let t: TestApp;
let a: Agency;

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-03-02T10:00:00.000Z');
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

const issue = (id: string) => t.request('POST', `/api/v1/invoices/${id}/issue`, { token: a.owner.token });

async function issuedNumbers(): Promise<string[]> {
  const rows = await t.deps.database.db.selectFrom('invoices').select('number').where('kind', '=', 'invoice').where('number', 'is not', null).orderBy('number').execute();
  return rows.map((r) => r.number!);
}

const expected = (count: number) => Array.from({ length: count }, (_, i) => `2026-${String(i + 1).padStart(4, '0')}`);

describe('numbering under concurrent issues', () => {
  it('waits for an issue still in flight, and takes its number when that one rolls back', async () => {
    const d = await draft(t, a.owner.token, a.clientA);
    let taken!: (n: number) => void;
    let release!: () => void;
    const numberTaken = new Promise<number>((resolve) => (taken = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const inFlight = t.deps.database.db
      .transaction()
      .execute(async (trx) => {
        taken(await takeSequence(trx, 'invoice', 2026));
        await released;
        throw new Error('the issue fails after taking its number');
      })
      .catch((err: Error) => err.message);
    expect(await numberTaken).toBe(1);
    let settled = false;
    const waiting = issue(d.id).then((res) => ((settled = true), res));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    release();
    expect(await inFlight).toBe('the issue fails after taking its number');
    const res = await waiting;
    expect(res.status, res.text).toBe(200);
    expect(res.body.number).toBe('2026-0001');
  });

  it('gives concurrent issues distinct numbers without gaps, even when some of them fail', async () => {
    const gone = await newClient(t, a.owner.token, 'Archived before issue');
    const failing = await Promise.all(Array.from({ length: 4 }, () => draft(t, a.owner.token, gone)));
    expect((await t.request('DELETE', `/api/v1/clients/${gone}`, { token: a.owner.token })).status).toBeLessThan(300);
    const good = await Promise.all(Array.from({ length: 12 }, (_, i) => draft(t, a.owner.token, i % 2 ? a.clientA : a.clientB)));
    const interleaved = good.flatMap((g, i) => (i < failing.length ? [g, failing[i]!] : [g]));
    const replies = await Promise.all(interleaved.map((d) => issue(d.id)));
    const byId = new Map(interleaved.map((d, i) => [d.id, replies[i]!]));
    for (const d of good) expect(byId.get(d.id)!.status, byId.get(d.id)!.text).toBe(200);
    for (const d of failing) expect(byId.get(d.id)!.status).toBe(409);
    expect(await issuedNumbers()).toEqual(expected(13));
  });

  it('issues one draft once when asked twice at the same time', async () => {
    const d = await draft(t, a.owner.token, a.clientA);
    const replies = await Promise.all([issue(d.id), issue(d.id), issue(d.id)]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    expect(await issuedNumbers()).toEqual(expected(14));
    const next = await draft(t, a.owner.token, a.clientB);
    expect((await ok(t, 'POST', `/api/v1/invoices/${next.id}/issue`, a.owner.token)).number).toBe('2026-0015');
  });

  it('counts credit notes concurrently in their own series', async () => {
    const invoices = await Promise.all(Array.from({ length: 6 }, async () => (await ok(t, 'POST', `/api/v1/invoices/${(await draft(t, a.owner.token, a.clientA)).id}/issue`, a.owner.token)).id));
    const replies = await Promise.all(invoices.map((id) => t.request('POST', `/api/v1/invoices/${id}/credit-notes`, { token: a.owner.token, body: {} })));
    expect(replies.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(replies.map((r) => r.body.creditNote.number).sort()).toEqual(Array.from({ length: 6 }, (_, i) => `CN-2026-000${i + 1}`));
    expect(await issuedNumbers()).toEqual(expected(21));
  });
});

describe('payments and credit notes at the same time', () => {
  it('sums concurrent payments on one invoice, each seeing the others', async () => {
    const d = await draft(t, a.owner.token, a.clientA, [{ description: 'Support', quantity: 1000, unitPrice: 10_000 }]);
    const invoice = await ok(t, 'POST', `/api/v1/invoices/${d.id}/issue`, a.owner.token);
    const replies = await Promise.all(Array.from({ length: 4 }, () => t.request('POST', `/api/v1/invoices/${invoice.id}/payments`, { token: a.owner.token, body: { amount: 2500 } })));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    const after = await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token);
    expect(after).toMatchObject({ state: 'paid', paid: 10_000, amountDue: 0 });
  });

  it('never credits more than the invoice when credit notes race', async () => {
    const d = await draft(t, a.owner.token, a.clientA, [{ description: 'Support', quantity: 1000, unitPrice: 10_000 }]);
    const invoice = await ok(t, 'POST', `/api/v1/invoices/${d.id}/issue`, a.owner.token);
    const replies = await Promise.all(Array.from({ length: 3 }, () => t.request('POST', `/api/v1/invoices/${invoice.id}/credit-notes`, { token: a.owner.token, body: { lines: [{ position: 1, quantity: 500 }] } })));
    expect(replies.map((r) => r.status).sort()).toEqual([201, 201, 400]);
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).amountDue).toBe(0);
  });
});
