import { expect } from 'vitest';
import { CLI_ACTOR } from '../../src/accounts/model.ts';
import { createUser } from '../../src/accounts/service.ts';
import type { EventType } from '../../src/notifications/events.ts';
import { createAsset, updateAsset } from '../../src/registry/assets.service.ts';
import type { AssetInput } from '../../src/registry/assets.rules.ts';
import { createProject, createProvider } from '../../src/registry/parties.service.ts';
import { runSweep } from '../../src/renewals/sweep.service.ts';
import type { TestApp } from '../support/app.ts';

/** Shared by the sweep's integration tests: people, assets and a look at what the sweep left behind. */
export const cli = { actor: CLI_ACTOR, requestId: null };

let serial = 0;

export async function person(t: TestApp, timeZone: string, role: 'manager' | 'admin' = 'manager'): Promise<{ id: string; name: string }> {
  serial++;
  const name = `person-${serial}`;
  const user = await createUser(t.deps, cli, { email: `${name}@agency.test`, name, role, timeZone, password: 'correct horse battery' });
  return { id: user.id, name };
}

export async function project(t: TestApp, clientId: string, managerId: string | null): Promise<string> {
  serial++;
  return (await createProject(t.deps, cli, { clientId, name: `Project ${serial}`, managerId })).id;
}

export async function provider(t: TestApp, name: string): Promise<string> {
  return (await createProvider(t.deps, cli, { name, kind: 'registrar' })).id;
}

export async function asset(t: TestApp, input: Partial<AssetInput> & Pick<AssetInput, 'clientId'>): Promise<string> {
  serial++;
  return (await createAsset(t.deps, cli, { kind: 'domain', identifier: `site-${serial}.example`, autoRenew: false, ...input })).id;
}

export async function moveExpiry(t: TestApp, assetId: string, expiresOn: string): Promise<void> {
  await updateAsset(t.deps, cli, assetId, { expiresOn });
}

/** Sets the clock and sweeps, in pages of two so that every test crosses page boundaries. */
export async function sweepAt(t: TestApp, iso: string) {
  t.clock.now = new Date(iso);
  return runSweep(t.deps, t.clock.now, { pageSize: 2 });
}

export interface StoredEvent {
  id: string;
  type: EventType;
  severity: string;
  clientId: string | null;
  projectId: string | null;
  assetId: string | null;
  subjectKey: string;
  data: Record<string, any>;
  occurredAt: string;
}

export async function events(t: TestApp, filter: { assetId?: string; type?: EventType } = {}): Promise<StoredEvent[]> {
  let query = t.deps.database.db.selectFrom('events').selectAll().orderBy('occurred_at').orderBy('id');
  if (filter.assetId) query = query.where('asset_id', '=', filter.assetId);
  if (filter.type) query = query.where('type', '=', filter.type);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type as EventType,
    severity: r.severity,
    clientId: r.client_id,
    projectId: r.project_id,
    assetId: r.asset_id,
    subjectKey: r.subject_key,
    data: JSON.parse(r.data),
    occurredAt: r.occurred_at,
  }));
}

export async function reminders(t: TestApp, assetId: string) {
  const rows = await t.deps.database.db.selectFrom('renewal_reminders').selectAll().where('asset_id', '=', assetId).orderBy('fire_at').orderBy('key').execute();
  return rows.map((r) => ({ key: r.key, kind: r.kind, offsetDays: r.offset_days, fireAt: r.fire_at, late: r.late === 1, recipientId: r.recipient_id, eventId: r.event_id }));
}

export async function tasksOf(t: TestApp, assetId: string) {
  return t.deps.database.db.selectFrom('renewal_tasks').selectAll().where('asset_id', '=', assetId).orderBy('renewal_on').execute();
}

export async function auditOf(t: TestApp, entityId: string) {
  return t.deps.database.db.selectFrom('audit_log').select(['action', 'actor_type', 'actor_id', 'before', 'after']).where('entity_id', '=', entityId).orderBy('seq').execute();
}

/** The reminders an asset got, in short: `kind offset` plus `late` when it came late. */
export async function reminderLog(t: TestApp, assetId: string): Promise<string[]> {
  return (await reminders(t, assetId)).map((r) => `${r.kind} ${r.offsetDays}${r.late ? ' late' : ''}`);
}

export function expectOk(res: { status: number; text: string }, status = 200): void {
  expect(res.status, res.text).toBe(status);
}
