// Opens the store a --db option (or SITREP_DB) names: a file path (SQLite, the default ./sitrep.db)
// or a postgres:// URL (PostgreSQL).
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import { PostgresStore } from './postgres/postgres-store.js';
import { redactUrl } from './sql/dialects.js';

export const DEFAULT_DB = 'sitrep.db';

export class StoreOpenError extends Error {}

export const isPostgresUrl = (spec: string) => /^postgres(ql)?:\/\//i.test(spec);

/** The database to use: the --db value, else SITREP_DB, else ./sitrep.db. */
export function dbSpec(option?: string): string {
  return option ?? (process.env.SITREP_DB || DEFAULT_DB);
}

export async function openStore(spec: string = dbSpec(), opts: { readonly?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(spec)) {
    try {
      return await PostgresStore.open(spec, opts);
    } catch (e) {
      throw new StoreOpenError(`cannot open database ${redactUrl(spec)}: ${(e as Error).message}`);
    }
  }
  const file = spec.replace(/^sqlite:/i, '');
  try {
    return await SqliteStore.open(file, opts);
  } catch (e) {
    throw new StoreOpenError(`cannot open database ${file}: ${(e as Error).message}`);
  }
}
