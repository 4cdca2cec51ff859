import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordSlaBreaches } from '../../src/desk/tickets.watch.service.ts';
import { jobHandlers } from '../../src/jobs.ts';
import { createLogger } from '../../src/platform/logger.ts';
import { JobWorker } from '../../src/platform/jobs/worker.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startSmtpPeer, type ReceivedMail, type SmtpPeer } from '../support/peers/smtp.ts';
import { agencyInStockholm, ok } from './helpers.ts';
import { planForClient } from './tickets-helpers.ts';

/**
 * The desk's notifications end to end: tickets changed through the API, the events routed and
 * delivered by the real jobs to a real SMTP server. The client's own email channel hears of its
 * tickets in the client's language; the assignee hears of the client's messages and of the SLA.
 */
let t: TestApp;
let a: Agency;
let smtp: SmtpPeer;
let worker: JobWorker;

const CLIENT_MAIL = 'support@client-a.test';
const ASSIGNEE_MAIL = 'manager@agency.test';
const BASE = 'https://upkeep.agency.test';

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await startTestApp({ UPKEEP_SMTP_URL: smtp.url, UPKEEP_PUBLIC_URL: BASE });
  t.clock.now = new Date('2026-11-20T08:00:00.000Z');
  a = await seedAgency(t);
  await agencyInStockholm(t, a.owner.token);
  await planForClient(t, a.admin.token, a.clientA);
  await ok(t, 'PATCH', `/api/v1/clients/${a.clientA}`, a.admin.token, { locale: 'sv' });
  // The client's own address: a client-facing channel, reached by a rule for the client's types.
  const clientChannel = await ok(t, 'POST', '/api/v1/channels', a.admin.token, { kind: 'email', name: 'Client A support', config: { address: CLIENT_MAIL }, ownerUserId: null, clientId: a.clientA, ratePerMinute: null });
  await ok(t, 'POST', '/api/v1/routing-rules', a.admin.token, {
    name: 'Client A hears of its tickets', eventTypes: ['ticket.created', 'ticket.replied', 'sla.report-ready'], minSeverity: null, clientId: a.clientA, projectId: null,
    targets: [{ kind: 'channel', channelId: clientChannel.id }], escalationPolicyId: null, enabled: true,
  });
  const own = await ok(t, 'POST', '/api/v1/channels', a.manager.token, { kind: 'email', name: 'My email', config: { address: ASSIGNEE_MAIL }, ratePerMinute: null });
  await ok(t, 'PUT', '/api/v1/me/notification-preferences', a.manager.token, { primaryChannelId: own.id });
  worker = new JobWorker({ database: t.deps.database, handlers: jobHandlers(t.deps), logger: createLogger('silent'), concurrency: 4, pollIntervalMs: 5, leaseMs: 5000, workerId: 'desk-test', now: t.deps.now, random: () => 0 });
  worker.start();
});
afterAll(async () => {
  await worker?.stop(500);
  await smtp?.close();
  await t?.close();
});

const at = (iso: string) => (t.clock.now = new Date(iso));
const mailsTo = (address: string) => smtp.messages.filter((m) => m.envelope.to.includes(address));
const subjects = (address: string) => mailsTo(address).map((m) => m.parsed.subject);

/** Waits until a mail to `address` with this subject arrives; the one that did. */
async function mailTo(address: string, subject: string | RegExp, timeoutMs = 8000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mailsTo(address).find((m) => (typeof subject === 'string' ? m.parsed.subject === subject : subject.test(m.parsed.subject ?? '')));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`No mail to ${address} with subject ${subject}; got: ${JSON.stringify(subjects(address))}`);
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

