// The boards' cache (src/server/boards.ts): answers made in a worker thread equal those made in this
// thread, each answer is made once however many ask at the same time, and a new ledger version (any
// writer's batch) makes them afresh: at once after invalidate() (this server's writes), within pollMs
// for other writers, whose batches are noticed by reading the version at most every pollMs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { Boards, DEFAULT_POLL_MS, type BoardQuery } from '../../src/server/boards.js';
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
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
/** Another writer's batch: one new document. */
const write = () => {
  const text = `SARMADA, Syria (Hill Gazette) - Shelling wounded ${++n + 8} people in Sarmada on Friday, medics said.`;
  return store.putAnalyses([pipeline.analyze({ id: `hill-gazette-${n}`, text, outlet: 'Hill Gazette', published: '2024-03-15' })]);
};

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
    const boards = new Boards(store, { pollMs: 0 });
    const reads = vi.spyOn(store, 'getDocument');
    try {
      const docs = (await store.stats()).documents;
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => boards.get(i % 2 ? FIGURES : { board: 'framing' })));
      expect(reads.mock.calls.length).toBe(docs);
      expect(new Set(answers.filter((_, i) => i % 2).map((a) => a.body))).toHaveLength(1); // the same buffer
      const before = json(await boards.get({ board: 'framing' }));
      expect(reads.mock.calls.length).toBe(docs);
      await write();
      const after = json(await boards.get({ board: 'framing' }));
      expect(after.documents).toBe(before.documents + 1);
      expect(reads.mock.calls.length).toBe(docs + docs + 1);
    } finally {
      reads.mockRestore();
      await boards.close();
    }
  }, 60_000);

  it('reads the ledger version at most every pollMs: another writer is seen within that bound, this server at once', async () => {
    const pollMs = 400;
    const boards = new Boards(store, { pollMs, inThread: true });
    const version = vi.spyOn(store, 'ledgerVersion');
    try {
      const first = json(await boards.get(FIGURES));
      const t0 = performance.now();
      await write();
      // within the bound: served from memory, the version not read again (a stale board is allowed)
      for (let i = 0; i < 50; i++) await boards.get(FIGURES);
      expect(boards.peek(FIGURES)).toBeDefined();
      if (performance.now() - t0 < pollMs - 50) expect(version.mock.calls.length).toBe(1);
      // past the bound: the other writer's document is on the board
      await sleep(pollMs + 10 - (performance.now() - t0));
      expect(boards.peek(FIGURES)).toBeUndefined();
      expect(json(await boards.get(FIGURES)).documents).toBe(first.documents + 1);
      expect(version.mock.calls.length).toBe(2);
      // this server's own write: invalidate() makes the next request read the version at once
      await write();
      boards.invalidate();
      expect(json(await boards.get(FIGURES)).documents).toBe(first.documents + 2);
      expect(version.mock.calls.length).toBe(3);
    } finally {
      version.mockRestore();
      await boards.close();
    }
  }, 60_000);

  it('polls by default every quarter of a second', () => {
    expect(DEFAULT_POLL_MS).toBeGreaterThanOrEqual(100);
    expect(DEFAULT_POLL_MS).toBeLessThanOrEqual(1000);
  });
});

describe('the board over HTTP', () => {
  it('answers with a strong ETag per representation, and 304 to If-None-Match', async () => {
    const { SitrepServer } = await import('../../src/server/server.js');
    const srv = new SitrepServer({ store, port: 0, boardsInThread: true });
    const { url } = await srv.listen();
    try {
      const path = `${url}/api/compare/figures?minReports=1`;
      const gz = await fetch(path, { headers: { 'accept-encoding': 'gzip' } });
      const plain = await fetch(path, { headers: { 'accept-encoding': 'identity' } });
      const [tg, tp] = [await gz.text(), await plain.text()];
      expect(tg).toBe(tp);
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(Number(plain.headers.get('content-length'))).toBe(Buffer.byteLength(tp));
      expect(gz.headers.get('cache-control')).toBe('no-cache');
      expect(gz.headers.get('vary')).toBe('Accept-Encoding');
      const [eg, ep] = [gz.headers.get('etag'), plain.headers.get('etag')];
      expect(eg).toMatch(/^"[\w-]+"$/);
      expect(eg).not.toBe(ep);
      const again = await fetch(path, { headers: { 'accept-encoding': 'gzip', 'if-none-match': eg! } });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(eg);
      expect(await again.text()).toBe('');
      // another representation's tag, or another answer's, gets the whole body
      expect((await fetch(path, { headers: { 'accept-encoding': 'gzip', 'if-none-match': ep! } })).status).toBe(200);
      expect((await fetch(`${url}/api/compare/figures?minReports=2`, { headers: { 'if-none-match': ep! } })).status).toBe(200);
      const head = await fetch(path, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
      expect(head.status).toBe(200);
      expect(head.headers.get('etag')).toBe(eg);
    } finally {
      await srv.close();
    }
  }, 60_000);
});
