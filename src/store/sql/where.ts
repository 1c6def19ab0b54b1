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
    conds.push(outletCond(f));
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
  if (f.outlet) conds.push(outletCond(f));
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
export type RunFilter = ClaimFilter & { noRejected?: boolean; outlets?: string[] };

/** The filter as run over these tables: noRejected when none of them holds a rejected item; the outlets the outlet filter names. */
export async function runFilter(db: Kysely<Ledger>, given: ClaimFilter, tables: readonly ('claims' | 'places' | 'events')[]): Promise<RunFilter> {
  const f: RunFilter = { ...given };
  if (f.outlet) {
    const names = await namesMatching(db, 'documents', 'outlet', f.outlet);
    if (names) f.outlets = names;
  }
  if (f.reviewed?.length) return f;
  for (const t of tables) if (await db.selectFrom(t).select('doc_key').where('reviewed', '=', 'rejected').limit(1).executeTakeFirst()) return f;
  return { ...f, noRejected: true };
}

/** Distinct outlets read by one index probe each; past this many the substring test runs on the documents instead. */
const MAX_NAMES = 2000;

/**
 * The outlets that hold the value, by the same test as on each document, run on each distinct outlet:
 * a ledger has few outlets and many documents, so that the filter becomes an equality the outlet
 * index answers, instead of a test of every document's outlet. Null past MAX_NAMES distinct outlets.
 * (Not for sources: a ledger names thousands, and a correction may rename one; see the README.)
 */
async function namesMatching(db: Kysely<Ledger>, table: 'documents', column: 'outlet', value: string): Promise<string[] | null> {
  const [t, c] = [sql.table(table), sql.ref(column)];
  // the distinct values, each the next one up the column's index (a loose index scan, in both databases)
  const rows = await sql<{ v: string | null; n: number }>`
    WITH RECURSIVE o(v, n) AS (
      SELECT (SELECT MIN(${c}) FROM ${t}), 1
      UNION ALL
      SELECT (SELECT MIN(${c}) FROM ${t} WHERE ${c} > o.v), n + 1 FROM o WHERE o.v IS NOT NULL AND n <= ${MAX_NAMES}
    )
    SELECT v, n FROM o WHERE v IS NOT NULL AND (n > ${MAX_NAMES} OR ${contains('v', value)})`.execute(db);
  if (rows.rows.some((r) => Number(r.n) > MAX_NAMES)) return null;
  return rows.rows.map((r) => r.v!);
}

const inList = (column: string, values: string[]): Cond => (values.length ? sql<SqlBool>`${sql.ref(column)} IN (${sql.join(values)})` : sql<SqlBool>`1 = 0`);

/** The outlet filter: the matching outlets by name (equality), else the substring test. */
function outletCond(f: RunFilter): Cond {
  return f.outlets ? inList('d.outlet', f.outlets) : contains('d.outlet', f.outlet!);
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
