// Analysis in a worker thread with a time limit per document: the one budget of every path that
// analyses (ingest, analyze, compare, the server's POST /api/documents). A document whose analysis
// runs past the limit (a stage stuck on some input) is given up: the worker is terminated and a
// fresh one takes the next document. Documents given at once wait their turn.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Analysis, Document } from '../../core/types.js';
import type { StoredAnalysis } from '../rows.js';
import { projectRoot } from '../../core/paths.js';

/** Seconds one document may take, unless --doc-timeout says otherwise. */
export const DEFAULT_DOC_TIMEOUT_S = 60;

/** The worker script: beside this file once built; from the sources (tests), the built one in dist/. */
function workerScript(): URL {
  const here = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = join(projectRoot(), 'dist', 'src', 'store', 'ingest', 'worker.js');
  if (existsSync(built)) return pathToFileURL(built);
  throw new Error('the analysis worker is not built: run "npm run build"');
}

/** A worker thread started ahead (prestartWorker), with the events it sent before an AnalysisWorker took it. */
let early: { script: string; worker: Worker; events: [string, unknown][]; stop: () => void } | null = null;

/**
 * Start the analysis worker thread now, before the command's own modules load (sitrep analyze: Node's
 * start of the thread and the loading of the pipeline then overlap them); the first AnalysisWorker
 * with the same script takes it. Unused, it keeps nothing alive: the process ends as it would.
 */
export function prestartWorker(): void {
  if (early) return;
  try {
    const script = workerScript();
    const worker = new Worker(script);
    const events: [string, unknown][] = [];
    const on = (name: string) => (v: unknown) => void events.push([name, v]);
    const handlers = (['message', 'error', 'exit'] as const).map((n) => [n, on(n)] as const);
    for (const [n, h] of handlers) worker.on(n, h);
    worker.unref(); // after the listeners: a 'message' listener refs the worker's port
    early = { script: script.href, worker, events, stop: () => handlers.forEach(([n, h]) => worker.off(n, h)) };
  } catch {
    /* not built: the command reports it when it starts its worker */
  }
}

/**
 * The prestarted worker for `script`, once. The events it sent so far are sent again right after the
 * caller's synchronous code (which attaches its listeners), before any event still to come.
 */
function takeEarly(script: URL): Worker | null {
  if (!early || early.script !== script.href) return null;
  const { worker, events, stop } = early;
  early = null;
  stop();
  queueMicrotask(() => {
    for (const [name, v] of events) worker.emit(name, v);
  });
  return worker;
}

/**
 * An analysis as the worker thread sends it (worker.ts: without its document, tokens and quantities)
 * made whole again: the document given, and the stages' working lists empty.
 */
export function received(a: Partial<Analysis>, doc: Document): Analysis {
  a.document ??= doc;
  a.tokens ??= [];
  a.quantities ??= [];
  return a as Analysis;
}

export class AnalysisTimeout extends Error {
  constructor(readonly ms: number) {
    super(`analysis took longer than ${ms / 1000} s and was stopped (a stage may be stuck on this text)`);
  }
}

interface Job {
  id: number;
  doc: Document;
  /** Asked for the ledger's rows (StoredAnalysis) rather than the analysis. */
  stored: boolean;
  resolve: (a: Analysis | StoredAnalysis) => void;
  reject: (e: Error) => void;
  /** Posted to the current worker thread (it analyses its messages in order). */
  posted: boolean;
  timer: NodeJS.Timeout | null;
}

/**
 * One worker thread, documents analysed in the order given. Up to `depth` documents are posted to
 * the thread ahead, so that it goes on analysing while this thread is busy (ingest writing a batch
 * to the database holds the event loop for a second at a time: with one document posted at once,
 * every worker stood idle through every write). The time limit of a document runs from when the one
 * before it came back (or from its posting, when the thread was idle); a document given up takes its
 * worker with it, and the documents posted behind it go to a fresh one.
 */
