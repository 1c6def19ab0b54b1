// The server's boards (figure board, framing board, syndicated copies): each answer serialised,
// gzipped and hashed once per ledger version and query, then served from memory with its headers
// made in advance (http.ts, CachedReply). The ledger version (Store.ledgerVersion, one row) moves on
// with every write batch of any process. This server's own writes (a posted article, a review) drop
// the cache at once (invalidate); other processes' writes are noticed by reading the version again
// when the last read is older than pollMs (DEFAULT_POLL_MS): a board is never older than the ledger
// was pollMs before the request came. Concurrent requests for an answer not yet made wait on one
// computation. The comparison itself (seconds on a large ledger), its serialisation and compression
// run in a worker thread (board-worker.ts), so that the server keeps answering every other request.
// The figure board, where the ledger keeps it (migration 9, src/store/sql/board.ts), is instead read a
// page at a time from the database, after refreshBoard (src/compare/from-store.ts) has compared again
// what changed since the last request: no document is read for it but those of the changed days.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { projectRoot } from '../core/paths.js';
import type { CompareDoc } from '../compare/index.js';
import { boardPage, detailToCompareDoc, refreshBoard } from '../compare/from-store.js';
import type { Store } from '../store/store.js';
import { boardBody, boardRegionName, computeComparison, textBody, type BoardBody, type BoardComparison, type BoardQuery } from './board-bodies.js';
import type { BoardReply, BoardRequest } from './board-worker.js';
import { cachedReply, type CachedReply } from './http.js';

export type { BoardBody, BoardQuery } from './board-bodies.js';

/** An answer: its body, gzipped copy and hash, and the reply made of them. */
export type BoardAnswer = BoardBody & { reply: CachedReply };

/**
 * How long a read of the ledger version stands for other processes' writes, ms: a write committed by
 * another process (sitrep ingest, another server) is on the boards of requests that come later than this.
 */
export const DEFAULT_POLL_MS = 250;

/** Where answers are made: a worker thread, or this thread (no built worker script). */
interface Engine {
  /** Holds the comparison of this version (a worker that died and was restarted holds none). */
  has(version: number): boolean;
  load(version: number, docs: CompareDoc[]): Promise<void>;
  body(version: number, q: BoardQuery): Promise<BoardBody>;
  close(): Promise<void>;
}

/** Most groups of the figure board kept in the database in one answer (fromDb). */
export const MAX_DB_GROUPS = 10_000;

/** Answers cached per query; bounded, since pages and filters are many. */
const MAX_BODIES = 256;

interface VersionCache {
  version: number;
  bodies: Map<string, Promise<BoardAnswer>>;
  /** The answers made, for serving without waiting on a promise. */
  made: Map<string, BoardAnswer>;
  loaded: Promise<void> | null;
  settled: boolean;
}

export class Boards {
  private engine: Engine;
  private cache: VersionCache | null = null;
  private versionRead: Promise<number> | null = null;
  /** The last version read, and when its read began (performance.now()). */
  private known: { version: number; at: number } | null = null;
  private readonly pollMs: number;
  /** The ledger keeps the figure board (migration 9): it is read from there, not compared here. */
  private readonly inDb: Promise<boolean>;
  /** The last refresh of the board kept in the database, for the version it was asked for; its time. */
  private refreshing: { version: number; done: Promise<string> } | null = null;
  private readonly log?: (line: string) => void;

  constructor(
    private readonly store: Store,
    opts: { log?: (line: string) => void; inThread?: boolean; pollMs?: number } = {},
  ) {
    const script = opts.inThread ? null : workerScript();
    this.engine = script ? new WorkerEngine(script, opts.log) : new ThreadEngine(opts.log);
    this.pollMs = Math.max(0, opts.pollMs ?? DEFAULT_POLL_MS);
    this.log = opts.log;
    this.inDb = (store.board?.available() ?? Promise.resolve(false)).catch(() => false);
  }

  /** Where answers are computed, for messages and tests. */
  get where(): 'worker' | 'thread' {
    return this.engine instanceof WorkerEngine ? 'worker' : 'thread';
  }

  /** The ledger version known for this instant, when a read not older than pollMs gave it. */
  private knownVersion(): number | null {
    return this.known && performance.now() - this.known.at < this.pollMs ? this.known.version : null;
  }

