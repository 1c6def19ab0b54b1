// Compiled lexicons in .cache: every lexicon's validated and indexed form (its Maps, Sets, phrase
// indexes...), kept in one file, .cache/lexicons.bin, and read back on later starts instead of parsing,
// validating (zod) and indexing the sources again. The file holds one entry per lexicon and build of
// the code (v8.serialize'd, up to KEEP of them per lexicon: tests, the plain modules and the bundled
// CLI each stamp it differently) behind an index at its head, so a start reads the index and then only
// the entries it needs. An entry is used only while its stamp matches: the size and modification time
// of every source file and of the code that builds it (the module files, or the analysis bundle that
// contains them), so a changed lexicon or changed indexing code rebuilds it. Class instances (phrase
// indexes) get their prototype back from the classes the caller names. Writes go to a temporary file
// renamed over the old one (several workers may write at once: the last rename wins, and an entry lost
// that way is built again next time); a cache folder that cannot be written just means building each
// time, as before; an unreadable or truncated file counts as absent.
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cacheDir } from '../core/paths.js';

/** Bumped when the layout of the file or of its entries changes. */
const FORMAT = 3;
const MAGIC = 'SLX3';
/** Entries kept per lexicon (different builds of the code, e.g. tests and the bundled CLI). */
const KEEP = 3;
export const CACHE_FILE = 'lexicons.bin';

/** A class whose instances a compiled lexicon may hold (revived with its prototype). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Revivable = abstract new (...args: any[]) => object;

/** The stamp of a set of files: each one's path, size and modification time ('-' when absent). */
export function fileStamp(files: readonly string[]): string {
  return files
    .map((f) => {
      const st = statSync(f, { throwIfNoEntry: false });
      return st ? `${f}:${st.size}:${st.mtimeMs}` : `${f}:-`;
    })
    .join('|');
}

/**
 * Whether an entry's stamp can still match: the format is this one and every file in it is as it was
 * (an entry for sources or code that changed since is never read again, whatever its name).
 */
function alive(stamp: string): boolean {
  const parts = stamp.split('|');
  if (parts[0] !== String(FORMAT)) return false;
  for (const p of parts.slice(1)) {
    if (!p) continue;
    const cut = p.endsWith(':-') ? p.length - 2 : p.lastIndexOf(':', p.lastIndexOf(':') - 1);
    if (cut <= 0 || fileStamp([p.slice(0, cut)]) !== p) return false;
  }
  return true;
}

// a static import or re-export by a relative path: `from './x.js'`, `import './x.js'`
const RELATIVE_IMPORT = /\b(?:from|import)\s*['"](\.{1,2}\/[^'"\n]+)['"]/g;
const closures = new Map<string, string[]>();

/**
 * The code a compiled lexicon depends on: the file of a module (`moduleUrl`, its import.meta.url) and of
 * every module it imports by a relative path, transitively, as built (.js) or as sources (.ts, under the
 * tests), read once per process. No list of them is kept by hand, so a change in any module the build
 * of a lexicon runs rebuilds it. In the bundle the module's URL is the bundle's, which holds all the code.
 */
export function moduleFiles(moduleUrl: string): string[] {
  let files = closures.get(moduleUrl);
  if (files) return files;
  const seen = new Set<string>();
  const visit = (u: URL) => {
    if (u.protocol !== 'file:') return;
    let f = fileURLToPath(u);
    if (!isFile(f) && f.endsWith('.js')) f = f.slice(0, -3) + '.ts';
    if (seen.has(f) || !isFile(f)) return;
    seen.add(f);
    // the bundle (CommonJS) holds every module it was made from: nothing to follow, and not read (~660 KB)
    if (f.endsWith('.cjs')) return;
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(RELATIVE_IMPORT)) visit(new URL(m[1], pathToFileURL(f)));
  };
  visit(new URL(moduleUrl));
  files = [...seen];
  closures.set(moduleUrl, files);
  return files;
}

