// The figure board kept in the database (migration 9), written once for SQLite and PostgreSQL. The
// board's groups are rows of board_groups (each its summary as JSON text, ranked by reports), so
// that a page of the board is one indexed read whatever the size of the ledger. What changed since
// the board was last brought up to date is known without reading the ledger: every stored analysis
// marks its document in board_dirty (write-analysis.ts), every review adds a review_history row past
// board_state.review_seq. The comparison itself is src/compare/from-store.ts (refreshBoard): it asks
// here for the days each changed document touches, the documents of a span of days, and replaces the
// groups of that span.
import { sql, type Kysely } from 'kysely';
import type { BoardGroupRow, BoardLedger, BoardPending, BoardSpan, DocumentDetail, StoredPlace } from '../store.js';
import { fromRow, PLACE_COLUMNS, STATEMENT_COLUMNS } from '../rows.js';
import { claimRow, docSummary, reviewedOf } from './read.js';
import type { Ledger } from './schema.js';

type Db = Kysely<Ledger>;
type Row = Record<string, unknown>;
/** Keys per IN (...) list: well under both databases' limits on bound values. */
const IN_CHUNK = 500;

const chunks = <T>(xs: T[], n = IN_CHUNK): T[][] => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

export class SqlBoard implements BoardLedger {
  constructor(
    private readonly db: Db,
    private readonly write: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
    private readonly hasTable: (table: string) => Promise<boolean>,
  ) {}

  private tables: Promise<boolean> | null = null;
  available(): Promise<boolean> {
    return (this.tables ??= this.hasTable('board_state'));
  }

  async pending(limit = 2000): Promise<BoardPending> {
    const dirty = await this.db.selectFrom('board_dirty').select(['doc_key', 'mark']).orderBy('doc_key').limit(limit).execute();
    const state = await this.db.selectFrom('board_state').select(['review_seq', 'replaced']).where('id', '=', 1).executeTakeFirst();
    const seq = Number(state?.review_seq ?? 0);
    const last = await this.db.selectFrom('review_history').select((eb) => eb.fn.max('id').as('n')).executeTakeFirst();
    const reviewSeq = Math.max(seq, Number(last?.n ?? 0));
    const reviewed =
      reviewSeq > seq
        ? await this.db
            .selectFrom('review_history as h')
            .innerJoin('documents as d', 'd.hash', 'h.doc_hash')
            .select('d.key')
            .distinct()
            .where('h.id', '>', seq)
            .where('h.id', '<=', reviewSeq)
            .execute()
        : [];
    return { dirty: dirty.map((r) => ({ docKey: Number(r.doc_key), mark: Number(r.mark) })), reviewSeq, reviewed: reviewed.map((r) => Number(r.key)), replaced: Number(state?.replaced ?? 0) };
  }

  async spans(docKeys: number[]): Promise<BoardSpan[]> {
    const out: BoardSpan[] = [];
    for (const keys of chunks([...new Set(docKeys)])) {
      const days = await this.db.selectFrom('claims').select(['category', 'day']).distinct().where('doc_key', 'in', keys).where('day', 'is not', null).execute();
      for (const r of days) out.push({ categories: [r.category], from: r.day!, until: r.day! });
      const groups = await this.db
        .selectFrom('board_members as m')
        .innerJoin('board_groups as g', 'g.id', 'm.group_id')
        .select(['g.category', 'g.day_from', 'g.day_until'])
        .distinct()
        .where('m.doc_key', 'in', keys)
        .execute();
      for (const g of groups) out.push({ categories: [g.category], from: g.day_from, until: g.day_until });
    }
    return out;
  }

