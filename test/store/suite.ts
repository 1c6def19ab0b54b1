// The store contract's test suite, run against every implementation (sqlite.test.ts today; a
// postgres.test.ts calls the same function with a PostgreSQL store).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyAnalysis, type Analysis } from '../../src/core/types.js';
import type { Store } from '../../src/store/store.js';
import { MAX_LIMIT } from '../../src/store/store.js';
import { annotatedExamples, syntheticAnalysis } from './fixtures.js';
import * as wire from '../../src/store/wire.js';
import { storedAnalysis } from '../../src/store/rows.js';

export function storeSuite(name: string, make: () => Promise<Store>) {
  describe(`store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    it('migrates to the latest schema, and again is a no-op', async () => {
      const v = await store.schemaVersion();
      expect(v).toBeGreaterThanOrEqual(2);
      expect(await store.migrate()).toEqual([]);
      expect(await store.schemaVersion()).toBe(v);
    });

    it('stores a batch and reports each document added', async () => {
      const out = await store.putAnalyses(annotatedExamples());
      expect(out.map((o) => o.status)).toEqual(['added', 'added', 'added', 'added', 'added']);
      const s = await store.stats();
      expect(s.documents).toBe(5);
      expect(s.claims).toBe(18);
      expect(s.places).toBe(14);
    });

    it('stores an analysis given as its rows (as the ingest worker sends it) as it stores the analysis', async () => {
      const examples = annotatedExamples();
      await store.putAnalyses(examples.slice(0, 2));
      const out = await store.putAnalyses(examples.slice(2).map(storedAnalysis));
      expect(out.map((o) => o.status)).toEqual(['added', 'added', 'added']);
      const asRows = await store.getDocument(examples[2].document.id);
      await store.putAnalyses([examples[2]], { replace: true });
      const asAnalysis = await store.getDocument(examples[2].document.id);
      const { ingestedAt: _a, ...one } = asRows!;
      const { ingestedAt: _b, ...two } = asAnalysis!;
      expect(one).toEqual(two);
      expect(one.claims.length).toBeGreaterThan(0);
      expect((await store.stats()).claims).toBe(18);
    });

    it('is idempotent by content hash: the same text twice is stored once', async () => {
      await store.putAnalyses(annotatedExamples());
      const before = await store.stats();
      const again = annotatedExamples();
      again[0].document.id = 'another-id-same-text';
      const out = await store.putAnalyses(again);
      expect(out.every((o) => o.status === 'exists')).toBe(true);
      expect(out[0].id).toBe('example-wire-ariha-strike');
      expect(await store.stats()).toEqual(before);
      const hashes = await store.knownHashes(['nope']);
      expect(hashes.size).toBe(0);
    });

    it('keeps both texts when two documents share an id, the later under a suffixed id', async () => {
      const a = syntheticAnalysis(1);
      const b = syntheticAnalysis(2);
      b.document.id = a.document.id;
      const out = await store.putAnalyses([a, b]);
      expect(out[0]).toMatchObject({ status: 'added', id: 'synthetic-1' });
      expect(out[1].status).toBe('added');
      expect(out[1].id).toMatch(/^synthetic-1~[0-9a-f]{8}$/);
    });

    it('replaces the analysis of a stored text on request, keeping its id', async () => {
      await store.putAnalyses(annotatedExamples());
      const again = annotatedExamples();
      again[1].document.id = 'renamed';
      again[1].claims = again[1].claims.slice(0, 1);
      again[1].framing = [];
      const out = await store.putAnalyses([again[1]], { replace: true });
      expect(out).toEqual([{ status: 'replaced', id: 'example-state-ariha', key: out[0].key }]);
      const d = (await store.getDocument('example-state-ariha'))!;
      expect(d.claims.length).toBe(1);
      expect(d.counts.claims).toBe(1);
      expect(d.framing).toEqual([]);
      expect((await store.stats()).documents).toBe(5);
      expect((await store.stats()).claims).toBe(16);
    });

    it('writes a batch all or nothing', async () => {
      const good = syntheticAnalysis(1);
      const bad = syntheticAnalysis(2);
      (bad.claims[0] as { category: unknown }).category = null;
      await expect(store.putAnalyses([good, bad])).rejects.toThrow();
      expect((await store.stats()).documents).toBe(0);
      await store.putAnalyses([good]);
      expect((await store.stats()).documents).toBe(1);
    });

    it('returns a document with its text and every item with offsets into it', async () => {
      await store.putAnalyses(annotatedExamples());
      const d = await store.getDocument('example-ngo-update');
      expect(d).not.toBeNull();
      expect(d!.outlet).toBe('Relief Monitor');
      expect(d!.text.startsWith('Published 15 March 2024')).toBe(true);
      for (const p of d!.places) expect(d!.text.slice(p.start, p.end)).toBe(p.text);
      for (const c of d!.claims) {
        expect(d!.text.slice(c.quantity.start, c.quantity.end)).toBe(c.quantity.text);
        expect(d!.text.slice(c.start, c.end)).toBe(c.text);
        expect(c.evidence[0].rule).toMatch(/^fixture\.claim\./);
      }
      expect(d!.claims.find((c) => c.quantity.text === 'nearly 6,000')).toMatchObject({ category: 'displaced', value: { min: 6000, approx: true }, place: { name: 'Ariha', precision: 1 } });
      expect(d!.counts.claims).toBe(5);
      expect(d!.actors.length).toBe(3);
      expect(d!.statements.length).toBe(1);
      expect(await store.getDocument('no-such-doc')).toBeNull();
    });

    it('lists claims with filters and paging', async () => {
      await store.putAnalyses(annotatedExamples());
      const all = await store.listClaims();
      expect(all.total).toBe(18);
      // Newest day first.
      expect(all.items[0].day! >= all.items[all.items.length - 1].day!).toBe(true);
      const killed = await store.listClaims({ category: ['killed'] });
      expect(killed.total).toBe(8);
      expect(killed.items.every((c) => c.category === 'killed')).toBe(true);
      expect((await store.listClaims({ category: ['killed', 'injured'] })).total).toBe(12);
      expect((await store.listClaims({ source: 'ocha' })).total).toBe(3);
      expect((await store.listClaims({ outlet: 'damascus' })).total).toBe(3);
      expect((await store.listClaims({ place: 'kafranbel' })).total).toBe(1);
      expect((await store.listClaims({ place: '9000003' })).total).toBe(1);
      expect((await store.listClaims({ since: '2024-03-12' })).items.every((c) => c.day! >= '2024-03-12')).toBe(true);
      expect((await store.listClaims({ until: '2024-03-11', category: ['vehicles'] })).total).toBe(1);
      expect((await store.listClaims({ q: 'SOLDIERS' })).total).toBe(1);
      expect((await store.listClaims({ q: '100%_' })).total).toBe(0);
      expect((await store.listClaims({ document: 'example-wire-copy-ariha' })).total).toBe(2);
      const p1 = await store.listClaims({}, { limit: 5, offset: 0 });
      const p2 = await store.listClaims({}, { limit: 5, offset: 5 });
      expect(p1.items.length).toBe(5);
      expect(new Set([...p1.items, ...p2.items].map((c) => c.id)).size).toBe(10);
      expect((await store.listClaims({}, { limit: 10 ** 9 })).limit).toBe(MAX_LIMIT);
      const one = (await store.listClaims({ q: 'seven soldiers' })).items[0];
      expect(one).toMatchObject({ documentId: 'example-opposition-ariha', outlet: 'Free Syria Today', who: 'soldiers', source: { name: 'National Front for Liberation' } });
      // The JSON fast path gives exactly what listClaims gives.
      for (const f of [{}, { category: ['killed'] }, { q: 'soldiers' }, { source: 'ocha' }]) {
        expect(JSON.parse(await store.listClaimsJson(f, { limit: 7, offset: 2 }))).toEqual(JSON.parse(JSON.stringify(await store.listClaims(f, { limit: 7, offset: 2 }))));
      }
      const iterated: string[] = [];
      for await (const c of store.iterateClaims({ category: ['killed'] })) iterated.push(c.id);
      expect(iterated.length).toBe(8);
    });

    it('aggregates places with claim counts, actors and a timeline by day', async () => {
      await store.putAnalyses(annotatedExamples());
      const places = await store.listPlaces();
      const ariha = places.find((p) => p.name === 'Ariha')!;
      expect(ariha).toMatchObject({ geonameId: 9000001, precision: 1, documents: 5, mentions: 5 });
      expect(ariha.claims).toBe(15);
      expect(ariha.lat).toBeCloseTo(35.8134, 3);
      expect(places[0].name).toBe('Ariha');
      const onlyHama = await store.listPlaces({ category: ['displaced'], outlet: 'damascus' });
      expect(onlyHama.map((p) => p.name)).toEqual(['Hama']);
      const actors = await store.listActors();
      expect(actors.find((a) => a.id === 'WHITE_HELMETS')).toMatchObject({ mentions: 3, documents: 3 });
      const tl = await store.timeline();
      const d11 = tl.find((d) => d.day === '2024-03-11')!;
      expect(d11.categories.killed).toBeGreaterThan(0);
      expect(tl.map((d) => d.day)).toEqual([...tl.map((d) => d.day)].sort());
      expect(tl.reduce((n, d) => n + d.claims, 0)).toBe(18);
      const f = await store.facets();
      expect(f.outlets).toContain('Levant Wire');
      expect(f.categories).toContain('missing');
      const docs = await store.listDocuments({ limit: 2 });
      expect(docs.total).toBe(5);
      expect(docs.items.length).toBe(2);
      expect((await store.listDocuments({ outlet: 'relief' })).items[0].counts.claims).toBe(5);
    });

    it('returns records that match the wire schema (src/store/wire.ts) exactly', async () => {
      await store.putAnalyses(annotatedExamples());
      const strict = <T extends { parse: (v: unknown) => unknown }>(schema: T, v: unknown) => expect(schema.parse(v)).toEqual(v);
      for (const c of (await store.listClaims()).items) strict(wire.ClaimRow, c);
      for (const e of (await store.listEvents()).items) strict(wire.EventRow, e);
      for (const d of (await store.listDocuments()).items) strict(wire.DocumentSummary, d);
      strict(wire.DocumentDetail, await store.getDocument('example-ngo-update'));
      for (const p of await store.listPlaces()) strict(wire.PlaceAggregate, p);
      for (const a of await store.listActors()) strict(wire.ActorAggregate, a);
      for (const t of await store.timeline()) strict(wire.TimelineDay, t);
      strict(wire.Facets, await store.facets());
      strict(wire.StoreStats, await store.stats());
    });

    it('keeps each document\'s language, lists a language Sitrep does not read, and filters by it', async () => {
      const docs = annotatedExamples();
      const german = emptyAnalysis({ id: 'de-1', text: 'Bei einem Angriff wurden am Montag drei Menschen getötet.', published: '2024-03-12' }, 'de');
      await store.putAnalyses([...docs, german]);
      const de = await store.listDocuments({ lang: 'de' });
      expect(de.items.map((d) => [d.id, d.lang, d.counts.claims])).toEqual([['de-1', 'de', 0]]);
      expect((await store.listDocuments({ lang: 'en' })).total).toBe(docs.length);
      expect((await store.getDocument('de-1'))?.lang).toBe('de');
    });

    it('lists events with their place and claims', async () => {
      await store.putAnalyses(annotatedExamples());
      const ev = await store.listEvents();
      expect(ev.total).toBeGreaterThan(0);
      expect(ev.items[0].place?.lat).not.toBeNull();
      expect((await store.listEvents({ outlet: 'relief' })).total).toBe(1);
    });

    it('records the pipeline version of each analysis and lists the documents an older one produced', async () => {
      await store.putAnalyses(annotatedExamples());
      const { pipelineVersion } = await import('../../src/pipeline/version.js');
      expect(await store.staleDocuments(pipelineVersion())).toEqual([]);
      const stale = await store.staleDocuments('code:older data:older', { limit: 3 });
      expect(stale.length).toBe(3);
      const rest = await store.staleDocuments('code:older data:older', { afterKey: stale[2].key });
      expect(new Set([...stale, ...rest].map((s) => s.document.id)).size).toBe(5);
      const d = (await store.getDocument(stale[0].document.id))!;
      expect(stale[0].document.text).toBe(d.text);
      expect(stale[0].document.outlet).toBe(d.outlet);
    });

    it('stores an analysis with nothing found (the stages today) without complaint', async () => {
      const empty: Analysis = { ...syntheticAnalysis(9), places: [], claims: [], actors: [] };
      const out = await store.putAnalyses([empty]);
      expect(out[0].status).toBe('added');
      expect((await store.getDocument('synthetic-9'))!.claims).toEqual([]);
    });
  });
}
