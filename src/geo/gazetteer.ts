// The gazetteer index, read from the flat cache file (built by build.ts) without parsing it whole:
//   "SGZ1" | u32 header length | header JSON | pad to 4
//   u32 entryOff[n+1] | u32 keyOff[k+1] | u32 keyTab[k] | entries blob (utf8) | keys blob (ascii)
// Entries are lines "id\tname\tcc\tfclass\tfcode\tadmin1\tlat\tlon\tpop\tsrc", parsed on first use.
// Keys are sorted lines "key\tidx,idx,idxa" ("a" marks a match by an alternate name), searched by
// binary search over the raw bytes, so loading is one file read and no million-entry Map.
import { existsSync, readFileSync } from 'node:fs';
import { buildGazetteer, cachePath, MAGIC, sourceStamp, BUILD_VERSION } from './build.js';
import { loadTranslit, type Translit } from './normalize.js';

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

export interface KeyMatch {
  postings: Posting[];
  /** some longer key goes on from this one (the key and a space) */
  longer: boolean;
}

export interface Posting {
  idx: number;
  /** matched by an alternate name, not the main one */
  alt: boolean;
}

interface Header {
  version: number;
  stamp: string;
  entries: number;
  keys: number;
  countries: Record<string, number>;
  admin1: Record<string, number>;
  entriesBytes: number;
  keysBytes: number;
}

export class Gazetteer {
  readonly translit: Translit;
  readonly size: number;
  private readonly header: Header;
  private readonly entryOff: Uint32Array;
  private readonly keyOff: Uint32Array;
  private readonly keyTab: Uint32Array;
  private readonly entries: Buffer;
  private readonly keys: Buffer;
  private readonly entryCache = new Map<number, GazEntry>();

  constructor(buf: Buffer, translit: Translit) {
    this.translit = translit;
    if (buf.toString('latin1', 0, 4) !== MAGIC) throw new Error('gazetteer: cache file is not a Sitrep gazetteer');
    const hlen = buf.readUInt32LE(4);
    this.header = JSON.parse(buf.toString('utf8', 8, 8 + hlen)) as Header;
    let o = 8 + hlen;
    o += (4 - (o % 4)) % 4;
    if ((buf.byteOffset + o) % 4 !== 0) {
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
    this.keyTab = u32(k);
    this.entries = buf.subarray(o, o + this.header.entriesBytes);
    o += this.header.entriesBytes;
    this.keys = buf.subarray(o, o + this.header.keysBytes);
    this.size = n;
  }

  get stamp(): string {
    return this.header.stamp;
  }

  get keyCount(): number {
    return this.header.keys;
  }

  /** Compares key i of the index with q (ASCII): <0, 0, >0; plen limits the comparison to q's first plen chars of the key. */
  private cmp(i: number, q: string, prefix: boolean): number {
    const keys = this.keys;
    let o = this.keyOff[i];
    const end = this.keyTab[i];
    const n = q.length;
    for (let k = 0; k < n; k++, o++) {
      if (o >= end) return -1; // key is shorter: key < q
      const d = keys[o] - q.charCodeAt(k);
      if (d !== 0) return d;
    }
    return prefix || o === end ? 0 : 1;
  }

  /** bucket[c1 * 128 + c2]: the first key whose first two bytes are >= (c1, c2), to start the search near */
  private buckets: Uint32Array | null = null;

  private bucketTable(): Uint32Array {
    const n = this.header.keys;
    const b = new Uint32Array(128 * 128 + 1);
    let next = 0;
    for (let i = 0; i < n; i++) {
      const o = this.keyOff[i];
      const len = this.keyTab[i] - o;
      const code = len === 0 ? 0 : (this.keys[o] & 127) * 128 + (len > 1 ? this.keys[o + 1] & 127 : 0);
      while (next <= code) b[next++] = i;
    }
    while (next <= 128 * 128) b[next++] = n;
    return (this.buckets = b);
  }

  /** Index of the first key >= q. */
  private lowerBound(q: string): number {
    let lo = 0;
    let hi = this.header.keys;
    if (q.length > 0) {
      const b = this.buckets ?? this.bucketTable();
      const c1 = q.charCodeAt(0) & 127;
      const c2 = q.length > 1 ? q.charCodeAt(1) & 127 : 0;
      const code = c1 * 128 + c2;
      lo = b[code];
      hi = code + 1 <= 128 * 128 ? b[code + 1] : this.header.keys;
      if (q.length === 1) hi = b[Math.min(c1 * 128 + 128, 128 * 128)];
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
      postings = this.postings(this.keyTab[i] + 1, this.keyOff[i + 1] - 1);
      i++;
    }
    const longer = !!key && i < n && this.cmp(i, key + ' ', true) === 0;
    const out: KeyMatch = { postings, longer };
    if (this.matchCache.size > 200000) this.matchCache.clear();
    this.matchCache.set(key, out);
    return out;
  }

  /** Entries whose folded name is exactly `key` (already folded with translit.key). */
  lookupKey(key: string): Posting[] {
    return key ? this.find(key).postings : [];
  }

  /** Parses "12,345a,678" (bytes from..to of the keys blob) without making strings. */
  private postings(from: number, to: number): Posting[] {
    const keys = this.keys;
    const out: Posting[] = [];
    let n = 0;
    let alt = false;
    for (let o = from; o < to; o++) {
      const b = keys[o];
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

  /** True when some key starts with `prefix` (already folded). */
  hasPrefix(prefix: string): boolean {
    const i = this.lowerBound(prefix);
    return i < this.header.keys && this.cmp(i, prefix, true) === 0;
  }

  /** Entries matching a name as written (folded here). */
  lookup(name: string): Posting[] {
    return this.lookupKey(this.translit.key(name));
  }

  entry(idx: number): GazEntry {
    let e = this.entryCache.get(idx);
    if (e) return e;
    const f = this.entries.toString('utf8', this.entryOff[idx], this.entryOff[idx + 1] - 1).split('\t');
    e = {
      idx,
      id: Number(f[0]),
      name: f[1],
      country: f[2],
      featureClass: f[3],
      featureCode: f[4],
      admin1: f[5],
      lat: f[6] === '' ? null : Number(f[6]),
      lon: f[7] === '' ? null : Number(f[7]),
      population: Number(f[8]) || 0,
      source: f[9],
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
  if (existsSync(path)) {
    const buf = readFileSync(path);
    try {
      const g = new Gazetteer(buf, translit);
      if (g.stamp === stamp) return g;
      const was = g.stamp.split('|');
      const now = stamp.split('|');
      why = 'changed: ' + (now.find((x, i) => x !== was[i]) ?? 'sources');
    } catch (e) {
      why = 'unreadable: ' + (e as Error).message;
    }
  }
  if (opts.build === false) throw new Error(`gazetteer: cache ${path} is ${why} (version ${BUILD_VERSION}); run sitrep gazetteer build`);
  log(`sitrep: building the gazetteer cache (${why}); this takes a few seconds, once...`);
  const r = buildGazetteer(path, translit);
  log(`sitrep: gazetteer ready: ${r.entries} places, ${r.keys} names, ${Math.round(r.ms)} ms`);
  return new Gazetteer(readFileSync(path), translit);
}
