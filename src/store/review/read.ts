// Reading reviews: one document's decisions and history, and the review queue (what needs a look
// first, then pending items by what matters most).
import { sql, type Kysely } from 'kysely';
import type { Ledger } from '../sql/schema.js';
import { TABLE_OF } from './fields.js';
import { pendingItems } from './pending.js';
import type { Disagreement } from './rank.js';
import { recordOf } from './reviews.js';
import { ITEM_KINDS, type DocumentReviews, type HistoryEntry, type ItemKind, type QueueItem, type ReviewQueue } from './wire.js';

type Db = Kysely<Ledger>;
type Row = Record<string, unknown>;

/** One document's reviews and their history (oldest first); optionally one item's. */
export async function documentReviews(db: Db, documentId: string, item?: { kind?: ItemKind; start?: number; end?: number; nth?: number }): Promise<DocumentReviews | null> {
  const d = await db.selectFrom('documents').select(['hash']).where('id', '=', documentId).executeTakeFirst();
  if (!d) return null;
  const narrow = <Q extends { where: (...a: any[]) => Q }>(q: Q): Q => {
    let out = q.where('doc_hash', '=', d.hash);
    if (item?.kind) out = out.where('kind', '=', item.kind);
    if (item?.start != null) out = out.where('start', '=', item.start);
    if (item?.end != null) out = out.where('end', '=', item.end);
    if (item?.nth != null) out = out.where('nth', '=', item.nth);
    return out;
  };
  const reviews = await narrow(db.selectFrom('reviews').selectAll()).orderBy('start').orderBy('kind').execute();
  const history = await narrow(db.selectFrom('review_history').selectAll()).orderBy('id').execute();
  return { reviews: reviews.map((r) => recordOf(r as Row, documentId)), history: history.map(historyOf) };
}

export function historyOf(h: Row): HistoryEntry {
  return {
    kind: h.kind as ItemKind,
    start: Number(h.start),
    end: Number(h.end),
    nth: Number(h.nth ?? 0),
    version: Number(h.version),
    action: h.action as HistoryEntry['action'],
    old: h.old == null ? null : JSON.parse(String(h.old)),
    new: h.new == null ? null : JSON.parse(String(h.new)),
    note: (h.note as string | null) ?? null,
    user: h.user_name as string,
    at: h.at as string,
  };
}

/** Every history entry of the ledger, oldest first, for export (`sitrep review history`). */
export async function* allHistory(db: Db): AsyncIterable<HistoryEntry & { documentId: string | null; hash: string }> {
  const q = db.selectFrom('review_history as h').leftJoin('documents as d', 'd.hash', 'h.doc_hash').selectAll('h').select('d.id as doc_id').orderBy('h.id');
  for await (const r of q.stream(500)) yield { ...historyOf(r as Row), documentId: (r.doc_id as string | null) ?? null, hash: r.doc_hash };
}

export interface QueueOpts {
  limit?: number;
  document?: string;
  /** The claims the figure board shows disagreeing (the server passes them; absent: not checked). */
  disagree?: Disagreement[];
}

/**
 * The queue: first the accepted or corrected items an analysis no longer produces at their span
 * (needs a look), then pending claims and events ranked by size, disagreement between sources and
 * the machine's confidence (pending.ts, rank.ts), then pending places.
 */
export async function reviewQueue(db: Db, opts: QueueOpts = {}): Promise<ReviewQueue> {
  const limit = Math.max(1, Math.min(1000, opts.limit ?? 50));
  const items: QueueItem[] = [];
  for (const kind of ITEM_KINDS) {
    const t = sql.table(TABLE_OF[kind]);
    let q = db
      .selectFrom('reviews as r')
      .innerJoin('documents as d', 'd.hash', 'r.doc_hash')
      .selectAll('r')
      .select(['d.id as doc_id', 'd.title', 'd.text'])
      .where('r.kind', '=', kind)
      .where('r.action', 'in', ['accept', 'correct'])
      .where(sql<boolean>`(SELECT COUNT(*) FROM ${t} t WHERE t.doc_key = d.key AND t.start = r.start AND t."end" = r."end") <= r.nth`);
    if (opts.document) q = q.where('d.id', '=', opts.document);
    for (const r of await q.orderBy('d.key').orderBy('r.start').limit(limit).execute()) {
      items.push({
        documentId: r.doc_id,
        title: r.title ?? null,
        kind,
        start: r.start,
        end: r.end,
        nth: r.nth,
        text: r.text.slice(r.start, r.end),
        status: 'needs a look',
        reason: `${r.action === 'accept' ? 'accepted' : 'corrected'} by ${r.user_name}, but the current analysis has no ${kind} at this span (no longer produced, or moved)`,
        flags: ['needs a look'],
        value: null,
        review: recordOf(r as Row, r.doc_id),
      });
    }
  }
  const needsLook = items.length;
  items.push(...(await pendingItems(db, { limit: limit - items.length, document: opts.document, disagree: opts.disagree })));
  const doc = <Q extends { where: (...a: any[]) => Q }>(q: Q): Q => (opts.document ? q.where('d.id', '=', opts.document) : q);
  const count = async (table: 'claims' | 'places' | 'events', done: boolean) => {
    let q = db.selectFrom(`${table} as i` as 'claims as i').innerJoin('documents as d', 'd.key', 'i.doc_key').select((eb) => eb.fn.countAll().as('n'));
    if (done) q = q.where('i.reviewed', 'is not', null);
    return Number((await doc(q).executeTakeFirstOrThrow()).n);
  };
  let done = 0;
  let total = 0;
  for (const t of ['claims', 'places', 'events'] as const) {
    done += await count(t, true);
    total += await count(t, false);
  }
  return { done, total, needsLook, disagreement: opts.disagree ? 'checked' : 'not checked', items };
}
