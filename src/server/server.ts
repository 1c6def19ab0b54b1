// sitrep's HTTP server: the JSON API under /api (documented by /api/openapi.json) and the dashboard
// (web/) with its offline basemap, on node:http. Writes (POST) need "Authorization: Bearer <token>"
// when a token is set, and a token is mandatory when listening beyond loopback.
import { timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { SitrepError } from '../core/errors.js';
import type { Analysis, Document } from '../core/types.js';
import { languageCode, makeDoc } from '../io/input.js';
import { unreadWarning } from '../lang/index.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { AnalysisTimeout, AnalysisWorker, DEFAULT_DOC_TIMEOUT_S } from '../store/ingest/pool.js';
import { CATEGORIES, FilterError, parseFilter, type RawFilter } from '../store/filters.js';
import { Boards, type BoardQuery } from './boards.js';
import { DOCUMENT_SORTS, MAX_LIMIT, type DocumentSort, type Store } from '../store/store.js';
import { rowsOf, writeExport, type Format, type What } from '../store/formats.js';
import { HttpError, readBody, sendCached, sendError, sendJson, sendRawJson } from './http.js';
import { openApiDocument } from './openapi.js';
import { boardDisagreement } from './review-disagree.js';
import { defineReviewRoutes } from './review-routes.js';
import { StaticFiles } from './static.js';

export interface ServerOptions {
  store: Store;
  host?: string;
  port?: number;
  token?: string;
  /** Largest POST body, bytes. */
  maxBody?: number;
  /** Largest article text accepted by POST /api/documents, characters. */
  maxChars?: number;
  /** Optional raster tile URL template for the map ({z}/{x}/{y}); the offline basemap is the default. */
  tiles?: string;
  /**
   * Analysis for POST /api/documents in this thread (tests). Without it, documents are analysed in a
   * worker thread with a time limit, so that the server keeps answering while a long text is read.
   */
  pipeline?: Pipeline;
  /** Seconds one posted document may take (default 60). */
  docTimeout?: number;
  /** The store is open read-only: writes are refused (403 E_READ_ONLY). */
  readOnly?: boolean;
  /** Log one line per request to this function. */
  log?: (line: string) => void;
  /** The reviewer's name for reviews made without a token that names one (serve --user). */
  user?: string;
  /** More write tokens, each with its owner's name, who is the reviewer (serve --token-file). */
  tokenOwners?: Record<string, string>;
  /** Compute the boards in this thread rather than a worker thread (tests). */
  boardsInThread?: boolean;
}

export const DEFAULT_MAX_BODY = 1_000_000;
/** The reviewer when neither serve --user nor a token's owner names one. */
export const DEFAULT_REVIEWER = 'analyst';

export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1';
  return false;
}

/** Refuses configurations that would expose writes without a token. */
export function checkExposure(host: string, token: string | undefined): void {
  if (!isLoopback(host) && !token) {
    throw new Error(`refusing to listen on ${host} without a token: anyone who can reach it could write to the database. Give --token (or SITREP_TOKEN), or listen on 127.0.0.1`);
  }
  if (token != null && token.length < 12) throw new Error('the token must be at least 12 characters long');
}

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], query: URLSearchParams) => Promise<void>;

interface Route {
  method: 'GET' | 'POST';
  pattern: RegExp;
  query: string[];
  handler: Handler;
}

const FILTER_KEYS = ['category', 'source', 'outlet', 'place', 'since', 'until', 'q', 'document', 'reviewed'];
const PAGING_KEYS = ['limit', 'offset'];
const EVENT_FILTER_KEYS = ['outlet', 'place', 'since', 'until', 'q', 'document', 'reviewed'];

export class SitrepServer {
  readonly server: Server;
  private readonly routes: Route[] = [];
  private readonly statics = new StaticFiles();
  private pipeline: Pipeline | undefined;
  private analyzer: AnalysisWorker | undefined;
  private readonly tokenHash: Buffer | null;
  private readonly owners: { hash: Buffer; owner: string }[];
  /** The boards, cached per ledger version, computed in a worker thread (boards.ts). */
  private readonly boards: Boards;

