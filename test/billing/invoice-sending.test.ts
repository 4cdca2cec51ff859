import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDraft } from '../../src/billing/invoices.service.ts';
import { runBilling } from '../../src/billing/runs/billing-run.service.ts';
import { systemActor } from '../../src/accounts/model.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { ok } from '../support/api.ts';
import { startFakeStripe, type FakeStripe } from '../support/fake-stripe.ts';
import { createAsset } from '../support/registry.ts';
import { auditOf, day, saveCard, useStripe } from './payments-support.ts';

/**
 * An issued invoice is always sent, once. Issuing and publishing its `invoice.issued` event (the
 * row notifications dispatch from) are one transaction, for a person's "Issue" and for the billing
 * run: when the event cannot be written — here a trigger in the test's own schema refuses it, a
 * real database failure — the invoice is not issued either; once it can, the invoice is issued and
 * sent together, and issuing or running again never sends it a second time.
 */
let t: TestApp;
let a: Agency;
let stripe: FakeStripe;

const eur = (amount: number) => ({ amount, currency: 'EUR' });

beforeAll(async () => {
  stripe = await startFakeStripe();
  t = await startTestApp({ UPKEEP_STRIPE_API_URL: stripe.url });
  t.clock.now = day('2026-11-21');
  a = await seedAgency(t);
  await useStripe(t, a.admin.token, stripe, { invoiceRenewals: true });
});
afterAll(async () => {
  await t?.close();
  await stripe?.close();
});
afterEach(async () => {
  await refuseEvents(null);
});

/** Makes the database refuse every `invoice.issued` event of this client (null: lifts the refusal). */
async function refuseEvents(clientId: string | null): Promise<void> {
  const db = t.db.db;
  const sqlite = t.db.dialect.name === 'sqlite';
  await sql`drop trigger if exists refuse_invoice_issued${sql.raw(sqlite ? '' : ' on events')}`.execute(db);
  if (!clientId) return;
  if (sqlite) {
    await sql`create trigger refuse_invoice_issued before insert on events when new.type = 'invoice.issued' and new.client_id = ${sql.lit(clientId)} begin select raise(abort, 'events refused'); end`.execute(db);
  } else {
    await sql`create or replace function refuse_invoice_issued() returns trigger language plpgsql as $$ begin raise exception 'events refused'; end $$`.execute(db);
    await sql`create trigger refuse_invoice_issued before insert on events for each row when (new.type = 'invoice.issued' and new.client_id = ${sql.lit(clientId)}) execute function refuse_invoice_issued()`.execute(db);
  }
}

/** The `invoice.issued` events of an invoice, each with whether its dispatch job was queued with it. */
async function sentEvents(invoiceId: string): Promise<{ id: string; queued: boolean }[]> {
  const events = await t.db.db.selectFrom('events').select('id').where('type', '=', 'invoice.issued').where('subject_key', '=', `invoice:${invoiceId}`).execute();
  const jobs = await t.db.db.selectFrom('jobs').select('idempotency_key').where('name', '=', 'notifications.dispatch').execute();
  const keys = new Set(jobs.map((j) => j.idempotency_key));
  return events.map((e) => ({ id: e.id, queued: keys.has(`event:${e.id}`) }));
}

async function invoiceRow(id: string) {
  return t.db.db.selectFrom('invoices').select(['state', 'number', 'issued_on']).where('id', '=', id).executeTakeFirstOrThrow();
}

describe('a person issuing an invoice', () => {
  it('issues and sends it together: neither when the event cannot be written, both once it can, never twice', async () => {
    const client = (await ok(t, 'POST', '/api/v1/clients', a.owner.token, { name: 'Issued Client', currency: 'EUR' })).id;
    const draft = await ok(t, 'POST', '/api/v1/invoices', a.owner.token, { clientId: client, lines: [{ description: 'Support, November', quantity: 1_000, unitPrice: 8_000 }] });

    await refuseEvents(client);
    const refused = await t.request('POST', `/api/v1/invoices/${draft.id}/issue`, { token: a.owner.token });
    expect(refused.status).toBe(500);
    expect(await invoiceRow(draft.id)).toEqual({ state: 'draft', number: null, issued_on: null });
    expect(await sentEvents(draft.id)).toEqual([]);
    expect(await auditOf(t, draft.id)).toEqual(['invoice.created']);

    await refuseEvents(null);
    const issued = await ok(t, 'POST', `/api/v1/invoices/${draft.id}/issue`, a.owner.token);
    // The failed issue took no number: the first invoice of the year is still 0001.
    expect(issued).toMatchObject({ state: 'open', number: '2026-0001', issuedOn: '2026-11-21' });
    expect(await sentEvents(draft.id)).toEqual([{ id: expect.any(String), queued: true }]);
    expect(await auditOf(t, draft.id)).toEqual(['invoice.created', 'invoice.issued']);

    // Issuing again (a retried request, a second click) is refused and sends nothing.
    const again = await t.request('POST', `/api/v1/invoices/${draft.id}/issue`, { token: a.owner.token });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ state: 'open' });
    expect(await sentEvents(draft.id)).toHaveLength(1);
  });

  it('sends once when the same draft is issued twice at the same moment', async () => {
    const draft = await ok(t, 'POST', '/api/v1/invoices', a.owner.token, { clientId: a.clientA, lines: [{ description: 'Design', quantity: 1_000, unitPrice: 5_000 }] });
    const answers = await Promise.all([1, 2].map(() => t.request('POST', `/api/v1/invoices/${draft.id}/issue`, { token: a.owner.token })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await sentEvents(draft.id)).toHaveLength(1);
    expect((await auditOf(t, draft.id)).filter((action) => action === 'invoice.issued')).toHaveLength(1);
  });
});

