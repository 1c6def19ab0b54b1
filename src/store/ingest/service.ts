// The ingest service: one document analysed (in a worker thread, with a time limit) and stored.
// `sitrep ingest` and the queue's workers go through it, so they store the same thing the same way.
import type { Analysis, Document } from '../../core/types.js';
import type { PutOutcome, Store } from '../store.js';
import type { AnalysisWorker } from './pool.js';

export interface Ingested {
  outcome: PutOutcome;
  analysis: Analysis;
}

/** Analyse one document and store it (exactly once by its text: the store's ON CONFLICT decides). */
export async function analyseAndStore(store: Store, analyzer: AnalysisWorker, doc: Document, opts: { replace?: boolean } = {}): Promise<Ingested> {
  const analysis = await analyzer.analyze(doc);
  const [outcome] = await store.putAnalyses([analysis], { replace: opts.replace });
  return { outcome, analysis };
}
