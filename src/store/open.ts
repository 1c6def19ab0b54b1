// Opens the store a --db option names: a file path (SQLite, the default ./sitrep.db) or, later,
// a postgres:// URL (src/store/postgres/, not written yet).
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
    const msg = (e as Error).message;
    if (opts.readonly && /readonly database/i.test(msg)) {
      throw new StoreOpenError(`cannot open database ${file} read-only: it was left in WAL mode and its folder is not writable; copy it to a writable folder, or open it once with write access (sitrep ingest) to settle it`);
    }
    throw new StoreOpenError(`cannot open database ${file}: ${msg}`);
  }
}

/** A database file that exists (SQLite path; a postgres:// URL counts as existing). */
export function storeExists(spec: string): boolean {
  if (/^postgres(ql)?:\/\//i.test(spec)) return true;
  const file = spec.replace(/^sqlite:/i, '');
  return file === ':memory:' || existsSync(file);
}

/** Whether this process may write the database file and create its journal beside it. */
export function storeWritable(spec: string): boolean {
  if (/^postgres(ql)?:\/\//i.test(spec)) return true;
  const file = spec.replace(/^sqlite:/i, '');
  if (file === ':memory:') return true;
  try {
    if (existsSync(file)) accessSync(file, constants.W_OK);
    accessSync(dirname(resolve(file)), constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
