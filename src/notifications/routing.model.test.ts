import { describe, expect, it } from 'vitest';
import { defaultTargets, isKnownEventPattern, recipientKey, recipientOfKey, routeEvent, ruleMatches, typeMatches, type RoutableEvent, type RoutingRule } from './routing.model.ts';

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

  it('leaves a broken channel to the outbox, which tells its owner on another channel', () => {
    expect(defaultTargets(event({ type: 'channel.broken', severity: 'high' }))).toEqual([]);
  });
});

describe('recipient keys', () => {
  it('round-trip users and channels', () => {
    expect(recipientKey({ userId: 'usr_1' })).toBe('user:usr_1');
    expect(recipientOfKey('channel:chn_1')).toEqual({ channelId: 'chn_1' });
    expect(recipientOfKey('-')).toBeNull();
  });
});
