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
      staff: { subject: 'Renewal due in {{daysLeft}} days: {{assetName}}', text: '{{assetName}} expires on {{expiresOn}}. Renewal price: {{price}}.' },
      client: { subject: 'Renewal notice: {{assetName}}', text: 'Hello {{recipientName}},\n\n{{assetName}} is due for renewal on {{expiresOn}}. The renewal price is {{price}}.\n\n{{agencyName}}' },
    },
    'payment.received': {
      staff: { subject: 'Payment received: invoice {{invoiceNumber}}', text: '{{amount}} was paid for invoice {{invoiceNumber}} on {{paidAt}}.' },
      client: { subject: 'Thank you for your payment', text: 'Hello {{recipientName}},\n\nWe received {{amount}} for invoice {{invoiceNumber}} on {{paidAt}}. Thank you.\n\n{{agencyName}}' },
    },
    'channel.broken': {
      staff: { subject: 'Notification channel broken: {{channelName}}', text: 'Messages to {{channelName}} cannot be delivered: {{reason}}\nFix its settings and send a test message; until then your fallback channel is used.' },
      client: { subject: 'We cannot reach you on {{channelName}}', text: 'Hello {{recipientName}},\n\nMessages to {{channelName}} cannot be delivered: {{reason}}\nPlease check the address with us.\n\n{{agencyName}}' },
    },
  },
};
