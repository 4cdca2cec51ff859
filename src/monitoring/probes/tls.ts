import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import type { TlsConfig } from './configs.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { certificateFacts, chainSummary, judgeCertificate } from './tls-certificate.ts';
import { checkDeadline, elapsedSince, failure, targetLookup, unbracket } from './targets.ts';

/**
 * Connects to host:port with SNI, reads the certificate chain the server sends and judges it:
 * days until expiry against the thresholds, the name, and the chain's trust. Verification is off
 * for the handshake itself so that a certificate which would fail it can still be read and
 * described; the verdict is made afterwards from what the handshake reported.
 */
export const tlsProbe: Probe<'tls'> = {
  kind: 'tls',
  async check(config, context) {
    if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) {
      return { ok: false, message: `port ${config.port} is out of range (1–65535)`, responseMs: null };
    }
    return checkTls(config, context);
  },
};

async function checkTls(config: TlsConfig, context: ProbeContext): Promise<ProbeResult> {
  const host = unbracket(config.host);
  const serverName = unbracket(config.serverName ?? config.host);
  const deadline = checkDeadline(context);
  const start = performance.now();
  let socket: tls.TLSSocket | undefined;
  try {
    const lookup = targetLookup(host, context);
    socket = tls.connect({
      host,
      port: config.port,
      // SNI carries names only; for an address the server picks its default certificate.
      ...(isIP(serverName) ? {} : { servername: serverName }),
      rejectUnauthorized: false,
      // The name is matched afterwards, on its own: left to the handshake it would count as a
      // chain error too (`authorized: false`), and the two are different problems.
      checkServerIdentity: () => undefined,
      ...(context.ca ? { ca: [...context.ca] } : {}),
      ...(lookup ? { lookup } : {}),
      signal: deadline.signal,
    } as tls.ConnectionOptions);
    const connected = socket;
    await new Promise<void>((resolve, reject) => {
      connected.once('secureConnect', resolve);
      connected.once('error', reject);
    });
    const responseMs = elapsedSince(start);
    const certificate = connected.getPeerCertificate(true);
    if (!certificate || Object.keys(certificate).length === 0) {
      return { ok: false, message: `${host}:${config.port} sent no certificate`, responseMs };
    }
    const now = context.now();
    const authorizationError = connected.authorizationError ? String(connected.authorizationError) : null;
    const facts = certificateFacts({ certificate, authorized: connected.authorized, authorizationError }, serverName, now);
    const verdict = judgeCertificate(facts, serverName, now, config.warnDays, config.downDays);
    return {
      ok: verdict.ok,
      message: verdict.message,
      responseMs,
      certificate: facts,
      ...(verdict.warning ? { warning: true } : {}),
      details: { address: connected.remoteAddress, protocol: connected.getProtocol(), chain: chainSummary(certificate) },
    };
  } catch (err) {
    const result = failure(err, deadline, context.timeoutMs, null);
    if (deadline.timedOut) result.message = `no TLS handshake with ${host}:${config.port} within ${context.timeoutMs} ms`;
    else if (!result.inconclusive) result.message = `${host}:${config.port}: ${result.message}`;
    return result;
  } finally {
    socket?.destroy();
    deadline.dispose();
  }
}
