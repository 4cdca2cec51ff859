import { describe, expect, it } from 'vitest';
import { DOWNTIME_CONVENTION } from '../../src/desk/credits.model.ts';
import { SEVERITIES, type Severity } from '../../src/desk/plan.model.ts';
import type { SeverityStats } from '../../src/desk/report.model.ts';
import { renderReportPdf } from '../../src/desk/reports.pdf.ts';
import type { MonthlyReport, ReportIncident, SiteUptime } from '../../src/desk/reports.types.ts';
import { pdfScratch, words, type ReadBack } from '../support/pdf.ts';

/**
 * The monthly report PDF, rendered for real and read back with poppler: pdfinfo for the pages,
 * pdftoppm for pixels (a page that renders white is a broken report), pdftotext for the words.
 */

const pdfs = pdfScratch('upkeep-report-pdf-');

// ---- sample reports, built by hand ----

const NOVEMBER = Array.from({ length: 30 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);

/** A site up all month but on the days in `dips` (a percentage, or null: not monitored that day). */
function site(n: number, dips: Record<number, number | null> = {}, overrides: Partial<SiteUptime> = {}): SiteUptime {
  return {
    monitorId: `mon_${n}`,
    name: `Site ${n}`,
    target: `https://site-${n}.example.com/`,
    uptimePercent: 99.95,
    downtimeSeconds: 1296,
    maintenanceSeconds: 3600,
    meetsGuarantee: true,
    daily: NOVEMBER.map((date, i) => ({ date, uptimePercent: i + 1 in dips ? dips[i + 1]! : 100 })),
    ...overrides,
  };
}

function stats(tickets: number, responseMet: number, resolutionMet: number | null, medianResponse: number | null, medianResolve: number | null): SeverityStats {
  const target = (met: number | null) => (met === null ? { counted: 0, met: 0, percentMet: null } : { counted: tickets, met, percentMet: Math.round((met / tickets) * 1000) / 10 });
  return { tickets, firstResponse: target(responseMet), resolution: target(resolutionMet), medianMinutesToFirstResponse: medianResponse, medianMinutesToResolve: medianResolve };
}

const NO_TICKETS = stats(0, 0, null, null, null);

function incident(n: number, startedAt: string, durationSeconds: number, cause: string): ReportIncident {
  return { id: `inc_${n}`, monitorName: `Site ${(n % 3) + 1}`, startedAt, resolvedAt: new Date(Date.parse(startedAt) + durationSeconds * 1000).toISOString(), durationSeconds, cause, ticketId: null };
}

function sampleReport(overrides: Partial<MonthlyReport> = {}): MonthlyReport {
  const bySeverity: Record<Severity, SeverityStats> = {
    critical: stats(2, 2, 1, 9, 95),
    high: stats(5, 4, 5, 42, 310),
    medium: stats(8, 8, null, 125, 1440),
    low: stats(3, 3, null, 600, null),
  };
  return {
    client: { id: 'cli_1', name: 'Northwind Bakery AB', language: 'en' },
    month: '2026-11',
    period: { from: '2026-10-31T23:00:00.000Z', to: '2026-11-30T23:00:00.000Z', timeZone: 'Europe/Stockholm', days: 30 },
    generatedAt: '2026-12-01T06:00:00.000Z',
    complete: true,
    plan: {
      id: 'sla_1',
      name: 'Standard',
      guaranteePercent: 99.9,
      creditTiers: [{ belowPercent: 99.9, creditPercent: 10 }, { belowPercent: 99, creditPercent: 25 }, { belowPercent: 95, creditPercent: 100 }],
      monthlyFee: { amount: 150_000, currency: 'EUR' },
    },
    convention: DOWNTIME_CONVENTION,
    allowedDowntimeSeconds: 2592,
    uptime: {
      overallPercent: 99.82,
      downtimeSeconds: 4665,
      sites: [
        site(1, { 1: null, 7: 99.2, 18: 99.97 }, { uptimePercent: 99.96, downtimeSeconds: 1037, meetsGuarantee: true }),
        site(2, { 1: null, 7: 97.5, 8: 99.1 }, { name: 'Webshop', target: 'https://shop.northwind.example/', uptimePercent: 99.5, downtimeSeconds: 12960, meetsGuarantee: false }),
        // Monitoring started on the 2nd; the booking API on the 4th.
        site(3, { 1: null, 2: null, 3: null }, { name: 'Booking API', target: 'api.northwind.example:443', uptimePercent: 100, downtimeSeconds: 0, maintenanceSeconds: 0, meetsGuarantee: true }),
      ],
    },
    credit: { tier: { belowPercent: 99.9, creditPercent: 10 }, amount: { amount: 15_000, currency: 'EUR' } },
    tickets: { bySeverity, all: stats(18, 17, 6, 60, 320) },
    incidents: [
      incident(1, '2026-11-07T02:14:00Z', 3900, 'HTTP 503 Service Unavailable'),
      incident(2, '2026-11-07T09:40:00Z', 1200, 'Connection timed out after 10 s while waiting for the response headers from the origin server behind the load balancer'),
      incident(3, '2026-11-08T13:05:00Z', 780, 'TLS handshake failed'),
      incident(4, '2026-11-18T22:30:00Z', 26, 'DNS lookup failed: SERVFAIL'),
      { ...incident(5, '2026-11-30T21:10:00Z', 6600, 'HTTP 500 Internal Server Error'), resolvedAt: null },
    ],
    ...overrides,
  };
}

function russianReport(): MonthlyReport {
  const report = sampleReport({ client: { id: 'cli_2', name: 'ООО «Ромашка»', language: 'ru' } });
  report.uptime.sites[0]!.name = 'Интернет-магазин';
  return report;
}

function largeReport(): MonthlyReport {
  const sites = Array.from({ length: 34 }, (_, i) => site(i + 1, i % 5 === 0 ? { [(i % 28) + 1]: 98.5 } : {}, i % 5 === 0 ? { uptimePercent: 99.85, meetsGuarantee: false } : {}));
  const incidents = Array.from({ length: 200 }, (_, i) => {
    const at = new Date(Date.parse('2026-11-01T00:00:00Z') + i * 3 * 3600_000 + 17 * 60_000);
    return incident(i + 1, at.toISOString(), 60 + i * 7, `Incident cause ${String(i + 1).padStart(3, '0')}: HTTP 502 from upstream`);
  });
  return sampleReport({ uptime: { overallPercent: 99.93, downtimeSeconds: 40_000, sites }, credit: { tier: null, amount: { amount: 0, currency: 'EUR' } }, incidents, incidentsNotListed: 12 });
}

function bareReport(): MonthlyReport {
  return sampleReport({
    plan: { id: 'sla_2', name: 'Basic', guaranteePercent: null, creditTiers: [], monthlyFee: null },
    allowedDowntimeSeconds: null,
    uptime: { overallPercent: null, downtimeSeconds: 0, sites: [] },
    credit: null,
    tickets: { bySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, NO_TICKETS])) as Record<Severity, SeverityStats>, all: NO_TICKETS },
    incidents: [],
    complete: false,
    generatedAt: '2026-11-21T10:00:00.000Z',
  });
}

