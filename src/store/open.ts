// Opens the store a --db option (or SITREP_DB) names: a file path (SQLite, the default ./sitrep.db)
// or a postgres:// URL (PostgreSQL).
import { accessSync, constants, existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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

/**
 * A postgres:// URL split into what pg connects to and the schema the ledger lives in, from its
 * ?schema= parameter (several ledgers in one database; tests use scratch ones). The queue of a ledger
 * in schema S lives in S_queue.
 */
export function pgTarget(spec: string): { url: string; schema?: string; queueSchema?: string } {
  const u = new URL(spec);
  const schema = u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  return { url: u.toString(), schema, queueSchema: schema ? `${schema}_queue` : undefined };
}

export async function openStore(spec: string = dbSpec(), opts: { readonly?: boolean } = {}): Promise<Store> {
  if (isPostgresUrl(spec)) {
    try {
      const { url, schema } = pgTarget(spec);
      return await PostgresStore.open(url, { ...opts, schema });
    } catch (e) {
      throw new StoreOpenError(`cannot open database ${redactUrl(spec)}: ${(e as Error).message}`);
    }
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
  if (isPostgresUrl(spec)) return true;
  const file = spec.replace(/^sqlite:/i, '');
  return file === ':memory:' || existsSync(file);
}

/** Whether this process may write the database file and create its journal beside it. */
export function storeWritable(spec: string): boolean {
  if (isPostgresUrl(spec)) return true;
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
