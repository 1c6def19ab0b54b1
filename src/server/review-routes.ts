// The review API: an analyst accepts, rejects or corrects an item, or adds one the machine missed
// (POST /api/documents/{id}/reviews), reads a document's decisions and history (GET on the same
// path) and the queue of what to look at next (GET /api/reviews/queue). Writes need the token when
// one is set; the reviewer is the token's owner (serve --token-file) or the name given to serve --user.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Disagreement } from '../store/review/rank.js';
import { ReviewConflict, ReviewError, type ReviewInput } from '../store/review/reviews.js';
import { ITEM_KINDS, type ItemKind } from '../store/review/wire.js';
import type { Store } from '../store/store.js';
import { HttpError, readBody, sendJson } from './http.js';

type Handler = (req: IncomingMessage, res: ServerResponse, params: string[], query: URLSearchParams) => Promise<void>;
type RouteFn = (method: 'GET' | 'POST', path: string, query: string[], handler: Handler) => void;

export interface ReviewContext {
  store: Store;
  readOnly: boolean;
  maxBody: number;
  /** Checks the request's token; the token's owner, or null when the token names none. */
  authorize: (req: IncomingMessage) => string | null;
  /** The reviewer's name when the token names none (serve --user). */
  user: string;
  /** A review changed what the boards show. */
  changed: () => void;
  /** The claims the figure board shows disagreeing (undefined: not known yet), for the queue's order. */
  disagreement?: () => Promise<Disagreement[] | undefined>;
}

const int = (q: URLSearchParams, k: string, max = 1e9): number | undefined => {
  const v = q.get(k);
  if (v == null) return undefined;
  if (!/^\d{1,9}$/.test(v) || Number(v) > max) throw new HttpError(400, 'E_PARAM', `${k} must be a whole number${max < 1e9 ? ` up to ${max}` : ''}, got "${v.slice(0, 20)}"`, k);
  return Number(v);
};

/** The review status of a document's claim by index, for the figure board's entries. */
export function defineReviewRoutes(route: RouteFn, ctx: ReviewContext): void {
  const { store } = ctx;
  route('POST', '/api/documents/:id/reviews', [], async (req, res, [id]) => {
    if (ctx.readOnly) throw new HttpError(403, 'E_READ_ONLY', 'the database is open read-only: reviews cannot be saved');
    const owner = ctx.authorize(req);
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) throw new HttpError(415, 'E_MEDIA_TYPE', 'send the review as JSON with "Content-Type: application/json"');
    const body = await readBody(req, ctx.maxBody);
    let rec: unknown;
    try {
      rec = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch (e) {
      throw new HttpError(400, 'E_JSON', `the body is not valid JSON: ${(e as Error).message.slice(0, 200)}`);
    }
    if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new HttpError(400, 'E_JSON', 'the body must be one JSON object: {kind, start, end, action, fields?, note?, version?}');
    try {
      const out = await store.reviews.act({ ...(rec as object), documentId: id, user: owner ?? ctx.user } as ReviewInput);
      ctx.changed();
      sendJson(req, res, 200, out);
    } catch (e) {
      if (e instanceof ReviewConflict) {
        sendJson(req, res, 409, { error: { status: 409, code: e.code, message: e.message, field: e.field }, current: e.current });
        return;
      }
      if (e instanceof ReviewError) throw new HttpError(e.status, e.code, e.message, e.field);
      throw e;
    }
  });
  route('GET', '/api/documents/:id/reviews', ['kind', 'start', 'end', 'nth'], async (req, res, [id], q) => {
    const kind = q.get('kind') ?? undefined;
    if (kind != null && !(ITEM_KINDS as readonly string[]).includes(kind)) throw new HttpError(400, 'E_PARAM', `kind must be one of ${ITEM_KINDS.join(', ')}, got "${kind.slice(0, 20)}"`, 'kind');
    const out = await store.reviews.forDocument(id, { kind: kind as ItemKind | undefined, start: int(q, 'start'), end: int(q, 'end'), nth: int(q, 'nth', 99) });
    if (!out) throw new HttpError(404, 'E_NOT_FOUND', `no document with id "${id.slice(0, 80)}"`, 'id');
    sendJson(req, res, 200, out);
  });
  route('GET', '/api/reviews/queue', ['limit', 'document'], async (req, res, _p, q) => {
    const opts = { limit: int(q, 'limit', 1000), document: q.get('document') || undefined };
    sendJson(req, res, 200, await store.reviews.queue({ ...opts, disagree: await ctx.disagreement?.() }));
  });
}
