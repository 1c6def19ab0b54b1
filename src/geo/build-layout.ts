// The gazetteer cache's layout, as build.ts writes it and gazetteer.ts reads it: a header (magic, JSON
// length, JSON), four offset tables (entries, keys, postings, search buckets), then the entry records, the
// keys one after the other and their postings.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { RawEntry } from './build.js';

export const MAGIC = 'SGZ4';
/** an entry record: i32 lat, i32 lon (1e-5 degree), i32 id, u32 population, u16 country, feature class,
 * feature code, admin1 and source (indexes into the string table), then the name in utf8 */
export const RECORD_HEAD = 26;
/** two-letter search buckets over the sorted keys */
export const BUCKETS = 128 * 128;
/** latitude and longitude are stored in units of 1e-5 degree; this marks a missing one */
export const NO_COORD = -2147483648;

/** The search bucket of a key (or query) by its first two characters. */
export function bucketOf(key: string): number {
  return key.length === 0 ? 0 : (key.charCodeAt(0) & 127) * 128 + (key.length > 1 ? key.charCodeAt(1) & 127 : 0);
}

/** What the header says besides the sizes (given to writeLayout). */
export interface LayoutHead {
  version: number;
  stamp: string;
  translit: string;
  countries: Record<string, number>;
  admin1: Record<string, number>;
}

/** The header as written in the file (read back by gazetteer.ts). */
export interface LayoutHeader extends LayoutHead {
  entries: number;
  keys: number;
  /** the codes the entry records point into */
  strings: string[];
  entriesBytes: number;
  keysBytes: number;
  postingsBytes: number;
}

/** Writes the cache file (through a temporary file and a rename); its size in bytes. `index`: key → postings
 * ("12" an entry's main name, "12a" an alternate). */
export function writeLayout(out: string, entries: readonly RawEntry[], index: ReadonlyMap<string, string[]>, h: LayoutHead): number {
  const keys = [...index.keys()].sort();
  const { blob: entriesBlob, offsets: entryOff, strings } = encodeEntries(entries);
  const { keysBlob, postingsBlob, keyOff, postOff } = encodeKeys(keys, index);
  const buckets = bucketTable(keys);
  const written: LayoutHeader = { version: h.version, stamp: h.stamp, translit: h.translit, entries: entries.length, keys: keys.length, countries: h.countries, admin1: h.admin1, strings, entriesBytes: entriesBlob.length, keysBytes: keysBlob.length, postingsBytes: postingsBlob.length };
  const header = Buffer.from(JSON.stringify(written), 'utf8');
  const pad = (x: number) => (4 - (x % 4)) % 4;
  const headLen = 8 + header.length;
  const head = Buffer.alloc(headLen + pad(headLen));
  head.write(MAGIC, 0, 'latin1');
  head.writeUInt32LE(header.length, 4);
  header.copy(head, 8);
  const bytes = (a: Uint32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const buf = Buffer.concat([head, bytes(entryOff), bytes(keyOff), bytes(postOff), bytes(buckets), entriesBlob, keysBlob, postingsBlob]);
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, buf);
  renameSync(tmp, out);
  return buf.length;
}

/** One record per entry, all its fields together (a first look at an entry touches one place of the file);
 * codes are indexes into one string table. */
function encodeEntries(entries: readonly RawEntry[]): { blob: Buffer; offsets: Uint32Array; strings: string[] } {
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
  const records: Buffer[] = [];
  const offsets = new Uint32Array(n + 1);
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
    offsets[i] = no;
    records.push(r);
    no += r.length;
  }
  offsets[n] = no;
  return { blob: Buffer.concat(records), offsets, strings };
}

/** The sorted keys one after the other (the binary search reads only these), their postings apart ("12,345a,678"). */
function encodeKeys(keys: readonly string[], index: ReadonlyMap<string, string[]>) {
  const keysBlob = Buffer.from(keys.join(''), 'latin1');
  const postLists = keys.map((k) => index.get(k)!.join(','));
  const postingsBlob = Buffer.from(postLists.join(''), 'latin1');
  const keyOff = new Uint32Array(keys.length + 1);
  const postOff = new Uint32Array(keys.length + 1);
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
  return { keysBlob, postingsBlob, keyOff, postOff };
}

/** bucket[c1 * 128 + c2]: the first key whose first two bytes are >= (c1, c2), where a search starts. */
function bucketTable(keys: readonly string[]): Uint32Array {
  const buckets = new Uint32Array(BUCKETS + 1);
  let next = 0;
  for (let i = 0; i < keys.length; i++) {
    const code = bucketOf(keys[i]);
    while (next <= code) buckets[next++] = i;
  }
  while (next <= BUCKETS) buckets[next++] = keys.length;
  return buckets;
}
