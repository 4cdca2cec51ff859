import type { z } from 'zod';
import type { Outbound } from '../../platform/outbound/client.ts';
import type { Severity } from '../events.ts';

/**
 * A way to reach a person: email, webhook, Slack, Microsoft Teams, Telegram, Discord, SMS.
 * Each kind is a folder under `channels/` exporting one `ChannelAdapter`; the outbox knows
 * nothing about kinds. An adapter sends one rendered message and either returns or throws a
 * `ChannelError` saying whether the failure is permanent (bad address, revoked token: the
 * channel is marked broken and its owner told) or temporary (retry with back-off).
 */
export const CHANNEL_KINDS = ['email', 'webhook', 'slack', 'teams', 'telegram', 'discord', 'sms'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** A message rendered for one recipient in their language; adapters format it for their medium. */
export interface ChannelMessage {
  subject: string;
  /** Plain text, the whole message: what SMS, Telegram and chat channels show. */
  text: string;
  /** HTML for email; null to send text only. */
  html: string | null;
  severity: Severity;
  eventType: string;
  /** Stable per event × recipient × channel: sent as a header or message id so a receiver can drop repeats. */
  idempotencyKey: string;
  /** Links a person can follow: acknowledge (stops escalation) and open in Upkeep. */
  links: { acknowledge: string | null; open: string | null };
  /** The event's data, for machine receivers (webhook). */
  data: Record<string, unknown>;
}

/** What an adapter may use; nothing global. */
export interface SendContext {
  outbound: Outbound;
  signal: AbortSignal;
  now: () => Date;
  /** From Config: the SMTP server, sender, and service base URLs (tests point these at loopback). */
  settings: {
    smtpUrl: string | undefined;
    mailFrom: string;
    telegramApiUrl: string;
    twilioApiUrl: string;
  };
}

export interface SendReceipt {
  /** The id the receiving service gave the message (SMTP message id, Twilio SID), when there is one. */
  providerMessageId: string | null;
}

export interface ChannelAdapter<Config = unknown> {
  kind: ChannelKind;
  /** Validates a channel's settings when a person saves it: a bad address is a 4xx then, not a failure at 3 a.m. */
  configSchema: z.ZodType<Config>;
  /** Fields of the config that are secrets (tokens, webhook URLs with a key in the path): sealed at rest, never returned. */
  secretFields: readonly string[];
  /** Where messages go, safe to show and log: "ops@example.com", "https://hooks.slack.com/…", "SMS to +46 … 67". */
  describe?(config: Config): string;
  send(config: Config, message: ChannelMessage, context: SendContext): Promise<SendReceipt>;
}

export class ChannelError extends Error {
  override name = 'ChannelError';
  /** True when retrying cannot help: the address is wrong, the token revoked, the webhook gone. */
  readonly permanent: boolean;
  /** How long the service asked us to wait (HTTP 429 Retry-After), when it did. */
  readonly retryAfterMs: number | undefined;
  constructor(message: string, options: { permanent: boolean; retryAfterMs?: number; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
    this.retryAfterMs = options.retryAfterMs;
  }
}
