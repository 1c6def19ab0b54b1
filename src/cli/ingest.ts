// sitrep ingest <paths...>: analyse articles and store them in the ledger.
// Idempotent: a text already stored (same content hash) is skipped before analysis. Documents are
// written in batches, each batch one transaction holding every document row with all its items, so
// a crash leaves whole documents only; Ctrl-C finishes the batch in hand and exits 130, and a rerun
// completes the work.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_CHARS, expandPaths, readInputs } from '../io/input.js';
import { INPUT_OPTIONS, inputOptions, reportWarnings } from './input-options.js';
import { AnalysisPool, defaultJobs, POOL_DEPTH } from '../store/ingest/pool.js';
import { DEFAULT_DB, dbSpec, isPostgresUrl, openStore, StoreOpenError } from '../store/open.js';
import { enqueueInputs, enqueueStale } from './enqueue.js';
import { contentHash } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { IngestRun, StoreWriteError } from './ingest-run.js';
import { Progress } from './progress.js';
import { UsageError, positiveInt, writeOut } from './util.js';

export const INGEST_HELP = `Usage: sitrep ingest [options] <paths...>

Analyse articles and store them, with every claim, place, actor, statement, event and framing
term, in the ledger database. The same article text is stored once (by content hash), so running
it again adds only what is new. Ctrl-C stores the batch in hand and stops (exit 130); run the same
command again to complete.

Inputs: as for "sitrep analyze" (files, folders, URLs, -; text, JSON, JSON Lines, CSV/TSV, HTML,
RSS/Atom, PDF); --columns and --date-format as there.

Options:
  --db FILE|URL               SQLite file (created when missing) or postgres:// URL
                              (default $SITREP_DB, else ./${DEFAULT_DB})
  --published YYYY-MM-DD      publication date for records that carry none (and .txt files)
  --outlet NAME               outlet for records that carry none
  --lang CODE                 language for records that carry none (default: detected per record);
                              a record in a language Sitrep does not read is stored without items, with a warning
  --max-chars N               largest article accepted (default ${DEFAULT_MAX_CHARS})
  --columns F=COL,...         CSV/TSV: which column holds which field (text, title, published,
                              outlet, url, id, author, lang); the rest are found by name
  --date-format PATTERN       how dates are written, e.g. M/D/YYYY or DD.MM.YYYY
  --batch N                   documents per transaction (default 200)
  --doc-timeout SECONDS       give up a document whose analysis takes longer (default 60)
  --jobs N                    documents analysed at once, each in its own worker thread
                              (default: one per core but one, 1 to 8); stored in input order
  --reanalyse                 analyse again the articles already stored and replace their items
                              (after the extraction stages improved); each document keeps its id
  --queue                     (PostgreSQL) queue the documents for "sitrep worker" and return at once
  --reanalyse --stale         (PostgreSQL) queue, with no paths, every stored document that an older
                              pipeline version (code or data) analysed, for "sitrep worker"
  --json                      print a JSON summary on standard output
  -h, --help                  this help

Exit status: 0 all records stored (or already there), 1 some records failed (each reported on
stderr, the rest stored), 2 usage error, 130 interrupted (what was stored stays; rerun to complete).`;

/** Records in the inputs, counted cheaply for the progress bar; null when unknown (stdin). */
export function countRecords(paths: string[]): number | null {
  const { files } = expandPaths(paths);
  let n = 0;
  for (const f of files) {
    if (f === '-') return null;
    const ext = extname(f).toLowerCase();
    try {
      if (ext === '.jsonl' || ext === '.ndjson') {
        if (statSync(f).size > 512 * 1024 * 1024) return null;
        const b = readFileSync(f);
        let lines = 0;
        let nonBlank = false;
        for (let i = 0; i < b.length; i++) {
          const c = b[i];
          if (c === 10) {
            if (nonBlank) lines++;
            nonBlank = false;
          } else if (c !== 32 && c !== 13 && c !== 9) nonBlank = true;
        }
        if (nonBlank) lines++;
        n += lines;
      } else if (ext === '.json') {
        const t = readFileSync(f, 'utf8').trimStart();
        if (t.startsWith('[')) {
          try {
            n += (JSON.parse(t) as unknown[]).length;
          } catch {
            n += 1;
          }
        } else n += 1;
      } else if (ext === '.txt') n += 1;
      else return null; // CSV, feeds, pages, PDF: counted as they are read
    } catch {
      n += 1;
    }
  }
  return n;
}

export interface IngestSummary {
  db: string;
  added: number;
  existing: number;
  replaced: number;
  failed: number;
  stageErrors: number;
  interrupted: boolean;
  seconds: number;
}

function parseIngestArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      db: { type: 'string' },
      batch: { type: 'string' },
      'doc-timeout': { type: 'string' },
      jobs: { type: 'string' },
      json: { type: 'boolean', default: false },
      reanalyse: { type: 'boolean', default: false },
      reanalyze: { type: 'boolean', default: false },
      queue: { type: 'boolean', default: false },
      stale: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { values, help: true as const };
  const inputs = inputOptions(values);
  return {
    values,
    help: false as const,
    positionals,
    inputs,
    maxChars: inputs.maxChars ?? DEFAULT_MAX_CHARS,
    batchSize: positiveInt(values.batch, '--batch', 200),
    docTimeout: positiveInt(values['doc-timeout'], '--doc-timeout', 60),
    jobs: positiveInt(values.jobs, '--jobs', defaultJobs()),
    dbPath: dbSpec(values.db),
    replace: values.reanalyse || values.reanalyze,
  };
}

