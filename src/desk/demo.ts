/**
 * The demo agency's desk: support hours, SLA plans for a third of the demo clients and a handful of
 * tickets in every state (waiting on the client, resolved, an old breached one, a critical one just
 * opened), so a newcomer's Support section has something to show. It reads the demo clients from
 * the registry and writes through the desk's own services, so acknowledgements, clocks,
 * notifications and the audit log are the real ones. The same seed always picks the same clients;
 * the tickets' times are counted back from the demo's clock.
 */
import { DateTime } from 'luxon';
import { readAgency } from '../accounts/agency.ts';
import { systemActor, type Actor } from '../accounts/model.ts';
import { findUsersByEmails } from '../accounts/store.ts';
import type { Deps } from '../platform/deps.ts';
import { minorDigits } from '../platform/money.ts';
import type { Client } from '../registry/clients.model.ts';
import { seededRng } from '../registry/demo/agency.ts';
import { CLIENTS, MANAGERS, USERS } from '../registry/demo/catalogue.ts';
import { DEMO_SEED } from '../registry/demo/load.ts';
import { findClientsByNames } from '../registry/parties.store.ts';
import { weeklyCalendar, type BusinessCalendar } from './calendar.model.ts';
import { createCalendar } from './calendars.service.ts';
import type { Severity, SeverityTerms, UptimeGuarantee } from './plan.model.ts';
import { createPlan, type PlanInput } from './plans.service.ts';
import { findPlanOfClient } from './plans.store.ts';
import { createTicket, updateTicket, type Ctx } from './tickets.service.ts';
import { addMessage } from './tickets.thread.service.ts';

// --- Support hours: the agency's own time zone, or Stockholm (where the demo agency works) when it has none. ---

export const DEMO_CALENDAR_NAME = 'Office hours (demo)';
const DEMO_TIME_ZONE = 'Europe/Stockholm';

/** The country whose public holidays close the office, for the zones the demo's people live in; other zones close none. */
const HOLIDAYS_OF_ZONE: Record<string, string> = {
  'Europe/Stockholm': 'SE', 'Europe/Copenhagen': 'DK', 'Europe/Oslo': 'NO', 'Europe/Helsinki': 'FI', 'Europe/Amsterdam': 'NL', 'Europe/Brussels': 'BE',
  'Europe/Paris': 'FR', 'Europe/Berlin': 'DE', 'Europe/Zurich': 'CH', 'Europe/Vienna': 'AT', 'Europe/London': 'GB', 'Europe/Dublin': 'IE',
};

