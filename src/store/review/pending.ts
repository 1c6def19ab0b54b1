// The pending part of the review queue: claims and events ranked (rank.ts), then places. Each item
// carries its real nth (its place among the items of its kind at the same span), so that acting on
// it from the queue acts on that item.
//
// Cheap on a big ledger: the database returns a bounded pool (the largest pending figures, a few
// times more than asked, and the pending claims the figure board shows disagreeing); the score is
// computed on that pool only. A small figure with weak rules below the pool is left for later pages.
import { sql, type Kysely } from 'kysely';
import type { Ledger } from '../sql/schema.js';
import { claimFlags, claimScore, nthOf, spanKey, weakRules, type Disagreement } from './rank.js';
import type { QueueItem } from './wire.js';

type Db = Kysely<Ledger>;

export interface PendingOpts {
  limit: number;
  document?: string;
  disagree?: Disagreement[];
}

const CHUNK = 200;

export async function pendingItems(db: Db, opts: PendingOpts): Promise<QueueItem[]> {
  const left = opts.limit;
  if (left <= 0) return [];
  const doc = <Q extends { where: (...a: any[]) => Q }>(q: Q): Q => (opts.document ? q.where('d.id', '=', opts.document) : q);
  const claimCols = ['d.id as doc_id', 'd.title', 'c.doc_key', 'c.idx', 'c.start', 'c.end', 'c.text', 'c.category', 'c.value_min', 'c.value_max', 'c.hedged', 'c.approx', 'c.source_name', 'c.evidence'] as const;
  const pool = Math.min(2000, left * 3 + 50);
  const claims = await doc(db.selectFrom('claims as c').innerJoin('documents as d', 'd.key', 'c.doc_key'))
    .select([...claimCols])
    .where('c.reviewed', 'is', null)
    .orderBy(sql`COALESCE(c.value_max, c.value_min)`, (o) => o.desc().nullsLast())
    .orderBy(sql`c.hedged + c.approx`, 'desc')
    .orderBy('d.key')
    .orderBy('c.idx')
    .limit(pool)
    .execute();
  // (the largest disagreeing figures only, as many as the pool: a board of many disputes stays cheap)
  const disputes = (opts.disagree ?? []).filter((x) => !opts.document || x.documentId === opts.document);
  if (disputes.length > pool) disputes.sort((a, b) => (b.value ?? -1) - (a.value ?? -1)).splice(pool);
  const disagree = new Map(disputes.map((x) => [spanKey(x.documentId, x.start, x.end), x.note]));
  if (disagree.size) {
    const seen = new Set(claims.map((c) => `${c.doc_key}:${c.idx}`));
    const ids = [...new Set([...disagree.keys()].map((k) => k.split('\u0000')[0]))];
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows = await db
        .selectFrom('claims as c')
        .innerJoin('documents as d', 'd.key', 'c.doc_key')
        .select([...claimCols])
        .where('c.reviewed', 'is', null)
        .where('d.id', 'in', ids.slice(i, i + CHUNK))
        .execute();
      for (const r of rows) if (disagree.has(spanKey(r.doc_id, r.start, r.end)) && !seen.has(`${r.doc_key}:${r.idx}`)) claims.push(r);
    }
  }
  const events = await doc(db.selectFrom('events as e').innerJoin('documents as d', 'd.key', 'e.doc_key'))
    .select(['d.id as doc_id', 'd.title', 'd.text', 'e.doc_key', 'e.idx', 'e.start', 'e.end', 'e.type', 'e.subtype', 'e.fatalities'])
    .where('e.reviewed', 'is', null)
    .orderBy('e.fatalities', (o) => o.desc().nullsLast())
    .orderBy('d.key')
    .orderBy('e.idx')
    .limit(left)
    .execute();
  const ranked = [
    ...claims.map((c) => {
      const value = c.value_max ?? c.value_min ?? null;
      const facts = { value: value == null ? null : Number(value), hedged: Boolean(Number(c.hedged)), approx: Boolean(Number(c.approx)), weak: weakRules(c.evidence), disagree: disagree.get(spanKey(c.doc_id, c.start, c.end)) ?? null };
      const reason = [c.category, facts.disagree ? `sources disagree (${facts.disagree})` : null, facts.weak.length ? `weak rule: ${facts.weak.join(', ')}` : null, facts.hedged ? 'hedged' : null, facts.approx ? 'approximate' : null, c.source_name ? null : 'no source'];
      return {
        score: claimScore(facts),
        row: { table: 'claims' as const, doc_key: c.doc_key, idx: c.idx },
        item: { documentId: c.doc_id, title: c.title ?? null, kind: 'claim' as const, start: c.start, end: c.end, nth: 0, text: c.text, status: 'pending' as const, reason: reason.filter(Boolean).join(', '), flags: claimFlags({ ...facts, noSource: !c.source_name }), value, review: null },
      };
    }),
    ...events.map((e) => ({
      score: e.fatalities == null ? -1 : Math.log10(Number(e.fatalities) + 1),
      row: { table: 'events' as const, doc_key: e.doc_key, idx: e.idx },
      item: { documentId: e.doc_id, title: e.title ?? null, kind: 'event' as const, start: e.start, end: e.end, nth: 0, text: e.text.slice(e.start, e.end), status: 'pending' as const, reason: `${e.type}${e.subtype ? ` / ${e.subtype}` : ''}`, flags: [], value: e.fatalities ?? null, review: null },
    })),
  ]
    .sort((a, b) => b.score - a.score)
    .slice(0, left);
  const out: { row: { table: 'claims' | 'events' | 'places'; doc_key: number; idx: number }; item: QueueItem }[] = [...ranked];
  if (ranked.length < left) {
    const places = await doc(db.selectFrom('places as p').innerJoin('documents as d', 'd.key', 'p.doc_key'))
      .select(['d.id as doc_id', 'd.title', 'p.doc_key', 'p.idx', 'p.start', 'p.end', 'p.text', 'p.name', 'p.precision', 'p.geoname_id'])
      .where('p.reviewed', 'is', null)
      .orderBy(sql`CASE WHEN p.geoname_id IS NULL THEN 0 ELSE 1 END`)
      .orderBy('d.key')
      .orderBy('p.idx')
      .limit(left - ranked.length)
      .execute();
    for (const p of places) {
      const item: QueueItem = { documentId: p.doc_id, title: p.title ?? null, kind: 'place', start: p.start, end: p.end, nth: 0, text: p.text, status: 'pending', reason: p.geoname_id == null ? 'not in the gazetteer' : `${p.name}, precision ${p.precision}`, flags: p.geoname_id == null ? ['not in the gazetteer'] : [], value: null, review: null };
      out.push({ row: { table: 'places', doc_key: p.doc_key, idx: p.idx }, item });
    }
  }
  await setNth(db, out);
  return out.map((o) => o.item);
}

