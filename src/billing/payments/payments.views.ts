import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { Money } from '../../platform/money.ts';
import { findClient } from '../../registry/parties.store.ts';
import { amountDue } from '../invoice-states.model.ts';
import * as invoiceStore from '../invoices.store.ts';
import { profileOf } from '../profiles.service.ts';
import type { Deps } from '../../platform/deps.ts';
import type { AutoCharge } from './auto-charges.store.ts';
import type { ChargeRecord } from './charges.store.ts';
import type { DunningCase } from './dunning.store.ts';
import { thresholdFor } from './settings.model.ts';
import { readBillingSettings } from './settings.service.ts';

/** What the API answers about charges, automatic charges and dunning: with the invoice's number and the client's name. */
type Q = Kysely<Schema>;

export function chargeViewOf(c: ChargeRecord, methodLabel: string | null) {
  return {
    id: c.id,
    attempt: c.attempt,
    gateway: c.gateway,
    method: methodLabel,
    amount: c.amount,
    currency: c.currency,
    state: c.state,
    declineCode: c.declineCode,
    declineMessage: c.declineMessage,
    trigger: c.trigger,
    requestedAt: c.requestedAt,
    settledAt: c.settledAt,
  };
}

export async function chargeViews(db: Q, charges: ChargeRecord[]) {
  const ids = [...new Set(charges.map((c) => c.methodId))];
  const labels = new Map(ids.length === 0 ? [] : (await db.selectFrom('payment_methods').select(['id', 'label']).where('id', 'in', ids).execute()).map((r) => [r.id, r.label]));
  return charges.map((c) => chargeViewOf(c, labels.get(c.methodId) ?? null));
}

async function invoiceFacts(db: Q, invoiceId: string) {
  const invoice = (await invoiceStore.findInvoice(db, invoiceId))!;
  const client = await findClient(db, invoice.clientId);
  const credited = await invoiceStore.creditedOn(db, invoiceId);
  return { number: invoice.number, clientName: client?.name ?? '', due: amountDue(invoice.total - credited, invoice.paid), currency: invoice.currency };
}

export async function autoChargeView(deps: Deps, a: AutoCharge) {
  const facts = await invoiceFacts(deps.database.db, a.invoiceId);
  const threshold: Money | null = thresholdFor((await profileOf(deps, a.clientId)).approvalThreshold, await readBillingSettings(deps));
  return { invoiceId: a.invoiceId, invoiceNumber: facts.number, clientId: a.clientId, clientName: facts.clientName, chargeOn: a.chargeOn, amount: a.amount, currency: a.currency, state: a.state, decidedBy: a.decidedBy, decidedAt: a.decidedAt, threshold };
}

export async function dunningViewOf(deps: Deps, d: DunningCase) {
  const facts = await invoiceFacts(deps.database.db, d.invoiceId);
  return { invoiceId: d.invoiceId, invoiceNumber: facts.number, clientId: d.clientId, clientName: facts.clientName, state: d.state, enteredAt: d.enteredAt, nextAttemptAt: d.nextAttemptAt, failures: d.failures, lastReason: d.lastReason, amountDue: facts.due, currency: facts.currency };
}
