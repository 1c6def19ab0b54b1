// The API at scale: documents searched (full text) and sorted by the database, their sort checked;
// claim counts that stop at 1,000 and say so (capped), as the OpenAPI document describes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { getJson, startServer, stopServer } from './harness.js';
import { SitrepServer } from '../../src/server/server.js';
import { openApiDocument } from '../../src/server/openapi.js';
import { annotatedExamples, syntheticAnalysis } from '../store/fixtures.js';

let server: SitrepServer;
let base: string;
let store: SqliteStore;

beforeAll(async () => {
  ({ store, server, base } = await startServer(async (s) => { await s.putAnalyses(annotatedExamples()); await s.putAnalyses(Array.from({ length: 12 }, (_, i) => syntheticAnalysis(i, 100))); }));
});
afterAll(() => stopServer({ server, store }));

const get = (path: string) => getJson(base, path);

describe('documents', () => {
  it('searches words of the text in the database and sorts as asked', async () => {
    const r = await get('/api/documents?q=item%20monitor&sort=published-asc&limit=5');
    expect(r.status).toBe(200);
    expect(r.body.total).toBe(12);
    const days = r.body.items.map((d: { published: string }) => d.published);
    expect(days).toEqual([...days].sort());
    const most = (await get('/api/documents?sort=claims&limit=3')).body.items.map((d: { counts: { claims: number } }) => d.counts.claims);
    expect(most).toEqual([100, 100, 100]);
  });

  it('refuses an unknown sort, naming the ones it knows', async () => {
    const r = await get('/api/documents?sort=newest');
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'E_PARAM', field: 'sort' });
    expect(r.body.error.message).toContain('published-desc, published-asc, outlet, claims');
  });

  it('documents the sort and the capped count', () => {
    const doc = openApiDocument() as any;
    const sort = doc.paths['/api/documents'].get.parameters.find((p: { name: string }) => p.name === 'sort');
    expect(sort.schema.enum).toEqual(['published-desc', 'published-asc', 'outlet', 'claims']);
    expect(doc.paths['/api/claims'].get.responses['200'].content['application/json'].schema.properties.capped.type).toBe('boolean');
  });
});

describe('claims', () => {
  it('counts to 1,000 and says there are more, and counts exactly deeper in', async () => {
    const first = (await get('/api/claims?limit=10')).body;
    expect(first).toMatchObject({ total: 1000, capped: true });
    const deep = (await get('/api/claims?limit=100&offset=1150')).body;
    expect(deep.total).toBe(1200 + 18);
    expect(deep.capped).toBeUndefined();
    expect((await get('/api/claims?category=vehicles')).body.capped).toBeUndefined();
  });
});
