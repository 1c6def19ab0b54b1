// The dashboard at 800 documents, used with the keyboard only and on a 390 px phone, with an
// automated accessibility check (axe-core, injected from node_modules) on every view: no serious or
// critical violation. Screenshots as in chromium.ts. Skipped (with a message) without chromium.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, openDashboard, type Dashboard } from './chromium.js';
import { emptyAnalysis, type Analysis } from '../../src/core/types.js';
import { annotatedExamples, syntheticAnalysis } from '../store/fixtures.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DOCS = 800;
/** Of them, reports each from one of as many hamlets spread over a region, with an event there. */
const SPREAD = 240;
const EVENT_TYPES = ['Battles', 'Explosions/Remote violence', 'Violence against civilians', 'Protests'];

/** Hamlet i: on a grid of 0.15° (with a twist so that no two rows align) over northern Syria. */
function hamlet(i: number) {
  return { name: `Hamlet ${i}`, geonameId: 8_100_000 + i, lat: 34.6 + Math.floor(i / 16) * 0.17, lon: 36.1 + (i % 16) * 0.28 + (Math.floor(i / 16) % 2) * 0.1 };
}

/** A report of people displaced in hamlet i, its event, and every 12th one a movement to the next hamlet. */
function spreadAnalysis(i: number): Analysis {
  const h = hamlet(i);
  const next = hamlet((i + 37) % SPREAD);
  const text = `${(i % 9) + 2} families were displaced in ${h.name} after shelling, a monitor said.`;
  const a = emptyAnalysis({ id: `spread-${i}`, text, published: `2024-0${(i % 9) + 1}-1${i % 10}`, outlet: `Outlet ${i % 5}` });
  const ps = text.indexOf(h.name);
  const place = { name: h.name, geonameId: h.geonameId, country: 'SY', lat: h.lat, lon: h.lon, precision: 1 as const };
  a.places.push({ start: ps, end: ps + h.name.length, text: h.name, name: h.name, geonameId: h.geonameId, country: 'SY', lat: h.lat, lon: h.lon, kind: 'PPL', precision: 1, candidates: [], evidence: [] });
  const q = String((i % 9) + 2);
  a.claims.push({
    start: 0, end: text.length, quantity: { start: 0, end: q.length, text: q }, value: { min: Number(q), max: Number(q), approx: false },
    category: 'displaced', who: 'families', source: { name: 'monitor' }, hedged: false,
    place: { name: h.name, text: h.name, geonameId: h.geonameId, start: ps, end: ps + h.name.length }, date: a.document.published ?? null, sentence: 0,
    evidence: [{ rule: 'synthetic', span: { start: 0, end: 1 } }],
  });
  const base = { start: 0, end: text.length, place, date: a.document.published ?? null, claims: [0], sources: ['monitor'], evidence: [{ rule: 'synthetic', span: { start: 0, end: 1 } }] };
  a.events.push({ ...base, type: EVENT_TYPES[i % EVENT_TYPES.length], subtype: 'Shelling/artillery/missile attack' });
  if (i % 12 === 0) a.events.push({ ...base, type: 'Movements', subtype: 'Displacement', origin: { name: h.name, geonameId: h.geonameId, lat: h.lat, lon: h.lon }, destination: { name: next.name, geonameId: next.geonameId, lat: next.lat, lon: next.lon } });
  return a;
}

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** Serious and critical axe violations on the page, as "rule: help (first targets)". */
async function axeViolations(page: Page): Promise<string[]> {
  // evaluated through the debugging protocol: the page's Content-Security-Policy forbids inline scripts
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const r = (await page.evaluate(() => (window as unknown as { axe: { run: (c: Document, o: object) => Promise<unknown> } }).axe.run(document, { resultTypes: ['violations'] }))) as AxeResult;
  return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')})`);
}

