import type { ChannelMessage } from '../channel.ts';
import { truncate } from '../fields.ts';

/**
 * The SMS body: the subject, as much of the text as fits, and the acknowledge link. Two GSM-7
 * segments (2 × 153 characters) is the budget: alerts stay cheap and arrive as one message.
 */
export const SMS_MAX_CHARS = 306;

/**
 * Typographic characters outside the GSM-7 alphabet switch the whole message to UCS-2, which
 * fits 67 characters per segment instead of 153: a single non-breaking space costs twice the money.
 */
const GSM_LOOKALIKES: [RegExp, string][] = [
  [/[\u00a0\u2000-\u200a\u202f]/g, ' '],
  [/[\u2018\u2019\u201b]/g, "'"],
  [/[\u201c\u201d\u201f]/g, '"'],
  [/[\u2013\u2014]/g, '-'],
  [/\u2026/g, '...'],
];

export function toGsmFriendly(text: string): string {
  return GSM_LOOKALIKES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

export function smsText(message: ChannelMessage, max = SMS_MAX_CHARS): string {
  const ack = message.links.acknowledge ? `\n${message.links.acknowledge}` : '';
  const text = message.text.startsWith(message.subject) ? message.text : `${message.subject}\n${message.text}`;
  const body = toGsmFriendly(text.replace(/\n{2,}/g, '\n').trim());
  const room = max - ack.length;
  // '…' is not GSM-7 either; three dots are.
  const cut = body.length <= room ? body : `${truncate(body, room - 2).slice(0, -1).trimEnd()}...`;
  return cut + ack;
}
