import { EVENT_TYPES, SEVERITIES, type Severity } from './events.ts';

/**
 * Routing: which rules an event matches and whom they name. Pure rules of (rules, event); the
 * people behind a target ("the project manager of the event's project") are looked up later.
 */
export const TARGET_ROLES = ['owner', 'admin', 'manager', 'viewer'] as const;
export type TargetRole = (typeof TARGET_ROLES)[number];

export const TARGET_KINDS = ['user', 'role', 'project-manager', 'asset-owner', 'on-call', 'channel'] as const;

/** Whom a rule or an escalation step tells. */
export type Target =
  | { kind: 'user'; userId: string }
  | { kind: 'role'; role: TargetRole }
  | { kind: 'project-manager' }
  | { kind: 'asset-owner' }
  | { kind: 'on-call' }
  | { kind: 'channel'; channelId: string };

export interface RoutingRule {
  id: string;
  name: string;
  /** Event types or prefixes (`incident.*`, `*`); empty matches every type. */
  eventTypes: string[];
  minSeverity: Severity | null;
  clientId: string | null;
  projectId: string | null;
  targets: Target[];
  escalationPolicyId: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** The parts of an event routing looks at. */
export interface RoutableEvent {
  type: string;
  severity: Severity;
  clientId: string | null;
  projectId: string | null;
  /** The event's data: an `assigneeId` in it addresses the event to that person (see addressedUserIds). */
  data?: unknown;
}

/** A resolved person or channel. */
export type Recipient = { userId: string } | { channelId: string };

export function recipientKey(recipient: Recipient): string {
  return 'userId' in recipient ? `user:${recipient.userId}` : `channel:${recipient.channelId}`;
}

export function recipientOfKey(key: string): Recipient | null {
  if (key.startsWith('user:')) return { userId: key.slice(5) };
  if (key.startsWith('channel:')) return { channelId: key.slice(8) };
  return null;
}

/** critical 4 … info 0. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - 1 - SEVERITIES.indexOf(severity);
}

export function isAtLeast(severity: Severity, minimum: Severity | null): boolean {
  return minimum === null || severityRank(severity) >= severityRank(minimum);
}

/** `*`, a known type, or `prefix.*` where some known type starts with `prefix.`. */
export function isKnownEventPattern(pattern: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) {
    const prefix = pattern.slice(0, -1);
    return prefix.length > 1 && EVENT_TYPES.some((t) => t.startsWith(prefix));
  }
  return (EVENT_TYPES as readonly string[]).includes(pattern);
}

export function typeMatches(pattern: string, type: string): boolean {
  if (pattern === '*') return true;
  if (pattern.endsWith('.*')) return type.startsWith(pattern.slice(0, -1));
  return pattern === type;
}

export function ruleMatches(rule: RoutingRule, event: RoutableEvent): boolean {
  if (!rule.enabled) return false;
  if (rule.eventTypes.length > 0 && !rule.eventTypes.some((p) => typeMatches(p, event.type))) return false;
  if (!isAtLeast(event.severity, rule.minSeverity)) return false;
  if (rule.clientId !== null && rule.clientId !== event.clientId) return false;
  if (rule.projectId !== null && rule.projectId !== event.projectId) return false;
  return true;
}

/** A resolution ends its subject's escalation and goes to everyone told about the subject. */
export const RESOLUTION_TYPES: readonly string[] = ['incident.resolved'];
export function isResolution(type: string): boolean {
  return RESOLUTION_TYPES.includes(type);
}

/**
 * Types meant for the agency's clients: no staff is told unless a rule says so (besides the person an
 * event is addressed to) — a rule naming the client's own channel, say; billing's reach the client's
 * portal users besides (CLIENT_AUDIENCE_TYPES). `renewal.expired` is not one: a lapsed service reaches
 * the owners and admins by the default route when the publisher says it is high, even if nobody is
 * responsible for it. A ticket's acknowledgement, a public reply to it, the monthly SLA report, an
 * invoice, a receipt, a failed payment and a card about to expire are the client's.
 */
export const CLIENT_FACING_TYPES: readonly string[] = [
  'renewal.due',
  'incident.updated',
  'ticket.created',
  'ticket.replied',
  'sla.report-ready',
  'invoice.issued',
  'payment.received',
  'payment.failed',
  'payment-method.expiring',
];

/**
 * Client-facing types that reach the client's active portal users (each in their language, on their
 * own channel) whatever the rules say, besides whom the rules name: a dunning message that reaches
 * nobody recovers nothing, and a catch-all rule to the agency's own channel must not take it away
 * from the client. Rules may still send them to a client's own channel as well.
 */
