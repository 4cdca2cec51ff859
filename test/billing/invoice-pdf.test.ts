import { describe, expect, it } from 'vitest';
import { renderInvoicePdf } from '../../src/billing/invoice-pdf.ts';
import { invoiceTotals, QUANTITY_SCALE, type TaxRate } from '../../src/billing/invoice.model.ts';
import type { InvoiceDocument, InvoiceDocumentLine } from '../../src/billing/invoice.types.ts';
import { pdfScratch, words, type ReadBack } from '../support/pdf.ts';

/**
 * The invoice PDF, rendered for real and read back with poppler: pdfinfo for the pages, pdftoppm
 * for pixels (a page that renders white is a broken invoice), pdftotext for the words and figures.
 * Expected figures are what Intl writes in the client's language, spaces included.
 */

const pdfs = pdfScratch('upkeep-invoice-pdf-');

// ---- sample documents, built by hand; totals from the invoice arithmetic itself ----

const VAT_25: TaxRate = { name: 'VAT 25 %', basisPoints: 2500 };
const VAT_6: TaxRate = { name: 'VAT 6 %', basisPoints: 600 };

interface LineSpec {
  description: string;
  /** Whole or part units: 6 months is 6, half a day is 0.5. */
  units: number;
  unitPrice: number;
  taxRate: TaxRate | null;
  period?: [string, string];
}

function documentLine(spec: LineSpec): InvoiceDocumentLine {
  const quantity = Math.round(spec.units * QUANTITY_SCALE);
  return {
    description: spec.description,
    periodFrom: spec.period?.[0] ?? null,
    periodTo: spec.period?.[1] ?? null,
    quantity,
    unitPrice: spec.unitPrice,
    taxRate: spec.taxRate,
    net: Math.round((quantity * spec.unitPrice) / QUANTITY_SCALE),
  };
}

function invoice(specs: LineSpec[], overrides: Partial<InvoiceDocument> = {}, options = { reverseCharge: false, paid: 0 }): InvoiceDocument {
  const currency = overrides.currency ?? 'EUR';
  const lines = specs.map(documentLine);
  const totals = invoiceTotals(currency, lines, { reverseCharge: options.reverseCharge });
  return {
    id: 'inv_1',
    kind: 'invoice',
    number: '2026-0042',
    state: 'open',
    issuedOn: '2026-11-21',
    dueOn: '2026-12-21',
    currency,
    language: 'en',
    seller: { name: 'Brightside Web Agency AB', address: ['Storgatan 12', '111 22 Stockholm', 'Sweden'], vatNumber: 'SE556677889901', email: 'billing@brightside.example' },
    buyer: { clientId: 'cli_1', name: 'Northwind Bakery GmbH', address: ['Hauptstraße 5', '10115 Berlin', 'Germany'], vatNumber: 'DE123456789' },
    lines,
    totals,
    paid: options.paid,
    amountDue: totals.total - options.paid,
    correcting: null,
    notes: null,
    paymentLink: null,
    ...overrides,
  };
}

function euroInvoice(): InvoiceDocument {
  return invoice(
    [
      { description: 'Hosting — Standard plan, northwind.example', units: 12, unitPrice: 1_500, taxRate: VAT_25, period: ['2026-12-01', '2027-11-30'] },
      { description: 'Domain renewal northwind.example', units: 1, unitPrice: 1_900, taxRate: VAT_25, period: ['2026-12-01', '2027-11-30'] },
      { description: 'Support hours, November', units: 0.5, unitPrice: 9_500, taxRate: VAT_25 },
      { description: 'Printed site handbook', units: 2, unitPrice: 4_950, taxRate: VAT_6 },
    ],
    { paymentLink: 'https://pay.brightside.example/i/2026-0042', notes: 'Thank you for your business. Please quote the invoice number with your payment.' },
    { reverseCharge: false, paid: 5_000 },
  );
}

// ---- reading the PDF back ----

/** With pdftotext's layout kept, a row of the lines or totals reads as one line. */
async function render(name: string, document: InvoiceDocument): Promise<ReadBack> {
  return pdfs.readBack(name, await renderInvoicePdf(document), { layout: true });
}

