import type { Kysely } from 'kysely';
import type { Schema } from '../../platform/db/schema.ts';
import type { GatewayName } from './settings.model.ts';

/** Webhook events seen, by the gateway's event id: what makes processing each one once possible. */
type Q = Kysely<Schema>;

export interface GatewayEventRecord {
  gateway: GatewayName;
  eventId: string;
  type: string;
  outcome: string;
  receivedAt: string;
}

export async function eventSeen(db: Q, gateway: GatewayName, eventId: string): Promise<boolean> {
  const row = await db.selectFrom('gateway_events').select('event_id').where('gateway', '=', gateway).where('event_id', '=', eventId).executeTakeFirst();
  return row !== undefined;
}

/**
 * Records the event; false when it was recorded already. A second delivery racing the first
 * waits for it on the key (PostgreSQL) or the single writer (SQLite), then inserts nothing.
 */
export async function claimEvent(db: Q, event: GatewayEventRecord): Promise<boolean> {
  const result = await db
    .insertInto('gateway_events')
    .values({ gateway: event.gateway, event_id: event.eventId, type: event.type, outcome: event.outcome, received_at: event.receivedAt })
    .onConflict((oc) => oc.columns(['gateway', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function setOutcome(db: Q, gateway: GatewayName, eventId: string, outcome: string): Promise<void> {
  await db.updateTable('gateway_events').set({ outcome }).where('gateway', '=', gateway).where('event_id', '=', eventId).execute();
}

/** What the refunds recorded from a charge's webhooks add up to (references start with `refPrefix`). */
export async function refundedFromCharge(db: Q, invoiceId: string, gateway: GatewayName, refPrefix: string): Promise<number> {
  const rows = await db.selectFrom('payments').select(['amount', 'gateway_ref']).where('invoice_id', '=', invoiceId).where('gateway', '=', gateway).where('kind', '=', 'refund').execute();
  // Compared in code, not with LIKE: charge refs carry `_`, a LIKE wildcard.
  return rows.filter((r) => r.gateway_ref?.startsWith(refPrefix)).reduce((sum, r) => sum + Number(r.amount), 0);
}
