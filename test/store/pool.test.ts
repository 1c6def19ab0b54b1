// The analysis worker: a document stuck in a stage is stopped after the time limit and the next one
// is analysed by a fresh worker.
import { describe, expect, it } from 'vitest';
import { AnalysisPool, AnalysisTimeout, AnalysisWorker, defaultJobs, POOL_DEPTH, received } from '../../src/store/ingest/pool.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { storedAnalysis } from '../../src/store/rows.js';

const standIn = new URL('./stand-in-worker.mjs', import.meta.url);

describe('AnalysisWorker', () => {
  it('gives up a stuck document and carries on with the next', async () => {
    const w = new AnalysisWorker(1000, standIn);
    expect((await w.analyze({ id: 'a', text: 'fine' })).document.id).toBe('a');
    const t0 = Date.now();
    await expect(w.analyze({ id: 'b', text: 'HANG' })).rejects.toBeInstanceOf(AnalysisTimeout);
    expect(Date.now() - t0).toBeLessThan(5000);
    await expect(w.analyze({ id: 'c', text: 'THROW' })).rejects.toThrow(/stage blew up/);
    expect((await w.analyze({ id: 'd', text: 'fine again' })).document.id).toBe('d');
    await w.close();
  });
});

describe('AnalysisPool', () => {
  it('starts a second worker only when the first is busy, and a stuck document fails alone', async () => {
    const pool = new AnalysisPool(2, 1000, standIn);
    // one at a time: the first worker serves every document
    for (const id of ['a', 'b']) expect((await pool.analyze({ id, text: 'fine' })).document.id).toBe(id);
    expect((pool as unknown as { workers: unknown[] }).workers).toHaveLength(1);
    // given at once: both workers, and each answer is its own document's
    const ids = ['c', 'd', 'e', 'f', 'g'];
    const runs = ids.map((id) => pool.analyze({ id, text: id === 'e' ? 'HANG' : 'fine' }));
    const settled = await Promise.allSettled(runs);
    expect((pool as unknown as { workers: unknown[] }).workers).toHaveLength(2);
    expect(settled.map((r) => (r.status === 'fulfilled' ? r.value.document.id : 'failed'))).toEqual(['c', 'd', 'failed', 'f', 'g']);
    expect(settled[2].status === 'rejected' && settled[2].reason).toBeInstanceOf(AnalysisTimeout);
    await pool.close();
  });

  it('refuses a size or a depth below 1', () => {
    expect(() => new AnalysisPool(0, 1000, standIn)).toThrow(/size/);
    expect(() => new AnalysisPool(1, 1000, standIn, 0)).toThrow(/depth/);
  });

  it('takes one worker per core but one by default, from 1 to 8', () => {
    expect([1, 2, 4, 16].map((n) => defaultJobs(n))).toEqual([1, 1, 3, 8]);
  });

  it('keeps as many documents in flight as its workers have posted ahead, and one more each', () => {
    expect(new AnalysisPool(2, 1000, standIn).window).toBe(2 * (POOL_DEPTH + 1));
    expect(new AnalysisPool(2, 1000, standIn, 200).window).toBe(2 * 201);
  });
});

describe('an analysis sent back by the worker thread', () => {
  it('gets its document, empty tokens and quantities back (the worker leaves them out)', () => {
    const doc = { id: 'x', text: 'Two people were killed.', outlet: 'Wire' };
    const a = received(JSON.parse(JSON.stringify({ lang: 'en', claims: [{ text: 'Two' }] })), doc);
    expect(a.document).toBe(doc);
    expect(a.tokens).toEqual([]);
    expect(a.quantities).toEqual([]);
    expect(a.claims).toEqual([{ text: 'Two' }]);
  });

  it('keeps what the sender gave (a stand-in worker sends a whole analysis)', () => {
    const mine = { id: 'x', text: 'a' };
    const theirs = { id: 'x', text: 'a', title: 'kept' };
    expect(received({ document: theirs, tokens: [], quantities: [] }, mine).document).toBe(theirs);
  });

  it('from the real worker: the same document, its claims, no tokens', async () => {
    const w = new AnalysisWorker(30000);
    const doc = { id: 'r', text: 'Two people were killed in Aleppo on Monday, the army said.', published: '2024-01-01' };
    const a = await w.analyze(doc);
    expect(a.document).toBe(doc);
    expect(a.tokens).toEqual([]);
    expect(a.quantities).toEqual([]);
    expect(a.claims.length).toBeGreaterThan(0);
    await w.close();
  }, 60000);

  it('from the real worker as rows (ingest): the rows of the same analysis made here', async () => {
    const w = new AnalysisWorker(30000);
    const doc = { id: 'r', text: 'Four soldiers were wounded near Kherson on Sunday, the regional governor said.', published: '2024-03-04' };
    const s = await w.prepare(doc);
    await w.close();
    expect(s.document).toBe(doc);
    const here = storedAnalysis(new Pipeline().analyze(doc));
    expect(s.items).toEqual(here.items);
    const { timings: _t, ...rest } = s.analysis;
    const { timings: _h, ...restHere } = here.analysis;
    expect(rest).toEqual(restHere);
    expect(s.items.map(([t]) => t)).toContain('claims');
  }, 60000);
});