  /** The ledger version, one read shared by the requests that ask at the same time. */
  private version(): Promise<number> {
    if (!this.versionRead) {
      const at = performance.now();
      const read = this.store.ledgerVersion();
      this.versionRead = read;
      const done = (v?: number) => {
        if (this.versionRead !== read) return; // invalidated meanwhile: this read may be older than the write
        this.versionRead = null;
        if (v != null) this.known = { version: v, at };
      };
      read.then(done, () => done());
    }
    return this.versionRead;
  }

  /** Forget every answer (this server stored a document or a review: the next request reads the version). */
  invalidate(): void {
    this.cache = null;
    this.versionRead = null;
    this.known = null;
  }

  /** The answer when it is made and the version known: served without a turn of the event loop. */
  peek(q: BoardQuery): BoardAnswer | undefined {
    const v = this.knownVersion();
    return v != null && this.cache?.version === v ? this.cache.made.get(keyOf(q)) : undefined;
  }

  async get(q: BoardQuery): Promise<BoardAnswer> {
    const inDb = q.board === 'figures' && (await this.inDb);
    const version = this.knownVersion() ?? (await this.version());
    if (this.cache?.version !== version) this.cache = { version, bodies: new Map(), made: new Map(), loaded: null, settled: false };
    const cache = this.cache;
    const key = keyOf(q);
    let p = cache.bodies.get(key);
    if (!p && inDb) {
      const made = this.fromDb(version, q as BoardQuery & { board: 'figures' }).then((b) => ({ ...b, reply: cachedReply(b.body, b.gz, b.hash) }));
      p = made;
      this.keep(cache, key, made);
    }
    if (!p) {
      if (cache.settled && !this.engine.has(version)) cache.loaded = null;
      if (!cache.loaded) {
        cache.settled = false;
        const loading = this.load(version);
        cache.loaded = loading;
        loading.then(
          () => cache.loaded === loading && (cache.settled = true),
          () => cache.loaded === loading && (cache.loaded = null),
        );
      }
      const loaded = cache.loaded;
      const made = loaded.then(() => this.engine.body(version, q)).then((b) => ({ ...b, reply: cachedReply(b.body, b.gz, b.hash) }));
      p = made;
      this.keep(cache, key, made);
    }
    return p;
  }

  private keep(cache: VersionCache, key: string, made: Promise<BoardAnswer>): void {
    if (cache.bodies.size >= MAX_BODIES) {
      cache.bodies.clear();
      cache.made.clear();
    }
    cache.bodies.set(key, made);
    made.then(
      (a) => cache.bodies.get(key) === made && cache.made.set(key, a),
      // a failure is not kept: the next request tries again
      () => cache.bodies.get(key) === made && cache.bodies.delete(key),
    );
  }

  /**
   * A page of the figure board kept in the database, once it has taken in what changed up to this
   * version. At most MAX_DB_GROUPS groups in one answer: the API pages by at most 1,000, and the
   * review queue, which asks for every group, reads the best ranked ones (a million-claim ledger
   * holds some 170,000 groups, a gigabyte of JSON).
   */
  private async fromDb(version: number, q: BoardQuery & { board: 'figures' }): Promise<BoardBody> {
    const computedAt = await this.refreshed(version);
    return textBody(await boardPage(this.store.board!, { ...q, limit: Math.min(q.limit, MAX_DB_GROUPS) }, computedAt));
  }

  /** One refresh per version, one after the other (never two at once in this process); its time. */
  private refreshed(version: number): Promise<string> {
    if (this.refreshing && this.refreshing.version >= version) return this.refreshing.done;
    const before = this.refreshing?.done ?? Promise.resolve('');
    const done = before
      .catch(() => '')
      .then(async () => {
        await refreshBoard(this.store.board!, { region: () => boardRegionName(this.log), yield: turn, log: this.log });
        return new Date().toISOString();
      });
    this.refreshing = { version, done };
    // a failure is not kept: the next request tries again
    done.catch(() => this.refreshing?.done === done && (this.refreshing = null));
    return done;
  }

