import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAutoCharge } from '../../src/billing/payments/auto-charges.store.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { pdfScratch, words } from '../support/pdf.ts';
import { draft, fieldsOf, issued, line, ok } from './invoices-helpers.ts';

/**
 * The agency's seller details: who may read and set them, what is refused and why, the audit, and
 * what a client reads on an invoice and a receipt (the PDFs read back with poppler).
 */

let t: TestApp;
let a: Agency;
const pdfs = pdfScratch('upkeep-seller-');

const SELLER = {
  legalName: 'Web Agency GmbH',
  address: ['Friedrichstraße 100', '', '10117 Berlin', 'Germany'],
  vatNumber: 'de 123 456 789',
  registrationNumber: 'HRB 123456 B',
  email: 'billing@webagency.example',
  accountHolder: null,
  iban: 'de89 3704 0044 0532 0130 00',
  bic: 'cobadeffxxx',
  paymentInstructions: null,
};

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-21T10:00:00.000Z');
  a = await seedAgency(t);
  await ok(t, 'PATCH', '/api/v1/agency', a.owner.token, { name: 'Web Agency' });
});
afterAll(async () => t?.close());

async function pdfText(name: string, path: string): Promise<string> {
  const res = await request(t.url + path, { headers: { authorization: `Bearer ${a.owner.token}` } });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  expect(res.statusCode, bytes.toString('utf8', 0, 300)).toBe(200);
  return words(pdfs.readBack(name, bytes, { layout: true }).text.join(' '));
}

const auditOf = async () => t.db.db.selectFrom('audit_log').select(['action', 'before', 'after', 'actor_id']).where('entity_type', '=', 'seller-details').orderBy('seq').execute();

describe('seller details', () => {
  it('start empty, printed under the agency name', async () => {
    expect(await ok(t, 'GET', '/api/v1/billing/seller', a.admin.token)).toEqual({
      legalName: null, address: [], vatNumber: null, registrationNumber: null, email: null, accountHolder: null, iban: null, bic: null, paymentInstructions: null, agencyName: 'Web Agency',
    });
  });

  it('refuse a mistyped IBAN, a malformed BIC and email, naming each field, and keep what was there', async () => {
    const res = await t.request('PUT', '/api/v1/billing/seller', { token: a.admin.token, body: { ...SELLER, iban: 'DE89 3704 0044 0532 0130 01', bic: 'COBA-DE', email: 'billing at agency' } });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).sort()).toEqual(['body.email']);
    const bank = await t.request('PUT', '/api/v1/billing/seller', { token: a.admin.token, body: { ...SELLER, iban: 'DE89 3704 0044 0532 0130 01', bic: 'COBA-DE' } });
    expect(bank.status).toBe(400);
    expect(bank.body.errors).toEqual([
      { field: 'body.iban', message: expect.stringMatching(/check digits/) },
      { field: 'body.bic', message: expect.stringMatching(/8 or 11/) },
    ]);
    const lonely = await t.request('PUT', '/api/v1/billing/seller', { token: a.admin.token, body: { ...SELLER, iban: null, bic: 'COBADEFF' } });
    expect(lonely.status).toBe(400);
    expect(fieldsOf(lonely.body)).toEqual(['body.bic']);
    const unknown = await t.request('PUT', '/api/v1/billing/seller', { token: a.admin.token, body: { ...SELLER, swift: 'COBADEFF' } });
    expect(unknown.status).toBe(400);
    expect((await ok(t, 'GET', '/api/v1/billing/seller', a.admin.token)).iban).toBeNull();
    expect(await auditOf()).toEqual([]);
  });

  it('are saved tidied (IBAN and BIC compact, blank lines dropped) and audited', async () => {
    const saved = await ok(t, 'PUT', '/api/v1/billing/seller', a.admin.token, SELLER);
    expect(saved).toEqual({
      legalName: 'Web Agency GmbH', address: ['Friedrichstraße 100', '10117 Berlin', 'Germany'], vatNumber: 'DE123456789', registrationNumber: 'HRB 123456 B', email: 'billing@webagency.example',
      accountHolder: null, iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', paymentInstructions: null, agencyName: 'Web Agency',
    });
    expect(await ok(t, 'GET', '/api/v1/billing/seller', a.owner.token)).toEqual(saved);
    const audit = await auditOf();
    expect(audit.map((r) => r.action)).toEqual(['seller-details.updated']);
    expect(audit[0]!.actor_id).toBe(a.admin.id);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ iban: null });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ iban: 'DE89370400440532013000', vatNumber: 'DE123456789' });
  });

  it('are for owners and admins only', async () => {
    for (const who of [a.manager, a.viewer, a.clientUser, a.outsider]) {
      expect((await t.request('GET', '/api/v1/billing/seller', { token: who.token })).status, who.email).toBe(403);
      expect((await t.request('PUT', '/api/v1/billing/seller', { token: who.token, body: { ...SELLER, iban: null, bic: null } })).status, who.email).toBe(403);
    }
    expect((await t.request('GET', '/api/v1/billing/seller')).status).toBe(401);
    expect((await ok(t, 'GET', '/api/v1/billing/seller', a.owner.token)).iban).toBe('DE89370400440532013000');
  });
});

