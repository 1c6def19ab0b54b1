// The ingest service: one document analysed (in a worker thread, with a time limit) and stored.
// `sitrep ingest` and the queue's workers go through it, so they store the same thing the same way.
import type { Document } from '../../core/types.js';
import type { StoredAnalysis } from '../rows.js';
import type { PutOutcome, Store } from '../store.js';
import type { AnalysisWorker } from './pool.js';

export interface Ingested {
  outcome: PutOutcome;
  /** The analysis as stored: its rows, built in the worker thread. */
  analysis: StoredAnalysis;
}

/** Analyse one document and store it (exactly once by its text: the store's ON CONFLICT decides). */
export async function analyseAndStore(store: Store, analyzer: AnalysisWorker, doc: Document, opts: { replace?: boolean } = {}): Promise<Ingested> {
  const analysis = await analyzer.prepare(doc);
  const [outcome] = await store.putAnalyses([analysis], { replace: opts.replace });
  return { outcome, analysis };
}
