// The review layer's contract, run against every store (sqlite.test.ts, postgres.test.ts): actions,
// history, the overlay after reanalysis, the queue, and conflicting edits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { ReviewConflict, ReviewError } from '../../src/store/review/reviews.js';
import { syntheticAnalysis } from './fixtures.js';
import { rowsOf, writeExport } from '../../src/store/formats.js';

export function reviewSuite(name: string, make: () => Promise<Store>) {
  describe(`review layer: ${name}`, () => {
    let store: Store;
    const doc = 'synthetic-1';
    const fresh = () => syntheticAnalysis(1);
    const claim = (k: number) => fresh().claims[k];
    const place = (k: number) => fresh().places[k];
    const reanalyse = () => store.putAnalyses([fresh()], { replace: true });
    const claimAt = async (start: number, reviewed?: string[]) => (await store.listClaims({ document: doc, ...(reviewed && { reviewed }) })).items.find((c) => c.start === start);
    beforeEach(async () => {
      store = await make();
      await store.putAnalyses([fresh()]);
    });
    afterEach(async () => {
      await store.close();
    });

    it('accepts, rejects, corrects and adds, and every decision survives a reanalysis', async () => {
      const [c0, c1, c2] = [claim(0), claim(1), claim(2)];
      await store.reviews.act({ documentId: doc, kind: 'claim', start: c0.start, end: c0.end, action: 'accept', user: 'ana' });
      await store.reviews.act({ documentId: doc, kind: 'claim', start: c1.start, end: c1.end, action: 'reject', note: 'a false alarm', user: 'ana' });
      const corrected = await store.reviews.act({ documentId: doc, kind: 'claim', start: c2.start, end: c2.end, action: 'correct', fields: { min: 40, max: 45, source: 'Red Crescent' }, user: 'ben' });
      expect(corrected.item).toMatchObject({ min: 40, max: 45, source: 'Red Crescent', reviewed: 'corrected' });
      const text = fresh().document.text;
      const missed = { start: text.indexOf('a monitor said'), end: text.indexOf('a monitor said') + 'a monitor said'.length };
      await store.reviews.act({ documentId: doc, kind: 'claim', ...missed, action: 'add', fields: { min: 2, max: 2, category: 'injured', who: 'monitors' }, user: 'ben' });
      const p0 = place(0);
      await store.reviews.act({ documentId: doc, kind: 'place', start: p0.start, end: p0.end, action: 'reject', user: 'ana' });
      for (const round of [0, 1]) {
        if (round) expect((await reanalyse())[0].status).toBe('replaced');
        expect((await claimAt(c0.start))?.reviewed).toBe('accepted');
        expect(await claimAt(c1.start)).toBeUndefined(); // rejected: hidden unless asked for
        expect((await claimAt(c1.start, ['rejected']))?.reviewed).toBe('rejected');
        expect(await claimAt(c2.start)).toMatchObject({ value: { min: 40, max: 45 }, source: { name: 'Red Crescent' }, reviewed: 'corrected' });
        expect(await claimAt(missed.start)).toMatchObject({ value: { min: 2, max: 2 }, category: 'injured', who: 'monitors', reviewed: 'added', text: 'a monitor said' });
        const d = await store.getDocument(doc);
        expect(d!.places.find((p) => p.start === p0.start)?.reviewed).toBe('rejected');
        // the article keeps a rejected claim (struck out there); lists and their counts leave it out
        expect(d!.claims.find((c) => c.start === c1.start)?.reviewed).toBe('rejected');
        expect((await store.listClaims({ document: doc })).total).toBe(5);
        expect((await store.listClaims({ document: doc, category: ['injured'] })).items.map((c) => c.reviewed)).toEqual(['added']);
        expect((await store.listClaims({ document: doc, category: ['injured'] })).total).toBe(1);
        expect((await store.timeline({ document: doc, category: ['injured'] }))[0]?.claims).toBe(1);
        expect((await store.listPlaces({ document: doc })).find((p) => p.name === p0.name)?.mentions ?? 0).toBe(0);
        expect((await store.listClaims({ document: doc, reviewed: ['pending'] })).items.map((c) => c.start)).toEqual([claim(3).start, claim(4).start]);
        expect((await store.listClaims({ document: doc, reviewed: ['accepted', 'corrected'] })).total).toBe(2);
      }
      const h = await store.reviews.forDocument(doc);
      expect(h!.history.map((e) => [e.action, e.user])).toEqual([['accept', 'ana'], ['reject', 'ana'], ['correct', 'ben'], ['add', 'ben'], ['reject', 'ana']]);
      expect(h!.history[2]).toMatchObject({ old: { min: claim(2).value.min, source: 'OCHA', reviewed: 'pending' }, new: { min: 40, source: 'Red Crescent', reviewed: 'corrected' } });
      expect(h!.history[1].note).toBe('a false alarm');
      expect(h!.history[3].old).toBeNull();
      expect(h!.reviews).toHaveLength(5);
    });

    it('gathers corrections, and restores the machine values when a correction becomes an acceptance', async () => {
      const c = claim(0);
      const one = await store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'correct', fields: { min: 9 }, user: 'ana' });
      const two = await store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'correct', fields: { category: 'injured' }, version: one.review.version, user: 'ana' });
      expect(two.review).toMatchObject({ version: 2, fields: { min: 9, category: 'injured' } });
      expect(await claimAt(c.start)).toMatchObject({ value: { min: 9 }, category: 'injured' });
      await store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'accept', user: 'ana' });
      expect(await claimAt(c.start)).toMatchObject({ value: { min: c.value.min, max: c.value.max }, category: c.category, reviewed: 'accepted' });
      await reanalyse();
      expect(await claimAt(c.start)).toMatchObject({ value: { min: c.value.min }, category: c.category, reviewed: 'accepted' });
    });

    it('refuses an unknown document or item, a span outside the text and bad fields, naming them', async () => {
      const c = claim(0);
      const err = (p: Promise<unknown>) => p.then(() => null, (e: ReviewError) => e);
      expect(await err(store.reviews.act({ documentId: 'nope', kind: 'claim', start: 0, end: 5, action: 'accept', user: 'a' }))).toMatchObject({ status: 404, code: 'E_NOT_FOUND' });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'claim', start: c.start + 1, end: c.end, action: 'accept', user: 'a' }))).toMatchObject({ status: 404, code: 'E_NO_ITEM' });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'claim', start: 0, end: 99_999, action: 'add', user: 'a' }))).toMatchObject({ status: 400, code: 'E_SPAN' });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'claim', start: 5, end: 5, action: 'add', user: 'a' }))).toMatchObject({ status: 400, code: 'E_SPAN' });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'correct', fields: { category: 'dead' }, user: 'a' }))).toMatchObject({ status: 400, field: 'fields' });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'correct', fields: { colour: 'red' }, user: 'a' }))).toMatchObject({ status: 400 });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'correct', user: 'a' }))).toMatchObject({ status: 400 });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'rumour', start: c.start, end: c.end, action: 'accept', user: 'a' }))).toMatchObject({ status: 400, field: 'kind' });
      expect(await err(store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'bless', user: 'a' }))).toMatchObject({ status: 400, field: 'action' });
      expect((await store.reviews.forDocument(doc))!.history).toEqual([]);
    });

    it('answers a stale version with a conflict carrying the current version, and keeps the first edit', async () => {
      const c = claim(0);
      await store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'correct', fields: { min: 7 }, version: 0, user: 'ana' });
      const e = await store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'reject', version: 0, user: 'ben' }).catch((x) => x);
      expect(e).toBeInstanceOf(ReviewConflict);
      expect((e as ReviewConflict).current).toMatchObject({ version: 1, action: 'correct', user: 'ana', fields: { min: 7 } });
      expect(await claimAt(c.start)).toMatchObject({ value: { min: 7 }, reviewed: 'corrected' });
      // two at once, both having seen version 1: one wins, the other is told
      const both = await Promise.allSettled(['ana', 'ben'].map((user) => store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'accept', version: 1, user })));
      expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(both.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason)).toEqual([expect.any(ReviewConflict)]);
      expect((await store.reviews.forDocument(doc))!.history).toHaveLength(2);
    });

    it('queues pending items largest first, counts what is done, and shows an accepted item the analysis no longer produces', async () => {
      let q = await store.reviews.queue({ document: doc });
      expect(q).toMatchObject({ done: 0, needsLook: 0 });
      expect(q.total).toBe(fresh().claims.length + fresh().places.length);
      expect(q.items.slice(0, 5).map((i) => i.value)).toEqual([7, 6, 5, 4, 3]);
      const c = claim(4);
      await store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'accept', user: 'ana' });
      q = await store.reviews.queue({ document: doc });
      expect(q.done).toBe(1);
      expect(q.items[0].value).toBe(6);
      // A new pipeline no longer finds that claim: the acceptance waits for a look.
      const without = fresh();
      without.claims.splice(4, 1);
      await store.putAnalyses([without], { replace: true });
      q = await store.reviews.queue({ document: doc });
      expect(q.needsLook).toBe(1);
      expect(q.items[0]).toMatchObject({ status: 'needs a look', kind: 'claim', start: c.start, end: c.end, review: { action: 'accept', user: 'ana' } });
      expect(q.items[0].reason).toMatch(/accepted by ana/);
      await reanalyse();
      expect((await store.reviews.queue({ document: doc })).needsLook).toBe(0);
      expect((await claimAt(c.start))?.reviewed).toBe('accepted');
    });

    it('ranks up a figure whose sources disagree on the figure board and one a weak rule guessed, with the reason', async () => {
      const weak = fresh();
      weak.claims[1].evidence.push({ rule: 'claims.group:implicit', span: { start: weak.claims[1].start, end: weak.claims[1].end } });
      await store.putAnalyses([weak], { replace: true });
      const c0 = claim(0);
      let q = await store.reviews.queue({ document: doc });
      expect(q.disagreement).toBe('not checked');
      expect(q.items.slice(0, 5).map((i) => i.value)).toEqual([4, 7, 6, 5, 3]); // 4+1 people, a guessed group, weighs like 15
      q = await store.reviews.queue({ document: doc, disagree: [{ documentId: doc, start: c0.start, end: c0.end, note: 'disputed: 3–30 in 2 reports' }, { documentId: 'elsewhere', start: 0, end: 5, note: 'x' }] });
      expect(q.disagreement).toBe('checked');
      expect(q.items.slice(0, 5).map((i) => i.value)).toEqual([3, 4, 7, 6, 5]);
      expect(q.items[0].flags).toContain('disagrees');
      expect(q.items[0].reason).toMatch(/sources disagree \(disputed: 3–30 in 2 reports\)/);
      expect(q.items[1].flags).toContain('weak rule');
      expect(q.items[1].reason).toMatch(/weak rule: group implied/);
      // many disputes: only the largest figures, as many as the pool (3 × limit + 50), are looked up
      const many = Array.from({ length: 60 }, (_, k) => ({ documentId: 'elsewhere', start: k, end: k + 1, note: 'x', value: 1000 }));
      q = await store.reviews.queue({ limit: 1, disagree: [...many, { documentId: doc, start: c0.start, end: c0.end, note: 'disputed', value: 3 }] });
      expect(q.items.map((i) => [i.value, i.flags.includes('disagrees')])).toEqual([[4, false]]);
      q = await store.reviews.queue({ limit: 1, disagree: [...many.slice(0, 50), { documentId: doc, start: c0.start, end: c0.end, note: 'disputed', value: 3 }] });
      expect(q.items.map((i) => [i.value, i.flags.includes('disagrees')])).toEqual([[3, true]]);
      // a reviewed claim leaves the queue even when it disagrees
      await store.reviews.act({ documentId: doc, kind: 'claim', start: c0.start, end: c0.end, action: 'accept', user: 'ana' });
      q = await store.reviews.queue({ document: doc, disagree: [{ documentId: doc, start: c0.start, end: c0.end, note: 'disputed' }] });
      expect(q.items.filter((i) => i.flags.includes('disagrees'))).toEqual([]);
    });

    it('counts the reviewed mentions of each place, a column of the places export', async () => {
      const [p1, p2] = [place(1), place(2)];
      await store.reviews.act({ documentId: doc, kind: 'place', start: p1.start, end: p1.end, action: 'accept', user: 'ana' });
      await store.reviews.act({ documentId: doc, kind: 'place', start: p2.start, end: p2.end, action: 'reject', user: 'ana' });
      await reanalyse();
      const places = await store.listPlaces({ document: doc });
      expect(places.find((p) => p.name === p1.name)).toMatchObject({ mentions: 1, reviewed: 1 });
      expect(places.find((p) => p.name === place(3).name)).toMatchObject({ mentions: 1, reviewed: 0 });
      expect(places.find((p) => p.name === p2.name)?.mentions ?? 0).toBe(0);
      const rejected = await store.listPlaces({ document: doc, reviewed: ['rejected'] });
      expect(rejected.map((p) => [p.name, p.reviewed])).toEqual([[p2.name, 1]]);
      const csv: string[] = [];
      await writeExport(rowsOf(store, 'places', { document: doc }), 'csv', 'places', (t) => void csv.push(t));
      const [head, ...rows] = csv.join('').trim().split(/\r?\n/);
      const col = head.split(',').indexOf('reviewed');
      expect(col).toBeGreaterThan(0);
      expect(rows.find((r) => r.startsWith(p1.name + ','))?.split(',')[col]).toBe('1');
    });

    it('gives an added claim the sentence of its span, and keeps the document counts to what the lists show', async () => {
      const counts = async () => (await store.listDocuments({ limit: 10 })).items.find((d) => d.id === doc)!.counts;
      expect(await counts()).toMatchObject({ claims: 5, places: 5 });
      const text = fresh().document.text;
      const s0 = text.lastIndexOf('a monitor said');
      await store.reviews.act({ documentId: doc, kind: 'claim', start: s0, end: s0 + 14, action: 'add', fields: { min: 2, category: 'injured' }, user: 'ben' });
      await store.reviews.act({ documentId: doc, kind: 'claim', start: claim(0).start, end: claim(0).end, action: 'reject', user: 'ben' });
      await store.reviews.act({ documentId: doc, kind: 'claim', start: claim(1).start, end: claim(1).end, action: 'reject', user: 'ben' });
      await store.reviews.act({ documentId: doc, kind: 'place', start: place(0).start, end: place(0).end, action: 'reject', user: 'ben' });
      for (const round of [0, 1]) {
        if (round) await reanalyse();
        expect((await store.listClaims({ document: doc, reviewed: ['added'] })).items.map((c) => c.sentence)).toEqual([4]);
        expect(await counts()).toMatchObject({ claims: 4, places: 4 });
      }
      await store.reviews.act({ documentId: doc, kind: 'claim', start: claim(1).start, end: claim(1).end, action: 'accept', user: 'ana' });
      expect(await counts()).toMatchObject({ claims: 5 });
    });

    it('reapplies every review on request, and exports the whole history', async () => {
      const c = claim(0);
      await store.reviews.act({ documentId: doc, kind: 'claim', start: c.start, end: c.end, action: 'correct', fields: { who: 'civilians' }, user: 'ana' });
      expect(await store.reviews.applyAll()).toEqual({ documents: 1, applied: 1 });
      expect((await claimAt(c.start))?.who).toBe('civilians');
      const all = [];
      for await (const h of store.reviews.history()) all.push(h);
      expect(all).toMatchObject([{ documentId: doc, action: 'correct', user: 'ana', new: { who: 'civilians' } }]);
    });

    it('tells apart two items of one kind at the same span (two events told in one sentence) by nth', async () => {
      const withEvents = (n: number) => {
        const a = fresh();
        const c = a.claims[0];
        for (const [k, place] of ['Idlib', 'Hama'].slice(0, n).entries()) {
          a.events.push({ start: c.start, end: c.end, type: 'Explosions/Remote violence', subtype: 'Shelling/artillery/missile attack', place: { name: place, geonameId: null, country: 'SY', lat: null, lon: null, precision: 1 }, date: null, claims: [0], fatalities: k + 1, sources: [], evidence: [] } as never);
        }
        return a;
      };
      await store.putAnalyses([withEvents(2)], { replace: true });
      // pending items carry their own nth (the second event at the span is nth 1)
      const pending = (await store.reviews.queue({ document: doc })).items.filter((i) => i.kind === 'event');
      expect(pending.map((i) => [i.value, i.nth])).toEqual([[2, 1], [1, 0]]);
      const c = claim(0);
      const ev = { documentId: doc, kind: 'event', start: c.start, end: c.end, user: 'ana' };
      await store.reviews.act({ ...ev, nth: 1, action: 'correct', fields: { fatalities: 12 } });
      await store.reviews.act({ ...ev, action: 'accept' });
      for (const round of [0, 1]) {
        if (round) await store.putAnalyses([withEvents(2)], { replace: true });
        const events = (await store.listEvents({ document: doc })).items;
        expect(events.map((e) => [e.place?.name, e.fatalities, e.reviewed])).toEqual([['Idlib', 1, 'accepted'], ['Hama', 12, 'corrected']]);
      }
      expect((await store.reviews.forDocument(doc, { kind: 'event', nth: 1 }))!.history.map((h) => [h.nth, h.action])).toEqual([[1, 'correct']]);
      // the analysis now tells one event there: the correction of the second waits for a look
      await store.putAnalyses([withEvents(1)], { replace: true });
      const q = await store.reviews.queue({ document: doc });
      expect(q.items.filter((i) => i.status === 'needs a look').map((i) => [i.kind, i.nth])).toEqual([['event', 1]]);
      // two items added at one span stay two
      const text = fresh().document.text;
      const s0 = text.indexOf('a monitor said');
      const span = { documentId: doc, kind: 'claim', start: s0, end: s0 + 14, user: 'ben' };
      await store.reviews.act({ ...span, action: 'add', fields: { min: 1, category: 'killed' } });
      await store.reviews.act({ ...span, nth: 1, action: 'add', fields: { min: 2, category: 'injured' } });
      await store.reviews.act({ ...span, nth: 1, action: 'accept' }); // confirming an addition keeps it
      await reanalyse();
      expect((await store.listClaims({ document: doc, reviewed: ['added'] })).items.map((x) => [x.value.min, x.category]).sort()).toEqual([[1, 'killed'], [2, 'injured']]);
    });
  });
}
