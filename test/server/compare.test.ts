// The comparison endpoints (figure board, framing board, syndicated copies) over a store ingested
// from the team's example reports with the real pipeline: shapes, filters, paging, validation, the
// cache and its invalidation when a document is stored; and events with movement coordinates.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { getJson, startServer, stopServer } from './harness.js';
import { SitrepServer } from '../../src/server/server.js';
import { DEFAULT_POLL_MS } from '../../src/server/boards.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { ingestExamples } from './examples-store.js';

let server: SitrepServer;
let base: string;
let store: SqliteStore;
const pipeline = new Pipeline();

beforeAll(async () => {
  ({ store, server, base } = await startServer(async (s) => { await ingestExamples(s, pipeline); }, { pipeline }));
}, 60_000);
afterAll(() => stopServer({ server, store }));

const get = (path: string) => getJson(base, path);

type Entry = { outlet: string; docId: string; claim: number | null; start: number; end: number; copyOf?: string; sentence: string };

describe('GET /api/compare/figures', () => {
  it('groups the death toll across outlets, each entry pointing at its claim', async () => {
    const r = await get('/api/compare/figures');
    expect(r.status).toBe(200);
    expect(r.body.documents).toBe(5);
    expect(r.body.total).toBeGreaterThanOrEqual(1);
    const killed = r.body.items.find((g: { category: string }) => g.category === 'killed');
    expect(killed).toBeTruthy();
    expect(new Set(killed.entries.map((e: Entry) => e.outlet)).size).toBeGreaterThanOrEqual(3);
    expect(killed.flags).toContain('denied');
    expect(killed.entries.some((e: Entry) => e.copyOf === 'example-wire-ariha-strike')).toBe(true);
    for (const k of ['mostConservative', 'mostRecent', 'spread', 'place', 'from', 'until', 'reports']) expect(killed).toHaveProperty(k);
    // every entry's claim index leads to the same span in the stored document
    for (const e of killed.entries as Entry[]) {
      expect(e.claim).not.toBeNull();
      const doc = (await get('/api/documents/' + encodeURIComponent(e.docId))).body;
      expect(doc.claims[e.claim!]).toMatchObject({ start: e.start, end: e.end });
      expect(e.sentence).toContain(doc.claims[e.claim!].text.trim().split(/\s+/)[0]);
    }
  });

  it('filters by category and minimum reports, and pages', async () => {
    const all = (await get('/api/compare/figures')).body;
    const only = (await get('/api/compare/figures?category=killed,injured')).body;
    expect(only.items.every((g: { category: string }) => ['killed', 'injured'].includes(g.category))).toBe(true);
    expect(only.total).toBeLessThanOrEqual(all.total);
    expect((await get('/api/compare/figures?category=missing')).body.total).toBe(0);
    const many = (await get('/api/compare/figures?minReports=3')).body;
    expect(many.items.every((g: { reports: number }) => g.reports >= 3)).toBe(true);
    expect((await get('/api/compare/figures?minReports=999')).body.total).toBe(0);
    const p = (await get('/api/compare/figures?limit=1&offset=1')).body;
    expect(p).toMatchObject({ total: all.total, limit: 1, offset: 1 });
    expect(p.items).toHaveLength(Math.min(1, all.total - 1));
    if (all.total > 1) expect(p.items[0].id).toBe(all.items[1].id);
  });

  it('answers bad parameters with 400 and the field', async () => {
    const cat = await get('/api/compare/figures?category=dead');
    expect(cat.status).toBe(400);
    expect(cat.body.error).toMatchObject({ code: 'E_PARAM', field: 'category' });
    for (const v of ['0', 'x', '-1', '2.5']) {
      const r = await get('/api/compare/figures?minReports=' + v);
      expect(r.status).toBe(400);
      expect(r.body.error.field).toBe('minReports');
    }
    expect((await get('/api/compare/figures?limit=0')).status).toBe(400);
    const unknown = await get('/api/compare/figures?outlet=x');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown query parameter "outlet"/);
    expect((await get('/api/compare/framing?x=1')).status).toBe(400);
  });
});

describe('GET /api/compare/framing and /duplicates', () => {
  it('shows per outlet the labels for each target and the loaded terms with neutral alternatives', async () => {
    const r = await get('/api/compare/framing');
    expect(r.status).toBe(200);
    expect(r.body.targets).toContain('non-state-armed-groups');
    expect(r.body.targetNames['state-forces']).toBeTruthy();
    expect(r.body.neutralTerms).toContain('army');
    const dd = r.body.outlets.find((o: { outlet: string }) => o.outlet === 'Damascus Daily');
    expect(Object.keys(dd.labels['non-state-armed-groups'])).toContain('terrorists');
    expect(dd.per100['non-state-armed-groups'].terrorists).toBeGreaterThan(0);
    expect(dd.neutral.terrorists).toBeTruthy();
    const fst = r.body.outlets.find((o: { outlet: string }) => o.outlet === 'Free Syria Today');
    expect(Object.keys(fst.labels['state-forces'] ?? {})).toContain('regime');
    // the syndicated copy repeats the wire's words: its outlet is not counted
    expect(r.body.outlets.map((o: { outlet: string }) => o.outlet)).not.toContain('Gulf Morning Post');
  });

  it('lists the syndicated copy with its outlets', async () => {
    const r = await get('/api/compare/duplicates');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(1);
    expect(r.body.items[0].ids).toEqual(['example-wire-ariha-strike', 'example-wire-copy-ariha']);
    expect(r.body.items[0].documents.map((d: { outlet: string }) => d.outlet)).toEqual(['Levant Wire', 'Gulf Morning Post']);
  });
});

