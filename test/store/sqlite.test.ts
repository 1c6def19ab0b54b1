import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openStore } from '../../src/store/open.js';
import { storeSuite } from './suite.js';
import { annotatedExamples } from './fixtures.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeSuite('sqlite (in memory)', () => SqliteStore.open(':memory:'));
storeSuite('sqlite (file)', () => SqliteStore.open(join(dir, `t${n++}.db`)));

describe('sqlite specifics', () => {
  it('keeps what was stored across reopening the file', async () => {
    const file = join(dir, 'reopen.db');
    const a = await openStore(file);
    await a.putAnalyses(annotatedExamples());
    await a.close();
    const b = await openStore(file, { readonly: true });
    expect((await b.stats()).documents).toBe(5);
    await b.close();
  });

  it('migrates a database made by an older schema without losing anything', async () => {
    const file = join(dir, 'old.db');
    const old = new SqliteStore(file);
    old.db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
      old.db.exec(m.sql);
      old.db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    // today's writer names analyses.lang (migration 5): lend the old schema that column for the write only
    old.db.exec('ALTER TABLE analyses ADD COLUMN lang TEXT');
    await old.putAnalyses(annotatedExamples());
    old.db.exec('ALTER TABLE analyses DROP COLUMN lang');
    const before = await old.stats();
    const doc = await old.getDocument('example-state-ariha');
    await old.close();
    expect(before.schemaVersion).toBe(2);
    const now = await SqliteStore.open(file);
    expect(await now.schemaVersion()).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect({ ...(await now.stats()), schemaVersion: 0 }).toEqual({ ...before, schemaVersion: 0 });
    expect(await now.getDocument('example-state-ariha')).toEqual(doc);
    // The items still belong to their documents (foreign keys survive the table rebuild).
    expect(now.db.pragma('foreign_key_check')).toEqual([]);
    now.db.prepare('DELETE FROM documents WHERE id = ?').run('example-state-ariha');
    expect((await now.listClaims({ document: 'example-state-ariha' })).total).toBe(0);
    expect((await now.stats()).claims).toBe(before.claims - 3);
    await now.close();
  });

  it('refuses a PostgreSQL URL with a clear message until that store exists', async () => {
    await expect(openStore('postgres://localhost/sitrep')).rejects.toThrow(/PostgreSQL is not supported yet/);
  });

  it('refuses to read a file that is not a sitrep database', async () => {
    const file = join(dir, 'empty.db');
    (await SqliteStore.open(file)).db.exec('DROP TABLE schema_migrations');
    await expect(openStore(file, { readonly: true })).rejects.toThrow(/not a sitrep database/);
  });
});
