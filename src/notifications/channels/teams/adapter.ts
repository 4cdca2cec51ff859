import { z } from 'zod';
import type { OutboundResponse } from '../../../platform/outbound/client.ts';
import type { ChannelAdapter, ChannelMessage, SendContext } from '../channel.ts';
import { httpUrl } from '../fields.ts';
import { describeUrl, failure, isSuccess, post, urlSecrets } from '../http.ts';
import { adaptiveCardPayload, messageCardPayload } from './payload.ts';

/** A Microsoft Teams incoming webhook or Workflows URL; both carry their key in the URL. */
export const teamsConfig = z.strictObject({
  webhookUrl: httpUrl,
  /** `adaptive` for Workflows URLs, `messagecard` for legacy Office 365 connector URLs. */
  cardFormat: z.enum(['adaptive', 'messagecard']).default('adaptive'),
});
export type TeamsConfig = z.infer<typeof teamsConfig>;

export const teamsAdapter: ChannelAdapter<TeamsConfig> = {
  kind: 'teams',
  configSchema: teamsConfig,
  secretFields: ['webhookUrl'],
  describe: (config) => describeUrl(config.webhookUrl),
  async send(config: TeamsConfig, message: ChannelMessage, context: SendContext) {
    const secrets = urlSecrets(config.webhookUrl);
    const json = config.cardFormat === 'adaptive' ? adaptiveCardPayload(message) : messageCardPayload(message);
    const response = await post({ service: 'Microsoft Teams', url: config.webhookUrl, json, secrets }, context);
    const status = effectiveStatus(response);
    if (!isSuccess(status)) throw failure('Microsoft Teams', { ...response, status }, context, { secrets });
    return { providerMessageId: null };
  },
};

/**
 * Legacy connectors answer 200 even when delivery failed, with a body such as
 * "Microsoft Teams endpoint returned HTTP error 429 with ContextId …"; that inner status is the real one.
 */
function effectiveStatus(response: OutboundResponse): number {
  const inner = /returned HTTP error (\d{3})/.exec(response.body);
  return isSuccess(response.status) && inner ? Number(inner[1]) : response.status;
}
