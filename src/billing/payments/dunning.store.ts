import type { Kysely } from 'kysely';
import type { Row, Schema } from '../../platform/db/schema.ts';

/** A failed payment's way through the retry schedule, one case per invoice. */
type Q = Kysely<Schema>;

export type DunningState = 'active' | 'recovered' | 'exhausted' | 'stopped';

export interface DunningCase {
  invoiceId: string;
  clientId: string;
  state: DunningState;
  enteredAt: string;
  nextAttemptAt: string | null;
  failures: number;
  lastReason: string | null;
  usedFallback: boolean;
  closedAt: string | null;
}

function toCase(row: Row<'dunning_cases'>): DunningCase {
  return {
    invoiceId: row.invoice_id,
    clientId: row.client_id,
    state: row.state as DunningState,
    enteredAt: row.entered_at,
    nextAttemptAt: row.next_attempt_at,
    failures: Number(row.failures),
    lastReason: row.last_reason,
    usedFallback: Boolean(Number(row.used_fallback)),
    closedAt: row.closed_at,
  };
}

export async function findCase(db: Q, invoiceId: string): Promise<DunningCase | null> {
  const row = await db.selectFrom('dunning_cases').selectAll().where('invoice_id', '=', invoiceId).executeTakeFirst();
  return row ? toCase(row) : null;
}

export async function saveCase(db: Q, c: DunningCase): Promise<void> {
  const values = { state: c.state, next_attempt_at: c.nextAttemptAt, failures: c.failures, last_reason: c.lastReason, used_fallback: c.usedFallback ? 1 : 0, closed_at: c.closedAt, entered_at: c.enteredAt };
  await db
    .insertInto('dunning_cases')
    .values({ invoice_id: c.invoiceId, client_id: c.clientId, ...values })
    .onConflict((oc) => oc.column('invoice_id').doUpdateSet(values))
    .execute();
}

export async function dueCases(db: Q, now: string, limit: number): Promise<DunningCase[]> {
  const rows = await db.selectFrom('dunning_cases').selectAll().where('state', '=', 'active').where('next_attempt_at', '<=', now).orderBy('next_attempt_at').limit(limit).execute();
  return rows.map(toCase);
}

export interface CaseFilter {
  state?: DunningState | undefined;
  clientId?: string | null | undefined;
  limit: number;
}

export async function listCases(db: Q, f: CaseFilter): Promise<DunningCase[]> {
  let q = db.selectFrom('dunning_cases').selectAll();
  if (f.state) q = q.where('state', '=', f.state);
  if (f.clientId) q = q.where('client_id', '=', f.clientId);
  const rows = await q.orderBy('entered_at', 'desc').limit(f.limit).execute();
  return rows.map(toCase);
}