  async closure(span: BoardSpan): Promise<BoardSpan> {
    let { from, until } = span;
    for (;;) {
      const r = await this.db
        .selectFrom('board_groups')
        .select((eb) => [eb.fn.min('day_from').as('from'), eb.fn.max('day_until').as('until')])
        .where('category', 'in', span.categories)
        .where('day_until', '>=', from)
        .where('day_from', '<=', until)
        .executeTakeFirst();
      const f = r?.from != null && String(r.from) < from ? String(r.from) : from;
      const u = r?.until != null && String(r.until) > until ? String(r.until) : until;
      if (f === from && u === until) return { categories: span.categories, from, until };
      [from, until] = [f, u];
    }
  }

  async dayCounts(span: BoardSpan): Promise<{ day: string; n: number }[]> {
    const rows = await this.db
      .selectFrom('claims')
      .select((eb) => ['day', eb.fn.countAll().as('n')])
      .where('category', 'in', span.categories)
      .where('day', '>=', span.from)
      .where('day', '<=', span.until)
      .groupBy('day')
      .orderBy('day')
      .execute();
    return rows.map((r) => ({ day: r.day!, n: Number(r.n) }));
  }

  async slab(span: BoardSpan, around: { from: string; until: string }): Promise<DocumentDetail[]> {
    // the claims of the span (not rejected by an analyst), and the documents that hold them or are of the days around (denials)
    const claims = await this.db
      .selectFrom('claims as c')
      .innerJoin('documents as d', 'd.key', 'c.doc_key')
      .selectAll('c')
      .select(['d.id as doc_id', 'd.outlet', 'd.title', 'd.published'])
      .where('c.category', 'in', span.categories)
      .where('c.day', '>=', span.from)
      .where('c.day', '<=', span.until)
      .where(sql<boolean>`(c.reviewed IS NULL OR c.reviewed <> 'rejected')`)
      .execute();
    // (a document's day is its reference date or its publication day; the second bound takes in a time of day)
    const until = around.until + '~';
    const near = await this.db
      .selectFrom('documents')
      .select('key as doc_key')
      .where((eb) => eb.or([eb.and([eb('published', '>=', around.from), eb('published', '<=', until)]), eb.and([eb('reference_date', '>=', around.from), eb('reference_date', '<=', until)])]))
      .execute();
    const keys = [...new Set([...claims.map((c) => Number(c.doc_key)), ...near.map((r) => Number(r.doc_key))])];
    const byKey = new Map<number, DocumentDetail>();
    for (const ks of chunks(keys)) {
      const docs = await this.db
        .selectFrom('documents as d')
        .leftJoin('analyses as a', 'a.doc_key', 'd.key')
        .select(['d.key', 'd.id', 'd.hash', 'd.title', 'd.outlet', 'd.published', 'd.url', 'd.reference_date', 'd.ingested_at', 'd.text', 'a.lang'])
        .where('d.key', 'in', ks)
        .execute();
      for (const d of docs) {
        // (the counts are not read: the board needs only the claims and statements loaded below)
        byKey.set(Number(d.key), {
          ...docSummary({ ...d, chars: d.text.length }),
          text: d.text,
          origin: null,
          errors: [],
          places: [],
          actors: [],
          statements: [],
          claims: [],
          events: [],
          framing: [],
          dates: [],
        } as DocumentDetail);
      }
      const places = (await this.db.selectFrom('places').selectAll().where('doc_key', 'in', ks).orderBy('doc_key').orderBy('idx').execute()) as Row[];
      for (const p of places) byKey.get(Number(p.doc_key))?.places.push({ ...fromRow(p, PLACE_COLUMNS), reviewed: reviewedOf(p.reviewed) } as unknown as StoredPlace);
      const statements = (await this.db.selectFrom('statements').selectAll().where('doc_key', 'in', ks).orderBy('doc_key').orderBy('idx').execute()) as Row[];
      for (const s of statements) byKey.get(Number(s.doc_key))?.statements.push({ ...fromRow(s, STATEMENT_COLUMNS), reviewed: reviewedOf(s.reviewed) } as never);
    }
    claims.sort((a, b) => Number(a.doc_key) - Number(b.doc_key) || Number(a.idx) - Number(b.idx));
    for (const c of claims) byKey.get(Number(c.doc_key))?.claims.push(claimRow(c as Row));
    // in the order the whole-ledger comparison read them: newest first
    return [...byKey.values()].sort((a, b) => (b.published ?? '').localeCompare(a.published ?? '') || a.key - b.key);
  }

