// SQLite's item writer (sql/write-analysis.ts, ItemWriter): each row inserted by a prepared statement
// kept for the process, one per table and column list. Through kysely every document's rows were a
// query built, compiled to SQL text and prepared anew (a multi-row INSERT's text differs with its
// row count, so the statement cache seldom held it): most of the main thread's time in an ingest.
// better-sqlite3 runs on the same connection as kysely, so the rows land in its open transaction.
import type Database from 'better-sqlite3';
import type { ItemWriter } from '../sql/write-analysis.js';

/** Statements kept at most (tables × column lists seen: a handful in practice). */
const MAX_STATEMENTS = 64;

export function sqliteItemWriter(raw: Database.Database): ItemWriter {
  const statements = new Map<string, { st: Database.Statement; columns: string[] }>();
  const statement = (table: string, columns: string[]) => {
    const key = `${table}(${columns.join(',')})`;
    let s = statements.get(key);
    if (!s) {
      const names = ['doc_key', ...columns].map((c) => `"${c}"`).join(', ');
      const marks = new Array(columns.length + 1).fill('?').join(', ');
      s = { st: raw.prepare(`INSERT INTO "${table}" (${names}) VALUES (${marks})`), columns };
      if (statements.size < MAX_STATEMENTS) statements.set(key, s);
    }
    return s;
  };
  return (_db, table, key, rows) => {
    // the columns any row gives a value, as kysely's INSERT names them (the others are NULL)
    const seen = new Set<string>();
    for (const r of rows) for (const c in r) if (r[c] !== undefined) seen.add(c);
    const { st, columns } = statement(table, [...seen]);
    const values: unknown[] = new Array(columns.length + 1);
    values[0] = key;
    for (const r of rows) {
      for (let i = 0; i < columns.length; i++) values[i + 1] = r[columns[i]] ?? null;
      st.run(values);
    }
  };
}
