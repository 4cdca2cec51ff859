/**
 * The demo agency's billing: billing profiles for three clients (a Swedish one charged 25 % VAT,
 * a Dutch one under the EU reverse charge with its VAT number, a British one whose automatic
 * charges above £250 wait for approval), a handful of invoices a person made over the last weeks
 * in every state a newcomer meets (a draft, open, overdue, partially paid, paid, one corrected by a
 * credit note), and then today's billing run over the demo's renewals. Everything goes through the
 * billing services, so numbers, totals, states and the audit log are the real ones. No payment
 * gateway is set up: nothing is charged.
 */
import { DateTime } from 'luxon';
import { readAgency } from '../accounts/agency.ts';
import { systemActor, type Actor } from '../accounts/model.ts';
import type { Deps } from '../platform/deps.ts';
import { minorDigits } from '../platform/money.ts';
import type { Client } from '../registry/clients.model.ts';
import { findClientsByNames } from '../registry/parties.store.ts';
import type { CreditRequest } from './credit-note.model.ts';
import { QUANTITY_SCALE } from './invoice.model.ts';
import { createDraft, issueInvoice, type Ctx, type LineInput } from './invoices.service.ts';
import { issueCreditNote, recordPayment } from './invoices.settle.service.ts';
import * as invoiceStore from './invoices.store.ts';
import { saveProfile, type ProfileInput } from './profiles.service.ts';
import { findProfile } from './profiles.store.ts';
import { runBilling } from './runs/billing-run.service.ts';

const SWEDISH_VAT = { name: 'Moms 25 %', basisPoints: 2500 };
const profile = (p: Partial<ProfileInput>): ProfileInput => ({ taxRate: null, reverseCharge: false, vatNumber: null, address: [], invoiceDaysBefore: 30, approvalThreshold: null, paymentTermsDays: 14, ...p });

/** Which demo clients get a profile, by name (see the registry demo's catalogue). */
export const DEMO_PROFILES: Readonly<Record<string, ProfileInput>> = {
  'Fjällgården Hotell': profile({ taxRate: SWEDISH_VAT, vatNumber: 'SE556000000101', address: ['Fjällvägen 12', '837 52 Åre', 'Sweden'], paymentTermsDays: 30 }),
  'Van Dijk Architects': profile({ reverseCharge: true, vatNumber: 'NL123456789B01', address: ['Keizersgracht 100', '1015 AA Amsterdam', 'Netherlands'], paymentTermsDays: 30 }),
  // Outside the EU: the agency's services carry no Swedish VAT. Large automatic charges wait for a person.
  'Hartley & Finch Solicitors': profile({ address: ['10 Example Row', 'London EC1A 1AA', 'United Kingdom'], approvalThreshold: { amount: 250_00, currency: 'GBP' }, paymentTermsDays: 30 }),
};

/** A line in major units of the client's currency and a quantity that may be fractional (hours). */
interface DemoLine {
  description: string;
  quantity: number;
  unitPrice: number;
}

export interface DemoInvoice {
  client: string;
  lines: DemoLine[];
  notes?: string;
  /** Days before the demo's now it was issued; null: still a draft, made `draftDaysAgo` ago. */
  issuedDaysAgo: number | null;
  draftDaysAgo?: number;
  /** Payments received by bank transfer: days ago and the share of what was owed then (1: all of it). */
  payments?: { daysAgo: number; share: number }[];
  /** A credit note for some lines (by position, quantities in thousandths), days ago. */
  credit?: { daysAgo: number; lines: CreditRequest[]; notes: string };
}

export const DEMO_INVOICES: readonly DemoInvoice[] = [
  {
    // Paid in full.
    client: 'Fjällgården Hotell', issuedDaysAgo: 40, payments: [{ daysAgo: 29, share: 1 }],
    lines: [{ description: 'Booking engine: new room types and winter prices', quantity: 8, unitPrice: 1050 }, { description: 'Newsletter template for the winter season', quantity: 1, unitPrice: 4500 }],
  },
  {
    // Terms of 30 days, issued 45 days ago and nothing paid: overdue.
    client: 'Hartley & Finch Solicitors', issuedDaysAgo: 45,
    lines: [{ description: 'Website care and updates', quantity: 6.5, unitPrice: 85 }, { description: 'Client portal: security review', quantity: 1, unitPrice: 350 }],
  },
  {
    // One line was in the fixed-price quote already: credited, and the rest paid.
    client: 'Van Dijk Architects', issuedDaysAgo: 30, payments: [{ daysAgo: 19, share: 1 }],
    credit: { daysAgo: 24, lines: [{ position: 2, quantity: QUANTITY_SCALE }], notes: 'The archive migration was part of the fixed-price quote.' },
    lines: [{ description: 'Portfolio archive: new project pages', quantity: 12, unitPrice: 80 }, { description: 'Portfolio archive: migration of old projects', quantity: 1, unitPrice: 600 }],
  },
  {
    // Half paid, as agreed, the rest on delivery.
    client: 'Van Dijk Architects', issuedDaysAgo: 18, payments: [{ daysAgo: 6, share: 0.5 }], notes: 'Half on order, half on delivery, as agreed.',
    lines: [{ description: 'Intranet: document library and search', quantity: 1, unitPrice: 2400 }],
  },
  {
    client: 'Fjällgården Hotell', issuedDaysAgo: 3,
    lines: [{ description: 'Website care and updates', quantity: 4.5, unitPrice: 1050 }, { description: 'Staff intranet: new shift planner page', quantity: 1, unitPrice: 6800 }],
  },
  {
    client: 'Fjällgården Hotell', issuedDaysAgo: null, draftDaysAgo: 1, notes: 'To be issued when the campaign goes live.',
    lines: [{ description: 'Website: spring campaign pages', quantity: 10, unitPrice: 1050 }],
  },
];