describe('a ticket the client opens on Friday evening, outside support hours', () => {
  let ticketId: string;

  it('is acknowledged on the client’s channel in Swedish, with when work starts and the targets', async () => {
    at('2026-11-20T18:00:00.000Z'); // Friday 19:00 in Stockholm
    const ticket = await ok(t, 'POST', '/api/v1/tickets', a.clientUser.token, { title: 'Kontaktformuläret skickar inget', severity: 'high', body: 'Inga mejl sedan i morse.' });
    ticketId = ticket.id;
    const mail = await mailTo(CLIENT_MAIL, 'Vi har tagit emot ditt ärende: Kontaktformuläret skickar inget');
    const text = mail.parsed.text ?? '';
    expect(text).toContain('Hej Client A,');
    expect(text).toContain('(allvarlighetsgrad: hög)');
    // Support hours open Monday 09:00; a high ticket's first response is an hour of them later.
    expect(text).toContain('utanför våra supporttider; arbetet med det börjar 23 november 2026 kl. 09:00');
    expect(text).toContain('Du hör från oss senast 23 november 2026 kl. 10:00');
    expect(text).toContain(`Öppna i Upkeep: ${BASE}/desk/tickets/${ticketId}`);
    expect(text).not.toContain('/ack/');
    // Nobody at the agency is addressed by an unassigned ticket's acknowledgement.
    await settled();
    expect(subjects(ASSIGNEE_MAIL)).toEqual([]);
  });

  it('tells the assignee it is theirs', async () => {
    at('2026-11-23T08:05:00.000Z');
    await ok(t, 'PATCH', `/api/v1/tickets/${ticketId}`, a.admin.token, { assigneeId: a.manager.id });
    const mail = await mailTo(ASSIGNEE_MAIL, 'Ticket assigned to manager: Kontaktformuläret skickar inget');
    expect(mail.parsed.text).toContain('The high ticket "Kontaktformuläret skickar inget" from Client A is assigned to manager.');
    await settled();
  });

  it('sends the client a public staff reply, never an internal note', async () => {
    at('2026-11-23T08:10:00.000Z');
    const note = await ok(t, 'POST', `/api/v1/tickets/${ticketId}/messages`, a.manager.token, { body: 'INTERNAL: the relay password expired', visibility: 'internal' });
    const details = 'Reläet skickade inte vidare något efter bytet av lösenord. '.repeat(8);
    await ok(t, 'POST', `/api/v1/tickets/${ticketId}/messages`, a.manager.token, { body: `Vi har hittat felet i e-postreläet och åtgärdat det.\n\n${details}\nSLUTET` });
    const reply = await mailTo(CLIENT_MAIL, 'Nytt svar i ditt ärende: Kontaktformuläret skickar inget');
    expect(reply.parsed.text).toContain('manager har svarat i ditt ärende "Kontaktformuläret skickar inget":\n\nVi har hittat felet i e-postreläet och åtgärdat det. Reläet skickade');
    // A long reply is cut at a word, on one line; the whole of it is on the ticket's page.
    expect(reply.parsed.text).toMatch(/ \S+…\n\nÖppna ärendet för att läsa hela svaret/);
    expect(reply.parsed.text).not.toContain('SLUTET');
    await settled();
    expect(smtp.messages.some((m) => (m.parsed.text ?? '').includes('INTERNAL'))).toBe(false);
    const noteEvents = await t.deps.database.db.selectFrom('events').select('id').where('subject_key', '=', `ticket:${ticketId}:message:${note.id}`).execute();
    expect(noteEvents).toEqual([]);
    expect(subjects(CLIENT_MAIL).filter((s) => s?.startsWith('Nytt svar'))).toHaveLength(1);
    // The staff reply is the agency's own: it reaches no one at the agency.
    expect(subjects(ASSIGNEE_MAIL).filter((s) => s?.includes('svar'))).toEqual([]);
  });

  it('tells the assignee what the client wrote, in the assignee’s language', async () => {
    at('2026-11-23T08:30:00.000Z');
    await ok(t, 'POST', `/api/v1/tickets/${ticketId}/messages`, a.clientUser.token, { body: 'Nu fungerar det, tack!' });
    const mail = await mailTo(ASSIGNEE_MAIL, 'Client A replied: Kontaktformuläret skickar inget');
    expect(mail.parsed.text).toContain('portal-a (Client A) wrote on the high ticket "Kontaktformuläret skickar inget":\n\nNu fungerar det, tack!');
    expect(mail.parsed.text).toContain(`Open in Upkeep: ${BASE}/desk/tickets/${ticketId}`);
    await settled();
    // The client's own message is not echoed back to the client.
    expect(subjects(CLIENT_MAIL).filter((s) => s?.includes('tagit emot ditt svar'))).toEqual([]);
  });
});

