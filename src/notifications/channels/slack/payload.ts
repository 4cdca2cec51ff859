import type { ChannelMessage } from '../channel.ts';
import { truncate } from '../fields.ts';
import { linkLines } from '../links.ts';

/**
 * A Slack message: `text` is always set (it is what notifications and old clients show), and
 * with Block Kit a header, the message, the severity and link buttons. Block limits: a header
 * 150 characters, a section 3000.
 */
export function slackPayload(message: ChannelMessage, format: 'blocks' | 'text'): Record<string, unknown> {
  const fallback = truncate(`${message.subject}\n${message.text}`, 3000);
  if (format === 'text') return { text: escapeMrkdwn(withLinks(fallback, message)) };
  const buttons = linkButtons(message);
  return {
    text: escapeMrkdwn(truncate(message.subject, 3000)),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: truncate(message.subject, 150), emoji: true } },
      { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(truncate(message.text, 3000)) } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `*${message.severity}* · ${escapeMrkdwn(message.eventType)}` }] },
      ...(buttons.length > 0 ? [{ type: 'actions', elements: buttons }] : []),
    ],
  };
}

function linkButtons(message: ChannelMessage): Record<string, unknown>[] {
  const buttons: Record<string, unknown>[] = [];
  const { acknowledge, open } = message.links;
  if (acknowledge) buttons.push({ type: 'button', text: { type: 'plain_text', text: 'Acknowledge' }, url: acknowledge, style: 'primary', action_id: 'acknowledge' });
  if (open) buttons.push({ type: 'button', text: { type: 'plain_text', text: 'Open in Upkeep' }, url: open, action_id: 'open' });
  return buttons;
}

function withLinks(text: string, message: ChannelMessage): string {
  return [text, ...linkLines(message, text)].join('\n');
}

/** Slack reads &, < and > as markup (links, mentions); a monitor name must not ping @channel. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
