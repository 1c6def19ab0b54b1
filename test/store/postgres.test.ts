// The store contract against a real PostgreSQL (each test in its own scratch schema), and what only
// a server shared by many processes needs: concurrent writers store a text once.
import { afterAll, expect, it } from 'vitest';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openStore } from '../../src/store/open.js';
import { PG_MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { annotatedExamples, syntheticAnalysis } from './fixtures.js';
import { describePg, PG_URL, scratchSchema, scratchStore } from './pg.js';
import { storeSuite } from './suite.js';
import { reviewSuite } from './review-suite.js';
import { storeScaleSuite } from './suite-scale.js';
import { storeBoardSuite } from './suite-board.js';

const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const d of drops) await d();
});

describePg('postgres store', () => {
  storeSuite('postgres', async () => {
    const s = await scratchStore();
    drops.push(s.drop);
    return s.store;
  });
  storeScaleSuite('postgres', async () => {
    const s = await scratchStore('scale');
    drops.push(s.drop);
    return s.store;
  });

  storeBoardSuite('postgres', async () => {
    const s = await scratchStore('board');
    drops.push(s.drop);
    return s.store;
  });

  reviewSuite('postgres', async () => {
    const s = await scratchStore('review');
    drops.push(s.drop);
    return s.store;
  });

  it('stores a text once when several connections write the same batch at the same time', async () => {
    const { store, schema, drop } = await scratchStore('race');
    drops.push(drop);
    const others = await Promise.all([1, 2, 3].map(() => PostgresStore.open(PG_URL, { schema })));
    try {
      const batch = () => [...annotatedExamples(), syntheticAnalysis(1), syntheticAnalysis(2)];
      const outs = await Promise.all([store, ...others].map((s) => s.putAnalyses(batch())));
      const added = outs.flat().filter((o) => o.status === 'added').length;
      expect(added).toBe(7);
      expect((await store.stats()).documents).toBe(7);
      expect((await store.stats()).claims).toBe((await store.listClaims()).total);
    } finally {
      for (const o of others) await o.close();
      await store.close();
    }
  });

  it('migrates once when several processes open a new ledger together', async () => {
    const schema = scratchSchema('mig');
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStore.open(PG_URL, { schema })));
    drops.push(async () => {
      await stores[0].dropSchema(schema);
      for (const s of stores) await s.close();
    });
    for (const s of stores) expect(await s.schemaVersion()).toBe(PG_MIGRATIONS[PG_MIGRATIONS.length - 1].version);
  });

  it('is what openStore gives for a postgres:// URL', async () => {
    const s = await openStore(PG_URL);
    try {
      expect(s.kind).toBe('postgres');
      const password = new URL(PG_URL).password;
      if (password) expect(s.location).not.toContain(`:${password}@`);
    } finally {
      await s.close();
    }
  });
});
