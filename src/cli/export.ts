// sitrep export: claims, places or events from the ledger as CSV, GeoJSON or JSON Lines, filtered,
// to standard output or a file (-o, written to a temporary file and renamed when complete).
import { createWriteStream, renameSync, rmSync, type WriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { CATEGORIES, FilterError, parseFilter } from '../store/filters.js';
import { DEFAULT_DB, openStore } from '../store/open.js';
import type { ClaimFilter, ClaimRow, EventRow, PlaceAggregate, Store } from '../store/store.js';
import { UsageError, writeOut } from './util.js';

export const EXPORT_HELP = `Usage: sitrep export [options]

Write claims, places or events from the ledger database.

Options:
  --format csv|geojson|jsonl  output format (default jsonl)
  --what claims|places|events what to export (default claims)
  --db FILE                   database file (default ./${DEFAULT_DB})
  -o, --output FILE           write to FILE instead of standard output
Filters (all optional, combined with AND):
  --category LIST             claim categories, comma-separated or repeated (${CATEGORIES.join(', ')})
  --source TEXT               claim source name or id contains TEXT
  --outlet TEXT               outlet contains TEXT
  --place TEXT|GEONAMEID      place name contains TEXT, or exactly this GeoNames id
  --since YYYY-MM-DD          on or after this day (the claim's date, else the article's)
  --until YYYY-MM-DD          on or before this day
  --q TEXT                    claim text, counted group, source or place contains TEXT
  --document ID               one document only
  -h, --help                  this help

GeoJSON has one Point feature per claim, place or event with coordinates; those without any are
left out and counted on stderr. CSV follows RFC 4180; cells that a spreadsheet would run as a
formula get a leading apostrophe.

Exit status: 0 written, 1 the database could not be read, 2 usage error.`;

type Format = 'csv' | 'geojson' | 'jsonl';
type What = 'claims' | 'places' | 'events';

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      format: { type: 'string' },
      what: { type: 'string' },
      db: { type: 'string' },
      output: { type: 'string', short: 'o' },
      category: { type: 'string', multiple: true },
      source: { type: 'string' },
      outlet: { type: 'string' },
      place: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      q: { type: 'string' },
      document: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(EXPORT_HELP + '\n');
    return 0;
  }
  const format = (values.format ?? 'jsonl') as Format;
  if (!['csv', 'geojson', 'jsonl'].includes(format)) throw new UsageError(`--format must be csv, geojson or jsonl, got "${format}"`);
  const what = (values.what ?? 'claims') as What;
  if (!['claims', 'places', 'events'].includes(what)) throw new UsageError(`--what must be claims, places or events, got "${what}"`);
  let filter: ClaimFilter;
  try {
    filter = parseFilter(values);
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(`--${e.field} ${e.message}`);
    throw e;
  }
  const dbPath = values.db ?? DEFAULT_DB;
  let store: Store;
  try {
    store = await openStore(dbPath, { readonly: true });
  } catch (e) {
    process.stderr.write(`sitrep export: ${(e as Error).message}\n`);
    return 1;
  }

  const out = values.output ? new FileSink(values.output) : new StdoutSink();
  let written = 0;
  let unplaced = 0;
  try {
    const rows: AsyncIterable<Row> = what === 'claims' ? tag('claim', store.iterateClaims(filter)) : what === 'events' ? tag('event', store.iterateEvents(filter)) : tag('place', listToIter(await store.listPlaces(filter)));
    if (format === 'geojson') await out.write('{"type":"FeatureCollection","features":[\n');
    let header = false;
    for await (const r of rows) {
      if (format === 'jsonl') await out.write(JSON.stringify(r.v) + '\n');
      else if (format === 'csv') {
        const flat = flatten(r);
        if (!header) {
          await out.write(Object.keys(flat).map(csvCell).join(',') + '\r\n');
          header = true;
        }
        await out.write(Object.values(flat).map(csvCell).join(',') + '\r\n');
      } else {
        const feature = toFeature(r);
        if (!feature) {
          unplaced++;
          continue;
        }
        await out.write((written ? ',\n' : '') + JSON.stringify(feature));
      }
      written++;
    }
    if (format === 'geojson') await out.write('\n]}\n');
    else if (format === 'csv' && !header) await out.write(Object.keys(flatten(emptyOf(what))).map(csvCell).join(',') + '\r\n');
    await out.close();
  } catch (e) {
    out.abort();
    throw e;
  } finally {
    await store.close();
  }
  process.stderr.write(`sitrep export: ${written} ${what} written${unplaced ? `, ${unplaced} without coordinates left out of the GeoJSON` : ''}${values.output ? ` to ${values.output}` : ''}\n`);
  return 0;
}

type Row = { t: 'claim'; v: ClaimRow } | { t: 'event'; v: EventRow } | { t: 'place'; v: PlaceAggregate };

