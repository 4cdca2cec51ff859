import type { Locale } from '../../accounts/model.ts';
import { toDecimalString, type Money } from '../../platform/money.ts';
import type { EventType, Severity } from '../events.ts';
import { PACKS } from './catalogue.ts';
import { DERIVED_PLACEHOLDERS, EVENT_FIELDS, escapeHtml, fill, type FieldKind, type TemplateText } from './model.ts';
import type { LocalePack } from './pack.ts';

/**
 * Turns an event and a template into the subject, text and HTML one recipient reads: values are
 * formatted in the recipient's language and time zone (dates, money, durations), links to
 * acknowledge and open are added, and in HTML every value is escaped.
 */
export interface RenderContext {
  locale: Locale;
  timeZone: string;
  recipientName: string;
  agencyName: string;
  links: { acknowledge: string | null; open: string | null };
}

export interface RenderableEvent {
  type: EventType;
  severity: Severity;
  data: Record<string, unknown>;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
}

export function renderEvent(event: RenderableEvent, template: TemplateText, ctx: RenderContext): RenderedMessage {
  const values = eventValues(event, ctx);
  return frame(fill(template.subject, values).replace(/\s+/g, ' ').trim(), fill(template.text, values), template.html === null ? null : fill(template.html, values, escapeHtml), ctx);
}

/** One message for many events: the subject of each, in a list (twelve renewals, one email). */
export function renderDigest(items: readonly { event: RenderableEvent; template: TemplateText }[], ctx: RenderContext): RenderedMessage {
  const pack = PACKS[ctx.locale];
  const common = { ...commonValues(ctx), count: formatNumber(items.length, ctx.locale) };
  const lines = items.map(({ event, template }) => fill(template.subject, eventValues(event, ctx)).replace(/\s+/g, ' ').trim());
  const intro = fill(pack.digest.intro, common);
  const text = [intro, '', ...lines.map((l) => `• ${l}`)].join('\n');
  const html = `<p>${escapeHtml(intro)}</p>\n<ul>\n${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}\n</ul>`;
  return frame(fill(pack.digest.subject, common), text, html, ctx);
}

/** The message a channel's "send test" delivers. */
export function renderTest(channelName: string, ctx: RenderContext): RenderedMessage {
  const pack = PACKS[ctx.locale];
  const values = { ...commonValues(ctx), channelName };
  return frame(fill(pack.test.subject, values), fill(pack.test.text, values), null, ctx);
}

