import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitorEngine } from '../../src/monitoring/engine/index.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startHttpPeer, type HttpPeer } from '../support/peers/http-server.ts';

/**
 * A status page made through the staff pages and opened by someone who is not signed in:
 * names, states, 90 days of bars and public incident updates, and never what is monitored.
 */
let t: TestApp;
let a: Agency;
let peer: HttpPeer;
let engine: MonitorEngine;
let browser: Browser;
let page: Page;
let monitorId: string;
let healthy = true;
// A target path that must never reach the public page.
const SECRET_PATH = '/health-7f3a9c-private';

beforeAll(async () => {
  peer = await startHttpPeer();
  peer.route(SECRET_PATH, (_req, res) => void res.writeHead(healthy ? 200 : 500).end(healthy ? 'ok' : 'broken'));
  t = await startTestApp({ UPKEEP_BLOCK_PRIVATE_TARGETS: 'false' });
  // Checks happen in real time here: the app's clock follows the wall clock instead of standing still.
  Object.defineProperty(t.clock, 'now', { get: () => new Date(), set: () => undefined });
  a = await seedAgency(t);
  engine = new MonitorEngine(t.deps, { location: 'main', workerId: 'web-status-test', flushMs: 50, syncMs: 200 });
  await engine.start();
  const created = await t.request('POST', '/api/v1/monitors', {
    token: a.manager.token,
    body: { kind: 'http', name: 'Web shop', clientId: a.clientA, failureThreshold: 1, config: { url: `${peer.url}${SECRET_PATH}` } },
  });
  expect(created.status, created.text).toBe(201);
  monitorId = created.body.id;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await engine?.stop();
  await t?.close();
  await peer?.close();
});

/** "Check now" through the API, then wait until the engine has stored the state. */
async function checkedAs(state: 'up' | 'down') {
  await t.request('POST', `/api/v1/monitors/${monitorId}/check`, { token: a.manager.token });
  await eventually(async () => (await t.request('GET', `/api/v1/monitors/${monitorId}`, { token: a.manager.token })).body.state).toBe(state);
}

describe('status pages', () => {
  it('are made by staff on the status pages page, with server messages next to the fields', async () => {
    await checkedAs('up');
    await signIn(page, t.url, a.manager.email);
    await page.goto(`${t.url}/status-pages`);
    const form = page.getByRole('form', { name: 'New status page' });
    await form.getByLabel('Address (slug)').fill('Client A!');
    await form.getByLabel('Title').fill('Client A status');
    await form.getByLabel('Client').selectOption({ label: 'Client A' });
    await form.getByLabel('Web shop').check();
    await form.getByRole('button', { name: 'Create status page' }).click();
    await eventually(() => page.locator('#status-new-slug-error').textContent()).toContain('lower-case letters, digits and dashes');
    await form.getByLabel('Address (slug)').fill('client-a');
    await form.getByRole('button', { name: 'Create status page' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Client A status' });
    await eventually(() => row.textContent()).toContain('/status/client-a');
    expect(await row.textContent()).toContain('Published');
    await screenshot(page, 'status-pages');
  });

  it('shows names, states, 90 days of bars and public updates to anyone, without the targets', async () => {
    healthy = false;
    await checkedAs('down');
    const [incident] = (await t.request('GET', `/api/v1/incidents?monitorId=${monitorId}`, { token: a.manager.token })).body.items;
    await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, { token: a.manager.token, body: { message: 'We are restarting the shop server.', public: true } });
    await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, { token: a.manager.token, body: { message: 'Internal: the disk is full again.', public: false } });
    healthy = true;
    await checkedAs('up');

    const stranger = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const visitor = await stranger.newPage();
    await visitor.goto(`${t.url}/status/client-a`);
    await eventually(() => visitor.getByRole('heading', { level: 1 }).textContent()).toBe('Client A status');
    expect(visitor.url()).toBe(`${t.url}/status/client-a`);
    expect(await visitor.getByText('All systems operational').isVisible()).toBe(true);
    const monitor = visitor.locator('.public-monitor').filter({ hasText: 'Web shop' });
    expect(await monitor.textContent()).toContain('Up');
    const bars = monitor.getByRole('list', { name: 'Uptime of Web shop, one bar per day' }).getByRole('listitem');
    expect(await bars.count()).toBe(90);
    // Each bar names its day and uptime: today is the last one and has data.
    expect(await bars.last().getAttribute('title')).toMatch(/^\w{3} \d{1,2}, \d{4}: [\d.]+% up$/);
    expect(await bars.first().getAttribute('title')).toMatch(/: no data$/);
    const history = visitor.getByRole('region', { name: 'Past incidents' });
    expect(await history.textContent()).toContain('We are restarting the shop server.');
    expect(await history.textContent()).toContain('Resolved');
    // The engine's entries show by kind, in the reader's language; its technical cause does not.
    expect(await history.textContent()).toContain('Confirmed down');
    expect(await history.textContent()).not.toContain('HTTP 500');
    const html = await visitor.content();
    for (const secret of [SECRET_PATH, peer.url, String(peer.port), 'Internal: the disk is full again.']) expect(html).not.toContain(secret);
    await screenshot(visitor, 'status-page-public');
    await visitor.setViewportSize({ width: 390, height: 844 });
    await screenshot(visitor, 'status-page-public-phone');

    await visitor.goto(`${t.url}/status/no-such-page`);
    await eventually(() => visitor.getByRole('alert').textContent()).toBe('There is no status page at this address.');
    expect(visitor.url()).toBe(`${t.url}/status/no-such-page`);
    await stranger.close();
  });

  it('lets a client portal user see their status pages, read only', async () => {
    const portal = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    await signIn(portal, t.url, a.clientUser.email);
    await portal.goto(`${t.url}/status-pages`);
    await eventually(() => portal.getByRole('row').filter({ hasText: 'Client A status' }).count()).toBe(1);
    expect(await portal.getByRole('form').count()).toBe(0);
    expect(await portal.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await portal.getByRole('link', { name: 'Incidents', exact: true }).click();
    await eventually(() => portal.getByRole('region', { name: 'Resolved' }).getByRole('link', { name: 'Web shop' }).count()).toBe(1);
    expect(await portal.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await screenshot(portal, 'portal-incidents-phone');
    await portal.close();
  });
});
