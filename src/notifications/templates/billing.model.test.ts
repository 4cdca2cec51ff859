import { describe, expect, it } from 'vitest';
import type { EventType } from '../events.ts';
import { PACKS } from './catalogue.ts';
import { TEMPLATE_LOCALES, type Audience } from './model.ts';
import { renderEvent, type RenderContext } from './render.ts';
import { SAMPLE_EVENTS } from './samples.ts';

/** The billing messages: each type in every language, the links a client acts on, and the notes that depend on the data. */
const BILLING_TYPES = ['invoice.issued', 'payment.received', 'payment.failed', 'payment.dunning-exhausted', 'charge.awaiting-approval', 'payment-method.expiring'] as const satisfies readonly EventType[];
type BillingType = (typeof BILLING_TYPES)[number];

const ctx = (locale: RenderContext['locale'], timeZone = 'Europe/Stockholm'): RenderContext => ({
  locale,
  timeZone,
  recipientName: 'Karin',
  agencyName: 'Webbyrån',
  links: { acknowledge: null, open: null },
});
const sample = (type: BillingType, data: Record<string, unknown> = {}) => ({
  type,
  severity: SAMPLE_EVENTS[type].severity,
  data: { ...(SAMPLE_EVENTS[type].data as unknown as Record<string, unknown>), ...data },
});
const render = (event: ReturnType<typeof sample>, audience: Audience, locale: RenderContext['locale'], timeZone?: string) =>
  renderEvent(event, { ...PACKS[locale].templates[event.type][audience], html: null }, ctx(locale, timeZone));

const PAY_URL = 'https://upkeep.example/invoices/inv_sample/pay';
const METHODS_URL = 'https://upkeep.example/payment-methods';

