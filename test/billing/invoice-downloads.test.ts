import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPayment } from '../../src/billing/invoices.store.ts';
import { newId } from '../../src/platform/ids.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { pdfScratch, words } from '../support/pdf.ts';
import { draft, fieldsOf, issued, line, ok } from './invoices-helpers.ts';

/**
 * The invoice PDF, an invoice's payments and each payment's receipt, through the API: who may
 * fetch them, how they are named, and what a client reads in them (the PDFs read back with poppler).
 */

let t: TestApp;
let a: Agency;
const pdfs = pdfScratch('upkeep-invoice-downloads-');

beforeAll(async () => {
  t = await startTestApp();
  t.clock.now = new Date('2026-11-21T10:00:00.000Z');
  a = await seedAgency(t);
  await ok(t, 'PATCH', '/api/v1/agency', a.owner.token, { timeZone: 'Europe/Stockholm', name: 'Web Agency AB' });
});
afterAll(async () => t?.close());

interface Download {
  status: number;
  type: string;
  disposition: string;
  bytes: Buffer;
}

/** The raw bytes of a download: the shared request helper reads bodies as text, which would mangle a PDF. */
async function download(path: string, token: string): Promise<Download> {
  const res = await request(t.url + path, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.body.arrayBuffer());
  return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), disposition: String(res.headers['content-disposition'] ?? ''), bytes };
}

async function pdfText(name: string, path: string, token: string): Promise<string> {
  const res = await download(path, token);
  expect(res.status, res.bytes.toString('utf8', 0, 300)).toBe(200);
  expect(res.type).toBe('application/pdf');
  return words(pdfs.readBack(name, res.bytes, { layout: true }).text.join(' '));
}

/** A payment received outside a gateway, recorded through the API. */
async function pay(invoiceId: string, amount: number, receivedAt: string): Promise<any> {
  return (await ok(t, 'POST', `/api/v1/invoices/${invoiceId}/payments`, a.owner.token, { amount, receivedAt })).payment;
}

/** A payment or refund as a gateway's notice records it: no route records one yet, so the row is written as the settle service would. */
async function gatewayEntry(invoiceId: string, kind: 'payment' | 'refund', amount: number, gatewayRef: string, receivedAt: string): Promise<string> {
  const id = newId('payment');
  await insertPayment(t.deps.database.db, { id, invoiceId, amount, currency: 'EUR', gateway: 'stripe', gatewayRef, kind, receivedAt, createdAt: receivedAt });
  return id;
}

describe('the invoice PDF', () => {
  it('serves an issued invoice inline with its number and total, and as an attachment on request', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(12_345, { description: 'Hosting, December' })]);
    const path = `/api/v1/invoices/${invoice.id}/pdf`;
    const res = await download(path, a.manager.token);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toBe(`inline; filename="invoice-${invoice.number}.pdf"`);
    const text = words(pdfs.readBack('invoice', res.bytes, { layout: true }).text.join(' '));
    expect(text).toContain(`Invoice ${invoice.number}`);
    expect(text).toContain('Client A');
    expect(text).toContain('Hosting, December');
    expect(text).toContain('Total €123.45');
    expect(text).toContain('Amount due €123.45');
    expect((await download(`${path}?download=1`, a.owner.token)).disposition).toBe(`attachment; filename="invoice-${invoice.number}.pdf"`);
    expect((await download(`${path}?download=0`, a.owner.token)).disposition).toMatch(/^inline;/);
    const bad = await t.request('GET', `${path}?download=yes`, { token: a.owner.token });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['querystring.download']);
  });

  it('names a draft by its id and a credit note by its own number', async () => {
    const d = await draft(t, a.owner.token, a.clientA);
    const drafted = await download(`/api/v1/invoices/${d.id}/pdf`, a.owner.token);
    expect(drafted.disposition).toBe(`inline; filename="invoice-draft-${d.id}.pdf"`);
    expect(words(pdfs.readBack('draft', drafted.bytes).text.join(' '))).toContain('Invoice (Draft)');
    const invoice = await issued(t, a.owner.token, a.clientA);
    const { creditNote } = await ok(t, 'POST', `/api/v1/invoices/${invoice.id}/credit-notes`, a.owner.token, {});
    expect(creditNote.number).toMatch(/^CN-2026-\d{4}$/);
    const credited = await download(`/api/v1/invoices/${creditNote.id}/pdf`, a.owner.token);
    expect(credited.disposition).toBe(`inline; filename="credit-note-${creditNote.number}.pdf"`);
    expect(words(pdfs.readBack('credit', credited.bytes).text.join(' '))).toContain(`Corrects invoice ${invoice.number}`);
  });

  it("gives a portal user its own client's issued invoices only", async () => {
    const own = await issued(t, a.owner.token, a.clientA, [line(4_200)]);
    const ownDraft = await draft(t, a.owner.token, a.clientA);
    const text = await pdfText('portal', `/api/v1/invoices/${own.id}/pdf`, a.clientUser.token);
    expect(text).toContain(own.number);
    expect(text).toContain('Amount due €42.00');
    expect((await download(`/api/v1/invoices/${ownDraft.id}/pdf`, a.clientUser.token)).status).toBe(404);
    expect((await download(`/api/v1/invoices/${own.id}/pdf`, a.outsider.token)).status).toBe(404);
    expect((await download(`/api/v1/invoices/${own.id}/pdf`, a.viewer.token)).status).toBe(403);
    expect((await download('/api/v1/invoices/inv_nothing/pdf', a.owner.token)).status).toBe(404);
  });
});

