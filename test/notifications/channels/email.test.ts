import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailAdapter, messageIdFor } from '../../../src/notifications/channels/email/adapter.ts';
import { closeMailTransports } from '../../../src/notifications/channels/email/transports.ts';
import { startSmtpPeer, type SmtpPeer } from '../../support/peers/smtp.ts';
import { channelError, sampleMessage, sendContext, testOutbound } from './context.ts';

const outbound = testOutbound();
let smtp: SmtpPeer;

beforeAll(async () => {
  smtp = await startSmtpPeer();
});
afterAll(async () => {
  closeMailTransports();
  await smtp.close();
  await outbound.close();
});
beforeEach(() => smtp.reset());

const context = () => sendContext(outbound, { smtpUrl: smtp.url });
const send = (address = 'ops@client.example', message = sampleMessage()) => emailAdapter.send({ address }, message, context());

describe('email channel', () => {
  it('sends HTML with a plain-text alternative, from the configured sender, with a stable Message-ID', async () => {
    const receipt = await send();
    const [mail] = await smtp.waitForMessages(1);
    const expectedId = messageIdFor('dlv_01JTESTDELIVERY0000000001', 'Upkeep <alerts@upkeep.example>');
    expect(expectedId).toMatch(/^<[0-9a-f]{32}@upkeep\.example>$/);
    expect(receipt.providerMessageId).toBe(expectedId);
    expect(mail!.envelope).toEqual({ from: 'alerts@upkeep.example', to: ['ops@client.example'] });
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe('shop.example.com is down');
    expect(parsed.from?.value).toEqual([{ address: 'alerts@upkeep.example', name: 'Upkeep' }]);
    expect(parsed.messageId).toBe(expectedId);
    expect(parsed.html).toContain('<strong>shop.example.com</strong> stopped answering');
    expect(parsed.text?.trim()).toBe('shop.example.com stopped answering at 03:12 UTC: connection refused.');
    expect(parsed.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(parsed.headers.get('x-upkeep-event')).toBe('incident.opened');
  });

  it('sends text only when the message has no HTML', async () => {
    await send('ops@client.example', sampleMessage({ html: null, severity: 'info' }));
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.parsed.html).toBe(false);
    expect(mail!.parsed.text?.trim()).toContain('stopped answering');
  });

  it('treats a 550 recipient rejection as permanent, saying what the server said', async () => {
    smtp.rejectRecipients('nobody@client.example', 550);
    const error = await channelError(send('nobody@client.example'));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('nobody@client.example');
    expect(error.message).toContain('550');
    expect(smtp.messages).toHaveLength(0);
  });

  it('treats a 4xx recipient deferral as temporary', async () => {
    smtp.rejectRecipients(/busy@/, 451);
    const error = await channelError(send('busy@client.example'));
    expect(error.permanent).toBe(false);
  });

  it('is temporary while the mail server is down, and delivers once it is back on the same port', async () => {
    await send('first@client.example');
    await smtp.stop();
    try {
      const error = await channelError(send('during@client.example'));
      expect(error.permanent).toBe(false);
      expect(error.message).toMatch(/could not be reached/);
    } finally {
      await smtp.start();
    }
    await send('after@client.example');
    const mails = await smtp.waitForMessages(2);
    expect(mails.map((m) => m.envelope.to[0])).toEqual(['first@client.example', 'after@client.example']);
  });

  it('is permanent, with a clear message, when no mail server is configured', async () => {
    const error = await channelError(emailAdapter.send({ address: 'ops@client.example' }, sampleMessage(), sendContext(outbound)));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('no mail server is configured');
  });

  it('never puts the mail server password in an error', async () => {
    const withPassword = sendContext(outbound, { smtpUrl: 'smtp://alerts:hunter2-secret@127.0.0.1:9' });
    const error = await channelError(emailAdapter.send({ address: 'ops@client.example' }, sampleMessage(), withPassword));
    expect(error.permanent).toBe(false);
    expect(error.message).not.toContain('hunter2');
  });
});
