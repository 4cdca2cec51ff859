import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ok } from '../support/api.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { startSmtpPeer, type SmtpPeer } from '../support/peers/smtp.ts';

/**
 * The routing preview in the browser: an admin asks who would hear of a failed payment of client A
 * and sees the client's portal users by name and email, on their channel, with the reason — though
 * no rule names them — beside the person a rule names; a staff-only billing message lists the
 * owners and admins and no portal user.
 */
let smtp: SmtpPeer;
let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  smtp = await startSmtpPeer();
  t = await startTestApp({ UPKEEP_SMTP_URL: smtp.url });
  a = await seedAgency(t);
  const inbox = await ok(t, 'POST', '/api/v1/channels', a.owner.token, { kind: 'email', name: 'Accounts inbox', ownerUserId: a.clientUser.id, config: { address: 'accounts@client-a.test' }, ratePerMinute: null });
  await ok(t, 'PUT', `/api/v1/users/${a.clientUser.id}/notification-preferences`, a.owner.token, { primaryChannelId: inbox.id });
  await ok(t, 'POST', '/api/v1/routing-rules', a.owner.token, { name: 'Failed payments to the manager', eventTypes: ['payment.failed'], targets: [{ kind: 'user', userId: a.manager.id }] });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  page.setDefaultTimeout(10_000);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
  await smtp?.close();
});

const result = () => page.getByRole('region', { name: 'Told at once' });
const rowOf = (text: string) => result().getByRole('row').filter({ hasText: text });

async function previewOf(type: string, severity: string, client: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Who would be told?' });
  await form.getByLabel('Event type').selectOption({ label: type });
  await form.getByLabel('Severity').selectOption(severity);
  await form.getByLabel('Client of the event').selectOption({ label: client });
  await form.getByRole('button', { name: 'Preview' }).click();
}

describe('the routing preview in the browser', () => {
  it('shows the client’s portal users for a failed payment, with their channel and why', async () => {
    await signIn(page, t.url, a.admin.email);
    await page.goto(`${t.url}/notifications/agency/routing`);
    await eventually(() => page.getByRole('row').filter({ hasText: 'Failed payments to the manager' }).count()).toBe(1);
    await previewOf('Payment failed', 'high', 'Client A');
    await eventually(() => rowOf('portal-a').textContent()).toContain('Client A’s portal users: its billing messages always reach them');
    expect(await rowOf('portal-a').textContent()).toContain(a.clientUser.email);
    expect(await rowOf('portal-a').textContent()).toContain('Email · Accounts inbox');
    expect(await rowOf('manager').textContent()).toContain('Rule “Failed payments to the manager”');
    expect(await rowOf('manager').textContent()).toContain('Email · their sign-in address (set up with the first message)');
    expect(await result().textContent()).toContain('Matching rules: “Failed payments to the manager”.');
    // The client's portal users come first; nobody else is told.
    expect(await result().getByRole('row').count()).toBe(3);
    expect(await result().getByRole('row').nth(1).textContent()).toContain('portal-a');
    await screenshot(page, 'notifications-routing-preview');
  });

  it('shows no portal user for a staff-only billing message', async () => {
    await previewOf('Charge waiting for approval', 'medium', 'Client A');
    await eventually(() => result().textContent()).toContain('No rule matches: the default routing applies.');
    await eventually(() => rowOf('owner').textContent()).toContain('Default routing');
    expect(await rowOf('admin').textContent()).toContain('Default routing');
    expect(await rowOf('portal-a').count()).toBe(0);
    expect(await result().getByRole('row').count()).toBe(3);
    await screenshot(page, 'notifications-routing-preview-staff');
    await page.setViewportSize({ width: 390, height: 844 });
    await result().scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-routing-preview-phone');
  });
});