describe('the billing run', () => {
  it('issues, books and sends each invoice together: nothing of it when the event cannot be written, once when it can', async () => {
    const client = (await ok(t, 'POST', '/api/v1/clients', a.owner.token, { name: 'Run Client', currency: 'EUR' })).id;
    await saveCard(t, a.owner.token, stripe, client, { number: '4242 4242 4242 4242', expMonth: 8, expYear: 2031 });
    const auto = await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'sent-auto.example', billingCycle: 'yearly', expiresOn: '2026-12-11', renewalPrice: eur(12_000), autoRenew: true });
    const manual = await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'sent-manual.example', billingCycle: 'yearly', expiresOn: '2026-12-15', renewalPrice: eur(5_000), autoRenew: false });
    const invoicesOfClient = () => t.db.db.selectFrom('invoices').select(['id', 'state', 'number', 'total']).where('client_id', '=', client).orderBy('total').execute();

    await refuseEvents(client);
    await expect(runBilling(t.deps)).rejects.toThrow(/events refused/);
    // The invoice being made when the event was refused left nothing behind: no invoice, no line, no charge booked.
    expect(await invoicesOfClient()).toEqual([]);
    const lines = await t.db.db.selectFrom('invoice_lines').select('id').where('asset_id', 'in', [auto.id, manual.id]).execute();
    expect(lines).toEqual([]);
    expect(await t.db.db.selectFrom('auto_charges').select('invoice_id').where('client_id', '=', client).execute()).toEqual([]);

    await refuseEvents(null);
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 2, lines: 2 });
    const made = await invoicesOfClient();
    expect(made.map((i) => [i.state, Number(i.total)])).toEqual([['open', 5_000], ['open', 12_000]]);
    for (const invoice of made) {
      expect(await sentEvents(invoice.id)).toEqual([{ id: expect.any(String), queued: true }]);
      expect(await auditOf(t, invoice.id)).toEqual(expect.arrayContaining(['invoice.created', 'invoice.issued']));
    }
    const booked = await t.db.db.selectFrom('auto_charges').select(['invoice_id', 'state', 'charge_on']).where('client_id', '=', client).execute();
    expect(booked).toEqual([{ invoice_id: made[1]!.id, state: 'scheduled', charge_on: '2026-12-05' }]);
    const sent = await t.db.db.selectFrom('events').select('data').where('type', '=', 'invoice.issued').where('client_id', '=', client).execute();
    expect(sent.map((e) => JSON.parse(e.data)).map((d) => [d.total.amount, d.autoCharge, d.chargeOn]).sort()).toEqual([[12_000, true, '2026-12-05'], [5_000, false, null]]);

    // A run again, the same day or the next, sends nothing twice.
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 0 });
    t.clock.now = day('2026-11-22');
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 0 });
    for (const invoice of made) expect(await sentEvents(invoice.id)).toHaveLength(1);
  });

  it('issues and sends, once, a draft a stopped run left behind', async () => {
    t.clock.now = day('2026-11-21');
    const client = (await ok(t, 'POST', '/api/v1/clients', a.owner.token, { name: 'Left Client', currency: 'EUR' })).id;
    await saveCard(t, a.owner.token, stripe, client, { number: '4242 4242 4242 4242', expMonth: 8, expYear: 2031 });
    const asset = await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'left.example', billingCycle: 'yearly', expiresOn: '2026-12-11', renewalPrice: eur(7_000), autoRenew: true });
    // What an earlier run wrote before it stopped: the draft with its renewal line, not issued.
    const left = await createDraft(t.deps, { actor: systemActor('billing.run'), requestId: null }, {
      clientId: client,
      currency: 'EUR',
      lines: [{ description: 'left.example', quantity: 1_000, unitPrice: 7_000, assetId: asset.id, periodFrom: '2026-12-11', periodTo: '2027-12-10', renewalKey: `renewal:${asset.id}:2026-12-11` }],
    });

    await refuseEvents(client);
    await expect(runBilling(t.deps)).rejects.toThrow(/events refused/);
    expect(await invoiceRow(left.id)).toMatchObject({ state: 'draft', number: null });
    expect(await t.db.db.selectFrom('auto_charges').select('invoice_id').where('invoice_id', '=', left.id).execute()).toEqual([]);

    await refuseEvents(null);
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 0 });
    expect(await invoiceRow(left.id)).toMatchObject({ state: 'open', issued_on: '2026-11-21' });
    expect(await sentEvents(left.id)).toEqual([{ id: expect.any(String), queued: true }]);
    const booked = await t.db.db.selectFrom('auto_charges').select(['state', 'charge_on']).where('invoice_id', '=', left.id).execute();
    expect(booked).toEqual([{ state: 'scheduled', charge_on: '2026-12-05' }]);
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 0 });
    expect(await sentEvents(left.id)).toHaveLength(1);
  });
});
