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

export class AnalysisTimeout extends Error {
  constructor(readonly ms: number) {
    super(`analysis took longer than ${ms / 1000} s and was stopped (a stage may be stuck on this text)`);
  }
}

export class AnalysisWorker {
  private worker: Worker | null = null;
  private seq = 0;
  private pending: { id: number; worker: Worker; resolve: (a: Analysis) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly script: URL;
  /** Resolved when the current worker has loaded its lexicons and gazetteer (not counted in the time limit). */
  private ready: Promise<void> | null = null;

  constructor(
    private readonly timeoutMs: number,
    /** The worker script (tests give a stand-in). */
    script?: URL,
  ) {
    this.script = script ?? workerScript();
  }

  private start(): Worker {
    const w = takeEarly(this.script) ?? new Worker(this.script);
    this.listen(w);
    w.unref();
    return w;
  }

  private listen(w: Worker): void {
    let ready!: () => void;
    let notReady!: (e: Error) => void;
    this.ready = new Promise<void>((res, rej) => ((ready = res), (notReady = rej)));
    this.ready.catch(() => undefined); // seen by the document waiting on it, if any
    w.on('message', (m: { id: number; ok: boolean; analysis?: Analysis; json?: string; message?: string; ready?: boolean }) => {
      if (m.ready) return ready();
      const p = this.pending;
      if (!p || p.id !== m.id) return;
      this.pending = null;
      clearTimeout(p.timer);
      if (!m.ok) return p.reject(new Error(m.message));
      let analysis: Analysis;
      try {
        analysis = m.json !== undefined ? (JSON.parse(m.json) as Analysis) : m.analysis!;
      } catch (e) {
        return p.reject(e as Error);
      }
      p.resolve(analysis);
    });
    const fail = (e: Error) => {
      notReady(e);
      if (this.worker === w) this.worker = null;
      const p = this.pending;
      if (p && p.worker === w) {
        this.pending = null;
        clearTimeout(p.timer);
        p.reject(e);
      }
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`analysis worker exited (${code})`)));
  }

  /** Start the worker thread now (it loads its resources while the caller reads its input). */
  warm(): void {
    this.worker ??= this.start();
  }

  /** The analysis of a document, after those given before it; rejects with AnalysisTimeout past the limit. */
  analyze(doc: Document): Promise<Analysis> {
    const run = this.tail.then(() => this.analyzeNow(doc));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async analyzeNow(doc: Document): Promise<Analysis> {
    this.worker ??= this.start();
    const w = this.worker;
    // the worker keeps the process alive only while it has work
    w.ref();
    try {
      await this.ready;
      return await this.post(w, doc);
    } finally {
      w.unref();
    }
  }

  private post(w: Worker, doc: Document): Promise<Analysis> {
    const id = ++this.seq;
    return new Promise<Analysis>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.worker = null;
        void w.terminate();
        reject(new AnalysisTimeout(this.timeoutMs));
      }, this.timeoutMs);
      this.pending = { id, worker: w, resolve, reject, timer };
      w.postMessage({ id, doc });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
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
  }
}

/** Worker threads by default: one per core, at most 8 (each holds its own copy of the resources, ~150 MB). */
export function defaultJobs(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
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
  ) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`analysis pool: size must be a whole number above 0, got ${size}`);
  }

  private add(): number {
    this.workers.push(new AnalysisWorker(this.timeoutMs, this.script));
    return this.busy.push(0) - 1;
  }

  /** Start the first worker now (see AnalysisWorker.warm). */
  warm(): void {
    (this.workers[0] ?? this.workers[this.add()]).warm();
  }

  analyze(doc: Document): Promise<Analysis> {
    let i = -1;
    for (let j = 0; j < this.workers.length; j++) if (i < 0 || this.busy[j] < this.busy[i]) i = j;
    if ((i < 0 || this.busy[i] > 0) && this.workers.length < this.size) i = this.add();
    this.busy[i]++;
    const run = this.workers[i].analyze(doc);
    const done = () => void this.busy[i]--;
    run.then(done, done);
    return run;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