/** Mon–Fri 08:00–17:00 with an hour for lunch, closed on the public holidays of the zone's country. */
export function demoSupportHours(agencyTimeZone: string): BusinessCalendar {
  // An agency that never chose a time zone reads UTC; the demo's office is in Stockholm then.
  const timeZone = agencyTimeZone === 'UTC' ? DEMO_TIME_ZONE : agencyTimeZone;
  const country = HOLIDAYS_OF_ZONE[timeZone];
  const hours = weeklyCalendar(timeZone, ['mon', 'tue', 'wed', 'thu', 'fri'], [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
  return { ...hours, publicHolidays: country ? { country, region: null } : null };
}

// --- Plans: Gold answers faster and promises more for its fee; Standard is the agency's default terms. ---

export type DemoTier = 'gold' | 'standard';
const minutes = (n: number) => ({ kind: 'minutes' as const, minutes: n });

const GOLD_SEVERITIES: Record<Severity, SeverityTerms> = {
  critical: { firstResponse: minutes(15), resolution: minutes(120), noResolutionTarget: null, measure: 'around-the-clock' },
  high: { firstResponse: minutes(30), resolution: minutes(240), noResolutionTarget: null, measure: 'business' },
  medium: { firstResponse: minutes(120), resolution: minutes(960), noResolutionTarget: null, measure: 'business' },
  low: { firstResponse: { kind: 'next-business-day' }, resolution: null, noResolutionTarget: 'best-effort', measure: 'business' },
};
const GOLD_GUARANTEE: UptimeGuarantee = {
  percent: 99.9,
  period: 'calendar-month',
  creditTiers: [
    { belowPercent: 99.9, creditPercent: 10 },
    { belowPercent: 99.5, creditPercent: 25 },
    { belowPercent: 99.0, creditPercent: 50 },
    { belowPercent: 95.0, creditPercent: 100 },
  ],
};

/** Monthly fees in major units of each demo client's currency, at price points people use. */
const MONTHLY_FEES: Record<string, Record<DemoTier, number>> = {
  EUR: { gold: 490, standard: 190 },
  SEK: { gold: 5400, standard: 2100 },
  DKK: { gold: 3700, standard: 1400 },
  GBP: { gold: 420, standard: 160 },
  CHF: { gold: 470, standard: 180 },
};

function planInput(tier: DemoTier, client: Client, calendarId: string): PlanInput {
  const fee = (MONTHLY_FEES[client.currency] ?? MONTHLY_FEES.EUR!)[tier];
  const common = { clientId: client.id, calendarId, monthlyFee: { amount: fee * 10 ** minorDigits(client.currency), currency: client.currency } };
  if (tier === 'standard') {
    return {
      ...common,
      name: 'Standard',
      channels: ['tickets', 'email'],
      scope: { included: 'The websites we built and host for you, with their domains and certificates.', excluded: 'New features and content changes: quoted separately.' },
    };
  }
  return {
    ...common,
    name: 'Gold',
    severities: GOLD_SEVERITIES,
    uptimeGuarantee: GOLD_GUARANTEE,
    channels: ['tickets', 'email', 'phone'],
    monthlyReport: true,
    scope: {
      included: 'The websites and web shops we built and host for you, their domains, certificates and backups, monitored around the clock.',
      excluded: 'New features, content changes and services of other providers: quoted separately.',
    },
  };
}

/** A third of the demo clients have an SLA, the first half of them Gold and the rest Standard; the seed picks which. */
export function demoSlaClients(seed: number): { name: string; tier: DemoTier }[] {
  const rng = seededRng(seed);
  const names = CLIENTS.map((c) => c.name);
  for (let i = names.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [names[i], names[j]] = [names[j]!, names[i]!];
  }
  const chosen = names.slice(0, Math.round(CLIENTS.length / 3));
  return chosen.map((name, i) => ({ name, tier: i < chosen.length / 2 ? 'gold' : 'standard' }));
}

// --- Tickets: what happened to each, counted back from now. Staff log what a client reported by phone or e-mail. ---

/**
 * When something happened: minutes before the demo's now, or a local time on a weekday some
 * weekdays back (in the office's zone), so older tickets were opened and answered in office hours
 * whenever the demo is loaded.
 */
export type DemoWhen = { minutesAgo: number } | { weekdaysAgo: number; at: string };
type Step = { when: DemoWhen } & ({ reply: string } | { note: string } | { status: 'waiting' | 'resolved' });

export interface DemoTicket {
  /** Which of the clients with an SLA, in demoSlaClients' order. */
  client: number;
  title: string;
  severity: Severity;
  body: string;
  /** A demo manager's key (see the registry demo's catalogue), or nobody yet. */
  assignee: string | null;
  opened: DemoWhen;
  steps: Step[];
}

export const DEMO_TICKETS: readonly DemoTicket[] = [
  {
    client: 0, severity: 'high', title: 'Contact form messages no longer arrive', assignee: 'tom', opened: { weekdaysAgo: 7, at: '09:40' },
    body: 'Reported by phone: messages sent through the contact form have not reached the shared inbox for a couple of days.',
    steps: [
      { when: { weekdaysAgo: 5, at: '14:15' }, reply: "Sorry for the slow answer. The mail server refuses the form's messages since its sender address changed; we are moving the form to the authenticated mail account and will tell you when it is done." },
      { when: { weekdaysAgo: 5, at: '14:40' }, note: "The relay rejects the form's sender on SPF. Waiting for access to the DNS zone at the registrar to add the mail account." },
    ],
  },
  {
    client: 1, severity: 'high', title: 'The browser says the site is not secure', assignee: 'maja', opened: { weekdaysAgo: 4, at: '07:30' },
    body: 'Reported by e-mail: visitors get a certificate warning on the main site.',
    steps: [
      { when: { weekdaysAgo: 4, at: '07:55' }, reply: 'The certificate did not renew because its DNS validation record was missing. We have added the record and issued a new certificate; please reload the page.' },
      { when: { weekdaysAgo: 4, at: '09:40' }, status: 'resolved' },
    ],
  },
  {
    client: 2, severity: 'medium', title: 'New opening hours on the website', assignee: 'maja', opened: { weekdaysAgo: 2, at: '10:05' },
    body: 'Reported by e-mail: the opening hours change next month and should be updated on every page that shows them.',
    steps: [
      { when: { weekdaysAgo: 2, at: '10:55' }, reply: 'Happy to. Could you send us the new hours, and tell us whether the holiday hours change too?' },
      { when: { weekdaysAgo: 2, at: '10:57' }, status: 'waiting' },
    ],
  },
  {
    client: 0, severity: 'critical', title: 'The site answers 502 Bad Gateway', assignee: 'tom', opened: { minutesAgo: 35 },
    body: 'Reported by phone: every page of the site shows "502 Bad Gateway".',
    steps: [
      { when: { minutesAgo: 26 }, reply: "We are on it: the application server stopped after last night's update. We are bringing it back and will write as soon as the site answers again." },
      { when: { minutesAgo: 15 }, note: 'The PHP pool crashed after the nightly package update; rolling the update back on the host.' },
    ],
  },
  {
    client: 3, severity: 'low', title: 'Add a new colleague to the team page', assignee: null, opened: { minutesAgo: 180 },
    body: 'Reported by e-mail: a new colleague starts next week; a photo and a short bio follow.',
    steps: [],
  },
];

/** The instant of `when`, from the demo's now in the office's time zone. */
export function demoInstant(when: DemoWhen, now: Date, timeZone: string): Date {
  if ('minutesAgo' in when) return new Date(now.getTime() - when.minutesAgo * 60_000);
  let day = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  for (let counted = 0; counted < when.weekdaysAgo; ) {
    day = day.minus({ days: 1 });
    if (day.weekday <= 5) counted++;
  }
  const [hour, minute] = when.at.split(':').map(Number);
  return day.set({ hour, minute }).toJSDate();
}

interface Moment {
  at: number;
  ticket: number;
  /** Null: the ticket is opened. */
  step: Step | null;
}

/** Every ticket's opening and steps, oldest first, so the desk sees them in the order they happened. */
function timeline(now: Date, timeZone: string): Moment[] {
  const at = (when: DemoWhen) => demoInstant(when, now, timeZone).getTime();
  const moments = DEMO_TICKETS.flatMap((t, ticket) => [{ at: at(t.opened), ticket, step: null }, ...t.steps.map((step) => ({ at: at(step.when), ticket, step }))]);
  return moments.sort((a, b) => a.at - b.at);
}

/**
 * Each moment is played at its own time (the services are handed a clock that reads it), so every
 * ticket's thread, history, clocks, acknowledgement and audit entries tell the same story.
 */
async function playTickets(deps: Deps, ctx: Ctx, timeZone: string, clients: Client[], staff: ReadonlyMap<string, string>): Promise<number> {
  const ids: string[] = [];
  for (const moment of timeline(deps.now(), timeZone)) {
    const at: Deps = { ...deps, now: () => new Date(moment.at) };
    const story = DEMO_TICKETS[moment.ticket]!;
    const { step } = moment;
    if (!step) {
      const assigneeId = story.assignee ? (staff.get(story.assignee) ?? null) : null;
      ids[moment.ticket] = (await createTicket(at, ctx, { clientId: clients[story.client]!.id, title: story.title, severity: story.severity, body: story.body, assigneeId })).id;
    } else if ('status' in step) {
      await updateTicket(at, ctx, ids[moment.ticket]!, { status: step.status });
    } else {
      await addMessage(at, ctx, ids[moment.ticket]!, 'reply' in step ? { body: step.reply, visibility: 'public' } : { body: step.note, visibility: 'internal' });
    }
  }
  return DEMO_TICKETS.length;
}

// --- Loading. ---

/** The chosen clients in order; null when one is missing or has a plan already: the desk demo goes with a fresh demo registry only. */
async function chosenClients(deps: Deps, names: string[]): Promise<Client[] | null> {
  const db = deps.database.db;
  const found = await findClientsByNames(db, names);
  const clients: Client[] = [];
  for (const name of names) {
    const client = found.find((c) => c.name === name);
    if (!client || (await findPlanOfClient(db, client.id))) return null;
    clients.push(client);
  }
  return clients;
}

/** The demo's managers by key, as the registry demo created them. */
async function demoStaff(deps: Deps): Promise<Map<string, string>> {
  const managers = USERS.filter((u) => MANAGERS.includes(u.key));
  const users = await findUsersByEmails(deps.database.db, managers.map((u) => u.email));
  return new Map(managers.flatMap((m) => users.filter((u) => u.email === m.email).map((u) => [m.key, u.id] as const)));
}

/**
 * Give the demo agency's clients a desk, right after the registry's demo was loaded. Returns what
 * was created, or null (and creates nothing) when the demo clients are not there or have SLA plans.
 */
export async function loadDeskDemo(deps: Deps, actor: Actor = systemActor('demo')): Promise<Record<string, number> | null> {
  const cast = demoSlaClients(DEMO_SEED);
  const clients = await chosenClients(deps, cast.map((c) => c.name));
  if (!clients) return null;
  const ctx: Ctx = { actor, requestId: null };
  const hours = demoSupportHours((await readAgency(deps)).timeZone);
  const calendar = await createCalendar(deps, ctx, { name: DEMO_CALENDAR_NAME, ...hours });
  for (const [i, client] of clients.entries()) await createPlan(deps, ctx, planInput(cast[i]!.tier, client, calendar.id));
  const tickets = await playTickets(deps, ctx, hours.timeZone, clients, await demoStaff(deps));
  return { businessCalendars: 1, slaPlans: clients.length, tickets };
}
