import { describe, expect, it } from 'vitest';
import type { ChannelMessage } from '../channel.ts';
import { smsText, toGsmFriendly } from './text.ts';

const message = (overrides: Partial<ChannelMessage> = {}): ChannelMessage => ({
  subject: 'shop.example.com is down',
  text: 'connection refused',
  html: null,
  severity: 'critical',
  eventType: 'incident.opened',
  idempotencyKey: 'k',
  links: { acknowledge: 'https://u.example/ack/1', open: null },
  data: {},
  ...overrides,
});

describe('smsText', () => {
  it('is the subject, the text and the acknowledge link', () => {
    expect(smsText(message())).toBe('shop.example.com is down\nconnection refused\nhttps://u.example/ack/1');
  });

  it('does not repeat a subject the text already starts with, nor keep blank lines', () => {
    expect(smsText(message({ text: 'shop.example.com is down\n\n\nsince 03:12', links: { acknowledge: null, open: null } }))).toBe(
      'shop.example.com is down\nsince 03:12',
    );
  });

  it('cuts the text, never the link, and stays within the limit', () => {
    const body = smsText(message({ text: 'y'.repeat(500) }), 100);
    expect(body).toHaveLength(100);
    expect(body.endsWith('...\nhttps://u.example/ack/1')).toBe(true);
  });

  it('replaces typographic characters that would switch the message to UCS-2', () => {
    expect(toGsmFriendly('a\u00a0b \u2018c\u2019 \u201cd\u201d e\u2013f g\u2026')).toBe('a b \'c\' "d" e-f g...');
  });
});
