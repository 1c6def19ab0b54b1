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
    throw new StoreOpenError(`cannot open database ${file}: ${(e as Error).message}`);
  }
}
