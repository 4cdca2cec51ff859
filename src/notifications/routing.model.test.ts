import { describe, expect, it } from 'vitest';
import { addressedUserIds, CLIENT_AUDIENCE_TYPES, defaultTargets, isKnownEventPattern, reachesClientPortal, recipientKey, recipientOfKey, routeEvent, ruleMatches, typeMatches, type RoutableEvent, type RoutingRule } from './routing.model.ts';

const rule = (patch: Partial<RoutingRule>): RoutingRule => ({
  id: 'rte_1',
  name: 'rule',
  eventTypes: [],
  minSeverity: null,
  clientId: null,
  projectId: null,
  targets: [{ kind: 'user', userId: 'usr_1' }],
  escalationPolicyId: null,
  enabled: true,
  createdAt: '',
  updatedAt: '',
  ...patch,
});
const event = (patch: Partial<RoutableEvent> = {}): RoutableEvent => ({ type: 'incident.opened', severity: 'high', clientId: 'cli_a', projectId: 'prj_a', ...patch });

describe('event type patterns', () => {
  it('knows exact types, prefixes of known types and the wildcard', () => {
    expect(isKnownEventPattern('incident.opened')).toBe(true);
    expect(isKnownEventPattern('incident.*')).toBe(true);
    expect(isKnownEventPattern('*')).toBe(true);
    expect(isKnownEventPattern('incident.exploded')).toBe(false);
    expect(isKnownEventPattern('billing.*')).toBe(false);
    expect(isKnownEventPattern('.*')).toBe(false);
  });

  it('matches a prefix only at a dot', () => {
    expect(typeMatches('incident.*', 'incident.resolved')).toBe(true);
    expect(typeMatches('incident.*', 'incidental.thing')).toBe(false);
    expect(typeMatches('renewal.due', 'renewal.due')).toBe(true);
  });
});

describe('ruleMatches', () => {
  it('matches on type, minimum severity, client and project', () => {
    expect(ruleMatches(rule({ eventTypes: ['incident.*'] }), event())).toBe(true);
    expect(ruleMatches(rule({ eventTypes: ['renewal.due'] }), event())).toBe(false);
    expect(ruleMatches(rule({ minSeverity: 'high' }), event({ severity: 'critical' }))).toBe(true);
    expect(ruleMatches(rule({ minSeverity: 'high' }), event({ severity: 'high' }))).toBe(true);
    expect(ruleMatches(rule({ minSeverity: 'high' }), event({ severity: 'medium' }))).toBe(false);
    expect(ruleMatches(rule({ clientId: 'cli_a' }), event())).toBe(true);
    expect(ruleMatches(rule({ clientId: 'cli_b' }), event())).toBe(false);
    expect(ruleMatches(rule({ projectId: 'prj_b' }), event())).toBe(false);
    expect(ruleMatches(rule({ clientId: 'cli_a' }), event({ clientId: null }))).toBe(false);
  });

  it('never matches a disabled rule', () => {
    expect(ruleMatches(rule({ enabled: false }), event())).toBe(false);
  });
});

describe('routeEvent', () => {
  it('collects the targets and escalation policies of every matching rule, each policy once', () => {
    const rules = [
      rule({ id: 'rte_a', eventTypes: ['incident.*'], escalationPolicyId: 'esc_1' }),
      rule({ id: 'rte_b', targets: [{ kind: 'project-manager' }], escalationPolicyId: 'esc_1' }),
      rule({ id: 'rte_c', eventTypes: ['renewal.due'] }),
    ];
    const routing = routeEvent(rules, event());
    expect(routing.rules.map((r) => r.id)).toEqual(['rte_a', 'rte_b']);
    expect(routing.targets).toEqual([
      { target: { kind: 'user', userId: 'usr_1' }, reason: 'route:rte_a' },
      { target: { kind: 'project-manager' }, reason: 'route:rte_b' },
    ]);
    expect(routing.policies).toEqual([{ policyId: 'esc_1', ruleId: 'rte_a' }]);
    expect(routing.usedDefault).toBe(false);
  });

  it('falls back to the default when no rule matches', () => {
    const routing = routeEvent([rule({ eventTypes: ['renewal.due'] })], event({ severity: 'critical' }));
    expect(routing.usedDefault).toBe(true);
    expect(routing.targets.map((t) => t.reason)).toEqual(['route:default', 'route:default']);
  });
});

