import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MonitorEngine } from '../../src/monitoring/engine/index.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { startHttpPeer, type HttpPeer } from '../support/peers/http-server.ts';

/**
 * The monitoring pages against the real server and a real monitor engine checking a loopback
 * site: set up monitors through the forms, check now, watch an incident open and acknowledge it.
 */
let t: TestApp;
let a: Agency;
let peer: HttpPeer;
let engine: MonitorEngine;
let browser: Browser;
let page: Page;
let siteHealthy = true;

beforeAll(async () => {
  peer = await startHttpPeer();
  peer.route('/health', (_req, res) => void res.writeHead(siteHealthy ? 200 : 503, { 'content-type': 'text/plain' }).end(siteHealthy ? 'ok' : 'down'));
  // Suggested domain monitors ask RDAP: point its bootstrap at the peer (a 404) rather than the internet.
  t = await startTestApp({ UPKEEP_BLOCK_PRIVATE_TARGETS: 'false', UPKEEP_RDAP_BOOTSTRAP_URL: `${peer.url}/rdap-bootstrap`, UPKEEP_OUTBOUND_TIMEOUT_MS: '2000' });
  // Checks happen in real time here: the app's clock follows the wall clock instead of standing still.
  Object.defineProperty(t.clock, 'now', { get: () => new Date(), set: () => undefined });
  a = await seedAgency(t);
  engine = new MonitorEngine(t.deps, { location: 'main', workerId: 'web-test', flushMs: 50, syncMs: 200 });
  await engine.start();
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await engine?.stop();
  await t?.close();
  await peer?.close();
});

const heading = () => page.getByRole('heading', { level: 1 });
const stateIn = (name: string) => page.locator('.asset-title .badge', { hasText: name });

