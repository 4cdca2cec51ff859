import type { EventType, Severity } from '../events.ts';
import type { Audience } from './model.ts';

/** The built-in wording of one language: every event type for staff and for clients, and the frame around it. */
export interface LocalePack {
  yes: string;
  no: string;
  /** Shown for a value that is not known (no registrar, no price). */
  none: string;
  acknowledge: string;
  open: string;
  severity: Record<Severity, string>;
  /** One message for many events; placeholders {{count}}, {{recipientName}}, {{agencyName}}. */
  digest: { subject: string; intro: string };
  /** A channel's "send test"; placeholders {{channelName}}, {{recipientName}}, {{agencyName}}. */
  test: { subject: string; text: string };
  templates: Record<EventType, Record<Audience, { subject: string; text: string }>>;
}
