import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { testDialect } from './db.ts';

/**
 * Debian's Chromium driven by playwright-core: no browser download, flags that keep it off the
 * network, a fresh profile per run. Screenshots go to test-results/screenshots/<database>/.
 */
export const CHROMIUM = process.env.UPKEEP_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium).`);
  // launch() gives the browser a fresh temporary profile of its own each time.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
    ],
  });
}

const SHOTS = path.resolve(import.meta.dirname, '../../test-results/screenshots', testDialect);

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** Pages render asynchronously; on a busy machine that can take longer than expect.poll's 1 s. */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 });

/** The password every user made by the test helpers has. */
export const PASSWORD = 'correct horse battery';

/** Sign in through the page, as a person would, and wait for the dashboard. */
export async function signIn(page: Page, url: string, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Needs attention' }).waitFor({ timeout: 15_000 });
}
