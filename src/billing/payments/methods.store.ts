import type { Kysely } from 'kysely';
import type { Row, Schema } from '../../platform/db/schema.ts';
import type { SavedMethod } from '../gateways/gateway.ts';
import type { GatewayName } from './settings.model.ts';

/** A client's customer records at the gateways, its saved methods and its hosted set-up pages. */
type Q = Kysely<Schema>;

export interface PaymentMethodRecord {
  id: string;
  clientId: string;
  gateway: GatewayName;
  methodRef: string;
  kind: SavedMethod['kind'];
  label: string;
  expMonth: number | null;
  expYear: number | null;
  isDefault: boolean;
  createdAt: string;
  updatedAt: string;
}

function toMethod(row: Row<'payment_methods'>): PaymentMethodRecord {
  return {
    id: row.id,
    clientId: row.client_id,
    gateway: row.gateway as GatewayName,
    methodRef: row.method_ref,
    kind: row.kind as SavedMethod['kind'],
    label: row.label,
    expMonth: row.exp_month === null ? null : Number(row.exp_month),
    expYear: row.exp_year === null ? null : Number(row.exp_year),
    isDefault: Boolean(Number(row.is_default)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function customerRef(db: Q, clientId: string, gateway: GatewayName): Promise<string | null> {
  const row = await db.selectFrom('payment_customers').select('customer_ref').where('client_id', '=', clientId).where('gateway', '=', gateway).executeTakeFirst();
  return row?.customer_ref ?? null;
}

/** Keeps the first customer recorded: two requests racing to create one agree on the stored one. */
export async function saveCustomerRef(db: Q, clientId: string, gateway: GatewayName, ref: string, now: string): Promise<string> {
  await db.insertInto('payment_customers').values({ client_id: clientId, gateway, customer_ref: ref, created_at: now }).onConflict((oc) => oc.columns(['client_id', 'gateway']).doNothing()).execute();
  return (await customerRef(db, clientId, gateway))!;
}

export async function clientOfCustomer(db: Q, gateway: GatewayName, ref: string): Promise<string | null> {
  const row = await db.selectFrom('payment_customers').select('client_id').where('gateway', '=', gateway).where('customer_ref', '=', ref).executeTakeFirst();
  return row?.client_id ?? null;
}

/** Methods in use (not removed), the default first. */
export async function methodsOf(db: Q, clientId: string): Promise<PaymentMethodRecord[]> {
  const rows = await db.selectFrom('payment_methods').selectAll().where('client_id', '=', clientId).where('removed_at', 'is', null).orderBy('is_default', 'desc').orderBy('created_at').orderBy('id').execute();
  return rows.map(toMethod);
}

export async function findMethod(db: Q, id: string): Promise<PaymentMethodRecord | null> {
  const row = await db.selectFrom('payment_methods').selectAll().where('id', '=', id).where('removed_at', 'is', null).executeTakeFirst();
  return row ? toMethod(row) : null;
}

/** A method's reference at its gateway, removed or not. */
export async function methodRefOf(db: Q, id: string): Promise<string> {
  const row = await db.selectFrom('payment_methods').select('method_ref').where('id', '=', id).executeTakeFirstOrThrow();
  return row.method_ref;
}

export async function findMethodByRef(db: Q, gateway: GatewayName, ref: string): Promise<(PaymentMethodRecord & { removed: boolean }) | null> {
  const row = await db.selectFrom('payment_methods').selectAll().where('gateway', '=', gateway).where('method_ref', '=', ref).executeTakeFirst();
  return row ? { ...toMethod(row), removed: row.removed_at !== null } : null;
}

export async function insertMethod(db: Q, m: PaymentMethodRecord): Promise<void> {
  await db
    .insertInto('payment_methods')
    .values({ id: m.id, client_id: m.clientId, gateway: m.gateway, method_ref: m.methodRef, kind: m.kind, label: m.label, exp_month: m.expMonth, exp_year: m.expYear, is_default: m.isDefault ? 1 : 0, created_at: m.createdAt, updated_at: m.updatedAt, removed_at: null })
    .execute();
}

/** What the gateway says now about a method we keep: label and expiry (a renewed card keeps its id). */
export async function refreshMethod(db: Q, id: string, saved: SavedMethod, now: string): Promise<void> {
  await db.updateTable('payment_methods').set({ label: saved.label, kind: saved.kind, exp_month: saved.expMonth, exp_year: saved.expYear, removed_at: null, updated_at: now }).where('id', '=', id).execute();
}

export async function removeMethod(db: Q, id: string, now: string): Promise<void> {
  await db.updateTable('payment_methods').set({ removed_at: now, is_default: 0, updated_at: now }).where('id', '=', id).execute();
}

export async function makeDefault(db: Q, clientId: string, id: string, now: string): Promise<void> {
  await db.updateTable('payment_methods').set({ is_default: 0, updated_at: now }).where('client_id', '=', clientId).where('is_default', '=', 1).execute();
  await db.updateTable('payment_methods').set({ is_default: 1, updated_at: now }).where('id', '=', id).execute();
}

export interface MethodSetupRecord {
  id: string;
  clientId: string;
  gateway: GatewayName;
  sessionRef: string;
  state: 'started' | 'finished' | 'failed';
  methodId: string | null;
  createdBy: string | null;
  createdAt: string;
}

export async function insertSetup(db: Q, s: MethodSetupRecord): Promise<void> {
  await db.insertInto('method_setups').values({ id: s.id, client_id: s.clientId, gateway: s.gateway, session_ref: s.sessionRef, state: s.state, method_id: s.methodId, created_by: s.createdBy, created_at: s.createdAt, finished_at: null }).execute();
}

export async function findSetup(db: Q, id: string): Promise<MethodSetupRecord | null> {
  const row = await db.selectFrom('method_setups').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  return { id: row.id, clientId: row.client_id, gateway: row.gateway as GatewayName, sessionRef: row.session_ref, state: row.state as MethodSetupRecord['state'], methodId: row.method_id, createdBy: row.created_by, createdAt: row.created_at };
}

export async function finishSetup(db: Q, id: string, state: 'finished' | 'failed', methodId: string | null, now: string): Promise<void> {
  await db.updateTable('method_setups').set({ state, method_id: methodId, finished_at: now }).where('id', '=', id).execute();
}
