// sitrep export: claims, places or events from the ledger as CSV, GeoJSON or JSON Lines, filtered,
// to standard output or a file (-o, written to a temporary file and renamed when complete).
import { createWriteStream, openSync, renameSync, rmSync, statSync, type WriteStream } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CATEGORIES, FilterError, parseFilter } from '../store/filters.js';
import { DEFAULT_DB, dbSpec, openStore } from '../store/open.js';
import type { ClaimFilter, Store } from '../store/store.js';
import { rowsOf, writeExport } from '../store/formats.js';
import { UsageError, writeOut } from './util.js';

export const EXPORT_HELP = `Usage: sitrep export [options]

Write claims, places or events from the ledger database.

Options:
  --format csv|geojson|jsonl|acled
                              output format (default jsonl); acled: events as CSV with ACLED's columns
  --what claims|places|events what to export (default claims)
  --db FILE|URL               SQLite file or postgres:// URL (default $SITREP_DB, else ./${DEFAULT_DB})
  -o, --output FILE           write to FILE instead of standard output
  --bom                       start CSV with a UTF-8 byte order mark (for spreadsheet programs)
Filters (all optional, combined with AND):
  --category LIST             claim categories, comma-separated or repeated (${CATEGORIES.join(', ')})
  --source TEXT               claim source name or id contains TEXT
  --outlet TEXT               outlet contains TEXT
  --place TEXT|GEONAMEID      place name contains TEXT, or exactly this GeoNames id
  --since YYYY-MM-DD          on or after this day (the claim's date, else the article's)
  --until YYYY-MM-DD          on or before this day
  --q TEXT                    claim text, counted group, source or place contains TEXT
  --document ID               one document only
  --reviewed STATUS[,STATUS]  pending, accepted, corrected, rejected, added (default: all but rejected)
  -h, --help                  this help

GeoJSON has one Point feature per claim, place or event with coordinates (a movement whose origin
and destination are both placed is a LineString from one to the other); those without any are
left out and counted on stderr. CSV follows RFC 4180; cells that a spreadsheet would run as a
formula get a leading apostrophe.

Exit status: 0 written, 1 the database could not be read or the output not written (a full disk:
nothing is left behind), 2 usage error (also -o naming the database itself or a folder).`;

import type { ExportFormat, What } from '../store/formats.js';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      format: { type: 'string' },
      what: { type: 'string' },
      db: { type: 'string' },
      output: { type: 'string', short: 'o' },
      bom: { type: 'boolean', default: false },
      category: { type: 'string', multiple: true },
      source: { type: 'string' },
      outlet: { type: 'string' },
      place: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      q: { type: 'string' },
      document: { type: 'string' },
      reviewed: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(EXPORT_HELP + '\n');
    return 0;
  }
  const format = (values.format ?? 'jsonl') as ExportFormat;
  if (!['csv', 'geojson', 'jsonl', 'acled'].includes(format)) throw new UsageError(`--format must be csv, geojson, jsonl or acled, got "${format}"`);
  const what = (values.what ?? (format === 'acled' ? 'events' : 'claims')) as What;
  if (format === 'acled' && what !== 'events') throw new UsageError(`--format acled exports events only (--what events), got --what ${what}`);
  if (!['claims', 'places', 'events'].includes(what)) throw new UsageError(`--what must be claims, places or events, got "${what}"`);
  let filter: ClaimFilter;
  try {
    filter = parseFilter(values);
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(`--${e.field} ${e.message}`);
    throw e;
  }
  const dbPath = dbSpec(values.db);
  if (values.output) checkOutput(values.output, dbPath);
  let store: Store;
  try {
    store = await openStore(dbPath, { readonly: true });
  } catch (e) {
    process.stderr.write(`sitrep export: ${(e as Error).message}\n`);
    return 1;
  }

  let out: Sink;
  try {
    out = values.output ? new FileSink(values.output) : new StdoutSink();
  } catch (e) {
    await store.close();
    process.stderr.write(`sitrep export: cannot write ${values.output}: ${(e as Error).message}\n`);
    return 1;
  }
  let written = 0;
  let unplaced = 0;
  try {
    ({ written, unplaced } = await writeExport(rowsOf(store, what, filter), format, what, (t) => out.write(t), { bom: values.bom }));
    await out.close();
  } catch (e) {
    out.abort();
    if (!(e instanceof OutputError)) throw e;
    process.stderr.write(`sitrep export: cannot write ${values.output}: ${e.message}${e.code === 'ENOSPC' ? ' (the disk is full; nothing was left behind)' : ''}\n`);
    return 1;
  } finally {
    await store.close();
  }
  process.stderr.write(`sitrep export: ${written} ${what} written${unplaced ? `, ${unplaced} without coordinates left out of the GeoJSON` : ''}${values.output ? ` to ${values.output}` : ''}\n`);
  return 0;
}

/** -o must name a file that is not the database (nor its -wal, -shm or -journal file) and not a folder. */
function checkOutput(output: string, dbPath: string): void {
  const out = resolve(output);
  const db = resolve(dbPath.replace(/^sqlite:/i, ''));
  const same = (a: string, b: string) => {
    if (a === b) return true;
    try {
      const [x, y] = [statSync(a), statSync(b)];
      return x.dev === y.dev && x.ino === y.ino; // the same file under another name (a link)
    } catch {
      return false;
    }
  };
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (same(out, db + suffix)) throw new UsageError(`-o ${output} is the database${suffix ? `'s ${suffix.slice(1)} file` : ''} (--db ${dbPath}): writing there would destroy it; give another file`);
  }
  let isDir = false;
  try {
    isDir = statSync(out).isDirectory();
  } catch {
    // a new file
  }
  if (isDir) throw new UsageError(`-o ${output} is a folder; give a file name (e.g. ${join(output, 'claims.jsonl')})`);
}

/** Writing the output failed (full disk, removed folder...): reported in one line, exit 1. */
class OutputError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
const outputError = (e: unknown) => new OutputError((e as Error).message, (e as NodeJS.ErrnoException).code);

interface Sink {
  write(s: string): Promise<void> | void;
  close(): Promise<void>;
  abort(): void;
}

class StdoutSink implements Sink {
  // a reader that stops early (| head) is handled once for every command in main.ts
  write(s: string) {
    return writeOut(s);
  }
  async close() {}
  abort() {}
}

class FileSink implements Sink {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  private error: Error | null = null;
  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    // Opened at once so that a bad path is reported before any work.
    const fd = openSync(this.tmp, 'w');
    this.stream = createWriteStream('', { fd });
    this.stream.on('error', (e) => (this.error = e));
  }
  write(s: string): Promise<void> | void {
    if (this.error) throw outputError(this.error);
    if (this.stream.write(s)) return;
    // one drain or one error, and both listeners go (a listener left per wait piled up into
    // MaxListenersExceededWarning on long exports)
    return new Promise((resolve, reject) => {
      const done = (e?: Error) => {
        this.stream.off('drain', onDrain);
        this.stream.off('error', done);
        if (e) reject(outputError(e));
        else resolve();
      };
      const onDrain = () => done();
      this.stream.on('drain', onDrain);
      this.stream.on('error', done);
    });
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.stream.end((err?: Error | null) => {
        if (err || this.error) return reject(outputError(err ?? this.error));
        try {
          renameSync(this.tmp, this.path);
        } catch (e) {
          return reject(outputError(e));
        }
        resolve();
      }),
    );
  }
  abort() {
    this.stream.destroy();
    rmSync(this.tmp, { force: true });
  }
}