  constructor(private readonly opts: ServerOptions) {
    const owned = Object.entries(opts.tokenOwners ?? {});
    for (const [t] of owned) checkExposure('127.0.0.1', t);
    checkExposure(opts.host ?? '127.0.0.1', opts.token ?? owned[0]?.[0]);
    this.tokenHash = opts.token ? createHash('sha256').update(opts.token).digest() : null;
    this.owners = owned.map(([t, owner]) => ({ hash: createHash('sha256').update(t).digest(), owner }));
    this.pipeline = opts.pipeline;
    this.boards = new Boards(opts.store, { log: opts.log, inThread: opts.boardsInThread });
    this.defineRoutes();
    this.server = createServer((req, res) => {
      const t0 = performance.now();
      // a client that goes away before the answer is complete (closed tab, killed curl): one log line
      let gone = false;
      res.on('close', () => {
        if (!res.writableFinished) gone = true;
      });
      const clientGone = (e: unknown) => gone || res.destroyed || (e as NodeJS.ErrnoException)?.code === 'ECONNRESET' || (e as Error)?.message === 'aborted';
      this.handle(req, res)
        .catch((e) => {
          if (clientGone(e)) {
            gone = true;
            res.destroy();
          } else if (e instanceof HttpError) sendError(req, res, e);
          else {
            this.opts.log?.(`error: ${String((e as Error).stack ?? e).replace(/\n\s*/g, ' | ')}`);
            if (!res.headersSent) sendError(req, res, new HttpError(500, 'E_INTERNAL', 'internal error'));
            else res.destroy();
          }
        })
        .finally(() => {
          const ms = (performance.now() - t0).toFixed(1);
          this.opts.log?.(gone ? `${req.method} ${req.url?.slice(0, 200)} aborted by the client after ${ms}ms` : `${req.method} ${req.url?.slice(0, 200)} ${res.statusCode} ${ms}ms`);
        });
    });
    this.server.requestTimeout = 60_000;
    this.server.headersTimeout = 20_000;
  }

