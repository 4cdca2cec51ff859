import type { ChannelMessage, SendContext } from '../../../src/notifications/channels/channel.ts';
import { createOutbound, type Outbound } from '../../../src/platform/outbound/client.ts';

/** What the outbox hands an adapter, pointed at loopback peers; a short deadline so a hanging peer fails fast. */
export function testOutbound(timeoutMs = 2_000): Outbound {
  return createOutbound({ timeoutMs, blockPrivateAddresses: false, userAgent: 'Upkeep-test' });
}

export function sendContext(outbound: Outbound, settings: Partial<SendContext['settings']> = {}, now: () => Date = () => new Date()): SendContext {
  return {
    outbound,
    signal: new AbortController().signal,
    now,
    settings: {
      smtpUrl: undefined,
      mailFrom: 'Upkeep <alerts@upkeep.example>',
      telegramApiUrl: 'http://127.0.0.1:9',
      twilioApiUrl: 'http://127.0.0.1:9',
      ...settings,
    },
  };
}

export function sampleMessage(overrides: Partial<ChannelMessage> = {}): ChannelMessage {
  return {
    subject: 'shop.example.com is down',
    text: 'shop.example.com stopped answering at 03:12 UTC: connection refused.',
    html: '<p><strong>shop.example.com</strong> stopped answering at 03:12 UTC: connection refused.</p>',
    severity: 'critical',
    eventType: 'incident.opened',
    idempotencyKey: 'dlv_01JTESTDELIVERY0000000001',
    links: { acknowledge: 'https://upkeep.example/ack/abc123', open: 'https://upkeep.example/incidents/inc_1' },
    data: { incidentId: 'inc_1', monitorName: 'Shop', target: 'https://shop.example.com' },
    ...overrides,
  };
}

/** Runs `work` expecting a ChannelError, and returns it. */
export async function channelError(work: Promise<unknown>): Promise<{ message: string; permanent: boolean; retryAfterMs: number | undefined; name: string }> {
  try {
    await work;
  } catch (err) {
    return err as never;
  }
  throw new Error('expected the send to fail');
}
