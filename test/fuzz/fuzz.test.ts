// Fuzzing with fast-check: random and structured inputs to the readers (JSON Lines and JSON files,
// through the public entry point readInputs) and to the HTTP API (query parameters, paths and
// POST bodies). Properties: nothing throws or answers 5xx, every valid record comes out (0 records
// lost) and every invalid one is one error. At least 10,000 generated inputs per run, bounded in
// time. The seed is printed; replay a failure with SITREP_FUZZ_SEED=<seed> npx vitest run test/fuzz.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyAnalysis, type Document } from '../../src/core/types.js';
import { readInputs, type InputItem } from '../../src/io/input.js';
import { SitrepServer } from '../../src/server/server.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Pipeline } from '../../src/pipeline/pipeline.js';
import { tempDir } from '../helpers.js';

const seed = process.env.SITREP_FUZZ_SEED ? Number(process.env.SITREP_FUZZ_SEED) : Date.now() % 2 ** 31;
console.log(`fuzz seed: ${seed} (replay: SITREP_FUZZ_SEED=${seed} npx vitest run test/fuzz)`);
const params = (numRuns: number) => ({ seed, numRuns, endOnFailure: true });

let inputs = 0;
const dir = tempDir();
const MAX_CHARS = 5_000;

// ---------------------------------------------------------------- the readers

const days = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const dayish = fc.oneof(days, fc.constantFrom('2016-02-31', '2023-02-29', '2024-13-01', '2024-00-10', 'yesterday', '12/03/2024', '2024-03-12T10:00:00Z', ''), fc.string());
const text = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom('Two people were killed in Idlib on Monday, the army said.', '   ', '', 'x'.repeat(MAX_CHARS + 1), 'a\u0000b'),
);
/** A record, mostly well-formed, with any field possibly of the wrong type. */
const record = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.jsonValue()),
    text: fc.oneof({ weight: 8, arbitrary: text }, { weight: 1, arbitrary: fc.jsonValue() }),
    published: fc.oneof({ weight: 4, arbitrary: dayish }, { weight: 1, arbitrary: fc.jsonValue() }),
    date: dayish,
    outlet: fc.oneof({ weight: 4, arbitrary: fc.string() }, { weight: 1, arbitrary: fc.jsonValue() }),
    url: fc.string(),
    title: fc.string({ unit: 'grapheme' }),
    extra: fc.jsonValue(),
  },
  { requiredKeys: ['text'] },
);
/** One line of a JSON Lines file: a record, a truncated record, any JSON, or any text (no line breaks). */
const line = fc
  .oneof(
    { weight: 6, arbitrary: record.map((r) => JSON.stringify(r)) },
    { weight: 1, arbitrary: record.chain((r) => fc.nat().map((n) => JSON.stringify(r).slice(0, 1 + (n % JSON.stringify(r).length)))) },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
  )
  .map((l) => l.replace(/[\r\n\ufeff]/g, ' '));

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const calendarDay = (s: string) => {
  const m = DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
};

/** The reference: whether a line holds a valid record (null: a blank line, skipped). */
function expected(l: string): { text: string } | false | null {
  if (!l.trim()) return null;
  if (l.includes('\u0000')) return false;
  let r: Record<string, unknown>;
  try {
    r = JSON.parse(l);
  } catch {
    return false;
  }
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return false;
  if (typeof r.text !== 'string' || !r.text.trim() || r.text.length > MAX_CHARS || r.text.includes('\u0000')) return false;
  if (r.id != null && ((typeof r.id !== 'string' && typeof r.id !== 'number') || !String(r.id).trim() || r.id === '.' || r.id === '..')) return false;
  const p = r.published ?? r.date;
  if (p != null && p !== '' && (typeof p !== 'string' || !calendarDay(p))) return false;
  for (const k of ['outlet', 'url', 'title']) if (r[k] != null && typeof r[k] !== 'string') return false;
  return { text: r.text };
}

async function read(file: string): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs([file], { maxChars: MAX_CHARS })) out.push(item);
  return out;
}

let files = 0;
describe('fuzz: the readers', () => {
  it('JSON Lines: every valid record comes out, every invalid line is one error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 40 }), async (lines) => {
        const file = join(dir, `f${files++}.jsonl`);
        writeFileSync(file, lines.join('\n'));
        inputs += lines.length;
        const want = lines.map(expected).filter((x) => x !== null);
        const got = await read(file);
        if (!want.length) {
          expect(got.length).toBe(1); // "empty file: no records"
          expect(got[0].ok).toBe(false);
          return;
        }
        expect(got.length).toBe(want.length);
        got.forEach((item, i) => {
          const w = want[i];
          expect(item.ok, `line ${i + 1}: ${item.ok ? 'accepted' : item.error.toLine()}`).toBe(w !== false);
          if (item.ok && w) expect(item.doc.text).toBe(w.text);
        });
      }),
      params(1000),
    );
  }, 120_000);

  it('JSON: an array of records, one error per invalid record; anything else is one error, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(record, { maxLength: 20 }), fc.jsonValue(), fc.string({ unit: 'grapheme' })), async (value) => {
        const file = join(dir, `f${files++}.json`);
        const body = typeof value === 'string' ? value : JSON.stringify(value) ?? 'null';
        writeFileSync(file, body);
        inputs += Array.isArray(value) ? Math.max(1, value.length) : 1;
        const got = await read(file);
        expect(got.length).toBeGreaterThan(0);
        if (Array.isArray(value) && value.length) {
          expect(got.length).toBe(value.length);
          got.forEach((item, i) => expect(item.ok, `record ${i}`).toBe(expected(JSON.stringify(value[i])) !== false));
        }
      }),
      params(800),
    );
  }, 120_000);

  it('random bytes: records or errors, never a crash', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('.jsonl', '.json', '.txt'), async (bytes, ext) => {
        const file = join(dir, `f${files++}${ext}`);
        writeFileSync(file, bytes);
        inputs++;
        const got = await read(file);
        expect(got.length).toBeGreaterThan(0);
      }),
      params(400),
    );
  }, 120_000);
});

