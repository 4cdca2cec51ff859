/**
 * The notifications API as these pages use it: shapes from the server's own schemas and types
 * (type-only imports: nothing of the server reaches the bundle), thin calls, query keys.
 */
import type { z } from 'zod';
import { api, query, type Page } from '../../api/client.ts';
import type { User } from '../../api/types.ts';
import type { ChannelView } from '../../../../src/notifications/channels.service.ts';
import type { ChannelKind } from '../../../../src/notifications/channels/channel.ts';
import type { EventType, Severity } from '../../../../src/notifications/events.ts';
import type { ChannelStatus, DeliveryStatus, NotificationStatus } from '../../../../src/notifications/outbox.model.ts';
import type { Delivery, Notification as OutboxNotification } from '../../../../src/notifications/outbox.store.ts';
import type * as schemas from '../../../../src/notifications/policies.schemas.ts';
import type { PreferencesView } from '../../../../src/notifications/recipients.service.ts';
import type { TargetRole } from '../../../../src/notifications/routing.model.ts';
import type { Audience } from '../../../../src/notifications/templates/model.ts';
import type { TemplateView } from '../../../../src/notifications/templates/service.ts';

export type { ChannelKind, ChannelStatus, Delivery, EventType, NotificationStatus, Severity, TemplateView, User };
export type Channel = ChannelView;
export type Preferences = PreferencesView;
export type Schedule = z.output<typeof schemas.scheduleView>;
export type SchedulePatch = z.input<typeof schemas.schedulePatch>;
export type TimeWindow = Schedule['quietHours'][number];
export type Target = z.input<typeof schemas.targetBody>;
export type RoutingRule = z.output<typeof schemas.ruleView>;
export type NewRule = z.input<typeof schemas.ruleBody>;
export type RoutingProbe = z.input<typeof schemas.routingProbe>;
export type RoutingPreview = z.output<typeof schemas.routingPreview>;
export type PreviewRecipient = RoutingPreview['audience'][number];
export type EscalationPolicy = z.output<typeof schemas.policyView>;
export type NewPolicy = z.input<typeof schemas.policyBody>;
export type Escalation = z.output<typeof schemas.escalationView>;
export type Acknowledgement = z.output<typeof schemas.acknowledgementOutcome>;
export type LoggedNotification = Omit<OutboxNotification, 'digestEventIds'> & { digestEventIds: string[] | null; eventType: string | null };
export type NotificationDetail = LoggedNotification & { deliveries: Delivery[] };
export interface TestResult {
  ok: boolean;
  providerMessageId?: string | null;
  failure?: 'temporary' | 'permanent';
  reason?: string;
  channel: Channel;
}
export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

// The server's lists live next to code that needs Node; the browser keeps its own copies, checked against the types.
export const CHANNEL_KINDS = ['email', 'slack', 'teams', 'telegram', 'discord', 'sms', 'webhook'] as const satisfies readonly ChannelKind[];
export const EVENT_TYPES = [
  'incident.opened', 'incident.updated', 'incident.resolved', 'certificate.expiring', 'domain.expiring',
  'heartbeat.late', 'renewal.due', 'renewal.expired', 'renewal.cancel-deadline', 'renewal.task-assigned',
  'renewal.task-escalated', 'renewal.auto-renew-failed',
  'ticket.created', 'ticket.replied', 'ticket.client-replied', 'ticket.assigned', 'ticket.sla-warning', 'ticket.sla-breached', 'sla.report-ready',
  'invoice.issued', 'payment.received', 'payment.failed', 'payment.dunning-exhausted', 'charge.awaiting-approval', 'payment-method.expiring', 'channel.broken',
] as const satisfies readonly EventType[];
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const satisfies readonly Severity[];
export const TARGET_ROLES = ['owner', 'admin', 'manager', 'viewer'] as const satisfies readonly TargetRole[];
export const TARGET_KINDS = ['user', 'role', 'project-manager', 'asset-owner', 'on-call', 'channel'] as const satisfies readonly Target['kind'][];
export const AUDIENCES = ['staff', 'client'] as const satisfies readonly Audience[];
export const NOTIFICATION_STATUSES = ['queued', 'sending', 'retrying', 'sent', 'gave_up'] as const satisfies readonly NotificationStatus[];
export const DELIVERY_STATUSES = ['sending', 'sent', 'failed', 'gave_up'] as const satisfies readonly DeliveryStatus[];

/**
 * The settings of each kind as the form asks for them; `secret` ones are write-only: the API
 * never sends them back, so an empty field on an existing channel keeps the stored value.
 */
export interface ChannelField {
  name: string;
  type: 'email' | 'url' | 'tel' | 'text' | 'password' | 'select';
  secret?: boolean;
  options?: readonly string[];
}
export const CHANNEL_FIELDS: Record<ChannelKind, readonly ChannelField[]> = {
  email: [{ name: 'address', type: 'email' }],
  slack: [{ name: 'webhookUrl', type: 'url', secret: true }, { name: 'format', type: 'select', options: ['blocks', 'text'] }],
  teams: [{ name: 'webhookUrl', type: 'url', secret: true }, { name: 'cardFormat', type: 'select', options: ['adaptive', 'messagecard'] }],
  telegram: [{ name: 'botToken', type: 'password', secret: true }, { name: 'chatId', type: 'text' }],
  discord: [{ name: 'webhookUrl', type: 'url', secret: true }],
  sms: [{ name: 'accountSid', type: 'text' }, { name: 'authToken', type: 'password', secret: true }, { name: 'from', type: 'text' }, { name: 'to', type: 'tel' }],
  webhook: [{ name: 'url', type: 'url', secret: true }, { name: 'secret', type: 'password', secret: true }],
};