describe.skipIf(!HAVE_CHROMIUM)(`dashboard at ${DOCS} documents: keyboard, phone, accessibility`, () => {
  let ui: Dashboard;
  let page: Page;

  beforeAll(async () => {
    ui = await openDashboard('sitrep-scale-', async (store) => {
      await store.putAnalyses(annotatedExamples());
      const spread = Array.from({ length: SPREAD }, (_, i) => spreadAnalysis(i));
      const rest = [...spread, ...Array.from({ length: DOCS - SPREAD - annotatedExamples().length }, (_, i) => syntheticAnalysis(i, 5))];
      for (let i = 0; i < rest.length; i += 200) await store.putAnalyses(rest.slice(i, i + 200));
    });
    page = ui.page;
  }, 180_000);

  afterAll(() => ui?.close());

  const loaded = async () => {
    await page.waitForFunction(() => document.body.dataset.loaded != null);
    await page.waitForLoadState('networkidle');
  };

  it('ledger: map fitted to the data with clusters or markers, the timeline with axes, no serious accessibility violation', async () => {
    await page.goto(ui.base + '/');
    await loaded();
    expect(await page.locator('[data-testid=marker]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=cluster]').count()).toBeGreaterThan(0);
    // 4,005 claims: the server counts to 1,000 and says there are more; the next page is open
    expect(await page.locator('[data-testid=claim-count]').textContent()).toBe('(1,000+)');
    expect(await page.locator('#next').isDisabled()).toBe(false);
    // axes: day labels along the bottom, counts up the side
    const ticks = await page.locator('#timeline svg text').allTextContents();
    expect(ticks.some((t) => /^\d+$/.test(t.trim()))).toBe(true);
    expect(ticks.some((t) => /[A-Za-z]{3}|\d{4}/.test(t))).toBe(true);
    expect(await page.locator('#timeline svg text', { hasText: 'claims' }).count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=timeline-bar]').count()).toBeGreaterThan(10);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ui.shots, 'scale-ledger.png') });
  }, 90_000);

  it('map: markers and clusters are named keyboard buttons; Enter zooms into a cluster, then filters by a place', async () => {
    await page.goto(ui.base + '/');
    await loaded();
    const buttons = page.locator('[data-testid=marker], [data-testid=cluster]');
    const named = await buttons.evaluateAll((els) => els.filter((e) => e.getAttribute('role') === 'button' && e.getAttribute('tabindex') === '0' && /\w{3}/.test(e.getAttribute('aria-label') ?? '')).length);
    expect(named).toBe(await buttons.count());
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
    const tabTo = async (testid: string) => {
      for (let i = 0; i < 60; i++) {
        await page.keyboard.press('Tab');
        if ((await focused()) === testid) return true;
      }
      return false;
    };
    // Tab meets the places with most claims first: a cluster of the towns with hundreds of claims
    expect(await tabTo('cluster')).toBe(true);
    const places = Number(await page.evaluate(() => document.activeElement?.getAttribute('data-places')));
    expect(places).toBeGreaterThan(1);
    const shown = async () => (await page.locator('[data-testid=marker]').evaluateAll((els) => els.map((e) => e.getAttribute('data-place')))).sort().join(',');
    const before = await shown();
    await page.keyboard.press('Enter');
    await expect.poll(shown).not.toBe(before);
    expect(await tabTo('marker')).toBe(true);
    const place = await page.evaluate(() => document.activeElement?.getAttribute('data-place'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain('place=');
    await expect.poll(async () => (await page.locator('[data-testid=claim-row] td:nth-child(5)').allTextContents()).every((t) => t.startsWith(place ?? '?'))).toBe(true);
  }, 90_000);

  it('map with events: event markers by type clustered, movements as arrows, fitted, no serious accessibility violation', async () => {
    await page.goto(ui.base + '/#events=1');
    await loaded();
    await expect.poll(() => page.locator('[data-testid=event-cluster]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=move-arrow]').count()).toBeGreaterThan(5);
    const arrow = page.locator('[data-testid=move-arrow]').first();
    expect(await arrow.getAttribute('aria-label')).toMatch(/^Movement from Hamlet \d+ to Hamlet \d+/);
    expect(await page.locator('#map path.move-line').count()).toBe(await page.locator('[data-testid=move-arrow]').count());
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('.map-panel').screenshot({ path: join(ui.shots, 'scale-events.png') });
  }, 90_000);

  it('keyboard only: Tab reaches a claim row, Enter opens its article, Esc closes it and gives the focus back', async () => {
    await page.goto(ui.base + '/');
    await loaded();
    // the button before the map skips its hundreds of markers
    let onRow = false;
    let skipped = false;
    for (let i = 0; i < 120 && !onRow; i++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => [document.activeElement?.getAttribute('data-testid'), document.activeElement?.className]);
      if (at[1] === 'skip-map') {
        await page.keyboard.press('Enter');
        skipped = true;
      }
      onRow = at[0] === 'claim-row';
    }
    expect(skipped).toBe(true);
    expect(onRow).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('article-close');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('claim-row');
  }, 90_000);

  it(`documents: all ${DOCS} listed a page at a time, searched and sorted, rows opened with the keyboard`, async () => {
    await page.goto(ui.base + '/#view=documents');
    await expect.poll(() => page.locator('[data-testid=doc-count]').textContent()).toBe(`(${DOCS})`);
    expect(await page.locator('[data-testid=document-row]').count()).toBe(50);
    expect(await page.locator('[data-testid=doc-page-info]').textContent()).toBe(`1–50 of ${DOCS}`);
    await page.locator('#doc-next').click();
    await expect.poll(() => page.locator('[data-testid=doc-page-info]').textContent()).toBe(`51–100 of ${DOCS}`);
    await page.selectOption('[data-testid=doc-sort]', 'outlet');
    await expect.poll(() => page.locator('[data-testid=doc-page-info]').textContent()).toBe(`1–50 of ${DOCS}`);
    await page.fill('[data-testid=doc-search]', 'Ariha');
    await expect.poll(async () => Number((await page.locator('[data-testid=doc-count]').textContent())?.replace(/\D/g, ''))).toBeLessThan(DOCS);
    // searched in the database, then sorted by the server: most claims first
    await page.selectOption('[data-testid=doc-sort]', 'claims');
    const claimCounts = async () => (await page.locator('[data-testid=document-row] td:nth-child(4)').allTextContents()).map(Number);
    await expect.poll(async () => (await claimCounts()).every((n, i, all) => i === 0 || all[i - 1] >= n)).toBe(true);
    expect((await claimCounts()).length).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-testid=document-row]').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(false);
    await page.screenshot({ path: join(ui.shots, 'scale-documents.png') });
  }, 90_000);

  it('figure board: 20 groups a page, long entry lists folded, the page stays short', async () => {
    await page.goto(ui.base + '/#view=figures');
    await expect.poll(() => page.locator('[data-testid=figure-group]').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=figure-group]').count()).toBeLessThanOrEqual(20);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(20 * 900);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ui.shots, 'scale-figure-board.png') });
  }, 120_000);

  it('framing board: every outlet in the table', async () => {
    await page.goto(ui.base + '/#view=framing');
    await expect.poll(() => page.locator('[data-testid=framing-table]').count(), { timeout: 60_000 }).toBe(1);
    const outlets = await page.locator('[data-testid=framing-table] thead th[data-outlet]').count();
    const expected = await page.evaluate(async () => (await (await fetch('/api/compare/framing')).json()).outlets.length);
    expect(outlets).toBe(expected);
    expect(await axeViolations(page)).toEqual([]);
  }, 90_000);

  it('390 px wide: no view is wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const view of ['', '#view=figures', '#view=framing', '#view=documents']) {
      await page.goto(ui.base + '/' + view);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(300);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `${view || 'ledger'} at 390 px`).toBeLessThanOrEqual(390);
      if (!view) {
        // the map fits the screen and shows the places
        const box = await page.locator('#map').boundingBox();
        expect(box!.x + box!.width).toBeLessThanOrEqual(390);
        expect(box!.height).toBeGreaterThan(250);
        expect(await page.locator('[data-testid=marker], [data-testid=cluster]').count()).toBeGreaterThan(0);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: join(ui.shots, 'phone-ledger.png'), fullPage: false });
      }
      if (view === '#view=figures') await page.screenshot({ path: join(ui.shots, 'phone-figure-board.png') });
    }
    await page.setViewportSize({ width: 1500, height: 950 });
  }, 120_000);

  it('fetched nothing from outside and raised no page errors', () => {
    expect(ui.foreign).toEqual([]);
    expect(ui.pageErrors).toEqual([]);
  });
});
