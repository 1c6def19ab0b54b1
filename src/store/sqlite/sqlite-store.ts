// The SQLite store (the default, ./sitrep.db): the shared SQL store (sql/sql-store.ts) over
// better-sqlite3 in WAL mode, so a crash or kill mid-batch leaves the last committed batch and nothing
// of the one in flight.
import type Database from 'better-sqlite3';
import { openSqlite } from '../sql/dialects.js';
import { SqlStore } from '../sql/sql-store.js';
import { sqliteItemWriter } from './item-writer.js';

export class SqliteStore extends SqlStore {
  /** The better-sqlite3 handle (tests and maintenance only; queries go through kysely). */
  readonly raw: Database.Database;

  constructor(file: string, opts: { readonly?: boolean } = {}) {
    const o = openSqlite(file, opts);
    super(o.db, o.dialect, o.location);
    this.raw = o.raw;
    this.writeItems = sqliteItemWriter(o.raw);
  }

  /** Open (creating the file when needed) and migrate. */
  static async open(file: string, opts: { readonly?: boolean } = {}): Promise<SqliteStore> {
    const s = new SqliteStore(file, opts);
    if (!opts.readonly) await s.migrate();
    else if ((await s.schemaVersion()) === 0) {
      await s.close();
      throw new Error(`${file} is not a sitrep database (no schema); run "sitrep ingest --db ${file} ..." first`);
    }
    return s;
  }

  override async close(): Promise<void> {
    // Leave the file in rollback-journal mode when no one else has it open: a WAL database can be
    // opened read-only only where its -shm file can be created, so a read-only copy or folder could
    // not be read at all. The next writer turns WAL on again.
    if (this.raw.open && !this.raw.readonly && this.location !== ':memory:') {
      try {
        this.raw.pragma('busy_timeout = 0');
        this.raw.pragma('journal_mode = DELETE');
      } catch {
        // another connection is open: it stays in WAL mode, as before
      }
    }
    await super.close();
  }
}
