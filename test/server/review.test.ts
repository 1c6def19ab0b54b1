// The review API: every action, the reviewer's name from --user or the token's owner, bad input
// (unknown document or item, a span outside the text, bad fields), a conflicting edit (409 with the
// current version), the reviewed filter, the queue and the read-only refusal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { getJson, startServer, stopServer } from './harness.js';
import { SitrepServer } from '../../src/server/server.js';
import { annotatedExamples, syntheticAnalysis } from '../store/fixtures.js';
import { openApiDocument } from '../../src/server/openapi.js';

const TOKEN = 'review-token-0123456789';
const OWNED = 'owned-token-abcdefghijk';
let server: SitrepServer;
let base: string;
let store: SqliteStore;
const a = syntheticAnalysis(3);
const doc = a.document.id;
const [c0, c1, c2] = a.claims;
const p0 = a.places[0];

beforeAll(async () => {
  ({ store, server, base } = await startServer(async (s) => { await s.putAnalyses([a]); }, { token: TOKEN, tokenOwners: { [OWNED]: 'Nadia' }, user: 'Omar' }));
});
afterAll(() => stopServer({ server, store }));

const get = (path: string) => getJson(base, path);
const review = async (body: unknown, token = TOKEN, id = doc) => {
  const r = await fetch(`${base}/api/documents/${encodeURIComponent(id)}/reviews`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  return { status: r.status, body: (await r.json()) as any };
};

describe('review API', () => {
  it('says who reviews in /api/config and documents the endpoints', async () => {
    expect((await get('/api/config')).body).toMatchObject({ user: 'Omar', tokenRequired: true });
    const paths = openApiDocument().paths as Record<string, unknown>;
    expect(paths).toHaveProperty(['/api/documents/{id}/reviews']);
    expect(paths).toHaveProperty(['/api/reviews/queue']);
  });

  it('accepts, rejects, corrects and adds, naming the reviewer', async () => {
    const acc = await review({ kind: 'claim', start: c0.start, end: c0.end, action: 'accept' });
    expect(acc.status).toBe(200);
    expect(acc.body.review).toMatchObject({ action: 'accept', version: 1, user: 'Omar', documentId: doc });
    expect(acc.body.item).toMatchObject({ reviewed: 'accepted' });
    const rej = await review({ kind: 'place', start: p0.start, end: p0.end, action: 'reject', note: 'not a place here' }, OWNED);
    expect(rej.body.review).toMatchObject({ action: 'reject', user: 'Nadia', note: 'not a place here' });
    const cor = await review({ kind: 'claim', start: c1.start, end: c1.end, action: 'correct', fields: { min: 12, max: 15, source: 'Civil Defence' }, version: 0 });
    expect(cor.status).toBe(200);
    expect(cor.body.item).toMatchObject({ min: 12, max: 15, source: 'Civil Defence', reviewed: 'corrected' });
    const text = a.document.text;
    const s = text.indexOf('a monitor said');
    const add = await review({ kind: 'claim', start: s, end: s + 14, action: 'add', fields: { min: 1, max: 1, category: 'missing', who: 'monitor' } });
    expect(add.body.item).toMatchObject({ reviewed: 'added', category: 'missing' });
    const ev = await review({ kind: 'actor', start: s + 2, end: s + 9, action: 'add', fields: { name: 'monitor', kind: 'organization' } });
    expect(ev.status).toBe(200);
    const detail = (await get(`/api/documents/${doc}`)).body;
    expect(detail.claims.find((c: any) => c.start === c1.start)).toMatchObject({ value: { min: 12, max: 15 }, source: { name: 'Civil Defence' }, reviewed: 'corrected' });
    expect(detail.places.find((p: any) => p.start === p0.start).reviewed).toBe('rejected');
    expect(detail.actors.find((x: any) => x.start === s + 2)).toMatchObject({ name: 'monitor', reviewed: 'added' });
    const h = (await get(`/api/documents/${doc}/reviews`)).body;
    expect(h.history.map((e: any) => `${e.action} ${e.user}`)).toEqual(['accept Omar', 'reject Nadia', 'correct Omar', 'add Omar', 'add Omar']);
    const one = (await get(`/api/documents/${doc}/reviews?kind=claim&start=${c1.start}&end=${c1.end}`)).body;
    expect(one.history).toHaveLength(1);
    expect(one.history[0]).toMatchObject({ old: { min: c1.value.min, reviewed: 'pending' }, new: { min: 12, reviewed: 'corrected' } });
  });

  it('filters by review status', async () => {
    const corrected = (await get(`/api/claims?reviewed=corrected&document=${doc}`)).body;
    expect(corrected.items.map((c: any) => c.start)).toEqual([c1.start]);
    expect((await get(`/api/claims?reviewed=accepted,added&document=${doc}`)).body.total).toBe(2);
    expect((await get(`/api/claims?reviewed=pending&document=${doc}`)).body.total).toBe(a.claims.length - 2);
    const bad = await get('/api/claims?reviewed=maybe');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'reviewed' });
    expect((await get(`/api/events?reviewed=pending`)).status).toBe(200);
    const csv = await (await fetch(`${base}/api/export?format=csv&document=${doc}&reviewed=corrected`)).text();
    expect(csv.split(/\r?\n/)[0]).toMatch(/,reviewed$/);
    expect(csv.split(/\r?\n/)[1]).toMatch(/,corrected$/);
  });

  it('answers a stale version with 409 and the current version', async () => {
    const first = await review({ kind: 'claim', start: c2.start, end: c2.end, action: 'correct', fields: { min: 30 }, version: 0 });
    expect(first.status).toBe(200);
    const second = await review({ kind: 'claim', start: c2.start, end: c2.end, action: 'reject', version: 0 }, OWNED);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'E_CONFLICT', field: 'version' });
    expect(second.body.current).toMatchObject({ version: 1, action: 'correct', user: 'Omar', fields: { min: 30 } });
    const retry = await review({ kind: 'claim', start: c2.start, end: c2.end, action: 'reject', version: 1 }, OWNED);
    expect(retry.body.review).toMatchObject({ version: 2, action: 'reject', user: 'Nadia' });
  });

  it('refuses bad input with the field named', async () => {
    expect((await review({ kind: 'claim', start: 0, end: 4, action: 'accept' }, TOKEN, 'nope')).status).toBe(404);
    const noItem = await review({ kind: 'claim', start: c0.start + 2, end: c0.end, action: 'reject' });
    expect(noItem.status).toBe(404);
    expect(noItem.body.error).toMatchObject({ code: 'E_NO_ITEM' });
    const outside = await review({ kind: 'claim', start: 10, end: 1_000_000, action: 'add', fields: { min: 1 } });
    expect(outside.status).toBe(400);
    expect(outside.body.error).toMatchObject({ code: 'E_SPAN', field: 'end' });
    expect((await review({ kind: 'claim', start: 5, end: 2, action: 'add' })).body.error.code).toBe('E_SPAN');
    expect((await review({ kind: 'claim', start: -1, end: 2, action: 'add' })).body.error.field).toBe('start');
    const badField = await review({ kind: 'claim', start: c0.start, end: c0.end, action: 'correct', fields: { category: 'dead' } });
    expect(badField.status).toBe(400);
    expect(badField.body.error.message).toMatch(/fields\.category/);
    expect((await review({ kind: 'claim', start: c0.start, end: c0.end, action: 'correct', fields: { day: 'Tuesday' } })).status).toBe(400);
    expect((await review({ kind: 'ghost', start: c0.start, end: c0.end, action: 'accept' })).body.error.field).toBe('kind');
    expect((await review({ kind: 'claim', start: c0.start, end: c0.end, action: 'accept', extra: 1 })).status).toBe(400);
    expect((await review('{nope')).body.error.code).toBe('E_JSON');
    expect((await review('[1]')).status).toBe(400);
    expect((await review({ kind: 'claim', start: c0.start, end: c0.end, action: 'accept' }, '')).status).toBe(401);
    expect((await review({ kind: 'claim', start: c0.start, end: c0.end, action: 'accept' }, 'wrong-token-0123456789')).status).toBe(403);
    expect((await get(`/api/documents/nope/reviews`)).status).toBe(404);
    expect((await get(`/api/documents/${doc}/reviews?kind=ghost`)).status).toBe(400);
  });

  it('lists the queue with its counter', async () => {
    const q = (await get(`/api/reviews/queue?document=${doc}&limit=3`)).body;
    expect(q.items).toHaveLength(3);
    expect(q.done).toBeGreaterThanOrEqual(4);
    expect(q.total).toBeGreaterThan(q.done);
    expect(q.items[0]).toMatchObject({ status: 'pending', kind: 'claim' });
    expect(q.items[0].value).toBeGreaterThanOrEqual(q.items[1].value ?? 0);
    expect((await get('/api/reviews/queue?limit=x')).status).toBe(400);
  });

  it('refuses reviews on a read-only server', async () => {
    const ro = new SitrepServer({ store, port: 0, readOnly: true });
    const url = (await ro.listen()).url;
    try {
      const r = await fetch(`${url}/api/documents/${doc}/reviews`, { method: 'POST', body: JSON.stringify({ kind: 'claim', start: c0.start, end: c0.end, action: 'accept' }), headers: { 'content-type': 'application/json' } });
      expect(r.status).toBe(403);
    } finally {
      await ro.close();
    }
  });

  it('shows on the figure board which figures an analyst has checked', async () => {
    const s2 = await SqliteStore.open(':memory:');
    await s2.putAnalyses(annotatedExamples());
    const srv = new SitrepServer({ store: s2, port: 0, user: 'Omar' });
    const url = (await srv.listen()).url;
    try {
      const board = async () => (await (await fetch(`${url}/api/compare/figures?minReports=2`)).json()) as any;
      const entry = (await board()).items[0].entries[0];
      expect(entry.reviewed).toBe('pending');
      const r = await fetch(`${url}/api/documents/${entry.docId}/reviews`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'claim', start: entry.start, end: entry.end, action: 'accept' }) });
      expect(r.status).toBe(200);
      const after = (await board()).items.flatMap((g: any) => g.entries).find((e: any) => e.docId === entry.docId && e.start === entry.start);
      expect(after.reviewed).toBe('accepted');
    } finally {
      await srv.close();
      await s2.close();
    }
  });
});
