// The figure board kept in the database (src/store/sql/board.ts, refreshBoard in
// src/compare/from-store.ts), run against every store (sqlite.test.ts, postgres.test.ts): the groups
// equal those of the comparison of every document, a new document or a review is taken in by
// comparing again only the days it touches, a document written again while a refresh runs stays to
// be compared, and pages are ranked, filtered and numbered like the API's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { boardPage, cutSpan, loadCompareDocs, mergeSpans, refreshBoard } from '../../src/compare/from-store.js';
import { groupFigures, loadGroupLexicon, type FigureGroup } from '../../src/compare/figures.js';
import { nearDuplicates } from '../../src/compare/near-duplicates.js';
import { annotatedExamples, annotate, exampleDocs } from './fixtures.js';

/** A group in substance (ids and order among equals aside). */
const substance = (g: FigureGroup) =>
  [g.category, g.group, g.place, g.from, g.until, g.reports, g.entries.map((e) => `${e.docId}:${e.start}`).sort().join(' '), g.parts.length, g.mostConservative.docId, g.flags.join()].join('|');

async function wholeLedger(store: Store): Promise<string[]> {
  const docs = await loadCompareDocs(store);
  const dups = nearDuplicates(docs.map((d) => ({ id: d.id, text: d.text, published: d.published })));
  return groupFigures(docs, loadGroupLexicon(), dups).map(substance).sort();
}

async function inDb(store: Store, minReports = 1): Promise<FigureGroup[]> {
  return JSON.parse(await boardPage(store.board!, { category: [], minReports, limit: 1e6, offset: 0 }, 'now')).items;
}

/** Another outlet's report of the Ariha toll, a day later. */
function lateReport() {
  const base = exampleDocs().find((d) => /ariha/i.test(d.id)) ?? exampleDocs()[0];
  const a = annotate(base);
  a.document = { ...a.document, id: 'late-report', outlet: 'Late Courier', text: base.text + ' (Updated.)' };
  return a;
}

