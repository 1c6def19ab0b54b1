// What differs between the two databases, and nothing else: how to open them, their migration lists,
// how a migration script is run, how a write transaction begins, and the one JSON lookup a filter
// needs. Every query is written once, in sql-store.ts, with kysely.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type RawBuilder, type SqliteDatabase, type SqlBool } from 'kysely';
import pg from 'pg';
import Cursor from 'pg-cursor';
import { PG_MIGRATIONS } from '../postgres/migrations.js';
import { MIGRATIONS, type Migration } from '../sqlite/migrations.js';
import type { Ledger } from './schema.js';

export interface SqlDialect {
  readonly name: 'sqlite' | 'postgres';
  readonly migrations: Migration[];
  /** The statements of a migration script, as the driver takes them. */
  statements(script: string): string[];
  /** Starts a write transaction (SQLite takes the write lock at once, so batches never deadlock). */
  readonly begin: string;
  /** Run first inside the migration transaction: concurrent migrators (workers starting together) wait. */
  readonly migrationLock: string | null;
  /** Before and after a migration that rebuilds a parent table (SQLite's foreign-key dance). */
  readonly rebuildBefore: string[];
  readonly rebuildAfter: string[];
  /** Foreign keys broken after a rebuild (SQLite's foreign_key_check), else empty. */
  readonly foreignKeyCheck: string | null;
  hasTable(db: Kysely<Ledger>, table: string): Promise<boolean>;
  /** A number at the top level of a JSON text column. */
  jsonNumber(column: string, key: string): RawBuilder<number | null>;
  /**
   * Documents d whose title or text hold every word (lower-case letters and digits only; the last
   * one as a prefix): SQLite's FTS5 table documents_fts, PostgreSQL's tsvector column fts (migration 8).
   */
  fullText(words: string[]): RawBuilder<SqlBool>;
}

const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  migrations: MIGRATIONS,
  // better-sqlite3 prepares one statement at a time; our migration scripts hold no ';' inside a literal.
  statements: (script) => script.split(/;\s*(?:\n|$)/).map((s) => s.trim()).filter(Boolean),
  begin: 'BEGIN IMMEDIATE',
  migrationLock: null,
  rebuildBefore: ['PRAGMA foreign_keys = OFF'],
  rebuildAfter: ['PRAGMA foreign_keys = ON'],
  foreignKeyCheck: 'PRAGMA foreign_key_check',
  async hasTable(db, table) {
    const r = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ${table}`.execute(db);
    return Number(r.rows[0]?.n ?? 0) > 0;
  },
  jsonNumber: (column, key) => sql<number | null>`json_extract(${sql.ref(column)}, ${sql.lit('$.' + key)})`,
  fullText: (words) => {
    const match = words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
    return sql<SqlBool>`d.key IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${match})`;
  },
};

const postgresDialect: SqlDialect = {
  name: 'postgres',
  migrations: PG_MIGRATIONS,
  statements: (script) => (script.trim() ? [script] : []),
  begin: 'BEGIN',
  // One key for "sitrep migrations", held to the end of the transaction.
  migrationLock: 'SELECT pg_advisory_xact_lock(7305110917)',
  rebuildBefore: [],
  rebuildAfter: [],
  foreignKeyCheck: null,
  async hasTable(db, table) {
    const r = await sql<{ ok: boolean }>`SELECT to_regclass(${table}) IS NOT NULL AS ok`.execute(db);
    return Boolean(r.rows[0]?.ok);
  },
  jsonNumber: (column, key) => sql<number | null>`(${sql.ref(column)}::jsonb ->> ${sql.lit(key)})::bigint`,
  fullText: (words) => {
    const query = words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
    return sql<SqlBool>`d.fts @@ to_tsquery('simple', ${query})`;
  },
};

export interface Opened {
  db: Kysely<Ledger>;
  dialect: SqlDialect;
  location: string;
}

/**
 * better-sqlite3 with its prepared statements kept by SQL text: kysely prepares each query it runs,
 * and preparing (parsing and planning) costs more than running most of ours. Safe because kysely
 * runs one query at a time on the connection (a stream holds it until done).
 */
function cachingStatements(raw: Database.Database): SqliteDatabase {
  const cache = new Map<string, Database.Statement>();
  return {
    close: () => raw.close(),
    prepare(text: string) {
      let st = cache.get(text);
      if (!st) {
        st = raw.prepare(text);
        // Schema changes (migrations) run once: keep the cache for the queries that repeat.
        if (cache.size < 500 && !/^\s*(CREATE|DROP|ALTER|PRAGMA|BEGIN|COMMIT|ROLLBACK)\b/i.test(text)) cache.set(text, st);
      }
      return st;
    },
  };
}

export function openSqlite(file: string, opts: { readonly?: boolean } = {}): Opened & { raw: Database.Database } {
  const raw = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  if (!opts.readonly) {
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
  }
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new Kysely<Ledger>({ dialect: new SqliteDialect({ database: cachingStatements(raw) }) });
  return { db, dialect: sqliteDialect, location: file, raw };
}

// COUNT(*) and SUM of integers are bigint in PostgreSQL and AVG is numeric: both arrive as numbers,
// as they do from SQLite (a ledger's counts stay far below 2^53).
const toNumber = (v: string) => Number(v);
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC ? toNumber : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

export function openPostgres(url: string, opts: { schema?: string; max?: number; readonly?: boolean } = {}): Opened & { pool: pg.Pool } {
  const options: string[] = [];
  if (opts.schema) options.push(`-c search_path=${opts.schema}`);
  if (opts.readonly) options.push('-c default_transaction_read_only=on');
  const pool = new pg.Pool({ connectionString: url, max: opts.max ?? 4, types, options: options.length ? options.join(' ') : undefined });
  // An idle client that loses its server (restart, network) must not crash the process.
  pool.on('error', (e) => process.stderr.write(`sitrep: PostgreSQL connection lost: ${e.message}\n`));
  const db = new Kysely<Ledger>({ dialect: new PostgresDialect({ pool, cursor: Cursor }) });
  return { db, dialect: postgresDialect, location: redactUrl(url) + (opts.schema ? ` (schema ${opts.schema})` : ''), pool };
}