describe('events addressed to a person', () => {
  const assigned = (assigneeId: string | null, patch: Partial<RoutableEvent> = {}) =>
    event({ type: 'renewal.task-assigned', severity: 'low', data: { taskId: 'tsk_1', assetId: 'ast_1', assigneeId }, ...patch });

  it('are addressed to the assignee named in their data, and to nobody without one', () => {
    expect(addressedUserIds({ assigneeId: 'usr_7' })).toEqual(['usr_7']);
    expect(addressedUserIds({ assigneeId: null })).toEqual([]);
    expect(addressedUserIds({ assigneeId: '' })).toEqual([]);
    expect(addressedUserIds({ assigneeId: 42 })).toEqual([]);
    expect(addressedUserIds({ monitorId: 'mon_1' })).toEqual([]);
    expect(addressedUserIds(undefined)).toEqual([]);
  });

  it('tell the assignee when no rule matches, besides the default route', () => {
    expect(routeEvent([], assigned('usr_7')).targets).toEqual([{ target: { kind: 'user', userId: 'usr_7' }, reason: 'addressed' }]);
    const escalated = routeEvent([], assigned('usr_7', { type: 'renewal.task-escalated', severity: 'high' }));
    expect(escalated.usedDefault).toBe(true);
    expect(escalated.targets).toEqual([
      { target: { kind: 'user', userId: 'usr_7' }, reason: 'addressed' },
      { target: { kind: 'role', role: 'owner' }, reason: 'route:default' },
      { target: { kind: 'role', role: 'admin' }, reason: 'route:default' },
    ]);
  });

  it('tell the assignee of a client-facing reminder, which otherwise reaches nobody by default', () => {
    const due = event({ type: 'renewal.due', severity: 'critical', data: { assigneeId: 'usr_7', reminder: 'pay', late: false } });
    expect(routeEvent([], due).targets).toEqual([{ target: { kind: 'user', userId: 'usr_7' }, reason: 'addressed' }]);
    expect(routeEvent([], { ...due, data: { assigneeId: null } }).targets).toEqual([]);
  });

  it('tell the assignee first, then whom the matching rules name', () => {
    const rules = [rule({ id: 'rte_r', eventTypes: ['renewal.*'], targets: [{ kind: 'user', userId: 'usr_7' }, { kind: 'project-manager' }] })];
    const routing = routeEvent(rules, assigned('usr_7'));
    expect(routing.usedDefault).toBe(false);
    expect(routing.targets).toEqual([
      { target: { kind: 'user', userId: 'usr_7' }, reason: 'addressed' },
      { target: { kind: 'user', userId: 'usr_7' }, reason: 'route:rte_r' },
      { target: { kind: 'project-manager' }, reason: 'route:rte_r' },
    ]);
  });

  it('address nobody on an event type without an assignee', () => {
    expect(routeEvent([], event({ severity: 'medium', data: { incidentId: 'inc_1' } })).targets).toEqual([]);
  });
});

describe('defaultTargets', () => {
  it('tells owners and admins about critical and high events', () => {
    expect(defaultTargets(event({ severity: 'critical' }))).toEqual([{ kind: 'role', role: 'owner' }, { kind: 'role', role: 'admin' }]);
    expect(defaultTargets(event({ type: 'certificate.expiring', severity: 'high' }))).toHaveLength(2);
  });

  it('tells nobody about lower severities, client-facing types and resolutions', () => {
    expect(defaultTargets(event({ severity: 'medium' }))).toEqual([]);
    expect(defaultTargets(event({ type: 'renewal.due', severity: 'critical' }))).toEqual([]);
    expect(defaultTargets(event({ type: 'payment.received', severity: 'high' }))).toEqual([]);
    expect(defaultTargets(event({ type: 'incident.updated', severity: 'critical' }))).toEqual([]);
    expect(defaultTargets(event({ type: 'incident.resolved', severity: 'critical' }))).toEqual([]);
  });

  it('tells owners and admins about a high renewal problem, but not about reminders or tasks handed out', () => {
    for (const type of ['renewal.expired', 'renewal.task-escalated', 'renewal.auto-renew-failed', 'renewal.cancel-deadline']) {
      expect(defaultTargets(event({ type, severity: 'high' })), type).toHaveLength(2);
    }
    expect(defaultTargets(event({ type: 'renewal.due', severity: 'high' }))).toEqual([]);
    expect(defaultTargets(event({ type: 'renewal.task-assigned', severity: 'low' }))).toEqual([]);
  });

  it('tells owners and admins about a breached SLA of a critical or high ticket, and nobody by default about the client’s messages', () => {
    expect(defaultTargets(event({ type: 'ticket.sla-breached', severity: 'critical' }))).toHaveLength(2);
    expect(defaultTargets(event({ type: 'ticket.sla-breached', severity: 'high' }))).toHaveLength(2);
    expect(defaultTargets(event({ type: 'ticket.sla-breached', severity: 'medium' }))).toEqual([]);
    for (const type of ['ticket.created', 'ticket.replied', 'sla.report-ready', 'ticket.client-replied', 'ticket.assigned']) {
      expect(defaultTargets(event({ type, severity: 'critical' })), type).toEqual([]);
    }
  });

  it('tells a ticket’s assignee about the client’s reply, and nobody else by default', () => {
    const routing = routeEvent([], event({ type: 'ticket.client-replied', severity: 'critical', data: { assigneeId: 'usr_9' } }));
    expect(routing.targets).toEqual([{ target: { kind: 'user', userId: 'usr_9' }, reason: 'addressed' }]);
  });

  it('leaves a broken channel to the outbox, which tells its owner on another channel', () => {
    expect(defaultTargets(event({ type: 'channel.broken', severity: 'high' }))).toEqual([]);
  });
});