describe('monitors in the browser', () => {
  it('sets up an HTTP monitor through the form, checks it now, and shows its state and response times', async () => {
    await signIn(page, t.url, a.manager.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Monitors' }).click();
    await page.getByRole('link', { name: 'Add monitor' }).click();
    const form = page.getByRole('form', { name: 'Add a monitor' });
    await form.getByLabel('Name', { exact: true }).fill('Shop website');
    await form.getByLabel('URL').fill('shop.example/health');
    await form.getByLabel('Failures before down').fill('1');
    await form.getByRole('button', { name: 'Add monitor' }).click();
    // The server's message shows next to the URL field, and the input says it is wrong.
    await eventually(() => page.locator('#monitor-url-error').textContent()).toContain('must be an http:// or https:// URL');
    expect(await form.getByLabel('URL').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'monitor-form-error');

    await form.getByLabel('URL').fill(`${peer.url}/health`);
    await form.getByRole('button', { name: 'Add monitor' }).click();
    await eventually(() => heading().textContent()).toBe('Shop website');
    await page.getByRole('button', { name: 'Check now' }).click();
    await eventually(() => stateIn('Up').isVisible()).toBe(true);
    const results = page.getByRole('region', { name: 'Latest checks' });
    await eventually(() => results.getByText('OK', { exact: true }).count()).toBeGreaterThan(0);
    await eventually(() => page.locator('.response-chart canvas').count()).toBeGreaterThan(0);
    expect(await page.getByRole('group', { name: 'Uptime' }).textContent()).toContain('100.00%');
    await page.getByRole('button', { name: '7 days' }).click();
    expect(await page.getByRole('button', { name: '7 days' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'monitor-detail');

    await page.getByRole('link', { name: 'All monitors' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Shop website' });
    await eventually(() => row.textContent()).toContain('Up');
    expect(await row.textContent()).toContain(`${peer.url}/health`);
    await page.getByLabel('State').selectOption('down');
    await eventually(() => page.getByText('No monitors match.').isVisible()).toBe(true);
    await page.getByLabel('State').selectOption('');
    await screenshot(page, 'monitors-list');
  });

  it('opens an incident when the site fails, and staff acknowledge it and post an update', async () => {
    siteHealthy = false;
    await page.getByRole('link', { name: 'Shop website' }).click();
    await page.getByRole('button', { name: 'Check now' }).click();
    await eventually(() => stateIn('Down').isVisible()).toBe(true);
    const incidents = page.getByRole('region', { name: 'Incidents' });
    await eventually(() => incidents.getByRole('link', { name: 'Shop website' }).count()).toBe(1);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    const tile = page.getByRole('link', { name: /Open incidents/ });
    await eventually(() => tile.textContent()).toContain('1');
    await tile.click();
    expect(page.url()).toContain('/incidents?state=open');
    await page.getByRole('region', { name: 'Open' }).getByRole('link', { name: 'Shop website' }).click();
    await eventually(() => heading().textContent()).toBe('Shop website');
    const timeline = page.getByRole('region', { name: 'Timeline' });
    expect(await timeline.textContent()).toContain('HTTP 503');

    await page.getByRole('button', { name: 'Acknowledge' }).click();
    await eventually(() => page.getByRole('status').first().textContent()).toBe('Acknowledged: escalation stopped.');
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await eventually(() => timeline.getByText('Acknowledged', { exact: true }).count()).toBe(1);

    await page.getByLabel('Message').fill('The host restarts the web server.');
    await page.getByLabel(/Public: show it on status pages/).check();
    await page.getByRole('button', { name: 'Post' }).click();
    await eventually(() => timeline.textContent()).toContain('The host restarts the web server.');
    expect(await timeline.getByRole('listitem').filter({ hasText: 'The host restarts the web server.' }).textContent()).toContain('Public');
    expect(await timeline.getByText('First failure', { exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Edit the root cause' }).click();
    await page.getByRole('textbox', { name: 'Root cause' }).fill('Out of memory after a plugin update.');
    await page.getByRole('button', { name: 'Save' }).click();
    await eventually(() => page.getByRole('region', { name: 'Root cause' }).textContent()).toContain('Out of memory');
    await screenshot(page, 'incident-detail');
    siteHealthy = true;
  });

  it('shows the server’s message next to the field in the maintenance form', async () => {
    await page.goto(`${t.url}/maintenance`);
    const form = page.getByRole('form', { name: 'Plan maintenance' });
    await form.getByLabel('Title').fill('Server upgrade');
    await form.getByLabel('Monitor').selectOption({ label: 'Shop website' });
    await form.getByLabel('Starts').fill('2030-01-02T10:00');
    await form.getByLabel('Ends').fill('2030-01-02T09:00');
    await form.getByRole('button', { name: 'Plan' }).click();
    await eventually(() => page.locator('#maintenance-ends-error').textContent()).toBe('must be after startsAt');
    expect(await form.getByLabel('Ends').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'maintenance-form-error');

    await form.getByLabel('Ends').fill('2030-01-02T12:00');
    await form.getByRole('button', { name: 'Plan' }).click();
    await eventually(() => page.getByRole('row').filter({ hasText: 'Server upgrade' }).textContent()).toContain('Monitor: Shop website');

    await form.getByLabel('Every week').check();
    await form.getByLabel('Title').fill('Weekly patching');
    await form.getByRole('button', { name: 'Plan' }).click();
    await eventually(() => page.locator('.weekdays .field-error').textContent()).toBe('choose at least one weekday');
    await form.getByLabel('Sunday').check();
    await form.getByRole('button', { name: 'Plan' }).click();
    await eventually(() => page.getByRole('row').filter({ hasText: 'Weekly patching' }).textContent()).toContain('Every Sun at 02:00 for 1 h (');
    await screenshot(page, 'maintenance');
  });

  it('shows a heartbeat’s ping URL once, with what to put in the job', async () => {
    await page.goto(`${t.url}/monitors/new`);
    const form = page.getByRole('form', { name: 'Add a monitor' });
    await form.getByLabel('Kind').selectOption('heartbeat');
    await form.getByLabel('Name', { exact: true }).fill('Nightly backup');
    await form.getByLabel('Expected every (seconds)').fill('86400');
    await form.getByRole('button', { name: 'Add monitor' }).click();
    const ping = page.getByRole('region', { name: 'Ping URL' });
    const url = await ping.getByRole('textbox').inputValue();
    expect(url).toMatch(/\/ping\/[A-Za-z0-9_-]{16,}$/);
    expect(await ping.textContent()).toContain(`curl -fsS -m 10 --retry 3 ${url}/fail`);
    expect(await ping.textContent()).toContain(`${url}/$?`);
    await screenshot(page, 'monitor-heartbeat-created');
    await page.getByRole('link', { name: 'Open the monitor' }).click();
    // The confirmation carries the same heading: wait for the monitor's own page to replace it.
    await eventually(() => ping.count()).toBe(0);
    await eventually(() => heading().textContent()).toBe('Nightly backup');
    expect(await page.content()).not.toContain(url);
  });

  it('offers the matching monitors on a domain asset and creates them in one step', async () => {
    const asset = await t.request('POST', '/api/v1/assets', { token: a.manager.token, body: { clientId: a.clientA, kind: 'domain', identifier: 'localhost', expiresOn: '2031-03-01' } });
    expect(asset.status).toBe(201);
    await page.goto(`${t.url}/assets/${asset.body.id}`);
    const section = page.getByRole('region', { name: 'Monitors' });
    await eventually(() => section.getByText('Matching monitors').isVisible()).toBe(true);
    expect(await section.getByRole('checkbox').count()).toBe(3);
    await section.getByRole('checkbox').nth(1).uncheck();
    await screenshot(page, 'asset-monitor-offer');
    await section.getByRole('button', { name: 'Create 2 monitors' }).click();
    await eventually(() => section.getByRole('listitem').filter({ has: page.getByRole('link') }).count()).toBe(2);
    expect(await section.textContent()).toContain('Domain registration');
    expect(await section.getByText('Matching monitors').count()).toBe(1);
  });

  it('shows a client portal user their own monitors and incidents, read only', async () => {
    const portal = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-GB' });
    await signIn(portal, t.url, a.clientUser.email);
    await portal.getByRole('link', { name: 'Monitors', exact: true }).click();
    await eventually(() => portal.getByRole('link', { name: 'Shop website' }).count()).toBe(0);
    // The Shop website monitor belongs to no client: only client A's own monitors show.
    await eventually(() => portal.getByRole('link', { name: 'localhost registration' }).isVisible()).toBe(true);
    expect(await portal.getByRole('link', { name: 'Add monitor' }).count()).toBe(0);
    expect(await portal.getByRole('link', { name: 'Maintenance' }).count()).toBe(0);
    await portal.getByRole('link', { name: 'localhost registration' }).click();
    await eventually(() => portal.getByRole('heading', { level: 1 }).textContent()).toBe('localhost registration');
    expect(await portal.getByRole('button', { name: 'Check now' }).count()).toBe(0);
    expect(await portal.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await screenshot(portal, 'portal-monitor-phone');
    await portal.close();
  });

  it('speaks the person’s language on the monitoring pages', async () => {
    await t.request('PATCH', '/api/v1/me', { token: a.manager.token, body: { locale: 'ru' } });
    await page.goto(`${t.url}/monitors`);
    await eventually(() => heading().textContent()).toBe('Мониторы');
    expect(await page.getByRole('row').filter({ hasText: 'Shop website' }).textContent()).toMatch(/Работает|Не работает/);
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/monitors\.|incidents\.|maintenance\./);
    await screenshot(page, 'monitors-list-ru');
    await t.request('PATCH', '/api/v1/me', { token: a.manager.token, body: { locale: 'en' } });
  });
});
