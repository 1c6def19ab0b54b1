// Listing documents: filtered (outlet, language, days, words of the title or text through the
// database's full-text index), sorted by the database (newest, oldest, outlet, most claims) and paged
// there, so that the dashboard pages through any number of documents without loading them.
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import { COUNT_CAP, normalizePaging, type DocumentFilter, type DocumentSort, type DocumentSummary, type Page } from '../store.js';
import type { SqlDialect } from './dialects.js';
import { docSummary } from './read.js';
import type { Ledger } from './schema.js';
import { documentWhere, whereAll } from './where.js';

/**
 * Documents d with their analysis a: the columns a summary reads (never the text itself). Every
 * document is stored with its analysis (one transaction), so the inner join loses none; it lets the
 * most-claims order walk the analyses' index.
 */
export function documentsWithAnalysis(db: Kysely<Ledger>, join: 'left' | 'inner' = 'left') {
  const from = db.selectFrom('documents as d');
  return (join === 'inner' ? from.innerJoin('analyses as a', 'a.doc_key', 'd.key') : from.leftJoin('analyses as a', 'a.doc_key', 'd.key'))
    .select(['d.key', 'd.id', 'd.hash', 'd.title', 'd.outlet', 'd.published', 'd.url', 'd.reference_date', 'd.ingested_at', 'd.origin'])
    .select(['a.lang', 'a.errors', 'a.n_claims', 'a.n_places', 'a.n_actors', 'a.n_statements', 'a.n_events', 'a.n_framing'])
    .select(sql<number>`length(d.text)`.as('chars'));
}

type DocQuery = ReturnType<typeof documentsWithAnalysis>;
type AnyQuery = SelectQueryBuilder<any, any, any>;

/** The ORDER BY of each sort over these columns; the key last, so that pages never overlap. */
function sorted<Q extends AnyQuery>(q: Q, sort: DocumentSort, col: { published: string; outlet: string; claims: string; key: string }): Q {
  const newest = (x: AnyQuery) => x.orderBy(sql.ref(col.published), (o) => o.desc().nullsLast()).orderBy(sql.ref(col.key));
  switch (sort) {
    case 'published-asc':
      return q.orderBy(sql.ref(col.published), (o) => o.asc().nullsLast()).orderBy(sql.ref(col.key)) as Q;
    case 'outlet':
      return newest(q.orderBy(sql.ref(col.outlet), (o) => o.asc().nullsLast())) as Q;
    case 'claims':
      // ties in the order stored: (n_claims, doc_key) is one index walk, published would sort them all
      return q.orderBy(sql.ref(col.claims), (o) => o.desc().nullsLast()).orderBy(sql.ref(col.key)) as Q;
    default:
      return newest(q) as Q;
  }
}

/** fullText: the ledger has migration 8's full-text index (else q is a substring of the title or id). */
export async function listDocuments(db: Kysely<Ledger>, dialect: SqlDialect, filter: DocumentFilter, fullText = true): Promise<Page<DocumentSummary>> {
  const { limit, offset } = normalizePaging(filter);
  const where = documentWhere(filter, dialect, fullText);
  const sort = filter.sort ?? 'published-desc';
  // Analyses are joined where the language filter or the most-claims order reads them (inner: every
  // document is stored with its analysis, and the order then walks the analyses' index).
  const base = (forOrder: boolean) => {
    const from = db.selectFrom('documents as d');
    if (forOrder && sort === 'claims') return from.innerJoin('analyses as a', 'a.doc_key', 'd.key') as unknown as DocQuery;
    return (filter.lang ? from.leftJoin('analyses as a', 'a.doc_key', 'd.key') : from) as unknown as DocQuery;
  };
  // The count stops at the cap (or the page's end), as claims do: a common word or an outlet may match
  // most of a large ledger.
  const cap = Math.max(COUNT_CAP, offset + limit);
  const matching = whereAll(base(false).select(sql<number>`1`.as('one')), where);
  const count = db.selectFrom(matching.limit(cap + 1).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // The page's keys first, sorted and cut in the database, then their summaries: a search that
  // matches most documents sorts their keys only, and joins the 50 it shows.
  const keyCols = sort === 'claims' ? ['d.key', 'd.published', 'd.outlet', 'a.n_claims'] : ['d.key', 'd.published', 'd.outlet'];
  const keys = sorted(whereAll(base(true).clearSelect().select(keyCols as never), where), sort, { published: 'd.published', outlet: 'd.outlet', claims: 'a.n_claims', key: sort === 'claims' ? 'a.doc_key' : 'd.key' })
    .limit(limit)
    .offset(offset)
    .as('k');
  const summaries = documentsWithAnalysis(db).innerJoin(keys, 'k.key', 'd.key') as unknown as AnyQuery;
  const page = sorted(summaries, sort, { published: 'k.published', outlet: 'k.outlet', claims: sort === 'claims' ? 'k.n_claims' : 'a.n_claims', key: 'k.key' }).execute();
  // at once: on PostgreSQL two connections of the pool
  const [n, rows] = await Promise.all([count, page]);
  const counted = Number(n.n);
  const capped = counted > cap;
  return { total: capped ? cap : counted, limit, offset, items: rows.map((r: Record<string, unknown>) => docSummary(r)), ...(capped && { capped: true }) };
}
