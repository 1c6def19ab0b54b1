// The HTTP API over a store holding the hand-annotated examples: listing, filters, paging,
// validation with clear 4xx JSON errors, body limits, tokens, and the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { getJson, startServer, stopServer } from './harness.js';
import { SitrepServer, checkExposure, isLoopback } from '../../src/server/server.js';
import { annotatedExamples } from '../store/fixtures.js';

const TOKEN = 'test-token-0123456789';
let server: SitrepServer;
let base: string;
let store: SqliteStore;

beforeAll(async () => {
  ({ store, server, base } = await startServer(async (s) => { await s.putAnalyses(annotatedExamples()); }, { token: TOKEN, maxBody: 20_000, maxChars: 5_000 }));
});
afterAll(() => stopServer({ server, store }));

const get = (path: string) => getJson(base, path);
const post = async (body: string, headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }) => {
  const r = await fetch(base + '/api/documents', { method: 'POST', body, headers });
  return { status: r.status, body: (await r.json()) as any, headers: r.headers };
};

describe('GET endpoints', () => {
  it('lists documents with paging', async () => {
    const r = await get('/api/documents?limit=2');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ total: 5, limit: 2, offset: 0 });
    expect(r.body.items[0]).toHaveProperty('counts');
    expect(r.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('returns one document with its text and items with offsets', async () => {
    const r = await get('/api/documents/example-opposition-ariha');
    expect(r.status).toBe(200);
    const d = r.body;
    for (const c of d.claims) expect(d.text.slice(c.start, c.end)).toBe(c.text);
    for (const p of d.places) expect(d.text.slice(p.start, p.end)).toBe(p.text);
    expect(d.framing.map((f: { text: string }) => f.text)).toContain('martyred');
    const missing = await get('/api/documents/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: 'E_NOT_FOUND', field: 'id' });
  });

  it('lists claims with filters, paging and a maximum limit', async () => {
    expect((await get('/api/claims')).body.total).toBe(18);
    const r = await get('/api/claims?category=killed&category=injured&outlet=wire&limit=3&offset=1');
    expect(r.body).toMatchObject({ total: 3, limit: 3, offset: 1 });
    expect(r.body.items.length).toBe(2);
    expect((await get('/api/claims?category=killed,missing&since=2024-03-13')).body.total).toBe(3);
    expect((await get('/api/claims?q=aid%20worker')).body.items[0]).toMatchObject({ hedged: true, category: 'killed' });
    const big = await get('/api/claims?limit=5000');
    expect(big.status).toBe(400);
    expect(big.body.error).toMatchObject({ code: 'E_PARAM', field: 'limit' });
    expect((await get('/api/claims?limit=abc')).status).toBe(400);
    expect((await get('/api/claims?offset=-1')).status).toBe(400);
  });

  it('explains bad filters with the field name', async () => {
    const cat = await get('/api/claims?category=dead');
    expect(cat.status).toBe(400);
    expect(cat.body.error.field).toBe('category');
    expect(cat.body.error.message).toMatch(/unknown category "dead"/);
    const day = await get('/api/claims?since=yesterday');
    expect(day.body.error).toMatchObject({ field: 'since' });
    const unknown = await get('/api/claims?colour=red');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown query parameter "colour"/);
  });

  it('aggregates places, actors and the timeline', async () => {
    const places = await get('/api/places');
    expect(places.body.items[0]).toMatchObject({ name: 'Ariha', claims: 15, precision: 1 });
    const filtered = await get('/api/places?category=missing');
    expect(filtered.body.total).toBe(0);
    const actors = await get('/api/actors?q=white');
    expect(actors.body.items[0]).toMatchObject({ id: 'WHITE_HELMETS', mentions: 3 });
    const tl = await get('/api/timeline?category=displaced');
    expect(tl.body.days.length).toBeGreaterThan(1);
    expect(tl.body.days.every((d: { categories: Record<string, number> }) => Object.keys(d.categories).every((k) => k === 'displaced'))).toBe(true);
    expect((await get('/api/events')).body.total).toBeGreaterThan(0);
    expect((await get('/api/facets')).body.outlets).toContain('Damascus Daily');
  });

  it('serves an OpenAPI 3 document naming every endpoint', async () => {
    const r = await get('/api/openapi.json');
    expect(r.body.openapi).toMatch(/^3\./);
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/claims', '/api/places', '/api/actors', '/api/timeline']) expect(r.body.paths).toHaveProperty([p]);
  });

  it('answers unknown endpoints and methods with JSON errors', async () => {
    expect((await get('/api/nothing')).status).toBe(404);
    const r = await fetch(base + '/api/claims', { method: 'DELETE' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET');
    expect((await fetch(base + '/../../etc/passwd')).status).toBe(404);
    expect((await fetch(base + '/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
  });
});

describe('POST /api/documents', () => {
  const article = JSON.stringify({
    id: 'posted-1',
    outlet: 'Test Wire',
    published: '2024-06-02',
    text: 'Shelling on the village of Kafranbel killed four people on Saturday, a local council said.',
  });

  it('needs the token when one is set', async () => {
    const none = await post(article, { 'content-type': 'application/json' });
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await post(article, { 'content-type': 'application/json', authorization: 'Bearer wrong-token-xxxxxxxx' });
    expect(wrong.status).toBe(403);
  });

  it('analyses and stores an article, once', async () => {
    const r = await post(article);
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ status: 'added', id: 'posted-1' });
    expect(r.headers.get('location')).toBe('/api/documents/posted-1');
    const again = await post(article);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('exists');
    const d = await get('/api/documents/posted-1');
    expect(d.body.outlet).toBe('Test Wire');
  });

  it('validates the body with clear 4xx errors', async () => {
    expect((await post(article, { 'content-type': 'text/plain', authorization: `Bearer ${TOKEN}` })).status).toBe(415);
    const notJson = await post('{"text": ');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.code).toBe('E_JSON');
    const noText = await post('{"title": "x"}');
    expect(noText.status).toBe(422);
    expect(noText.body.error).toMatchObject({ field: 'text' });
    // a text that is an object whose toString is no function (String() of it throws): a 422, not a 500
    const objText = await post(JSON.stringify({ id: null, text: { toString: 8, valueOf: null } }));
    expect(objText.status).toBe(422);
    expect(objText.body.error).toMatchObject({ field: 'text' });
    const badDate = await post(JSON.stringify({ text: 'Four people were killed.', published: 'last week' }));
    expect(badDate.status).toBe(422);
    expect(badDate.body.error.field).toBe('published');
    const extra = await post(JSON.stringify({ text: 'Four people were killed.', colour: 'red' }));
    expect(extra.status).toBe(400);
    expect(extra.body.error.field).toBe('colour');
    const tooLong = await post(JSON.stringify({ text: 'x'.repeat(6000) }));
    expect(tooLong.status).toBe(413);
    const tooBig = await post(JSON.stringify({ text: 'y'.repeat(30_000) }));
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('E_BODY_TOO_LARGE');
    const arr = await post('[1,2]');
    expect(arr.status).toBe(422);
  });
});

describe('exposure', () => {
  it('refuses to listen beyond loopback without a token', () => {
    expect(isLoopback('127.0.0.1')).toBe(true);
    expect(isLoopback('::1')).toBe(true);
    expect(isLoopback('0.0.0.0')).toBe(false);
    expect(() => checkExposure('0.0.0.0', undefined)).toThrow(/without a token/);
    expect(() => checkExposure('0.0.0.0', 'short')).toThrow(/at least 12/);
    expect(() => checkExposure('0.0.0.0', TOKEN)).not.toThrow();
    expect(() => checkExposure('127.0.0.1', undefined)).not.toThrow();
  });

  it('without a token on loopback, writes are open', async () => {
    const s = await SqliteStore.open(':memory:');
    const open = new SitrepServer({ store: s, port: 0 });
    const url = (await open.listen()).url;
    const r = await fetch(url + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Two people were injured in Sarmada.' }) });
    expect(r.status).toBe(201);
    await open.close();
    await s.close();
  });
});

describe('DNS rebinding', () => {
  it('answers only to loopback host names when bound to loopback', async () => {
    const { request } = await import('node:http');
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(base + '/api/health');
        const r = request({ host: u.hostname, port: u.port, path: u.pathname, headers: { host } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        r.on('error', reject);
        r.end();
      });
    expect(await status('evil.example:80')).toBe(421);
    expect(await status('localhost:8080')).toBe(200);
    expect(await status('[::1]:8080')).toBe(200);
  });
});

describe('GET /api/export', () => {
  it('streams the filtered claims as a CSV attachment', async () => {
    const r = await fetch(base + '/api/export?format=csv&category=injured');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/csv/);
    expect(r.headers.get('content-disposition')).toMatch(/attachment; filename="sitrep-claims.csv"/);
    const lines = (await r.text()).trim().split('\r\n');
    expect(lines.length).toBe(1 + 4);
    expect(lines.slice(1).every((l) => l.includes(',injured,'))).toBe(true);
  });
  it('gives places as GeoJSON and refuses unknown formats', async () => {
    const g = await (await fetch(base + '/api/export?format=geojson&what=places')).json();
    expect(g.features.find((f: { properties: { name: string } }) => f.properties.name === 'Ariha').properties.claims).toBe(15);
    const bad = await fetch(base + '/api/export?format=xlsx');
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.field).toBe('format');
  });
});
