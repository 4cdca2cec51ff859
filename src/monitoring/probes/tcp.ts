import net from 'node:net';
import { performance } from 'node:perf_hooks';
import type { TcpConfig } from './configs.ts';
import type { Probe, ProbeContext, ProbeResult } from './probe.ts';
import { checkDeadline, elapsedSince, failure, targetLookup, unbracket } from './targets.ts';

/**
 * Is the port open: a TCP connection is opened and closed again at once. Up when the handshake
 * completes; the time to it is the response time.
 */
export const tcpProbe: Probe<'tcp'> = {
  kind: 'tcp',
  async check(config, context) {
    if (!Number.isInteger(config.port) || config.port < 1 || config.port > 65535) {
      return { ok: false, message: `port ${config.port} is out of range (1–65535)`, responseMs: null };
    }
    return checkTcp(config, context);
  },
};

async function checkTcp(config: TcpConfig, context: ProbeContext): Promise<ProbeResult> {
  const host = unbracket(config.host);
  const deadline = checkDeadline(context);
  const start = performance.now();
  let socket: net.Socket | undefined;
  try {
    const lookup = targetLookup(host, context);
    socket = net.connect({ host, port: config.port, ...(lookup ? { lookup } : {}), signal: deadline.signal });
    const connected = socket;
    await new Promise<void>((resolve, reject) => {
      connected.once('connect', resolve);
      connected.once('error', reject);
    });
    const responseMs = elapsedSince(start);
    return {
      ok: true,
      message: `port ${config.port} open (connected in ${Math.round(responseMs)} ms)`,
      responseMs,
      details: { address: connected.remoteAddress, port: config.port },
    };
  } catch (err) {
    const result = failure(err, deadline, context.timeoutMs, null);
    if (deadline.timedOut) result.message = `no connection to ${host}:${config.port} within ${context.timeoutMs} ms`;
    else if (!result.inconclusive) result.message = `${host}:${config.port}: ${result.message}`;
    return result;
  } finally {
    socket?.destroy();
    deadline.dispose();
  }
}
