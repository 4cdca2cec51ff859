import { describe, expect, it } from 'vitest';
import { EVENT_TYPES } from '../events.ts';
import { PACKS } from './catalogue.ts';
import { AUDIENCES, placeholdersFor, scanPlaceholders, templateLocale, TEMPLATE_LOCALES, validateTemplate } from './model.ts';
import { formatDuration, renderDigest, renderEvent, type RenderContext } from './render.ts';
import { SAMPLE_EVENTS } from './samples.ts';

const ctx = (locale: RenderContext['locale']): RenderContext => ({
  locale,
  timeZone: 'Europe/Stockholm',
  recipientName: 'Karin',
  agencyName: 'Webbyrån',
  links: { acknowledge: 'https://upkeep.test/ack/t0k', open: 'https://upkeep.test/assets/ast_1' },
});
const sample = (type: keyof typeof SAMPLE_EVENTS) => ({ type, severity: SAMPLE_EVENTS[type].severity, data: SAMPLE_EVENTS[type].data as unknown as Record<string, unknown> });

describe('the built-in templates', () => {
  it('exist for every event type, audience and language, and use only known placeholders', () => {
    for (const locale of TEMPLATE_LOCALES) {
      for (const type of EVENT_TYPES) {
        for (const audience of AUDIENCES) {
          const t = PACKS[locale].templates[type][audience];
          expect(validateTemplate(placeholdersFor(type), { ...t, html: null }), `${locale} ${type} ${audience}`).toEqual([]);
        }
      }
    }
  });

  it('differ from English in every other language', () => {
    for (const locale of TEMPLATE_LOCALES.filter((l) => l !== 'en')) {
      for (const type of EVENT_TYPES.filter((t) => t.startsWith('renewal.') || t.startsWith('ticket.') || t.startsWith('sla.'))) {
        expect(PACKS[locale].templates[type].client.text, `${locale} ${type}`).not.toBe(PACKS.en.templates[type].client.text);
        expect(PACKS[locale].templates[type].staff.text, `${locale} ${type}`).not.toBe(PACKS.en.templates[type].staff.text);
      }
    }
  });

  it('render every sample event with every value filled in', () => {
    for (const locale of TEMPLATE_LOCALES) {
      for (const type of EVENT_TYPES) {
        for (const audience of AUDIENCES) {
          const message = renderEvent(sample(type), { ...PACKS[locale].templates[type][audience], html: null }, ctx(locale));
          const label = `${locale} ${type} ${audience}`;
          expect(message.subject, label).not.toMatch(/\{\{|undefined|NaN|—/);
          expect(message.text, label).not.toMatch(/\{\{|undefined|NaN/);
        }
      }
    }
  });
});

describe('validateTemplate', () => {
  it('names an unknown placeholder and the field it is in', () => {
    const errors = validateTemplate(placeholdersFor('renewal.due'), { subject: 'Renew {{assetName}}', text: 'Costs {{cost}} by {{expiresOn}}', html: null });
    expect(errors).toEqual([{ field: 'body.text', message: expect.stringContaining('unknown placeholder {{cost}}') }]);
  });
  it('refuses broken braces and an empty subject', () => {
    const errors = validateTemplate(placeholdersFor('renewal.due'), { subject: ' ', text: 'Due {{expiresOn}', html: '<p>{{ assetName }}</p>' });
    expect(errors.map((e) => e.field)).toEqual(['body.subject', 'body.text']);
  });
  it('finds placeholders with spaces inside the braces', () => {
    expect(scanPlaceholders('{{ a }} and {{b}}')).toEqual({ names: ['a', 'b'], malformed: false });
  });
});

describe('rendering', () => {
  it('writes a Swedish renewal notice with the date and price in Swedish', () => {
    const message = renderEvent(sample('renewal.due'), { ...PACKS.sv.templates['renewal.due'].client, html: null }, ctx('sv'));
    expect(message.subject).toBe('Påminnelse om förnyelse: example.com hosting');
    expect(message.text).toContain('21 december 2026');
    expect(message.text).toMatch(/1\s299,00\s€/);
    expect(message.text).toContain('Kvittera: https://upkeep.test/ack/t0k');
    expect(message.html).toContain('<html lang="sv">');
    expect(message.html).toContain('href="https://upkeep.test/ack/t0k"');
  });

  it('tells a renewal reminder from a payment reminder, and says when one comes late, to staff only', () => {
    const pay = { ...sample('renewal.due'), data: { ...sample('renewal.due').data, reminder: 'pay', daysLeft: 1, late: true } };
    const staff = renderEvent(pay, { ...PACKS.en.templates['renewal.due'].staff, html: null }, ctx('en'));
    expect(staff.subject).toBe('Payment due tomorrow: example.com hosting');
    expect(staff.text).toBe('example.com hosting expires on December 21, 2026. Renewal price: €1,299.00.\nThis reminder comes late: its day passed while Upkeep was not running.\n\nAcknowledge: https://upkeep.test/ack/t0k\nOpen in Upkeep: https://upkeep.test/assets/ast_1');
    const client = renderEvent(pay, { ...PACKS.en.templates['renewal.due'].client, html: null }, ctx('en'));
    expect(client.subject).toBe('Payment reminder: example.com hosting');
    expect(client.text).toContain('is due for renewal on December 21, 2026 (tomorrow)');
    expect(client.text).not.toContain('late');
    const onTime = renderEvent(sample('renewal.due'), { ...PACKS.en.templates['renewal.due'].staff, html: null }, ctx('en'));
    expect(onTime.subject).toBe('Renewal due in 30 days: example.com hosting');
    expect(onTime.text.split('\n')[0]).toBe('example.com hosting expires on December 21, 2026. Renewal price: €1,299.00.');
    expect(onTime.text).not.toContain('late');
  });

  it('counts days in the recipient’s language: today, in 10 days, 3 days ago', () => {
    const today = { ...sample('renewal.due'), data: { ...sample('renewal.due').data, daysLeft: 0 } };
    expect(renderEvent(today, { ...PACKS.fr.templates['renewal.due'].staff, html: null }, ctx('fr')).subject).toBe('Renouvellement aujourd’hui : example.com hosting');
    const cancel = renderEvent(sample('renewal.cancel-deadline'), { ...PACKS.sv.templates['renewal.cancel-deadline'].staff, html: null }, ctx('sv'));
    expect(cancel.text).toContain('senast 1 december 2026 (om 10 dagar)');
    const expired = renderEvent(sample('renewal.expired'), { ...PACKS.ru.templates['renewal.expired'].staff, html: null }, ctx('ru'));
    expect(expired.text).toContain('(3 дня назад)');
    expect(expired.text).toMatch(/1\s299,00\s€/);
  });

  it('escapes values in HTML but not in text', () => {
    const event = { ...sample('incident.updated'), data: { ...sample('incident.updated').data, message: '<script>x</script> & more' } };
    const message = renderEvent(event, { ...PACKS.en.templates['incident.updated'].staff, html: null }, ctx('en'));
    expect(message.text).toContain('<script>x</script> & more');
    expect(message.html).toContain('&lt;script&gt;x&lt;/script&gt; &amp; more');
    expect(message.html).not.toContain('<script>');
  });

  it('shows a missing value as a dash, and an instant in the recipient’s time zone', () => {
    const message = renderEvent(sample('domain.expiring'), { subject: '{{domain}}', text: 'Registrar: {{registrar}}', html: null }, ctx('en'));
    expect(message.text.startsWith('Registrar: Example Registrar')).toBe(true);
    const none = renderEvent({ ...sample('domain.expiring'), data: { ...sample('domain.expiring').data, registrar: null } }, { subject: '{{domain}}', text: 'Registrar: {{registrar}}', html: null }, ctx('en'));
    expect(none.text.startsWith('Registrar: —')).toBe(true);
    const opened = renderEvent(sample('incident.opened'), { subject: 's', text: '{{startedAt}}', html: null }, ctx('en'));
    expect(opened.text).toMatch(/November 21, 2026.*10:42/); // 09:42 UTC is 10:42 in Stockholm
  });

  it('renders a digest as one message listing every event', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({
      event: { ...sample('renewal.due'), data: { ...sample('renewal.due').data, assetName: `site-${i + 1}.se` } },
      template: { ...PACKS.da.templates['renewal.due'].staff, html: null },
    }));
    const message = renderDigest(items, { ...ctx('da'), links: { acknowledge: null, open: null } });
    expect(message.subject).toBe('12 notifikationer fra Webbyrån');
    expect(message.text.split('\n').filter((l) => l.startsWith('• Fornyelse om 30 dage: site-'))).toHaveLength(12);
    expect((message.html.match(/<li>/g) ?? []).length).toBe(12);
  });

  it('writes durations in the recipient’s language', () => {
    expect(formatDuration(3900, 'en')).toBe('1 hour 5 minutes');
    expect(formatDuration(45, 'en')).toBe('45 seconds');
    expect(formatDuration(7200, 'sv')).toBe('2 timmar');
  });
});

describe('the desk’s messages', () => {
  const withData = <T extends keyof typeof SAMPLE_EVENTS>(type: T, data: Record<string, unknown>) => ({ ...sample(type), data: { ...sample(type).data, ...data } });
  const render = (event: ReturnType<typeof sample>, audience: 'staff' | 'client', locale: RenderContext['locale']) =>
    renderEvent(event, { ...PACKS[locale].templates[event.type][audience], html: null }, ctx(locale));

  it('acknowledge a ticket outside support hours in the client’s language, with when work starts, in the reader’s time zone', () => {
    const message = render(sample('ticket.created'), 'client', 'sv');
    expect(message.subject).toBe('Vi har tagit emot ditt ärende: The contact form sends nothing');
    expect(message.text).toContain('(allvarlighetsgrad: hög)');
    // 08:00 UTC is 09:00 in Stockholm in November.
    expect(message.text).toMatch(/arbetet med det börjar 23 november 2026 (kl\. )?09:00/);
    expect(message.text).toMatch(/Du hör från oss senast 23 november 2026 (kl\. )?10:00/);
    expect(message.text).toMatch(/lösa det senast 23 november 2026 (kl\. )?17:00/);
  });

  it('say work starts now when there is no start instant, and that a severity without a resolution target has none', () => {
    const message = render(withData('ticket.created', { workStartsAt: null, resolutionDue: null, severity: 'critical' }), 'client', 'en');
    expect(message.text).toContain('We have received your ticket "The contact form sends nothing" (severity: critical). Work on it starts now.');
    expect(message.text).toContain('There is no resolution deadline for this severity');
    expect(message.text).not.toContain('outside our support hours');
  });

  it('name the clock and the share of its time used', () => {
    const warning = render(sample('ticket.sla-warning'), 'staff', 'en');
    expect(warning.subject).toBe('75% of the first response time used: The contact form sends nothing');
    const breach = render(sample('ticket.sla-breached'), 'staff', 'fr');
    expect(breach.subject).toBe('SLA dépassé (résolution) : The contact form sends nothing');
    expect(breach.text).toContain('« The contact form sends nothing » (élevée)');
  });

  it('give a monthly report’s uptime against the guarantee and a credit owed, and leave out what is not there', () => {
    const report = render(sample('sla.report-ready'), 'client', 'sv');
    expect(report.subject).toBe('Din servicerapport för oktober 2026');
    expect(report.text).toMatch(/Tillgänglighet: 99,82\s%\s\(garanterat: 99,9\s%\)\./);
    expect(report.text).toMatch(/Servicekredit som du har rätt till: 49,90\s€\./);
    const clean = render(withData('sla.report-ready', { uptimePercent: null, credit: { amount: 0, currency: 'EUR' } }), 'client', 'en');
    expect(clean.text).toContain('Your service report for October 2026 is ready.\n\nDownload it as a PDF: https://upkeep.example/');
    expect(clean.text).not.toMatch(/Uptime|credit/);
  });
});

describe('templateLocale', () => {
  it('takes the language of a locale and falls back to English', () => {
    expect(templateLocale('sv-SE')).toBe('sv');
    expect(templateLocale('FR')).toBe('fr');
    expect(templateLocale('de')).toBe('en');
    expect(templateLocale(null)).toBe('en');
  });
});