  listen(): Promise<{ host: string; port: number; url: string }> {
    const host = this.opts.host ?? '127.0.0.1';
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.opts.port ?? 8080, host, () => {
        const a = this.server.address();
        const port = typeof a === 'object' && a ? a.port : (this.opts.port ?? 8080);
        const shown = host.includes(':') ? `[${host}]` : host;
        resolve({ host, port, url: `http://${shown}:${port}` });
      });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections?.();
    });
    await this.analyzer?.close();
    await this.boards.close();
  }

  private route(method: Route['method'], path: string, query: string[], handler: Handler) {
    const pattern = new RegExp('^' + path.replace(/:([a-z]+)/g, '([^/]+)') + '$');
    this.routes.push({ method, pattern, query, handler });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Bound to loopback, answer only to loopback names: a web page whose domain was re-pointed at
    // 127.0.0.1 (DNS rebinding) must not reach the API.
    if (isLoopback(this.opts.host ?? '127.0.0.1')) {
      const host = String(req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
      if (host && !isLoopback(host)) throw new HttpError(421, 'E_HOST', `this server answers to localhost only, not "${host.slice(0, 60)}"`);
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      throw new HttpError(400, 'E_BAD_URL', 'malformed URL');
    }
    const path = url.pathname;
    if (!path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'E_METHOD', `${req.method} is not allowed here`, undefined, { Allow: 'GET, HEAD' });
      if (await this.statics.serve(req, res, path, { tiles: this.opts.tiles })) return;
      throw new HttpError(404, 'E_NOT_FOUND', `no such page: ${path.slice(0, 100)}`);
    }
    const matches = this.routes.filter((r) => r.pattern.test(path));
    if (!matches.length) throw new HttpError(404, 'E_NOT_FOUND', `no such endpoint: ${path.slice(0, 100)}; see /api/openapi.json`);
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = matches.find((r) => r.method === method);
    if (!route) throw new HttpError(405, 'E_METHOD', `${req.method} is not allowed on ${path}`, undefined, { Allow: [...new Set(matches.map((r) => r.method))].join(', ') });
    for (const k of new Set(url.searchParams.keys())) {
      if (!route.query.includes(k)) throw new HttpError(400, 'E_PARAM', `unknown query parameter "${k.slice(0, 40)}"; allowed: ${route.query.join(', ') || 'none'}`, k);
    }
    let params: string[];
    try {
      params = route.pattern.exec(path)!.slice(1).map(decodeURIComponent);
    } catch {
      throw new HttpError(400, 'E_BAD_URL', 'malformed percent-encoding in the path');
    }
    await route.handler(req, res, params, url.searchParams);
  }

  /** Checks the bearer token when tokens are set; returns the token's owner (null: none named). */
  private authorize(req: IncomingMessage): string | null {
    if (!this.tokenHash && !this.owners.length) return null;
    const h = String(req.headers.authorization ?? '');
    const m = /^Bearer\s+(\S.*)$/i.exec(h);
    if (!m) throw new HttpError(401, 'E_AUTH', 'this endpoint needs "Authorization: Bearer <token>"', undefined, { 'WWW-Authenticate': 'Bearer' });
    const given = createHash('sha256').update(m[1].trim()).digest();
    if (this.tokenHash && timingSafeEqual(given, this.tokenHash)) return null;
    const owner = this.owners.find((o) => timingSafeEqual(given, o.hash));
    if (owner) return owner.owner;
    throw new HttpError(403, 'E_AUTH', 'wrong token');
  }

  private defineRoutes() {
    const store = this.opts.store;
    this.route('GET', '/api/openapi.json', [], async (req, res) => sendJson(req, res, 200, openApiDocument()));
    this.route('GET', '/api/health', [], async (req, res) => sendJson(req, res, 200, { ok: true, store: store.kind, stats: await store.stats() }));
    this.route('GET', '/api/config', [], async (req, res) => sendJson(req, res, 200, { tiles: this.opts.tiles ?? null, writable: !this.opts.readOnly, tokenRequired: Boolean(this.tokenHash || this.owners.length), maxLimit: MAX_LIMIT, user: this.opts.user ?? null }));
    this.route('GET', '/api/facets', [], async (req, res) => sendJson(req, res, 200, await store.facets()));
    this.route('GET', '/api/documents', ['outlet', 'q', 'lang', 'since', 'until', 'sort', ...PAGING_KEYS], async (req, res, _p, q) => {
      const f = filterOf(q);
      const paging = pagingOf(q);
      const lang = q.get('lang') || undefined;
      if (lang != null && !languageCode(lang)) throw new HttpError(400, 'E_PARAM', `lang: must be a language code such as "fr", got "${lang.slice(0, 20)}"`, 'lang');
      const sort = q.get('sort') || undefined;
      if (sort != null && !(DOCUMENT_SORTS as readonly string[]).includes(sort)) throw new HttpError(400, 'E_PARAM', `sort must be one of ${DOCUMENT_SORTS.join(', ')}, got "${sort.slice(0, 30)}"`, 'sort');
      sendJson(req, res, 200, await store.listDocuments({ outlet: f.outlet, q: f.q, lang: lang && (languageCode(lang) ?? undefined), since: f.since, until: f.until, sort: sort as DocumentSort | undefined, ...paging }));
    });
    this.route('GET', '/api/documents/:id', [], async (req, res, [id]) => {
      const d = await store.getDocument(id);
      if (!d) throw new HttpError(404, 'E_NOT_FOUND', `no document with id "${id.slice(0, 80)}"`, 'id');
      sendJson(req, res, 200, d);
    });
    this.route('POST', '/api/documents', [], async (req, res) => this.postDocument(req, res));
    this.route('GET', '/api/claims', [...FILTER_KEYS, ...PAGING_KEYS], async (req, res, _p, q) => sendRawJson(req, res, 200, await store.listClaimsJson(filterOf(q), pagingOf(q))));
    // events have no claim category or source of their own: those filters are refused, not ignored
    this.route('GET', '/api/events', [...EVENT_FILTER_KEYS, ...PAGING_KEYS], async (req, res, _p, q) => sendJson(req, res, 200, await store.listEvents(filterOf(q), pagingOf(q))));
    this.route('GET', '/api/places', FILTER_KEYS, async (req, res, _p, q) => {
      const items = await store.listPlaces(filterOf(q));
      sendJson(req, res, 200, { total: items.length, items });
    });
    this.route('GET', '/api/actors', ['q', 'limit'], async (req, res, _p, q) => {
      const { limit } = pagingOf(q);
      const items = await store.listActors({ q: q.get('q') ?? undefined, limit });
      sendJson(req, res, 200, { total: items.length, items });
    });
    this.route('GET', '/api/export', ['format', 'what', 'bom', ...FILTER_KEYS], async (req, res, _p, q) => this.exportRows(req, res, q));
    this.route('GET', '/api/compare/figures', ['category', 'minReports', ...PAGING_KEYS], async (req, res, _p, q) => {
      const category = q.getAll('category').flatMap((c) => c.split(',')).map((c) => c.trim()).filter(Boolean);
      for (const c of category) {
        if (!(CATEGORIES as readonly string[]).includes(c)) throw new HttpError(400, 'E_PARAM', `category: unknown category "${c.slice(0, 30)}"; known: ${CATEGORIES.join(', ')}`, 'category');
      }
      const mr = q.get('minReports');
      if (mr != null && !/^[1-9]\d{0,5}$/.test(mr)) throw new HttpError(400, 'E_PARAM', `minReports must be a whole number ≥ 1, got "${mr.slice(0, 20)}"`, 'minReports');
      const minReports = mr != null ? Number(mr) : 2;
      const { limit = 50, offset = 0 } = pagingOf(q);
      await this.sendBoard(req, res, { board: 'figures', category: [...new Set(category)].sort(), minReports, limit, offset });
    });
    this.route('GET', '/api/compare/framing', [], async (req, res) => this.sendBoard(req, res, { board: 'framing' }));
    this.route('GET', '/api/compare/duplicates', [], async (req, res) => this.sendBoard(req, res, { board: 'duplicates' }));
    defineReviewRoutes(this.route.bind(this), {
      store,
      readOnly: Boolean(this.opts.readOnly),
      maxBody: this.opts.maxBody ?? DEFAULT_MAX_BODY,
      authorize: (req) => this.authorize(req),
      user: this.opts.user ?? DEFAULT_REVIEWER,
      changed: () => this.boards.invalidate(),
      disagreement: boardDisagreement(this.boards),
    });
    this.route('GET', '/api/timeline', FILTER_KEYS, async (req, res, _p, q) => sendJson(req, res, 200, { days: await store.timeline(filterOf(q)) }));
  }

  /** A board answer, serialised, gzipped and hashed once per ledger version and query (boards.ts). */
  private async sendBoard(req: IncomingMessage, res: ServerResponse, q: BoardQuery): Promise<void> {
    sendCached(req, res, (this.boards.peek(q) ?? (await this.boards.get(q))).reply);
  }

  /** Streams claims, places or events as CSV, GeoJSON or JSON Lines, as an attachment. */
  private async exportRows(req: IncomingMessage, res: ServerResponse, q: URLSearchParams) {
    const format = (q.get('format') ?? 'csv') as Format;
    const what = (q.get('what') ?? 'claims') as What;
    if (!['csv', 'geojson', 'jsonl'].includes(format)) throw new HttpError(400, 'E_PARAM', `format must be csv, geojson or jsonl, got "${format.slice(0, 20)}"`, 'format');
    if (!['claims', 'places', 'events'].includes(what)) throw new HttpError(400, 'E_PARAM', `what must be claims, places or events, got "${what.slice(0, 20)}"`, 'what');
    const filter = filterOf(q);
    const types = { csv: 'text/csv; charset=utf-8', geojson: 'application/geo+json', jsonl: 'application/x-ndjson' };
    res.writeHead(200, {
      'Content-Type': types[format],
      'Content-Disposition': `attachment; filename="sitrep-${what}.${format}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    const write = (s: string): Promise<void> | void => {
      if (res.destroyed) throw new Error('aborted');
      if (res.write(s)) return;
      // drain, or the client left: then the export stops instead of waiting for ever
      return new Promise((resolve, reject) => {
        const onDrain = () => {
          res.off('close', onClose);
          resolve();
        };
        const onClose = () => {
          res.off('drain', onDrain);
          reject(new Error('aborted'));
        };
        res.once('drain', onDrain);
        res.once('close', onClose);
      });
    };
    await writeExport(rowsOf(this.opts.store, what, filter), format, what, write, { bom: q.get('bom') === '1' || q.get('bom') === 'true' });
    res.end();
  }

  /** One document's analysis: off the event loop in a worker thread, within the time limit. */
  private async analyze(doc: Document): Promise<Analysis> {
    if (this.pipeline) return this.pipeline.analyze(doc);
    this.analyzer ??= new AnalysisWorker((this.opts.docTimeout ?? DEFAULT_DOC_TIMEOUT_S) * 1000);
    try {
      return await this.analyzer.analyze(doc);
    } catch (e) {
      if (e instanceof AnalysisTimeout) throw new HttpError(422, 'E_ANALYSIS_TIMEOUT', `the article was not analysed: ${e.message}`);
      throw e;
    }
  }

  private async postDocument(req: IncomingMessage, res: ServerResponse) {
    if (this.opts.readOnly) throw new HttpError(403, 'E_READ_ONLY', 'the database is open read-only: articles cannot be added');
    this.authorize(req);
    const type = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'E_MEDIA_TYPE', 'send the article as JSON with "Content-Type: application/json"');
    const body = await readBody(req, this.opts.maxBody ?? DEFAULT_MAX_BODY);
    let rec: unknown;
    try {
      rec = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch (e) {
      throw new HttpError(400, 'E_JSON', `the body is not valid JSON: ${(e as Error).message.slice(0, 200)}`);
    }
    // an id from the text when none is given; a text that is no string is left for makeDoc to refuse
    // (String() of an object whose toString is not a function throws: that was a 500)
    const text = rec && typeof rec === 'object' && !Array.isArray(rec) ? (rec as Record<string, unknown>).text : undefined;
    if (typeof text === 'string' && (rec as Record<string, unknown>).id == null) {
      (rec as Record<string, unknown>).id = `posted-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
    }
    const item = makeDoc(rec, { maxChars: this.opts.maxChars }, { file: 'request body' });
    if (!item.ok) throw toHttp(item.error);
    const extra = Object.keys(rec as object).filter((k) => !['id', 'text', 'published', 'date', 'outlet', 'url', 'title', 'lang'].includes(k));
    if (extra.length) throw new HttpError(400, 'E_FIELD', `unknown field "${extra[0].slice(0, 40)}"; allowed: id, text, published, outlet, url, title, lang`, extra[0]);
    item.doc.origin = { file: 'api' };
    const analysis = await this.analyze(item.doc);
    const [out] = await this.opts.store.putAnalyses([analysis]);
    if (out.status !== 'exists') this.boards.invalidate();
    const doc = await this.opts.store.getDocument(out.id);
    const unread = unreadWarning(analysis)?.replace(/^sitrep: /, '') ?? null;
    const renamed = out.status === 'added' && out.renamedFrom ? `id "${out.renamedFrom}" is already stored with another text; this article is stored as "${out.id}"` : null;
    const warning = [unread, renamed].filter(Boolean).join('; ') || null;
    sendJson(req, res, out.status === 'added' ? 201 : 200, { status: out.status, id: out.id, url: `/api/documents/${encodeURIComponent(out.id)}`, lang: analysis.lang, warning, counts: doc?.counts, errors: analysis.errors }, { Location: `/api/documents/${encodeURIComponent(out.id)}` });
  }
}

