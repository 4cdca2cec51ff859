import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ackUrl } from '../../src/notifications/ack-links.ts';
import { closeMailTransports } from '../../src/notifications/channels/index.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { startSmtpPeer, type SmtpPeer } from '../support/peers/smtp.ts';
import { notify, reachesStatus, renewalDue, startDeliveryWorker } from '../notifications/outbox/support.ts';
import { publish, runDueJobs } from '../notifications/policies/support.ts';

let smtp: SmtpPeer;
let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await startTestApp({ UPKEEP_SMTP_URL: smtp.url, UPKEEP_MAIL_FROM: 'Upkeep <upkeep@agency.test>' });
  a = await seedAgency(t);
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  closeMailTransports();
  await smtp?.close();
});

async function openAs(email: string, path: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  await page?.close();
  page = await browser.newPage({ viewport, locale: 'en-GB' });
  // An action that cannot happen fails with what it waited for, well inside the test's time.
  page.setDefaultTimeout(10_000);
  await signIn(page, t.url, email);
  await page.goto(`${t.url}${path}`);
  return page;
}

const rowWith = (text: string) => page.getByRole('row').filter({ hasText: text });
/** A row of the channel list (the delivery log may name the channel too, in a "channel broken" message). */
const channelRow = (name: string) => page.getByRole('region', { name: /channels$/ }).getByRole('row').filter({ hasText: name });
const api = (method: string, path: string, body?: unknown) => t.request(method, `/api/v1${path}`, { token: a.owner.token, ...(body === undefined ? {} : { body }) });

