// sitrep queue --db postgres://...: what the analysis queue holds: pending, running, retrying,
// completed and failed jobs, with the error of each failed one.
import { parseArgs } from 'node:util';
import { IngestQueue } from '../queue/ingest-queue.js';
import { dbSpec, isPostgresUrl, pgTarget } from '../store/open.js';
import { UsageError, positiveInt, writeOut } from './util.js';

export const QUEUE_HELP = `Usage: sitrep queue --db postgres://... [options]

Show the analysis queue: jobs pending, running, waiting for a retry, completed and failed, and for
each failed one (the latest first) its document, tries and error.

Options:
  --db URL       the PostgreSQL ledger (default $SITREP_DB)
  --limit N      failed jobs listed (default 20)
  --json         print the status as JSON
  -h, --help     this help`;

export async function queueCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(QUEUE_HELP + '\n');
    return 0;
  }
  const url = dbSpec(values.db);
  if (!isPostgresUrl(url)) throw new UsageError('the queue lives in PostgreSQL: give --db postgres://... (or set SITREP_DB)');
  const limit = positiveInt(values.limit, '--limit', 20);
  let queue: IngestQueue;
  try {
    queue = await IngestQueue.open(pgTarget(url).url, { schema: pgTarget(url).queueSchema });
  } catch (e) {
    process.stderr.write(`sitrep queue: ${(e as Error).message}\n`);
    return 1;
  }
  try {
    const s = await queue.status(limit);
    if (values.json) await writeOut(JSON.stringify(s) + '\n');
    else {
      const lines = [`pending ${s.pending}  running ${s.running}  retrying ${s.retrying}  completed ${s.completed}  failed ${s.failed}`];
      for (const f of s.failures) lines.push(`failed  ${f.document}  (${f.tries} tries${f.at ? ', ' + f.at : ''}): ${f.error}`);
      await writeOut(lines.join('\n') + '\n');
    }
    return 0;
  } finally {
    await queue.close();
  }
}