export class AnalysisWorker {
  private worker: Worker | null = null;
  private seq = 0;
  /** Documents given and not yet answered, oldest first; the posted ones lead. */
  private readonly jobs: Job[] = [];
  private readonly script: URL;
  /** Whether the current worker has loaded its lexicons and gazetteer (loading is outside the time limit). */
  private isReady = false;

  constructor(
    private readonly timeoutMs: number,
    /** The worker script (tests give a stand-in). */
    script?: URL,
    /** Documents posted to the thread ahead of their turn (1: one at a time). */
    private readonly depth = 1,
  ) {
    this.script = script ?? workerScript();
  }

  /** Documents given and not yet answered. */
  get backlog(): number {
    return this.jobs.length;
  }

  private start(): Worker {
    const w = takeEarly(this.script) ?? new Worker(this.script);
    this.isReady = false;
    this.listen(w);
    w.unref();
    return w;
  }

  private listen(w: Worker): void {
    w.on('message', (m: { id: number; ok: boolean; analysis?: Analysis; json?: string; stored?: StoredAnalysis; message?: string; ready?: boolean }) => {
      if (this.worker !== w) return;
      if (m.ready) {
        this.isReady = true;
        return this.pump();
      }
      const job = this.jobs[0];
      if (!job || job.id !== m.id) return;
      this.settle(job);
      if (!m.ok) job.reject(new Error(m.message));
      else {
        try {
          if (m.stored) job.resolve({ ...m.stored, document: job.doc });
          else job.resolve(m.json !== undefined ? received(JSON.parse(m.json) as Partial<Analysis>, job.doc) : m.analysis!);
        } catch (e) {
          job.reject(e as Error);
        }
      }
      this.pump();
    });
    const fail = (e: Error) => {
      if (this.worker !== w) return;
      this.drop();
      // the document in hand fails (before its worker was ready: the first waiting one, as each
      // document would fail on a worker that cannot load); the others go to a fresh worker
      const job = this.jobs[0];
      if (job) {
        this.settle(job);
        job.reject(e);
      }
      this.pump();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`analysis worker exited (${code})`)));
  }

  /** Removes the head job and stops its timer. */
  private settle(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    this.jobs.shift();
  }

  /** Forgets the current worker thread: its posted documents are posted again to the next one. */
  private drop(): Worker | null {
    const w = this.worker;
    this.worker = null;
    this.isReady = false;
    for (const j of this.jobs) {
      j.posted = false;
      if (j.timer) clearTimeout(j.timer);
      j.timer = null;
    }
    return w;
  }

  /** Posts what may be posted, times the head, and holds the process open only while there is work. */
  private pump(): void {
    if (!this.jobs.length) {
      this.worker?.unref();
      return;
    }
    this.worker ??= this.start();
    const w = this.worker;
    w.ref();
    if (!this.isReady) return;
    for (let i = 0; i < this.jobs.length && i < this.depth; i++) {
      const j = this.jobs[i];
      if (!j.posted) {
        j.posted = true;
        w.postMessage(j.stored ? { id: j.id, doc: j.doc, stored: true } : { id: j.id, doc: j.doc });
      }
    }
    const head = this.jobs[0];
    if (!head.timer) {
      head.timer = setTimeout(() => {
        if (this.jobs[0] !== head) return;
        void this.drop()?.terminate();
        this.settle(head);
        head.reject(new AnalysisTimeout(this.timeoutMs));
        this.pump();
      }, this.timeoutMs);
    }
  }

  /** Start the worker thread now (it loads its resources while the caller reads its input). */
  warm(): void {
    this.worker ??= this.start();
  }

  /** The analysis of a document, after those given before it; rejects with AnalysisTimeout past the limit. */
  analyze(doc: Document): Promise<Analysis> {
    return this.run(doc, false) as Promise<Analysis>;
  }

  /** As analyze, but the analysis comes back as the ledger's rows (built in the worker thread). */
  prepare(doc: Document): Promise<StoredAnalysis> {
    return this.run(doc, true) as Promise<StoredAnalysis>;
  }

  private run(doc: Document, stored: boolean): Promise<Analysis | StoredAnalysis> {
    return new Promise((resolve, reject) => {
      this.jobs.push({ id: ++this.seq, doc, stored, resolve, reject, posted: false, timer: null });
      this.pump();
    });
  }

  async close(): Promise<void> {
    const w = this.drop();
    if (!w) return;
    // A worker stopped in the middle of a document (as when ingest stops at a full disk) holds no
    // handle of the event loop while it stops, even ref'd: without the timer the process would end
    // here, exit status 0, before the caller's last words.
    const hold = setInterval(() => undefined, 60_000);
    try {
      await w.terminate();
    } finally {
      clearInterval(hold);
    }
    for (const j of this.jobs.splice(0)) j.reject(new Error('analysis stopped: the analyser was closed'));
  }
}

