import type { Kysely } from 'kysely';
import type { ChangeContext } from '../platform/audit/model.ts';
import { changedFields, createdRecord } from '../platform/audit/model.ts';
import type { Schema } from '../platform/db/schema.ts';
import { change, type Deps } from '../platform/deps.ts';
import { newId } from '../platform/ids.ts';
import { invalid, notFound, type FieldError } from '../platform/http/problem.ts';
import { resolveAudience } from './audience.service.ts';
import type { Severity } from './events.ts';
import { existingPolicyIds } from './escalation.store.ts';
import { describeAudience } from './routing-preview.service.ts';
import { isKnownEventPattern, routeEvent, type RoutableEvent, type RoutingRule, type Target } from './routing.model.ts';
import * as store from './routing.store.ts';

/** Routing rules as people manage them: every reference is checked when the rule is saved, not when it fires. */
export interface RuleInput {
  name: string;
  eventTypes: string[];
  minSeverity: Severity | null;
  clientId: string | null;
  projectId: string | null;
  targets: Target[];
  escalationPolicyId: string | null;
  enabled: boolean;
}

/** Targets that name users who do not exist (or are disabled) or channels that do not exist. */
export async function targetIssues(db: Kysely<Schema>, targets: readonly Target[], field: string): Promise<FieldError[]> {
  const userIds = targets.flatMap((t) => (t.kind === 'user' ? [t.userId] : []));
  const channelIds = targets.flatMap((t) => (t.kind === 'channel' ? [t.channelId] : []));
  const users = await store.activeUserIds(db, userIds);
  const channels = await store.existingChannelIds(db, channelIds);
  return targets.flatMap((t, i) => {
    if (t.kind === 'user' && !users.has(t.userId)) return [{ field: `${field}.${i}.userId`, message: `no active user ${t.userId}` }];
    if (t.kind === 'channel' && !channels.has(t.channelId)) return [{ field: `${field}.${i}.channelId`, message: `no channel ${t.channelId}` }];
    return [];
  });
}

async function ruleIssues(db: Kysely<Schema>, input: RuleInput): Promise<FieldError[]> {
  const issues: FieldError[] = input.eventTypes.flatMap((pattern, i) =>
    isKnownEventPattern(pattern) ? [] : [{ field: `body.eventTypes.${i}`, message: `is not an event type or a prefix of one (such as incident.*)` }],
  );
  if (input.targets.length === 0 && input.escalationPolicyId === null) {
    issues.push({ field: 'body.targets', message: 'name at least one target, or an escalation policy' });
  }
  issues.push(...(await targetIssues(db, input.targets, 'body.targets')));
  if (input.clientId && !(await store.existingClientIds(db, [input.clientId])).has(input.clientId)) {
    issues.push({ field: 'body.clientId', message: `no client ${input.clientId}` });
  }
  if (input.projectId) {
    const owner = await store.projectClient(db, input.projectId);
    if (owner === undefined) issues.push({ field: 'body.projectId', message: `no project ${input.projectId}` });
    else if (input.clientId && owner !== input.clientId) issues.push({ field: 'body.projectId', message: `belongs to another client than ${input.clientId}` });
  }
  if (input.escalationPolicyId && !(await existingPolicyIds(db, [input.escalationPolicyId])).has(input.escalationPolicyId)) {
    issues.push({ field: 'body.escalationPolicyId', message: `no escalation policy ${input.escalationPolicyId}` });
  }
  return issues;
}

export async function getRule(deps: Deps, id: string): Promise<RoutingRule> {
  const rule = await store.findRule(deps.database.db, id);
  if (!rule) throw notFound('routing rule', id);
  return rule;
}

export async function createRule(deps: Deps, ctx: ChangeContext, input: RuleInput): Promise<RoutingRule> {
  const issues = await ruleIssues(deps.database.db, input);
  if (issues.length > 0) throw invalid(issues);
  const at = deps.now().toISOString();
  const rule: RoutingRule = { id: newId('route'), ...input, createdAt: at, updatedAt: at };
  await change(deps, ctx, async (trx, audit) => {
    await store.insertRule(trx, rule);
    await audit({ action: 'routing-rule.created', entityType: 'routing-rule', entityId: rule.id, after: createdRecord(rule) });
  });
  return rule;
}

export async function updateRule(deps: Deps, ctx: ChangeContext, id: string, patch: Partial<RuleInput>): Promise<RoutingRule> {
  const before = await getRule(deps, id);
  const after: RoutingRule = { ...before, ...patch, updatedAt: deps.now().toISOString() };
  const issues = await ruleIssues(deps.database.db, after);
  if (issues.length > 0) throw invalid(issues);
  await change(deps, ctx, async (trx, audit) => {
    await store.updateRule(trx, after);
    await audit({ action: 'routing-rule.updated', entityType: 'routing-rule', entityId: id, ...changedFields(before, after) });
  });
  return after;
}

export async function deleteRule(deps: Deps, ctx: ChangeContext, id: string): Promise<void> {
  const before = await getRule(deps, id);
  await change(deps, ctx, async (trx, audit) => {
    await store.deleteRule(trx, id);
    await audit({ action: 'routing-rule.deleted', entityType: 'routing-rule', entityId: id, before: createdRecord(before) });
  });
}

/**
 * Which rules an event like this would match, whom they name, and who would be told at once: the
 * audience dispatch resolves (resolveAudience), so a client's billing message lists the client's
 * portal users with the reason `client-portal` although no rule names them. Escalation steps come
 * later and are not in it.
 */
export async function previewRouting(deps: Deps, event: RoutableEvent) {
  const db = deps.database.db;
  const routing = routeEvent(await store.enabledRules(db), event);
  const audience = await resolveAudience(db, { type: event.type, clientId: event.clientId, projectId: event.projectId, assetId: null }, routing.targets);
  return {
    ruleIds: routing.rules.map((r) => r.id),
    usedDefault: routing.usedDefault,
    targets: routing.targets,
    escalationPolicyIds: routing.policies.map((p) => p.policyId),
    audience: await describeAudience(db, deps, audience),
  };
}

export async function readOnCall(deps: Deps): Promise<{ userIds: string[] }> {
  return { userIds: await store.readOnCall(deps.database.db) };
}

/** The agency's on-call people: who `on-call` targets reach. */
export async function setOnCall(deps: Deps, ctx: ChangeContext, userIds: string[]): Promise<{ userIds: string[] }> {
  const unique = [...new Set(userIds)];
  const active = await store.activeUserIds(deps.database.db, unique);
  const issues = userIds.flatMap((id, i) => (active.has(id) ? [] : [{ field: `body.userIds.${i}`, message: `no active user ${id}` }]));
  if (issues.length > 0) throw invalid(issues);
  const before = await store.readOnCall(deps.database.db);
  await change(deps, ctx, async (trx, audit) => {
    await store.writeOnCall(trx, unique, deps.now().toISOString());
    await audit({ action: 'on-call.updated', entityType: 'on-call', entityId: null, before: { userIds: before }, after: { userIds: unique } });
  });
  return { userIds: unique };
}
