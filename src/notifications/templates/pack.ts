import type { EventData, EventType, Severity, TicketClock } from '../events.ts';
import type { Audience } from './model.ts';

export type RenewalReminder = EventData['renewal.due']['reminder'];

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
  /** Words the renewal templates get through derived placeholders ({{reminderLabel}}, {{reminderNotice}}, {{lateNote}}). */
  renewal: {
    /** Short, before {{dueIn}} in a staff subject: "Renewal due" + " in 30 days". */
    label: Record<RenewalReminder, string>;
    /** A polite title for a client's subject. */
    notice: Record<RenewalReminder, string>;
    /** Said when a reminder's day passed while Upkeep was not running. */
    late: string;
  };
  /** Words the desk's templates get through derived placeholders (see DERIVED_PLACEHOLDERS). */
  desk: {
    /** {{clockName}}: "first response", "resolution". */
    clock: Record<TicketClock, string>;
    /** {{workStart}}: work starts now (within support hours, or a severity handled around the clock)… */
    startsNow: string;
    /** …or when support hours open: {{workStartsAt}}. */
    startsAt: string;
    /** {{resolutionNote}}: the target {{resolutionDue}}, or none for this severity. */
    resolutionDue: string;
    noResolution: string;
    /** {{uptimeLine}}: {{uptimePercent}} against {{guaranteePercent}}, or without a guarantee. */
    uptime: string;
    uptimeNoGuarantee: string;
    /** {{creditLine}}: the service credit owed, {{credit}}. */
    credit: string;
  };
  /** Words the billing templates get through derived placeholders (see DERIVED_PLACEHOLDERS). */
  billing: {
    /** {{chargeLine}} of an invoice charged automatically: on {{chargeOn}}, or on a day not set yet. */
    autoChargeOn: string;
    autoCharge: string;
    /** {{retryNote}} of a failed payment: tried again on {{nextRetryOn}}, or not automatically. */
    retryOn: string;
    noRetry: string;
    /** {{methodLine}} and {{receiptLine}} of a payment received: {{method}}, {{receiptUrl}}. */
    method: string;
    receipt: string;
    /** {{thresholdLine}} of a charge awaiting approval: the {{threshold}} it is above. */
    threshold: string;
  };
  templates: Record<EventType, Record<Audience, { subject: string; text: string }>>;
}
