// Worker thread entry: analyses documents sent by AnalysisWorker (pool.ts) and posts the analyses back.
// Running the pipeline off the main thread lets ingest stop a document that takes too long and stay
// responsive to Ctrl-C.
import { parentPort } from 'node:worker_threads';
import type { Document } from '../../core/types.js';
import { Pipeline } from '../../pipeline/pipeline.js';

let pipeline: Pipeline | null = null;
parentPort?.on('message', (msg: { id: number; doc: Document }) => {
  try {
    pipeline ??= new Pipeline();
    const analysis = pipeline.analyze(msg.doc);
    parentPort!.postMessage({ id: msg.id, ok: true, analysis });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, ok: false, message: e instanceof Error ? e.message : String(e) });
  }
});