export function storeBoardSuite(name: string, make: () => Promise<Store>) {
  describe(`figure board in the database: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await make();
      await store.putAnalyses(annotatedExamples());
    });
    afterEach(async () => {
      await store.close();
    });

    it('holds the groups of the comparison of every document', async () => {
      expect(await store.board!.available()).toBe(true);
      const first = await refreshBoard(store.board!);
      expect(first.documents).toBe(5);
      const whole = await wholeLedger(store);
      expect(whole.length).toBeGreaterThan(0);
      expect((await inDb(store)).map(substance).sort()).toEqual(whole);
      // nothing changed: nothing compared
      expect((await refreshBoard(store.board!)).documents).toBe(0);
    });

    it('takes in a new document by comparing again only the days it touches', async () => {
      await refreshBoard(store.board!);
      await store.putAnalyses([lateReport()]);
      const p = await store.board!.pending();
      expect(p.dirty.map((d) => d.docKey)).toHaveLength(1);
      const r = await refreshBoard(store.board!);
      expect(r.documents).toBe(1);
      expect((await inDb(store)).map(substance).sort()).toEqual(await wholeLedger(store));
      expect((await inDb(store)).some((g) => g.entries.some((e) => e.docId === 'late-report'))).toBe(true);
    });

    it('takes in a rejected claim (a review) and drops it from its group', async () => {
      await refreshBoard(store.board!);
      const g = (await inDb(store))[0];
      const e = g.entries[0];
      await store.reviews.act({ documentId: e.docId, kind: 'claim', start: e.start, end: e.end, action: 'reject', user: 'ana' });
      expect((await store.board!.pending()).reviewed).toHaveLength(1);
      expect((await refreshBoard(store.board!)).documents).toBe(1);
      const after = await inDb(store);
      expect(after.some((x) => x.entries.some((y) => y.docId === e.docId && y.start === e.start))).toBe(false);
      expect(after.map(substance).sort()).toEqual(await wholeLedger(store));
      expect((await store.board!.pending()).reviewed).toHaveLength(0);
    });

    it('keeps a document written again during a refresh to be compared', async () => {
      const p = await store.board!.pending();
      const a = annotatedExamples()[0];
      await store.putAnalyses([a], { replace: true });
      await store.board!.done(p);
      const left = await store.board!.pending();
      expect(left.dirty).toHaveLength(1);
      expect(left.dirty[0].mark).toBeGreaterThan(0);
    });

    it('a refresh overtaken by another process writes nothing and leaves its documents marked', async () => {
      const board = store.board!;
      const stale = await board.pending();
      // another process brings the board up to date meanwhile
      await refreshBoard(board);
      expect(await board.replace(stale, null, [])).toBe(false);
      // a refresh that read the board before the other one wrote stops at its first write
      await store.putAnalyses([lateReport()]);
      const real = board.replace.bind(board);
      let first = true;
      board.replace = async (p, clear, groups) => {
        if (first) {
          first = false;
          await real({ ...p }, null, []); // the other process's write, between this one's read and its write
        }
        return real(p, clear, groups);
      };
      try {
        const r = await refreshBoard(board);
        expect(r.overtaken).toBe(true);
      } finally {
        board.replace = real;
      }
      expect((await board.pending()).dirty).toHaveLength(1);
      await refreshBoard(board);
      expect((await inDb(store)).map(substance).sort()).toEqual(await wholeLedger(store));
    });

    it('pages like the API: ranked by reports, filtered, ids as ranks', async () => {
      await refreshBoard(store.board!);
      const all = await inDb(store);
      for (let i = 1; i < all.length; i++) expect(all[i - 1].reports >= all[i].reports).toBe(true);
      expect(all.map((g) => g.id)).toEqual(all.map((_, i) => i + 1));
      const cat = all[0].category;
      const page = JSON.parse(await boardPage(store.board!, { category: [cat], minReports: 2, limit: 1, offset: 0 }, 'now'));
      expect(page.total).toBe(all.filter((g) => g.category === cat && g.reports >= 2).length);
      expect(page.documents).toBe(5);
      expect(page.items.every((g: FigureGroup) => g.category === cat)).toBe(true);
      const second = JSON.parse(await boardPage(store.board!, { category: [], minReports: 1, limit: 1, offset: 1 }, 'now'));
      if (all.length > 1) expect(second.items[0].id).toBe(2);
    });
  });
}

describe('board spans', () => {
  it('merges spans whose days overlap or touch, joining their categories', () => {
    expect(
      mergeSpans([
        { categories: ['killed'], from: '2024-03-10', until: '2024-03-12' },
        { categories: ['killed'], from: '2024-03-13', until: '2024-03-14' },
        { categories: ['killed'], from: '2024-03-20', until: '2024-03-21' },
        { categories: ['injured'], from: '2024-03-11', until: '2024-03-12' },
      ]),
    ).toEqual([
      { categories: ['injured', 'killed'], from: '2024-03-10', until: '2024-03-14' },
      { categories: ['killed'], from: '2024-03-20', until: '2024-03-21' },
    ]);
  });

  it('cuts a long span between days into pieces of about the budget', () => {
    const span = { categories: ['killed'], from: '2024-01-01', until: '2024-01-31' };
    const counts = [
      { day: '2024-01-02', n: 6 },
      { day: '2024-01-05', n: 6 },
      { day: '2024-01-09', n: 6 },
      { day: '2024-01-20', n: 1 },
    ];
    expect(cutSpan(span, counts, 10)).toEqual([
      { categories: ['killed'], from: '2024-01-01', until: '2024-01-02' },
      { categories: ['killed'], from: '2024-01-05', until: '2024-01-05' },
      { categories: ['killed'], from: '2024-01-09', until: '2024-01-31' },
    ]);
    expect(cutSpan(span, counts, 100)).toEqual([span]);
  });
});
