// One ingest run over a pool and a store of our own making: documents taken back in input order, batches
// written when full, and a Ctrl-C that comes while the last documents are being analysed stops taking
// those not analysed yet.
import { describe, expect, it } from 'vitest';
import { emptyAnalysis, type Document } from '../../src/core/types.js';
import { IngestRun } from '../../src/cli/ingest-run.js';
import type { AnalysisPool } from '../../src/store/ingest/pool.js';
import { storedAnalysis, type StoredAnalysis } from '../../src/store/rows.js';
import type { PutOutcome, Store } from '../../src/store/store.js';

/** A pool whose analyses finish when the test says so. */
function fakePool(window: number) {
  const finish = new Map<string, () => void>();
  const pool = {
    window,
    prepare(doc: Document): Promise<StoredAnalysis> {
      return new Promise((resolve) => finish.set(doc.id, () => resolve(storedAnalysis(emptyAnalysis(doc)))));
    },
  };
  return { pool: pool as unknown as AnalysisPool, finish: (id: string) => finish.get(id)!() };
}

function fakeStore() {
  const batches: string[][] = [];
  const store = {
    async knownHashes(): Promise<Set<string>> {
      return new Set();
    },
    async putAnalyses(as: StoredAnalysis[]): Promise<PutOutcome[]> {
      batches.push(as.map((a) => a.document.id));
      return as.map((a, i) => ({ status: 'added', id: a.document.id, key: i }));
    },
  };
  return { store: store as unknown as Store, batches };
}

const doc = (id: string): Document => ({ id, text: `Report ${id}: two people were hurt in a fire in the old market.` });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('IngestRun', () => {
  it('writes the analyses in input order, a batch when it is full and the rest at the end', async () => {
    const { pool, finish } = fakePool(10);
    const { store, batches } = fakeStore();
    const run = new IngestRun(store, pool, { batchSize: 2, replace: false });
    for (const id of ['a', 'b', 'c']) await run.submit(doc(id), id);
    // finished out of order: still taken back as read
    for (const id of ['c', 'b', 'a']) finish(id);
    await run.finish(() => false);
    expect(batches).toEqual([['a', 'b'], ['c']]);
    expect(run.added).toBe(3);
  });

  it('knows a text already in the batch or in analysis', async () => {
    const { pool } = fakePool(10);
    const { store } = fakeStore();
    const run = new IngestRun(store, pool, { batchSize: 5, replace: false });
    await run.submit(doc('a'), 'hash-a');
    expect(await run.known('hash-a')).toBe(true);
    expect(await run.known('hash-b')).toBe(false);
  });

  it('interrupted while the last ones are analysed: stores those analysed, leaves the others', async () => {
    const { pool, finish } = fakePool(10);
    const { store, batches } = fakeStore();
    const run = new IngestRun(store, pool, { batchSize: 10, replace: false });
    for (const id of ['a', 'b', 'c']) await run.submit(doc(id), id);
    let interrupted = false;
    // the drain waits for a (the first in input order)...
    const done = run.finish(() => interrupted);
    await tick();
    // ...when the signal comes; a and c finish, b is still in analysis
    interrupted = true;
    finish('a');
    finish('c');
    await done;
    expect(batches).toEqual([['a']]);
  });

  it('not interrupted: waits for every document in analysis', async () => {
    const { pool, finish } = fakePool(10);
    const { store, batches } = fakeStore();
    const run = new IngestRun(store, pool, { batchSize: 10, replace: false });
    for (const id of ['a', 'b']) await run.submit(doc(id), id);
    const done = run.finish(() => false);
    finish('a');
    await tick();
    finish('b');
    await done;
    expect(batches).toEqual([['a', 'b']]);
  });
});
