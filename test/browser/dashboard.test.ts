// Real-browser tests of the dashboard: Debian's chromium driven by playwright-core, against the
// server over a store holding the hand-annotated examples. They save screenshots (see
// chromium.ts for where). Skipped (with a message) when /usr/bin/chromium is absent.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, openDashboard, type Dashboard } from './chromium.js';
import { annotatedExamples } from '../store/fixtures.js';

let SHOTS = '';

describe.skipIf(!HAVE_CHROMIUM)('dashboard in chromium', () => {
  let ui: Dashboard;
  let base: string;
  let page: Page;
  let foreign: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ui = await openDashboard('sitrep-browser-', async (store) => {
      await store.putAnalyses(annotatedExamples());
    });
    ({ base, page, foreign, pageErrors, shots: SHOTS } = ui);
  }, 90_000);

  afterAll(() => ui?.close());

  const rows = () => page.locator('[data-testid=claim-row]');
  const loaded = async () => {
    await page.waitForFunction(() => document.body.dataset.loaded != null);
    await page.waitForLoadState('networkidle');
  };

  it('shows the places with claims as markers on the offline map, clustered where they overlap', async () => {
    await page.goto(base + '/');
    await loaded();
    const markers = page.locator('[data-testid=marker]');
    const clusters = page.locator('[data-testid=cluster]');
    // every place is on the map, alone or in a cluster
    const shown = async () => (await markers.count()) + (await clusters.evaluateAll((els) => els.reduce((n, e) => n + Number(e.getAttribute('data-places')), 0)));
    await expect.poll(shown).toBeGreaterThanOrEqual(5);
    // The basemap is drawn (Natural Earth countries as one Leaflet path each), no tiles.
    expect(await page.locator('#map path.land').count()).toBeGreaterThan(100);
    expect(await page.locator('#map .leaflet-tile').count()).toBe(0);
    expect(await rows().count()).toBe(18);
    expect(await page.locator('[data-testid=timeline-bar]').count()).toBeGreaterThan(2);
    await page.screenshot({ path: join(SHOTS, 'dashboard.png') });
    // Ariha's marker overlaps Idlib's at the first view: a cluster; clicking it zooms in until Ariha is alone.
    const ariha = page.locator('[data-testid=marker][data-place=Ariha]');
    for (let i = 0; i < 4 && !(await ariha.count()); i++) {
      await clusters.filter({ has: page.locator('xpath=self::*[contains(@title, "Ariha")]') }).first().click();
      await page.waitForTimeout(400);
    }
    expect(await ariha.getAttribute('data-claims')).toBe('15');
    expect(await ariha.getAttribute('class')).toMatch(/\bp1\b/);
    expect(await ariha.getAttribute('aria-label')).toMatch(/^Ariha.*15 claim/);
    // it is the biggest marker
    const radii = await markers.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-r'))));
    expect(Number(await ariha.getAttribute('data-r'))).toBe(Math.max(...radii));
  }, 60_000);

  it('narrows the table with the filters', async () => {
    await page.goto(base + '/');
    await loaded();
    await page.locator('[data-testid=cat-killed]').check();
    await expect.poll(async () => (await rows().evaluateAll((els) => els.map((e) => e.getAttribute('data-category')))).join(',')).toBe(Array(8).fill('killed').join(','));
    await page.selectOption('select[name=outlet]', 'Relief Monitor');
    await expect.poll(() => rows().count()).toBe(2);
    expect(await page.locator('[data-testid=claim-count]').textContent()).toBe('(2)');
    await page.fill('input[name=q]', 'aid worker');
    await expect.poll(() => rows().count()).toBe(1);
    await expect.poll(() => page.locator('[data-testid=marker]').count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, 'filters.png') });
    // The export links carry the same filters.
    const csv = await page.locator('#exports a[data-format=csv]').getAttribute('href');
    expect(csv).toMatch(/^\/api\/export\?/);
    expect(csv).toContain('category=killed');
    expect(csv).toContain('outlet=Relief+Monitor');
    // Clearing brings everything back; the filters live in the URL.
    expect(page.url()).toContain('category=killed');
    await page.click('button[type=reset]');
    await expect.poll(() => rows().count()).toBe(18);
  }, 60_000);

  it('filters by place when a marker is clicked, and by day from the timeline', async () => {
    await page.goto(base + '/');
    await loaded();
    await page.locator('[data-testid=marker][data-place=Kafranbel]').click();
    await expect.poll(() => rows().count()).toBe(1);
    await page.goto(base + '/#since=2024-03-15&until=2024-03-15');
    await expect.poll(() => rows().count()).toBe(1);
  }, 60_000);

  it('opens the article of a claim with that claim highlighted and the rule on hover', async () => {
    await page.goto(base + '/');
    await loaded();
    await page.locator('[data-testid=claim-row]', { hasText: 'seven soldiers' }).click();
    const article = page.locator('[data-testid=article]');
    await expect.poll(() => article.isVisible()).toBe(true);
    const focus = page.locator('#art-text span.hl.focus');
    await expect.poll(() => focus.count()).toBeGreaterThan(0);
    const focusText = (await focus.allTextContents()).join('');
    expect(focusText).toContain('seven soldiers');
    expect(await focus.first().getAttribute('title')).toMatch(/rules: fixture\.claim\.killed/);
    // Places, actors, statements and loaded terms are highlighted too.
    for (const kind of ['place', 'actor', 'statement', 'framing', 'quantity']) expect(await page.locator(`#art-text span.hl.${kind}`).count()).toBeGreaterThan(0);
    expect(await page.locator('#art-text span.hl.framing', { hasText: 'martyred' }).getAttribute('title')).toMatch(/loaded term: loaded verb/);
    await page.screenshot({ path: join(SHOTS, 'article.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => article.isVisible()).toBe(false);
  }, 60_000);

  it('shows article text escaped, never as markup', async () => {
    const text = 'Protesters wrote <img src=x onerror="window.pwned=1"> and <script>window.pwned=2</script> on a wall in Sarmada; 3 people were injured.';
    const r = await fetch(base + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'xss', title: '<b>bold?</b>', text }) });
    expect(r.status).toBe(201);
    await page.goto(base + '/#doc=xss');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(true);
    expect(await page.locator('#art-text').textContent()).toBe(text);
    expect(await page.locator('#art-text img, #art-text script, #art-title b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  }, 60_000);

  it('draws raster tiles under the countries when the server was given a --tiles template', async () => {
    // the server's /api/config answered as `sitrep serve --tiles <base>/tiles/{z}/{x}/{y}.png` would (same origin, allowed by the CSP)
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    await page.route('**/api/config', async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, json: { ...(await r.json()), tiles: base + '/tiles/{z}/{x}/{y}.png' } });
    });
    await page.route('**/tiles/**', (route) => route.fulfill({ status: 200, contentType: 'image/png', body: png }));
    try {
      await page.goto(base + '/');
      await loaded();
      await expect.poll(() => page.locator('#map img.leaflet-tile').count()).toBeGreaterThan(0);
      expect(await page.locator('#map img.leaflet-tile').first().getAttribute('src')).toMatch(/\/tiles\/\d+\/\d+\/\d+\.png$/);
      expect(await page.locator('#map').getAttribute('class')).toMatch(/\btiled\b/);
      expect(await page.locator('#map path.land').count()).toBeGreaterThan(100);
    } finally {
      await page.unrouteAll();
    }
  }, 60_000);

  it('fetched nothing from outside and raised no page errors', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
