// The store at scale, run against every implementation beside suite.ts: full-text document search
// and the database's sorts and paging (issue 18), claim counts that stop at a cap (issue 17), and the
// ledger version that keys the server's cached boards (issue 15).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyAnalysis, type Analysis } from '../../src/core/types.js';
import { COUNT_CAP, type Store } from '../../src/store/store.js';
import { syntheticAnalysis } from './fixtures.js';

/** Short reports of our own, each with an outlet, a day and some claims (counts set by n). */
function report(id: string, title: string, text: string, outlet: string, published: string | undefined, claims: number): Analysis {
  const a = emptyAnalysis({ id, text, title, outlet, ...(published && { published }) });
  for (let k = 0; k < claims; k++) {
    a.claims.push({
      start: 0,
      end: 5,
      quantity: { start: 0, end: 1, text: '3' },
      value: { min: 3, max: 3, approx: false },
      category: 'killed',
      who: 'people',
      source: null,
      hedged: false,
      place: null,
      date: published ?? null,
      sentence: 0,
      evidence: [],
    } as unknown as Analysis['claims'][number]);
  }
  return a;
}

const REPORTS = (): Analysis[] => [
  report('r-convoy', 'Aid reaches the north', 'A convoy of forty trucks crossed at dawn, carrying flour and blankets to the camps.', 'Relief Monitor', '2024-03-02', 2),
  report('r-shelling', 'Night of shelling', 'Shelling hit the market district overnight; residents said the bakery was destroyed.', 'Levant Wire', '2024-03-05', 4),
  report('r-flood', 'Floods in the valley', 'Heavy rain flooded the valley road and the river burst its banks near the camps.', 'Border Times', '2024-02-20', 1),
  report('r-evac', 'Évacuation à Alep', "Des familles ont quitté le quartier après les bombardements, selon l'organisation.", 'Agence Nord', '2024-03-04', 0),
  report('r-undated', 'Convoy stopped at checkpoint', 'The aid convoy waited at the checkpoint for six hours before turning back.', 'Levant Wire', undefined, 3),
];

export function storeScaleSuite(name: string, make: () => Promise<Store>) {
  describe(`store at scale: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
    });
    afterEach(async () => {
      await store.close();
    });

    const ids = async (f: Parameters<Store['listDocuments']>[0]) => (await store.listDocuments(f)).items.map((d) => d.id);

    it('searches the words of the title and the text in the database, the last word as a prefix', async () => {
      await store.putAnalyses(REPORTS());
      expect((await ids({ q: 'convoy' })).sort()).toEqual(['r-convoy', 'r-undated']);
      expect(await ids({ q: 'blankets' })).toEqual(['r-convoy']); // in the text only
      expect(await ids({ q: 'NIGHT' })).toEqual(['r-shelling']); // in the title only, any case
      expect(await ids({ q: 'convoy checkpoint' })).toEqual(['r-undated']); // every word
      expect(await ids({ q: 'bak' })).toEqual(['r-shelling']); // the word being typed: a prefix
      expect(await ids({ q: 'valley, river!' })).toEqual(['r-flood']); // punctuation is not searched
      expect(await ids({ q: 'quartier familles' })).toEqual(['r-evac']);
      expect(await ids({ q: 'r-flood' })).toEqual(['r-flood']); // an exact id
      expect(await ids({ q: 'tanks' })).toEqual([]);
      expect(await ids({ q: '%_"*' })).toEqual([]); // nothing to search: matches only such an id
      expect((await store.listDocuments({ q: 'camps' })).total).toBe(2);
    });

    it('keeps the search in step with stored, re-analysed documents', async () => {
      await store.putAnalyses(REPORTS());
      await store.putAnalyses([report('r-new', 'Second convoy', 'Another convoy arrived with medicine.', 'Relief Monitor', '2024-03-06', 1)]);
      expect((await ids({ q: 'convoy' })).sort()).toEqual(['r-convoy', 'r-new', 'r-undated']);
      await store.putAnalyses(REPORTS(), { replace: true });
      expect((await ids({ q: 'convoy' })).sort()).toEqual(['r-convoy', 'r-new', 'r-undated']);
      expect(await ids({ q: 'medicine' })).toEqual(['r-new']);
    });

    it('sorts in the database: newest or oldest first, by outlet, most claims first; undated last', async () => {
      await store.putAnalyses(REPORTS());
      expect(await ids({})).toEqual(['r-shelling', 'r-evac', 'r-convoy', 'r-flood', 'r-undated']);
      expect(await ids({ sort: 'published-desc' })).toEqual(['r-shelling', 'r-evac', 'r-convoy', 'r-flood', 'r-undated']);
      expect(await ids({ sort: 'published-asc' })).toEqual(['r-flood', 'r-convoy', 'r-evac', 'r-shelling', 'r-undated']);
      expect(await ids({ sort: 'outlet' })).toEqual(['r-evac', 'r-flood', 'r-shelling', 'r-undated', 'r-convoy']);
      expect(await ids({ sort: 'claims' })).toEqual(['r-shelling', 'r-undated', 'r-convoy', 'r-flood', 'r-evac']);
      expect(await ids({ sort: 'claims', q: 'convoy' })).toEqual(['r-undated', 'r-convoy']);
    });

    it('pages through the sorted documents without overlap and without a cap', async () => {
      await store.putAnalyses(Array.from({ length: 30 }, (_, i) => syntheticAnalysis(i, 1)));
      for (const sort of ['published-desc', 'published-asc', 'outlet', 'claims'] as const) {
        const seen: string[] = [];
        for (let offset = 0; offset < 40; offset += 7) seen.push(...(await ids({ sort, limit: 7, offset })));
        expect(seen.length).toBe(30);
        expect(new Set(seen).size).toBe(30);
        expect(seen).toEqual(await ids({ sort, limit: 1000 }));
      }
    });

    it(`counts claims up to ${COUNT_CAP} (or the page's end) and says when it stopped`, async () => {
      await store.putAnalyses(Array.from({ length: 11 }, (_, i) => syntheticAnalysis(i, 100)));
      expect((await store.stats()).claims).toBe(1100);
      const first = await store.listClaims({}, { limit: 50 });
      expect(first).toMatchObject({ total: COUNT_CAP, capped: true });
      expect(first.items.length).toBe(50);
      const deep = await store.listClaims({}, { limit: 100, offset: 1000 });
      expect(deep).toMatchObject({ total: 1100, offset: 1000 });
      expect(deep.capped).toBeUndefined();
      expect(deep.items.length).toBe(100);
      const killed = await store.listClaims({ category: ['killed'] });
      expect(killed.total).toBe(11 * 20);
      expect(killed.capped).toBeUndefined();
    });

    it('moves the ledger version on with every batch that changes the ledger, and only then', async () => {
      const v0 = await store.ledgerVersion();
      await store.putAnalyses(REPORTS());
      const v1 = await store.ledgerVersion();
      expect(v1).toBeGreaterThan(v0);
      await store.putAnalyses(REPORTS()); // the same texts: nothing written
      expect(await store.ledgerVersion()).toBe(v1);
      await store.putAnalyses(REPORTS().slice(0, 1), { replace: true });
      const v2 = await store.ledgerVersion();
      expect(v2).toBeGreaterThan(v1);
      await expect(store.putAnalyses([syntheticAnalysis(1), { ...syntheticAnalysis(2), document: null } as unknown as Analysis])).rejects.toThrow();
      expect(await store.ledgerVersion()).toBe(v2); // a failed batch is rolled back with its version
    });
  });
}