async function* tag<T extends Row['t']>(t: T, it: AsyncIterable<unknown>): AsyncIterable<Row> {
  for await (const v of it) yield { t, v } as Row;
}
async function* listToIter<T>(list: T[]): AsyncIterable<T> {
  yield* list;
}

function emptyOf(what: What): Row {
  if (what === 'places') return { t: 'place', v: { key: '', name: '', geonameId: null, country: null, lat: null, lon: null, precision: 3, kind: '', mentions: 0, documents: 0, claims: 0, categories: {} } };
  if (what === 'events')
    return { t: 'event', v: { id: '', documentId: '', index: 0, start: 0, end: 0, type: '', subtype: '', actor1: null, actor2: null, place: null, date: null, day: null, timePrecision: null, claims: [], fatalities: null, origin: null, destination: null, sources: [], evidence: [], outlet: null } };
  return {
    t: 'claim',
    v: { id: '', documentId: '', index: 0, start: 0, end: 0, text: '', quantity: { start: 0, end: 0, text: '' }, value: { min: null, max: null, approx: false }, category: '', who: '', source: null, hedged: false, place: null, date: null, dateUntil: null, day: null, sentence: 0, evidence: [], outlet: null, title: null, published: null },
  };
}

type Cell = string | number | boolean | null;

/** One flat record per row, the CSV columns. */
export function flatten(r: Row): Record<string, Cell> {
  if (r.t === 'claim') {
    const c = r.v;
    return {
      id: c.id,
      document: c.documentId,
      outlet: c.outlet,
      published: c.published,
      day: c.day,
      date: c.date,
      category: c.category,
      value_min: c.value.min,
      value_max: c.value.max,
      approx: c.value.approx,
      who: c.who,
      source: c.source?.name ?? null,
      hedged: c.hedged,
      place: c.place?.name ?? null,
      geoname_id: c.place?.geonameId ?? null,
      lat: c.place?.lat ?? null,
      lon: c.place?.lon ?? null,
      precision: c.place?.precision ?? null,
      quantity: c.quantity.text,
      text: c.text,
      start: c.start,
      end: c.end,
      rules: c.evidence.map((e) => e.rule).join(' '),
    };
  }
  if (r.t === 'event') {
    const e = r.v;
    const name = (a: unknown) => (a && typeof a === 'object' && 'name' in a ? String((a as { name: unknown }).name) : null);
    return {
      id: e.id,
      document: e.documentId,
      outlet: e.outlet,
      day: e.day,
      date: e.date,
      type: e.type,
      subtype: e.subtype,
      actor1: name(e.actor1),
      actor2: name(e.actor2),
      place: e.place?.name ?? null,
      lat: e.place?.lat ?? null,
      lon: e.place?.lon ?? null,
      precision: e.place?.precision ?? null,
      fatalities: e.fatalities,
      sources: e.sources.join('; '),
      claims: e.claims.join(' '),
      start: e.start,
      end: e.end,
    };
  }
  const p = r.v;
  return {
    name: p.name,
    geoname_id: p.geonameId,
    country: p.country,
    lat: p.lat,
    lon: p.lon,
    precision: p.precision,
    kind: p.kind,
    mentions: p.mentions,
    documents: p.documents,
    claims: p.claims,
    categories: Object.entries(p.categories)
      .map(([k, n]) => `${k}:${n}`)
      .join(' '),
  };
}

export function csvCell(v: Cell): string {
  if (v == null) return '';
  let s = String(v);
  // A cell starting with = + - @ (or tab/CR) runs as a formula in spreadsheets: neutralise it.
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

function toFeature(r: Row): object | null {
  let lat: number | null | undefined;
  let lon: number | null | undefined;
  if (r.t === 'claim') ({ lat, lon } = r.v.place ?? {});
  else if (r.t === 'event') ({ lat, lon } = r.v.place ?? {});
  else ({ lat, lon } = r.v);
  if (lat == null || lon == null) return null;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: r.t === 'claim' ? flatten(r) : r.t === 'event' ? flatten(r) : { ...flatten(r), categories: r.v.categories } };
}

interface Sink {
  write(s: string): Promise<void> | void;
  close(): Promise<void>;
  abort(): void;
}

class StdoutSink implements Sink {
  write(s: string) {
    return writeOut(s);
  }
  async close() {}
  abort() {}
}

class FileSink implements Sink {
  private readonly tmp: string;
  private readonly stream: WriteStream;
  constructor(private readonly path: string) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.stream = createWriteStream(this.tmp);
  }
  write(s: string): Promise<void> | void {
    if (this.stream.write(s)) return;
    return new Promise((r) => this.stream.once('drain', () => r()));
  }
  close(): Promise<void> {
    return new Promise((resolve, reject) =>
      this.stream.end((err?: Error | null) => {
        if (err) return reject(err);
        renameSync(this.tmp, this.path);
        resolve();
      }),
    );
  }
  abort() {
    this.stream.destroy();
    rmSync(this.tmp, { force: true });
  }
}
