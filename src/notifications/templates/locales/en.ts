import type { LocalePack } from '../pack.ts';

export const en: LocalePack = {
  yes: 'yes',
  no: 'no',
  none: '—',
  acknowledge: 'Acknowledge',
  open: 'Open in Upkeep',
  severity: { critical: 'critical', high: 'high', medium: 'medium', low: 'low', info: 'info' },
  digest: { subject: '{{count}} notifications from {{agencyName}}', intro: 'Hello {{recipientName}}, here is what happened:' },
  test: { subject: 'Test message from {{agencyName}}', text: 'This is a test message for the channel {{channelName}}. If you can read it, the channel works.' },
  renewal: {
    label: { renewal: 'Renewal due', pay: 'Payment due' },
    notice: { renewal: 'Renewal notice', pay: 'Payment reminder' },
    late: 'This reminder comes late: its day passed while Upkeep was not running.',
  },
  desk: {
    clock: { 'first-response': 'first response', resolution: 'resolution' },
    startsNow: 'Work on it starts now.',
    startsAt: 'It arrived outside our support hours; work on it starts {{workStartsAt}}.',
    resolutionDue: 'We aim to resolve it by {{resolutionDue}}.',
    noResolution: 'There is no resolution deadline for this severity; we handle it in order of arrival.',
    uptime: 'Uptime: {{uptimePercent}} (guaranteed: {{guaranteePercent}}).',
    uptimeNoGuarantee: 'Uptime: {{uptimePercent}}.',
    credit: 'Service credit owed to you: {{credit}}.',
  },
  billing: {
    autoChargeOn: 'It will be charged automatically to the saved payment method on {{chargeOn}}.',
    autoCharge: 'It will be charged automatically to the saved payment method.',
    retryOn: 'It will be tried again on {{nextRetryOn}}.',
    noRetry: 'It will not be tried again automatically.',
    method: 'Paid with {{method}}.',
    receipt: 'Receipt: {{receiptUrl}}',
    threshold: 'Charges above {{threshold}} wait for approval.',
  },
  templates: {
    'incident.opened': {
      staff: { subject: 'Down: {{monitorName}}', text: '{{monitorName}} ({{target}}) is down since {{startedAt}}.\nCause: {{cause}}' },
      client: { subject: 'Service disruption: {{monitorName}}', text: 'Hello {{recipientName}},\n\nWe have detected a problem with {{monitorName}} since {{startedAt}} and are working on it. We will keep you updated.\n\n{{agencyName}}' },
    },
    'incident.updated': {
      staff: { subject: 'Update: {{monitorName}}', text: '{{monitorName}} ({{target}}): {{message}}' },
      client: { subject: 'Update on {{monitorName}}', text: 'Hello {{recipientName}},\n\n{{message}}\n\n{{agencyName}}' },
    },
    'incident.resolved': {
      staff: { subject: 'Resolved: {{monitorName}}', text: '{{monitorName}} ({{target}}) is up again since {{resolvedAt}}, after {{downtime}} of downtime.' },
      client: { subject: 'Resolved: {{monitorName}}', text: 'Hello {{recipientName}},\n\n{{monitorName}} works normally again since {{resolvedAt}}. The disruption lasted {{downtime}}.\n\n{{agencyName}}' },
    },
    'certificate.expiring': {
      staff: { subject: 'Certificate expires in {{daysLeft}} days: {{host}}', text: 'The TLS certificate of {{host}} ({{monitorName}}, issued by {{issuer}}) expires on {{validTo}}.' },
      client: { subject: 'The security certificate of {{host}} expires soon', text: 'Hello {{recipientName}},\n\nThe security certificate of {{host}} expires on {{validTo}}, in {{daysLeft}} days. We will take care of renewing it.\n\n{{agencyName}}' },
    },
    'domain.expiring': {
      staff: { subject: 'Domain expires in {{daysLeft}} days: {{domain}}', text: '{{domain}} expires on {{expiresOn}} (registrar: {{registrar}}).' },
      client: { subject: 'Your domain {{domain}} expires on {{expiresOn}}', text: 'Hello {{recipientName}},\n\nYour domain {{domain}} expires on {{expiresOn}}, in {{daysLeft}} days. Please tell us whether it should be renewed.\n\n{{agencyName}}' },
    },
    'heartbeat.late': {
      staff: { subject: 'Late: {{monitorName}}', text: '{{monitorName}} has not checked in. Expected by {{expectedBy}}; last ping {{lastPingAt}}.' },
      client: { subject: 'A scheduled task is late: {{monitorName}}', text: 'Hello {{recipientName}},\n\nThe scheduled task {{monitorName}} did not report in time (expected by {{expectedBy}}). We are looking into it.\n\n{{agencyName}}' },
    },
    'renewal.due': {
      staff: { subject: '{{reminderLabel}} {{dueIn}}: {{assetName}}', text: '{{assetName}} expires on {{expiresOn}}. Renewal price: {{price}}.{{lateNote}}' },
      client: { subject: '{{reminderNotice}}: {{assetName}}', text: 'Hello {{recipientName}},\n\n{{assetName}} is due for renewal on {{expiresOn}} ({{dueIn}}). The renewal price is {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.expired': {
      staff: { subject: 'Expired: {{assetName}}', text: '{{assetName}} expired on {{expiredOn}} ({{expiredAgo}}) and is not renewed. Renew it, or mark it cancelled if that was the plan. Price: {{price}}.{{lateNote}}' },
      client: { subject: '{{assetName}} has expired', text: 'Hello {{recipientName}},\n\n{{assetName}} expired on {{expiredOn}} and has not been renewed yet. If you would like to keep it, please let us know as soon as possible; the renewal price is {{price}}.\n\n{{agencyName}}' },
    },
    'renewal.cancel-deadline': {
      staff: { subject: 'Cancel by {{cancelBy}} or it renews: {{assetName}}', text: '{{assetName}} renews automatically on {{renewalOn}} for {{price}}. To stop it, cancel by {{cancelBy}} ({{dueIn}}).{{lateNote}}' },
      client: { subject: '{{assetName}} renews automatically on {{renewalOn}}', text: 'Hello {{recipientName}},\n\n{{assetName}} renews automatically on {{renewalOn}} for {{price}}. If you no longer need it, please tell us by {{cancelBy}}; after that date it can no longer be cancelled for the coming period.\n\n{{agencyName}}' },
    },
    'renewal.task-assigned': {
      staff: { subject: 'Renewal task: {{assetName}}, due {{dueOn}}', text: 'The renewal of {{assetName}} (renews on {{renewalOn}}) is assigned to {{assigneeName}}. Decide and act by {{dueOn}}.' },
      client: { subject: 'We are taking care of the renewal of {{assetName}}', text: 'Hello {{recipientName}},\n\nThe renewal of {{assetName}}, due on {{renewalOn}}, is planned and in our hands. We will get in touch if we need anything from you.\n\n{{agencyName}}' },
    },
    'renewal.task-escalated': {
      staff: { subject: 'Renewal task still open: {{assetName}}, due {{dueIn}}', text: 'The renewal task of {{assetName}} is still open and due on {{dueOn}} ({{dueIn}}); the renewal date is {{renewalOn}}. Assigned to: {{assigneeName}}. Take it over or make sure it gets done.' },
      client: { subject: 'Update on the renewal of {{assetName}}', text: 'Hello {{recipientName}},\n\nThe renewal of {{assetName}}, due on {{renewalOn}}, is not complete yet. We have given it priority and will make sure it is done in time.\n\n{{agencyName}}' },
    },
    'renewal.task-pushed': {
      staff: { subject: 'Renewal task: {{assetName}} ({{clientName}}), due {{dueOn}}', text: 'Renew {{assetName}} ({{assetIdentifier}}) for {{clientName}}: it renews on {{renewalOn}}; decide and act by {{dueOn}}. Assigned to: {{assigneeName}}.\n{{url}}' },
      client: { subject: 'Renewal of {{assetName}}', text: 'Hello {{recipientName}},\n\nThe renewal of {{assetName}}, due on {{renewalOn}}, is planned and in our hands.\n\n{{agencyName}}' },
    },
    'renewal.auto-renew-failed': {
      staff: { subject: 'Auto-renewal did not happen: {{assetName}}', text: '{{assetName}} should have renewed automatically on {{renewalOn}} (provider: {{provider}}), but by {{graceEndedOn}} its expiry date had not moved on. Check the payment method with the provider and renew it by hand.' },
      client: { subject: 'The automatic renewal of {{assetName}} needs attention', text: 'Hello {{recipientName}},\n\n{{assetName}} should have renewed automatically on {{renewalOn}}, but the renewal has not gone through. We are looking into it and will let you know if we need anything from you.\n\n{{agencyName}}' },
    },
    'ticket.created': {
      staff: { subject: 'New {{severity}} ticket from {{clientName}}: {{title}}', text: '{{clientName}} has a new {{severity}} ticket: {{title}}\nFirst response due {{firstResponseDue}}. {{resolutionNote}}\n{{workStart}}' },
      client: { subject: 'We have received your ticket: {{title}}', text: 'Hello {{recipientName}},\n\nWe have received your ticket "{{title}}" (severity: {{severity}}). {{workStart}}\nYou will hear from us by {{firstResponseDue}}. {{resolutionNote}}\n\n{{agencyName}}' },
    },
    'ticket.replied': {
      staff: { subject: 'Reply sent: {{title}}', text: '{{authorName}} replied on the {{severity}} ticket "{{title}}":\n\n{{excerpt}}' },
      client: { subject: 'New reply to your ticket: {{title}}', text: 'Hello {{recipientName}},\n\n{{authorName}} replied to your ticket "{{title}}":\n\n{{excerpt}}\n\nOpen the ticket to read the whole reply or to answer.\n\n{{agencyName}}' },
    },
    'ticket.client-replied': {
      staff: { subject: '{{clientName}} replied: {{title}}', text: '{{authorName}} ({{clientName}}) wrote on the {{severity}} ticket "{{title}}":\n\n{{excerpt}}' },
      client: { subject: 'We have received your reply: {{title}}', text: 'Hello {{recipientName}},\n\nWe have received your reply on the ticket "{{title}}" and will come back to you.\n\n{{agencyName}}' },
    },
    'ticket.assigned': {
      staff: { subject: 'Ticket assigned to {{assigneeName}}: {{title}}', text: 'The {{severity}} ticket "{{title}}" from {{clientName}} is assigned to {{assigneeName}}.' },
      client: { subject: 'Your ticket is being handled: {{title}}', text: 'Hello {{recipientName}},\n\nYour ticket "{{title}}" has been given to a member of our team, who will take it from here.\n\n{{agencyName}}' },
    },
    'ticket.sla-warning': {
      staff: { subject: '{{percentUsed}} of the {{clockName}} time used: {{title}}', text: 'The {{severity}} ticket "{{title}}" from {{clientName}} has used {{percentUsed}} of its {{clockName}} time. The {{clockName}} is due {{dueAt}}.' },
      client: { subject: 'Your ticket is being followed up: {{title}}', text: 'Hello {{recipientName}},\n\nYour ticket "{{title}}" is being followed up; we are keeping to the {{clockName}} target of {{dueAt}}.\n\n{{agencyName}}' },
    },
    'ticket.sla-breached': {
      staff: { subject: 'SLA breached ({{clockName}}): {{title}}', text: 'The {{clockName}} target of the {{severity}} ticket "{{title}}" from {{clientName}} was due {{dueAt}} and has passed.' },
      client: { subject: 'Your ticket is taking longer than promised: {{title}}', text: 'Hello {{recipientName}},\n\nWe did not meet the {{clockName}} target of your ticket "{{title}}", which was due {{dueAt}}. We apologise and are giving it priority.\n\n{{agencyName}}' },
    },
    'sla.report-ready': {
      staff: { subject: 'SLA report for {{month}} is ready: {{clientName}}', text: 'The SLA report of {{clientName}} for {{month}} is ready.{{uptimeLine}}{{creditLine}}\nPDF: {{pdfUrl}}' },
      client: { subject: 'Your service report for {{month}}', text: 'Hello {{recipientName}},\n\nYour service report for {{month}} is ready.{{uptimeLine}}{{creditLine}}\n\nDownload it as a PDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'invoice.issued': {
      staff: { subject: 'Invoice {{invoiceNumber}} issued: {{clientName}}', text: 'Invoice {{invoiceNumber}} of {{total}} was issued to {{clientName}}; {{amountDue}} is due by {{dueOn}}.{{chargeLine}}\n{{url}}' },
      client: { subject: 'Invoice {{invoiceNumber}} from {{agencyName}}', text: 'Hello {{recipientName}},\n\nYour invoice {{invoiceNumber}} of {{total}} is ready; {{amountDue}} is due by {{dueOn}}.{{chargeLine}}\n\nView and pay it: {{url}}\nPDF: {{pdfUrl}}\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Payment received: invoice {{invoiceNumber}}', text: '{{amount}} was paid for invoice {{invoiceNumber}} on {{paidAt}}.{{methodLine}}' },
      client: { subject: 'Thank you for your payment', text: 'Hello {{recipientName}},\n\nWe received {{amount}} for invoice {{invoiceNumber}} on {{paidAt}}. Thank you.{{methodLine}}{{receiptLine}}\n\n{{agencyName}}' },
    },
    'payment.failed': {
      staff: { subject: 'Payment failed: invoice {{invoiceNumber}} ({{clientName}})', text: 'The payment of {{amount}} by {{clientName}} for invoice {{invoiceNumber}} failed (attempt {{attempt}}): {{reason}}\n{{retryNote}}' },
      client: { subject: 'Your payment for invoice {{invoiceNumber}} did not go through', text: 'Hello {{recipientName}},\n\nWe could not collect {{amount}} for invoice {{invoiceNumber}}. The reason given: {{reason}}\n{{retryNote}}\n\nPay now: {{payUrl}}\nUpdate your payment method: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'payment.dunning-exhausted': {
      staff: { subject: 'Still unpaid after {{attempts}} attempts: invoice {{invoiceNumber}} ({{clientName}})', text: 'The automatic payment attempts for invoice {{invoiceNumber}} ({{clientName}}) have ended: {{attempts}} attempts failed and {{amountDue}} is still due. Last reason: {{lastReason}}\nContact the client, or mark the invoice uncollectible: {{url}}' },
      client: { subject: 'Invoice {{invoiceNumber}} is still unpaid', text: 'Hello {{recipientName}},\n\nWe could not collect {{amountDue}} for invoice {{invoiceNumber}} and will not try again automatically. You can pay it here: {{url}}\nIf something is wrong, please get in touch with us.\n\n{{agencyName}}' },
    },
    'charge.awaiting-approval': {
      staff: { subject: 'Approve a charge of {{amount}}: {{clientName}}', text: 'A charge of {{amount}} to {{clientName}} for invoice {{invoiceNumber}} is planned for {{chargeOn}} and waits for approval.{{thresholdLine}}\nApprove or decline it: {{url}}' },
      client: { subject: 'Upcoming payment for invoice {{invoiceNumber}}', text: 'Hello {{recipientName}},\n\nThe payment of {{amount}} for invoice {{invoiceNumber}}, planned for {{chargeOn}}, is being reviewed before it is charged.\n\n{{agencyName}}' },
    },
    'payment-method.expiring': {
      staff: { subject: 'Payment method expires before the next charge: {{clientName}}', text: '{{methodLabel}} of {{clientName}} is valid through {{validThrough}}; the next charge is on {{nextChargeOn}}.\nPayment methods: {{methodsUrl}}' },
      client: { subject: 'Please update your payment method {{methodLabel}}', text: 'Hello {{recipientName}},\n\nYour saved payment method {{methodLabel}} is valid through {{validThrough}}, but your next payment is due on {{nextChargeOn}}. Please update it so that the payment goes through: {{methodsUrl}}\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Notification channel broken: {{channelName}}', text: 'Messages to {{channelName}} cannot be delivered: {{reason}}\nFix its settings and send a test message; until then your fallback channel is used.' },
      client: { subject: 'We cannot reach you on {{channelName}}', text: 'Hello {{recipientName}},\n\nMessages to {{channelName}} cannot be delivered: {{reason}}\nPlease check the address with us.\n\n{{agencyName}}' },
    },
  },
};