const isFile = (f: string) => !!statSync(f, { throwIfNoEntry: false })?.isFile();

interface Entry {
  name: string;
  stamp: string;
  /** bytes from the end of the index */
  at: number;
  len: number;
  /** CRC-32 of the v8 data (not of the byte slices read later on demand): a damaged entry is rebuilt, not used */
  crc?: number;
}

interface Index {
  fd: number;
  /** Bytes read from it on demand: the descriptor stays open */
  shared: boolean;
  /** where the entries start */
  base: number;
  entries: Entry[];
}

/** The cache file as this process first saw it (its index; the descriptor stays open to read entries). */
let snapshot: { file: string; index: Index | null } | null = null;

/** Reads the index of a cache file (null when absent, not ours or truncated). */
function readIndex(file: string): Index | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const size = fstatSync(fd).size;
    const head = Buffer.alloc(8);
    if (size < 8 || readSync(fd, head, 0, 8, 0) !== 8 || head.toString('latin1', 0, 4) !== MAGIC) throw new Error('not a lexicon cache');
    const len = head.readUInt32LE(4);
    if (8 + len > size) throw new Error('truncated');
    const json = Buffer.alloc(len);
    if (readSync(fd, json, 0, len, 8) !== len) throw new Error('truncated');
    const entries = (JSON.parse(json.toString('utf8')) as { entries: Entry[] }).entries;
    const base = 8 + len;
    if (!Array.isArray(entries) || entries.some((e) => !(base + e.at + e.len <= size))) throw new Error('truncated');
    return { fd, shared: false, base, entries };
  } catch {
    closeSync(fd);
    return null;
  }
}

/** Reads `len` bytes at `pos` of a file into `buf` (from its start). */
function readAt(fd: number, buf: Buffer, len: number, pos: number): Buffer {
  let got = 0;
  while (got < len) {
    const n = readSync(fd, buf, got, len - got, pos + got);
    if (n === 0) throw new Error('lexicon cache: truncated entry');
    got += n;
  }
  return buf;
}

function readEntry(ix: Index, e: Entry): Buffer {
  return readAt(ix.fd, Buffer.allocUnsafe(e.len), e.len, ix.base + e.at);
}

let scratch = Buffer.alloc(0);

/**
 * A byte array a compiled lexicon reads slices of (the actor dictionary's JSON). Stored apart from its
 * entry's v8 data, it is not read with the entry: a slice is read from the file when asked for (one
 * article asks for a few hundred of the dictionary's 1.7 MB), so loading costs no copy of it.
 */
export class Bytes {
  private data: Uint8Array | null;
  private fd = -1;
  private pos = 0;
  readonly length: number;
  constructor(data: Uint8Array) {
    this.data = data;
    this.length = data.length;
  }

  /** Reads all of it into memory now (before asking for most of it). */
  load(): this {
    if (!this.data) this.data = readAt(this.fd, Buffer.allocUnsafe(this.length), this.length, this.pos);
    return this;
  }

  /** Bytes from..to as UTF-8 text. */
  text(from: number, to: number): string {
    const d = this.data;
    if (d) return Buffer.from(d.buffer, d.byteOffset + from, to - from).toString('utf8');
    const n = to - from;
    if (scratch.length < n) scratch = Buffer.allocUnsafe(Math.max(n, 2 * scratch.length, 4096));
    return readAt(this.fd, scratch, n, this.pos + from).toString('utf8', 0, n);
  }
}

/**
 * What an entry holds (after a u32 giving its length): the data, the class instances in it with their
 * class's place in the list given, and its Bytes with where their bytes are (after this v8 data).
 */
interface Stored<T> {
  data: T;
  classes: string[];
  revive: [number, object][];
  bytes: [Bytes, number][];
}

/**
 * The instances of `classes` inside `data`, and its Bytes (throws on an object of another class: it
 * would come back without its methods).
 */
