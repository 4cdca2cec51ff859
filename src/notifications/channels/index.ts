import type { FieldError } from '../../platform/http/problem.ts';
import type { ChannelAdapter, ChannelKind } from './channel.ts';
import { CHANNEL_KINDS } from './channel.ts';
import { discordAdapter } from './discord/adapter.ts';
import { emailAdapter } from './email/adapter.ts';
import { smsAdapter } from './sms/adapter.ts';
import { slackAdapter } from './slack/adapter.ts';
import { teamsAdapter } from './teams/adapter.ts';
import { telegramAdapter } from './telegram/adapter.ts';
import { webhookAdapter } from './webhook/adapter.ts';

/** Every channel kind and its adapter: the one place the outbox looks a kind up. */
export const CHANNEL_ADAPTERS: Record<ChannelKind, ChannelAdapter> = {
  email: emailAdapter,
  webhook: webhookAdapter,
  slack: slackAdapter,
  teams: teamsAdapter,
  telegram: telegramAdapter,
  discord: discordAdapter,
  sms: smsAdapter,
};

export type ChannelConfigCheck = { ok: true; config: Record<string, unknown> } | { ok: false; errors: FieldError[] };

export function isChannelKind(kind: unknown): kind is ChannelKind {
  return typeof kind === 'string' && (CHANNEL_KINDS as readonly string[]).includes(kind);
}

/**
 * Checks a channel's settings as a person entered them. Errors name the field under `prefix`
 * (`config.address`) with a message meant for that person; they never repeat the value.
 */
export function validateChannelConfig(kind: string, input: unknown, prefix = 'config'): ChannelConfigCheck {
  if (!isChannelKind(kind)) return { ok: false, errors: [{ field: 'kind', message: `must be one of ${CHANNEL_KINDS.join(', ')}` }] };
  const parsed = CHANNEL_ADAPTERS[kind].configSchema.safeParse(input);
  if (parsed.success) return { ok: true, config: parsed.data as Record<string, unknown> };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => ({
      field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
      message: issue.code === 'unrecognized_keys' ? `has unknown fields: ${issue.keys.join(', ')}` : issue.message,
    })),
  };
}

/** Splits a valid config into what may be stored and shown, and the secrets to seal. */
export function splitChannelSecrets(kind: ChannelKind, config: Record<string, unknown>): { visible: Record<string, unknown>; secret: Record<string, unknown> } {
  const secretFields = new Set(CHANNEL_ADAPTERS[kind].secretFields);
  const visible: Record<string, unknown> = {};
  const secret: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(config)) (secretFields.has(field) ? secret : visible)[field] = value;
  return { visible, secret };
}

/** Where a channel delivers, safe to show and log (never a secret). */
export function describeChannel(kind: ChannelKind, config: Record<string, unknown>): string {
  const adapter = CHANNEL_ADAPTERS[kind];
  return adapter.describe?.(config) ?? kind;
}

export { CHANNEL_KINDS, ChannelError } from './channel.ts';
export type { ChannelAdapter, ChannelKind, ChannelMessage, SendContext, SendReceipt } from './channel.ts';
export { closeMailTransports } from './email/transports.ts';
export { verifyWebhookSignature, signWebhook, SIGNATURE_HEADER, IDEMPOTENCY_HEADER } from './webhook/signature.ts';
export type { WebhookPayload } from './webhook/adapter.ts';
