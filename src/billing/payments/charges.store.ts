import type { Kysely } from 'kysely';
import type { Row, Schema } from '../../platform/db/schema.ts';
import type { DeclineKind } from '../dunning.model.ts';
import type { GatewayName } from './settings.model.ts';

/** Charge attempts: written before the gateway is asked, settled once with what it answered. */
type Q = Kysely<Schema>;

export type ChargeState = 'requested' | 'pending' | 'succeeded' | 'declined' | 'failed';
export type ChargeTrigger = 'auto' | 'pay-now' | 'dunning' | 'person';

export interface ChargeRecord {
  id: string;
  invoiceId: string;
  clientId: string;
  gateway: GatewayName;
  methodId: string;
  attempt: number;
  idempotencyKey: string;
  amount: number;
  currency: string;
  state: ChargeState;
  chargeRef: string | null;
  declineKind: DeclineKind | null;
  declineCode: string | null;
  declineMessage: string | null;
  trigger: ChargeTrigger;
  requestedBy: string | null;
  requestedAt: string;
  settledAt: string | null;
}

function toCharge(row: Row<'charges'>): ChargeRecord {
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    clientId: row.client_id,
    gateway: row.gateway as GatewayName,
    methodId: row.method_id,
    attempt: Number(row.attempt),
    idempotencyKey: row.idempotency_key,
    amount: Number(row.amount),
    currency: row.currency,
    state: row.state as ChargeState,
    chargeRef: row.charge_ref,
    declineKind: row.decline_kind as DeclineKind | null,
    declineCode: row.decline_code,
    declineMessage: row.decline_message,
    trigger: row.trigger as ChargeTrigger,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    settledAt: row.settled_at,
  };
}

export async function insertCharge(db: Q, c: ChargeRecord): Promise<void> {
  await db
    .insertInto('charges')
    .values({
      id: c.id,
      invoice_id: c.invoiceId,
      client_id: c.clientId,
      gateway: c.gateway,
      method_id: c.methodId,
      attempt: c.attempt,
      idempotency_key: c.idempotencyKey,
      amount: c.amount,
      currency: c.currency,
      state: c.state,
      charge_ref: c.chargeRef,
      decline_kind: c.declineKind,
      decline_code: c.declineCode,
      decline_message: c.declineMessage,
      trigger: c.trigger,
      requested_by: c.requestedBy,
      requested_at: c.requestedAt,
      settled_at: c.settledAt,
    })
    .execute();
}

export async function findCharge(db: Q, id: string): Promise<ChargeRecord | null> {
  const row = await db.selectFrom('charges').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCharge(row) : null;
}

export async function chargeByKey(db: Q, idempotencyKey: string): Promise<ChargeRecord | null> {
  const row = await db.selectFrom('charges').selectAll().where('idempotency_key', '=', idempotencyKey).executeTakeFirst();
  return row ? toCharge(row) : null;
}

export async function chargeByRef(db: Q, gateway: GatewayName, chargeRef: string): Promise<ChargeRecord | null> {
  const row = await db.selectFrom('charges').selectAll().where('gateway', '=', gateway).where('charge_ref', '=', chargeRef).executeTakeFirst();
  return row ? toCharge(row) : null;
}

export async function chargesOf(db: Q, invoiceId: string): Promise<ChargeRecord[]> {
  const rows = await db.selectFrom('charges').selectAll().where('invoice_id', '=', invoiceId).orderBy('attempt').execute();
  return rows.map(toCharge);
}

export async function lastAttempt(db: Q, invoiceId: string): Promise<number> {
  const row = await db.selectFrom('charges').select((eb) => eb.fn.max('attempt').as('attempt')).where('invoice_id', '=', invoiceId).executeTakeFirst();
  return row?.attempt === null || row?.attempt === undefined ? 0 : Number(row.attempt);
}

/** Charges whose outcome is not known: asked (or about to be) but never answered, or pending at the gateway. */
export async function unsettledBefore(db: Q, states: ChargeState[], before: string, limit: number): Promise<ChargeRecord[]> {
  const rows = await db.selectFrom('charges').selectAll().where('state', 'in', states).where('requested_at', '<', before).orderBy('requested_at').limit(limit).execute();
  return rows.map(toCharge);
}

/**
 * Moves a charge from one of `from` to its outcome; false when it had already moved (the answer
 * and a webhook raced, or two workers reconciled it): the caller then does nothing more.
 */
export async function settle(db: Q, id: string, from: ChargeState[], to: Pick<ChargeRecord, 'state' | 'chargeRef' | 'declineKind' | 'declineCode' | 'declineMessage' | 'settledAt'>): Promise<boolean> {
  const result = await db
    .updateTable('charges')
    .set({ state: to.state, charge_ref: to.chargeRef, decline_kind: to.declineKind, decline_code: to.declineCode, decline_message: to.declineMessage, settled_at: to.settledAt })
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