// ---- reading the PDF back ----

async function render(name: string, report: MonthlyReport): Promise<ReadBack> {
  return pdfs.readBack(name, await renderReportPdf(report));
}

describe('the monthly report PDF', () => {
  it('renders an English report with its figures, charts and page numbers', async () => {
    const pdf = await render('en', sampleReport());
    pdfs.saveScreenshot('report-pdf-en', 'en');
    expect(pdf.pages).toBe(2);
    expect(pdf.ink).toHaveLength(2);
    expect(pdf.ink[0]).toBeGreaterThan(0.04);
    const page1 = words(pdf.text[0]!);
    expect(page1).toContain('Service report — November 2026');
    expect(page1).toContain('Northwind Bakery AB');
    expect(page1).toContain('Overall uptime');
    expect(page1).toContain('99.82%');
    expect(page1).toContain('Guarantee missed');
    expect(page1).toContain('43 min 12 s');
    expect(page1).toContain('1 h 17 min 45 s');
    expect(page1).toContain('€150.00');
    expect(page1).toContain('10% of the monthly fee (uptime below 99.9%)');
    expect(page1).toContain('Daily uptime, all sites');
    expect(page1).toContain('Not monitored');
    expect(page1).toContain('Webshop');
    expect(page1).toContain('Page 1 of 2');
    const all = words(pdf.text.join(' '));
    expect(all).toContain('Median response');
    expect(all).toContain('1 h 35 min');
    expect(all).toContain('HTTP 503 Service Unavailable');
    expect(all).toContain('1 h 50 min, ongoing');
    expect(all).toContain('How downtime is counted');
    expect(words(pdf.text[1]!)).toContain('Page 2 of 2');
    expect(all).not.toContain('Figures so far');
  });

  it('writes a Russian report in Cyrillic with Russian month names and numbers', async () => {
    const pdf = await render('ru', russianReport());
    pdfs.saveScreenshot('report-pdf-ru', 'ru');
    expect(pdf.ink[0]).toBeGreaterThan(0.04);
    const all = words(pdf.text.join(' '));
    expect(all).toContain('Отчёт об обслуживании — ноябрь 2026');
    expect(all).toContain('ООО «Ромашка»');
    expect(all).toContain('Интернет-магазин');
    expect(all).toContain('Общая доступность');
    expect(all).toContain('99,82 %');
    expect(all).toContain('43 мин 12 с');
    expect(all).toContain('Гарантия не выполнена');
    expect(all).toContain('Как считается простой');
    expect(all).toContain(`Страница 1 из ${pdf.pages}`);
    expect(all).not.toContain('Service report');
  });

  it.each([
    ['fr', 'Rapport de service — novembre 2026', 'Disponibilité globale'],
    ['sv', 'Servicerapport — november 2026', 'Total tillgänglighet'],
    ['nl', 'Servicerapport — november 2026', 'Totale beschikbaarheid'],
    ['da', 'Servicerapport — november 2026', 'Samlet oppetid'],
    ['de-AT', 'Service report — November 2026', 'Overall uptime'],
  ])('labels a report for a client reading %s', async (language, title, label) => {
    const report = sampleReport({ client: { id: 'cli_3', name: 'Client', language } });
    const pdf = await render(`lang-${language}`, report);
    expect(words(pdf.text[0]!)).toContain(title);
    expect(words(pdf.text[0]!)).toContain(label);
  });

  it('runs 34 sites and 200 incidents over numbered pages, headers repeated', async () => {
    const pdf = await render('large', largeReport());
    expect(pdf.pages).toBeGreaterThanOrEqual(6);
    expect(pdf.ink).toHaveLength(pdf.pages);
    for (const share of pdf.ink) expect(share).toBeGreaterThan(0.01);
    pdf.text.forEach((page, i) => expect(words(page)).toContain(`Page ${i + 1} of ${pdf.pages}`));
    const all = words(pdf.text.join(' '));
    expect(all).toContain('Site 34');
    expect(all).toContain('Monitored sites (continued)');
    expect(all).toContain('Incidents (continued)');
    for (const n of ['001', '100', '200']) expect(all).toContain(`Incident cause ${n}`);
    expect(all).toContain('Guarantee met');
    expect(all).toContain('12 more incidents this month are not listed here.');
  });

  it('says what is missing: no guarantee, no monitored sites, no tickets, figures so far', async () => {
    const pdf = await render('bare', bareReport());
    expect(pdf.pages).toBe(1);
    expect(pdf.ink[0]).toBeGreaterThan(0.01);
    const all = words(pdf.text.join(' '));
    expect(all).toContain('This plan has no uptime guarantee.');
    expect(all).toContain('No sites were monitored this month.');
    expect(all).toContain('No tickets were opened this month.');
    expect(all).toContain('No incidents this month.');
    expect(all).toContain('Figures so far');
    expect(all).not.toContain('Service credit');
    expect(all).not.toContain('Daily uptime');
    expect(all).not.toContain('Share of tickets within target');
  });
});
