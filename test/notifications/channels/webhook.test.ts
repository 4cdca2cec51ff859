import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { webhookAdapter } from '../../../src/notifications/channels/webhook/adapter.ts';
import { signWebhook, verifyWebhookSignature } from '../../../src/notifications/channels/webhook/signature.ts';
import { startReceiver, type Receiver } from '../../support/peers/receiver.ts';
import { channelError, sampleMessage, sendContext, testOutbound } from './context.ts';

const secret = 'whsec_0123456789abcdef';
const outbound = testOutbound(500);
let receiver: Receiver;
let clock: Date;

beforeAll(async () => {
  receiver = await startReceiver({ webhookSecret: secret, now: () => clock });
});
afterAll(async () => {
  await receiver.close();
  await outbound.close();
});
beforeEach(() => {
  receiver.reset();
  clock = new Date('2025-03-01T03:12:00Z');
});

const config = () => ({ url: `${receiver.url}/hooks/upkeep?token=abc123`, secret });
const send = (message = sampleMessage()) => webhookAdapter.send(config(), message, sendContext(outbound, {}, () => clock));

describe('webhook channel', () => {
  it('posts the documented JSON, signed, with the idempotency key', async () => {
    const receipt = await send();
    expect(receipt).toEqual({ providerMessageId: null });
    const [received] = receiver.requests;
    expect(received!.method).toBe('POST');
    expect(received!.path).toBe('/hooks/upkeep?token=abc123');
    expect(received!.headers['content-type']).toBe('application/json');
    expect(received!.headers['upkeep-idempotency-key']).toBe('dlv_01JTESTDELIVERY0000000001');
    expect(received!.signatureValid).toBe(true);
    expect(received!.headers['upkeep-signature']).toMatch(new RegExp(`^t=${clock.getTime() / 1000},v1=[0-9a-f]{64}$`));
    expect(received!.json).toEqual({
      id: 'dlv_01JTESTDELIVERY0000000001',
      type: 'incident.opened',
      severity: 'critical',
      subject: 'shop.example.com is down',
      text: 'shop.example.com stopped answering at 03:12 UTC: connection refused.',
      data: { incidentId: 'inc_1', monitorName: 'Shop', target: 'https://shop.example.com' },
      links: { acknowledge: 'https://upkeep.example/ack/abc123', open: 'https://upkeep.example/incidents/inc_1' },
      sentAt: '2025-03-01T03:12:00.000Z',
    });
  });

  it('lets the receiver reject a tampered body, a wrong secret and a stale signature', async () => {
    await send();
    const { rawBody, headers } = receiver.requests[0]!;
    const header = headers['upkeep-signature'] as string;
    const tampered = Buffer.from(rawBody.toString().replace('critical', 'info'));
    expect(verifyWebhookSignature(secret, header, rawBody, clock)).toBe(true);
    expect(verifyWebhookSignature(secret, header, tampered, clock)).toBe(false);
    expect(verifyWebhookSignature('another-secret-entirely', header, rawBody, clock)).toBe(false);
    expect(verifyWebhookSignature(secret, header, rawBody, new Date(clock.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature(secret, header, rawBody, new Date(clock.getTime() + 299_000))).toBe(true);

    // Replayed to the receiver with the body altered: refused like a forgery.
    const replay = await request(`${receiver.url}/hooks/upkeep`, { method: 'POST', headers: { 'upkeep-signature': header, 'content-type': 'application/json' }, body: tampered });
    await replay.body.dump();
    expect(replay.statusCode).toBe(401);
    expect(receiver.requests[1]!.signatureValid).toBe(false);
  });

  it('accepts any of several v1 signatures, so a secret can be rotated', () => {
    const body = '{"id":"x"}';
    const old = signWebhook('old-secret-0123456789', body, clock);
    const fresh = signWebhook(secret, body, clock).split(',')[1];
    expect(verifyWebhookSignature(secret, `${old},${fresh}`, body, clock)).toBe(true);
    expect(verifyWebhookSignature(secret, old, body, clock)).toBe(false);
    expect(verifyWebhookSignature(secret, 'v1=deadbeef', body, clock)).toBe(false);
    expect(verifyWebhookSignature(secret, undefined, body, clock)).toBe(false);
  });

  it.each([410, 404, 401, 403] as const)('treats HTTP %i as permanent: the endpoint is gone or revoked', async (status) => {
    receiver.gone(status);
    const error = await channelError(send());
    expect(error.name).toBe('ChannelError');
    expect(error.permanent).toBe(true);
    expect(error.message).toContain(`HTTP ${status}`);
  });

  it('treats a 500 as temporary', async () => {
    receiver.fail(500);
    const error = await channelError(send());
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('HTTP 500');
  });

  it('treats a receiver that never answers as temporary, within the deadline', async () => {
    receiver.hang();
    const started = Date.now();
    const error = await channelError(send());
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/no response within 500 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it('treats a 429 as temporary and passes on Retry-After, in seconds or as a date', async () => {
    receiver.rateLimit(120);
    const seconds = await channelError(send());
    expect(seconds).toMatchObject({ permanent: false, retryAfterMs: 120_000 });

    receiver.rateLimit(new Date(clock.getTime() + 30_000).toUTCString());
    const date = await channelError(send());
    expect(date).toMatchObject({ permanent: false, retryAfterMs: 30_000 });
  });

  it('refuses to follow a redirect, which would drop the signed body', async () => {
    receiver.reply(302, '', { location: '/elsewhere' });
    const error = await channelError(send());
    expect(error.permanent).toBe(true);
    expect(receiver.requests).toHaveLength(1);
  });

  it('never puts the URL path or the secret in an error message', async () => {
    receiver.reply(400, `bad request for /hooks/upkeep?token=abc123 signed with ${secret}`);
    const error = await channelError(send());
    expect(error.permanent).toBe(true);
    expect(error.message).not.toContain('abc123');
    expect(error.message).not.toContain(secret);
  });

  it('is temporary when nothing listens at the address', async () => {
    const error = await channelError(webhookAdapter.send({ url: 'http://127.0.0.1:9/hook', secret }, sampleMessage(), sendContext(outbound)));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('connection refused');
  });
});
