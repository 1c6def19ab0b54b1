// The boards' cache (src/server/boards.ts): answers made in a worker thread equal those made in this
// thread, each answer is made once however many ask at the same time, and a new ledger version (any
// writer's batch) makes them afresh.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { Boards, type BoardQuery } from '../../src/server/boards.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { ingestExamples } from './examples-store.js';

let store: SqliteStore;
const pipeline = new Pipeline();
beforeAll(async () => {
  store = await SqliteStore.open(':memory:');
  await ingestExamples(store, pipeline);
}, 60_000);
afterAll(async () => {
  await store.close();
});

const FIGURES: BoardQuery = { board: 'figures', category: [], minReports: 1, limit: 50, offset: 0 };
const json = (b: { body: Buffer }) => JSON.parse(b.body.toString('utf8'));
const withoutClock = (x: { computedAt?: string }) => ({ ...x, computedAt: null });

describe('boards', () => {
  it('makes the same answers in the worker thread as in this thread, gzipped alongside', async () => {
    const worker = new Boards(store);
    const thread = new Boards(store, { inThread: true });
    try {
      expect(worker.where).toBe('worker');
      expect(thread.where).toBe('thread');
      for (const q of [FIGURES, { board: 'framing' }, { board: 'duplicates' }] as BoardQuery[]) {
        const [a, b] = [await worker.get(q), await thread.get(q)];
        expect(withoutClock(json(a))).toEqual(withoutClock(json(b)));
        expect(gunzipSync(a.gz).equals(a.body)).toBe(true);
      }
      expect(json(await worker.get(FIGURES)).items.length).toBeGreaterThan(0);
    } finally {
      await worker.close();
      await thread.close();
    }
  }, 60_000);

  it('reads the ledger once for many requests at once, and again only when the ledger version moves on', async () => {
    const boards = new Boards(store);
    const reads = vi.spyOn(store, 'getDocument');
    try {
      const docs = (await store.stats()).documents;
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => boards.get(i % 2 ? FIGURES : { board: 'framing' })));
      expect(reads.mock.calls.length).toBe(docs);
      expect(new Set(answers.filter((_, i) => i % 2).map((a) => a.body))).toHaveLength(1); // the same buffer
      const before = json(await boards.get({ board: 'framing' }));
      expect(reads.mock.calls.length).toBe(docs);
      const text = 'SARMADA, Syria (Hill Gazette) - Shelling wounded nine people in Sarmada on Friday, medics said.';
      await store.putAnalyses([pipeline.analyze({ id: 'hill-gazette', text, outlet: 'Hill Gazette', published: '2024-03-15' })]);
      const after = json(await boards.get({ board: 'framing' }));
      expect(after.documents).toBe(before.documents + 1);
      expect(reads.mock.calls.length).toBe(docs + docs + 1);
    } finally {
      reads.mockRestore();
      await boards.close();
    }
  }, 60_000);
});