export const CLIENT_AUDIENCE_TYPES: readonly string[] = ['invoice.issued', 'payment.received', 'payment.failed', 'payment-method.expiring'];

/** Why a client's portal user is told (see CLIENT_AUDIENCE_TYPES). */
export const CLIENT_PORTAL = 'client-portal';

/** Whether the event's own client's portal users are told about it. */
export function reachesClientPortal(event: Pick<RoutableEvent, 'type' | 'clientId'>): boolean {
  return event.clientId !== null && CLIENT_AUDIENCE_TYPES.includes(event.type);
}

/**
 * Types for the person they are addressed to (a ticket's assignee), carrying the ticket's severity so
 * that a critical ticket's news passes quiet hours: the default route adds nobody, or every reply on a
 * critical ticket would reach all the owners and admins. An SLA warning or breach is not one of them.
 */
export const ADDRESSED_ONLY_TYPES: readonly string[] = ['ticket.client-replied', 'ticket.assigned'];

const OWNERS_AND_ADMINS: Target[] = [
  { kind: 'role', role: 'owner' },
  { kind: 'role', role: 'admin' },
];

/** The outbox tells a broken channel's owner (or the owners and admins) itself, on another channel. */
const TOLD_BY_THE_OUTBOX: readonly string[] = ['channel.broken'];

/**
 * Types the owners and admins hear of by default whatever their severity: a large charge waits for
 * one of them to approve it (published as medium, so it may wait for the morning), and the end of
 * dunning leaves an unpaid invoice for a person to take in hand.
 */
export const STAFF_BY_DEFAULT_TYPES: readonly string[] = ['charge.awaiting-approval', 'payment.dunning-exhausted'];

/**
 * Whom to tell when no rule matches. Anything critical or high goes to the agency's owners and
 * admins, so a fresh installation is never silent about an outage, and so do the billing matters
 * that need one of them (STAFF_BY_DEFAULT_TYPES); client-facing types (the billing ones reach the
 * client's portal users instead), types for the addressed person only, resolutions (which reach
 * whoever was told anyway), a broken channel and lower severities go to nobody.
 */
export function defaultTargets(event: RoutableEvent): Target[] {
  if (STAFF_BY_DEFAULT_TYPES.includes(event.type)) return OWNERS_AND_ADMINS;
  if (CLIENT_FACING_TYPES.includes(event.type) || ADDRESSED_ONLY_TYPES.includes(event.type) || isResolution(event.type) || TOLD_BY_THE_OUTBOX.includes(event.type)) return [];
  return isAtLeast(event.severity, 'high') ? OWNERS_AND_ADMINS : [];
}

/** Why a person is told about an event addressed to them. */
export const ADDRESSED = 'addressed';

/**
 * The people an event is addressed to: the one responsible for it (`assigneeId` in its data, as
 * renewal reminders and tasks carry). They are told whatever the rules say, through their own
 * channels, quiet hours and digests like anyone else.
 */
export function addressedUserIds(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return [];
  const assigneeId = (data as { assigneeId?: unknown }).assigneeId;
  return typeof assigneeId === 'string' && assigneeId !== '' ? [assigneeId] : [];
}

export interface Routing {
  /** The rules that matched, in the order given. */
  rules: RoutingRule[];
  /**
   * Targets told at once, each with why: `addressed` (first, so a person both addressed and named
   * by a rule is told once, as the one responsible), then `route:<rule id>` or `route:default`.
   */
  targets: { target: Target; reason: string }[];
  /** Escalation policies to start, with the rule that named each. */
  policies: { policyId: string; ruleId: string }[];
  usedDefault: boolean;
}

export function routeEvent(rules: readonly RoutingRule[], event: RoutableEvent): Routing {
  const addressed = addressedUserIds(event.data).map((userId): { target: Target; reason: string } => ({ target: { kind: 'user', userId }, reason: ADDRESSED }));
  const matched = rules.filter((r) => ruleMatches(r, event));
  if (matched.length === 0) {
    const targets = [...addressed, ...defaultTargets(event).map((target) => ({ target, reason: 'route:default' }))];
    return { rules: [], targets, policies: [], usedDefault: true };
  }
  const targets = [...addressed, ...matched.flatMap((rule) => rule.targets.map((target) => ({ target, reason: `route:${rule.id}` })))];
  const policyIds = new Set<string>();
  const policies: Routing['policies'] = [];
  for (const rule of matched) {
    if (rule.escalationPolicyId && !policyIds.has(rule.escalationPolicyId)) {
      policyIds.add(rule.escalationPolicyId);
      policies.push({ policyId: rule.escalationPolicyId, ruleId: rule.id });
    }
  }
  return { rules: matched, targets, policies, usedDefault: false };
}
