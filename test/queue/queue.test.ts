// The analysis queue on PostgreSQL: a text queued twice is one job, workers store each text exactly
// once, a failing document is marked failed with its error after its tries and the rest go on, and a
// job whose worker died is retried by another.
import { afterAll, expect, it } from 'vitest';
import type { Document } from '../../src/core/types.js';
import { IngestQueue, QUEUE } from '../../src/queue/ingest-queue.js';
import { runWorker } from '../../src/queue/worker.js';
import { AnalysisWorker } from '../../src/store/ingest/pool.js';
import { describePg, PG_URL, scratchStore } from '../store/pg.js';

const standIn = new URL('./stand-in-worker.mjs', import.meta.url);
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

const docs = (n: number, prefix = 'q'): Document[] =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, text: `Report ${prefix} ${i}: shelling hit the market, residents said.`, published: '2024-05-07' }));

async function setup(opts: { tries?: number; jobTimeoutSeconds?: number } = {}) {
  const { store, schema, drop } = await scratchStore('queue');
  const queue = await IngestQueue.open(PG_URL, { schema: `${schema}_q`, superviseSeconds: 1, ...opts });
  cleanups.push(async () => {
    await queue.close();
    await store.close();
    await drop();
    const admin = await scratchStore('admin');
    await admin.store.dropSchema(`${schema}_q`);
    await admin.store.close();
    await admin.drop();
  });
  return { store, queue };
}

describePg('analysis queue', () => {
  it('queues a text once, stores every document once, and marks a failing one failed with its error', async () => {
    const { store, queue } = await setup({ tries: 2 });
    const batch = [...docs(5), { id: 'bad', text: 'This report makes the stage THROW.' }];
    // The same text under a second id in the same batch: the first one is the job.
    const twin = { ...batch[2], id: 'twin-of-q-2' };
    expect(await queue.enqueue([...batch.slice(0, 2), twin, ...batch.slice(2)])).toEqual({ queued: 6, alreadyQueued: 1 });
    expect(await queue.enqueue(batch)).toEqual({ queued: 0, alreadyQueued: 6 });
    expect((await queue.status()).pending).toBe(6);
    const analyzer = new AnalysisWorker(5000, standIn);
    try {
      const run = await runWorker(store, queue, analyzer, { exitWhenEmpty: true, idleMs: 200 });
      expect(run).toEqual({ done: 5, failedTries: 2 });
    } finally {
      await analyzer.close();
    }
    expect((await store.stats()).documents).toBe(5);
    expect(await store.getDocument('q-2')).toBeNull();
    expect(await store.getDocument('twin-of-q-2')).not.toBeNull();
    const s = await queue.status();
    expect(s).toMatchObject({ pending: 0, running: 0, retrying: 0, completed: 5, failed: 1 });
    expect(s.failures).toEqual([expect.objectContaining({ document: 'bad', tries: 2, error: 'stage blew up' })]);
  });

  it('lets two workers share the queue without storing a text twice', async () => {
    const { store, queue } = await setup();
    const batch = docs(30, 'two');
    await queue.enqueue(batch);
    // The same texts again under other ids, queued as a re-analysis would be: still stored once.
    await queue.enqueue(batch.slice(0, 10).map((d) => ({ ...d, id: d.id + '-again' })), { replace: false, salt: 'x' });
    const a = new AnalysisWorker(5000, standIn);
    const b = new AnalysisWorker(5000, standIn);
    try {
      const runs = await Promise.all([a, b].map((w) => runWorker(store, queue, w, { exitWhenEmpty: true, idleMs: 100 })));
      expect(runs[0].done + runs[1].done).toBe(30);
    } finally {
      await a.close();
      await b.close();
    }
    expect((await store.stats()).documents).toBe(30);
  });

  it('retries a job whose worker died while holding it', async () => {
    const { store, queue } = await setup({ jobTimeoutSeconds: 1 });
    await queue.enqueue(docs(3, 'lost'));
    // A worker takes a job and dies: it is never completed nor failed.
    const taken = await queue.next();
    expect(taken).not.toBeNull();
    const analyzer = new AnalysisWorker(5000, standIn);
    try {
      const run = await runWorker(store, queue, analyzer, { exitWhenEmpty: true, idleMs: 200 });
      expect(run.done).toBe(3);
    } finally {
      await analyzer.close();
    }
    expect((await store.stats()).documents).toBe(3);
    expect((await queue.status()).completed).toBe(3);
    expect(QUEUE).toBe('sitrep-analyse');
  }, 60000);
});