describe('my notifications in the browser', () => {
  it('reaches the page from Settings, adds an email channel and sends a test that arrives', async () => {
    await openAs(a.owner.email, '/settings');
    await page.getByRole('link', { name: /My notifications/ }).click();
    await eventually(() => page.getByRole('heading', { name: 'My channels' }).isVisible()).toBe(true);
    await page.getByLabel('Kind').selectOption('email');
    await page.getByLabel('Channel', { exact: true }).fill('Ops mail');
    await page.getByLabel('Email address').fill('owner@agency.test');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await eventually(() => channelRow('Ops mail').textContent()).toMatch(/owner@agency\.test.*Works/);

    await page.getByRole('button', { name: 'Send a test to Ops mail' }).click();
    await eventually(() => channelRow('Ops mail').getByRole('status').textContent()).toBe('Test message sent.');
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['owner@agency.test']);
    expect(mail!.parsed.subject).toMatch(/^Test message from /);
    expect(mail!.parsed.text).toContain('Ops mail');
    await screenshot(page, 'notifications-channel-tested');
  });

  it('shows the server’s reason next to the field for a bad email address', async () => {
    await page.getByLabel('Channel', { exact: true }).fill('Typo');
    await page.getByLabel('Email address').fill('owner-at-agency');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await eventually(() => page.locator('#my-channel-new-address-error').textContent()).toMatch(/valid email address/);
    expect(await page.getByLabel('Email address').getAttribute('aria-invalid')).toBe('true');
    expect(await rowWith('Typo').count()).toBe(0);
    // A phone number not in E.164 is refused the same way, under its own field.
    await page.getByLabel('Kind').selectOption('sms');
    await page.getByLabel('Twilio Account SID').fill(`AC${'0'.repeat(32)}`);
    await page.getByLabel('Twilio auth token').fill('a-long-enough-token');
    await page.getByLabel('Send from').fill('+46701234567');
    await page.getByLabel('Phone number').fill('0701 23 45 67');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await eventually(() => page.locator('#my-channel-new-to-error').textContent()).toMatch(/E\.164/);
    await screenshot(page, 'notifications-field-errors');
  });

  it('chooses the channel, the language, quiet hours and a weekly digest', async () => {
    await page.getByLabel('Primary channel').selectOption({ label: 'Ops mail · Email' });
    await page.getByLabel('Language of messages').selectOption('sv');
    await page.getByRole('form', { name: 'Where messages go' }).getByRole('button', { name: 'Save' }).click();
    await eventually(async () => (await api('GET', '/me/notification-preferences')).body).toMatchObject({ locale: 'sv', effectiveLocale: 'sv' });
    const channels = (await api('GET', '/channels')).body.items as { id: string; name: string }[];
    expect((await api('GET', '/me/notification-preferences')).body.primaryChannelId).toBe(channels.find((c) => c.name === 'Ops mail')!.id);

    const schedule = page.getByRole('form', { name: 'Quiet hours, working hours and digest' });
    await schedule.getByLabel('Time zone').selectOption('Europe/Stockholm');
    await schedule.getByRole('button', { name: 'Add time window' }).first().click();
    await schedule.getByRole('group', { name: 'Time window 1' }).locator('input[type=time]').first().fill('22:00');
    await schedule.getByRole('group', { name: 'Time window 1' }).locator('input[type=time]').last().fill('07:00');
    await schedule.getByLabel('Send the digest').selectOption('weekly');
    await schedule.getByLabel('On', { exact: true }).selectOption({ label: 'Friday' });
    await schedule.getByRole('button', { name: 'Save' }).click();
    await eventually(async () => (await api('GET', '/me/notification-schedule')).body).toMatchObject({
      timeZone: 'Europe/Stockholm',
      quietHours: [{ days: [1, 2, 3, 4, 5], start: '22:00', end: '07:00' }],
      digest: { frequency: 'weekly', weekday: 5 },
    });
    await screenshot(page, 'notifications-mine');
    // Back to English messages, so the next test reads the delivered subject.
    await page.getByLabel('Language of messages').selectOption('');
    await page.getByRole('form', { name: 'Where messages go' }).getByRole('button', { name: 'Save' }).click();
    await eventually(async () => (await api('GET', '/me/notification-preferences')).body.locale).toBeNull();
  });

  it('lists a message delivered through the outbox as sent, with its attempts, in both logs', async () => {
    smtp.reset();
    const worker = startDeliveryWorker(t, 'browser-test');
    try {
      const { notificationId } = await notify(t, renewalDue('example.org'), { userId: a.owner.id });
      await reachesStatus(t, notificationId, 'sent');
    } finally {
      await worker.stop();
    }
    const [mail] = await smtp.waitForMessages(1);
    expect(mail!.envelope.to).toEqual(['owner@agency.test']);

    await page.reload();
    // A mailbox that is gone: the mail server refuses it for good, the channel is marked broken with the reason.
    smtp.rejectRecipients('gone@agency.test');
    await page.getByLabel('Kind').selectOption('email');
    await page.getByLabel('Channel', { exact: true }).fill('Old mail');
    await page.getByLabel('Email address').fill('gone@agency.test');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await eventually(() => channelRow('Old mail').isVisible()).toBe(true);
    const old = (await api('GET', '/channels')).body.items.find((c: { name: string }) => c.name === 'Old mail');
    const retired = startDeliveryWorker(t, 'browser-test-2');
    try {
      const { notificationId } = await notify(t, renewalDue('example.net'), { channelId: old.id });
      await reachesStatus(t, notificationId, 'gave_up');
    } finally {
      await retired.stop();
    }
    await page.reload();
    await eventually(() => channelRow('Old mail').textContent()).toMatch(/Broken.*No such mailbox/);
    await screenshot(page, 'notifications-broken-channel');
    await page.getByRole('button', { name: 'Delete Old mail' }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await eventually(() => channelRow('Old mail').count()).toBe(0);

    const recent = page.getByRole('region', { name: 'Recent messages to you' });
    await eventually(() => recent.getByRole('row').filter({ hasText: 'example.org' }).textContent()).toMatch(/Ops mail.*Sent.*1 attempt/);

    await page.goto(`${t.url}/notifications/agency/log`);
    await eventually(() => page.getByRole('heading', { name: 'Delivery log' }).isVisible()).toBe(true);
    // The message to the gone mailbox gave up at once (a permanent refusal); its attempt says why.
    await page.getByRole('search').getByLabel('Status').selectOption('gave_up');
    await eventually(() => rowWith('example.net').textContent()).toMatch(/Gave up/);
    expect(await rowWith('example.org').count()).toBe(0);
    await rowWith('example.net').getByRole('button', { name: /Details of/ }).click();
    const refused = page.getByRole('region', { name: /example\.net/ });
    await eventually(() => refused.textContent()).toMatch(/Attempt 1\s*Gave up\s*permanent failure.*550 5\.1\.1 No such mailbox/);
    await screenshot(page, 'notifications-delivery-gave-up');
    await page.getByRole('search').getByLabel('Status').selectOption('sent');
    await page.getByRole('search').getByLabel('Channel').selectOption({ label: 'Ops mail' });
    await eventually(() => rowWith('example.org').textContent()).toMatch(/Renewal due.*Sent/);
    await rowWith('example.org').getByRole('button', { name: /Details of/ }).click();
    const detail = page.getByRole('region', { name: mail!.parsed.subject! });
    await eventually(() => detail.textContent()).toMatch(/Attempt 1\s*Sent/);
    await screenshot(page, 'notifications-delivery-log');
  });
});

