// Opens the store a --db option names: a file path (SQLite, the default ./sitrep.db) or, later,
// a postgres:// URL (src/store/postgres/, not written yet).
import type { Store } from './store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';

export const DEFAULT_DB = 'sitrep.db';

export class StoreOpenError extends Error {}

export async function openStore(spec: string = DEFAULT_DB, opts: { readonly?: boolean } = {}): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(spec)) {
    throw new StoreOpenError('PostgreSQL is not supported yet (src/store/postgres/ is planned); use a SQLite file path for --db');
  }
  const file = spec.replace(/^sqlite:/i, '');
  try {
    return await SqliteStore.open(file, opts);
  } catch (e) {
    throw new StoreOpenError(`cannot open database ${file}: ${(e as Error).message}`);
  }
}
