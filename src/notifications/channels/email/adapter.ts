import { createHash } from 'node:crypto';
import { z } from 'zod';
import { ChannelError, type ChannelAdapter, type ChannelMessage, type SendContext } from '../channel.ts';
import { emailAddress } from '../fields.ts';
import { mailTransport } from './transports.ts';

/** Email through the mail server of the installation (UPKEEP_SMTP_URL), HTML with a plain-text alternative. */
export const emailConfig = z.strictObject({ address: emailAddress });
export type EmailConfig = z.infer<typeof emailConfig>;

export const emailAdapter: ChannelAdapter<EmailConfig> = {
  kind: 'email',
  configSchema: emailConfig,
  secretFields: [],
  describe: (config) => config.address,
  async send(config: EmailConfig, message: ChannelMessage, context: SendContext) {
    const { smtpUrl, mailFrom } = context.settings;
    if (!smtpUrl) {
      throw new ChannelError('Email cannot be sent: no mail server is configured (set UPKEEP_SMTP_URL).', { permanent: true });
    }
    try {
      const info = await mailTransport(smtpUrl).sendMail({
        from: mailFrom,
        to: config.address,
        subject: message.subject,
        text: message.text,
        ...(message.html !== null ? { html: message.html } : {}),
        messageId: messageIdFor(message.idempotencyKey, mailFrom),
        priority: message.severity === 'critical' ? 'high' : 'normal',
        headers: {
          // RFC 3834: keeps out-of-office replies from answering alerts.
          'Auto-Submitted': 'auto-generated',
          'X-Upkeep-Event': message.eventType,
          'X-Upkeep-Severity': message.severity,
        },
      });
      return { providerMessageId: info.messageId ?? null };
    } catch (err) {
      throw mailFailure(err, config.address);
    }
  },
};

/**
 * The same Message-ID for every attempt at one delivery, so a mail system that already has the
 * message (a retry after a lost answer to DATA) can tell it is a repeat.
 */
export function messageIdFor(idempotencyKey: string, mailFrom: string): string {
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'upkeep.invalid';
  return `<${hash}@${domain}>`;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * A 5xx reply (550 no such mailbox, 553 bad address, 535 bad credentials) is final; a 4xx reply
 * (mailbox busy, greylisting) and a server that cannot be reached are worth retrying. The error
 * never includes the SMTP URL, which may carry the mail server's password.
 */
export function mailFailure(err: unknown, address: string): ChannelError {
  const { code, responseCode, response, message } = (err ?? {}) as SmtpError;
  const said = (response ?? message ?? String(err)).replace(/\s+/g, ' ').trim().slice(0, 300);
  if (responseCode !== undefined && responseCode >= 500) {
    return new ChannelError(`The mail server refused the message to ${address}: ${said}`, { permanent: true, cause: err });
  }
  if (responseCode !== undefined && responseCode >= 400) {
    return new ChannelError(`The mail server deferred the message to ${address}: ${said}`, { permanent: false, cause: err });
  }
  if (code === 'EENVELOPE' || code === 'EMESSAGE') {
    return new ChannelError(`The message to ${address} could not be sent: ${said}`, { permanent: true, cause: err });
  }
  return new ChannelError(`The mail server could not be reached (${code ?? 'error'}): ${said}`, { permanent: false, cause: err });
}
