// The PostgreSQL store: the shared SQL store (sql/sql-store.ts) over a pg connection pool. Any number
// of processes on any number of machines may write at once: documents are inserted with
// ON CONFLICT on their content hash, and migrations take an advisory lock.
import { sql } from 'kysely';
import { openPostgres } from '../sql/dialects.js';
import { SqlStore } from '../sql/sql-store.js';

export interface PostgresOptions {
  /** A schema to work in (created when missing): tests use a scratch schema each. */
  schema?: string;
  readonly?: boolean;
  /** Connections in the pool. */
  max?: number;
}

export class PostgresStore extends SqlStore {
  constructor(
    readonly url: string,
    opts: PostgresOptions = {},
  ) {
    const o = openPostgres(url, opts);
    super(o.db, o.dialect, o.location);
  }

  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
    if (opts.schema && !/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new Error(`schema name "${opts.schema}" must be lower-case letters, digits and _`);
    const s = new PostgresStore(url, opts);
    try {
      if (opts.schema && !opts.readonly) {
        const schema = opts.schema;
        await s.write(async (db) => {
          await sql.raw(s.dialect.migrationLock!).execute(db);
          await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`).execute(db);
        });
      }
      if (!opts.readonly) await s.migrate();
      else if ((await s.schemaVersion()) === 0) throw new Error(`${s.location} holds no sitrep ledger (no schema); run "sitrep ingest --db URL ..." first`);
    } catch (e) {
      await s.close();
      throw e;
    }
    return s;
  }

  /** Drop the scratch schema (tests). */
  async dropSchema(schema: string): Promise<void> {
    await sql.raw(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).execute(this.db);
  }
}
