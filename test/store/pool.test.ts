// The analysis worker: a document stuck in a stage is stopped after the time limit and the next one
// is analysed by a fresh worker.
import { describe, expect, it } from 'vitest';
import { AnalysisTimeout, AnalysisWorker } from '../../src/store/ingest/pool.js';

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
