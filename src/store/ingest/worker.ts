// Worker thread entry: analyses documents sent by AnalysisWorker (pool.ts) and posts the analyses back.
// Running the pipeline off the main thread lets ingest stop a document that takes too long and stay
// responsive to Ctrl-C.
import { parentPort } from 'node:worker_threads';
import type { Analysis, Document } from '../../core/types.js';
import type { StoredAnalysis } from '../rows.js';
import { prefetchGazetteer } from '../../geo/prefetch.js';
import { loadAnalysis } from './load-analysis.js';

// The gazetteer file is read in the background while the pipeline's code loads (bundled and with
// V8's code cache when built: load-analysis.ts).
const gazetteerRead = prefetchGazetteer();
const { Pipeline, saveCodeCache, storedAnalysis } = await loadAnalysis();
await gazetteerRead;

// Load every resource before the first document (a short text touches every stage), so that the
// first document's time limit is not spent on loading; then say so.
const pipeline = new Pipeline();
try {
  // with no lang, so the language detector is loaded here too: a first document without one must not
  // spend its time limit loading the detector's table (a few hundred milliseconds)
  pipeline.analyze({ id: 'warm-up', text: 'Two people were killed in Aleppo on Monday, the army said.', published: '2024-01-01' });
} catch {
  // a broken resource shows again, with its message, on the first real document
}
saveCodeCache();
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (msg: { id: number; doc: Document; stored?: boolean }) => {
  try {
    if (msg.stored) {
      // The ledger's rows (ingest): built here, so that the thread writing the ledger only inserts
      // them. Posted as they are: flat rows of strings and numbers clone cheaply (the nested parts are
      // JSON text already), and the document stays behind as below.
      const stored: Partial<StoredAnalysis> = storedAnalysis(pipeline.analyze(msg.doc));
      delete stored.document;
      parentPort!.postMessage({ id: msg.id, ok: true, stored });
      return;
    }
    const analysis: Partial<Analysis> = pipeline.analyze(msg.doc);
    // Tokens and quantities are the stages' working material, read by no consumer: copying them back
    // (one object per word, per number) would cost both threads more than the rest of the analysis. The
    // document goes back neither: the pool has it (AnalysisWorker puts it back). 6.2 MB of JSON for
    // 200 FA-KES articles was 15% quantities and document.
    analysis.tokens = [];
    delete analysis.quantities;
    delete analysis.document;
    // Sent as JSON text: an analysis is plain objects, arrays, strings and finite numbers, and
    // JSON.stringify here plus JSON.parse there cost both threads less than the structured clone of
    // postMessage (which took a sixth of the worker's time on the FA-KES articles). Fields set to
    // undefined arrive absent, as in every JSON output.
    parentPort!.postMessage({ id: msg.id, ok: true, json: JSON.stringify(analysis) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