describe('the agency’s notification settings in the browser', () => {
  it('adds an agency-wide webhook whose secrets are write-only', async () => {
    await page.getByRole('link', { name: 'Channels', exact: true }).click();
    await eventually(() => page.getByRole('heading', { name: 'Agency-wide channels' }).isVisible()).toBe(true);
    await page.getByLabel('Kind').selectOption('webhook');
    await page.getByLabel('Channel', { exact: true }).fill('Ops webhook');
    await page.getByLabel('URL', { exact: true }).fill('hooks.example.com/upkeep');
    await page.getByLabel('Signing secret').fill('a-shared-signing-secret');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await eventually(() => page.locator('#agency-channel-new-url-error').textContent()).toMatch(/http:\/\/ or https:\/\//);
    await page.getByLabel('URL', { exact: true }).fill('https://hooks.example.com/upkeep');
    await page.getByRole('button', { name: 'Add channel' }).click();
    await eventually(() => channelRow('Ops webhook').textContent()).toMatch(/Webhook · agency-wide.*hooks\.example\.com/);
    expect(await channelRow('Ops mail').count()).toBe(0);

    // Changing the name leaves the stored secrets as they are: the form never shows them.
    await page.getByRole('button', { name: 'Change Ops webhook' }).click();
    const edit = page.getByRole('form', { name: 'Change “Ops webhook”' });
    expect(await edit.getByLabel('Signing secret').inputValue()).toBe('');
    expect(await edit.getByLabel('Signing secret').getAttribute('placeholder')).toBe('Unchanged');
    await edit.getByLabel('Channel', { exact: true }).fill('Ops webhook (shared)');
    await edit.getByRole('button', { name: 'Save' }).click();
    await eventually(() => channelRow('Ops webhook (shared)').isVisible()).toBe(true);
    const channel = (await api('GET', '/channels')).body.items.find((c: { name: string }) => c.name === 'Ops webhook (shared)');
    expect(channel).toMatchObject({ ownerUserId: null, secretFields: ['url', 'secret'] });
    expect(JSON.stringify(channel)).not.toContain('a-shared-signing-secret');
    await screenshot(page, 'notifications-agency-channels');
  });

  it('creates an escalation policy with two ordered steps', async () => {
    await page.getByRole('link', { name: 'Escalation and on-call' }).click();
    await page.getByLabel('Policy', { exact: true }).fill('Wake the team');
    // Step 1 starts at once with the on-call people; step 2 tells the admins after 20 minutes.
    await page.getByRole('button', { name: 'Add step' }).click();
    await page.getByLabel('Minutes before step 2').fill('20');
    await page.getByRole('button', { name: 'Add policy' }).click();
    await eventually(() => rowWith('Wake the team').textContent()).toMatch(/At once → who is on call.*After 20 min → everyone with the role Admin/);
    const policies = (await api('GET', '/escalation-policies')).body.items;
    expect(policies).toMatchObject([{ name: 'Wake the team', steps: [{ afterMinutes: 0, targets: [{ kind: 'on-call' }] }, { afterMinutes: 20, targets: [{ kind: 'role', role: 'admin' }] }] }]);

    // Who is on call: the owner.
    await page.getByRole('form', { name: 'On call' }).getByLabel(/^owner/).check();
    await page.getByRole('form', { name: 'On call' }).getByRole('button', { name: 'Save' }).click();
    await eventually(async () => (await api('GET', '/on-call')).body.userIds).toEqual([a.owner.id]);
    await screenshot(page, 'notifications-escalation');
  });

  it('creates a routing rule that sends critical outages to a person and escalates', async () => {
    await page.getByRole('link', { name: 'Routing rules' }).click();
    await page.getByLabel('Rule', { exact: true }).fill('Client A outages');
    await page.getByLabel('At least this severity').selectOption('high');
    await page.getByLabel('Client', { exact: true }).selectOption({ label: 'Client A' });
    await page.getByRole('checkbox', { name: 'Site down' }).check();
    await page.getByRole('button', { name: 'Add target' }).click();
    await page.getByLabel('Person, target 1').selectOption({ label: 'manager' });
    await page.getByLabel('Escalation policy').selectOption({ label: 'Wake the team' });
    await page.getByRole('button', { name: 'Add rule' }).click();
    await eventually(() => rowWith('Client A outages').textContent()).toMatch(/Site down.*High or worse.*of Client A.*manager.*then escalates with “Wake the team”/);
    const [rule] = (await api('GET', '/routing-rules')).body.items;
    expect(rule).toMatchObject({ eventTypes: ['incident.opened'], minSeverity: 'high', clientId: a.clientA, targets: [{ kind: 'user', userId: a.manager.id }], enabled: true });
    await screenshot(page, 'notifications-routing');
  });

  it('acknowledges an escalation that the rule started', async () => {
    await publish(t, { type: 'incident.opened', severity: 'critical', clientId: a.clientA, subjectKey: 'incident:inc_browser' });
    await runDueJobs(t);
    await page.getByRole('link', { name: 'Escalation and on-call' }).click();
    const running = page.getByRole('region', { name: 'Escalating now' });
    await eventually(() => running.getByRole('row').filter({ hasText: 'incident:inc_browser' }).textContent()).toMatch(/Wake the team/);
    await screenshot(page, 'notifications-escalating');
    await running.getByRole('button', { name: 'Acknowledge incident:inc_browser' }).click();
    await eventually(() => running.getByRole('status').textContent()).toMatch(/incident:inc_browser is acknowledged/);
    await eventually(() => running.getByText('Nothing is escalating.').isVisible()).toBe(true);
    const ack = await api('GET', '/acknowledgements/incident:inc_browser');
    expect(ack.body).toMatchObject({ userId: a.owner.id, via: 'ui' });
  });

  it('previews a template in Swedish and shows an unknown placeholder under the field', async () => {
    await page.getByRole('link', { name: 'Templates' }).click();
    // The template's own language picker, not the app's.
    await page.getByRole('group', { name: 'Which template' }).getByRole('combobox', { name: /^Language/ }).selectOption('sv');
    const preview = page.getByTestId('template-preview');
    await eventually(() => preview.textContent()).toMatch(/^Nere: [\s\S]*är nere sedan/);
    await eventually(() => page.getByLabel('Subject').inputValue()).toBe('Nere: {{monitorName}}');

    await page.getByLabel('Text', { exact: true }).fill('{{monitorName}} är nere, ring {{oncallPhone}}.');
    await eventually(() => page.locator('#template-text-error').textContent()).toMatch(/unknown placeholder \{\{oncallPhone\}\}/);
    await page.getByRole('button', { name: 'Save wording' }).click();
    await eventually(() => page.locator('#template-text-error').textContent()).toMatch(/oncallPhone/);
    await screenshot(page, 'notifications-template-error');

    await page.getByLabel('Text', { exact: true }).fill('{{monitorName}} är nere. Ring jouren.');
    await eventually(() => preview.textContent()).toMatch(/är nere\. Ring jouren\./);
    await page.getByRole('button', { name: 'Save wording' }).click();
    await eventually(() => page.getByRole('status').filter({ hasText: 'Your wording is saved.' }).isVisible()).toBe(true);
    expect((await api('GET', '/notification-templates/incident.opened/staff/sv')).body).toMatchObject({ overridden: true, text: '{{monitorName}} är nere. Ring jouren.' });
    await screenshot(page, 'notifications-template-sv');
  });

  it('speaks Russian and fits a phone', async () => {
    await page.getByLabel('Language', { exact: true }).selectOption('ru');
    await eventually(() => page.getByRole('heading', { name: 'Уведомления агентства' }).isVisible()).toBe(true);
    await page.goto(`${t.url}/notifications`);
    await eventually(() => page.getByRole('heading', { name: 'Мои каналы' }).isVisible()).toBe(true);
    await eventually(() => page.getByText('Отправлено').first().isVisible()).toBe(true);
    expect(await page.locator('body').textContent()).not.toMatch(/notif\./);
    await screenshot(page, 'notifications-mine-ru');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'notifications-mine-ru-phone');
    await page.getByLabel('Язык', { exact: true }).selectOption('en');
    await eventually(() => page.getByRole('heading', { name: 'My channels' }).isVisible()).toBe(true);
  });

  it('keeps the agency settings from a viewer, who still has their own page', async () => {
    await openAs(a.viewer.email, '/notifications/agency/routing');
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/not allowed/);
    await page.goto(`${t.url}/notifications`);
    await eventually(() => page.getByRole('heading', { name: 'My channels' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Agency notification settings' }).count()).toBe(0);
  });

  it('serves the acknowledge link of a message as a page with a button', async () => {
    await page.goto(ackUrl({ ...t.deps, config: { ...t.deps.config, publicUrl: t.url } }, 'incident:inc_link', a.owner.id));
    await eventually(() => page.getByRole('heading', { name: 'Acknowledge' }).isVisible()).toBe(true);
    await screenshot(page, 'notifications-ack-link');
    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Acknowledged' }).isVisible()).toBe(true);
    expect((await api('GET', '/acknowledgements/incident:inc_link')).body).toMatchObject({ via: 'link' });
  });
});
