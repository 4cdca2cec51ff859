import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runProbe } from '../../../src/monitoring/probes/index.ts';
import type { ProbeContext } from '../../../src/monitoring/probes/probe.ts';
import type { Outbound } from '../../../src/platform/outbound/client.ts';
import {
  createCertificateAuthority,
  daysFromNow,
  issueCertificate,
  selfSignedCertificate,
  type CertificateOptions,
} from '../../support/peers/certificates.ts';
import { startHttpPeer, type HttpPeer } from '../../support/peers/http-server.ts';
import { configOf, probeContext, testOutbound } from './context.ts';

/** The tls probe reading real certificates (made for this run) from HTTPS servers on loopback. */
const ca = createCertificateAuthority('Upkeep Test CA');
const peers: HttpPeer[] = [];
let silent: net.Server;
let outbound: Outbound;
let context: ProbeContext;

async function serverWith(options: CertificateOptions, selfSigned = false): Promise<HttpPeer> {
  const peer = await startHttpPeer({ tls: selfSigned ? selfSignedCertificate(options) : issueCertificate(ca, options) });
  peers.push(peer);
  return peer;
}

const check = (peer: { port: number }, input: Record<string, unknown> = {}, overrides: Partial<ProbeContext> = {}) =>
  runProbe('tls', configOf('tls', { host: '127.0.0.1', port: peer.port, serverName: 'shop.example', ...input }), { ...context, ...overrides });

beforeAll(async () => {
  outbound = testOutbound();
  context = probeContext(outbound, { ca: [ca.cert] });
  silent = net.createServer(() => {}); // accepts and never says a word
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});

afterAll(async () => {
  await Promise.all(peers.map((peer) => peer.close()));
  silent.close();
  await outbound.close();
});

describe('a good certificate', () => {
  it('is up, with the facts of the certificate', async () => {
    const peer = await serverWith({ altNames: ['shop.example', 'www.shop.example'], notAfter: daysFromNow(60.5) });
    const result = await check(peer);
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/^certificate valid for 60 days \(until \d{4}-\d\d-\d\d\)$/) });
    expect(result.warning).toBeUndefined();
    expect(result.certificate).toMatchObject({
      subject: expect.stringContaining('CN=shop.example'),
      issuer: expect.stringContaining('CN=Upkeep Test CA'),
      altNames: ['shop.example', 'www.shop.example'],
      daysLeft: 60,
      hostnameMatches: true,
      chainValid: true,
      chainError: null,
      selfSigned: false,
    });
    expect(result.details).toMatchObject({
      chain: [
        expect.objectContaining({ subject: expect.stringContaining('CN=shop.example') }),
        expect.objectContaining({ subject: expect.stringContaining('CN=Upkeep Test CA') }),
      ],
    });
  });

  it('counts days from the context clock', async () => {
    const peer = await serverWith({ altNames: ['shop.example'], notAfter: daysFromNow(60.5) });
    const result = await check(peer, {}, { now: () => daysFromNow(50) });
    expect(result).toMatchObject({ ok: true, warning: true, certificate: { daysLeft: 10 } });
  });

  it('matches an IP address when no server name is set', async () => {
    const peer = await serverWith({ altNames: ['127.0.0.1'] });
    expect(await check(peer, { serverName: null })).toMatchObject({ ok: true, certificate: { hostnameMatches: true } });
  });
});

describe('thresholds', () => {
  it('warns within warnDays and stays up', async () => {
    const peer = await serverWith({ altNames: ['shop.example'], notAfter: daysFromNow(10.5) });
    const result = await check(peer, { warnDays: 21, downDays: 3 });
    expect(result).toMatchObject({ ok: true, warning: true, message: expect.stringMatching(/^certificate expires in 10 days/) });
  });

  it('is down within downDays', async () => {
    const peer = await serverWith({ altNames: ['shop.example'], notAfter: daysFromNow(2.5) });
    const result = await check(peer, { warnDays: 21, downDays: 3 });
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^certificate expires in 2 days/) });
  });
});

describe('bad certificates are read, not refused', () => {
  it('is down on an expired certificate, saying when it expired', async () => {
    const peer = await serverWith({ altNames: ['shop.example'], notBefore: daysFromNow(-100), notAfter: daysFromNow(-3.5) });
    const result = await check(peer);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/^certificate expired 3 days ago \(\d{4}-\d\d-\d\d\)$/) });
    expect(result.certificate).toMatchObject({ daysLeft: -4, chainValid: false, chainError: expect.stringContaining('CERT_HAS_EXPIRED') });
  });

  it('is down on a certificate that is not valid yet', async () => {
    const peer = await serverWith({ altNames: ['shop.example'], notBefore: daysFromNow(2), notAfter: daysFromNow(90) });
    expect(await check(peer)).toMatchObject({ ok: false, message: expect.stringContaining('certificate not valid before') });
  });

  it('is down on a certificate for another host', async () => {
    const peer = await serverWith({ altNames: ['other.example', 'www.other.example'] });
    const result = await check(peer);
    expect(result).toMatchObject({
      ok: false,
      message: 'certificate is not for shop.example (it covers other.example, www.other.example)',
      certificate: { hostnameMatches: false, chainValid: true },
    });
  });

  it('is down on a self-signed certificate, and says so', async () => {
    const peer = await serverWith({ altNames: ['shop.example'] }, true);
    const result = await check(peer);
    expect(result).toMatchObject({
      ok: false,
      message: 'certificate not trusted: self-signed certificate',
      certificate: { selfSigned: true, chainValid: false, hostnameMatches: true, chainError: expect.stringContaining('DEPTH_ZERO_SELF_SIGNED_CERT') },
    });
  });

  it('is down when the issuer is not trusted', async () => {
    const peer = await serverWith({ altNames: ['shop.example'] });
    const result = await check(peer, {}, { ca: undefined });
    expect(result).toMatchObject({ ok: false, certificate: { chainValid: false, selfSigned: false, chainError: expect.stringContaining('unknown authority') } });
  });

  it('names every problem at once', async () => {
    const peer = await serverWith({ altNames: ['other.example'], notBefore: daysFromNow(-100), notAfter: daysFromNow(-1.5) }, true);
    const result = await check(peer);
    expect(result.message).toMatch(/^certificate expired 1 day ago .*; certificate is not for shop.example .*; certificate not trusted: self-signed/);
  });
});

describe('connection failures', () => {
  it('times out on a server that never starts the handshake', async () => {
    const port = (silent.address() as AddressInfo).port;
    const result = await check({ port }, {}, { timeoutMs: 200 });
    expect(result).toMatchObject({ ok: false, message: `no TLS handshake with 127.0.0.1:${port} within 200 ms` });
  });

  it('says the port is closed', async () => {
    const closed = await startHttpPeer();
    await closed.close();
    expect(await check(closed)).toMatchObject({ ok: false, message: `127.0.0.1:${closed.port}: connection refused (ECONNREFUSED)` });
  });

  it('fails clearly on a server that does not speak TLS', async () => {
    const plain = await startHttpPeer();
    peers.push(plain);
    const result = await check(plain);
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/^127\.0\.0\.1:\d+: TLS failed/);
  });

  it('blocks private targets when configured', async () => {
    const peer = await serverWith({ altNames: ['shop.example'] });
    expect(await check(peer, {}, { blockPrivateTargets: true })).toMatchObject({ ok: false, message: expect.stringContaining('private address') });
  });
});