describe('the SLA watch', () => {
  it('warns the assignee at 75 % and tells of the breach, once each however often it runs', async () => {
    at('2026-11-24T08:00:00.000Z'); // Tuesday 09:00 in Stockholm: the first response (1 h) is due 10:00
    const ticket = await ok(t, 'POST', '/api/v1/tickets', a.admin.token, { clientId: a.clientA, title: 'Checkout is slow', severity: 'high', assigneeId: a.manager.id });
    await mailTo(ASSIGNEE_MAIL, 'New high ticket from Client A: Checkout is slow');
    // Jobs finish before the clock jumps: a delivery still running when the clock moves 44
    // minutes would find its lease long expired and be taken again by another worker loop.
    await settled();

    at('2026-11-24T08:44:00.000Z');
    expect((await recordSlaBreaches(t.deps, t.clock.now)).filter((r) => r.ticketId === ticket.id)).toEqual([]);
    for (const minute of ['08:46', '08:47', '08:50']) {
      at(`2026-11-24T${minute}:00.000Z`);
      await recordSlaBreaches(t.deps, t.clock.now);
    }
    // In the assignee's time zone (their profile's: UTC), where the client's channel read Stockholm's.
    const warning = await mailTo(ASSIGNEE_MAIL, '75% of the first response time used: Checkout is slow');
    expect(warning.parsed.text).toContain('The high ticket "Checkout is slow" from Client A has used 75% of its first response time. The first response is due November 24, 2026 at 09:00 AM UTC.');
    expect(warning.parsed.text).toMatch(new RegExp(`Acknowledge: ${BASE}/ack/`));
    await settled();

    for (const minute of ['09:01', '09:02', '09:30']) {
      at(`2026-11-24T${minute}:00.000Z`);
      await recordSlaBreaches(t.deps, t.clock.now);
    }
    const breach = await mailTo(ASSIGNEE_MAIL, 'SLA breached (first response): Checkout is slow');
    expect(breach.parsed.text).toContain('The first response target of the high ticket "Checkout is slow" from Client A was due November 24, 2026 at 09:00 AM UTC and has passed.');
    await settled();
    await sleep(100);
    const told = subjects(ASSIGNEE_MAIL).filter((s) => s?.endsWith('Checkout is slow'));
    expect(told).toEqual(['New high ticket from Client A: Checkout is slow', '75% of the first response time used: Checkout is slow', 'SLA breached (first response): Checkout is slow']);
    // The breach of a high ticket reaches the owners and admins by the default route, under the subject acknowledging stops.
    const breachEvent = await t.deps.database.db.selectFrom('events').selectAll().where('type', '=', 'ticket.sla-breached').where('subject_key', '=', `ticket:${ticket.id}:first-response`).execute();
    expect(breachEvent.map((e) => e.severity)).toEqual(['high']);
    const told2 = await t.deps.database.db.selectFrom('notifications').select(['recipient_user_id', 'reason']).where('event_id', '=', breachEvent[0]!.id).execute();
    expect(told2.map((n) => [n.recipient_user_id, n.reason]).sort()).toEqual([[a.admin.id, 'route:default'], [a.manager.id, 'addressed'], [a.owner.id, 'route:default']].sort());
  });
});
