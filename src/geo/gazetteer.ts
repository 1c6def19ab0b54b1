// The gazetteer index, read from the flat cache file (built by build.ts) without parsing it whole:
//   "SGZ4" | u32 header length | header JSON (counts, string table, country and admin1 indexes) | pad to 4
//   u32 entryOff[n+1] | u32 keyOff[k+1] | u32 postOff[k+1] | u32 buckets[128*128+1] |
//   entries blob (records: i32 lat, i32 lon in 1e-5 degree, i32 id, u32 population, u16 country, feature
//   class, feature code, admin1, source as indexes into the header's strings, then the utf8 name) |
//   keys blob (ascii, sorted, one after the other) | postings blob ("12,345a,678" per key)
// An entry is put together from its record on first use. A name is found by binary search over the keys'
// bytes (postings are read only on a hit; "a" marks a match by an alternate name), so loading is one file
// read and no million-entry Map. What is read together is stored together: the first touch of a page of
// the file costs (much, on some virtual machines), so an entry is one record and the keys hold no postings.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { buildGazetteer, bucketOf, cachePath, MAGIC, sourceStamp, BUILD_VERSION, BUCKETS, NO_COORD, RECORD_HEAD } from './build.js';
import { loadTranslit, type Translit } from './normalize.js';
import { onDemandWanted } from '../core/on-demand.js';
import { takePrefetched } from './prefetch.js';
import type { LayoutHeader } from './build-layout.js';

export interface GazEntry {
  idx: number;
  /** GeoNames id (negative for our own extra places). */
  id: number;
  name: string;
  country: string;
  featureClass: string;
  featureCode: string;
  admin1: string;
  lat: number | null;
  lon: number | null;
  population: number;
  /** cities500 | admin1 | admin2 | country | import | extra */
  source: string;
}

/** A country (GeoNames PCL, PCLI, PCLD...). */
export const isCountry = (e: GazEntry) => e.featureCode.startsWith('PCL');
/** A first-level administrative region. */
export const isAdmin1 = (e: GazEntry) => e.featureCode === 'ADM1';

export interface KeyMatch {
  postings: Posting[];
  /** some longer key goes on from this one (the key and a space) */
  longer: boolean;
}

export interface NameMatch extends KeyMatch {
  /** the name's folded key ('' when nothing Latin is left) */
  key: string;
}

export interface Posting {
  idx: number;
  /** matched by an alternate name, not the main one */
  alt: boolean;
}

type Header = LayoutHeader;

/** Reads one byte of every 4 KiB page of an array. */
function touch(a: Uint8Array | Uint32Array): number {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let sum = 0;
  for (let o = 0; o < bytes.length; o += 4096) sum += bytes[o];
  return sum;
}

/** log2 of the bytes read at a time from a gazetteer file read on demand. */
const CHUNK_BITS = 12;

/**
 * A cache file read on demand (a cold start on one article reads ~350 of its ~6,300 4 KiB chunks, 1.7 MB):
 * one buffer of the file's size, whose pages the system provides only when a chunk is read into it.
 */
export class OnDemand {
  private readonly loaded: Uint8Array;
  private left: number;
  constructor(
    private fd: number | null,
    private readonly buf: Buffer,
  ) {
    this.loaded = new Uint8Array((buf.length >>> CHUNK_BITS) + 1);
    this.left = this.loaded.length;
  }

