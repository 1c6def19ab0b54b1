import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { openStore } from '../../src/store/open.js';
import { storeSuite } from './suite.js';
import { annotatedExamples } from './fixtures.js';

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

  it('refuses a PostgreSQL URL with a clear message until that store exists', async () => {
    await expect(openStore('postgres://localhost/sitrep')).rejects.toThrow(/PostgreSQL is not supported yet/);
  });

  it('refuses to read a file that is not a sitrep database', async () => {
    const file = join(dir, 'empty.db');
    (await SqliteStore.open(file)).db.exec('DROP TABLE schema_migrations');
    await expect(openStore(file, { readonly: true })).rejects.toThrow(/not a sitrep database/);
  });
});
