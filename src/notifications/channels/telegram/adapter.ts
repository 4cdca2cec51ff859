import { z } from 'zod';
import type { OutboundResponse } from '../../../platform/outbound/client.ts';
import { ChannelError, type ChannelAdapter, type ChannelMessage, type SendContext } from '../channel.ts';
import { secretText, truncate } from '../fields.ts';
import { failure, post, scrub } from '../http.ts';
import { linkLines } from '../links.ts';

/** A Telegram bot (token from @BotFather) writing to a chat, group or channel. */
export const telegramConfig = z.strictObject({
  botToken: secretText('bot token').pipe(
    z.string().regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must be a bot token as @BotFather gives it, such as 123456789:AAE…'),
  ),
  /** A numeric chat id (negative for groups) or a public channel's @username. */
  chatId: z
    .string()
    .trim()
    .regex(/^-?\d{1,20}$|^@[A-Za-z][A-Za-z0-9_]{4,31}$/, 'must be a numeric chat id (such as -1001234567890) or a channel @username'),
});
export type TelegramConfig = z.infer<typeof telegramConfig>;

const MESSAGE_LIMIT = 4096;

interface TelegramAnswer {
  ok?: boolean;
  description?: string;
  result?: { message_id?: number };
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
}

export function telegramText(message: ChannelMessage): string {
  const body = `${message.subject}\n\n${message.text}`;
  const links = linkLines(message, body);
  const tail = links.length > 0 ? `\n\n${links.join('\n')}` : '';
  // Plain text, no parse_mode: nothing in a monitor name can break Markdown or HTML parsing.
  return truncate(body, MESSAGE_LIMIT - tail.length) + tail;
}

export const telegramAdapter: ChannelAdapter<TelegramConfig> = {
  kind: 'telegram',
  configSchema: telegramConfig,
  secretFields: ['botToken'],
  describe: (config) => `Telegram chat ${config.chatId}`,
  async send(config: TelegramConfig, message: ChannelMessage, context: SendContext) {
    const secrets = [config.botToken];
    const url = `${context.settings.telegramApiUrl.replace(/\/+$/, '')}/bot${config.botToken}/sendMessage`;
    const json = { chat_id: config.chatId, text: telegramText(message), link_preview_options: { is_disabled: true } };
    const response = await post({ service: 'Telegram', url, json, secrets }, context);
    const answer = parseAnswer(response);
    if (response.status === 200 && answer.ok) {
      const id = answer.result?.message_id;
      return { providerMessageId: id === undefined ? null : String(id) };
    }
    throw telegramFailure(response, answer, context, secrets);
  },
};

/**
 * 401 (token revoked), 403 (bot blocked or removed from the chat) and 400 ("chat not found",
 * a group upgraded to a supergroup) cannot be fixed by retrying; 429 carries `retry_after` seconds.
 */
function telegramFailure(response: OutboundResponse, answer: TelegramAnswer, context: SendContext, secrets: string[]): ChannelError {
  const detail = scrub(answer.description ?? '', secrets) || undefined;
  const migrated = answer.parameters?.migrate_to_chat_id;
  if (migrated !== undefined) {
    return new ChannelError(`Telegram: the group became a supergroup; change the chat id to ${migrated}`, { permanent: true });
  }
  if (response.status === 200) return new ChannelError('Telegram gave an answer that could not be read', { permanent: false });
  const retryAfter = answer.parameters?.retry_after;
  return failure('Telegram', response, context, {
    secrets,
    ...(detail ? { detail } : {}),
    ...(typeof retryAfter === 'number' ? { retryAfterMs: retryAfter * 1000 } : {}),
  });
}

function parseAnswer(response: OutboundResponse): TelegramAnswer {
  try {
    const parsed = JSON.parse(response.body) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as TelegramAnswer) : {};
  } catch {
    return {};
  }
}
