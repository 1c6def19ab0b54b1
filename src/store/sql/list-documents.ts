// Listing documents: filtered (outlet, language, days, words of the title or text through the
// database's full-text index), sorted by the database (newest, oldest, outlet, most claims) and paged
// there, so that the dashboard pages through any number of documents without loading them.
import { sql, type Kysely } from 'kysely';
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

/** The ORDER BY of each sort; the key last, so that pages never overlap. */
function sorted(q: DocQuery, sort: DocumentSort): DocQuery {
  const newest = (x: DocQuery) => x.orderBy('d.published', (o) => o.desc().nullsLast()).orderBy('d.key');
  switch (sort) {
    case 'published-asc':
      return q.orderBy('d.published', (o) => o.asc().nullsLast()).orderBy('d.key');
    case 'outlet':
      return newest(q.orderBy('d.outlet', (o) => o.asc().nullsLast()));
    case 'claims':
      // ties in the order stored: (n_claims, doc_key) is one index walk, published would sort them all
      return q.orderBy('a.n_claims', (o) => o.desc().nullsLast()).orderBy('a.doc_key').orderBy('d.key');
    default:
      return newest(q);
  }
}

export async function listDocuments(db: Kysely<Ledger>, dialect: SqlDialect, filter: DocumentFilter): Promise<Page<DocumentSummary>> {
  const { limit, offset } = normalizePaging(filter);
  const where = documentWhere(filter, dialect);
  // The count joins analyses only when the language filter reads it. With words to search it stops at
  // the cap (or the page's end), as claims do: a common word matches nearly every document.
  const docs = filter.lang ? db.selectFrom('documents as d').leftJoin('analyses as a', 'a.doc_key', 'd.key') : db.selectFrom('documents as d');
  const cap = filter.q ? Math.max(COUNT_CAP, offset + limit) : null;
  const matching = whereAll((docs as DocQuery).select(sql<number>`1`.as('one')), where);
  const counted = Number((await db.selectFrom((cap ? matching.limit(cap + 1) : matching).as('m')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const sort = filter.sort ?? 'published-desc';
  const rows = await sorted(whereAll(documentsWithAnalysis(db, sort === 'claims' ? 'inner' : 'left') as DocQuery, where), sort)
    .limit(limit)
    .offset(offset)
    .execute();
  const capped = cap != null && counted > cap;
  return { total: capped ? cap : counted, limit, offset, items: rows.map((r) => docSummary(r)), ...(capped && { capped: true }) };
}
