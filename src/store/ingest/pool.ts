// Analysis in a worker thread with a time limit per document. A document whose analysis runs past
// the limit (a stage stuck on some input) is given up: the worker is terminated and a fresh one
// takes the next document.
import { Worker } from 'node:worker_threads';
import type { Analysis, Document } from '../../core/types.js';

export class AnalysisTimeout extends Error {
  constructor(readonly ms: number) {
    super(`analysis took longer than ${ms / 1000} s and was stopped (a stage may be stuck on this text)`);
  }
}

export class AnalysisWorker {
  private worker: Worker | null = null;
  private seq = 0;
  private pending: { id: number; worker: Worker; resolve: (a: Analysis) => void; reject: (e: Error) => void; timer: NodeJS.Timeout } | null = null;

  constructor(
    private readonly timeoutMs: number,
    /** The worker script (tests give a stand-in). */
    private readonly script: URL = new URL('./worker.js', import.meta.url),
  ) {}

  private start(): Worker {
    const w = new Worker(this.script);
    w.on('message', (m: { id: number; ok: boolean; analysis?: Analysis; message?: string }) => {
      const p = this.pending;
      if (!p || p.id !== m.id) return;
      this.pending = null;
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.analysis!);
      else p.reject(new Error(m.message));
    });
    const fail = (e: Error) => {
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
    w.unref();
    return w;
  }

  analyze(doc: Document): Promise<Analysis> {
    if (this.pending) return Promise.reject(new Error('AnalysisWorker: one document at a time'));
    this.worker ??= this.start();
    const w = this.worker;
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
    if (w) await w.terminate();
  }
}
