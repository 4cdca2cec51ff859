import { z } from 'zod';
import type { ChannelAdapter, ChannelMessage, SendContext } from '../channel.ts';
import type { Severity } from '../../events.ts';
import { httpUrl, truncate } from '../fields.ts';
import { describeUrl, failure, isSuccess, post, urlSecrets } from '../http.ts';

/** A Discord channel webhook (https://discord.com/api/webhooks/<id>/<token>). */
export const discordConfig = z.strictObject({ webhookUrl: httpUrl });
export type DiscordConfig = z.infer<typeof discordConfig>;

const COLOR: Record<Severity, number> = { critical: 0xd13438, high: 0xe8590c, medium: 0xffb900, low: 0x0078d4, info: 0x737373 };

/** Discord's limits: content 2000 characters, embed title 256, description 4096, field value 1024. */
export function discordPayload(message: ChannelMessage, now: Date): Record<string, unknown> {
  const fields = [{ name: 'Severity', value: message.severity, inline: true }, { name: 'Event', value: message.eventType, inline: true }];
  if (message.links.acknowledge) fields.push({ name: 'Acknowledge', value: truncate(message.links.acknowledge, 1024), inline: false });
  return {
    username: 'Upkeep',
    content: truncate(`**${message.severity.toUpperCase()}** ${message.subject}`, 2000),
    embeds: [
      {
        title: truncate(message.subject, 256),
        description: truncate(message.text, 4096),
        color: COLOR[message.severity],
        ...(message.links.open ? { url: message.links.open } : {}),
        fields,
        timestamp: now.toISOString(),
      },
    ],
    // A monitor named "@everyone" must not ping the whole server.
    allowed_mentions: { parse: [] },
  };
}

export const discordAdapter: ChannelAdapter<DiscordConfig> = {
  kind: 'discord',
  configSchema: discordConfig,
  secretFields: ['webhookUrl'],
  describe: (config) => describeUrl(config.webhookUrl),
  async send(config: DiscordConfig, message: ChannelMessage, context: SendContext) {
    const secrets = urlSecrets(config.webhookUrl);
    const response = await post({ service: 'Discord', url: config.webhookUrl, json: discordPayload(message, context.now()), secrets }, context);
    // Success is 204 No Content (without ?wait=true); 404 code 10015 is "Unknown Webhook", i.e. deleted.
    if (!isSuccess(response.status)) throw failure('Discord', response, context, { secrets, ...discordRetryAfter(response.body) });
    return { providerMessageId: null };
  },
};

/** Discord's 429 body carries `retry_after` in seconds (with decimals), more precise than the header. */
function discordRetryAfter(body: string): { retryAfterMs?: number } {
  try {
    const parsed = JSON.parse(body) as { retry_after?: unknown };
    return typeof parsed.retry_after === 'number' ? { retryAfterMs: Math.ceil(parsed.retry_after * 1000) } : {};
  } catch {
    return {};
  }
}
