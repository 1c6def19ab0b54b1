// A queue worker: takes one job at a time, analyses and stores it through the ingest service, marks it
// done, or counts a failed try (the queue retries it, then marks it failed with the error).
import type { Store } from '../store/store.js';
import type { AnalysisWorker } from '../store/ingest/pool.js';
import { analyseAndStore } from '../store/ingest/service.js';
import type { IngestQueue } from './ingest-queue.js';

export interface WorkerRun {
  done: number;
  failedTries: number;
}

export interface WorkerOptions {
  /** Return once no job is waiting, retrying or running anywhere (bench runs and tests). */
  exitWhenEmpty?: boolean;
  /** Pause between looks at an empty queue, ms. */
  idleMs?: number;
  /** Stop taking jobs (the one in hand is finished). */
  signal?: AbortSignal;
  onJob?: (e: { id: string; document: string; status: string; error?: string }) => void;
}

export async function runWorker(store: Store, queue: IngestQueue, analyzer: AnalysisWorker, opts: WorkerOptions = {}): Promise<WorkerRun> {
  const run: WorkerRun = { done: 0, failedTries: 0 };
  const idle = opts.idleMs ?? 500;
  while (!opts.signal?.aborted) {
    const job = await queue.next();
    if (!job) {
      if (opts.exitWhenEmpty && (await queue.unfinished()) === 0) break;
      await new Promise((r) => setTimeout(r, idle));
      continue;
    }
    try {
      const { outcome } = await analyseAndStore(store, analyzer, job.data.doc, { replace: job.data.replace });
      await queue.complete(job.id);
      run.done++;
      opts.onJob?.({ id: job.id, document: job.data.doc.id, status: outcome.status });
    } catch (e) {
      run.failedTries++;
      await queue.fail(job.id, e as Error);
      opts.onJob?.({ id: job.id, document: job.data.doc.id, status: 'failed try', error: (e as Error).message });
    }
  }
  return run;
}