// ---------------------------------------------------------------- the HTTP API

let server: SitrepServer;
let store: SqliteStore;
let base: string;
beforeAll(async () => {
  store = await SqliteStore.open(':memory:');
  // the analysis itself is tested elsewhere: a stand-in keeps thousands of posts fast
  const pipeline = { analyze: (doc: Document) => emptyAnalysis(doc) } as unknown as Pipeline;
  server = new SitrepServer({ store, port: 0, maxBody: 20_000, maxChars: MAX_CHARS, pipeline });
  base = (await server.listen()).url;
});
afterAll(async () => {
  await server.close();
  await store.close();
  console.log(`fuzz: ${inputs} generated inputs (seed ${seed})`);
});

const ROUTES: Record<string, string[]> = {
  '/api/documents': ['outlet', 'q', 'since', 'until', 'limit', 'offset'],
  '/api/claims': ['category', 'source', 'outlet', 'place', 'since', 'until', 'q', 'document', 'limit', 'offset'],
  '/api/events': ['outlet', 'place', 'since', 'until', 'q', 'document', 'limit', 'offset'],
  '/api/places': ['category', 'source', 'outlet', 'place', 'since', 'until', 'q', 'document'],
  '/api/actors': ['q', 'limit'],
  '/api/timeline': ['category', 'source', 'outlet', 'place', 'since', 'until', 'q', 'document'],
  '/api/export': ['format', 'what', 'category', 'outlet', 'since', 'until', 'q'],
  '/api/compare/figures': ['category', 'minReports', 'limit', 'offset'],
  '/api/compare/framing': [],
  '/api/facets': [],
};
const value = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.integer().map(String),
  days,
  dayish,
  fc.constantFrom('killed', 'injured,killed', 'csv', 'geojson', 'jsonl', 'places', 'events', '0', '-1', '1001', '999999999999', 'x'.repeat(600)),
);
const query = fc.constantFrom(...Object.keys(ROUTES)).chain((path) =>
  fc.tuple(
    fc.constant(path),
    fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...(ROUTES[path].length ? ROUTES[path] : ['x'])) }, { weight: 1, arbitrary: fc.string() }), value), { maxLength: 5 }),
    fc.oneof({ weight: 9, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('&%', '&q=%E0%A4%A', '&limit=%zz', '&&&', '&=x') }),
  ),
);

describe('fuzz: the HTTP API', () => {
  it('GET with any parameters: 200 or a 4xx JSON error, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(query, async ([path, pairs, raw]) => {
        inputs++;
        const qs = pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') + raw;
        const r = await fetch(`${base}${path}${qs ? '?' + qs : ''}`);
        const body = await r.text();
        expect(r.status, `${path}?${qs} → ${r.status} ${body.slice(0, 200)}`).toBeLessThan(500);
        if (r.status >= 400) expect(JSON.parse(body).error.code).toMatch(/^E_/);
      }),
      params(1500),
    );
  }, 180_000);

  it('GET a document by any id: 200, 400 or 404, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: 'grapheme' }).map(encodeURIComponent), fc.constantFrom('%', '%E0%A4%A', '..%2F..%2Fetc', '%00', 'a%2Fb')), async (id) => {
        inputs++;
        const r = await fetch(`${base}/api/documents/${id || 'x'}`);
        await r.text();
        expect([200, 400, 404]).toContain(r.status);
      }),
      params(600),
    );
  }, 120_000);

  it('POST any body: stored (then readable), or a 4xx error; never 5xx, no record lost', async () => {
    const body = fc.oneof(
      { weight: 5, arbitrary: record.map((r) => JSON.stringify(r)) },
      { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme' }) },
      { weight: 1, arbitrary: fc.constant('{"text": "' + 'y'.repeat(25_000) + '"}') },
    );
    const type = fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1', '') });
    await fc.assert(
      fc.asyncProperty(body, type, async (b, t) => {
        inputs++;
        const r = await fetch(`${base}/api/documents`, { method: 'POST', body: b, headers: t ? { 'content-type': t } : {} });
        const res = (await r.json()) as { id?: string; error?: { code: string } };
        expect(r.status, `${r.status} ${JSON.stringify(res).slice(0, 200)} for ${b.slice(0, 120)}`).toBeLessThan(500);
        if (r.status === 200 || r.status === 201) {
          const back = await fetch(`${base}/api/documents/${encodeURIComponent(res.id!)}`);
          await back.text();
          expect(back.status, `stored "${res.id}" but cannot read it back`).toBe(200);
        } else expect(res.error?.code).toMatch(/^E_/);
      }),
      params(1500),
    );
  }, 180_000);

  it(`ran at least 10,000 generated inputs`, () => {
    expect(inputs).toBeGreaterThanOrEqual(10_000);
  });
});
