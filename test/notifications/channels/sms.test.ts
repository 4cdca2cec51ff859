import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { smsAdapter } from '../../../src/notifications/channels/sms/adapter.ts';
import { startReceiver, type ReceivedRequest, type Receiver, type ReceiverReply } from '../../support/peers/receiver.ts';
import { channelError, sampleMessage, sendContext, testOutbound } from './context.ts';

/**
 * The real Twilio SDK against a fake Twilio REST API on loopback: it checks the account in the
 * path and the Basic credentials like Twilio does, and answers in Twilio's own JSON shapes.
 */
const accountSid = `AC${'0123456789abcdef'.repeat(2)}`;
const authToken = 'twilio-auth-token-0123456789';
const INVALID_NUMBER = '+15005550001'; // Twilio's magic test number for "invalid"
const outbound = testOutbound(1_000);
let twilioApi: Receiver;

function fakeTwilio(request: ReceivedRequest): ReceiverReply {
  const match = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/.exec(request.path);
  if (request.method !== 'POST' || !match) return { status: 404, body: { code: 20404, message: 'The requested resource was not found', status: 404 } };
  const expected = `Basic ${Buffer.from(`${match[1]}:${authToken}`).toString('base64')}`;
  if (request.headers.authorization !== expected) return { status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } };
  const form = new URLSearchParams(request.text);
  if (form.get('To') === INVALID_NUMBER) {
    return { status: 400, body: { code: 21211, message: `The 'To' number ${INVALID_NUMBER} is not a valid phone number.`, more_info: 'https://www.twilio.com/docs/errors/21211', status: 400 } };
  }
  return {
    status: 201,
    body: { sid: 'SM0123456789abcdef0123456789abcdef', account_sid: match[1], to: form.get('To'), from: form.get('From'), body: form.get('Body'), status: 'queued', num_segments: '1' },
  };
}

beforeAll(async () => {
  twilioApi = await startReceiver();
});
afterAll(async () => {
  await twilioApi.close();
  await outbound.close();
});
beforeEach(() => {
  twilioApi.reset();
  twilioApi.respond(fakeTwilio);
});

const context = () => sendContext(outbound, { twilioApiUrl: twilioApi.url });
const config = (overrides: Record<string, string> = {}) => smsAdapter.configSchema.parse({ accountSid, authToken, from: '+46 70 000 00 00', to: '+46701234567', ...overrides });

describe('SMS channel (Twilio)', () => {
  it('sends through the SDK to the configured API URL, with Basic auth, and returns the message SID', async () => {
    const receipt = await smsAdapter.send(config(), sampleMessage({ text: 'stopped answering\u00a0at 03:12 \u2014 \u201cconnection refused\u201d' }), context());
    expect(receipt.providerMessageId).toBe('SM0123456789abcdef0123456789abcdef');
    const [request] = twilioApi.requests;
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request!.headers['user-agent']).toMatch(/^twilio-node\//);
    const form = new URLSearchParams(request!.text);
    expect(form.get('To')).toBe('+46701234567');
    expect(form.get('From')).toBe('+46700000000');
    // Typographic characters replaced so the message stays in the cheaper GSM-7 alphabet.
    expect(form.get('Body')).toBe('shop.example.com is down\nstopped answering at 03:12 - "connection refused"\nhttps://upkeep.example/ack/abc123');
  });

  it('sends through a Messaging Service when one is given instead of a number', async () => {
    await smsAdapter.send(config({ from: `MG${'a'.repeat(32)}` }), sampleMessage(), context());
    const form = new URLSearchParams(twilioApi.requests[0]!.text);
    expect(form.get('MessagingServiceSid')).toBe(`MG${'a'.repeat(32)}`);
    expect(form.has('From')).toBe(false);
  });

  it('keeps a long message within two segments, ending with the acknowledge link', async () => {
    await smsAdapter.send(config(), sampleMessage({ text: 'x'.repeat(2_000) }), context());
    const body = new URLSearchParams(twilioApi.requests[0]!.text).get('Body')!;
    expect(body.length).toBeLessThanOrEqual(306);
    expect(body.endsWith('...\nhttps://upkeep.example/ack/abc123')).toBe(true);
  });

  it('treats an invalid number (21211) as permanent', async () => {
    const error = await channelError(smsAdapter.send(config({ to: INVALID_NUMBER }), sampleMessage(), context()));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('21211');
    expect(error.message).toContain('is not a valid phone number');
  });

  it('treats rejected credentials (20003) as permanent without showing the token', async () => {
    const error = await channelError(smsAdapter.send(config({ authToken: 'wrong-token-0123456789' }), sampleMessage(), context()));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('20003');
    expect(error.message).not.toContain('wrong-token');
  });

  it('treats Twilio rate limiting and outages as temporary', async () => {
    twilioApi.respond(() => ({ status: 429, body: { code: 20429, message: 'Too Many Requests', status: 429 } }));
    expect((await channelError(smsAdapter.send(config(), sampleMessage(), context()))).permanent).toBe(false);
    twilioApi.respond(() => ({ status: 503, body: 'upstream unavailable' }));
    expect((await channelError(smsAdapter.send(config(), sampleMessage(), context()))).permanent).toBe(false);
    twilioApi.respond(() => 'hang');
    const hung = await channelError(smsAdapter.send(config(), sampleMessage(), context()));
    expect(hung.permanent).toBe(false);
    expect(hung.message).toContain('no response within');
  });
});
