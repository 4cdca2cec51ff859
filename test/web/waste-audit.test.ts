import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobWorker } from '../../src/platform/jobs/worker.ts';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';
import { seedWasteAssets, startWasteWorld, startWorker, type WasteAssets, type WasteWorld } from '../renewals/waste-fixtures.ts';

/**
 * The waste audit page against the real server, a real job worker, a DNS server and a web server
 * on loopback: run an audit from the page, read the evidence and savings, keep one item and cancel another.
 */
let t: TestApp;
let a: Agency;
let world: WasteWorld;
let worker: JobWorker;
let assets: WasteAssets;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  world = await startWasteWorld();
  t = await startTestApp({ UPKEEP_DNS_SERVERS: world.dns.address });
  Object.defineProperty(t.clock, 'now', { get: () => new Date(), set: () => undefined });
  a = await seedAgency(t);
  assets = await seedWasteAssets(t, a);
  worker = startWorker(t, world);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await worker?.stop();
  await t?.close();
  await world?.close();
});

const item = (name: string) => page.getByRole('list', { name: 'Flagged assets' }).getByRole('listitem', { name, exact: true });

describe('waste audit in the browser', () => {
  it('runs an audit from the page and shows the evidence and the savings per client', async () => {
    await signIn(page, t.url, a.manager.email);
    await page.goto(`${t.url}/renewals/waste`);
    await eventually(() => page.getByText('Nothing to show yet').isVisible()).toBe(true);
    await screenshot(page, 'waste-empty');

    await page.getByRole('button', { name: 'Run audit' }).click();
    await eventually(() => page.getByText(/Last audit .*: 14 assets checked, 10 flagged/).isVisible()).toBe(true);
    await eventually(() => item('parked.test').isVisible()).toBe(true);
    expect(await item('parked.test').textContent()).toContain('parked page: says the domain is for sale');
    expect(await item('norecords.test').textContent()).toContain('delegated, but has no A, AAAA or MX records');
    expect(await item('192.0.2.50').textContent()).toContain('no domain points at its address');
    expect(await item('parked.test').textContent()).toContain('€25.00');
    const savings = page.getByRole('group', { name: 'Potential yearly saving' });
    expect(await savings.getByLabel('Client A').textContent()).toContain('€320.00');
    expect(await savings.getByLabel('Client B').textContent()).toMatch(/600[.,]00/);
    expect(await item('used.test').count()).toBe(0);
    expect(await item('broken.test').count()).toBe(0);
    await screenshot(page, 'waste-report');

    await page.getByLabel('Reason').selectOption('duplicate');
    await eventually(() => page.getByRole('list', { name: 'Flagged assets' }).getByRole('listitem').filter({ has: page.locator('.waste-item-head') }).count()).toBe(2);
    await page.getByLabel('Reason').selectOption('');
  });

  it('keeps one item for a while and cancels another', async () => {
    await item('parked.test').getByRole('button', { name: 'Keep' }).click();
    const keep = page.getByRole('form', { name: 'Keep parked.test' });
    expect(await keep.getByLabel('Do not flag again for (days)').inputValue()).toBe('180');
    await keep.getByLabel('Do not flag again for (days)').fill('90');
    await keep.getByLabel('Note (optional)').fill('Launching in spring');
    await screenshot(page, 'waste-keep-form');
    await keep.getByRole('button', { name: 'Keep it' }).click();
    await eventually(() => page.getByText('parked.test is kept and will not be flagged for 90 days.').isVisible()).toBe(true);
    await eventually(() => item('parked.test').count()).toBe(0);

    await item('Newsletter tool').getByRole('button', { name: 'Cancel' }).click();
    const cancel = page.getByRole('form', { name: 'Cancel Newsletter tool' });
    expect(await cancel.textContent()).toContain('Auto-renew is turned off');
    await screenshot(page, 'waste-cancel-confirm');
    await cancel.getByRole('button', { name: 'Yes, cancel it' }).click();
    await eventually(() => item('Newsletter tool').count()).toBe(0);
    const asset = await t.request('GET', `/api/v1/assets/${assets.subscriptionArchived}`, { token: a.viewer.token });
    expect(asset.body).toMatchObject({ status: 'cancelled', autoRenew: false });

    await page.getByLabel('Show').selectOption('cancel-decided');
    await eventually(() => item('Newsletter tool').isVisible()).toBe(true);
    expect(await item('Newsletter tool').textContent()).toContain('Cancel decided');
    await screenshot(page, 'waste-cancel-decided');
  });

  it('shows viewers the report without the decision buttons', async () => {
    const viewerPage = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    await signIn(viewerPage, t.url, a.viewer.email);
    await viewerPage.goto(`${t.url}/renewals/waste`);
    await eventually(() => viewerPage.getByRole('listitem', { name: 'norecords.test', exact: true }).isVisible()).toBe(true);
    expect(await viewerPage.getByRole('button', { name: 'Run audit' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Keep' }).count()).toBe(0);
    await viewerPage.close();
  });
});
