import { expect } from 'vitest';
import type { TestApp } from '../support/app.ts';

/** Test helpers of the renewal policies, KPIs and forecast tests. */
export async function createAsset(t: TestApp, token: string, body: Record<string, unknown>): Promise<string> {
  const res = await t.request('POST', '/api/v1/assets', { token, body: { kind: 'domain', ...body } });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

export async function createProvider(t: TestApp, token: string, name: string): Promise<string> {
  const res = await t.request('POST', '/api/v1/providers', { token, body: { name, kind: 'registrar' } });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

let seq = 0;

/** A renewal task row as the sweep and the task service leave it. */
export async function insertTask(
  t: TestApp,
  task: { assetId: string; clientId: string; renewalOn: string; state: string; outcome?: string; completedAt?: string; paid?: [number, string] },
): Promise<void> {
  seq += 1;
  await t.deps.database.db
    .insertInto('renewal_tasks')
    .values({
      id: `tsk_test${String(seq).padStart(6, '0')}`,
      asset_id: task.assetId,
      client_id: task.clientId,
      renewal_on: task.renewalOn,
      due_on: task.renewalOn,
      state: task.state,
      outcome: task.outcome ?? null,
      completed_at: task.completedAt ?? null,
      paid_amount: task.paid?.[0] ?? null,
      paid_currency: task.paid?.[1] ?? null,
      created_at: '2029-12-01T08:00:00.000Z',
      updated_at: '2029-12-01T08:00:00.000Z',
    })
    .execute();
}

export async function insertCost(t: TestApp, cost: { assetId: string; clientId: string; paidOn: string; amount: number; currency: string }): Promise<void> {
  seq += 1;
  await t.deps.database.db
    .insertInto('asset_costs')
    .values({ id: `cst_test${String(seq).padStart(6, '0')}`, asset_id: cost.assetId, client_id: cost.clientId, paid_on: cost.paidOn, amount: cost.amount, currency: cost.currency, created_at: '2030-01-01T00:00:00.000Z' })
    .execute();
}