describe('billing events', () => {
  const CLIENT_BILLING = ['invoice.issued', 'payment.received', 'payment.failed', 'payment-method.expiring'];
  const OWNERS_AND_ADMINS = [{ kind: 'role', role: 'owner' }, { kind: 'role', role: 'admin' }];

  it('reach the client’s portal users for the client-facing types, and never the staff by default', () => {
    expect([...CLIENT_AUDIENCE_TYPES].sort()).toEqual([...CLIENT_BILLING].sort());
    for (const type of CLIENT_BILLING) {
      for (const severity of ['critical', 'high', 'medium', 'info'] as const) {
        expect(defaultTargets(event({ type, severity })), `${type} ${severity}`).toEqual([]);
        expect(routeEvent([], event({ type, severity })).targets, `${type} ${severity}`).toEqual([]);
      }
      expect(reachesClientPortal({ type, clientId: 'cli_a' }), type).toBe(true);
    }
  });

  it('reach no portal without a client, nor for the agency’s own billing types', () => {
    expect(reachesClientPortal({ type: 'payment.failed', clientId: null })).toBe(false);
    for (const type of ['charge.awaiting-approval', 'payment.dunning-exhausted', 'renewal.due', 'ticket.created', 'incident.opened']) {
      expect(reachesClientPortal({ type, clientId: 'cli_a' }), type).toBe(false);
    }
  });

  it('still go where a rule sends them, such as the client’s own channel', () => {
    const rules = [rule({ id: 'rte_c', eventTypes: ['payment.*'], clientId: 'cli_a', targets: [{ kind: 'channel', channelId: 'chn_client' }] })];
    const routing = routeEvent(rules, event({ type: 'payment.failed', severity: 'medium' }));
    expect(routing.targets).toEqual([{ target: { kind: 'channel', channelId: 'chn_client' }, reason: 'route:rte_c' }]);
  });

  it('ask the owners and admins to approve a large charge, even at medium severity', () => {
    for (const severity of ['medium', 'low', 'high'] as const) {
      expect(defaultTargets(event({ type: 'charge.awaiting-approval', severity })), severity).toEqual(OWNERS_AND_ADMINS);
    }
  });

  it('tell the assignee and the owners and admins that dunning ended unpaid', () => {
    const exhausted = event({ type: 'payment.dunning-exhausted', severity: 'high', data: { assigneeId: 'usr_7' } });
    expect(routeEvent([], exhausted).targets).toEqual([
      { target: { kind: 'user', userId: 'usr_7' }, reason: 'addressed' },
      { target: { kind: 'role', role: 'owner' }, reason: 'route:default' },
      { target: { kind: 'role', role: 'admin' }, reason: 'route:default' },
    ]);
    expect(defaultTargets(event({ type: 'payment.dunning-exhausted', severity: 'medium' }))).toEqual(OWNERS_AND_ADMINS);
  });
});

describe('recipient keys', () => {
  it('round-trip users and channels', () => {
    expect(recipientKey({ userId: 'usr_1' })).toBe('user:usr_1');
    expect(recipientOfKey('channel:chn_1')).toEqual({ channelId: 'chn_1' });
    expect(recipientOfKey('-')).toBeNull();
  });
});
