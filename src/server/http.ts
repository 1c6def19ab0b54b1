// Small helpers over node:http: JSON replies, coded errors, bounded body reading.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendJson(req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  send(req, res, status, Buffer.from(text, 'utf8'), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store', ...headers });
}

/** A body that is already JSON text. */
export function sendRawJson(req: IncomingMessage, res: ServerResponse, status: number, json: string): void {
  send(req, res, status, Buffer.from(json, 'utf8'), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

export function sendError(req: IncomingMessage, res: ServerResponse, e: HttpError): void {
  sendJson(req, res, e.status, { error: { status: e.status, code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) } }, e.headers);
}

export function send(req: IncomingMessage, res: ServerResponse, status: number, body: Buffer, type: string, headers: Record<string, string> = {}, gz?: Buffer): void {
  const h: Record<string, string | number> = { ...SECURITY_HEADERS, 'Content-Type': type, ...headers };
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  let payload = body;
  if (acceptsGzip && body.length > 2048) {
    // Dynamic JSON: the fastest level (a 1000-claim page compresses ~8x in a few ms).
    payload = gz ?? gzipSync(body, { level: 1 });
    h['Content-Encoding'] = 'gzip';
    h['Vary'] = 'Accept-Encoding';
  }
  h['Content-Length'] = payload.length;
  res.writeHead(status, h);
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/**
 * A JSON answer made once and served many times (the boards): its two representations with their
 * headers built in advance, so that serving one is a header comparison and a write. Browsers keep
 * it and ask again with If-None-Match ("no-cache": always revalidated), answered 304 without a body.
 */
export interface CachedReply {
  plain: { body: Buffer; headers: OutgoingHttpHeaders; etag: string };
  gzip: { body: Buffer; headers: OutgoingHttpHeaders; etag: string } | null;
  notModified: OutgoingHttpHeaders;
}

/** The reply for a JSON body, its gzipped copy and the body's hash (a strong ETag per representation). */
export function cachedReply(body: Buffer, gz: Buffer, hash: string): CachedReply {
  const base = { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
  const etag = `"${hash}"`;
  const gzEtag = `"${hash}-gz"`;
  // small answers are not worth compressing (as in send)
  const zipped = body.length > 2048;
  return {
    plain: { body, etag, headers: { ...base, ETag: etag, 'Content-Length': body.length } },
    gzip: zipped ? { body: gz, etag: gzEtag, headers: { ...base, ETag: gzEtag, 'Content-Encoding': 'gzip', 'Content-Length': gz.length } } : null,
    notModified: { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' },
  };
}

/** Serves a cached reply: 304 when If-None-Match names its tag, the gzipped body when accepted. */
export function sendCached(req: IncomingMessage, res: ServerResponse, r: CachedReply): void {
  const ae = req.headers['accept-encoding'];
  const rep = r.gzip && ae && ae.includes('gzip') && /\bgzip\b(?!\s*;\s*q=0(?:\.0*)?\s*(?:,|$))/.test(ae) ? r.gzip : r.plain;
  const inm = req.headers['if-none-match'];
  if (inm && (inm === rep.etag || inm === '*' || inm.split(',').some((t) => t.trim().replace(/^W\//, '') === rep.etag))) {
    res.writeHead(304, { ...r.notModified, ETag: rep.etag });
    res.end();
    return;
  }
  res.writeHead(200, rep.headers);
  res.end(req.method === 'HEAD' ? undefined : rep.body);
}

/** Read a request body up to maxBytes; larger ones get 413 without reading the rest. */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(new HttpError(413, 'E_BODY_TOO_LARGE', `request body of ${declared} bytes is over the limit of ${maxBytes} bytes`));
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > maxBytes) {
        failed = true;
        reject(new HttpError(413, 'E_BODY_TOO_LARGE', `request body is over the limit of ${maxBytes} bytes`));
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}
