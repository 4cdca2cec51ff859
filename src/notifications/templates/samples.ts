import type { EventData, EventType, Severity } from '../events.ts';

/** A plausible event of every type, for previewing a template before anyone is told anything. */
export const SAMPLE_EVENTS: { readonly [T in EventType]: { severity: Severity; data: EventData[T] } } = {
  'incident.opened': {
    severity: 'critical',
    data: { incidentId: 'inc_sample', monitorId: 'mon_sample', monitorName: 'Shop front page', target: 'https://shop.example.com', cause: 'HTTP 503 Service Unavailable', startedAt: '2026-11-21T09:42:00.000Z', parentIncidentId: null, flapping: false },
  },
  'incident.updated': {
    severity: 'high',
    data: { incidentId: 'inc_sample', monitorId: 'mon_sample', monitorName: 'Shop front page', target: 'https://shop.example.com', message: 'The hosting provider is restarting the database server.' },
  },
  'incident.resolved': {
    severity: 'info',
    data: { incidentId: 'inc_sample', monitorId: 'mon_sample', monitorName: 'Shop front page', target: 'https://shop.example.com', startedAt: '2026-11-21T09:42:00.000Z', resolvedAt: '2026-11-21T10:47:00.000Z', downtimeSeconds: 3900 },
  },
  'certificate.expiring': {
    severity: 'medium',
    data: { monitorId: 'mon_sample', monitorName: 'Shop TLS', host: 'shop.example.com', validTo: '2026-12-05T23:59:59.000Z', daysLeft: 14, issuer: "Let's Encrypt" },
  },
  'domain.expiring': {
    severity: 'high',
    data: { monitorId: null, assetId: 'ast_sample', domain: 'example.com', expiresOn: '2026-12-21', daysLeft: 30, registrar: 'Example Registrar' },
  },
  'heartbeat.late': {
    severity: 'high',
    data: { monitorId: 'mon_sample', monitorName: 'Nightly backup', lastPingAt: '2026-11-20T02:00:12.000Z', expectedBy: '2026-11-21T02:30:00.000Z' },
  },
  'renewal.due': {
    severity: 'medium',
    data: { assetId: 'ast_sample', assetName: 'example.com hosting', expiresOn: '2026-12-21', daysLeft: 30, price: { amount: 129_900, currency: 'EUR' }, reminder: 'renewal', late: false, assigneeId: 'usr_sample' },
  },
  'renewal.expired': {
    severity: 'high',
    data: { assetId: 'ast_sample', assetName: 'example.com hosting', expiredOn: '2026-11-18', daysOverdue: 3, price: { amount: 129_900, currency: 'EUR' }, late: false, assigneeId: 'usr_sample' },
  },
  'renewal.cancel-deadline': {
    severity: 'medium',
    data: { assetId: 'ast_sample', assetName: 'Design tool licence', renewalOn: '2027-01-31', cancelBy: '2026-12-01', daysLeft: 10, price: { amount: 59_900, currency: 'EUR' }, late: false, assigneeId: 'usr_sample' },
  },
  'renewal.task-assigned': {
    severity: 'low',
    data: { taskId: 'tsk_sample', assetId: 'ast_sample', assetName: 'example.com hosting', renewalOn: '2026-12-21', dueOn: '2026-12-21', assigneeId: 'usr_sample', assigneeName: 'Alex' },
  },
  'renewal.task-escalated': {
    severity: 'high',
    data: { taskId: 'tsk_sample', assetId: 'ast_sample', assetName: 'example.com hosting', renewalOn: '2026-12-21', dueOn: '2026-12-21', daysLeft: 7, assigneeId: 'usr_sample', assigneeName: 'Alex' },
  },
  'renewal.task-pushed': {
    severity: 'info',
    data: { taskId: 'tsk_sample', assetId: 'ast_sample', assetName: 'example.com hosting', assetKind: 'hosting', assetIdentifier: 'example.com', clientId: 'cli_sample', clientName: 'Example Ltd', renewalOn: '2026-12-21', dueOn: '2026-12-21', assigneeId: 'usr_sample', assigneeName: 'Alex', url: 'https://upkeep.example/renewals/tasks/tsk_sample' },
  },
  'renewal.auto-renew-failed': {
    severity: 'high',
    data: { assetId: 'ast_sample', assetName: 'example.org', renewalOn: '2026-11-18', graceEndedOn: '2026-11-21', provider: 'Example Registrar', assigneeId: 'usr_sample' },
  },
  'ticket.created': {
    severity: 'high',
    data: { ticketId: 'tkt_sample', title: 'The contact form sends nothing', severity: 'high', source: 'portal', clientName: 'Example Ltd', firstResponseDue: '2026-11-23T09:00:00.000Z', resolutionDue: '2026-11-23T16:00:00.000Z', workStartsAt: '2026-11-23T08:00:00.000Z', timeZone: 'Europe/Stockholm', assigneeId: null, url: 'https://upkeep.example/desk/tickets/tkt_sample' },
  },
  'ticket.replied': {
    severity: 'high',
    data: { ticketId: 'tkt_sample', title: 'The contact form sends nothing', severity: 'high', authorName: 'Alex', excerpt: 'The mail relay refused the messages; we have switched it and sent a test. Could you try the form again?', url: 'https://upkeep.example/desk/tickets/tkt_sample' },
  },
  'ticket.client-replied': {
    severity: 'high',
    data: { ticketId: 'tkt_sample', title: 'The contact form sends nothing', severity: 'high', clientName: 'Example Ltd', authorName: 'Sam at Example Ltd', excerpt: 'It works again, thank you!', assigneeId: 'usr_sample', url: 'https://upkeep.example/desk/tickets/tkt_sample' },
  },
  'ticket.assigned': {
    severity: 'high',
    data: { ticketId: 'tkt_sample', title: 'The contact form sends nothing', severity: 'high', clientName: 'Example Ltd', assigneeId: 'usr_sample', assigneeName: 'Alex', url: 'https://upkeep.example/desk/tickets/tkt_sample' },
  },
  'ticket.sla-warning': {
    severity: 'medium',
    data: { ticketId: 'tkt_sample', title: 'The contact form sends nothing', severity: 'high', clientName: 'Example Ltd', clock: 'first-response', dueAt: '2026-11-23T09:00:00.000Z', percentUsed: 75, assigneeId: 'usr_sample', url: 'https://upkeep.example/desk/tickets/tkt_sample' },
  },
  'ticket.sla-breached': {
    severity: 'high',
    data: { ticketId: 'tkt_sample', title: 'The contact form sends nothing', severity: 'high', clientName: 'Example Ltd', clock: 'resolution', dueAt: '2026-11-23T16:00:00.000Z', assigneeId: 'usr_sample', url: 'https://upkeep.example/desk/tickets/tkt_sample' },
  },
  'sla.report-ready': {
    severity: 'info',
    data: { clientName: 'Example Ltd', month: '2026-10', uptimePercent: 99.82, guaranteePercent: 99.9, credit: { amount: 4_990, currency: 'EUR' }, url: 'https://upkeep.example/desk/reports/cli_sample/2026-10', pdfUrl: 'https://upkeep.example/api/v1/clients/cli_sample/sla-reports/2026-10.pdf' },
  },
  'invoice.issued': {
    severity: 'info',
    data: { invoiceId: 'inv_sample', invoiceNumber: '2026-0117', clientName: 'Example Ltd', total: { amount: 129_900, currency: 'EUR' }, amountDue: { amount: 129_900, currency: 'EUR' }, dueOn: '2026-12-05', autoCharge: true, chargeOn: '2026-12-01', url: 'https://upkeep.example/invoices/inv_sample', pdfUrl: 'https://upkeep.example/api/v1/invoices/inv_sample/pdf' },
  },
  'payment.received': {
    severity: 'info',
    data: { invoiceId: 'inv_sample', invoiceNumber: '2026-0117', amount: { amount: 129_900, currency: 'EUR' }, paidAt: '2026-11-21T08:15:00.000Z', method: 'Visa ·· 4242', url: 'https://upkeep.example/invoices/inv_sample', receiptUrl: 'https://upkeep.example/invoices/inv_sample/receipt' },
  },
  'payment.failed': {
    severity: 'medium',
    data: { invoiceId: 'inv_sample', invoiceNumber: '2026-0117', clientName: 'Example Ltd', amount: { amount: 129_900, currency: 'EUR' }, reason: 'Your card has insufficient funds.', hardDecline: false, attempt: 1, nextRetryOn: '2026-12-03', payUrl: 'https://upkeep.example/invoices/inv_sample/pay', methodsUrl: 'https://upkeep.example/payment-methods' },
  },
  'payment.dunning-exhausted': {
    severity: 'high',
    data: { invoiceId: 'inv_sample', invoiceNumber: '2026-0117', clientName: 'Example Ltd', amountDue: { amount: 129_900, currency: 'EUR' }, attempts: 4, lastReason: 'Your card has insufficient funds.', assigneeId: 'usr_sample', url: 'https://upkeep.example/invoices/inv_sample' },
  },
  'charge.awaiting-approval': {
    severity: 'medium',
    data: { invoiceId: 'inv_sample', invoiceNumber: '2026-0117', clientName: 'Example Ltd', amount: { amount: 1_250_000, currency: 'SEK' }, threshold: { amount: 1_000_000, currency: 'SEK' }, chargeOn: '2026-12-01', url: 'https://upkeep.example/invoices/inv_sample' },
  },
  'payment-method.expiring': {
    severity: 'low',
    data: { clientName: 'Example Ltd', methodLabel: 'Visa ·· 4242', validThrough: '2026-12-31', nextChargeOn: '2027-01-15', methodsUrl: 'https://upkeep.example/payment-methods' },
  },
  'channel.broken': {
    severity: 'high',
    data: { channelId: 'chn_sample', channelName: 'On-call email', reason: 'The mail server refused the message: 550 No such mailbox' },
  },
};
