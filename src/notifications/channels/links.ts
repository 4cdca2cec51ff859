import type { ChannelMessage } from './channel.ts';

/**
 * The message's links as lines of text ("Acknowledge: https://…"), for channels that show plain
 * text; a link the rendered text already contains is not repeated.
 */
export function linkLines(message: ChannelMessage, text: string): string[] {
  const lines: string[] = [];
  const { acknowledge, open } = message.links;
  if (acknowledge && !text.includes(acknowledge)) lines.push(`Acknowledge: ${acknowledge}`);
  if (open && !text.includes(open)) lines.push(`Open: ${open}`);
  return lines;
}