describe('the comparison cache', () => {
  it('is computed once and recomputed after a new document is stored', async () => {
    const a = (await get('/api/compare/figures')).body;
    // (the figure board is kept in the database and brought up to date apart from the others: each board's pages share one time)
    expect((await get('/api/compare/figures?limit=1')).body.computedAt).toBe(a.computedAt);
    const b = (await get('/api/compare/framing')).body;
    expect((await get('/api/compare/duplicates')).body.computedAt).toBe(b.computedAt);
    const text =
      'ARIHA, Syria, March 12 (Coast Herald) - Warplanes hit Ariha, a market town south of Idlib, on Monday and 21 people died there, ' +
      'the Syrian Observatory for Human Rights said. Rebels said the regime targeted a market.';
    const post = await fetch(base + '/api/documents', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'coast-herald', outlet: 'Coast Herald', published: '2024-03-12', text }),
    });
    expect(post.status).toBe(201);
    const c = (await get('/api/compare/figures')).body;
    expect(c.documents).toBe(6);
    expect(c.computedAt).not.toBe(a.computedAt);
    const f = (await get('/api/compare/framing')).body;
    expect(f.outlets.map((o: { outlet: string }) => o.outlet)).toContain('Coast Herald');
    // posting the same text again stores nothing and keeps the cache
    const again = await fetch(base + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'coast-herald', text }) });
    expect(again.status).toBe(200);
    expect((await get('/api/compare/duplicates')).body.computedAt).toBe(f.computedAt);
    expect((await get('/api/compare/figures')).body.computedAt).toBe(c.computedAt);
  }, 30_000);

  it('serves the serialised and gzipped board from memory', async () => {
    const r1 = await fetch(base + '/api/compare/figures?minReports=1&limit=5', { headers: { 'accept-encoding': 'gzip' } });
    const r2 = await fetch(base + '/api/compare/figures?limit=5&minReports=1', { headers: { 'accept-encoding': 'gzip' } });
    const [t1, t2] = [await r1.text(), await r2.text()];
    expect(t2).toBe(t1);
    expect(JSON.parse(t1).items.length).toBeGreaterThan(0);
    const plain = await fetch(base + '/api/compare/figures?minReports=1&limit=5', { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(t1);
    // fifty more requests neither count the store nor serialise again: one ledger-version read each
    const stats = vi.spyOn(store, 'stats');
    const version = vi.spyOn(store, 'ledgerVersion');
    const stringify = vi.spyOn(JSON, 'stringify');
    for (let i = 0; i < 50; i++) await (await fetch(base + '/api/compare/figures?minReports=1&limit=5', { headers: { 'accept-encoding': 'gzip' } })).text();
    expect(stats.mock.calls.length).toBe(0);
    expect(version.mock.calls.length).toBeLessThanOrEqual(50);
    expect(stringify.mock.calls.length).toBeLessThanOrEqual(1);
    stats.mockRestore();
    version.mockRestore();
    stringify.mockRestore();
  });

  it('is recomputed when another writer adds to the store', async () => {
    const before = (await get('/api/compare/framing')).body;
    const text = 'HAMA, Syria (Orontes Courier) - Government forces said they liberated two villages north of Hama from the terrorists on Tuesday.';
    await store.putAnalyses([pipeline.analyze({ id: 'orontes', text, outlet: 'Orontes Courier', published: '2024-03-13' })]);
    // the ledger version moved on when the other writer's batch committed; the server reads it at most every DEFAULT_POLL_MS
    await new Promise((r) => setTimeout(r, DEFAULT_POLL_MS + 10));
    const after = (await get('/api/compare/framing')).body;
    expect(after.computedAt).not.toBe(before.computedAt);
    expect(after.documents).toBe(before.documents + 1);
    expect(after.outlets.map((o: { outlet: string }) => o.outlet)).toContain('Orontes Courier');
  }, 30_000);
});

describe('GET /api/events for the map', () => {
  it('carries the coordinates of a movement’s origin and destination', async () => {
    const r = await get('/api/events?limit=1000');
    expect(r.status).toBe(200);
    expect(r.body.total).toBeGreaterThan(0);
    const moves = r.body.items.filter((e: any) => e.origin?.lat != null && e.destination?.lat != null);
    expect(moves.length).toBeGreaterThanOrEqual(1);
    expect(moves[0].type).toBe('Movements');
    expect(typeof moves[0].origin.lon).toBe('number');
    const placed = r.body.items.filter((e: any) => e.place?.lat != null);
    expect(placed.length).toBeGreaterThan(0);
    expect((await get('/api/events?outlet=relief&since=2024-03-01')).body.items.every((e: any) => e.outlet === 'Relief Monitor')).toBe(true);
    // claim-only filters are refused with a 400, not a database error
    const cat = await get('/api/events?category=killed');
    expect(cat.status).toBe(400);
    expect(cat.body.error.message).toMatch(/unknown query parameter "category"/);
  });
});

describe('OpenAPI', () => {
  it('documents the comparison endpoints', async () => {
    const r = await get('/api/openapi.json');
    for (const p of ['/api/compare/figures', '/api/compare/framing', '/api/compare/duplicates']) expect(r.body.paths).toHaveProperty([p]);
    expect(r.body.components.schemas.Event.properties).toHaveProperty('origin');
  });
});