describe('on invoices and receipts', () => {
  it('an issued invoice names the seller and asks for a transfer quoting its number, in its PDF too', async () => {
    await ok(t, 'PUT', '/api/v1/clients/' + a.clientA + '/billing-profile', a.owner.token, { reverseCharge: true, vatNumber: 'FR12345678901', address: ['1 rue de la Paix', '75002 Paris'] });
    const invoice = await issued(t, a.owner.token, a.clientA, [line(120_000)]);
    expect(invoice.seller).toEqual({ name: 'Web Agency GmbH', address: ['Friedrichstraße 100', '10117 Berlin', 'Germany'], vatNumber: 'DE123456789', registrationNumber: 'HRB 123456 B', email: 'billing@webagency.example' });
    expect(invoice.bankTransfer).toEqual({ accountHolder: 'Web Agency GmbH', iban: 'DE89370400440532013000', bic: 'COBADEFFXXX', instructions: null, reference: invoice.number });

    const text = await pdfText('issued', `/api/v1/invoices/${invoice.id}/pdf`);
    for (const expected of ['Web Agency GmbH', 'Friedrichstraße 100', '10117 Berlin', 'DE123456789', 'HRB 123456 B', 'billing@webagency.example', 'Pay by bank transfer', 'DE89 3704 0044 0532 0130 00', 'COBADEFFXXX', `Reference ${invoice.number}`]) {
      expect(text).toContain(expected);
    }
    pdfs.saveScreenshot('billing-seller-invoice-pdf', 'issued');
  });

  it('a receipt shows the seller address and VAT number; a paid invoice no longer asks for a transfer', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(10_000)]);
    const { payment, invoice: paid } = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/payments`, a.owner.token, { amount: invoice.amountDue, receivedAt: '2026-11-21T09:00:00.000Z' });
    expect(paid.amountDue).toBe(0);
    expect(paid.bankTransfer).toBeNull();
    expect(await pdfText('paid', `/api/v1/invoices/${invoice.id}/pdf`)).not.toContain('DE89 3704');
    const receipt = await pdfText('receipt', `/api/v1/payments/${payment.id}/receipt.pdf`);
    for (const expected of ['Web Agency GmbH', 'Friedrichstraße 100', 'VAT number: DE123456789', 'HRB 123456 B']) expect(receipt).toContain(expected);
  });

  it('an invoice the agency charges automatically does not ask for a transfer; a failed charge does', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(10_000)]);
    const now = t.clock.now.toISOString();
    await insertAutoCharge(t.db.db, { invoiceId: invoice.id, clientId: a.clientA, chargeOn: invoice.dueOn, amount: invoice.totals.total, currency: 'EUR', state: 'scheduled', decidedBy: null, decidedAt: null, createdAt: now, updatedAt: now });
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).bankTransfer).toBeNull();
    expect(await pdfText('auto', `/api/v1/invoices/${invoice.id}/pdf`)).not.toContain('Pay by bank transfer');
    await t.db.db.updateTable('auto_charges').set({ state: 'failed' }).where('invoice_id', '=', invoice.id).execute();
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).bankTransfer).toMatchObject({ reference: invoice.number });
  });

  it('instructions for an account without an IBAN are printed as written; a draft has no reference yet', async () => {
    await ok(t, 'PUT', '/api/v1/billing/seller', a.admin.token, { ...SELLER, iban: null, bic: null, accountHolder: 'Web Agency Inc', paymentInstructions: 'ACH routing 021000021, account 123456789' });
    const d = await draft(t, a.owner.token, a.clientA);
    expect(d.bankTransfer).toEqual({ accountHolder: 'Web Agency Inc', iban: null, bic: null, instructions: 'ACH routing 021000021, account 123456789', reference: null });
    const text = await pdfText('instructions', `/api/v1/invoices/${d.id}/pdf`);
    expect(text).toContain('ACH routing 021000021, account 123456789');
    expect(text).toContain('Web Agency Inc');
    expect(text).not.toContain('Reference');
    pdfs.saveScreenshot('billing-seller-instructions-pdf', 'instructions');
  });
});
