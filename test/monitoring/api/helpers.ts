import { expect } from 'vitest';
import type { TestApp } from '../../support/app.ts';
import { fieldsOf } from '../../support/api.ts';

export { fieldsOf };

/** Monitors made through the API for tests that need a few in place. */
export async function createMonitor(t: TestApp, token: string, body: Record<string, unknown>): Promise<any> {
  const res = await t.request('POST', '/api/v1/monitors', { token, body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

export const httpMonitor = (extra: Record<string, unknown> = {}) => ({ kind: 'http', name: 'Shop', config: { url: 'http://127.0.0.1:8080/health' }, ...extra });

export async function auditActions(t: TestApp, entityId: string): Promise<{ action: string; before: string | null; after: string | null }[]> {
  return t.deps.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', entityId).orderBy('seq').execute();
}

/** An incident as the engine would open it: the API only reads and annotates incidents. */
export async function openIncident(t: TestApp, monitor: { id: string; clientId: string | null }, fields: Record<string, unknown> = {}): Promise<string> {
  const id = `inc_${Math.random().toString(36).slice(2, 12).toUpperCase()}`;
  const at = (fields.started_at as string | undefined) ?? t.clock.now.toISOString();
  await t.deps.database.db
    .insertInto('incidents')
    .values({
      id,
      monitor_id: monitor.id,
      client_id: monitor.clientId,
      project_id: null,
      parent_incident_id: null,
      state: 'open',
      flapping: 0,
      in_maintenance: 0,
      cause: 'connection refused to 10.1.2.3:443',
      root_cause: null,
      started_at: at,
      confirmed_at: at,
      notified_at: null,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: null,
      updated_at: at,
      ...fields,
    })
    .execute();
  return id;
}
