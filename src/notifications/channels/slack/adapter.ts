import { z } from 'zod';
import type { ChannelAdapter, ChannelMessage, SendContext } from '../channel.ts';
import { httpUrl } from '../fields.ts';
import { describeUrl, failure, isSuccess, post, urlSecrets } from '../http.ts';
import { slackPayload } from './payload.ts';

/** A Slack incoming webhook (https://hooks.slack.com/services/T…/B…/…); the key is in the URL's path. */
export const slackConfig = z.strictObject({
  webhookUrl: httpUrl,
  /** `blocks` (Block Kit with buttons) or `text` for workspaces and bridges that only show plain text. */
  format: z.enum(['blocks', 'text']).default('blocks'),
});
export type SlackConfig = z.infer<typeof slackConfig>;

export const slackAdapter: ChannelAdapter<SlackConfig> = {
  kind: 'slack',
  configSchema: slackConfig,
  secretFields: ['webhookUrl'],
  describe: (config) => describeUrl(config.webhookUrl),
  async send(config: SlackConfig, message: ChannelMessage, context: SendContext) {
    const secrets = urlSecrets(config.webhookUrl);
    const json = slackPayload(message, config.format);
    const response = await post({ service: 'Slack', url: config.webhookUrl, json, secrets }, context);
    // Slack answers errors as plain-text codes: 404 "no_service" (webhook removed), 410 "channel_is_archived".
    if (!isSuccess(response.status)) throw failure('Slack', response, context, { secrets });
    return { providerMessageId: null };
  },
};
