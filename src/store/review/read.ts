// Reading reviews: one document's decisions and history, and the review queue (what needs a look
// first, then pending items by what matters most).
import { sql, type Kysely } from 'kysely';
import type { Ledger } from '../sql/schema.js';
import { TABLE_OF } from './fields.js';
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

/**
 * The queue: first the accepted or corrected items an analysis no longer produces at their span
 * (needs a look), then pending claims and events by size (the largest toll first; at equal size a
 * hedged or approximate figure, the machine's least sure, first), then pending places.
 */
export async function reviewQueue(db: Db, opts: { limit?: number; document?: string } = {}): Promise<ReviewQueue> {
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
        value: null,
        review: recordOf(r as Row, r.doc_id),
      });
    }
  }
  const needsLook = items.length;
  const left = () => limit - items.length;
  const doc = <Q extends { where: (...a: any[]) => Q }>(q: Q): Q => (opts.document ? q.where('d.id', '=', opts.document) : q);
  if (left() > 0) {
    const claims = await doc(db.selectFrom('claims as c').innerJoin('documents as d', 'd.key', 'c.doc_key'))
      .select(['d.id as doc_id', 'd.title', 'c.start', 'c.end', 'c.text', 'c.category', 'c.value_min', 'c.value_max', 'c.hedged', 'c.approx', 'c.source_name'])
      .where('c.reviewed', 'is', null)
      .orderBy(sql`COALESCE(c.value_max, c.value_min)`, (o) => o.desc().nullsLast())
      .orderBy(sql`c.hedged + c.approx`, 'desc')
      .orderBy('d.key')
      .orderBy('c.idx')
      .limit(left())
      .execute();
    const events = await doc(db.selectFrom('events as e').innerJoin('documents as d', 'd.key', 'e.doc_key'))
      .select(['d.id as doc_id', 'd.title', 'd.text', 'e.start', 'e.end', 'e.type', 'e.subtype', 'e.fatalities'])
      .where('e.reviewed', 'is', null)
      .orderBy('e.fatalities', (o) => o.desc().nullsLast())
      .orderBy('d.key')
      .orderBy('e.idx')
      .limit(left())
      .execute();
    const ranked = [
      ...claims.map((c) => ({
        score: Number(c.value_max ?? c.value_min ?? -1),
        tie: Number(c.hedged) + Number(c.approx),
        item: { documentId: c.doc_id, title: c.title ?? null, kind: 'claim' as const, start: c.start, end: c.end, nth: 0, text: c.text, status: 'pending' as const, reason: `${c.category}${c.hedged ? ', hedged' : ''}${c.approx ? ', approximate' : ''}${c.source_name ? '' : ', no source'}`, value: c.value_max ?? c.value_min ?? null, review: null },
      })),
      ...events.map((e) => ({
        score: Number(e.fatalities ?? -1),
        tie: 0,
        item: { documentId: e.doc_id, title: e.title ?? null, kind: 'event' as const, start: e.start, end: e.end, nth: 0, text: e.text.slice(e.start, e.end), status: 'pending' as const, reason: `${e.type}${e.subtype ? ` / ${e.subtype}` : ''}`, value: e.fatalities ?? null, review: null },
      })),
    ].sort((a, b) => b.score - a.score || b.tie - a.tie);
    items.push(...ranked.slice(0, left()).map((r) => r.item));
  }
  if (left() > 0) {
    const places = await doc(db.selectFrom('places as p').innerJoin('documents as d', 'd.key', 'p.doc_key'))
      .select(['d.id as doc_id', 'd.title', 'p.start', 'p.end', 'p.text', 'p.name', 'p.precision', 'p.geoname_id'])
      .where('p.reviewed', 'is', null)
      .orderBy(sql`CASE WHEN p.geoname_id IS NULL THEN 0 ELSE 1 END`)
      .orderBy('d.key')
      .orderBy('p.idx')
      .limit(left())
      .execute();
    for (const p of places) {
      items.push({ documentId: p.doc_id, title: p.title ?? null, kind: 'place', start: p.start, end: p.end, nth: 0, text: p.text, status: 'pending', reason: p.geoname_id == null ? 'not in the gazetteer' : `${p.name}, precision ${p.precision}`, value: null, review: null });
    }
  }
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
  return { done, total, needsLook, items };
}
