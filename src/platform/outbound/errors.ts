/**
 * The one error every outbound request rejects with. Like a healthchecks `TransportError`, it
 * says whether trying again later can help, so a channel, gateway or probe decides between
 * retrying and giving up without parsing messages.
 *
 * Messages name the method and the origin only, never the path, query, user info or headers:
 * webhook URLs (Slack, Telegram, Discord) carry their secret in the path.
 */
export type OutboundErrorKind =
  | 'timeout'
  | 'connect'
  | 'blocked'
  | 'too-large'
  | 'redirects'
  | 'tls'
  | 'protocol'
  | 'invalid-url'
  | 'aborted';

export class OutboundError extends Error {
  readonly kind: OutboundErrorKind;
  readonly retryable: boolean;
  /** The underlying error code when there is one (`ECONNREFUSED`, `DEPTH_ZERO_SELF_SIGNED_CERT`, …). */
  readonly code: string | undefined;

  constructor(kind: OutboundErrorKind, message: string, options: { retryable: boolean; code?: string; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.name = 'OutboundError';
    this.kind = kind;
    this.retryable = options.retryable;
    this.code = options.code;
  }
}

/** Statuses worth another try later: the server was busy, rate limiting, or failing for now. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

const CONNECT_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ECONNABORTED: 'connection aborted',
  EPIPE: 'connection closed while sending',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EHOSTDOWN: 'host down',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name lookup failed for now',
  UND_ERR_SOCKET: 'connection closed by the server',
  UND_ERR_CLOSED: 'connection closed',
};

const TIMEOUT_CODES: Record<string, string> = {
  ETIMEDOUT: 'connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
};

/** OpenSSL verification codes and Node's TLS error codes. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|ERR_OSSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|HOSTNAME_MISMATCH|INVALID_CA|INVALID_PURPOSE)/;

export interface ErrorDescription {
  kind: OutboundErrorKind;
  retryable: boolean;
  detail: string;
  code?: string;
}

/** Sorts an error from undici, the socket or the resolver into a kind, without echoing request data. */
export function describeError(err: unknown): ErrorDescription {
  if (err instanceof OutboundError) {
    return { kind: err.kind, retryable: err.retryable, detail: err.message, ...(err.code ? { code: err.code } : {}) };
  }
  const { code = '', message = String(err), reason } = (err ?? {}) as { code?: string; message?: string; reason?: unknown };
  if (TIMEOUT_CODES[code]) return { kind: 'timeout', retryable: true, detail: TIMEOUT_CODES[code], code };
  if (CONNECT_CODES[code]) return { kind: 'connect', retryable: true, detail: `${CONNECT_CODES[code]} (${code})`, code };
  if (TLS_CODE.test(code)) {
    // OpenSSL's own messages carry a library stack; its `reason` is the readable part.
    const readable = typeof reason === 'string' ? reason : (message.split('\n')[0] ?? message);
    return { kind: 'tls', retryable: false, detail: `TLS failed: ${readable} (${code})`, code };
  }
  if ((err as { syscall?: string } | null)?.syscall) {
    return { kind: 'connect', retryable: true, detail: code ? `network error (${code})` : 'network error', code };
  }
  // Parser and argument errors (HPE_*, UND_ERR_INVALID_ARG, …): the exchange itself was wrong.
  return { kind: 'protocol', retryable: false, detail: code ? `${message} (${code})` : message, ...(code ? { code } : {}) };
}
