import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps what it receives, parsed by mailparser. It can be
 * stopped and started again on the same port (a mail server outage) and told to refuse some
 * recipients with a 5xx (no such mailbox) or 4xx (try later) reply.
 */
export interface ReceivedMail {
  envelope: { from: string | null; to: string[] };
  parsed: ParsedMail;
  raw: Buffer;
}

export interface SmtpPeer {
  readonly port: number;
  /** `smtp://127.0.0.1:<port>`, for UPKEEP_SMTP_URL / SendContext.settings.smtpUrl. */
  readonly url: string;
  readonly messages: ReceivedMail[];
  /** Refuse RCPT TO for matching addresses with this reply code (550 by default). */
  rejectRecipients(match: string | RegExp, code?: number, text?: string): void;
  /** Accept every recipient again and forget received messages. */
  reset(): void;
  /** Resolves once `count` messages have arrived (rejects after `timeoutMs`). */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Stops listening and drops open connections: clients now get "connection refused". */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
  close(): Promise<void>;
}

interface Rejection {
  match: string | RegExp;
  code: number;
  text: string;
}

export async function startSmtpPeer(): Promise<SmtpPeer> {
  const messages: ReceivedMail[] = [];
  const rejections: Rejection[] = [];
  const waiters = new Set<() => void>();
  let server: SMTPServer | null = null;
  let port = 0;

  const rejectionFor = (address: string): Rejection | undefined =>
    rejections.find((r) => (typeof r.match === 'string' ? r.match.toLowerCase() === address.toLowerCase() : r.match.test(address)));

  const create = (): SMTPServer =>
    new SMTPServer({
      // No STARTTLS (its built-in certificate is self-signed) and no AUTH: a plain relay on loopback.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onRcptTo(address, _session, callback) {
        const rejection = rejectionFor(address.address);
        if (!rejection) return callback();
        callback(Object.assign(new Error(rejection.text), { responseCode: rejection.code }));
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw)
            .then((parsed) => {
              const from = session.envelope.mailFrom;
              messages.push({
                envelope: { from: from ? from.address : null, to: session.envelope.rcptTo.map((r) => r.address) },
                parsed,
                raw,
              });
              for (const wake of waiters) wake();
              callback();
            })
            .catch((err: Error) => callback(err));
        });
      },
    });

  const listen = async (): Promise<void> => {
    server = create();
    const current = server;
    await new Promise<void>((resolve, reject) => {
      current.once('error', reject);
      current.listen(port, '127.0.0.1', () => {
        current.off('error', reject);
        resolve();
      });
    });
    // smtp-server keeps its net.Server as `server`.
    port = ((current as unknown as { server: { address(): AddressInfo } }).server.address()).port;
  };

  const stop = async (): Promise<void> => {
    const current = server;
    server = null;
    if (!current) return;
    const open = (current as unknown as { connections: Set<{ close(): void }> }).connections;
    await new Promise<void>((resolve) => {
      current.close(() => resolve());
      for (const connection of open) connection.close();
    });
  };

  await listen();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    messages,
    rejectRecipients(match, code = 550, text = code >= 500 ? '5.1.1 No such mailbox here' : '4.2.1 Mailbox busy, try later') {
      rejections.push({ match, code, text });
    },
    reset() {
      rejections.length = 0;
      messages.length = 0;
    },
    waitForMessages(count, timeoutMs = 5_000) {
      if (messages.length >= count) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(wake);
          reject(new Error(`expected ${count} messages, got ${messages.length} within ${timeoutMs} ms`));
        }, timeoutMs);
        const wake = (): void => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(messages.slice());
        };
        waiters.add(wake);
      });
    },
    stop,
    start: listen,
    close: stop,
  };
}