  /** Makes bytes from..to (exclusive) of the file present in the buffer. */
  need(from: number, to: number): void {
    const last = (to - 1) >>> CHUNK_BITS;
    for (let c = from >>> CHUNK_BITS; c <= last; c++) {
      if (this.loaded[c]) continue;
      // neighbouring missing chunks in one read
      let end = c + 1;
      while (end <= last && !this.loaded[end]) end++;
      const at = c << CHUNK_BITS;
      const len = Math.min(end << CHUNK_BITS, this.buf.length) - at;
      let got = 0;
      while (got < len) {
        const n = this.fd === null ? 0 : readSync(this.fd, this.buf, at + got, len - got, at + got);
        if (n === 0) throw new Error('gazetteer: cache file is shorter than its header says');
        got += n;
      }
      this.loaded.fill(1, c, end);
      this.left -= end - c;
      if (this.left === 0) this.close();
      c = end - 1;
    }
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/** Opens a cache file to be read on demand: its head is read now (throws when it is not a whole gazetteer file). */
function openOnDemand(path: string): { buf: Buffer; onDemand: OnDemand } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const buf = Buffer.allocUnsafeSlow(size);
    const onDemand = new OnDemand(fd, buf);
    onDemand.need(0, Math.min(size, 8));
    if (size < 8 || buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('gazetteer: cache file is not a Sitrep gazetteer of this version');
    onDemand.need(8, Math.min(size, 8 + buf.readUInt32LE(4)));
    return { buf, onDemand };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}

export class Gazetteer {
  readonly translit: Translit;
  readonly size: number;
  private readonly header: Header;
  private readonly entryOff: Uint32Array;
  private readonly keyOff: Uint32Array;
  private readonly postOff: Uint32Array;
  /** bucket[c1 * 128 + c2]: the first key whose first two bytes are >= (c1, c2), to start the search near */
  private readonly buckets: Uint32Array;
  private readonly entries: Buffer;
  private readonly keys: Buffer;
  private readonly posts: Buffer;
  private readonly strings: string[];
  private readonly entryCache = new Map<number, GazEntry>();

  /** Set when the file is read on demand (a chunk on first use) rather than held whole. */
  private readonly onDemand: OnDemand | null;

  constructor(buf: Buffer, translit: Translit, onDemand: OnDemand | null = null) {
    this.translit = translit;
    this.onDemand = onDemand;
    if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('gazetteer: cache file is not a Sitrep gazetteer of this version');
    const hlen = buf.readUInt32LE(4);
    this.header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as Header;
    let o = 8 + hlen;
    o += (4 - (o % 4)) % 4;
    if ((buf.byteOffset + o) % 4 !== 0 && !onDemand) {
      // typed arrays need aligned offsets
      const copy = Buffer.alloc(buf.length);
      buf.copy(copy);
      buf = copy;
    }
    const n = this.header.entries;
    const k = this.header.keys;
    const u32 = (count: number) => {
      const a = new Uint32Array(buf.buffer, buf.byteOffset + o, count);
      o += count * 4;
      return a;
    };
    this.entryOff = u32(n + 1);
    this.keyOff = u32(k + 1);
    this.postOff = u32(k + 1);
    this.buckets = u32(BUCKETS + 1);
    this.entries = buf.subarray(o, o + this.header.entriesBytes);
    o += this.header.entriesBytes;
    this.keys = buf.subarray(o, o + this.header.keysBytes);
    o += this.header.keysBytes;
    this.posts = buf.subarray(o, o + this.header.postingsBytes);
    this.strings = this.header.strings;
    this.size = n;
    if (o + this.header.postingsBytes !== buf.length) throw new Error('gazetteer: cache file is not as long as its header says');
    if (onDemand) {
      onDemand.need(this.buckets.byteOffset, this.buckets.byteOffset + this.buckets.byteLength);
      this.touched = 0;
      return;
    }
    // every search probes the keys at scattered places: read the file through once now, a byte a page (the
    // first read of a page of memory is slow on some machines, ~7 µs on our CI's virtual machines; a batch
    // would read most pages anyway, and a single article reads hundreds of them)
    this.touched = touch(buf);
  }

  /** (kept so the reads above are not optimised away) */
  private readonly touched: number;

  get stamp(): string {
    return this.header.stamp;
  }

  get keyCount(): number {
    return this.header.keys;
  }

  /** Compares key i of the index with q (ASCII): <0, 0, >0; plen limits the comparison to q's first plen chars of the key. */
  private cmp(i: number, q: string, prefix: boolean): number {
    const keys = this.keys;
    if (this.onDemand !== null) this.onDemand.need(this.keyOff.byteOffset + 4 * i, this.keyOff.byteOffset + 4 * i + 8);
    let o = this.keyOff[i];
    const end = this.keyOff[i + 1];
    if (this.onDemand !== null) this.onDemand.need(keys.byteOffset + o, keys.byteOffset + end);
    const n = q.length;
    for (let k = 0; k < n; k++, o++) {
      if (o >= end) return -1; // key is shorter: key < q
      const d = keys[o] - q.charCodeAt(k);
      if (d !== 0) return d;
    }
    return prefix || o === end ? 0 : 1;
  }

  /** Index of the first key >= q. */
  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.header.keys;
    if (q.length > 0) {
      const b = this.buckets;
      const code = bucketOf(q);
      lo = b[code];
      hi = code + 1 <= BUCKETS ? b[code + 1] : this.header.keys;
      // one character: every key that starts with it, whatever its second
      if (q.length === 1) hi = b[Math.min(code + 128, BUCKETS)];
    }
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cmp(mid, q, false) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private readonly matchCache = new Map<string, KeyMatch>();

  /** Entries whose folded name is exactly `key` (already folded with translit.key), and whether a longer
   * name goes on from it ("khan" → "khan shaykhun"): one search answers both, as keys are sorted and a
   * space sorts before every letter and digit. */
  find(key: string): KeyMatch {
    const hit = this.matchCache.get(key);
    if (hit) return hit;
    const n = this.header.keys;
    let postings: Posting[] = [];
    let i = key ? this.lowerBound(key) : n;
    if (i < n && this.cmp(i, key, false) === 0) {
      if (this.onDemand !== null) this.onDemand.need(this.postOff.byteOffset + 4 * i, this.postOff.byteOffset + 4 * i + 8);
      postings = this.postings(this.postOff[i], this.postOff[i + 1]);
      i++;
    }
    const longer = !!key && i < n && this.cmp(i, key + ' ', true) === 0;
    const out: KeyMatch = { postings, longer };
    if (this.matchCache.size > 200000) this.matchCache.clear();
    this.matchCache.set(key, out);
    return out;
  }

  /** Names as written ("Deir ez-Zor") with their folded key, that key's entries and whether a longer name
   * goes on: one cache, as the detector asks for every capitalised word. */
  private readonly nameCache = new Map<string, NameMatch>();

  /** The cached answer for a name as written, if it was asked before. */
  knownName(name: string): NameMatch | undefined {
    return this.nameCache.get(name);
  }

  /** Remembers a name with its key (which must be translit.key(name), folded more cheaply by the caller). */
  addName(name: string, key: string): NameMatch {
    const m = this.find(key);
    const out: NameMatch = { key, postings: m.postings, longer: m.longer };
    if (this.nameCache.size > 200000) this.nameCache.clear();
    this.nameCache.set(name, out);
    return out;
  }

  /** Entries whose folded name is exactly `key` (already folded with translit.key). */
  lookupKey(key: string): Posting[] {
    return key ? this.find(key).postings : [];
  }

  /** Parses "12,345a,678" (bytes from..to of the postings blob) without making strings. */
  private postings(from: number, to: number): Posting[] {
    const bytes = this.posts;
    if (this.onDemand !== null) this.onDemand.need(bytes.byteOffset + from, bytes.byteOffset + to);
    const out: Posting[] = [];
    let n = 0;
    let alt = false;
    for (let o = from; o < to; o++) {
      const b = bytes[o];
      if (b === 44 /* , */) {
        out.push({ idx: n, alt });
        n = 0;
        alt = false;
      } else if (b === 97 /* a */) alt = true;
      else n = n * 10 + (b - 48);
    }
    out.push({ idx: n, alt });
    return out;
  }

  /** Entries matching a name as written (folded here). */
  lookup(name: string): Posting[] {
    return this.lookupKey(this.translit.key(name));
  }

  entry(idx: number): GazEntry {
    let e = this.entryCache.get(idx);
    if (e) return e;
    const b = this.entries;
    if (this.onDemand !== null) this.onDemand.need(this.entryOff.byteOffset + 4 * idx, this.entryOff.byteOffset + 4 * idx + 8);
    const o = this.entryOff[idx];
    if (this.onDemand !== null) this.onDemand.need(b.byteOffset + o, b.byteOffset + this.entryOff[idx + 1]);
    const str = this.strings;
    const lat = b.readInt32LE(o);
    const lon = b.readInt32LE(o + 4);
    e = {
      idx,
      id: b.readInt32LE(o + 8),
      name: b.toString('utf8', o + RECORD_HEAD, this.entryOff[idx + 1]),
      country: str[b.readUInt16LE(o + 16)],
      featureClass: str[b.readUInt16LE(o + 18)],
      featureCode: str[b.readUInt16LE(o + 20)],
      admin1: str[b.readUInt16LE(o + 22)],
      lat: lat === NO_COORD ? null : lat / 1e5,
      lon: lon === NO_COORD ? null : lon / 1e5,
      population: b.readUInt32LE(o + 12),
      source: str[b.readUInt16LE(o + 24)],
    };
    this.entryCache.set(idx, e);
    return e;
  }

  /** The country entry for an ISO alpha-2 code. */
  country(cc: string): GazEntry | undefined {
    const i = this.header.countries[cc];
    return i === undefined ? undefined : this.entry(i);
  }

  /** The admin1 entry for a code such as "SY.09". */
  admin1(code: string): GazEntry | undefined {
    const i = this.header.admin1[code];
    return i === undefined ? undefined : this.entry(i);
  }
}

export interface LoadOptions {
  /** Build the cache when it is missing or stale (default true). */
  build?: boolean;
  path?: string;
  log?: (msg: string) => void;
}

/** Loads the gazetteer cache, building it first when it is missing or stale. */
export function loadGazetteer(opts: LoadOptions = {}): Gazetteer {
  const path = opts.path ?? cachePath();
  const translit = loadTranslit();
  const log = opts.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const stamp = sourceStamp();
  let why = 'missing';
  const early = takePrefetched(path);
  if (early || existsSync(path)) {
    let onDemand: OnDemand | null = null;
    try {
      let buf = early;
      // read on demand when the process analyses little (core/on-demand.ts), else whole
      if (!buf && onDemandWanted()) ({ buf, onDemand } = openOnDemand(path));
      const g = new Gazetteer(buf ?? readFileSync(path), translit, onDemand);
      if (g.stamp === stamp) return g;
      onDemand?.close();
      const was = g.stamp.split('|');
      const now = stamp.split('|');
      why = 'changed: ' + (now.find((x, i) => x !== was[i]) ?? 'sources');
    } catch (e) {
      onDemand?.close();
      why = 'unreadable: ' + (e as Error).message;
    }
  }
  if (opts.build === false) throw new Error(`gazetteer: cache ${path} is ${why} (version ${BUILD_VERSION}); run sitrep gazetteer build`);
  log(`sitrep: building the gazetteer cache (${why}); this takes a few seconds, once...`);
  const r = buildGazetteer(path, translit);
  log(`sitrep: gazetteer ready: ${r.entries} places, ${r.keys} names, ${Math.round(r.ms)} ms`);
  return new Gazetteer(readFileSync(path), translit);
}
