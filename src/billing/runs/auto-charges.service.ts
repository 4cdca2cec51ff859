import type { Transaction } from 'kysely';
import { systemActor } from '../../accounts/model.ts';
import { publishEvent } from '../../notifications/events.ts';
import type { ChangeContext } from '../../platform/audit/model.ts';
import type { Schema } from '../../platform/db/schema.ts';
import { change, type Audit, type Deps } from '../../platform/deps.ts';
import { ProblemError } from '../../platform/http/problem.ts';
import type { Money } from '../../platform/money.ts';
import { findClient } from '../../registry/parties.store.ts';
import { chargeDate, needsApproval } from '../billing-run.model.ts';
import { amountDue } from '../invoice-states.model.ts';
import * as invoiceStore from '../invoices.store.ts';
import type { BillingProfile } from '../profiles.store.ts';
import * as autoStore from '../payments/auto-charges.store.ts';
import { charge } from '../payments/charges.service.ts';
import { invoiceUrl } from '../payments/links.ts';
import { methodToCharge } from '../payments/methods.service.ts';
import { thresholdFor, type BillingSettings } from '../payments/settings.model.ts';
import { readBillingSettings } from '../payments/settings.service.ts';

/**
 * Automatic renewal charges. An invoice of auto-renewing services is charged to the client's saved
 * method on its day (chargeDate: the due date, before the services renew). A charge above the
 * threshold — the client's own, else the agency's — waits for a person to approve it: an
 * automation never moves a large sum unseen. The owners and admins are told it is waiting.
 */
const SYSTEM = { actor: systemActor('billing.auto-charge'), requestId: null } satisfies ChangeContext;

/** What booking a client's automatic charges needs, read before the issuing transaction; null when the client cannot be charged automatically. */
export interface AutoChargeTerms {
  threshold: Money | null;
}

export async function autoChargeTerms(deps: Deps, clientId: string, settings: BillingSettings, profile: Pick<BillingProfile, 'approvalThreshold'>): Promise<AutoChargeTerms | null> {
  if (!settings.autoCharge || !settings.primaryGateway) return null;
  if (!(await methodToCharge(deps, clientId, settings.primaryGateway))) return null;
  return { threshold: thresholdFor(profile.approvalThreshold, settings) };
}

/**
 * Books the automatic charge of an invoice being issued, inside the issuing transaction (reads
 * only through `trx`), and tells the owners and admins when it waits for approval.
 */
export async function bookAutoCharge(deps: Deps, trx: Transaction<Schema>, audit: Audit, invoice: invoiceStore.InvoiceRecord, terms: AutoChargeTerms, today: string): Promise<autoStore.AutoCharge | null> {
  if (!invoice.dueOn) return null;
  const earliest = invoice.lines.map((l) => l.periodFrom).filter((d): d is string => d !== null).sort()[0] ?? invoice.dueOn;
  const { threshold } = terms;
  const amount = { amount: invoice.total, currency: invoice.currency };
  const held = needsApproval(amount, threshold);
  const now = deps.now().toISOString();
  const auto: autoStore.AutoCharge = { invoiceId: invoice.id, clientId: invoice.clientId, chargeOn: chargeDate(invoice.dueOn, earliest, today), amount: amount.amount, currency: amount.currency, state: held ? 'awaiting-approval' : 'scheduled', decidedBy: null, decidedAt: null, createdAt: now, updatedAt: now };
  await autoStore.insertAutoCharge(trx, auto);
  await audit({ action: 'auto-charge.scheduled', entityType: 'invoice', entityId: invoice.id, before: null, after: { chargeOn: auto.chargeOn, amount: auto.amount, currency: auto.currency, state: auto.state, threshold } });
  if (!held) return auto;
  const clientName = (await findClient(trx, invoice.clientId))?.name ?? '';
  await publishEvent(
    trx,
    {
      type: 'charge.awaiting-approval',
      severity: 'medium',
      clientId: invoice.clientId,
      projectId: null,
      assetId: null,
      subjectKey: `approval:${invoice.id}`,
      groupKey: null,
      data: { invoiceId: invoice.id, invoiceNumber: invoice.number ?? '', clientName, amount, threshold, chargeOn: auto.chargeOn, url: invoiceUrl(deps, invoice.id) },
    },
    deps.now(),
  );
  return auto;
}

/** Makes the automatic charges whose day has come; returns how many were sent. */
export async function runDueAutoCharges(deps: Deps, today: string, limit = 200): Promise<number> {
  const settings = await readBillingSettings(deps);
  let sent = 0;
  for (const auto of await autoStore.dueAutoCharges(deps.database.db, today, limit)) {
    const invoice = await invoiceStore.findInvoice(deps.database.db, auto.invoiceId);
    const due = invoice ? amountDue(invoice.total - (await invoiceStore.creditedOn(deps.database.db, invoice.id)), invoice.paid) : 0;
    const method = settings.primaryGateway && settings.autoCharge ? await methodToCharge(deps, auto.clientId, settings.primaryGateway) : null;
    const reason = !invoice || !['open', 'partially-paid'].includes(invoice.state) || due <= 0 ? 'nothing is owed any more' : !method ? 'no saved method to charge' : null;
    if (reason) {
      await cancel(deps, auto, reason);
      continue;
    }
    try {
      await charge(deps, SYSTEM, { invoiceId: auto.invoiceId, methodId: method!.id, trigger: 'auto' });
      sent += 1;
    } catch (err) {
      // Another attempt is under way (a client paying at this moment): the next round looks again.
      if (!(err instanceof ProblemError && err.status === 409)) throw err;
    }
  }
  return sent;
}

async function cancel(deps: Deps, auto: autoStore.AutoCharge, reason: string): Promise<void> {
  await change(deps, SYSTEM, async (trx, audit) => {
    if (await autoStore.moveAutoCharge(trx, auto.invoiceId, ['scheduled', 'approved'], 'cancelled', deps.now().toISOString())) {
      await audit({ action: 'auto-charge.cancelled', entityType: 'invoice', entityId: auto.invoiceId, before: { state: auto.state }, after: { state: 'cancelled', reason } });
    }
  });
}
