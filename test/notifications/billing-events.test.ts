import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobHandlers } from '../../src/jobs.ts';
import { publishEvent } from '../../src/notifications/events.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { ok } from '../support/api.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '../support/peers/smtp.ts';

/**
 * A failed payment end to end: billing publishes `payment.failed`, the real jobs route and deliver
 * it to a real SMTP server. Without any routing rule the client's portal user gets it by email in
 * the client's language, with the links to pay and to update the payment method; nobody at the
 * agency and no other client gets it.
 */
let t: TestApp;
let a: Agency;
let smtp: SmtpPeer;
let worker: JobWorker;

const BASE = 'https://upkeep.agency.test';
const PORTAL_MAIL = 'portal-a@agency.test';
const payUrl = (invoiceId: string) => `${BASE}/invoices/${invoiceId}/pay`;
const METHODS_URL = `${BASE}/payment-methods`;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await startTestApp({ UPKEEP_SMTP_URL: smtp.url, UPKEEP_PUBLIC_URL: BASE });
  t.clock.now = new Date('2026-12-01T09:00:00.000Z');
  a = await seedAgency(t);
  await ok(t, 'PATCH', `/api/v1/clients/${a.clientA}`, a.admin.token, { locale: 'sv' });
  worker = new JobWorker({ database: t.deps.database, handlers: jobHandlers(t.deps), logger: createLogger('silent'), concurrency: 4, pollIntervalMs: 5, leaseMs: 5000, workerId: 'billing-events-test', now: t.deps.now, random: () => 0 });
  worker.start();
});
afterAll(async () => {
  await worker?.stop(500);
  await smtp?.close();
  await t?.close();
});

const mailsTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));

async function mailTo(address: string, count: number, timeoutMs = 8000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = mailsTo(address);
    if (mails.length >= count) return mails[count - 1]!;
    if (Date.now() > deadline) throw new Error(`Mail ${count} to ${address} did not come; got: ${JSON.stringify(smtp.messages.map((m) => [m.envelope.to, m.parsed.subject]))}`);
    await sleep(10);
  }
}

/** Until no job is waiting or running: every event published so far is routed and delivered (or given up). */
async function settled(): Promise<void> {
  const deadline = Date.now() + 8000;
  for (;;) {
    const busy = await t.deps.database.db.selectFrom('jobs').select('id').where('status', 'in', ['queued', 'running', 'failed']).where('run_at', '<=', t.clock.now.toISOString()).executeTakeFirst();
    if (!busy) return;
    if (Date.now() > deadline) throw new Error('Jobs did not settle');
    await sleep(10);
  }
}

async function paymentFailed(clientId: string, invoiceId: string, attempt: number, retry: { nextRetryOn: string | null; hardDecline: boolean }): Promise<string> {
  return publishEvent(
    t.deps.database.db,
    {
      type: 'payment.failed',
      severity: 'medium',
      clientId,
      projectId: null,
      assetId: null,
      subjectKey: `payment-failed:${invoiceId}:${attempt}`,
      groupKey: null,
      data: { invoiceId, invoiceNumber: '2026-0042', clientName: 'Client A', amount: { amount: 149_950, currency: 'EUR' }, reason: 'Your card has insufficient funds.', attempt, payUrl: payUrl(invoiceId), methodsUrl: METHODS_URL, ...retry },
    },
    t.clock.now,
  );
}

describe('a failed payment', () => {
  it('reaches the client’s portal user by email in Swedish, with the pay link, and nobody else', async () => {
    const eventId = await paymentFailed(a.clientA, 'inv_a1', 1, { nextRetryOn: '2026-12-03', hardDecline: false });
    const mail = await mailTo(PORTAL_MAIL, 1);
    expect(mail.parsed.subject).toBe('Din betalning för faktura 2026-0042 gick inte igenom');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('Hej portal-a,');
    expect(text).toMatch(/Vi kunde inte dra 1\s499,50\s€ för faktura 2026-0042\. Orsak: Your card has insufficient funds\./);
    expect(text).toContain('Ett nytt försök görs den 3 december 2026.');
    expect(text).toContain(`Betala nu: ${payUrl('inv_a1')}`);
    expect(text).toContain(`Uppdatera ditt betalningssätt: ${METHODS_URL}`);
    expect(mail.parsed.html).toContain(`href="${payUrl('inv_a1')}"`);
    expect(mail.parsed.html).toContain('<html lang="sv">');

    await settled();
    expect(smtp.messages.map((m) => m.envelope.to)).toEqual([[PORTAL_MAIL]]);
    const notifications = await t.deps.database.db.selectFrom('notifications').select(['recipient_user_id', 'reason']).where('event_id', '=', eventId).execute();
    expect(notifications).toEqual([{ recipient_user_id: a.clientUser.id, reason: 'client-portal' }]);
  });

  it('tells the client again at the next dunning step, and says a hard decline is not retried', async () => {
    t.clock.now = new Date('2026-12-03T09:00:00.000Z');
    await paymentFailed(a.clientA, 'inv_a1', 2, { nextRetryOn: null, hardDecline: true });
    const mail = await mailTo(PORTAL_MAIL, 2);
    expect(mail.parsed.text).toContain('Inga fler automatiska försök görs.');
    expect(mail.parsed.text).toContain(`Betala nu: ${payUrl('inv_a1')}`);
    await settled();
    expect(mailsTo(PORTAL_MAIL)).toHaveLength(2);
  });

  it('of another client reaches that client’s portal user only, in its own language', async () => {
    await paymentFailed(a.clientB, 'inv_b1', 1, { nextRetryOn: '2026-12-05', hardDecline: false });
    const mail = await mailTo('portal-b@agency.test', 1);
    expect(mail.parsed.subject).toBe('Your payment for invoice 2026-0042 did not go through');
    expect(mail.parsed.text).toContain(`Pay now: ${payUrl('inv_b1')}`);
    await settled();
    expect(mailsTo(PORTAL_MAIL)).toHaveLength(2);
    const staff = [a.owner, a.admin, a.manager, a.viewer].map((p) => p.email);
    expect(smtp.messages.filter((m) => m.envelope.to.some((to) => staff.includes(to)))).toEqual([]);
  });
});
