import type { ChannelMessage } from '../channel.ts';
import type { Severity } from '../../events.ts';
import { truncate } from '../fields.ts';

/**
 * Two card formats: an Adaptive Card wrapped in a message, which Teams Workflows (Power Automate
 * "post to a channel when a webhook request is received") expect, and the legacy MessageCard of
 * Office 365 connectors, for teams still on one.
 */
const ADAPTIVE_COLOR: Record<Severity, string> = { critical: 'Attention', high: 'Attention', medium: 'Warning', low: 'Accent', info: 'Default' };
const THEME_COLOR: Record<Severity, string> = { critical: 'D13438', high: 'D13438', medium: 'FFB900', low: '0078D4', info: '737373' };
const TEXT_LIMIT = 20_000; // cards over ~28 KB are refused; leave room for the rest of the card

export function adaptiveCardPayload(message: ChannelMessage): Record<string, unknown> {
  const actions = links(message).map(([title, url]) => ({ type: 'Action.OpenUrl', title, url }));
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          msteams: { width: 'Full' },
          body: [
            { type: 'TextBlock', text: message.subject, weight: 'Bolder', size: 'Medium', wrap: true, color: ADAPTIVE_COLOR[message.severity] },
            { type: 'TextBlock', text: truncate(message.text, TEXT_LIMIT), wrap: true },
            { type: 'FactSet', facts: [{ title: 'Severity', value: message.severity }, { title: 'Event', value: message.eventType }] },
          ],
          ...(actions.length > 0 ? { actions } : {}),
        },
      },
    ],
  };
}

export function messageCardPayload(message: ChannelMessage): Record<string, unknown> {
  const actions = links(message).map(([name, uri]) => ({ '@type': 'OpenUri', name, targets: [{ os: 'default', uri }] }));
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: message.subject,
    themeColor: THEME_COLOR[message.severity],
    title: message.subject,
    text: truncate(message.text, TEXT_LIMIT),
    sections: [{ facts: [{ name: 'Severity', value: message.severity }, { name: 'Event', value: message.eventType }] }],
    ...(actions.length > 0 ? { potentialAction: actions } : {}),
  };
}

function links(message: ChannelMessage): [string, string][] {
  const result: [string, string][] = [];
  if (message.links.acknowledge) result.push(['Acknowledge', message.links.acknowledge]);
  if (message.links.open) result.push(['Open in Upkeep', message.links.open]);
  return result;
}
