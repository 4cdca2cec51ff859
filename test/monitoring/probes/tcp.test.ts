import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../../src/monitoring/probes/index.ts';
import type { ProbeContext } from '../../../src/monitoring/probes/probe.ts';
import type { Outbound } from '../../../src/platform/outbound/client.ts';
import { startSilentPort } from '../../support/peers/silent-port.ts';
import { configOf, probeContext, testOutbound } from './context.ts';

/** The tcp probe against a real listening socket and a port just closed. */
let open: net.Server;
let openPort: number;
let closedPort: number;
let outbound: Outbound;
let context: ProbeContext;

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  open = net.createServer((socket) => socket.end());
  openPort = await listen(open);
  const closing = net.createServer();
  closedPort = await listen(closing);
  await new Promise((resolve) => closing.close(resolve));
  outbound = testOutbound();
  context = probeContext(outbound);
});

afterAll(async () => {
  await new Promise((resolve) => open.close(resolve));
  await outbound.close();
});

describe('tcp probe', () => {
  it('is up when the port accepts a connection, with the connect time', async () => {
    const result = await runProbe('tcp', configOf('tcp', { host: '127.0.0.1', port: openPort }), context);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining(`port ${openPort} open`), details: { address: '127.0.0.1' } });
    expect(result.responseMs).toBeGreaterThanOrEqual(0);
  });

  it('is down with "connection refused" on a closed port', async () => {
    const result = await runProbe('tcp', configOf('tcp', { host: '127.0.0.1', port: closedPort }), context);
    expect(result).toMatchObject({ ok: false, message: `127.0.0.1:${closedPort}: connection refused (ECONNREFUSED)`, responseMs: null });
  });

  it('says when the host name resolves nowhere', async () => {
    const result = await runProbe('tcp', configOf('tcp', { host: 'nothing-here.invalid', port: 80 }), context);
    expect(result).toMatchObject({ ok: false, message: 'nothing-here.invalid:80: host name not found (ENOTFOUND)' });
  });

  it('times out on a port that never completes the handshake', async () => {
    const silent = await startSilentPort();
    try {
      const started = Date.now();
      const result = await runProbe('tcp', configOf('tcp', { host: '127.0.0.1', port: silent.port }), { ...context, timeoutMs: 200 });
      expect(result).toMatchObject({ ok: false, message: `no connection to 127.0.0.1:${silent.port} within 200 ms` });
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await silent.close();
    }
  });

  it('refuses a port out of range', async () => {
    const result = await runProbe('tcp', { host: '127.0.0.1', port: 70_000 }, context);
    expect(result).toMatchObject({ ok: false, message: 'port 70000 is out of range (1–65535)' });
  });

  it('blocks private targets when configured', async () => {
    const result = await runProbe('tcp', configOf('tcp', { host: '127.0.0.1', port: openPort }), { ...context, blockPrivateTargets: true });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining('private address') });
    const byName = await runProbe('tcp', configOf('tcp', { host: 'localhost', port: openPort }), { ...context, blockPrivateTargets: true });
    expect(byName).toMatchObject({ ok: false, message: expect.stringContaining('localhost resolves to') });
  });
});
