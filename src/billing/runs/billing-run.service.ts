import { DateTime } from 'luxon';
import { readAgency } from '../../accounts/agency.ts';
import { systemActor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { change, type Deps } from '../../platform/deps.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import { newId } from '../../platform/ids.ts';
import { addDays } from '../../renewals/reminders.model.ts';
import { isDue, LATE_INVOICE_DAYS, renewalKey, renewalsToInvoice, type BillableRenewal, type InvoiceDraft } from '../billing-run.model.ts';
import { currentParties } from '../invoice-parties.service.ts';
import { issueIn, issueTerms, type InvoiceRecord, type IssueTerms } from '../invoices.service.ts';
import * as invoiceStore from '../invoices.store.ts';
import { sendInvoice } from '../invoice-sent.service.ts';
import type { BillingSettings } from '../payments/settings.model.ts';
import { readBillingSettings } from '../payments/settings.service.ts';
import { profileOf } from '../profiles.service.ts';
import { autoChargeTerms, bookAutoCharge, type AutoChargeTerms } from './auto-charges.service.ts';
import * as store from './billing-run.store.ts';
import { runInvoice } from './run-invoice.ts';

/**
 * The daily billing run: every renewal coming up within its client's lead time (the billing
 * profile's `invoiceDaysBefore`) is invoiced once, grouped into one invoice per client, currency
 * and way of paying (auto-renewing services are charged automatically, on an invoice of their own).
 *
 * Each invoice is made, issued, its automatic charge booked and the client told (the
 * `invoice.issued` event in the notifications outbox) in ONE transaction: a run that stops half
 * way leaves every invoice either issued and sent or not there at all, and a run again invoices
 * what is left. Every renewal line is keyed (unique), so two runs never invoice a renewal twice;
 * drafts an earlier version of the run left unissued are issued and sent the same way.
 * What the transaction needs besides its writes (settings, the client's profile and saved method,
 * the seller and buyer the invoice keeps) is read before it begins: on SQLite the transaction
 * holds the only connection.
 */
const SYSTEM = { actor: systemActor('billing.run'), requestId: null } satisfies ChangeContext;
const DEFAULT_DAYS_BEFORE = 30;

export interface BillingRunResult {
  runOn: string;
  invoices: number;
  lines: number;
}

/** What the run reads once: the day, the payment settings, and each client's terms as it meets them. */
interface RunContext {
  today: string;
  settings: BillingSettings;
  clients: Map<string, Promise<ClientTerms>>;
}

export async function runBilling(deps: Deps): Promise<BillingRunResult> {
  const zone = (await readAgency(deps)).timeZone;
  const today = DateTime.fromJSDate(deps.now(), { zone }).toISODate()!;
  const run: RunContext = { today, settings: await readBillingSettings(deps), clients: new Map() };
  const db = deps.database.db;
  await store.startRun(db, newId('billingRun'), today, deps.now().toISOString());
  for (const id of await store.unissuedRunDrafts(db)) await issueLeftDraft(deps, run, id);

  let invoices = 0;
  let lines = 0;
  for (const draft of await draftsDue(deps, today)) {
    if (!(await invoiceRenewals(deps, run, draft))) continue;
    invoices += 1;
    lines += draft.lines.length;
  }
  await store.finishRun(db, today, invoices, lines, deps.now().toISOString());
  deps.logger.info({ runOn: today, invoices, lines }, 'billing run finished');
  return { runOn: today, invoices, lines };
}

/** The invoices to make today: due renewals not yet invoiced, read page by page, grouped at the end. */
async function draftsDue(deps: Deps, today: string): Promise<InvoiceDraft[]> {
  const db = deps.database.db;
  const daysByClient = await store.invoiceDaysByClient(db);
  const policyOf = (clientId: string) => ({ daysBefore: daysByClient.get(clientId) ?? DEFAULT_DAYS_BEFORE });
  const longest = Math.max(DEFAULT_DAYS_BEFORE, ...daysByClient.values());
  const due: BillableRenewal[] = [];
  for await (const page of store.billableRenewals(db, addDays(today, -LATE_INVOICE_DAYS), addDays(today, longest))) {
    const candidates = page.filter((r) => isDue(r, policyOf(r.clientId), today));
    const invoiced = await store.invoicedKeys(db, candidates.map((r) => renewalKey(r.assetId, r.expiresOn)));
    due.push(...candidates.filter((r) => !invoiced.has(renewalKey(r.assetId, r.expiresOn))));
  }
  return renewalsToInvoice(due, policyOf, today, new Set());
}

type ClientTerms = Awaited<ReturnType<typeof readClientTerms>>;

async function readClientTerms(deps: Deps, run: RunContext, clientId: string) {
  const profile = await profileOf(deps, clientId);
  const issue = issueTerms(profile, run.today, await currentParties(deps, clientId, profile));
  return { profile, issue, autoCharge: await autoChargeTerms(deps, clientId, run.settings, profile) };
}

/** A client's terms, read once per run however many invoices it gets. */
function termsOf(deps: Deps, run: RunContext, clientId: string): Promise<ClientTerms> {
  let terms = run.clients.get(clientId);
  if (!terms) run.clients.set(clientId, (terms = readClientTerms(deps, run, clientId)));
  return terms;
}

/**
 * Makes, issues, books and sends one invoice of renewals in one transaction. False when another
 * run invoiced these renewals first (a renewal key is taken): nothing of this one is left.
 */
async function invoiceRenewals(deps: Deps, run: RunContext, draft: InvoiceDraft): Promise<boolean> {
  const terms = await termsOf(deps, run, draft.clientId);
  const invoice = runInvoice(draft, terms.profile, deps.now().toISOString());
  return issueAndTell(deps, run, invoice, terms.issue, draft.autoCharge ? terms.autoCharge : null, false);
}

/** Issues and sends a draft a stopped run left (its renewals are on it already). */
async function issueLeftDraft(deps: Deps, run: RunContext, id: string): Promise<void> {
  const draft = await invoiceStore.findInvoice(deps.database.db, id);
  if (!draft || draft.state !== 'draft') return;
  const terms = await termsOf(deps, run, draft.clientId);
  const autoRenewing = terms.autoCharge !== null && (await store.allAutoRenewing(deps.database.db, draft.lines));
  await issueAndTell(deps, run, draft, terms.issue, autoRenewing ? terms.autoCharge : null, true);
}

/**
 * The one transaction per invoice: issue it (inserting it first when `written` is false), book its
 * automatic charge when it has one, and send it. False when it was not issued: its renewals were
 * invoiced by another run first, or it cannot be issued now (issued meanwhile, client archived).
 */
async function issueAndTell(deps: Deps, run: RunContext, invoice: InvoiceRecord, terms: IssueTerms, autoCharge: AutoChargeTerms | null, written: boolean): Promise<boolean> {
  try {
    await change(deps, SYSTEM, async (trx, audit) => {
      const issued = await issueIn(trx, audit, invoice, terms, deps.now().toISOString(), written);
      const auto = autoCharge ? await bookAutoCharge(deps, trx, audit, issued, autoCharge, run.today) : null;
      await sendInvoice(deps, trx, issued, auto?.chargeOn ?? null);
    });
    return true;
  } catch (err) {
    if (isUniqueViolation(err)) return false;
    if (!(err instanceof ProblemError && err.status === 409)) throw err;
    // The rest of the run goes on; the invoice is left to a person (or the next run, for a draft).
    deps.logger.warn({ invoiceId: invoice.id, clientId: invoice.clientId, reason: err.detail }, 'billing run could not issue an invoice');
    return false;
  }
}
