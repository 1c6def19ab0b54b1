// Real-browser tests of the comparison boards and the event layer: Debian's chromium driven by
// playwright-core, against the server over a store ingested from the team's example reports with
// the real pipeline (five outlets on one fictional strike). Screenshots: see chromium.ts.
// Skipped (with a message) when /usr/bin/chromium is absent.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAVE_CHROMIUM, openDashboard, type Dashboard } from './chromium.js';
import { ingestExamples } from '../server/examples-store.js';

let SHOTS = '';

describe.skipIf(!HAVE_CHROMIUM)('comparison boards and events in chromium', () => {
  let ui: Dashboard;
  let base: string;
  let page: Page;
  let foreign: string[] = [];
  let pageErrors: string[] = [];

  beforeAll(async () => {
    ui = await openDashboard('sitrep-boards-', ingestExamples);
    ({ base, page, foreign, pageErrors, shots: SHOTS } = ui);
  }, 90_000);

  afterAll(() => ui?.close());

  it('shows the figure board: the death toll from several outlets, its chart and entries that open the claim', async () => {
    await page.goto(base + '/');
    await page.waitForFunction(() => document.body.dataset.loaded != null);
    await page.locator('[data-testid=nav-figures]').click();
    const killed = page.locator('[data-testid=figure-group][data-category=killed]').first();
    await expect.poll(() => killed.count()).toBe(1);
    const outlets = await killed.locator('[data-testid=figure-entry]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-outlet')))]);
    expect(outlets.length).toBeGreaterThanOrEqual(3);
    // the chart has a mark per entry with a figure and a day
    const marks = killed.locator('[data-testid=figure-chart] [data-testid=fig-point], [data-testid=figure-chart] [data-testid=fig-range]');
    // (the first entries are shown, the rest behind a button)
    if (await killed.locator('[data-testid=figure-more]').count()) {
      expect(await killed.locator('[data-testid=figure-entry]:visible').count()).toBeLessThan(await killed.locator('[data-testid=figure-entry]').count());
      await killed.locator('[data-testid=figure-more]').click();
    }
    expect(await killed.locator('[data-testid=figure-entry]:visible').count()).toBe(await killed.locator('[data-testid=figure-entry]').count());
    expect(await killed.locator('[data-testid=figure-parts]').textContent()).toMatch(/children.*of 23 people/);
    expect(await marks.count()).toBe(await killed.locator('[data-testid=figure-entry]').count());
    expect(await killed.locator('[data-testid=figure-chart] circle').count()).toBeGreaterThan(0);
    // flags, the syndicated copy marked, the summary
    expect(await killed.locator('[data-testid=flag]').allTextContents()).toContain('denied');
    expect(await killed.locator('.mark.copy').count()).toBeGreaterThan(0);
    expect(await killed.textContent()).toMatch(/most conservative/);
    expect(await page.locator('[data-testid=duplicates]').textContent()).toMatch(/Levant Wire.*=.*Gulf Morning Post/);
    await page.screenshot({ path: join(SHOTS, 'figure-board.png'), fullPage: true });
    // the category filter narrows the board, and clearing it brings every killed group back
    const killedGroups = await page.locator('[data-testid=figure-group][data-category=killed]').count();
    expect(killedGroups).toBeGreaterThan(0);
    await page.selectOption('[data-testid=fig-category]', 'displaced');
    await expect.poll(async () => (await page.locator('[data-testid=figure-group]').evaluateAll((els) => els.map((e) => e.getAttribute('data-category')))).every((c) => c === 'displaced')).toBe(true);
    expect(page.url()).toContain('fcat=displaced');
    await page.selectOption('[data-testid=fig-category]', '');
    await expect.poll(() => page.locator('[data-testid=figure-group][data-category=killed]').count()).toBe(killedGroups);
    // an entry opens the article at its claim
    const first = page.locator('[data-testid=figure-group][data-category=killed] [data-testid=figure-entry]').first();
    await first.locator('[data-testid=entry-link]').click();
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(true);
    const focus = page.locator('#art-text span.hl.focus');
    await expect.poll(() => focus.count()).toBeGreaterThan(0);
    const sentence = await first.locator('[data-testid=entry-link]').textContent();
    expect(sentence).toContain((await focus.allTextContents()).join('').trim());
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(false);
    expect(page.url()).toContain('view=figures');
  }, 60_000);

  it('shows the framing board: a chart per side, outlets side by side, "terrorists" for Damascus Daily under non-state armed groups', async () => {
    await page.goto(base + '/#view=framing');
    await expect.poll(() => page.locator('[data-testid=framing-chart][data-target=non-state-armed-groups]').count()).toBe(1);
    const cell = page.locator('[data-testid=framing-cell][data-outlet="Damascus Daily"][data-target=non-state-armed-groups]');
    await expect.poll(() => cell.count()).toBe(1);
    const terms = await cell.locator('[data-testid=framing-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-term')));
    expect(terms).toContain('terrorists');
    const terrorists = cell.locator('[data-testid=framing-label][data-term=terrorists]');
    expect(await terrorists.getAttribute('title')).toMatch(/neutral alternative: armed groups/);
    // per 100 documents, forms merged ("terrorists", "terrorist organizations"): three uses in its one document
    expect(await terrorists.textContent()).toMatch(/terrorists\s*300/);
    // every outlet has a column; the regime label sits under government for the opposition outlet
    const heads = await page.locator('[data-testid=framing-table] thead th[data-outlet]').allTextContents();
    for (const o of ['Damascus Daily', 'Free Syria Today', 'Levant Wire']) expect(heads.join('|')).toContain(o);
    expect(await page.locator('[data-testid=framing-cell][data-outlet="Free Syria Today"][data-target=state-forces]').textContent()).toContain('regime');
    // the loaded terms per outlet
    const loaded = await page.locator('[data-testid=framing-cell][data-outlet="Free Syria Today"][data-category] [data-testid=framing-label]').evaluateAll((els) => els.map((e) => e.getAttribute('data-term')));
    expect(loaded).toContain('martyred');
    await terrorists.hover();
    await page.screenshot({ path: join(SHOTS, 'framing-board.png'), fullPage: true });
  }, 60_000);

  it('draws the event layer: markers by type and movement arrows, with a legend', async () => {
    await page.setViewportSize({ width: 1500, height: 1300 });
    await page.goto(base + '/');
    await page.waitForFunction(() => document.body.dataset.loaded != null);
    expect(await page.locator('[data-testid=event-marker]').count()).toBe(0);
    await page.locator('[data-testid=events-toggle]').check();
    await expect.poll(() => page.locator('[data-testid=event-marker]').count()).toBeGreaterThan(0);
    expect(page.url()).toContain('events=1');
    const arrows = page.locator('[data-testid=move-arrow]');
    expect(await arrows.count()).toBeGreaterThanOrEqual(1);
    expect(await arrows.first().getAttribute('title')).toMatch(/^Movements — .*\n[\s\S]*from .+ to .+/);
    const types = await page.locator('[data-testid=event-marker]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-type')))]);
    expect(types).toContain('Explosions/Remote violence');
    const tip = await page.locator('[data-testid=event-marker][data-type="Explosions/Remote violence"]').first().getAttribute('title');
    expect(tip).toMatch(/Air\/drone strike|Shelling/);
    expect(tip).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(await page.locator('[data-testid=event-legend]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=event-legend]').textContent()).toMatch(/movement/);
    await page.waitForLoadState('networkidle');
    await page.locator('.map-panel').screenshot({ path: join(SHOTS, 'events.png') });
    // an arrowhead is a named button: Enter opens the movement's article
    expect(await arrows.first().getAttribute('aria-label')).toMatch(/^Movement from .+ to .+Enter opens the article$/);
    await arrows.first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=article]').isVisible()).toBe(false);
    // off again
    await page.locator('[data-testid=events-toggle]').uncheck();
    await expect.poll(() => page.locator('[data-testid=event-marker]').count()).toBe(0);
    await page.setViewportSize({ width: 1500, height: 950 });
  }, 60_000);

  it('shows outlet names and sentences on both boards as text, never as markup', async () => {
    const outlet = '<img src=x onerror="window.pwned=3">Evil Gazette';
    const text =
      'ARIHA, Syria, March 12 - Air strikes on the market in Ariha in Idlib province killed at least 19 civilians <b>on Monday</b>, ' +
      'the Syrian Observatory for Human Rights said. <script>window.pwned=4</script> Officials blamed the terrorists.';
    const r = await fetch(base + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'evil', outlet, published: '2024-03-12', text }) });
    expect(r.status).toBe(201);
    await page.goto(base + '/#view=figures');
    const evil = page.locator('[data-testid=figure-entry]', { hasText: 'Evil Gazette' });
    await expect.poll(() => evil.count()).toBeGreaterThan(0);
    expect(await evil.first().textContent()).toContain(outlet);
    expect(await evil.first().textContent()).toContain('<b>on Monday</b>');
    await page.goto(base + '/#view=framing');
    await expect.poll(() => page.locator(`[data-testid=framing-table] thead th[data-outlet="${outlet.replace(/"/g, '\\"')}"]`).count()).toBe(1);
    expect(await page.locator('#figure-board img, #figure-board script, #framing-board img, #framing-board script').count()).toBe(0);
    expect(await page.locator('#figure-board b', { hasText: 'on Monday' }).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  }, 60_000);

  it('fetched nothing from outside and raised no page errors', () => {
    expect(foreign).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
