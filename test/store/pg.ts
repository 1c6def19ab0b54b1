// Where the PostgreSQL tests find a server: SITREP_TEST_PG (a postgres:// URL; .ci/run sets it).
// Without one they skip with a line saying so, except under CI=true, where a missing server fails.
import { randomBytes } from 'node:crypto';
import { describe, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';

export const PG_URL = process.env.SITREP_TEST_PG ?? '';
const inCi = /^(1|true)$/i.test(process.env.CI ?? '');

/** describe() when a server is configured; otherwise a skip line, or a failing test in CI. */
export function describePg(name: string, body: () => void): void {
  if (PG_URL) return describe(name, body);
  if (inCi) {
    describe(name, () => {
      it('needs PostgreSQL: CI must set SITREP_TEST_PG (.ci/run starts a server)', () => {
        throw new Error('SITREP_TEST_PG is not set under CI=true: PostgreSQL tests cannot be skipped in CI');
      });
    });
    return;
  }
  process.stderr.write(`skip: ${name}: no PostgreSQL (set SITREP_TEST_PG=postgres://user:pass@host/db to run these)\n`);
  describe.skip(name, body);
}

/** A fresh scratch schema name. */
export const scratchSchema = (prefix = 't') => `sitrep_${prefix}_${randomBytes(5).toString('hex')}`;

/** A migrated store in its own scratch schema, and a function that closes it and drops the schema. */
export async function scratchStore(prefix?: string): Promise<{ store: PostgresStore; schema: string; drop: () => Promise<void> }> {
  const schema = scratchSchema(prefix);
  const store = await PostgresStore.open(PG_URL, { schema });
  return {
    store,
    schema,
    drop: async () => {
      const admin = new PostgresStore(PG_URL);
      try {
        await admin.dropSchema(schema);
      } finally {
        await admin.close();
      }
    },
  };
}
