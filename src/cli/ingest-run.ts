// One run of `sitrep ingest`: documents handed to the analysis pool, taken back in input order, written
// in batches (one transaction each), and counted. A batch a bad document spoils is written again one
// document at a time, so that only the culprit is lost; a store that cannot be written at all (a full
// disk) stops the run (StoreWriteError).
import { SitrepError } from '../core/errors.js';
import type { Document } from '../core/types.js';
import { unreadWarning } from '../lang/index.js';
import type { AnalysisPool } from '../store/ingest/pool.js';
import type { StoredAnalysis } from '../store/rows.js';
import type { PutOutcome, Store } from '../store/store.js';

interface Job {
  doc: Document;
  hash: string;
  analysis: Promise<StoredAnalysis>;
  done: boolean;
}

export class IngestRun {
  added = 0;
  existing = 0;
  replaced = 0;
  failed = 0;
  stageErrors = 0;
  private pending: StoredAnalysis[] = [];
  private readonly pendingHashes = new Set<string>();
  /** Documents in analysis, oldest first: up to the pool's window (each worker's queue: it goes on while
   * a batch is written), taken back in input order, so that the ledger is written in the same order
   * whatever --jobs is. */
  private readonly inFlight: Job[] = [];
  private readonly inFlightHashes = new Map<string, number>();

  constructor(
    private readonly store: Store,
    private readonly analyzer: AnalysisPool,
    private readonly opts: { batchSize: number; replace: boolean },
  ) {}

  /** Whether a text of this hash is in the batch, in analysis, or (unless replacing) stored already. */
  async known(hash: string): Promise<boolean> {
    if (this.pendingHashes.has(hash) || this.inFlightHashes.has(hash)) return true;
    return !this.opts.replace && (await this.store.knownHashes([hash])).size > 0;
  }

  /** Hands a document to the pool; the analysed ones go to the batch at once, and the window bounds only
   * those still in analysis. */
  async submit(doc: Document, hash: string): Promise<void> {
    const job: Job = { doc, hash, analysis: this.analyzer.prepare(doc), done: false };
    const finished = () => void (job.done = true);
    job.analysis.then(finished, finished);
    this.inFlight.push(job);
    this.inFlightHashes.set(hash, (this.inFlightHashes.get(hash) ?? 0) + 1);
    while (this.inFlight.length && (this.inFlight.length >= this.analyzer.window || this.inFlight[0].done)) await this.settle();
  }

  /** Takes back what is in analysis and writes the last batch. Once interrupted (asked again before each
   * document: a Ctrl-C may come while the last ones are analysed), only the documents already analysed
   * are taken (waiting for them all would not be stopping; the rest are left for the rerun). */
  async finish(interrupted: () => boolean): Promise<void> {
    while (this.inFlight.length && (!interrupted() || this.inFlight[0].done)) await this.settle();
    await this.flush();
  }

  private async settle(): Promise<void> {
    const job = this.inFlight.shift()!;
    const left = (this.inFlightHashes.get(job.hash) ?? 1) - 1;
    if (left) this.inFlightHashes.set(job.hash, left);
    else this.inFlightHashes.delete(job.hash);
    let analysis: StoredAnalysis | null = null;
    try {
      analysis = await job.analysis;
    } catch (e) {
      this.failed++;
      const o = job.doc.origin;
      process.stderr.write(`sitrep: ${new SitrepError('E_STAGE', `analysis of "${job.doc.id}" failed: ${(e as Error).message}`, { file: o?.file, line: o?.line }).toLine()}\n`);
    }
    if (!analysis) return;
    const unread = unreadWarning(analysis);
    if (unread) process.stderr.write(unread + '\n');
    for (const err of analysis.errors) {
      this.stageErrors++;
      process.stderr.write(`sitrep: ${job.doc.origin?.file ?? job.doc.id}${job.doc.origin?.line ? ':' + job.doc.origin.line : ''}: stage ${err.stage} failed on "${job.doc.id}": ${err.message}\n`);
    }
    this.pending.push(analysis);
    this.pendingHashes.add(job.hash);
    if (this.pending.length >= this.opts.batchSize) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    this.pendingHashes.clear();
    const { replace } = this.opts;
    try {
      (await this.store.putAnalyses(batch, { replace })).forEach((o, i) => this.count(o, batch[i]));
    } catch (e) {
      if (storeBroken(e)) throw new StoreWriteError(e as Error, batch.length);
      // One bad document must not lose the batch: store them one by one and report the culprit.
      for (const a of batch) {
        try {
          for (const o of await this.store.putAnalyses([a], { replace })) this.count(o, a);
        } catch (e) {
          if (storeBroken(e)) throw new StoreWriteError(e as Error, batch.length);
          this.failed++;
          const o = a.document.origin;
          process.stderr.write(`sitrep: ${new SitrepError('E_STAGE', `cannot store "${a.document.id}": ${(e as Error).message}`, { file: o?.file, line: o?.line }).toLine()}\n`);
        }
      }
    }
  }

  private count(o: PutOutcome, a: StoredAnalysis): void {
    if (o.status === 'added' && o.renamedFrom) {
      const at = a.document.origin;
      process.stderr.write(`sitrep: ${at?.file ?? 'input'}${at?.line ? ':' + at.line : ''}: warning: id "${o.renamedFrom}" is already stored with another text; this record is stored as "${o.id}"\n`);
    }
    if (o.status === 'added') this.added++;
    else if (o.status === 'replaced') this.replaced++;
    else this.existing++;
  }
}

/** Errors that every later write would repeat: the disk or the database file, not the document. */
function storeBroken(e: unknown): boolean {
  const code = String((e as { code?: unknown }).code ?? '');
  return /^(SQLITE_FULL|SQLITE_IOERR|SQLITE_READONLY|SQLITE_CANTOPEN|SQLITE_CORRUPT|ENOSPC|EDQUOT|EROFS|EIO)/.test(code) || /disk is full|no space left/i.test((e as Error).message ?? '');
}

/** The store cannot be written any more; `lost`: the documents of the batch in hand. */
export class StoreWriteError extends Error {
  readonly full: boolean;
  constructor(
    cause: Error,
    readonly lost: number,
  ) {
    super(cause.message);
    const code = String((cause as { code?: unknown }).code ?? '');
    this.full = /SQLITE_FULL|ENOSPC|EDQUOT/.test(code) || /disk is full|no space left/i.test(cause.message);
  }
}
