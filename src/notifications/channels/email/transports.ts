import nodemailer, { type Transporter } from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool/index.js';

/**
 * One pooled SMTP transport per mail server URL, kept for the life of the process: a burst of
 * alerts reuses a few open connections instead of a handshake (and TLS, and AUTH) per message.
 * Timeouts are short so a dead mail server fails a delivery (to be retried) instead of holding a
 * worker for minutes; options in the URL's query (`?maxConnections=2`) override these.
 */
const transports = new Map<string, Transporter<SMTPPool.SentMessageInfo>>();

const POOL_DEFAULTS = {
  maxConnections: 3,
  maxMessages: 100,
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 30_000,
} as const;

export function mailTransport(smtpUrl: string): Transporter<SMTPPool.SentMessageInfo> {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(new SMTPPool({ ...POOL_DEFAULTS, pool: true, url: smtpUrl }));
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/** Closes every pooled connection: on shutdown, and between tests. */
export function closeMailTransports(): void {
  for (const transport of transports.values()) transport.close();
  transports.clear();
}
