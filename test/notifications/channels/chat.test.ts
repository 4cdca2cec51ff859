import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { discordAdapter } from '../../../src/notifications/channels/discord/adapter.ts';
import { slackAdapter } from '../../../src/notifications/channels/slack/adapter.ts';
import { teamsAdapter } from '../../../src/notifications/channels/teams/adapter.ts';
import { telegramAdapter } from '../../../src/notifications/channels/telegram/adapter.ts';
import { startReceiver, type Receiver } from '../../support/peers/receiver.ts';
import { channelError, sampleMessage, sendContext, testOutbound } from './context.ts';

const outbound = testOutbound(1_000);
let peer: Receiver;
const now = new Date('2025-03-01T03:12:00Z');

beforeAll(async () => {
  peer = await startReceiver();
});
afterAll(async () => {
  await peer.close();
  await outbound.close();
});
beforeEach(() => peer.reset());

const context = () => sendContext(outbound, { telegramApiUrl: `${peer.url}/telegram/` }, () => now);
const slackUrl = () => `${peer.url}/services/T0000/B0000/XXXXsecretXXXXkey`;

describe('Slack channel', () => {
  it('posts Block Kit with a text fallback and link buttons', async () => {
    peer.reply(200, 'ok');
    await slackAdapter.send(slackAdapter.configSchema.parse({ webhookUrl: slackUrl() }), sampleMessage({ subject: 'a <b> & c' }), context());
    const [request] = peer.requests;
    expect(request!.path).toBe('/services/T0000/B0000/XXXXsecretXXXXkey');
    const body = request!.json;
    expect(body.text).toBe('a &lt;b&gt; &amp; c');
    expect(body.blocks.map((block: any) => block.type)).toEqual(['header', 'section', 'context', 'actions']);
    expect(body.blocks[0].text).toEqual({ type: 'plain_text', text: 'a <b> & c', emoji: true });
    expect(body.blocks[1].text.text).toContain('connection refused');
    expect(body.blocks[3].elements.map((button: any) => button.url)).toEqual(['https://upkeep.example/ack/abc123', 'https://upkeep.example/incidents/inc_1']);
  });

  it('posts plain text when the channel asks for it', async () => {
    peer.reply(200, 'ok');
    await slackAdapter.send({ webhookUrl: slackUrl(), format: 'text' }, sampleMessage(), context());
    const body = peer.requests[0]!.json;
    expect(body.blocks).toBeUndefined();
    expect(body.text).toContain('shop.example.com is down\nshop.example.com stopped answering');
    expect(body.text).toContain('Acknowledge: https://upkeep.example/ack/abc123');
  });

  it('treats a removed webhook (404 no_service) as permanent without showing the URL key', async () => {
    peer.reply(404, 'no_service');
    const error = await channelError(slackAdapter.send({ webhookUrl: slackUrl(), format: 'blocks' }, sampleMessage(), context()));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('no_service');
    expect(error.message).not.toContain('XXXXsecretXXXXkey');
  });
});