export async function ingestCommand(argv: string[]): Promise<number> {
  const args = parseIngestArgs(argv);
  if (args.help) {
    process.stdout.write(INGEST_HELP + '\n');
    return 0;
  }
  const { values, positionals, inputs, maxChars, dbPath, replace } = args;
  if (values.stale) {
    if (!replace) throw new UsageError('--stale goes with --reanalyse');
    if (positionals.length) throw new UsageError('--reanalyse --stale takes its documents from the ledger: give no paths');
    if (!isPostgresUrl(dbPath)) throw new UsageError('--reanalyse --stale goes through the queue: it needs --db postgres://... (or SITREP_DB)');
    return enqueueStale(dbPath, { json: values.json });
  }
  if (positionals.length === 0) throw new UsageError('no input: give one or more files, directories, or - for standard input');
  if (values.queue) {
    if (!isPostgresUrl(dbPath)) throw new UsageError('--queue needs a PostgreSQL ledger: --db postgres://... (or SITREP_DB)');
    return enqueueInputs(dbPath, positionals, { ...inputs, maxChars, replace, json: values.json });
  }

  let store: Store;
  try {
    store = await openStore(dbPath);
  } catch (e) {
    process.stderr.write(`sitrep ingest: ${(e as Error).message}\n`);
    return e instanceof StoreOpenError ? 1 : 70;
  }

  const t0 = performance.now();
  const progress = new Progress('ingesting', countRecords(positionals));
  // Analysis runs in worker threads (--jobs of them): a document stuck in a stage is stopped after
  // --doc-timeout, and Ctrl-C is heard at once. Each worker has a batch's worth of documents posted
  // ahead: writing a batch holds this thread for about as long as analysing half of one takes, and
  // with fewer posted every worker ran dry and waited through every write.
  const analyzer = new AnalysisPool(args.jobs, args.docTimeout * 1000, undefined, Math.max(POOL_DEPTH, args.batchSize));
  analyzer.warm();
  const run = new IngestRun(store, analyzer, { batchSize: args.batchSize, replace });
  const stop = listenForInterrupt();
  // Test aid only: slows each document down so that tests can interrupt a run halfway.
  const throttle = Number(process.env.SITREP_INGEST_THROTTLE_MS ?? 0);
  let seen = 0;
  let stopped: StoreWriteError | null = null;
  try {
    for await (const item of readInputs(positionals, inputs)) {
      seen++;
      if (!item.ok) {
        run.failed++;
        process.stderr.write(`sitrep: ${item.error.toLine()}\n`);
      } else {
        reportWarnings(item);
        const hash = contentHash(item.doc.text);
        if (await run.known(hash)) run.existing++;
        else await run.submit(item.doc, hash);
        if (throttle > 0) await new Promise((r) => setTimeout(r, throttle));
      }
      progress.tick(seen, run.failed);
      // Let signals in between documents.
      await new Promise((r) => setImmediate(r));
      if (stop.interrupted) break;
    }
    await run.finish(() => stop.interrupted);
  } catch (e) {
    if (!(e instanceof StoreWriteError)) throw e;
    stopped = e;
  } finally {
    progress.done();
    await analyzer.close();
    await store.close();
    stop.dispose();
  }
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  return report(run, { db: dbPath, replace, json: values.json, interrupted: stop.interrupted, stopped, seconds });
}

/** Ctrl-C (or SIGTERM) once: finish the batch in hand; twice: leave at once. */
function listenForInterrupt(): { interrupted: boolean; dispose(): void } {
  const state = {
    interrupted: false,
    dispose: () => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigint);
    },
  };
  const onSigint = () => {
    if (state.interrupted) {
      // A second Ctrl-C: leave now. The open transaction (if any) is rolled back by SQLite.
      process.stderr.write('\nsitrep ingest: stopped at once; the database keeps every batch already written\n');
      process.exit(130);
    }
    state.interrupted = true;
    process.stderr.write('\nsitrep ingest: interrupted; storing the batch in hand (Ctrl-C again to stop at once)\n');
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  return state;
}

/** The summary line on stderr (and the JSON summary with --json); the exit status. */
async function report(run: IngestRun, r: { db: string; replace: boolean; json: boolean; interrupted: boolean; stopped: StoreWriteError | null; seconds: number }): Promise<number> {
  const { added, existing, replaced, failed, stageErrors } = run;
  const { db, interrupted, stopped, seconds } = r;
  if (stopped) {
    // A full disk (or a database that cannot be written any more) fails every later document too:
    // stop at once, say why, and keep what is stored.
    process.stderr.write(
      `sitrep ingest: stopped: cannot write ${db}: ${stopped.message}${stopped.full ? ' (the disk is full)' : ''}; ` +
        `${added} documents were stored before, the batch in hand (${stopped.lost}) was not. Free space and run the same command again to complete.\n`,
    );
    if (r.json) await writeOut(JSON.stringify({ db, added, existing, replaced, failed, stageErrors, interrupted, stopped: stopped.message, seconds }) + '\n');
    return 1;
  }
  const summary: IngestSummary = { db, added, existing, replaced, failed, stageErrors, interrupted, seconds };
  process.stderr.write(
    `sitrep ingest: ${added} added, ${r.replace ? `${replaced} re-analysed, ` : ''}${existing} already stored, ${failed} failed` +
      `${stageErrors ? `, ${stageErrors} stage errors` : ''} in ${seconds}s → ${db}` +
      `${interrupted ? ' (interrupted: run the same command again to complete)' : ''}\n`,
  );
  if (r.json) await writeOut(JSON.stringify(summary) + '\n');
  if (interrupted) return 130;
  return failed ? 1 : 0;
}