function instances(data: unknown, classes: readonly Revivable[], bytes: Bytes[]): [number, object][] {
  const out: [number, object][] = [];
  const seen = new Set<object>();
  const stack: unknown[] = [data];
  while (stack.length) {
    const x = stack.pop();
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    if (ArrayBuffer.isView(x) || x instanceof RegExp || x instanceof Date) continue;
    if (Array.isArray(x)) for (const v of x) stack.push(v);
    else if (x instanceof Map) for (const [k, v] of x) stack.push(k, v);
    else if (x instanceof Set) for (const v of x) stack.push(v);
    else {
      const proto = Object.getPrototypeOf(x) as object | null;
      if (x instanceof Bytes) {
        bytes.push(x);
        continue;
      }
      if (proto !== Object.prototype && proto !== null) {
        const i = classes.findIndex((c) => c.prototype === proto);
        if (i < 0) throw new Error(`compiled cache: an instance of ${proto.constructor?.name ?? 'a class'} that is not in the list of classes`);
        out.push([i, x]);
      }
      for (const v of Object.values(x)) stack.push(v);
    }
  }
  return out;
}

/**
 * The compiled form of lexicon `name` (e.g. "actors-en"): read from the cache when an entry of that
 * name has the stamp of `sources` and `code` (see moduleFiles), else made by `build` and stored for
 * next time. What `build` returns must be data v8.serialize can copy (objects, arrays, Maps, Sets,
 * strings, numbers, typed arrays, RegExps), with instances of `classes` only as class instances.
 */
export function compiled<T>(name: string, sources: readonly string[], code: readonly string[], build: () => T, classes: readonly Revivable[] = []): T {
  const stamp = `${FORMAT}|${fileStamp(sources)}|${fileStamp(code)}`;
  const file = join(cacheDir(), CACHE_FILE);
  if (snapshot?.file !== file) {
    forgetCacheIndex();
    snapshot = { file, index: readIndex(file) };
  }
  const ix = snapshot.index;
  const hit = ix?.entries.find((e) => e.name === name && e.stamp === stamp);
  if (ix && hit) {
    try {
      const len = readAt(ix.fd, Buffer.alloc(4), 4, ix.base + hit.at).readUInt32LE(0);
      if (4 + len > hit.len) throw new Error('lexicon cache: bad entry');
      const payload = readAt(ix.fd, Buffer.allocUnsafe(len), len, ix.base + hit.at + 4);
      if (hit.crc === undefined || crc32(payload) !== hit.crc) throw new Error('lexicon cache: damaged entry');
      const s = v8.deserialize(payload) as Stored<T>;
      if (s.classes.length === classes.length && s.classes.every((c, i) => c === classes[i].name)) {
        for (const [i, o] of s.revive) Object.setPrototypeOf(o, classes[i].prototype);
        for (const [b, at] of s.bytes) {
          // `at`: from the end of the v8 data
          if (4 + len + at + b.length > hit.len) throw new Error('lexicon cache: bad entry');
          const w = Object.setPrototypeOf(b, Bytes.prototype) as { fd: number; pos: number };
          w.fd = ix.fd;
          w.pos = ix.base + hit.at + 4 + len + at;
          ix.shared = true;
        }
        return s.data;
      }
    } catch {
      /* unreadable: built below */
    }
  }
  const data = build();
  const all: Bytes[] = [];
  const revive = instances(data, classes, all);
  // the Bytes' arrays go after the v8 data, not in it
  const raw = all.map((b) => (b as unknown as { data: Uint8Array }).data);
  const put = (xs: (Uint8Array | null)[]) => all.forEach((b, i) => ((b as unknown as { data: Uint8Array | null }).data = xs[i]));
  put(all.map(() => null));
  let payload: Buffer;
  try {
    let at = 0;
    const placed = all.map((b): [Bytes, number] => [b, (at += b.length) - b.length]);
    payload = v8.serialize({ data, classes: classes.map((c) => c.name), revive, bytes: placed } satisfies Stored<T>);
  } finally {
    put(raw);
  }
  const head = Buffer.alloc(4);
  head.writeUInt32LE(payload.length, 0);
  const bytes = Buffer.concat([head, payload, ...raw]);
  store(file, { name, stamp, at: 0, len: bytes.length, crc: crc32(payload) }, bytes);
  return data;
}

