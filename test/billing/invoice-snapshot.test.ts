import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findInvoice, updateInvoice } from '../../src/billing/invoices.store.ts';
import { runBilling } from '../../src/billing/runs/billing-run.service.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { pdfScratch, words } from '../support/pdf.ts';
import { createAsset } from '../support/registry.ts';
import { planForClient } from '../desk/tickets-helpers.ts';
import { draft, issued, line, newClient, ok } from './invoices-helpers.ts';

/**
 * An issued invoice does not change: it keeps the seller (the seller details) and the buyer (the
 * client's name and language, its billing profile's address and VAT number) as they were when it
 * was issued, in its JSON document and its PDF, however those settings change afterwards. A draft
 * shows them as they are now. The same for an invoice the billing run issues and for a credit note.
 */
let t: TestApp;
let a: Agency;
const pdfs = pdfScratch('upkeep-snapshot-');

const OLD_SELLER = {
  legalName: 'Old Agency GmbH',
  address: ['Altstraße 1', '10115 Berlin'],
  vatNumber: 'DE111111111',
  registrationNumber: 'HRB 1111 B',
  email: 'old-billing@agency.example',
  accountHolder: null,
  iban: 'DE89 3704 0044 0532 0130 00',
  bic: 'COBADEFFXXX',
  paymentInstructions: null,
};
const NEW_SELLER = {
  legalName: 'New Agency AB',
  address: ['Nygatan 2', '111 22 Stockholm'],
  vatNumber: 'SE556677889901',
  registrationNumber: '556677-8899',
  email: 'new-billing@agency.example',
  accountHolder: null,
  iban: 'SE45 5000 0000 0583 9825 7466',
  bic: 'ESSESESS',
  paymentInstructions: null,
};
const OLD_BUYER = { address: ['1 Old Road', 'Leeds LS1 1AA'], vatNumber: 'GB111111111' };
const NEW_BUYER = { address: ['9 New Street', 'York YO1 9ZZ'], vatNumber: 'GB999999999' };

const oldSellerParty = { name: 'Old Agency GmbH', address: OLD_SELLER.address, vatNumber: 'DE111111111', registrationNumber: 'HRB 1111 B', email: 'old-billing@agency.example' };
const newSellerParty = { name: 'New Agency AB', address: NEW_SELLER.address, vatNumber: 'SE556677889901', registrationNumber: '556677-8899', email: 'new-billing@agency.example' };

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-21T10:00:00.000Z');
  a = await seedAgency(t);
});
afterAll(async () => t?.close());

/** A new client, in English, with the old seller details and the old billing profile in place. */
async function clientWithOldDetails(name: string): Promise<string> {
  const client = await newClient(t, a.owner.token, name);
  await ok(t, 'PATCH', `/api/v1/clients/${client}`, a.owner.token, { locale: 'en' });
  await ok(t, 'PUT', '/api/v1/billing/seller', a.admin.token, OLD_SELLER);
  await ok(t, 'PUT', `/api/v1/clients/${client}/billing-profile`, a.owner.token, OLD_BUYER);
  return client;
}

/** What a user changes afterwards: the seller details, the client's profile, its name and language. */
async function changeEverything(client: string, name: string): Promise<void> {
  await ok(t, 'PUT', '/api/v1/billing/seller', a.admin.token, NEW_SELLER);
  await ok(t, 'PUT', `/api/v1/clients/${client}/billing-profile`, a.owner.token, NEW_BUYER);
  expect(await ok(t, 'PATCH', `/api/v1/clients/${client}`, a.owner.token, { name, locale: 'sv' })).toMatchObject({ name, locale: 'sv' });
}

const document = (id: string) => ok(t, 'GET', `/api/v1/invoices/${id}`, a.owner.token);

async function pdfText(name: string, id: string): Promise<string> {
  const res = await request(`${t.url}/api/v1/invoices/${id}/pdf`, { headers: { authorization: `Bearer ${a.owner.token}` } });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  expect(res.statusCode, bytes.toString('utf8', 0, 300)).toBe(200);
  return words(pdfs.readBack(name, bytes, { layout: true }).text.join(' '));
}

function expectOld(doc: any, clientName: string): void {
  expect(doc.seller).toEqual(oldSellerParty);
  expect(doc.buyer).toMatchObject({ name: clientName, ...OLD_BUYER });
  expect(doc.language).toBe('en');
}

function expectNew(doc: any, clientName: string): void {
  expect(doc.seller).toEqual(newSellerParty);
  expect(doc.buyer).toMatchObject({ name: clientName, ...NEW_BUYER });
  expect(doc.language).toBe('sv');
}

