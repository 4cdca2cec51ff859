import { DateTime } from 'luxon';
import { readAgency } from '../../accounts/agency.ts';
import { systemActor } from '../../accounts/model.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import type { Deps } from '../../platform/deps.ts';
import { isUniqueViolation } from '../../platform/db/errors.ts';
import { newId } from '../../platform/ids.ts';
import { addDays } from '../../renewals/reminders.model.ts';
import { isDue, LATE_INVOICE_DAYS, renewalKey, renewalsToInvoice, type BillableRenewal, type InvoiceDraft } from '../billing-run.model.ts';
import { QUANTITY_SCALE } from '../invoice.model.ts';
import { createDraft, issueInvoice } from '../invoices.service.ts';
import type * as invoiceStore from '../invoices.store.ts';
import { sendInvoice } from '../invoice-sent.service.ts';
import { scheduleAutoCharge } from './auto-charges.service.ts';
import * as store from './billing-run.store.ts';

/**
 * The daily billing run: every renewal coming up within its client's lead time (the billing
 * profile's `invoiceDaysBefore`) is invoiced once, grouped into one invoice per client, currency
 * and way of paying (auto-renewing services are charged automatically, on an invoice of their own).
 * Invoices are issued at once and the client is told, with a link to pay. A run that stops half
 * way is safe to run again: every renewal line is keyed, and drafts a stopped run left are issued.
 */
const SYSTEM = { actor: systemActor('billing.run'), requestId: null } satisfies ChangeContext;
const DEFAULT_DAYS_BEFORE = 30;

export interface BillingRunResult {
  runOn: string;
  invoices: number;
  lines: number;
}

export async function runBilling(deps: Deps): Promise<BillingRunResult> {
  const zone = (await readAgency(deps)).timeZone;
  const today = DateTime.fromJSDate(deps.now(), { zone }).toISODate()!;
  const db = deps.database.db;
  await store.startRun(db, newId('billingRun'), today, deps.now().toISOString());
  for (const id of await store.unissuedRunDrafts(db)) await issueAndTell(deps, id, today);

  const drafts = await draftsDue(deps, today);
  let invoices = 0;
  let lines = 0;
  for (const draft of drafts) {
    const id = await createRunDraft(deps, draft);
    if (!id) continue;
    await issueAndTell(deps, id, today);
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

/** The draft's id, or null when another run got to these renewals first. */
async function createRunDraft(deps: Deps, draft: InvoiceDraft): Promise<string | null> {
  try {
    const invoice = await createDraft(deps, SYSTEM, {
      clientId: draft.clientId,
      currency: draft.currency,
      lines: draft.lines.map((l) => ({ description: l.description, quantity: QUANTITY_SCALE, unitPrice: l.unitPrice, assetId: l.assetId, periodFrom: l.periodFrom, periodTo: l.periodTo, renewalKey: l.key })),
    });
    return invoice.id;
  } catch (err) {
    if (isUniqueViolation(err)) return null;
    throw err;
  }
}

/** Issues a run's invoice, books its automatic charge when it has one, and sends it to the client. */
async function issueAndTell(deps: Deps, invoiceId: string, today: string): Promise<void> {
  const invoice = await issueInvoice(deps, SYSTEM, invoiceId);
  const autoRenewing = await allAutoRenewing(deps, invoice);
  const auto = autoRenewing ? await scheduleAutoCharge(deps, invoice, today) : null;
  await sendInvoice(deps, invoice, auto?.chargeOn ?? null);
}

async function allAutoRenewing(deps: Deps, invoice: invoiceStore.InvoiceRecord): Promise<boolean> {
  const assetIds = invoice.lines.map((l) => l.assetId).filter((id): id is string => id !== null);
  if (assetIds.length === 0) return false;
  const rows = await deps.database.db.selectFrom('assets').select('auto_renew').where('id', 'in', assetIds).execute();
  return rows.length === assetIds.length && rows.every((r) => Boolean(Number(r.auto_renew)));
}
