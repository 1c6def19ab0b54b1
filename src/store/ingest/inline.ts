// Analysis in the calling thread, for a small input (sitrep analyze of one article): a worker thread
// costs a second start of Node (~40 ms of CPU) and the analysis's trip back as JSON, which on a cold
// start of one article is a fifth of the wall time. The time limit per document is kept: the
// pipeline runs inside a vm script with `timeout`, so V8 interrupts a stage stuck on some text just
// as terminating the worker would; the pipeline is then loaded afresh for the next document (an
// interrupted stage may have left a cache half-filled), with the first document's allowance for
// loading again.
import { statSync } from 'node:fs';
import vm from 'node:vm';
import type { Analysis, Document } from '../../core/types.js';
import { preferOnDemand } from '../../core/on-demand.js';
import { loadAnalysis, type LoadedAnalysis } from './load-analysis.js';
import { AnalysisTimeout } from './pool.js';

/**
 * Added to the first document's time limit: it loads the lexicons and the gazetteer (a worker thread
 * loads them before its first document, outside the limit).
 */
export const LOAD_ALLOWANCE_MS = 10_000;

/** Inputs up to this many bytes in all are analysed in the calling thread (see inlineInputs). */
export const INLINE_MAX_BYTES = 256 * 1024;

/**
 * Whether `paths` are a small input worth analysing without a worker thread: local files (no folder,
 * URL or standard input) of at most INLINE_MAX_BYTES in all. SITREP_INLINE=1 or 0 forces the answer
 * (tests, and comparing both paths on a large input).
 */
export function inlineInputs(paths: readonly string[]): boolean {
  const force = process.env.SITREP_INLINE;
  if (force === '1') return true;
  if (force === '0') return false;
  if (paths.length === 0) return false;
  let bytes = 0;
  for (const p of paths) {
    if (p === '-' || /^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return false;
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st?.isFile()) return false;
    bytes += st.size;
    if (bytes > INLINE_MAX_BYTES) return false;
  }
  return true;
}

type Pipeline = InstanceType<LoadedAnalysis['Pipeline']>;
const RUN = Symbol.for('sitrep.inline.run');
const g = globalThis as { [RUN]?: () => Analysis };

/** The same interface as AnalysisPool (analyze, warm, close, size), one document at a time in this thread. */
export class InlineAnalyzer {
  readonly size = 1;
  readonly window = 2;
  private loading: Promise<LoadedAnalysis> | null = null;
  private pipeline: Pipeline | null = null;
  private cacheSaved = false;
  private tail: Promise<unknown> = Promise.resolve();
  private readonly script = new vm.Script('globalThis[Symbol.for("sitrep.inline.run")]()', { filename: 'sitrep-inline-analysis' });

  constructor(private readonly timeoutMs: number) {}

  /** Start loading the pipeline's code now; the gazetteer and the actor dictionary will be read on demand (core/on-demand.ts). */
  warm(): void {
    preferOnDemand();
    this.loading ??= loadAnalysis();
  }

  analyze(doc: Document): Promise<Analysis> {
    const run = this.tail.then(() => this.analyzeNow(doc));
    this.tail = run.catch(() => undefined);
    return run;
  }

  private async analyzeNow(doc: Document): Promise<Analysis> {
    this.warm();
    const loaded = await this.loading!;
    const fresh = !this.pipeline;
    const pipeline = (this.pipeline ??= new loaded.Pipeline());
    g[RUN] = () => pipeline.analyze(doc);
    let analysis: Analysis;
    try {
      analysis = this.script.runInThisContext({ timeout: this.timeoutMs + (fresh ? LOAD_ALLOWANCE_MS : 0) }) as Analysis;
    } catch (e) {
      if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
        this.pipeline = null;
        throw new AnalysisTimeout(this.timeoutMs);
      }
      throw e;
    } finally {
      delete g[RUN];
    }
    if (!this.cacheSaved) {
      this.cacheSaved = true;
      loaded.saveCodeCache();
    }
    // as the worker sends it: tokens are the stages' working material, read by no consumer
    analysis.tokens = [];
    return analysis;
  }

  async close(): Promise<void> {
    await this.tail;
  }
}
