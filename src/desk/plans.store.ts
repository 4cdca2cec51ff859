import type { Kysely } from 'kysely';
import { afterCursor, type Cursor } from '../platform/db/keyset.ts';
import type { Schema } from '../platform/db/schema.ts';
import type { Money } from '../platform/money.ts';
import type { SlaPlan } from './plan.model.ts';

type Q = Kysely<Schema>;

/**
 * What a plan row keeps as JSON: the plan without its name and support hours (columns), plus the
 * fee credits are taken of and whether the monthly report is e-mailed to the client (rows written
 * before that setting existed read as false).
 */
export type SlaPlanTerms = Omit<SlaPlan, 'name' | 'supportHours'> & { monthlyFee: Money | null; monthlyReport?: boolean };

export interface SlaPlanRecord extends SlaPlanTerms {
  id: string;
  name: string;
  clientId: string | null;
  clientName: string | null;
  isDefault: boolean;
  calendarId: string;
  createdAt: string;
  updatedAt: string;
}

interface PlanRow {
  id: string;
  name: string;
  client_id: string | null;
  client_name: string | null;
  is_default: number;
  calendar_id: string;
  definition: string;
  created_at: string;
  updated_at: string;
}

function toPlan(row: PlanRow): SlaPlanRecord {
  const terms = JSON.parse(row.definition) as SlaPlanTerms;
  return {
    id: row.id,
    name: row.name,
    clientId: row.client_id,
    clientName: row.client_name,
    isDefault: Number(row.is_default) === 1,
    calendarId: row.calendar_id,
    scope: terms.scope,
    severities: terms.severities,
    channels: terms.channels,
    uptimeGuarantee: terms.uptimeGuarantee,
    monthlyFee: terms.monthlyFee ?? null,
    monthlyReport: terms.monthlyReport ?? false,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function termsOf(p: SlaPlanTerms): SlaPlanTerms {
  return { scope: p.scope, severities: p.severities, channels: p.channels, uptimeGuarantee: p.uptimeGuarantee, monthlyFee: p.monthlyFee, monthlyReport: p.monthlyReport ?? false };
}

function selectPlans(db: Q) {
  return db.selectFrom('sla_plans as p').leftJoin('clients as c', 'c.id', 'p.client_id').selectAll('p').select('c.name as client_name');
}

export async function findPlan(db: Q, id: string): Promise<SlaPlanRecord | null> {
  const row = await selectPlans(db).where('p.id', '=', id).executeTakeFirst();
  return row ? toPlan(row) : null;
}

export async function findDefaultPlan(db: Q): Promise<SlaPlanRecord | null> {
  const row = await selectPlans(db).where('p.is_default', '=', 1).executeTakeFirst();
  return row ? toPlan(row) : null;
}

export async function findPlanOfClient(db: Q, clientId: string): Promise<SlaPlanRecord | null> {
  const row = await selectPlans(db).where('p.client_id', '=', clientId).executeTakeFirst();
  return row ? toPlan(row) : null;
}

export interface PlanFilter {
  clientId?: string | undefined;
  /** Client-portal users: only this client's plan. */
  confinedTo?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/** By name, then id. */
export async function listPlans(db: Q, f: PlanFilter): Promise<SlaPlanRecord[]> {
  let query = selectPlans(db);
  if (f.clientId) query = query.where('p.client_id', '=', f.clientId);
  if (f.confinedTo) query = query.where('p.client_id', '=', f.confinedTo);
  if (f.cursor) query = query.where(afterCursor('p.name', 'asc', f.cursor));
  const rows = await query.orderBy('p.name').orderBy('p.id').limit(f.limit + 1).execute();
  return rows.map(toPlan);
}

/** Every plan keeping its support hours in the calendar: one per client at most, so as many as there are clients. */
export async function plansUsingCalendar(db: Q, calendarId: string): Promise<SlaPlanRecord[]> {
  const rows = await selectPlans(db).where('p.calendar_id', '=', calendarId).orderBy('p.id').execute();
  return rows.map(toPlan);
}

export async function findClient(db: Q, id: string): Promise<{ id: string; name: string } | null> {
  return (await db.selectFrom('clients').select(['id', 'name']).where('id', '=', id).executeTakeFirst()) ?? null;
}

function rowOf(p: SlaPlanRecord) {
  return {
    name: p.name,
    client_id: p.clientId,
    is_default: p.isDefault ? 1 : 0,
    calendar_id: p.calendarId,
    definition: JSON.stringify(termsOf(p)),
    updated_at: p.updatedAt,
  };
}

export async function insertPlan(db: Q, p: SlaPlanRecord): Promise<void> {
  await db.insertInto('sla_plans').values({ id: p.id, ...rowOf(p), created_at: p.createdAt }).execute();
}

export async function updatePlan(db: Q, p: SlaPlanRecord): Promise<void> {
  await db.updateTable('sla_plans').set(rowOf(p)).where('id', '=', p.id).execute();
}

export async function deletePlan(db: Q, id: string): Promise<void> {
  await db.deleteFrom('sla_plans').where('id', '=', id).execute();
}