describe('the invoice PDF', () => {
  it('renders a euro invoice with two tax rates, periods, totals and the payment link', async () => {
    const document = euroInvoice();
    expect(document.totals.taxes).toHaveLength(2);
    const pdf = await render('en', document);
    pdfs.saveScreenshot('invoice-pdf-en', 'en');
    expect(pdf.pages).toBe(1);
    expect(pdf.ink[0]).toBeGreaterThan(0.03);
    const text = words(pdf.text[0]!);
    for (const phrase of ['Invoice', '2026-0042', 'Brightside Web Agency AB', 'VAT number: SE556677889901', 'billing@brightside.example']) expect(text).toContain(phrase);
    for (const phrase of ['BILLED TO', 'Northwind Bakery GmbH', 'Hauptstraße 5', 'VAT number: DE123456789']) expect(text).toContain(phrase);
    expect(text).toContain('Issue date 21 November 2026');
    expect(text).toContain('Due date 21 December 2026');
    expect(text).toContain('1 Dec 2026 – 30 Nov 2027');
    expect(text).toContain('Amounts in EUR');
    // 12 × 15.00, 1 × 19.00, 0.5 × 95.00, 2 × 49.50.
    expect(text).toMatch(/Hosting — Standard plan, northwind.example .*12 15\.00 25% 180\.00/);
    expect(text).toContain('0.5 95.00 25% 47.50');
    expect(text).toContain('2 49.50 6% 99.00');
    expect(text).toContain('Subtotal €345.50');
    // 25 % of 246.50 is 61.625, rounded half up to 61.63; 6 % of 99.00 is 5.94.
    expect(text).toContain('VAT 25 % on 246.50 €61.63');
    expect(text).toContain('VAT 6 % on 99.00 €5.94');
    expect(text).toContain('Total €413.07');
    expect(text).toContain('Paid -€50.00');
    expect(text).toContain('Amount due €363.07');
    expect(text).toContain('Pay online https://pay.brightside.example/i/2026-0042');
    expect(text).toContain('Please quote the invoice number with your payment.');
    expect(text).toContain('Page 1 of 1');
    expect(text).not.toContain('Reverse charge');
    expect(text).not.toContain('DRAFT');
  });

  it('writes a Swedish reverse-charge invoice in Swedish, with no tax and the notice', async () => {
    const document = invoice([{ description: 'Webbhotell, årsavgift', units: 1, unitPrice: 123_450, taxRate: null, period: ['2026-12-01', '2027-11-30'] }], { currency: 'SEK', language: 'sv-SE' }, { reverseCharge: true, paid: 0 });
    const pdf = await render('sv', document);
    expect(pdf.ink[0]).toBeGreaterThan(0.03);
    const text = words(pdf.text[0]!);
    expect(text).toContain('Faktura');
    expect(text).toContain('Fakturadatum 21 november 2026');
    expect(text).toContain('Belopp i SEK');
    expect(text).toContain('1 1 234,50 — 1 234,50');
    expect(text).toContain('Summa exkl. moms 1 234,50 kr');
    expect(text).toContain('Att betala 1 234,50 kr');
    expect(text).toContain('Omvänd betalningsskyldighet: mottagaren redovisar momsen (artikel 196, direktiv 2006/112/EG)');
    expect(text).not.toMatch(/Moms \d+ % på/);
    expect(text).toContain('Sida 1 av 1');
  });

  it('writes a rouble invoice in Russian, its Cyrillic readable as text', async () => {
    const document = invoice(
      [
        { description: 'Поддержка сайта, ноябрь', units: 1, unitPrice: 4_500_000, taxRate: { name: 'НДС 20 %', basisPoints: 2000 } },
        { description: 'Продление домена romashka.example', units: 1, unitPrice: 120_000, taxRate: { name: 'НДС 20 %', basisPoints: 2000 }, period: ['2026-12-01', '2027-11-30'] },
      ],
      { currency: 'RUB', language: 'ru', buyer: { clientId: 'cli_2', name: 'ООО «Ромашка»', address: ['ул. Ленина, д. 1', '101000 Москва'], vatNumber: null } },
    );
    const pdf = await render('ru', document);
    pdfs.saveScreenshot('invoice-pdf-ru', 'ru');
    expect(pdf.ink[0]).toBeGreaterThan(0.03);
    const text = words(pdf.text[0]!);
    for (const phrase of ['Счёт', 'ООО «Ромашка»', 'ПОКУПАТЕЛЬ', 'Поддержка сайта, ноябрь', 'Дата выставления 21 ноября 2026 г.', 'Срок оплаты 21 декабря 2026 г.']) expect(text).toContain(phrase);
    expect(text).toContain('1 дек. 2026 г. – 30 нояб. 2027 г.');
    expect(text).toContain('1 45 000,00 20 % 45 000,00');
    expect(text).toContain('Итого без НДС 46 200,00 ₽');
    expect(text).toContain('НДС 20 % с 46 200,00 9 240,00 ₽');
    expect(text).toContain('Всего 55 440,00 ₽');
    expect(text).toContain('К оплате 55 440,00 ₽');
    expect(text).toContain('Страница 1 из 1');
    expect(text).not.toContain('Invoice');
  });

  it('prints yen without decimals', async () => {
    const document = invoice([{ description: 'Site audit', units: 3, unitPrice: 40_000, taxRate: { name: 'JCT', basisPoints: 1000 } }], { currency: 'JPY' });
    const pdf = await render('jpy', document);
    const text = words(pdf.text[0]!);
    expect(text).toContain('3 40,000 10% 120,000');
    expect(text).toContain('Subtotal JP¥120,000');
    expect(text).toContain('JCT 10% on 120,000 JP¥12,000');
    expect(text).toContain('Amount due JP¥132,000');
    expect(text).not.toMatch(/\d\.\d\d/);
  });

  it('marks a draft across the page and prints no number', async () => {
    const document = invoice([{ description: 'Maintenance', units: 1, unitPrice: 10_000, taxRate: VAT_25 }], { number: null, state: 'draft', issuedOn: null });
    const pdf = await render('draft', document);
    const issued = await render('issued', { ...document, number: '2026-0043', state: 'open', issuedOn: '2026-11-21' });
    const text = words(pdf.text[0]!);
    expect(text).toContain('Number Draft');
    // The mark across the page is the only drawing the issued copy lacks.
    expect(pdf.tint[0]! - issued.tint[0]!).toBeGreaterThan(0.01);
    expect(text).toContain('Invoice (Draft)');
    expect(text).not.toContain('Issue date');
    expect(text).toContain('Amount due €125.00');
  });

  it('prints a credit note with the invoice it corrects and no amount due', async () => {
    const document = invoice([{ description: 'Hosting refunded, December', units: 1, unitPrice: 1_500, taxRate: VAT_25 }], { kind: 'credit-note', number: '2026-C-0003', correcting: '2026-0007', language: 'fr' });
    const pdf = await render('credit', document);
    const text = words(pdf.text[0]!);
    expect(text).toContain('Avoir');
    expect(text).toContain('2026-C-0003');
    expect(text).toContain('Rectifie la facture 2026-0007');
    expect(text).toContain('Total de l’avoir 18,75 €');
    expect(text).toContain('VAT 25 % sur 15,00 3,75 €');
    expect(text).not.toContain('Reste à payer');
    expect(text).not.toContain('Date d’échéance');
    expect(text).toContain('Page 1 sur 1');
  });

  it.each([
    ['fr', 'Facture', 'Autoliquidation : TVA due par le preneur (article 196 de la directive 2006/112/CE)', 'Reste à payer 1 500,00 €'],
    ['nl', 'Factuur', 'Btw verlegd: de btw wordt voldaan door de afnemer (artikel 196, Richtlijn 2006/112/EG)', 'Te betalen € 1.500,00'],
    ['da', 'Faktura', 'Omvendt betalingspligt: køber afregner momsen (artikel 196, direktiv 2006/112/EF)', 'At betale 1.500,00 €'],
    ['de-AT', 'Invoice', 'Reverse charge: VAT to be accounted for by the recipient (Article 196, Directive 2006/112/EC)', 'Amount due €1,500.00'],
  ])('words a reverse-charge invoice for a client reading %s', async (language, title, notice, due) => {
    const document = invoice([{ description: 'Site care', units: 1, unitPrice: 150_000, taxRate: null }], { language }, { reverseCharge: true, paid: 0 });
    const text = words((await render(`lang-${language}`, document)).text[0]!);
    expect(text).toContain(title);
    expect(text).toContain(notice);
    expect(text).toContain(due);
  });

  it('runs 60 lines over numbered pages with the table header repeated', async () => {
    const specs = Array.from({ length: 60 }, (_, i) => ({ description: `Site care, site ${String(i + 1).padStart(2, '0')}`, units: 1, unitPrice: 2_000 + i, taxRate: VAT_25, period: ['2026-12-01', '2026-12-31'] as [string, string] }));
    const pdf = await render('long', invoice(specs));
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    expect(pdf.ink).toHaveLength(pdf.pages);
    for (const share of pdf.ink) expect(share).toBeGreaterThan(0.01);
    pdf.text.forEach((page, i) => expect(words(page)).toContain(`Page ${i + 1} of ${pdf.pages}`));
    for (const page of pdf.text.slice(1, -1)) {
      expect(words(page)).toContain('Invoice 2026-0042 (continued)');
      expect(words(page)).toMatch(/Description Quantity Unit price VAT Amount/);
    }
    const all = words(pdf.text.join(' '));
    for (const n of ['01', '30', '60']) expect(all).toContain(`Site care, site ${n}`);
    // 60 × 20.00 plus 0.01 × (0 + … + 59) = 1,217.70; 25 % of it is 304.425, rounded up.
    expect(words(pdf.text.at(-1)!)).toContain('Total €1,522.13');
  });
});