describe('Microsoft Teams channel', () => {
  const teamsUrl = () => `${peer.url}/workflows/abc/triggers/manual/paths/invoke?sig=SECRETSIGNATURE123`;

  it('posts an Adaptive Card wrapped in a message by default', async () => {
    peer.reply(202, '');
    await teamsAdapter.send(teamsAdapter.configSchema.parse({ webhookUrl: teamsUrl() }), sampleMessage(), context());
    const body = peer.requests[0]!.json;
    expect(body.type).toBe('message');
    const [attachment] = body.attachments;
    expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(attachment.content.type).toBe('AdaptiveCard');
    expect(attachment.content.body[0]).toMatchObject({ type: 'TextBlock', text: 'shop.example.com is down', color: 'Attention' });
    expect(attachment.content.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Acknowledge', url: 'https://upkeep.example/ack/abc123' });
  });

  it('posts a MessageCard for legacy connectors', async () => {
    peer.reply(200, '1');
    await teamsAdapter.send({ webhookUrl: teamsUrl(), cardFormat: 'messagecard' }, sampleMessage(), context());
    const body = peer.requests[0]!.json;
    expect(body).toMatchObject({ '@type': 'MessageCard', title: 'shop.example.com is down', themeColor: 'D13438' });
    expect(body.potentialAction[0].targets[0].uri).toBe('https://upkeep.example/ack/abc123');
  });

  it('reads the real status a legacy connector hides in a 200 body', async () => {
    peer.reply(200, 'Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0');
    const error = await channelError(teamsAdapter.send({ webhookUrl: teamsUrl(), cardFormat: 'messagecard' }, sampleMessage(), context()));
    expect(error.permanent).toBe(false);
    expect(error.message).toContain('HTTP 429');
  });

  it('treats a deleted workflow (404) as permanent and keeps the signature out of the message', async () => {
    peer.reply(404, { error: { code: 'WorkflowNotFound', message: 'no workflow for sig=SECRETSIGNATURE123' } });
    const error = await channelError(teamsAdapter.send({ webhookUrl: teamsUrl(), cardFormat: 'adaptive' }, sampleMessage(), context()));
    expect(error.permanent).toBe(true);
    expect(error.message).not.toContain('SECRETSIGNATURE123');
  });
});

describe('Discord channel', () => {
  const discordUrl = () => `${peer.url}/api/webhooks/123456789/discord-webhook-token-value`;

  it('posts content and an embed, and takes 204 No Content as success', async () => {
    peer.reply(204);
    await discordAdapter.send({ webhookUrl: discordUrl() }, sampleMessage(), context());
    const body = peer.requests[0]!.json;
    expect(body.content).toBe('**CRITICAL** shop.example.com is down');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]).toMatchObject({
      title: 'shop.example.com is down',
      description: 'shop.example.com stopped answering at 03:12 UTC: connection refused.',
      url: 'https://upkeep.example/incidents/inc_1',
      color: 0xd13438,
      timestamp: '2025-03-01T03:12:00.000Z',
    });
  });

  it('treats "Unknown Webhook" as permanent and a 429 as temporary with retry_after', async () => {
    peer.reply(404, { message: 'Unknown Webhook', code: 10015 });
    const gone = await channelError(discordAdapter.send({ webhookUrl: discordUrl() }, sampleMessage(), context()));
    expect(gone.permanent).toBe(true);
    expect(gone.message).toContain('Unknown Webhook');

    peer.reply(429, { message: 'You are being rate limited.', retry_after: 1.5, global: false }, { 'retry-after': '2' });
    const limited = await channelError(discordAdapter.send({ webhookUrl: discordUrl() }, sampleMessage(), context()));
    expect(limited).toMatchObject({ permanent: false, retryAfterMs: 1_500 });
  });
});

describe('Telegram channel', () => {
  const token = '123456789:AAEexampleTokenValue_0123456789';
  const config = { botToken: token, chatId: '-1001234567890' };

  it('calls sendMessage on the configured API URL with plain text and the links', async () => {
    peer.reply(200, { ok: true, result: { message_id: 42 } });
    const receipt = await telegramAdapter.send(config, sampleMessage(), context());
    expect(receipt.providerMessageId).toBe('42');
    const [request] = peer.requests;
    expect(request!.path).toBe(`/telegram/bot${token}/sendMessage`);
    expect(request!.json).toEqual({
      chat_id: '-1001234567890',
      text: 'shop.example.com is down\n\nshop.example.com stopped answering at 03:12 UTC: connection refused.\n\nAcknowledge: https://upkeep.example/ack/abc123\nOpen: https://upkeep.example/incidents/inc_1',
      link_preview_options: { is_disabled: true },
    });
  });

  it.each([
    [401, 'Unauthorized'],
    [403, 'Forbidden: bot was blocked by the user'],
    [400, 'Bad Request: chat not found'],
  ])('treats %i "%s" as permanent without showing the token', async (status, description) => {
    peer.reply(status, { ok: false, error_code: status, description });
    const error = await channelError(telegramAdapter.send(config, sampleMessage(), context()));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain(description);
    expect(error.message).not.toContain('AAEexampleTokenValue');
  });

  it('treats 429 as temporary with parameters.retry_after', async () => {
    peer.reply(429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 17', parameters: { retry_after: 17 } });
    const error = await channelError(telegramAdapter.send(config, sampleMessage(), context()));
    expect(error).toMatchObject({ permanent: false, retryAfterMs: 17_000 });
  });

  it('says which chat id to use when a group became a supergroup', async () => {
    peer.reply(400, { ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: -1009876543210 } });
    const error = await channelError(telegramAdapter.send(config, sampleMessage(), context()));
    expect(error.permanent).toBe(true);
    expect(error.message).toContain('-1009876543210');
  });

  it('treats a Telegram outage as temporary', async () => {
    peer.fail(502);
    const error = await channelError(telegramAdapter.send(config, sampleMessage(), context()));
    expect(error.permanent).toBe(false);
  });
});
