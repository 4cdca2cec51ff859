import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, launchBrowser, screenshot, signIn } from '../support/browser.ts';
import { seedAgency, startTestApp, type Agency, type TestApp } from '../support/app.ts';

/**
 * The import wizard in the browser: a spreadsheet of four domains, one with a date that does not
 * exist, goes through upload, mapping, dry run and commit; the registry holds the three good ones.
 */
let t: TestApp;
let a: Agency;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await startTestApp();
  a = await seedAgency(t);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const CSV = [
  'Domain,Expiry date,Renewal price,Registrar',
  'bakery-one.example,31.12.2026,12.00,Gandi',
  'bakery-two.example,15.01.2027,15.50,Gandi',
  'bakery-bad.example,30.02.2026,9.99,Gandi',
  'bakery-four.example,2026-11-01,20,Gandi',
].join('\n');

async function assetIdentifiers(): Promise<string[]> {
  const res = await t.request('GET', `/api/v1/assets?clientId=${a.clientA}&limit=200`, { token: a.owner.token });
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((asset: { identifier: string }) => asset.identifier).sort();
}

describe('import wizard in the browser', () => {
  it('uploads a CSV, shows the rejected row, and imports the others when told to skip it', async () => {
    await signIn(page, t.url, 'owner@agency.test');
    await page.getByRole('link', { name: 'Import' }).click();
    await eventually(() => page.getByRole('heading', { name: 'Upload the CSV file' }).isVisible()).toBe(true);

    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'bakery-domains.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await screenshot(page, 'import-upload');
    await page.getByRole('button', { name: 'Upload and read the columns' }).click();

    // Mapping: suggested from the headers, the Domain column making them domains.
    await eventually(() => page.getByRole('heading', { name: 'Say what each column holds' }).isVisible()).toBe(true);
    expect(await page.getByText('bakery-domains.csv — rows: 4, columns: 4').isVisible()).toBe(true);
    expect(await page.getByLabel('Import column “Domain” as').inputValue()).toBe('identifier');
    expect(await page.getByLabel('Import column “Expiry date” as').inputValue()).toBe('expiresOn');
    expect(await page.getByLabel('Default kind').inputValue()).toBe('domain');

    // Without a client the API refuses the mapping, and says so next to the default client.
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await eventually(() => page.locator('#import-default-client-error').textContent()).toMatch(/default client/);
    expect(await page.getByLabel('Default client').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'import-mapping-error');

    await page.getByLabel('Default client').fill('Client A');
    // The prices name no currency, so the import is told which one they are in.
    await page.getByLabel('Default currency').fill('eur');
    await screenshot(page, 'import-mapping');
    await page.getByRole('button', { name: 'Preview the import' }).click();

    // Dry run: three to create, the impossible date rejected with its line, column and reason.
    await eventually(() => page.getByRole('heading', { name: 'Check the dry run' }).isVisible()).toBe(true);
    await screenshot(page, 'import-preview');
    const summary = page.getByRole('definition');
    expect(await page.getByRole('term').allTextContents()).toContain('New assets');
    const counts = Object.fromEntries(
      (await page.getByRole('term').allTextContents()).map((term, i) => [term, i]),
    );
    expect(await summary.nth(counts['New assets']!).textContent()).toBe('3');
    expect(await summary.nth(counts['Rejected']!).textContent()).toBe('1');
    expect(await page.getByText('1 rejected', { exact: true }).isVisible()).toBe(true);
    const rejected = page.locator('tr.import-rejected-row');
    expect(await rejected.count()).toBe(1);
    const cells = await rejected.first().getByRole('cell').allTextContents();
    expect(cells[0]).toBe('4');
    expect(cells[1]).toBe('Expiry date');
    expect(cells[2]).toMatch(/30\.02\.2026.*no day 30/);
    expect(await page.getByText('Gandi', { exact: true }).isVisible()).toBe(true);

    // With a rejected row, nothing is imported until the person says to skip it.
    const importButton = page.getByRole('button', { name: 'Import 3 rows' });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel('Import the other rows and skip the rejected ones').check();
    expect(await importButton.isEnabled()).toBe(true);
    await importButton.click();

    await eventually(() => page.getByRole('heading', { name: 'Import complete' }).isVisible()).toBe(true);
    expect(await page.getByRole('status').textContent()).toBe('3 created, 0 changed, 1 skipped.');
    await screenshot(page, 'import-done');

    expect(await assetIdentifiers()).toEqual(['bakery-four.example', 'bakery-one.example', 'bakery-two.example']);

    // The assets list is fresh, not the one cached before the import.
    await page.getByRole('link', { name: 'Show the assets' }).click();
    await eventually(() => page.getByRole('cell', { name: 'bakery-one.example', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: 'bakery-bad.example', exact: true }).count()).toBe(0);
  });

  it('says plainly when the file is not UTF-8, and reads it once told its encoding', async () => {
    await page.goto(`${t.url}/import`);
    const latin1 = Buffer.from('Domain,Client\ncafé-crème.example,Client B\n', 'latin1');
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'latin1.csv', mimeType: 'text/csv', buffer: latin1 });
    await page.getByRole('button', { name: 'Upload and read the columns' }).click();
    await eventually(() => page.getByRole('alert').textContent()).toMatch(/not UTF-8/);
    await screenshot(page, 'import-upload-error');
    await page.getByLabel('Encoding').selectOption('iso-8859-1');
    await page.getByRole('button', { name: 'Upload and read the columns' }).click();
    await eventually(() => page.getByRole('cell', { name: 'café-crème.example' }).isVisible()).toBe(true);
  });

  it('recognises a DomainMOD export and keeps its passwords off the screen', async () => {
    await page.goto(`${t.url}/import`);
    const domainmod = fs.readFileSync(path.resolve(import.meta.dirname, '../../../shared/fixtures/imports/domainmod-import-template-sample.csv'));
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'domainmod.csv', mimeType: 'text/csv', buffer: domainmod });
    await page.getByRole('button', { name: 'Upload and read the columns' }).click();
    await eventually(() => page.getByText(/This is a DomainMOD export/).isVisible()).toBe(true);
    expect(await page.getByLabel('Import column “registrar_account_password” as').inputValue()).toBe('secret:registrar_account_password');
    expect(await page.getByLabel('Import column “dns_server_1” as').inputValue()).toBe('custom:nameservers');
    expect(await page.content()).not.toContain('pass1');
    await screenshot(page, 'import-mapping-domainmod');
  });

  it('fits a phone screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${t.url}/import`);
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'phone.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByRole('button', { name: 'Upload and read the columns' }).click();
    await eventually(() => page.getByLabel('Default client').isVisible()).toBe(true);
    await page.getByLabel('Default client').fill('Client A');
    await page.getByLabel('Default currency').fill('EUR');
    await screenshot(page, 'import-mapping-phone');
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await eventually(() => page.locator('tr.import-rejected-row').count()).toBe(1);
    // Imported before: the three good rows are now unchanged; only the bad one is news.
    await screenshot(page, 'import-preview-phone');
    // A string, since the tests are compiled without the DOM's types.
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(390);
  });
});
