// What the browser tests share: Debian's chromium (SITREP_CHROMIUM overrides the path), a store in a
// temporary folder served by the real server, a page that records requests leaving the server and page
// errors, and where screenshots go. Screenshots go to a
// temporary folder unless SITREP_SCREENSHOTS names one (`SITREP_SCREENSHOTS=docs/screenshots npm test`
// retakes the README's), so a test run leaves the tracked files alone.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SitrepServer } from '../../src/server/server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { ROOT } from '../helpers.js';

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
const PRESENT = existsSync(CHROMIUM);
const IN_CI = /^(1|true)$/i.test(process.env.CI ?? '');
/** Whether the browser tests run: Chromium is there, or CI=true, where a missing one fails rather than skips. */
export const HAVE_CHROMIUM = PRESENT || IN_CI;
if (!PRESENT) console.warn(IN_CI ? `test/browser: ${CHROMIUM} is absent under CI=true: the browser tests fail (apt-get install chromium)` : `test/browser: skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

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
  if (!PRESENT) throw new Error(`Chromium is absent at ${CHROMIUM} (apt-get install chromium, or set SITREP_CHROMIUM): browser tests cannot be skipped under CI=true`);
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

export interface Dashboard extends BrowserPage {
  /** the server's address */
  base: string;
  /** the folder for screenshots */
  shots: string;
  close(): Promise<void>;
}

/** A store filled by `fill`, the server over it and a chromium page, all closed (and the folder removed) by close(). */
export async function openDashboard(prefix: string, fill: (store: SqliteStore) => Promise<void>): Promise<Dashboard> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const store = await SqliteStore.open(join(dir, 'b.db'));
  let server: SitrepServer | undefined;
  let opened: BrowserPage | undefined;
  const close = async () => {
    await opened?.browser.close();
    await server?.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await fill(store);
    server = new SitrepServer({ store, port: 0 });
    const base = (await server.listen()).url;
    opened = await openPage(base);
    return { ...opened, base, shots: screenshots(), close };
  } catch (e) {
    await close();
    throw e;
  }
}
