// Claim and event filters (filters.ts parses them) as SQL conditions, written once for both
// databases: kysely's sql fragments bind the values as each driver wants them (? or $n).
import { sql, type Kysely, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Ledger } from './schema.js';
import type { ClaimFilter, DocumentFilter } from '../store.js';
import type { SqlDialect } from './dialects.js';

type Cond = RawBuilder<SqlBool>;

/** A case-insensitive substring test; LIKE's own characters in the value match literally. */
export function contains(column: string, value: string): Cond {
  const pattern = '%' + value.toLowerCase().replace(/[\\%_]/g, (m) => '\\' + m) + '%';
  return sql<SqlBool>`lower(${sql.ref(column)}) LIKE ${pattern} ESCAPE '\\'`;
}

const any = (conds: Cond[]): Cond => sql<SqlBool>`(${sql.join(conds, sql` OR `)})`;
/** q restricted by every condition; q itself when there is none (SQLite counts a table fastest with no WHERE at all). */
export function whereAll<Q extends SelectQueryBuilder<any, any, any>>(q: Q, conds: Cond[]): Q {
  return conds.length ? (q.where(sql<SqlBool>`${sql.join(conds, sql` AND `)}`) as Q) : q;
}

export interface Where {
  conds: Cond[];
  /** A condition reads the document (d), so the query must join it. */
  needsDoc: boolean;
}

/**
 * The conditions of a filter over claims (alias c) or events (alias e), joined with documents d
 * when needsDoc says so.
 */
export function itemWhere(f: RunFilter, alias: 'c' | 'e', dialect: SqlDialect): Where {
  const conds: Cond[] = [];
  let needsDoc = false;
  const col = (name: string) => `${alias}.${name}`;
  if (f.category?.length) conds.push(sql<SqlBool>`${sql.ref(col('category'))} IN (${sql.join(f.category)})`);
  if (alias === 'c' && f.source) conds.push(any([contains('c.source_name', f.source), contains('c.source_id', f.source)]));
  if (f.outlet) {
    needsDoc = true;
    conds.push(contains('d.outlet', f.outlet));
  }
  if (f.place) {
    if (/^\d+$/.test(f.place)) {
      const lhs = alias === 'c' ? sql.ref('c.place_geoname_id') : dialect.jsonNumber('e.place', 'geonameId');
      conds.push(sql<SqlBool>`${lhs} = ${Number(f.place)}`);
    } else conds.push(contains(col('place_name'), f.place));
  }
  if (f.since) conds.push(sql<SqlBool>`${sql.ref(col('day'))} >= ${f.since}`);
  if (f.until) conds.push(sql<SqlBool>`${sql.ref(col('day'))} <= ${f.until}`);
  if (f.q) {
    if (alias === 'c') {
      // search is stored lower-cased: no lower() here, so that nothing stands between LIKE and the column
      const pattern = '%' + f.q.toLowerCase().replace(/[\\%_]/g, (m) => '\\' + m) + '%';
      conds.push(sql<SqlBool>`c.search LIKE ${pattern} ESCAPE '\\'`);
    } else {
      needsDoc = true;
      conds.push(any([contains('e.type', f.q), contains('e.subtype', f.q), contains('d.title', f.q)]));
    }
  }
  if (f.document) {
    needsDoc = true;
    conds.push(sql<SqlBool>`d.id = ${f.document}`);
  }
  const r = reviewedWhere(f, alias);
  if (r) conds.push(r);
  return { conds, needsDoc };
}

/** The document-level part of a filter, for places (alias p): outlet, document, place. */
export function placeWhere(f: RunFilter): Cond[] {
  const conds: Cond[] = [];
  if (f.outlet) conds.push(contains('d.outlet', f.outlet));
  if (f.document) conds.push(sql<SqlBool>`d.id = ${f.document}`);
  if (f.place) {
    if (/^\d+$/.test(f.place)) conds.push(sql<SqlBool>`p.geoname_id = ${Number(f.place)}`);
    else conds.push(contains('p.name', f.place));
  }
  const r = reviewedWhere(f, 'p');
  if (r) conds.push(r);
  return conds;
}

/**
 * A filter as the store runs it: noRejected says the table holds no rejected item (checked first
 * through the partial index on reviewed), so that hiding them costs no condition at all: a test
 * of reviewed on every row made listing 100,000 claims five times slower.
 */
export type RunFilter = ClaimFilter & { noRejected?: boolean };

/** The filter as run over these tables: noRejected when none of them holds a rejected item. */
export async function runFilter(db: Kysely<Ledger>, f: ClaimFilter, tables: readonly ('claims' | 'places' | 'events')[]): Promise<RunFilter> {
  if (f.reviewed?.length) return f;
  for (const t of tables) if (await db.selectFrom(t).select('doc_key').where('reviewed', '=', 'rejected').limit(1).executeTakeFirst()) return f;
  return { ...f, noRejected: true };
}

/** The review status condition: the statuses asked for, else everything but rejected (none when there are none). */
export function reviewedWhere(f: RunFilter, alias: string): Cond | null {
  const col = sql.ref(`${alias}.reviewed`);
  if (!f.reviewed?.length) return f.noRejected ? null : sql<SqlBool>`(${col} IS NULL OR ${col} <> 'rejected')`;
  const set = f.reviewed.filter((r) => r !== 'pending');
  const parts: Cond[] = [];
  if (f.reviewed.includes('pending')) parts.push(sql<SqlBool>`${col} IS NULL`);
  if (set.length) parts.push(sql<SqlBool>`${col} IN (${sql.join(set)})`);
  return any(parts);
}

/** The words of a search, as the full-text indexes hold them: lower-case runs of letters and digits. */
export function searchWords(q: string): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 32);
}

/** Conditions over documents d (and analyses a, for the language: the caller joins it). */
export function documentWhere(f: DocumentFilter, dialect: SqlDialect, fullText = true): Cond[] {
  const conds: Cond[] = [];
  if (f.outlet) conds.push(contains('d.outlet', f.outlet));
  if (f.lang) conds.push(sql<SqlBool>`a.lang = ${f.lang.toLowerCase()}`);
  if (f.q && !fullText) conds.push(any([contains('d.title', f.q), contains('d.id', f.q)]));
  else if (f.q) {
    // the words of the title or text (full text, in the database), or the document's exact id
    const words = searchWords(f.q);
    const byId = sql<SqlBool>`d.id = ${f.q}`;
    conds.push(words.length ? any([dialect.fullText(words), byId]) : byId);
  }
  if (f.since) conds.push(sql<SqlBool>`d.published >= ${f.since}`);
  if (f.until) conds.push(sql<SqlBool>`d.published <= ${f.until}`);
  return conds;
}