function frame(subject: string, text: string, html: string | null, ctx: RenderContext): RenderedMessage {
  const pack = PACKS[ctx.locale];
  const links: [string, string][] = [];
  if (ctx.links.acknowledge) links.push([pack.acknowledge, ctx.links.acknowledge]);
  if (ctx.links.open) links.push([pack.open, ctx.links.open]);
  const textLinks = links.map(([label, url]) => `${label}: ${url}`).join('\n');
  const htmlLinks = links.map(([label, url]) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`).join(' · ');
  const body = html ?? textToHtml(text);
  return {
    subject,
    text: textLinks ? `${text}\n\n${textLinks}` : text,
    html: `<!doctype html><html lang="${ctx.locale}"><body>${body}${htmlLinks ? `\n<p>${htmlLinks}</p>` : ''}</body></html>`,
  };
}

function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${linkify(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

// A web address in text, without the punctuation or closing quote that ends the sentence around it.
const WEB_ADDRESS = /https?:\/\/[^\s<>"'«»]+?(?=[.,;:!?)\]"'»]*(?:\s|$))/g;

/** Escapes text and makes its addresses links: a "Pay now" address must be one click, not a copy and paste. */
function linkify(text: string): string {
  let html = '';
  let from = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const url = escapeHtml(match[0]);
    html += `${escapeHtml(text.slice(from, match.index))}<a href="${url}">${url}</a>`;
    from = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(from));
}

function commonValues(ctx: RenderContext): Record<string, string> {
  return { recipientName: ctx.recipientName, agencyName: ctx.agencyName };
}

/** Every placeholder of the event's type, formatted for the recipient. */
export function eventValues(event: RenderableEvent, ctx: RenderContext): Record<string, string> {
  const pack = PACKS[ctx.locale];
  const values: Record<string, string> = { ...commonValues(ctx), severity: pack.severity[event.severity] ?? event.severity };
  const fields = EVENT_FIELDS[event.type] as Record<string, FieldKind>;
  for (const [name, kind] of Object.entries(fields)) values[name] = formatValue(event.data[name], kind, pack, ctx);
  return Object.assign(values, derivedValues(event, values, pack, ctx.locale));
}

/** The derived placeholders of the event's type (see DERIVED_PLACEHOLDERS), from the formatted `values`. */
function derivedValues(event: RenderableEvent, values: Readonly<Record<string, string>>, pack: LocalePack, locale: Locale): Record<string, string> {
  const wanted = DERIVED_PLACEHOLDERS[event.type] ?? [];
  const d = event.data;
  const reminder = d.reminder === 'pay' ? 'pay' : 'renewal';
  const known = (name: string) => d[name] !== null && d[name] !== undefined;
  const all: Record<string, () => string> = {
    downtime: () => formatDuration(Number(d.downtimeSeconds ?? 0), locale),
    dueIn: () => formatRelativeDays(Number(d.daysLeft ?? 0), locale),
    expiredAgo: () => formatRelativeDays(-Number(d.daysOverdue ?? 0), locale),
    reminderLabel: () => pack.renewal.label[reminder],
    reminderNotice: () => pack.renewal.notice[reminder],
    // On a line of its own after the text, or nothing at all when the reminder is on time.
    lateNote: () => (d.late === true ? `\n${pack.renewal.late}` : ''),
    clockName: () => pack.desk.clock[d.clock === 'resolution' ? 'resolution' : 'first-response'],
    // No start instant: work started when the ticket came in (within support hours, or around the clock).
    workStart: () => fill(known('workStartsAt') ? pack.desk.startsAt : pack.desk.startsNow, values),
    resolutionNote: () => fill(known('resolutionDue') ? pack.desk.resolutionDue : pack.desk.noResolution, values),
    uptimeLine: () => (known('uptimePercent') ? `\n${fill(known('guaranteePercent') ? pack.desk.uptime : pack.desk.uptimeNoGuarantee, values)}` : ''),
    // Only a credit actually owed is worth a line; none (or zero) says nothing.
    creditLine: () => (isMoney(d.credit) && d.credit.amount > 0 ? `\n${fill(pack.desk.credit, values)}` : ''),
    chargeLine: () => (d.autoCharge === true ? `\n${fill(known('chargeOn') ? pack.billing.autoChargeOn : pack.billing.autoCharge, values)}` : ''),
    // A hard decline (a stolen card, a closed account) is never retried, whatever date came with it.
    retryNote: () => fill(known('nextRetryOn') && d.hardDecline !== true ? pack.billing.retryOn : pack.billing.noRetry, values),
    methodLine: () => (known('method') ? `\n${fill(pack.billing.method, values)}` : ''),
    receiptLine: () => (known('receiptUrl') ? `\n${fill(pack.billing.receipt, values)}` : ''),
    thresholdLine: () => (isMoney(d.threshold) ? `\n${fill(pack.billing.threshold, values)}` : ''),
  };
  return Object.fromEntries(wanted.map((name) => [name, all[name]?.() ?? '']));
}

/** 30 → "in 30 days", 1 → "tomorrow", 0 → "today", -3 → "3 days ago", in the recipient's language. */
export function formatRelativeDays(days: number, locale: Locale): string {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })));
  return format.format(Number.isFinite(days) ? Math.round(days) : 0, 'day');
}

function formatValue(value: unknown, kind: FieldKind, pack: LocalePack, ctx: RenderContext): string {
  if (value === null || value === undefined || value === '') return pack.none;
  switch (kind) {
    case 'instant':
      return formatInstant(String(value), ctx);
    case 'date':
      return formatDate(String(value), ctx.locale);
    case 'money':
      return isMoney(value) ? formatMoney(value, ctx.locale) : pack.none;
    case 'number':
      return typeof value === 'number' ? formatNumber(value, ctx.locale) : String(value);
    case 'percent':
      return typeof value === 'number' ? formatPercent(value, ctx.locale) : String(value);
    case 'month':
      return formatMonth(String(value), ctx.locale);
    case 'severity':
      return pack.severity[value as Severity] ?? String(value);
    case 'boolean':
      return value ? pack.yes : pack.no;
    default:
      return String(value);
  }
}

function isMoney(value: unknown): value is Money {
  return typeof value === 'object' && value !== null && typeof (value as Money).amount === 'number' && typeof (value as Money).currency === 'string';
}

// Making an Intl formatter costs far more than using one: at thousands of messages a second
// they are made once per language and time zone, and kept.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function dateFormat(locale: Locale, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (dateFormats.size < 1000) dateFormats.set(key, format);
  }
  return format;
}

const INSTANT: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'long', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };

function formatInstant(iso: string, ctx: RenderContext): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  try {
    return dateFormat(ctx.locale, ctx.timeZone, INSTANT).format(at);
  } catch {
    return dateFormat(ctx.locale, 'UTC', INSTANT).format(at);
  }
}

/** A calendar date (`2026-12-31`) stays that date whatever the recipient's time zone. */
function formatDate(day: string, locale: Locale): string {
  const at = new Date(`${day}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(at.getTime())) return day;
  return dateFormat(locale, 'UTC', { dateStyle: 'long' }).format(at);
}

/** As platform/money.ts `formatMinor`, with the formatter kept: exact for any amount, as Intl is handed a decimal string. */
function formatMoney(money: Money, locale: Locale): string {
  const key = `${locale}|${money.currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    if (numberFormats.size < 1000) numberFormats.set(key, format);
  }
  return format.format(toDecimalString(money.amount, money.currency) as Intl.StringNumericLiteral);
}

function formatNumber(value: number, locale: Locale): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale)));
  return format.format(value);
}

/** 99.95 → "99.95%" (en), "99,95 %" (sv): up to three decimals, as uptime figures need. */
function formatPercent(value: number, locale: Locale): string {
  const key = `${locale}|percent`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 })));
  return format.format(value / 100);
}

/** A calendar month (`2026-10`) → "October 2026" in the recipient's language. */
function formatMonth(month: string, locale: Locale): string {
  const at = new Date(`${month}-01T00:00:00Z`);
  if (!/^\d{4}-\d{2}$/.test(month) || Number.isNaN(at.getTime())) return month;
  return dateFormat(locale, 'UTC', { month: 'long', year: 'numeric' }).format(at);
}

/** 3900 s → "1 hour, 5 minutes" in the recipient's language. */
export function formatDuration(seconds: number, locale: Locale): string {
  const total = Math.max(0, Math.round(seconds));
  const parts: [number, 'day' | 'hour' | 'minute' | 'second'][] = [
    [Math.floor(total / 86_400), 'day'],
    [Math.floor((total % 86_400) / 3600), 'hour'],
    [Math.floor((total % 3600) / 60), 'minute'],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) shown.push([total, 'second']);
  const formatted = shown.map(([n, unit]) => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(n));
  return new Intl.ListFormat(locale, { style: 'narrow', type: 'unit' }).format(formatted);
}
