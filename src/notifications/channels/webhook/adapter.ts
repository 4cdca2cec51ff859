import { z } from 'zod';
import type { ChannelAdapter, ChannelMessage, SendContext } from '../channel.ts';
import { httpUrl, secretText } from '../fields.ts';
import { describeUrl, failure, isSuccess, post, urlSecrets } from '../http.ts';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signWebhook } from './signature.ts';

/**
 * A JSON POST to a URL of the owner's choosing, signed so the receiver can tell it came from
 * us and was not altered or replayed (see `signature.ts` and docs/notifications.md).
 */
export const webhookConfig = z.strictObject({
  url: httpUrl,
  /** The signing key shared with the receiver. */
  secret: secretText('signing secret', 16),
});
export type WebhookConfig = z.infer<typeof webhookConfig>;

/** The body receivers get; its fields are documented, so they only ever grow. */
export interface WebhookPayload {
  /** The idempotency key: the same for every attempt at one delivery, so receivers can drop repeats. */
  id: string;
  type: string;
  severity: string;
  subject: string;
  text: string;
  data: Record<string, unknown>;
  links: { acknowledge: string | null; open: string | null };
  sentAt: string;
}

export function webhookPayload(message: ChannelMessage, sentAt: Date): WebhookPayload {
  return {
    id: message.idempotencyKey,
    type: message.eventType,
    severity: message.severity,
    subject: message.subject,
    text: message.text,
    data: message.data,
    links: message.links,
    sentAt: sentAt.toISOString(),
  };
}

export const webhookAdapter: ChannelAdapter<WebhookConfig> = {
  kind: 'webhook',
  configSchema: webhookConfig,
  // The URL too: receivers often put a token in the path or query.
  secretFields: ['url', 'secret'],
  describe: (config) => describeUrl(config.url),
  async send(config: WebhookConfig, message: ChannelMessage, context: SendContext) {
    const sentAt = context.now();
    // Signed and sent as the same string: re-serialising could change the bytes the signature covers.
    const body = JSON.stringify(webhookPayload(message, sentAt));
    const secrets = [...urlSecrets(config.url), config.secret];
    const response = await post(
      {
        service: 'The webhook',
        url: config.url,
        body,
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(config.secret, body, sentAt),
          [IDEMPOTENCY_HEADER]: message.idempotencyKey,
        },
        secrets,
      },
      context,
    );
    if (!isSuccess(response.status)) throw failure('The webhook', response, context, { secrets });
    return { providerMessageId: null };
  },
};
