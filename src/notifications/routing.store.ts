import type { Kysely } from 'kysely';
import type { NewRow, Row, Schema } from '../platform/db/schema.ts';
import type { Severity } from './events.ts';
import type { RoutingRule, Target, TargetRole } from './routing.model.ts';

type Q = Kysely<Schema>;

export function toRule(row: Row<'routing_rules'>): RoutingRule {
  return {
    id: row.id,
    name: row.name,
    eventTypes: JSON.parse(row.event_types) as string[],
    minSeverity: row.min_severity as Severity | null,
    clientId: row.client_id,
    projectId: row.project_id,
    targets: JSON.parse(row.targets) as Target[],
    escalationPolicyId: row.escalation_policy_id,
    enabled: row.enabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function ruleRow(rule: RoutingRule): NewRow<'routing_rules'> {
  return {
    id: rule.id,
    name: rule.name,
    event_types: JSON.stringify(rule.eventTypes),
    min_severity: rule.minSeverity,
    client_id: rule.clientId,
    project_id: rule.projectId,
    targets: JSON.stringify(rule.targets),
    escalation_policy_id: rule.escalationPolicyId,
    enabled: rule.enabled ? 1 : 0,
    created_at: rule.createdAt,
    updated_at: rule.updatedAt,
  };
}

/** Rules in the order they were made, a page at a time (by id, which sorts by creation). */
export async function listRules(db: Q, limit: number, afterId?: string): Promise<RoutingRule[]> {
  let query = db.selectFrom('routing_rules').selectAll().orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.execute()).map(toRule);
}

// An agency has tens of rules; the cap only keeps a runaway script from making routing slow.
const MAX_RULES_ROUTED = 1000;

export async function enabledRules(db: Q): Promise<RoutingRule[]> {
  const rows = await db.selectFrom('routing_rules').selectAll().where('enabled', '=', 1).orderBy('id').limit(MAX_RULES_ROUTED).execute();
  return rows.map(toRule);
}

export async function findRule(db: Q, id: string): Promise<RoutingRule | null> {
  const row = await db.selectFrom('routing_rules').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : null;
}

export async function insertRule(db: Q, rule: RoutingRule): Promise<void> {
  await db.insertInto('routing_rules').values(ruleRow(rule)).execute();
}

export async function updateRule(db: Q, rule: RoutingRule): Promise<void> {
  const { id: _id, created_at: _created, ...patch } = ruleRow(rule);
  await db.updateTable('routing_rules').set(patch).where('id', '=', rule.id).execute();
}

export async function deleteRule(db: Q, id: string): Promise<void> {
  await db.deleteFrom('routing_rules').where('id', '=', id).execute();
}

export async function rulesUsingPolicy(db: Q, policyId: string): Promise<string[]> {
  const rows = await db.selectFrom('routing_rules').select('id').where('escalation_policy_id', '=', policyId).limit(50).execute();
  return rows.map((r) => r.id);
}

// ---- the people and channels behind targets ----

/** Staff who may be told: not disabled, and never client-portal users through a role. */
export async function activeUsersWithRoles(db: Q, roles: readonly TargetRole[]): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await db.selectFrom('users').select('id').where('role', 'in', [...roles]).where('disabled_at', 'is', null).orderBy('id').limit(500).execute();
  return rows.map((r) => r.id);
}

/** A client's portal users who may be told: role `client`, of this client, not disabled. */
export async function clientPortalUsers(db: Q, clientId: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where('role', '=', 'client').where('client_id', '=', clientId).where('disabled_at', 'is', null).orderBy('id').limit(500).execute();
  return rows.map((r) => r.id);
}

/**
 * Of these user ids, the ones that may hear about an event of `clientId`: not disabled, and a
 * client-portal user only about their own client's events (never the agency's own or another client's).
 */
export async function reachableUserIds(db: Q, ids: readonly string[], clientId: string | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select(['id', 'role', 'client_id']).where('id', 'in', [...ids]).where('disabled_at', 'is', null).execute();
  return new Set(rows.filter((r) => r.role !== 'client' || (clientId !== null && r.client_id === clientId)).map((r) => r.id));
}

/** Of these user ids, the ones that exist and are not disabled. */
export async function activeUserIds(db: Q, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', [...ids]).where('disabled_at', 'is', null).execute();
  return new Set(rows.map((r) => r.id));
}

export async function projectManagerOf(db: Q, projectId: string | null): Promise<string | null> {
  if (!projectId) return null;
  const row = await db.selectFrom('projects').select('manager_id').where('id', '=', projectId).executeTakeFirst();
  return row?.manager_id ?? null;
}

export async function assetOwnerOf(db: Q, assetId: string | null): Promise<string | null> {
  if (!assetId) return null;
  const row = await db.selectFrom('assets').select('owner_id').where('id', '=', assetId).executeTakeFirst();
  return row?.owner_id ?? null;
}

export async function existingChannelIds(db: Q, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('notification_channels').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function existingClientIds(db: Q, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('clients').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export async function projectClient(db: Q, projectId: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('projects').select('client_id').where('id', '=', projectId).executeTakeFirst();
  return row ? row.client_id : undefined;
}

// ---- on-call: one agency-wide list of people, kept as a setting ----

const ON_CALL_KEY = 'notifications.on-call';

export async function readOnCall(db: Q): Promise<string[]> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ON_CALL_KEY).executeTakeFirst();
  if (!row) return [];
  const parsed = JSON.parse(row.value) as unknown;
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

export async function writeOnCall(db: Q, userIds: readonly string[], now: string): Promise<void> {
  const value = JSON.stringify(userIds);
  await db
    .insertInto('settings')
    .values({ key: ON_CALL_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
