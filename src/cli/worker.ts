// sitrep worker --db postgres://...: analyse and store the documents `sitrep ingest --queue` queued.
// Run as many as there are cores, on as many machines as reach the database.
import { parseArgs } from 'node:util';
import { IngestQueue } from '../queue/ingest-queue.js';
import { runWorker } from '../queue/worker.js';
import { AnalysisWorker } from '../store/ingest/pool.js';
import { dbSpec, isPostgresUrl, openStore, pgTarget } from '../store/open.js';
import type { Store } from '../store/store.js';
import { UsageError, positiveInt, writeOut } from './util.js';

export const WORKER_HELP = `Usage: sitrep worker --db postgres://... [options]

Take documents from the analysis queue (filled by "sitrep ingest --queue"), analyse them and store
them in the ledger, one at a time, until stopped (Ctrl-C finishes the document in hand). Start as
many as you like, on any machine that reaches the database: each text is stored once whatever
happens. A worker that dies mid-document loses nothing: its job is retried by another after
--job-timeout. A document that fails --tries times is marked failed with its error ("sitrep queue").

Options:
  --db URL                 the PostgreSQL ledger (default $SITREP_DB)
  --doc-timeout SECONDS    give up a document whose analysis takes longer (default 60)
  --job-timeout SECONDS    a job running longer is taken as lost and retried (default 120)
  --exit-when-empty        stop once no job is waiting, retrying or running
  --json                   print one JSON line per document on standard output
  -h, --help               this help`;

export async function workerCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      'doc-timeout': { type: 'string' },
      'job-timeout': { type: 'string' },
      'exit-when-empty': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(WORKER_HELP + '\n');
    return 0;
  }
  const url = dbSpec(values.db);
  if (!isPostgresUrl(url)) throw new UsageError('the queue lives in PostgreSQL: give --db postgres://... (or set SITREP_DB)');
  const docTimeout = positiveInt(values['doc-timeout'], '--doc-timeout', 60);
  const jobTimeout = positiveInt(values['job-timeout'], '--job-timeout', 120);
  let store: Store;
  let queue: IngestQueue;
  try {
    store = await openStore(url);
    queue = await IngestQueue.open(pgTarget(url).url, { schema: pgTarget(url).queueSchema, jobTimeoutSeconds: jobTimeout });
  } catch (e) {
    process.stderr.write(`sitrep worker: ${(e as Error).message}\n`);
    return 1;
  }
  const stop = new AbortController();
  const onSignal = () => {
    if (stop.signal.aborted) process.exit(130);
    process.stderr.write('\nsitrep worker: stopping after the document in hand (Ctrl-C again to stop at once; the job is then retried elsewhere)\n');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const analyzer = new AnalysisWorker(docTimeout * 1000);
  const t0 = performance.now();
  try {
    const run = await runWorker(store, queue, analyzer, {
      exitWhenEmpty: values['exit-when-empty'],
      signal: stop.signal,
      onJob: (e) => {
        if (values.json) void writeOut(JSON.stringify(e) + '\n');
        if (e.error) process.stderr.write(`sitrep worker: "${e.document}" failed (it is retried until its tries run out): ${e.error}\n`);
      },
    });
    process.stderr.write(`sitrep worker: ${run.done} documents done, ${run.failedTries} failed tries in ${((performance.now() - t0) / 1000).toFixed(1)}s\n`);
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await analyzer.close();
    await queue.close();
    await store.close();
  }
}