  private async load(version: number): Promise<void> {
    // Read here (the store's connection belongs to this thread), compared there.
    await this.engine.load(version, await readDocuments(this.store));
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}

const PAGE = 200;
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** At most this long without giving the event loop a turn, ms. */
const SLICE_MS = 5;

/**
 * Every stored document as a CompareDoc, giving the event loop a turn every few milliseconds: SQLite
 * answers synchronously, so a chain of awaited reads would otherwise hold the loop for the whole ledger.
 */
async function readDocuments(store: Store): Promise<CompareDoc[]> {
  const out: CompareDoc[] = [];
  let since = performance.now();
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ limit: PAGE, offset });
    for (const s of page.items) {
      const d = await store.getDocument(s.id);
      if (d) out.push(detailToCompareDoc(d));
      if (performance.now() - since > SLICE_MS) {
        await turn();
        since = performance.now();
      }
    }
    if (page.items.length < PAGE) return out;
  }
}

/** A query's cache key (not JSON.stringify: serialising is what the cache saves). */
function keyOf(q: BoardQuery): string {
  return q.board === 'figures' ? `figures ${q.category.join(',')} ${q.minReports} ${q.limit} ${q.offset}` : q.board;
}

/** The worker script: beside this file once built; from the sources (tests), the built one in dist/. */
function workerScript(): URL | null {
  const here = new URL('./board-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = join(projectRoot(), 'dist', 'src', 'server', 'board-worker.js');
  return existsSync(built) ? pathToFileURL(built) : null;
}

class ThreadEngine implements Engine {
  private comparisons = new Map<number, BoardComparison>();
  constructor(private readonly log?: (line: string) => void) {}

  has(version: number): boolean {
    return this.comparisons.has(version);
  }

  async load(version: number, docs: CompareDoc[]): Promise<void> {
    this.comparisons.set(version, computeComparison(docs, this.log));
    for (const v of [...this.comparisons.keys()].sort((a, b) => a - b).slice(0, -2)) this.comparisons.delete(v);
  }

  async body(version: number, q: BoardQuery): Promise<BoardBody> {
    const c = this.comparisons.get(version);
    if (!c) throw new Error(`no comparison of ledger version ${version}`);
    return boardBody(c, q);
  }

  async close(): Promise<void> {}
}

/** Documents per message to the worker. */
const CHUNK = 50;

class WorkerEngine implements Engine {
  private worker: Worker | null = null;
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (r: BoardReply & { ok: true }) => void; reject: (e: Error) => void }>();
  /** Versions the current worker holds: a new worker (the last one died) must be sent the documents again. */
  private held = new Set<number>();

  constructor(
    private readonly script: URL,
    private readonly log?: (line: string) => void,
  ) {}

  private start(): Worker {
    const w = new Worker(this.script);
    this.held = new Set();
    w.on('message', (m: BoardReply & { log?: string }) => {
      if (m.log != null) return this.log?.(m.log);
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (!this.pending.size) w.unref();
      if (m.ok) p.resolve(m);
      else p.reject(new Error(m.message));
    });
    const fail = (e: Error) => {
      if (this.worker !== w) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    w.on('error', fail);
    w.on('exit', (code) => fail(new Error(`the board worker exited (${code})`)));
    w.unref();
    return w;
  }

  has(version: number): boolean {
    return this.held.has(version);
  }

  private call(req: BoardRequest extends infer R ? (R extends BoardRequest ? Omit<R, 'id'> : never) : never): Promise<BoardReply & { ok: true }> {
    this.worker ??= this.start();
    const w = this.worker;
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // the worker keeps the process alive only while it has work
      w.ref();
      w.postMessage({ ...req, id });
    });
  }

  async load(version: number, docs: CompareDoc[]): Promise<void> {
    this.worker ??= this.start();
    const w = this.worker;
    // in parts, each copied to the worker in a few ms, with a turn of the event loop between them
    for (let i = 0; i < docs.length; i += CHUNK) {
      void this.call({ type: 'docs', version, docs: docs.slice(i, i + CHUNK) }).catch(() => undefined);
      await turn();
    }
    await this.call({ type: 'load', version });
    if (this.worker !== w) return; // it died meanwhile
    this.held.add(version);
    for (const v of [...this.held].sort((a, b) => a - b).slice(0, -2)) this.held.delete(v);
  }

  async body(version: number, q: BoardQuery): Promise<BoardBody> {
    const r = await this.call({ type: 'body', version, query: q });
    const buf = (u?: Uint8Array) => Buffer.from(u!.buffer, u!.byteOffset, u!.byteLength);
    return { body: buf(r.body), gz: buf(r.gz), hash: r.hash! };
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }
}
