// The review loop end to end, in chromium against the real server over a ledger the real pipeline
// filled: open an article, correct a claim's value and source, reject a false place, select a span
// to add a missed claim; run `sitrep ingest --reanalyse`; reload: all three stand, and the history
// names the reviewer (serve's --user). Then the claims table's reviewed filter.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SitrepServer } from '../../src/server/server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { runCli } from '../helpers.js';
import { HAVE_CHROMIUM, openPage, screenshots, type BrowserPage } from './chromium.js';

// Our own sentences: "Jordan" is a nurse's name the place stage takes for the country; the family of
// five in the ruins is a count the claims stage does not read (an analyst adds it).
const TEXT =
  'An air strike on a market in Kafranbel killed seven people on Friday, the local council said.\n' +
  'Jordan, a nurse at the clinic, said the blast shattered the windows.\n' +
  'Rescuers later reached a family of five in the ruins.';
const ID = 'e2e-review';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });

describe.skipIf(!HAVE_CHROMIUM)('review in the dashboard', () => {
  let dir: string;
  let file: string;
  let db: string;
  let store: SqliteStore;
  let server: SitrepServer;
  let base: string;
  let ui: BrowserPage;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sitrep-review-'));
    file = join(dir, 'article.jsonl');
    db = join(dir, 'ledger.db');
    writeFileSync(file, JSON.stringify({ id: ID, title: 'Strike on a market', published: '2024-05-04', outlet: 'Test Wire', text: TEXT }) + '\n');
    const ingest = runCli(['ingest', file, '--db', db]);
    if (ingest.code !== 0) throw new Error(ingest.stderr);
    store = await SqliteStore.open(db);
    server = new SitrepServer({ store, port: 0, user: 'Rania' });
    base = (await server.listen()).url;
    ui = await openPage(base);
    page = ui.page;
  }, 90_000);

  afterAll(async () => {
    await ui?.browser.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const controls = (kind: string, start: number) => page.locator(`[data-testid=review-controls][data-kind=${kind}][data-start="${start}"]`);
  const statusOf = (kind: string, start: number) => controls(kind, start).getAttribute('data-reviewed');
  const open = async () => {
    await page.goto(`${base}/#doc=${ID}`);
    await page.locator('[data-testid=review-history]').waitFor();
  };
  /** Selects [start, end) of the article text as a person dragging the mouse would, then releases. */
  const select = (span: { start: number; end: number }) =>
    page.evaluate(({ start, end }) => {
      const box = document.querySelector('#art-text')!;
      const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      let pos = 0;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const len = n.textContent!.length;
        if (start >= pos && start <= pos + len) range.setStart(n, start - pos);
        if (end >= pos && end <= pos + len) {
          range.setEnd(n, end - pos);
          break;
        }
        pos += len;
      }
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      box.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    }, span);

  it('corrects a claim, rejects a false place and adds a missed claim; all three stand after a reanalysis', async () => {
    const claim = at('killed seven people');
    const jordan = at('Jordan');
    const missed = at('a family of five');
    await open();
    expect(await statusOf('claim', claim.start)).toBe('pending');
    expect(await statusOf('place', jordan.start)).toBe('pending');

    // correct the value and the source
    await controls('claim', claim.start).locator('[data-testid=review-correct]').click();
    const form = page.locator('[data-testid=review-form]');
    await form.locator('input[name=min]').fill('9');
    await form.locator('input[name=max]').fill('9');
    await form.locator('input[name=source]').fill('Civil Defence');
    await form.locator('input[name=note]').fill('the civil defence count');
    await form.locator('[data-testid=review-save]').click();
    await expect.poll(() => statusOf('claim', claim.start)).toBe('corrected');

    // reject the false place
    await controls('place', jordan.start).locator('[data-testid=review-reject]').click();
    await expect.poll(() => statusOf('place', jordan.start)).toBe('rejected');

    // add the missed claim by selecting its words
    await select(missed);
    await page.locator('[data-testid=add-claim]').click();
    const add = page.locator('[data-testid=review-form]');
    await add.locator('input[name=min]').fill('5');
    await add.locator('input[name=max]').fill('5');
    await add.locator('select[name=category]').selectOption('trapped');
    await add.locator('input[name=who]').fill('a family of five');
    await add.locator('[data-testid=review-save]').click();
    await expect.poll(() => statusOf('claim', missed.start)).toBe('added');
    await page.screenshot({ path: join(screenshots(), 'review.png') });

    // the machine runs again over the stored article
    const again = runCli(['ingest', '--reanalyse', file, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stderr + again.stdout).toMatch(/1 replaced|replaced 1|re-?analy[sz]ed 1|1 re-?analy/i);

    await page.reload();
    await page.locator('[data-testid=review-history]').waitFor();
    expect(await statusOf('claim', claim.start)).toBe('corrected');
    expect(await page.locator(`li[data-key]:has([data-testid=review-controls][data-kind=claim][data-start="${claim.start}"])`).textContent()).toMatch(/killed 9\b/);
    expect(await statusOf('place', jordan.start)).toBe('rejected');
    expect(await statusOf('claim', missed.start)).toBe('added');
    const entries = page.locator('[data-testid=history-entry]');
    expect(await entries.count()).toBe(3);
    expect(await entries.evaluateAll((els) => els.map((e) => `${(e as HTMLElement).dataset.action} ${(e as HTMLElement).dataset.user}`))).toEqual(['add Rania', 'reject Rania', 'correct Rania']);
    expect(await entries.nth(2).textContent()).toMatch(/min: 7 → 9, max: 7 → 9, source: local council → Civil Defence/);
    expect(await entries.nth(2).textContent()).toMatch(/the civil defence count/);
    const doc = await (await fetch(`${base}/api/documents/${ID}`)).json();
    expect(doc.claims.find((c: { start: number }) => c.start === claim.start)).toMatchObject({ value: { min: 9, max: 9 }, source: { name: 'Civil Defence' } });
    expect(ui.pageErrors).toEqual([]);
    expect(ui.foreign).toEqual([]);
  }, 120_000);

  it('filters the claims table by review status', async () => {
    await page.goto(`${base}/#reviewed=corrected`);
    const rows = page.locator('[data-testid=claim-row]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('[data-testid=claim-reviewed]').textContent()).toBe('corrected');
    await page.selectOption('select[name=reviewed]', 'added');
    await expect.poll(async () => (await rows.allTextContents()).join('|')).toMatch(/trapped/);
    await page.selectOption('select[name=reviewed]', '');
    await expect.poll(() => rows.count()).toBe(2);
  }, 60_000);

  it('shows the queue with its counter, and rejects a claim from the table', async () => {
    await page.goto(`${base}/#view=review`);
    await expect.poll(async () => (await page.locator('[data-testid=queue-count]').textContent()) ?? '').toMatch(/^3 of 5 claims, places and events reviewed/);
    expect(await page.locator('[data-testid=queue-row]').count()).toBe(2);
    await page.locator('[data-testid=queue-row]').first().click();
    await page.locator('[data-testid=review-history]').waitFor();
    await page.keyboard.press('Escape');
    await page.goto(`${base}/#`);
    const rows = page.locator('[data-testid=claim-row]');
    await expect.poll(() => rows.count()).toBe(2);
    await rows.filter({ hasText: 'trapped' }).locator('[data-testid=row-reject]').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(ui.pageErrors).toEqual([]);
  }, 60_000);
});
