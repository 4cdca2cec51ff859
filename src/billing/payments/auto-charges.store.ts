import type { Kysely } from 'kysely';
import type { Row, Schema } from '../../platform/db/schema.ts';

/** Invoices the agency charges by itself on a day, and the approval large ones wait for. */
type Q = Kysely<Schema>;

export type AutoChargeState = 'scheduled' | 'awaiting-approval' | 'approved' | 'charged' | 'failed' | 'rejected' | 'cancelled';

export interface AutoCharge {
  invoiceId: string;
  clientId: string;
  chargeOn: string;
  amount: number;
  currency: string;
  state: AutoChargeState;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

function toAutoCharge(row: Row<'auto_charges'>): AutoCharge {
  return {
    invoiceId: row.invoice_id,
    clientId: row.client_id,
    chargeOn: row.charge_on,
    amount: Number(row.amount),
    currency: row.currency,
    state: row.state as AutoChargeState,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function insertAutoCharge(db: Q, a: AutoCharge): Promise<void> {
  await db
    .insertInto('auto_charges')
    .values({ invoice_id: a.invoiceId, client_id: a.clientId, charge_on: a.chargeOn, amount: a.amount, currency: a.currency, state: a.state, decided_by: a.decidedBy, decided_at: a.decidedAt, created_at: a.createdAt, updated_at: a.updatedAt })
    .onConflict((oc) => oc.column('invoice_id').doNothing())
    .execute();
}

export async function findAutoCharge(db: Q, invoiceId: string): Promise<AutoCharge | null> {
  const row = await db.selectFrom('auto_charges').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirst();
  return row ? toAutoCharge(row) : null;
}

/** Moves it on from one of `from`; false when it had moved already. */
export async function moveAutoCharge(db: Q, invoiceId: string, from: AutoChargeState[], to: AutoChargeState, now: string, decidedBy?: string | null): Promise<boolean> {
  const result = await db
    .updateTable('auto_charges')
    .set({ state: to, updated_at: now, ...(decidedBy !== undefined ? { decided_by: decidedBy, decided_at: now } : {}) })
    .where('invoice_id', '=', invoiceId)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Scheduled or approved charges whose day has come. */
export async function dueAutoCharges(db: Q, today: string, limit: number): Promise<AutoCharge[]> {
  const rows = await db.selectFrom('auto_charges').selectAll().where('state', 'in', ['scheduled', 'approved']).where('charge_on', '<=', today).orderBy('charge_on').limit(limit).execute();
  return rows.map(toAutoCharge);
}

export async function listAutoCharges(db: Q, state: AutoChargeState | undefined, clientId: string | null, limit: number): Promise<AutoCharge[]> {
  let q = db.selectFrom('auto_charges').selectAll();
  if (state) q = q.where('state', '=', state);
  if (clientId) q = q.where('client_id', '=', clientId);
  const rows = await q.orderBy('charge_on').limit(limit).execute();
  return rows.map(toAutoCharge);
}