interface Moment {
  daysAgo: number;
  invoice: number;
  step: 'create' | 'issue' | 'credit' | { payment: number };
}

/** Every invoice's steps, oldest first, so numbers follow the dates they were issued on. */
function timeline(): Moment[] {
  const moments = DEMO_INVOICES.flatMap((d, invoice): Moment[] => [
    { daysAgo: d.issuedDaysAgo ?? d.draftDaysAgo ?? 0, invoice, step: d.issuedDaysAgo === null ? 'create' : 'issue' },
    ...(d.credit ? [{ daysAgo: d.credit.daysAgo, invoice, step: 'credit' as const }] : []),
    ...(d.payments ?? []).map((p, payment) => ({ daysAgo: p.daysAgo, invoice, step: { payment } })),
  ]);
  return moments.sort((a, b) => b.daysAgo - a.daysAgo);
}

function lineInput(line: DemoLine, currency: string): LineInput {
  return { description: line.description, quantity: Math.round(line.quantity * QUANTITY_SCALE), unitPrice: line.unitPrice * 10 ** minorDigits(currency) };
}

/** Each step is made at its own time (the services read a clock set to it), so dates, numbers and audit agree. */
async function playInvoices(deps: Deps, ctx: Ctx, clients: ReadonlyMap<string, Client>): Promise<{ invoices: number; creditNotes: number; payments: number }> {
  // Days are counted in the agency's calendar, so a step keeps its hour across a change to summer time.
  const zone = (await readAgency(deps)).timeZone;
  const ids: string[] = [];
  let creditNotes = 0;
  let payments = 0;
  for (const moment of timeline()) {
    const at: Deps = { ...deps, now: () => DateTime.fromJSDate(deps.now(), { zone }).minus({ days: moment.daysAgo }).toJSDate() };
    const story = DEMO_INVOICES[moment.invoice]!;
    const { step } = moment;
    if (step === 'create' || step === 'issue') {
      const client = clients.get(story.client)!;
      const draft = await createDraft(at, ctx, { clientId: client.id, lines: story.lines.map((l) => lineInput(l, client.currency)), notes: story.notes ?? null });
      ids[moment.invoice] = draft.id;
      if (step === 'issue') await issueInvoice(at, ctx, draft.id);
    } else if (step === 'credit') {
      await issueCreditNote(at, ctx, ids[moment.invoice]!, { lines: story.credit!.lines, notes: story.credit!.notes });
      creditNotes++;
    } else {
      await recordPayment(at, ctx, ids[moment.invoice]!, { amount: await owedShare(at, ids[moment.invoice]!, story.payments![step.payment]!.share) });
      payments++;
    }
  }
  return { invoices: DEMO_INVOICES.length, creditNotes, payments };
}

/** A share of what the invoice still asks for: its total less credit notes and payments, in whole minor units. */
async function owedShare(deps: Deps, invoiceId: string, share: number): Promise<number> {
  const db = deps.database.db;
  const invoice = (await invoiceStore.findInvoice(db, invoiceId))!;
  return Math.round((invoice.total - (await invoiceStore.creditedOn(db, invoiceId)) - invoice.paid) * share);
}

/** The demo clients by name; null when one is missing or has a billing profile: the billing demo goes with a fresh demo registry only. */
async function demoClients(deps: Deps): Promise<Map<string, Client> | null> {
  const db = deps.database.db;
  const names = [...new Set([...Object.keys(DEMO_PROFILES), ...DEMO_INVOICES.map((i) => i.client)])];
  const found = await findClientsByNames(db, names);
  const clients = new Map<string, Client>();
  for (const name of names) {
    const client = found.find((c) => c.name === name);
    if (!client || (await findProfile(db, client.id))) return null;
    clients.set(name, client);
  }
  return clients;
}

/**
 * Give the demo agency's clients billing, right after the registry's demo was loaded. Returns what
 * was created, or null (and creates nothing) when the demo clients are not there or have profiles.
 */
export async function loadBillingDemo(deps: Deps, actor: Actor = systemActor('demo')): Promise<Record<string, number> | null> {
  const clients = await demoClients(deps);
  if (!clients) return null;
  const ctx: Ctx = { actor, requestId: null };
  for (const [name, input] of Object.entries(DEMO_PROFILES)) await saveProfile(deps, ctx, clients.get(name)!.id, input);
  const made = await playInvoices(deps, ctx, clients);
  // Today's run, as the daily job would make it: the renewals of the next 30 days, invoiced and issued.
  const run = await runBilling(deps);
  return { billingProfiles: Object.keys(DEMO_PROFILES).length, ...made, renewalInvoices: run.invoices };
}