/** How long a writer waits for another's lock, and the age past which a lock is a crashed writer's. */
const LOCK_WAIT_MS = 3000;
const LOCK_STALE_MS = 30_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `write` holding `file`.lock (made with O_EXCL), so that writers started at once (the workers of a
 * pool, each building its lexicons) take turns and each merges what the one before wrote: without it
 * the last rename won and the others' entries were lost. A lock older than LOCK_STALE_MS is removed;
 * after LOCK_WAIT_MS of waiting the write is given up (the entry is built again next time).
 */
function locked(file: string, write: () => void): void {
  const lock = `${file}.lock`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > LOCK_STALE_MS) {
        try {
          unlinkSync(lock);
        } catch {
          /* another writer removed it first */
        }
        continue;
      }
      if (Date.now() > deadline) return;
      Atomics.wait(pause, 0, 0, 15);
    }
  }
  try {
    write();
  } finally {
    try {
      unlinkSync(lock);
    } catch {
      /* removed as stale by another writer */
    }
  }
}

/** Writes the cache file with `entry` added (first among its name's), keeping what the file on disk holds now. */
function store(file: string, entry: Entry, bytes: Buffer): void {
  try {
    mkdirSync(cacheDir(), { recursive: true });
    locked(file, () => storeLocked(file, entry, bytes));
  } catch {
    /* a read-only cache folder: built again next time */
  }
}

function storeLocked(file: string, entry: Entry, bytes: Buffer): void {
  let tmp: string | null = null;
  try {
    const parts: { e: Entry; bytes: Buffer }[] = [{ e: entry, bytes }];
    const cur = readIndex(file);
    if (cur) {
      try {
        let same = 1;
        for (const e of cur.entries) {
          if (e.name === entry.name && (e.stamp === entry.stamp || same++ >= KEEP)) continue;
          if (!alive(e.stamp)) continue;
          parts.push({ e, bytes: readEntry(cur, e) });
        }
      } finally {
        closeSync(cur.fd);
      }
    }
    let at = 0;
    const entries = parts.map(({ e, bytes: b }) => {
      const out: Entry = { name: e.name, stamp: e.stamp, at, len: b.length, ...(e.crc === undefined ? {} : { crc: e.crc }) };
      at += b.length;
      return out;
    });
    const json = Buffer.from(JSON.stringify({ entries }));
    const head = Buffer.alloc(8);
    head.write(MAGIC, 0, 'latin1');
    head.writeUInt32LE(json.length, 4);
    tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, Buffer.concat([head, json, ...parts.map((p) => p.bytes)]));
    renameSync(tmp, file); // atomic: a reader never sees a half-written file
    tmp = null;
    forgetCacheIndex(); // the next lexicon reads the new index
    dropOldFormat();
  } catch {
    /* the folder became unwritable: built again next time */
    if (tmp) {
      try {
        unlinkSync(tmp);
      } catch {
        /* never written */
      }
    }
  }
}

/** Removes the one-file-per-lexicon caches of earlier versions (actors-en-<hash>.json, eld-extrasmall.json). */
function dropOldFormat(): void {
  for (const f of readdirSync(cacheDir())) {
    if (!/^actors-[a-z]+-[0-9a-f]{12}\.json$|^eld-extrasmall\.json$/.test(f)) continue;
    try {
      unlinkSync(join(cacheDir(), f));
    } catch {
      /* another process removed it */
    }
  }
}

/** Forgets the index read at the first use (tests: after replacing or damaging the file). */
export function forgetCacheIndex(): void {
  if (snapshot?.index && !snapshot.index.shared) closeSync(snapshot.index.fd);
  snapshot = null;
}