export const KEYS = {
  channels: ['notifications', 'channels'] as const,
  preferences: ['notifications', 'preferences'] as const,
  schedule: ['notifications', 'schedule'] as const,
  log: ['notifications', 'log'] as const,
  rules: ['notifications', 'rules'] as const,
  policies: ['notifications', 'policies'] as const,
  onCall: ['notifications', 'on-call'] as const,
  escalations: ['notifications', 'escalations'] as const,
  templates: ['notifications', 'templates'] as const,
};

export interface ChannelInput {
  kind: ChannelKind;
  name: string;
  config: Record<string, string>;
  ownerUserId?: null;
}

export const listChannels = (filter: { ownerUserId?: string | undefined } = {}) => api<Page<Channel>>('GET', `/channels${query({ limit: 200, ...filter })}`);
export const createChannel = (input: ChannelInput) => api<Channel>('POST', '/channels', input);
export const updateChannel = (id: string, patch: { name?: string; config?: Record<string, string> }) => api<Channel>('PATCH', `/channels/${encodeURIComponent(id)}`, patch);
export const deleteChannel = (id: string) => api<void>('DELETE', `/channels/${encodeURIComponent(id)}`);
export const testChannel = (id: string) => api<TestResult>('POST', `/channels/${encodeURIComponent(id)}/test`);

export const getPreferences = () => api<Preferences>('GET', '/me/notification-preferences');
export const savePreferences = (patch: { primaryChannelId?: string | null; fallbackChannelId?: string | null; locale?: string | null }) =>
  api<Preferences>('PUT', '/me/notification-preferences', patch);
export const getSchedule = () => api<Schedule>('GET', '/me/notification-schedule');
export const saveSchedule = (patch: SchedulePatch) => api<Schedule>('PATCH', '/me/notification-schedule', patch);

export interface LogFilter {
  status?: NotificationStatus | undefined;
  channelId?: string | undefined;
  userId?: string | undefined;
  limit?: number;
}
export const listNotifications = (filter: LogFilter) => api<Page<LoggedNotification>>('GET', `/notifications${query({ limit: 50, ...filter })}`);
export const getNotification = (id: string) => api<NotificationDetail>('GET', `/notifications/${encodeURIComponent(id)}`);

export const listRules = () => api<Page<RoutingRule>>('GET', '/routing-rules?limit=200');
export const createRule = (rule: NewRule) => api<RoutingRule>('POST', '/routing-rules', rule);
export const setRuleEnabled = (id: string, enabled: boolean) => api<RoutingRule>('PATCH', `/routing-rules/${encodeURIComponent(id)}`, { enabled });
export const deleteRule = (id: string) => api<void>('DELETE', `/routing-rules/${encodeURIComponent(id)}`);
/** Which rules an event like this would match and who would be told, as dispatch resolves it. */
export const previewRouting = (probe: RoutingProbe) => api<RoutingPreview>('POST', '/routing-rules/match', probe);

export const listPolicies = () => api<Page<EscalationPolicy>>('GET', '/escalation-policies?limit=200');
export const createPolicy = (policy: NewPolicy) => api<EscalationPolicy>('POST', '/escalation-policies', policy);
export const deletePolicy = (id: string) => api<void>('DELETE', `/escalation-policies/${encodeURIComponent(id)}`);

export const getOnCall = () => api<{ userIds: string[] }>('GET', '/on-call');
export const setOnCall = (userIds: string[]) => api<{ userIds: string[] }>('PUT', '/on-call', { userIds });

export const listRunningEscalations = () => api<Page<Escalation>>('GET', '/escalations?state=running&limit=50');
export const acknowledge = (subjectKey: string) => api<Acknowledgement>('POST', '/acknowledgements', { subjectKey });

export interface TemplateKey {
  eventType: EventType;
  audience: Audience;
  locale: string;
}
const templatePath = (k: TemplateKey) => `/notification-templates/${k.eventType}/${k.audience}/${k.locale}`;
export const getTemplate = (k: TemplateKey) => api<TemplateView>('GET', templatePath(k));
export const saveTemplate = (k: TemplateKey, text: { subject: string; text: string }) => api<TemplateView>('PUT', templatePath(k), text);
export const resetTemplate = (k: TemplateKey) => api<TemplateView>('DELETE', templatePath(k));
export const previewTemplate = (k: TemplateKey, draft?: { subject: string; text: string }) =>
  api<Rendered>('POST', '/notification-templates/preview', { ...k, ...(draft ? { draft } : {}) });

/** Owners and admins (notifications:manage) run the agency's notification settings. */
export const managesNotifications = (user: User | null): user is User => user !== null && (user.role === 'owner' || user.role === 'admin');
