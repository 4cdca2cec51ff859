import { expect } from 'vitest';
import { createTask } from '../../src/renewals/tasks.store.ts';
import type { TestApp } from '../support/app.ts';
import { fieldsOf } from '../support/api.ts';

export { fieldsOf };

/** Helpers of the renewal task tests: assets made through the API, tasks as the sweep makes them. */

export async function makeAsset(t: TestApp, token: string, body: Record<string, unknown>): Promise<any> {
  const res = await t.request('POST', '/api/v1/assets', { token, body: { kind: 'domain', billingCycle: 'yearly', ...body } });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

/** A task for the asset's current expiry, as the sweep would create it (through the same store function). */
export async function makeTask(t: TestApp, asset: { id: string; clientId: string; expiresOn: string }, fields: { dueOn?: string; assigneeId?: string | null } = {}): Promise<string> {
  const { id } = await createTask(
    t.deps.database.db,
    { assetId: asset.id, clientId: asset.clientId, projectId: null, renewalOn: asset.expiresOn, dueOn: fields.dueOn ?? asset.expiresOn, assigneeId: fields.assigneeId ?? null },
    t.clock.now,
  );
  return id;
}

export async function auditOf(t: TestApp, entityId: string): Promise<{ action: string; before: string | null; after: string | null }[]> {
  return t.deps.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', entityId).orderBy('seq').execute();
}
