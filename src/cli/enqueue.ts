// sitrep ingest --queue: read the inputs and queue each document whose text the ledger does not hold
// yet (with --reanalyse, every document) for the workers; returns without analysing anything.
import { SitrepError } from '../core/errors.js';
import type { Document } from '../core/types.js';
import { readInputs } from '../io/input.js';
import type { InputOptions } from '../io/types.js';
import { IngestQueue } from '../queue/ingest-queue.js';
import { pipelineVersion } from '../pipeline/version.js';
import { openStore, pgTarget } from '../store/open.js';
import { contentHash } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { writeOut } from './util.js';

const BATCH = 500;

/** The ledger and its queue, or null after one line on stderr. */
async function openLedgerAndQueue(url: string): Promise<{ store: Store; queue: IngestQueue } | null> {
  try {
    const store = await openStore(url);
    const { url: pgUrl, queueSchema } = pgTarget(url);
    return { store, queue: await IngestQueue.open(pgUrl, { schema: queueSchema }) };
  } catch (e) {
    process.stderr.write(`sitrep ingest: ${(e as Error).message}\n`);
    return null;
  }
}

export async function enqueueInputs(
  url: string,
  paths: string[],
  opts: InputOptions & { maxChars: number; replace: boolean; json: boolean },
): Promise<number> {
  const opened = await openLedgerAndQueue(url);
  if (!opened) return 1;
  const { store, queue } = opened;
  const t0 = performance.now();
  let queued = 0;
  let alreadyQueued = 0;
  let existing = 0;
  let failed = 0;
  let pending: Document[] = [];
  // A re-analysis is a new job each run (salted with the time), not the job that first stored the text.
  const salt = opts.replace ? new Date().toISOString() : '';
  const flush = async () => {
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    let todo = batch;
    if (!opts.replace) {
      const known = await store.knownHashes(batch.map((d) => contentHash(d.text)));
      todo = batch.filter((d) => !known.has(contentHash(d.text)));
      existing += batch.length - todo.length;
    }
    const r = await queue.enqueue(todo, { replace: opts.replace, salt });
    queued += r.queued;
    alreadyQueued += r.alreadyQueued;
  };
  try {
    for await (const item of readInputs(paths, opts)) {
      if (!item.ok) {
        failed++;
        process.stderr.write(`sitrep: ${item.error.toLine()}\n`);
        continue;
      }
      pending.push(item.doc);
      if (pending.length >= BATCH) await flush();
    }
    await flush();
  } catch (e) {
    process.stderr.write(`sitrep: ${new SitrepError('E_STAGE', `cannot queue: ${(e as Error).message}`).toLine()}\n`);
    failed++;
  } finally {
    await queue.close();
    await store.close();
  }
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  process.stderr.write(`sitrep ingest: ${queued} queued, ${alreadyQueued} already queued, ${existing} already stored, ${failed} failed in ${seconds}s → ${store.location} (run "sitrep worker" to analyse them)\n`);
  if (opts.json) await writeOut(JSON.stringify({ db: store.location, queued, alreadyQueued, existing, failed, seconds }) + '\n');
  return failed ? 1 : 0;
}

/** sitrep ingest --reanalyse --stale: queue every stored document an older pipeline version analysed. */
export async function enqueueStale(url: string, opts: { json: boolean }): Promise<number> {
  const opened = await openLedgerAndQueue(url);
  if (!opened) return 1;
  const { store, queue } = opened;
  const version = pipelineVersion();
  const t0 = performance.now();
  let queued = 0;
  let alreadyQueued = 0;
  try {
    // Salted with the version: queued once per version, whatever the number of runs.
    for (let afterKey = 0; ; ) {
      const page = await store.staleDocuments(version, { afterKey, limit: BATCH });
      if (!page.length) break;
      const r = await queue.enqueue(page.map((p) => p.document), { replace: true, salt: version });
      queued += r.queued;
      alreadyQueued += r.alreadyQueued;
      afterKey = page[page.length - 1].key;
    }
  } finally {
    await queue.close();
    await store.close();
  }
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  process.stderr.write(`sitrep ingest: ${queued} stale documents queued for re-analysis (${alreadyQueued} already queued) by ${version} in ${seconds}s → ${store.location}\n`);
  if (opts.json) await writeOut(JSON.stringify({ db: store.location, version, queued, alreadyQueued, seconds }) + '\n');
  return 0;
}