function toHttp(e: SitrepError): HttpError {
  const status = e.code === 'E_INPUT_TOO_LARGE' ? 413 : e.code === 'E_INPUT_EMPTY' || e.code === 'E_INPUT_FIELD' ? 422 : 400;
  return new HttpError(status, e.code, e.field ? `field "${e.field}": ${e.message}` : e.message, e.field);
}

function filterOf(q: URLSearchParams) {
  const raw: RawFilter = {};
  for (const k of FILTER_KEYS) {
    const all = q.getAll(k);
    if (all.length) (raw as Record<string, string[]>)[k] = all;
  }
  try {
    return parseFilter(raw);
  } catch (e) {
    if (e instanceof FilterError) throw new HttpError(400, 'E_PARAM', `${e.field} ${e.message}`, e.field);
    throw e;
  }
}

function pagingOf(q: URLSearchParams): { limit?: number; offset?: number } {
  const out: { limit?: number; offset?: number } = {};
  for (const k of ['limit', 'offset'] as const) {
    const v = q.get(k);
    if (v == null) continue;
    if (!/^\d{1,9}$/.test(v)) throw new HttpError(400, 'E_PARAM', `${k} must be a whole number ≥ ${k === 'limit' ? 1 : 0}, got "${v.slice(0, 20)}"`, k);
    const n = Number(v);
    if (k === 'limit' && (n < 1 || n > MAX_LIMIT)) throw new HttpError(400, 'E_PARAM', `limit must be between 1 and ${MAX_LIMIT}, got ${n}`, k);
    out[k] = n;
  }
  return out;
}
