// Fetching URLs politely and safely with Node's fetch (undici): a User-Agent naming Sitrep, a time
// limit for the whole request and for a body that stalls, redirects followed up to a bound, a size
// limit counted on the decompressed body (a gzip bomb stops at the limit), media types checked,
// requests to one host spaced out, and an on-disk cache revalidated with ETag and Last-Modified so
// that a rerun fetches nothing unchanged.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SitrepError } from '../core/errors.js';
import { cacheDir } from '../core/paths.js';
import type { InputItem, InputOptions, Source } from './types.js';

export const USER_AGENT = 'Sitrep/0.1 (news reader for the conflict ledger; +https://github.com/sitrep)';

export interface FetcherOptions {
  /** The whole request, in ms (default 30 s). */
  timeoutMs?: number;
  /** The longest wait for the next piece of the body, in ms (default 15 s). */
  stallMs?: number;
  /** Largest body accepted, decompressed (default 20 MB). */
  maxBytes?: number;
  maxRedirects?: number;
  /** Least time between two requests to one host, in ms (default 1 s). */
  perHostMs?: number;
  /** Folder of the HTTP cache; null: no cache. Default $SITREP_HTTP_CACHE, else .cache/http. */
  cache?: string | null;
  userAgent?: string;
}

export interface Fetched {
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** The server said 304 Not Modified: the body is the cached copy. */
  notModified: boolean;
}

export class FetchError extends Error {}

const CUT = 'the connection was cut';

// Media types we read; anything else (images, video, archives) is refused before its body is read.
const READABLE = /^(text\/|application\/(xhtml\+xml|rss\+xml|atom\+xml|rdf\+xml|xml|pdf|json|x-ndjson|jsonl|csv|octet-stream)$)/;

