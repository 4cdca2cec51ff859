import { describe, expect, it } from 'vitest';
import { CHANNEL_KINDS } from '../../../src/notifications/channels/channel.ts';
import { CHANNEL_ADAPTERS, describeChannel, splitChannelSecrets, validateChannelConfig } from '../../../src/notifications/channels/index.ts';

const errorsOf = (kind: string, input: unknown) => {
  const result = validateChannelConfig(kind, input);
  if (result.ok) throw new Error('expected the config to be refused');
  return result.errors;
};

describe('channel config validation', () => {
  it('has an adapter for every kind, each saying which of its fields are secrets', () => {
    expect(Object.keys(CHANNEL_ADAPTERS).sort()).toEqual([...CHANNEL_KINDS].sort());
    for (const kind of CHANNEL_KINDS) expect(CHANNEL_ADAPTERS[kind].kind).toBe(kind);
    expect(CHANNEL_ADAPTERS.slack.secretFields).toContain('webhookUrl');
    expect(CHANNEL_ADAPTERS.teams.secretFields).toContain('webhookUrl');
    expect(CHANNEL_ADAPTERS.discord.secretFields).toContain('webhookUrl');
    expect(CHANNEL_ADAPTERS.telegram.secretFields).toEqual(['botToken']);
    expect(CHANNEL_ADAPTERS.sms.secretFields).toEqual(['authToken']);
  });

  it('refuses an invalid email address with the field and a clear reason', () => {
    expect(errorsOf('email', { address: 'ops at client.example' })).toEqual([
      { field: 'config.address', message: 'must be a valid email address, such as ops@example.com' },
    ]);
    expect(validateChannelConfig('email', { address: ' ops@client.example ' })).toEqual({ ok: true, config: { address: 'ops@client.example' } });
  });

  it('refuses phone numbers not in E.164, and normalises spaces people type', () => {
    const base = { accountSid: `AC${'0'.repeat(32)}`, authToken: 'twilio-auth-token-0123', from: '+46700000000' };
    for (const to of ['0701234567', '46701234567', '+0701234567', '+46 70 ABC']) {
      expect(errorsOf('sms', { ...base, to })).toEqual([{ field: 'config.to', message: 'must be a phone number in international E.164 form, such as +46701234567' }]);
    }
    const ok = validateChannelConfig('sms', { ...base, to: '+46 70-123 45 67' });
    expect(ok).toMatchObject({ ok: true, config: { to: '+46701234567' } });
  });

  it('refuses webhook URLs that are not http or https, without echoing them', () => {
    const errors = errorsOf('webhook', { url: 'ftp://files.example.com/secret-token', secret: 'a-long-enough-secret' });
    expect(errors).toEqual([{ field: 'config.url', message: 'must be an http:// or https:// URL' }]);
    expect(errorsOf('slack', { webhookUrl: 'javascript:alert(1)' })).toEqual([{ field: 'config.webhookUrl', message: 'must be an http:// or https:// URL' }]);
    expect(errorsOf('discord', { webhookUrl: 'not a url' })[0]!.field).toBe('config.webhookUrl');
  });

  it('refuses a short webhook secret, unknown fields, bad Telegram settings and unknown kinds', () => {
    expect(errorsOf('webhook', { url: 'https://hooks.example.com/x', secret: 'short' })).toEqual([
      { field: 'config.secret', message: 'must be at least 16 characters' },
    ]);
    expect(errorsOf('email', { address: 'ops@client.example', cc: 'x@y.z' })).toEqual([{ field: 'config', message: 'has unknown fields: cc' }]);
    const telegram = errorsOf('telegram', { botToken: 'nope', chatId: 'general' });
    expect(telegram.map((e) => e.field)).toEqual(['config.botToken', 'config.chatId']);
    expect(errorsOf('pager', {})).toEqual([{ field: 'kind', message: 'must be one of email, webhook, slack, teams, telegram, discord, sms' }]);
  });

  it('fills defaults, splits secrets off, and describes a channel without them', () => {
    const result = validateChannelConfig('slack', { webhookUrl: 'https://hooks.slack.com/services/T1/B2/secretkey123' });
    if (!result.ok) throw new Error('expected a valid config');
    expect(result.config).toEqual({ webhookUrl: 'https://hooks.slack.com/services/T1/B2/secretkey123', format: 'blocks' });
    expect(splitChannelSecrets('slack', result.config)).toEqual({
      visible: { format: 'blocks' },
      secret: { webhookUrl: 'https://hooks.slack.com/services/T1/B2/secretkey123' },
    });
    expect(describeChannel('slack', result.config)).toBe('https://hooks.slack.com/…');
    expect(describeChannel('email', { address: 'ops@client.example' })).toBe('ops@client.example');
  });
});