/** The PDF names the old parties in English and nothing of the new ones. */
function expectOldPdf(text: string, clientName: string, newName: string): void {
  for (const expected of ['Old Agency GmbH', 'Altstraße 1', 'DE111111111', 'HRB 1111 B', 'old-billing@agency.example', clientName, '1 Old Road', 'GB111111111']) expect(text).toContain(expected);
  for (const unexpected of ['New Agency AB', 'Nygatan 2', 'SE556677889901', 'new-billing@agency.example', newName, '9 New Street', 'GB999999999', 'SE45 5000']) expect(text).not.toContain(unexpected);
}

describe('an invoice a person issues', () => {
  it('keeps the seller, buyer, language and bank account it was issued with; a draft shows the current ones', async () => {
    const client = await clientWithOldDetails('Leeds Bakery Ltd');
    const invoice = await issued(t, a.owner.token, client, [line(10_000)]);
    const paid = await issued(t, a.owner.token, client, [line(5_000)]);
    await ok(t, 'POST', `/api/v1/invoices/${paid.id}/payments`, a.owner.token, { amount: paid.amountDue });
    const pending = await draft(t, a.owner.token, client);
    expectOld(pending, 'Leeds Bakery Ltd');

    await changeEverything(client, 'York Bakery Ltd');

    const now = await document(invoice.id);
    expectOld(now, 'Leeds Bakery Ltd');
    expect(now.bankTransfer).toEqual({ accountHolder: 'Old Agency GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', instructions: null, reference: invoice.number });
    const text = await pdfText('issued', invoice.id);
    expectOldPdf(text, 'Leeds Bakery Ltd', 'York Bakery Ltd');
    for (const expected of ['Invoice', 'Pay by bank transfer', 'DE89 3704 0044 0532 0130 00']) expect(text).toContain(expected);
    pdfs.saveScreenshot('billing-snapshot-issued-pdf', 'issued');

    // Paid, and then voided: still the invoice that was issued.
    expect(await document(paid.id)).toMatchObject({ state: 'paid', seller: oldSellerParty, language: 'en' });
    await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/void`, a.owner.token);
    expectOld(await document(invoice.id), 'Leeds Bakery Ltd');

    const current = await document(pending.id);
    expectNew(current, 'York Bakery Ltd');
    expect(current.bankTransfer).toMatchObject({ iban: 'SE4550000000058398257466', reference: null });
    const draftText = await pdfText('draft', pending.id);
    for (const expected of ['New Agency AB', 'Nygatan 2', 'SE556677889901', 'York Bakery Ltd', '9 New Street', 'GB999999999']) expect(draftText).toContain(expected);
    expect(draftText).not.toContain('Old Agency GmbH');

    // Issued now, the draft keeps the new details from here on.
    const later = await ok(t, 'POST', `/api/v1/invoices/${pending.id}/issue`, a.owner.token);
    await ok(t, 'PUT', '/api/v1/billing/seller', a.admin.token, OLD_SELLER);
    expectNew(await document(later.id), 'York Bakery Ltd');
  });

  it('records what it kept in the audit of its issue', async () => {
    const client = await clientWithOldDetails('Audit Bakery Ltd');
    const invoice = await issued(t, a.owner.token, client, [line(10_000)]);
    const row = await t.db.db.selectFrom('audit_log').select('after').where('entity_id', '=', invoice.id).where('action', '=', 'invoice.issued').executeTakeFirstOrThrow();
    expect(JSON.parse(row.after!).parties).toMatchObject({ seller: { name: 'Old Agency GmbH', bankAccount: { iban: 'DE89370400440532013000' } }, buyer: { name: 'Audit Bakery Ltd', vatNumber: 'GB111111111', language: 'en' } });
  });

  it('are written once: a later update of the invoice, whatever record it carries, neither replaces nor clears them', async () => {
    const client = await clientWithOldDetails('Steady Bakery Ltd');
    const invoice = await issued(t, a.owner.token, client, [line(10_000)]);
    const record = (await findInvoice(t.db.db, invoice.id))!;
    const other = { ...record.parties!, seller: { ...record.parties!.seller, name: 'Someone Else' } };
    expect(await updateInvoice(t.db.db, { ...record, parties: other }, 'open', { lines: false })).toBe(true);
    expect(await updateInvoice(t.db.db, { ...record, parties: null }, 'open', { lines: false })).toBe(true);
    expect((await findInvoice(t.db.db, invoice.id))!.parties).toEqual(record.parties);
    expect((await document(invoice.id)).seller.name).toBe('Old Agency GmbH');
  });

  it('issued before parties were kept, shows the current details: nothing recorded what it showed', async () => {
    const client = await clientWithOldDetails('Early Bakery Ltd');
    const invoice = await issued(t, a.owner.token, client, [line(10_000)]);
    await t.db.db.updateTable('invoices').set({ seller_party: null, buyer_party: null }).where('id', '=', invoice.id).execute();
    await changeEverything(client, 'Later Bakery Ltd');
    expectNew(await document(invoice.id), 'Later Bakery Ltd');
  });
});

describe('an invoice the billing run issues', () => {
  it('keeps the parties of the day it was issued', async () => {
    const client = await clientWithOldDetails('Run Bakery Ltd');
    const asset = await createAsset(t, a.owner.token, { clientId: client, kind: 'domain', identifier: 'run-bakery.example', billingCycle: 'yearly', expiresOn: '2026-12-15', renewalPrice: { amount: 5_000, currency: 'EUR' }, autoRenew: false });
    expect(await runBilling(t.deps)).toMatchObject({ invoices: 1 });
    const row = await t.db.db
      .selectFrom('invoice_lines as l')
      .innerJoin('invoices as i', 'i.id', 'l.invoice_id')
      .select(['i.id', 'i.state'])
      .where('l.asset_id', '=', asset.id)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('open');

    await changeEverything(client, 'Renamed Run Bakery Ltd');

    const doc = await document(row.id);
    expectOld(doc, 'Run Bakery Ltd');
    expect(doc.bankTransfer).toMatchObject({ iban: 'DE89370400440532013000', reference: doc.number });
    expectOldPdf(await pdfText('run', row.id), 'Run Bakery Ltd', 'Renamed Run Bakery Ltd');
  });
});

describe('a credit note', () => {
  it('keeps the parties of the day it was issued, as the invoice it corrects keeps its own', async () => {
    const client = await clientWithOldDetails('Credit Bakery Ltd');
    const invoice = await issued(t, a.owner.token, client, [line(10_000), line(4_000)]);
    const first = (await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, a.owner.token, { lines: [{ position: 2, quantity: 1000 }] })).creditNote;

    await changeEverything(client, 'Credit Bakery Renamed Ltd');

    const kept = await document(first.id);
    expect(kept).toMatchObject({ kind: 'credit-note', correcting: invoice.number, bankTransfer: null });
    expectOld(kept, 'Credit Bakery Ltd');
    const text = await pdfText('credit-note', first.id);
    expectOldPdf(text, 'Credit Bakery Ltd', 'Credit Bakery Renamed Ltd');
    expect(text).toContain('Credit note');

    // One issued after the change is a document of its own day; the invoice it corrects is unchanged.
    const second = (await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, a.owner.token, { lines: [{ position: 1, quantity: 500 }] })).creditNote;
    expectNew(second, 'Credit Bakery Renamed Ltd');
    expectOld(await document(invoice.id), 'Credit Bakery Ltd');
  });
});

describe('an SLA credit note', () => {
  it('keeps the parties of the day it was issued', async () => {
    // Its client's shop was down 3 h in September: below the plan's 99.9 %, a credit is owed.
    t.clock.now = new Date('2026-08-01T08:00:00.000Z');
    const client = await clientWithOldDetails('Uptime Bakery Ltd');
    const { planId } = await planForClient(t, a.admin.token, client);
    await ok(t, 'PATCH', `/api/v1/sla-plans/${planId}`, a.admin.token, { monthlyFee: { amount: 50_000, currency: 'EUR' } });
    const shop = (await ok(t, 'POST', '/api/v1/monitors', a.manager.token, { kind: 'http', name: 'Shop', clientId: client, config: { url: 'http://127.0.0.1:8080/shop' } })).id;
    const states: [string, string | null, string][] = [
      ['2026-07-31T22:00:00.000Z', '2026-09-10T12:00:00.000Z', 'up'],
      ['2026-09-10T12:00:00.000Z', '2026-09-10T15:00:00.000Z', 'down'],
      ['2026-09-10T15:00:00.000Z', null, 'up'],
    ];
    await t.db.db.insertInto('monitor_state_intervals').values(states.map(([started_at, ended_at, state]) => ({ monitor_id: shop, started_at, ended_at, state }))).execute();
    t.clock.now = new Date('2026-12-05T10:00:00.000Z');

    const credit = await t.request('POST', `/api/v1/clients/${client}/sla-credits`, { token: a.owner.token, body: { month: '2026-09' } });
    expect(credit.status, credit.text).toBe(201);
    expectOld(credit.body, 'Uptime Bakery Ltd');

    await changeEverything(client, 'Downtime Bakery Ltd');

    expectOld(await document(credit.body.id), 'Uptime Bakery Ltd');
    expectOldPdf(await pdfText('sla-credit', credit.body.id), 'Uptime Bakery Ltd', 'Downtime Bakery Ltd');
  });
});