describe("an invoice's payments", () => {
  it('lists payments and refunds oldest first by when the money arrived, gateway references for staff only', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(10_000)]);
    // Recorded in the opposite order to their arrival: the list follows the money, not the typing.
    const second = await pay(invoice.id, 3_000, '2026-11-20T09:00:00Z');
    const first = await pay(invoice.id, 2_500, '2026-11-18T14:30:00Z');
    expect((await ok(t, 'GET', `/api/v1/invoices/${invoice.id}`, a.owner.token)).state).toBe('partially-paid');
    const refund = await gatewayEntry(invoice.id, 'refund', 500, 're_test_1', '2026-11-21T08:00:00.000Z');

    const { items } = await ok(t, 'GET', `/api/v1/invoices/${invoice.id}/payments`, a.manager.token);
    expect(items).toEqual([
      { id: first.id, kind: 'payment', amount: 2_500, currency: 'EUR', gateway: null, gatewayRef: null, method: null, receivedAt: '2026-11-18T14:30:00.000Z' },
      { id: second.id, kind: 'payment', amount: 3_000, currency: 'EUR', gateway: null, gatewayRef: null, method: null, receivedAt: '2026-11-20T09:00:00.000Z' },
      { id: refund, kind: 'refund', amount: 500, currency: 'EUR', gateway: 'stripe', gatewayRef: 're_test_1', method: null, receivedAt: '2026-11-21T08:00:00.000Z' },
    ]);

    const portal = await ok(t, 'GET', `/api/v1/invoices/${invoice.id}/payments`, a.clientUser.token);
    expect(portal.items.map((p: { id: string }) => p.id)).toEqual([first.id, second.id, refund]);
    for (const item of portal.items) expect(item).not.toHaveProperty('gatewayRef');
    expect(portal.items[2]).toMatchObject({ kind: 'refund', gateway: 'stripe', amount: 500 });
    expect(JSON.stringify(portal)).not.toContain('re_test_1');
  });

  it('answers 404 for what the caller may not see, and an empty list for an invoice with nothing paid', async () => {
    const own = await issued(t, a.owner.token, a.clientA);
    const ownDraft = await draft(t, a.owner.token, a.clientA);
    expect(await ok(t, 'GET', `/api/v1/invoices/${own.id}/payments`, a.clientUser.token)).toEqual({ items: [] });
    expect((await t.request('GET', `/api/v1/invoices/${own.id}/payments`, { token: a.outsider.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/invoices/${ownDraft.id}/payments`, { token: a.clientUser.token })).status).toBe(404);
    expect((await t.request('GET', '/api/v1/invoices/inv_nothing/payments', { token: a.owner.token })).status).toBe(404);
    expect((await t.request('GET', `/api/v1/invoices/${own.id}/payments`, { token: a.viewer.token })).status).toBe(403);
  });
});

describe('receipts', () => {
  let swedish: string;
  beforeAll(async () => {
    swedish = (await ok(t, 'POST', '/api/v1/clients', a.owner.token, { name: 'Bageriet i Lund AB', currency: 'SEK', locale: 'sv' })).id;
    await ok(t, 'PUT', `/api/v1/clients/${swedish}/billing-profile`, a.owner.token, { address: ['Storgatan 1', '222 22 Lund'], vatNumber: 'SE556000000001' });
  });

  it('writes a Swedish client’s receipt in Swedish: the amount, the invoice and what was still due after it', async () => {
    const invoice = await issued(t, a.owner.token, swedish, [line(150_000, { description: 'Webbhotell, ett år', taxRate: null })]);
    // 23:30 UTC is already the 22nd in Stockholm: the receipt is dated in the agency's calendar.
    const first = await pay(invoice.id, 50_000, '2026-11-21T23:30:00Z');
    const res = await download(`/api/v1/payments/${first.id}/receipt.pdf`, a.owner.token);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.disposition).toBe(`inline; filename="receipt-${invoice.number}-${first.id}.pdf"`);
    const pdf = pdfs.readBack('receipt-sv', res.bytes, { layout: true });
    pdfs.saveScreenshot('receipt-pdf-sv', 'receipt-sv');
    expect(pdf.pages).toBe(1);
    // pdftoppm renders real ink, not a blank page.
    expect(pdf.ink[0]).toBeGreaterThan(0.02);
    const text = words(pdf.text[0]!);
    for (const phrase of ['Kvitto', 'Web Agency AB', 'MOTTAGET FRÅN', 'Bageriet i Lund AB', 'Storgatan 1', 'Momsreg.nr: SE556000000001', 'MOTTAGET BELOPP']) expect(text).toContain(phrase);
    expect(text).toContain('Kvittodatum 22 november 2026');
    expect(text).toContain(`Faktura ${invoice.number}`);
    expect(text).toContain('500,00 kr');
    expect(text).toContain(`Avser faktura ${invoice.number}`);
    expect(text).toContain('Fakturans summa 1 500,00 kr');
    expect(text).toContain('Betalt hittills 500,00 kr');
    expect(text).toContain('Kvar att betala efter denna betalning 1 000,00 kr');
    expect(text).toContain('Betalningssätt Direktbetalning, registrerad manuellt');
    expect(text).toContain(`Betalnings-ID ${first.id}`);
    expect(text).toContain('Sida 1 av 1');
    expect(text).not.toContain('Receipt');
    expect(text).not.toContain('betald i sin helhet');

    // The second payment settles it; the first receipt still shows the invoice as it stood then.
    const last = await pay(invoice.id, 100_000, '2026-11-25T10:00:00Z');
    const settled = await pdfText('receipt-sv-last', `/api/v1/payments/${last.id}/receipt.pdf`, a.owner.token);
    expect(settled).toContain('Kvar att betala efter denna betalning 0,00 kr');
    expect(settled).toContain(`Faktura ${invoice.number} är betald i sin helhet. Tack!`);
    expect(await pdfText('receipt-sv-again', `/api/v1/payments/${first.id}/receipt.pdf`, a.owner.token)).toContain('Kvar att betala efter denna betalning 1 000,00 kr');
  });

  it('titles a refund’s receipt "Refund", names the gateway and counts the refund back into what is due', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(20_000)]);
    await pay(invoice.id, 20_000, '2026-11-19T10:00:00Z');
    const refund = await gatewayEntry(invoice.id, 'refund', 5_000, 're_test_2', '2026-11-20T10:00:00.000Z');
    const res = await download(`/api/v1/payments/${refund}/receipt.pdf?download=1`, a.clientUser.token);
    expect(res.status).toBe(200);
    expect(res.disposition).toBe(`attachment; filename="refund-${invoice.number}-${refund}.pdf"`);
    const text = words(pdfs.readBack('refund', res.bytes, { layout: true }).text.join(' '));
    for (const phrase of ['Refund', 'REFUNDED TO', 'AMOUNT REFUNDED', '€50.00', 'Refund date 20 November 2026', 'Payment method Stripe']) expect(text).toContain(phrase);
    expect(text).toContain('Paid to date €150.00');
    expect(text).toContain('Still due after this refund €50.00');
    expect(text).not.toContain('re_test_2');
    expect(text).not.toContain('Receipt');
  });

  it('follows the payment’s invoice: its client’s portal user may read it, no one else’s; an unknown payment is a 404', async () => {
    const invoice = await issued(t, a.owner.token, a.clientA, [line(8_000)]);
    const payment = await pay(invoice.id, 3_000, '2026-11-20T12:00:00Z');
    const path = `/api/v1/payments/${payment.id}/receipt.pdf`;
    const text = await pdfText('receipt-portal', path, a.clientUser.token);
    expect(text).toContain('Receipt');
    expect(text).toContain(`For invoice ${invoice.number}`);
    expect(text).toContain('Still due after this payment €50.00');
    const outsider = await t.request('GET', path, { token: a.outsider.token });
    expect(outsider.status).toBe(404);
    expect(outsider.body.detail).toBe(`No payment with id ${payment.id}.`);
    expect((await t.request('GET', path, { token: a.viewer.token })).status).toBe(403);
    const unknown = await t.request('GET', '/api/v1/payments/pay_nothing/receipt.pdf', { token: a.owner.token });
    expect(unknown.status).toBe(404);
    expect(unknown.body.detail).toBe('No payment with id pay_nothing.');
  });
});