/** Sets each item's nth from the items of its table at the same span (one query per table). */
async function setNth(db: Db, out: { row: { table: 'claims' | 'events' | 'places'; doc_key: number; idx: number }; item: QueueItem }[]): Promise<void> {
  for (const table of ['claims', 'events', 'places'] as const) {
    const mine = out.filter((o) => o.row.table === table);
    if (!mine.length) continue;
    const keys = [...new Set(mine.map((o) => o.row.doc_key))];
    const starts = [...new Set(mine.map((o) => o.item.start))];
    const rows: { doc_key: number; idx: number; start: number; end: number }[] = [];
    for (let i = 0; i < keys.length; i += CHUNK) {
      rows.push(
        ...(await db
          .selectFrom(`${table} as t` as 'claims as t')
          .select(['t.doc_key', 't.idx', 't.start', 't.end'])
          .where('t.doc_key', 'in', keys.slice(i, i + CHUNK))
          .where('t.start', 'in', starts.length <= CHUNK ? starts : [...new Set(mine.filter((o) => keys.slice(i, i + CHUNK).includes(o.row.doc_key)).map((o) => o.item.start))])
          .execute()),
      );
    }
    const nth = nthOf(rows.map((r) => ({ doc_key: Number(r.doc_key), idx: Number(r.idx), start: Number(r.start), end: Number(r.end) })));
    for (const o of mine) o.item.nth = nth(Number(o.row.doc_key), Number(o.row.idx), o.item.start, o.item.end);
  }
}
