import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openStore } from '../../src/store/open.js';
import { storeSuite } from './suite.js';
import { reviewSuite } from './review-suite.js';
import { storeScaleSuite } from './suite-scale.js';
import { storeBoardSuite } from './suite-board.js';
import { annotatedExamples } from './fixtures.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

storeSuite('sqlite (in memory)', () => SqliteStore.open(':memory:'));
storeSuite('sqlite (file)', () => SqliteStore.open(join(dir, `t${n++}.db`)));
storeScaleSuite('sqlite (in memory)', () => SqliteStore.open(':memory:'));
storeScaleSuite('sqlite (file)', () => SqliteStore.open(join(dir, `s${n++}.db`)));
storeBoardSuite('sqlite (file)', () => SqliteStore.open(join(dir, `b${n++}.db`)));

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
    old.raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version <= 2)) {
      old.raw.exec(m.sql);
      old.raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    // What the code of that time stored: today's rows, in the columns the old schema had.
    const today = join(dir, 'today.db');
    const t = await SqliteStore.open(today);
    await t.putAnalyses(annotatedExamples());
    const doc = await t.getDocument('example-state-ariha');
    await t.close();
    old.raw.exec(`ATTACH DATABASE '${today}' AS today`);
    for (const table of ['documents', 'analyses', 'places', 'actors', 'statements', 'claims', 'events', 'framing', 'dates']) {
      const cols = (old.raw.pragma(`main.table_info(${table})`) as { name: string }[]).map((c) => `"${c.name}"`).join(', ');
      old.raw.exec(`INSERT INTO main.${table} (${cols}) SELECT ${cols} FROM today.${table}`);
    }
    old.raw.exec('DETACH DATABASE today');
    const before = await old.stats();
    await old.close();
    expect(before.schemaVersion).toBe(2);
    const now = await SqliteStore.open(file);
    expect(await now.schemaVersion()).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    expect({ ...(await now.stats()), schemaVersion: 0 }).toEqual({ ...before, schemaVersion: 0 });
    // (the language came with migration 5: unknown for what was stored before)
    expect({ ...(await now.getDocument('example-state-ariha')), lang: null }).toEqual({ ...doc, lang: null });
    // The items still belong to their documents (foreign keys survive the table rebuild).
    expect(now.raw.pragma('foreign_key_check')).toEqual([]);
    now.raw.prepare('DELETE FROM documents WHERE id = ?').run('example-state-ariha');
    expect((await now.listClaims({ document: 'example-state-ariha' })).total).toBe(0);
    expect((await now.stats()).claims).toBe(before.claims - 3);
    await now.close();
  });

  it('reads an older ledger opened read-only: documents searched by title, a ledger version from its counts', async () => {
    const file = join(dir, 'old-readonly.db');
    const old = new SqliteStore(file);
    old.raw.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    for (const m of MIGRATIONS.filter((m) => m.version <= 6)) {
      for (const st of m.sql.split(/;\s*(?:\n|$)/).map((x) => x.trim()).filter(Boolean)) old.raw.exec(st);
      old.raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    await old.close();
    const ro = await SqliteStore.open(file, { readonly: true });
    try {
      expect(await ro.schemaVersion()).toBe(6);
      expect((await ro.listDocuments({ q: 'ariha', sort: 'claims' })).items).toEqual([]);
      expect(await ro.ledgerVersion()).toBeLessThan(0);
    } finally {
      await ro.close();
    }
  });

  it('names the server, without its password, when a PostgreSQL URL cannot be reached', async () => {
    const e = await openStore('postgres://someone:secret@127.0.0.1:1/nowhere').catch((x: Error) => x);
    expect(e).toBeInstanceOf(Error);
    expect((e as Error).message).toMatch(/cannot open database postgres:\/\/someone:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    expect((e as Error).message).not.toMatch(/secret/);
  });

  it('refuses to read a file that is not a sitrep database', async () => {
    const file = join(dir, 'empty.db');
    (await SqliteStore.open(file)).raw.exec('DROP TABLE schema_migrations');
    await expect(openStore(file, { readonly: true })).rejects.toThrow(/not a sitrep database/);
  });
});

reviewSuite('sqlite (in memory)', () => SqliteStore.open(':memory:'));
