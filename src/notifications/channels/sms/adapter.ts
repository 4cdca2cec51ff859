import type RequestClient from 'twilio/lib/base/RequestClient.js';
import type TwilioSdk from 'twilio';
import { z } from 'zod';
import { isRetryableStatus } from '../../../platform/outbound/errors.ts';
import { ChannelError, type ChannelAdapter, type ChannelMessage, type SendContext } from '../channel.ts';
import { phoneNumber, secretText } from '../fields.ts';
import { scrub, unreachable } from '../http.ts';
import { smsText } from './text.ts';
import { OutboundTwilioClient } from './twilio-client.ts';

/** SMS through the owner's Twilio account, with the official SDK. */
export const smsConfig = z.strictObject({
  accountSid: z.string().trim().regex(/^AC[0-9a-fA-F]{32}$/, 'must be a Twilio Account SID: AC followed by 32 hexadecimal characters'),
  authToken: secretText('Twilio auth token', 16),
  /** The sending number in E.164, or a Messaging Service SID (MG…) to let Twilio pick one. */
  from: z.union([z.string().trim().regex(/^MG[0-9a-fA-F]{32}$/), phoneNumber], {
    error: 'must be a phone number in international E.164 form (such as +46701234567) or a Messaging Service SID (MG…)',
  }),
  to: phoneNumber,
});
export type SmsConfig = z.infer<typeof smsConfig>;

/** Twilio's own codes for "busy, try later": too many requests, internal error, unavailable. */
const TEMPORARY_CODES = new Set([20429, 20500, 20503]);

export const smsAdapter: ChannelAdapter<SmsConfig> = {
  kind: 'sms',
  configSchema: smsConfig,
  secretFields: ['authToken'],
  describe: (config) => `SMS to ${config.to.slice(0, 3)} … ${config.to.slice(-2)}`,
  async send(config: SmsConfig, message: ChannelMessage, context: SendContext) {
    // Loaded on first use: the SDK takes ~0.4 s to import, which every start would pay otherwise.
    const { default: twilio } = await import('twilio');
    const httpClient = new OutboundTwilioClient(context.settings.twilioApiUrl, context) as unknown as RequestClient;
    const client = twilio(config.accountSid, config.authToken, { httpClient, autoRetry: false });
    const sender = config.from.startsWith('MG') ? { messagingServiceSid: config.from } : { from: config.from };
    try {
      const sent = await client.messages.create({ to: config.to, body: smsText(message), ...sender });
      return { providerMessageId: sent.sid ?? null };
    } catch (err) {
      throw twilioFailure(err, config.authToken, twilio.RestException);
    }
  },
};

/**
 * Twilio answers with a status and its own error code: 21211 invalid "To", 21614 not a mobile
 * number, 21610 recipient replied STOP, 21408 region not enabled, 20003 bad credentials are all
 * final; rate limits and Twilio's own trouble are worth retrying.
 */
function twilioFailure(err: unknown, authToken: string, RestException: typeof TwilioSdk.RestException): ChannelError {
  if (!(err instanceof RestException)) return unreachable('Twilio', err, [authToken]);
  const status = err.status;
  const code = typeof err.code === 'number' ? err.code : undefined;
  const said = `${scrub(err.message, [authToken])} (HTTP ${status}${code !== undefined ? `, Twilio code ${code}` : ''})`;
  if (isRetryableStatus(status) || (code !== undefined && TEMPORARY_CODES.has(code))) {
    return new ChannelError(`Twilio failed for now: ${said}`, { permanent: false, cause: err });
  }
  if (status === 401 || code === 20003) {
    return new ChannelError(`Twilio refused the Account SID or auth token: ${said}`, { permanent: true, cause: err });
  }
  return new ChannelError(`Twilio refused the message: ${said}`, { permanent: true, cause: err });
}
