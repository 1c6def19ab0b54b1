// What the browser tests share: Debian's chromium (SITREP_CHROMIUM overrides the path), a page that
// records requests leaving the server and page errors, and where screenshots go. Screenshots go to a
// temporary folder unless SITREP_SCREENSHOTS names one (`SITREP_SCREENSHOTS=docs/screenshots npm test`
// retakes the README's), so a test run leaves the tracked files alone.
import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../helpers.js';

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM) console.warn(`test/browser: skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

/** The folder for screenshots (made when asked for). */
export function screenshots(): string {
  const dir = process.env.SITREP_SCREENSHOTS ? resolve(ROOT, process.env.SITREP_SCREENSHOTS) : join(tmpdir(), 'sitrep-screenshots');
  mkdirSync(dir, { recursive: true });
  return dir;
}

export interface BrowserPage {
  browser: Browser;
  page: Page;
  /** requests to anything but the server under test (the dashboard must work offline) */
  foreign: string[];
  pageErrors: string[];
}

/** Launches headless chromium with one page of the given size, watching requests that leave `base`. */
export async function openPage(base: string, viewport = { width: 1500, height: 950 }): Promise<BrowserPage> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport });
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith(base) && !r.url().startsWith('data:')) foreign.push(r.url());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { browser, page, foreign, pageErrors };
}