interface CacheMeta {
  url: string;
  finalUrl: string;
  etag?: string;
  lastModified?: string;
  contentType: string;
  status: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Fetcher {
  private readonly o: Required<Omit<FetcherOptions, 'cache'>> & { cache: string | null };
  private nextAt = new Map<string, number>();

  constructor(opts: FetcherOptions = {}) {
    this.o = {
      timeoutMs: opts.timeoutMs ?? 30_000,
      stallMs: opts.stallMs ?? 15_000,
      maxBytes: opts.maxBytes ?? 20 * 1024 * 1024,
      maxRedirects: opts.maxRedirects ?? 5,
      perHostMs: opts.perHostMs ?? 1000,
      cache: opts.cache === undefined ? (process.env.SITREP_HTTP_CACHE ?? join(cacheDir(), 'http')) : opts.cache,
      userAgent: opts.userAgent ?? USER_AGENT,
    };
  }

  /** GET a URL; a FetchError says in one line what was wrong. A connection cut (a kept-alive socket
   * the server had just closed) is retried once. */
  async get(url: string): Promise<Fetched> {
    try {
      return await this.getOnce(url);
    } catch (e) {
      if (e instanceof FetchError && e.message === CUT) return this.getOnce(url);
      throw e;
    }
  }

  private async getOnce(url: string): Promise<Fetched> {
    const cached = this.readCache(url);
    const deadline = AbortSignal.timeout(this.o.timeoutMs);
    let current = url;
    for (let hop = 0; ; hop++) {
      await this.pace(current);
      const headers: Record<string, string> = { 'user-agent': this.o.userAgent, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,application/pdf,text/*;q=0.8,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' };
      if (cached && hop === 0) {
        if (cached.meta.etag) headers['if-none-match'] = cached.meta.etag;
        if (cached.meta.lastModified) headers['if-modified-since'] = cached.meta.lastModified;
      }
      let res: Response;
      try {
        res = await fetch(current, { headers, redirect: 'manual', signal: deadline });
      } catch (e) {
        throw new FetchError(describe(e, this.o.timeoutMs));
      }
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const loc = res.headers.get('location');
        await res.body?.cancel();
        if (!loc) throw new FetchError(`HTTP ${res.status} redirect without a Location`);
        if (hop >= this.o.maxRedirects) throw new FetchError(`more than ${this.o.maxRedirects} redirects (last to ${loc})`);
        current = new URL(loc, current).toString();
        if (!/^https?:/.test(current)) throw new FetchError(`redirect to a non-HTTP address: ${current}`);
        continue;
      }
      if (res.status === 304 && cached) {
        await res.body?.cancel();
        return { ...cached.meta, body: cached.body, notModified: true };
      }
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new FetchError(`HTTP ${res.status} ${res.statusText}`.trim());
      }
      const contentType = res.headers.get('content-type') ?? '';
      const type = contentType.split(';')[0].trim().toLowerCase();
      if (type && !READABLE.test(type)) {
        await res.body?.cancel();
        throw new FetchError(`content type ${type} is not something Sitrep reads (web page, feed, PDF, text, CSV or JSON)`);
      }
      const length = Number(res.headers.get('content-length') ?? NaN);
      if (length > this.o.maxBytes && !res.headers.get('content-encoding')) {
        await res.body?.cancel();
        throw new FetchError(`body of ${length} bytes is over the limit of ${this.o.maxBytes}`);
      }
      const body = await this.readBody(res, deadline);
      const out: Fetched = { url, finalUrl: current, status: res.status, contentType, body, notModified: false };
      this.writeCache(url, out, res.headers.get('etag') ?? undefined, res.headers.get('last-modified') ?? undefined);
      return out;
    }
  }

  // The body, decompressed by fetch, counted as it comes; a stall or the size limit stops it.
  private async readBody(res: Response, deadline: AbortSignal): Promise<Buffer> {
    if (!res.body) return Buffer.alloc(0);
    const reader = res.body.getReader();
    const parts: Buffer[] = [];
    let size = 0;
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new FetchError(`the server stopped sending the body for ${Math.round(this.o.stallMs / 1000)} s after ${size} bytes`)), this.o.stallMs);
      });
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await Promise.race([reader.read(), stalled]);
      } catch (e) {
        await reader.cancel().catch(() => undefined);
        if (e instanceof FetchError) throw e;
        throw new FetchError(deadline.aborted ? `no complete answer within ${Math.round(this.o.timeoutMs / 1000)} s` : describe(e, this.o.timeoutMs));
      } finally {
        clearTimeout(timer);
      }
      if (chunk.done) break;
      size += chunk.value.byteLength;
      if (size > this.o.maxBytes) {
        await reader.cancel().catch(() => undefined);
        const enc = res.headers.get('content-encoding');
        throw new FetchError(`body over the limit of ${this.o.maxBytes} bytes${enc ? ` once decompressed (${enc}): a compression bomb?` : ''}`);
      }
      parts.push(Buffer.from(chunk.value));
    }
    return Buffer.concat(parts);
  }

  private async pace(url: string): Promise<void> {
    const host = new URL(url).host;
    const now = Date.now();
    const at = this.nextAt.get(host) ?? 0;
    this.nextAt.set(host, Math.max(now, at) + this.o.perHostMs);
    if (at > now) await sleep(at - now);
  }

  private cachePaths(url: string): { meta: string; body: string } | null {
    if (!this.o.cache) return null;
    const key = createHash('sha256').update(url).digest('hex').slice(0, 32);
    return { meta: join(this.o.cache, `${key}.json`), body: join(this.o.cache, `${key}.body`) };
  }

  private readCache(url: string): { meta: CacheMeta; body: Buffer } | null {
    const p = this.cachePaths(url);
    if (!p) return null;
    try {
      const meta = JSON.parse(readFileSync(p.meta, 'utf8')) as CacheMeta;
      if (meta.url !== url) return null;
      return { meta, body: readFileSync(p.body) };
    } catch {
      return null;
    }
  }

  private writeCache(url: string, f: Fetched, etag?: string, lastModified?: string): void {
    const p = this.cachePaths(url);
    if (!p || (!etag && !lastModified)) return;
    try {
      mkdirSync(this.o.cache!, { recursive: true });
      const meta: CacheMeta = { url, finalUrl: f.finalUrl, etag, lastModified, contentType: f.contentType, status: f.status };
      writeFileSync(p.body + '.tmp', f.body);
      renameSync(p.body + '.tmp', p.body);
      writeFileSync(p.meta + '.tmp', JSON.stringify(meta));
      renameSync(p.meta + '.tmp', p.meta);
    } catch {
      /* a cache that cannot be written only costs a refetch */
    }
  }
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `no complete answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = err.cause;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND') return 'no such host';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET') return CUT;
  return cause?.message ?? err.message;
}

let shared: Fetcher | null = null;

/** A URL as a Source for the readers, or one error naming it. */
export async function fetchSource(url: string, opts: InputOptions): Promise<{ ok: true; source: Source; fetched: Fetched } | Extract<InputItem, { ok: false }>> {
  const fetcher = opts.fetcher ?? (shared ??= new Fetcher());
  try {
    const f = await fetcher.get(url);
    let ext = '';
    try {
      ext = extname(new URL(f.finalUrl).pathname).toLowerCase();
    } catch {
      /* keep '' */
    }
    return { ok: true, fetched: f, source: { name: url, url: f.finalUrl, ext, contentType: f.contentType, bytes: () => f.body } };
  } catch (e) {
    const msg = e instanceof FetchError ? e.message : `cannot fetch: ${(e as Error).message}`;
    return { ok: false, error: new SitrepError('E_INPUT_READ', msg, { file: url }) };
  }
}