describe('the billing templates', () => {
  it('render every billing type in every language for staff and client, with every value filled in', () => {
    for (const locale of TEMPLATE_LOCALES) {
      for (const type of BILLING_TYPES) {
        for (const audience of ['staff', 'client'] as const) {
          const message = render(sample(type), audience, locale);
          const label = `${locale} ${type} ${audience}`;
          expect(message.subject, label).not.toMatch(/\{\{|undefined|NaN|null|—/);
          expect(message.text, label).not.toMatch(/\{\{|undefined|NaN|null|\[object|\.\.|\s\./);
          expect(message.text.length, label).toBeGreaterThan(message.subject.length);
        }
      }
    }
  });

  it('are translated: no language but English uses the English wording', () => {
    for (const locale of TEMPLATE_LOCALES.filter((l) => l !== 'en')) {
      for (const type of BILLING_TYPES) {
        for (const audience of ['staff', 'client'] as const) {
          expect(PACKS[locale].templates[type][audience].text, `${locale} ${type} ${audience}`).not.toBe(PACKS.en.templates[type][audience].text);
          expect(PACKS[locale].templates[type][audience].subject, `${locale} ${type} ${audience}`).not.toBe(PACKS.en.templates[type][audience].subject);
        }
      }
      expect(PACKS[locale].billing.retryOn, locale).not.toBe(PACKS.en.billing.retryOn);
    }
  });
});

describe('a failed payment', () => {
  it('links to paying now and to updating the payment method in every language', () => {
    for (const locale of TEMPLATE_LOCALES) {
      const message = render(sample('payment.failed'), 'client', locale);
      expect(message.text, locale).toContain(PAY_URL);
      expect(message.text, locale).toContain(METHODS_URL);
      expect(message.text, locale).toContain('Your card has insufficient funds.');
      expect(message.html, locale).toContain(`href="${PAY_URL}"`);
    }
  });

  it('tells the client in English what failed, why, and when it is tried again', () => {
    const message = render(sample('payment.failed'), 'client', 'en');
    expect(message.subject).toBe('Your payment for invoice 2026-0117 did not go through');
    expect(message.text).toBe(
      'Hello Karin,\n\nWe could not collect €1,299.00 for invoice 2026-0117. The reason given: Your card has insufficient funds.\nIt will be tried again on December 3, 2026.\n\n' +
        `Pay now: ${PAY_URL}\nUpdate your payment method: ${METHODS_URL}\n\nWebbyrån`,
    );
  });

  it('speaks Swedish with the amount and the retry date in Swedish', () => {
    const message = render(sample('payment.failed'), 'client', 'sv');
    expect(message.subject).toBe('Din betalning för faktura 2026-0117 gick inte igenom');
    expect(message.text).toMatch(/Vi kunde inte dra 1\s299,00\s€ för faktura 2026-0117\./);
    expect(message.text).toContain('Ett nytt försök görs den 3 december 2026.');
    expect(message.text).toContain(`Betala nu: ${PAY_URL}`);
  });

  it('says it will not be retried after a hard decline or when no retry is planned, in every language', () => {
    for (const locale of TEMPLATE_LOCALES) {
      for (const data of [{ hardDecline: true }, { nextRetryOn: null }, { hardDecline: true, nextRetryOn: null }]) {
        const message = render(sample('payment.failed', data), 'client', locale);
        expect(message.text, `${locale} ${JSON.stringify(data)}`).toContain(PACKS[locale].billing.noRetry);
        expect(message.text, `${locale} ${JSON.stringify(data)}`).not.toMatch(/2026-12-03|December 3|3 december|3 décembre|3 декабря/);
        expect(message.text, locale).toContain(PAY_URL);
      }
    }
  });

  it('gives the agency the client, the attempt and the reason', () => {
    const message = render(sample('payment.failed', { attempt: 3, nextRetryOn: null }), 'staff', 'en');
    expect(message.subject).toBe('Payment failed: invoice 2026-0117 (Example Ltd)');
    expect(message.text).toBe('The payment of €1,299.00 by Example Ltd for invoice 2026-0117 failed (attempt 3): Your card has insufficient funds.\nIt will not be tried again automatically.');
  });
});

describe('an issued invoice', () => {
  it('says when it is charged automatically, or nothing about charging', () => {
    const auto = render(sample('invoice.issued'), 'client', 'en');
    expect(auto.subject).toBe('Invoice 2026-0117 from Webbyrån');
    expect(auto.text).toContain('Your invoice 2026-0117 of €1,299.00 is ready; €1,299.00 is due by December 5, 2026.\nIt will be charged automatically to the saved payment method on December 1, 2026.');
    expect(auto.text).toContain('View and pay it: https://upkeep.example/invoices/inv_sample\nPDF: https://upkeep.example/api/v1/invoices/inv_sample/pdf');
    const undated = render(sample('invoice.issued', { chargeOn: null }), 'client', 'da');
    expect(undated.text).toContain(PACKS.da.billing.autoCharge);
    const manual = render(sample('invoice.issued', { autoCharge: false, chargeOn: null }), 'client', 'nl');
    expect(manual.text).toMatch(/uiterlijk 5 december 2026 betaald zijn\.\n\nBekijken en betalen: /);
    expect(manual.text).not.toContain('automatisch');
  });
});

describe('a payment received', () => {
  it('names the method and links the receipt, and leaves out what is not known', () => {
    const message = render(sample('payment.received'), 'client', 'en');
    // 08:15 UTC is 09:15 in Stockholm.
    expect(message.text).toMatch(/We received €1,299\.00 for invoice 2026-0117 on November 21, 2026.*09:15.*\. Thank you\.\nPaid with Visa ·· 4242\.\nReceipt: https:\/\/upkeep\.example\/invoices\/inv_sample\/receipt\n\nWebbyrån$/);
    const transfer = render(sample('payment.received', { method: null, receiptUrl: null }), 'client', 'fr');
    expect(transfer.text).toMatch(/Merci\.\n\nWebbyrån$/);
    expect(transfer.text).not.toContain('—');
  });
});

describe('the agency’s billing messages', () => {
  it('ask for approval of a large charge with the amount, the threshold and the page', () => {
    const message = render(sample('charge.awaiting-approval'), 'staff', 'sv');
    expect(message.subject).toMatch(/^Godkänn en debitering på 12\s500,00\skr: Example Ltd$/);
    expect(message.text).toMatch(/planerad till den 1 december 2026 och väntar på godkännande\.\nDebiteringar över 10\s000,00\skr kräver godkännande\.\nGodkänn eller avslå den: https:\/\/upkeep\.example\/invoices\/inv_sample$/);
    const noThreshold = render(sample('charge.awaiting-approval', { threshold: null }), 'staff', 'en');
    expect(noThreshold.text).not.toContain('Charges above');
  });

  it('say dunning ended with the attempts, the amount still due and the last reason', () => {
    const message = render(sample('payment.dunning-exhausted'), 'staff', 'en');
    expect(message.subject).toBe('Still unpaid after 4 attempts: invoice 2026-0117 (Example Ltd)');
    expect(message.text).toContain('4 attempts failed and €1,299.00 is still due. Last reason: Your card has insufficient funds.');
    expect(message.text).toContain('https://upkeep.example/invoices/inv_sample');
  });
});

describe('a payment method about to expire', () => {
  it('asks the client to update it, with its last valid day whatever the reader’s time zone', () => {
    const message = render(sample('payment-method.expiring'), 'client', 'ru', 'Pacific/Auckland');
    expect(message.subject).toBe('Пожалуйста, обновите способ оплаты Visa ·· 4242');
    expect(message.text).toContain('действует до 31 декабря 2026 г. включительно, а следующий платёж — 15 января 2027 г.');
    expect(message.text).toContain(METHODS_URL);
    const en = render(sample('payment-method.expiring'), 'client', 'en', 'America/Los_Angeles');
    expect(en.text).toContain('is valid through December 31, 2026, but your next payment is due on January 15, 2027.');
  });
});

describe('the HTML part', () => {
  it('makes addresses in the text links, without the punctuation after them', () => {
    const message = renderEvent(sample('payment.failed'), { subject: 's', text: 'Pay at {{payUrl}}. Or see https://pay.example/x?a=1&b=2, today.', html: null }, ctx('en'));
    expect(message.html).toContain(`Pay at <a href="${PAY_URL}">${PAY_URL}</a>. Or see <a href="https://pay.example/x?a=1&amp;b=2">https://pay.example/x?a=1&amp;b=2</a>, today.`);
    const quoted = renderEvent(sample('payment.failed'), { subject: 's', text: 'Reason: {{reason}}', html: null }, ctx('en'));
    expect(quoted.html).toContain('Reason: Your card has insufficient funds.</p>');
    const tricky = renderEvent(sample('payment.failed', { reason: 'see "https://x.test/a" or «https://x.test/b»; <b>https://x.test/c"onmouseover=alert(1)</b>' }), { subject: 's', text: '{{reason}}', html: null }, ctx('fr'));
    expect(tricky.html).toContain('see &quot;<a href="https://x.test/a">https://x.test/a</a>&quot; or «<a href="https://x.test/b">https://x.test/b</a>»;');
    expect(tricky.html).not.toMatch(/<b>|onmouseover=alert\(1\)"|href="[^"]*"[^>]/);
  });
});