  async replace(p: BoardPending, clear: BoardSpan | null, groups: BoardGroupRow[]): Promise<boolean> {
    return this.write(async (db) => {
      // first: the row lock orders concurrent refreshes, and one that another overtook writes nothing
      const moved = await db.updateTable('board_state').set({ replaced: p.replaced + 1 }).where('id', '=', 1).where('replaced', '=', p.replaced).executeTakeFirst();
      if (Number(moved.numUpdatedRows) !== 1) return false;
      p.replaced++;
      if (clear) {
        const inside = () => db.selectFrom('board_groups').select('id').where('category', 'in', clear.categories).where('day_from', '>=', clear.from).where('day_until', '<=', clear.until);
        await db.deleteFrom('board_members').where('group_id', 'in', inside()).execute();
        await db.deleteFrom('board_groups').where('id', 'in', inside()).execute();
      }
      for (const g of groups) {
        const r = await db
          .insertInto('board_groups')
          .values({ category: g.category, day_from: g.from, day_until: g.until, reports: g.reports, entries: g.entries, body: g.body })
          .returning('id')
          .executeTakeFirstOrThrow();
        const members = [...new Set(g.docKeys)].map((k) => ({ doc_key: k, group_id: Number(r.id) }));
        for (const part of chunks(members, 200)) await db.insertInto('board_members').values(part).execute();
      }
      return true;
    });
  }

  async done(p: BoardPending): Promise<void> {
    await this.write(async (db) => {
      for (const part of chunks(p.dirty, 200)) {
        // only the marks read: a document written again meanwhile stays dirty
        await db
          .deleteFrom('board_dirty')
          .where((eb) => eb.or(part.map((d) => eb.and([eb('doc_key', '=', d.docKey), eb('mark', '=', d.mark)]))))
          .execute();
      }
      await db.updateTable('board_state').set({ review_seq: p.reviewSeq }).where('id', '=', 1).where('review_seq', '<', p.reviewSeq).execute();
    });
  }

  async page(q: { category: string[]; minReports: number; limit: number; offset: number }): Promise<{ total: number; bodies: string[] }> {
    const base = () => {
      let b = this.db.selectFrom('board_groups').where('reports', '>=', q.minReports);
      if (q.category.length) b = b.where('category', 'in', q.category);
      return b;
    };
    const [n, rows] = await Promise.all([
      base().select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
      base().select('body').orderBy('reports', 'desc').orderBy('entries', 'desc').orderBy('id').limit(q.limit).offset(q.offset).execute(),
    ]);
    return { total: Number(n.n), bodies: rows.map((r) => r.body) };
  }

  async summary(): Promise<{ documents: number; undated: string[] }> {
    const n = await this.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    // documents with claims, none of them dated (left out of the board, and said so): a claim's day is its
    // own date, else its document's reference date or publication day, so only documents with neither can be
    const undated = await this.db
      .selectFrom('documents as d')
      .select('d.id')
      .where('d.published', 'is', null)
      .where('d.reference_date', 'is', null)
      .where(({ exists, selectFrom, not }) =>
        exists(selectFrom('claims as c').select('c.doc_key').whereRef('c.doc_key', '=', 'd.key').where(sql<boolean>`(c.reviewed IS NULL OR c.reviewed <> 'rejected')`)).and(
          not(exists(selectFrom('claims as c2').select('c2.doc_key').whereRef('c2.doc_key', '=', 'd.key').where('c2.day', 'is not', null))),
        ),
      )
      .orderBy('d.key')
      .execute();
    return { documents: Number(n.n), undated: undated.map((r) => r.id) };
  }
}