/**
 * Documents a pool's worker has posted ahead of its turn, by default: enough to keep it busy while
 * the calling thread handles the analyses that came back. A caller that holds its thread longer
 * (ingest writing a batch) asks for more (AnalysisPool's depth).
 */
export const POOL_DEPTH = 32;

/**
 * Worker threads by default: one per core but one, at least 1 and at most 8 (each holds its own copy of
 * the resources, ~150 MB). The calling thread needs a core of its own (reading the input, writing the
 * output or the ledger), and each worker keeps more than one busy while its code compiles: on two
 * cores, the 804 FA-KES articles took 4.5-4.8 s with one worker against 5.8-6.1 s with two
 * (sitrep analyze), and 5.4-5.6 s against 6.5-6.6 s (sitrep ingest).
 */
export function defaultJobs(cores = availableParallelism()): number {
  return Math.max(1, Math.min(8, cores - 1));
}

/**
 * Up to `size` AnalysisWorkers, each with its own time limit per document. A document goes to the
 * least busy worker; a new worker starts only when every started one is busy, so one document
 * never pays for loading a second copy of the resources. Callers that give several documents at
 * once and await them in order get their results in input order.
 */
export class AnalysisPool {
  private readonly workers: AnalysisWorker[] = [];
  private readonly busy: number[] = [];

  constructor(
    readonly size: number,
    private readonly timeoutMs: number,
    private readonly script?: URL,
    /** Documents each worker has posted ahead (POOL_DEPTH unless the caller holds its thread longer). */
    private readonly depth = POOL_DEPTH,
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`analysis pool: size must be a whole number above 0, got ${size}`);
    if (!Number.isInteger(depth) || depth < 1) throw new Error(`analysis pool: depth must be a whole number above 0, got ${depth}`);
  }

  /** Documents worth giving at once (each worker's posted ones and one more): callers keep this many in flight. */
  get window(): number {
    return this.size * (this.depth + 1);
  }

  private add(): number {
    this.workers.push(new AnalysisWorker(this.timeoutMs, this.script, this.depth));
    return this.busy.push(0) - 1;
  }

  /** Start the first worker now (see AnalysisWorker.warm). */
  warm(): void {
    (this.workers[0] ?? this.workers[this.add()]).warm();
  }

  analyze(doc: Document): Promise<Analysis> {
    return this.least((w) => w.analyze(doc));
  }

  /** As analyze, the analysis as the ledger's rows (AnalysisWorker.prepare). */
  prepare(doc: Document): Promise<StoredAnalysis> {
    return this.least((w) => w.prepare(doc));
  }

  /** `work` given to the least busy worker (a new one when every started one is busy). */
  private least<T>(work: (w: AnalysisWorker) => Promise<T>): Promise<T> {
    let i = -1;
    for (let j = 0; j < this.workers.length; j++) if (i < 0 || this.busy[j] < this.busy[i]) i = j;
    if ((i < 0 || this.busy[i] > 0) && this.workers.length < this.size) i = this.add();
    this.busy[i]++;
    const run = work(this.workers[i]);
    const done = () => void this.busy[i]--;
    run.then(done, done);
    return run;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
