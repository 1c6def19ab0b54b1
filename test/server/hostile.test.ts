// POST /api/documents analyses off the event loop, in a worker thread with a time limit: while a
// 1 MB hostile article is read, /api/health still answers within 100 ms, and an article past the
// limit is refused (422) without stopping the server. Uses the built worker (dist/, npm test builds it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SitrepServer } from '../../src/server/server.js';

let store: SqliteStore;
const servers: SitrepServer[] = [];

beforeAll(async () => {
  store = await SqliteStore.open(':memory:');
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await store.close();
});

async function start(opts: { docTimeout?: number } = {}) {
  const server = new SitrepServer({ store, port: 0, maxBody: 1_200_000, ...opts });
  servers.push(server);
  return (await server.listen()).url;
}

/** About 1 MB of text that was slow (quadratic) for the stages: runs of marks, quotes, titles. */
function hostileText(): string {
  const parts = [
    'The army said ' + '!'.repeat(250_000),
    'He said ' + '?'.repeat(150_000),
    '“' + '"war" '.repeat(25_000),
    'At least ' + Array.from({ length: 2_000 }, (_, i) => String(i % 900)).join(', ') + ' people were killed.',
    'The army said. Minister '.repeat(14_000),
    'Ten people were killed in Aleppo on Monday, the army said. '.repeat(1_000),
  ];
  return parts.join('\n');
}

describe('POST /api/documents off the event loop', () => {
  it('keeps /api/health under 100 ms while a 1 MB hostile article is analysed', async () => {
    const base = await start();
    // the worker starts on the first article: warm it with a small one
    const warm = await fetch(base + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'warm', text: 'Two people were hurt in Idlib on Monday.' }) });
    expect(warm.status).toBe(201);
    const text = hostileText();
    expect(text.length).toBeGreaterThan(900_000);
    let done = false;
    const posted = fetch(base + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'hostile', text }) }).then(async (r) => {
      done = true;
      return { status: r.status, body: (await r.json()) as { status: string } };
    });
    const latencies: number[] = [];
    await new Promise((r) => setTimeout(r, 50));
    while (!done && latencies.length < 400) {
      const t0 = performance.now();
      const r = await fetch(base + '/api/health');
      expect(r.status).toBe(200);
      await r.json();
      latencies.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const res = await posted;
    expect(res.status).toBe(201);
    expect(latencies.length).toBeGreaterThan(3);
    // Each probe within 100 ms on an idle machine; on a shared, busy one the scheduler alone delays
    // a few, so the 95th percentile is held to 100 ms and every probe to well under the analysis
    // time (before, each probe waited for the whole analysis: seconds).
    const sorted = [...latencies].sort((a, b) => a - b);
    const p95 = sorted[Math.floor(sorted.length * 0.95)];
    const report = `health latencies (ms): p50 ${sorted[sorted.length >> 1].toFixed(0)}, p95 ${p95.toFixed(0)}, max ${sorted[sorted.length - 1].toFixed(0)} over ${sorted.length} probes`;
    if (process.env.SITREP_TIMINGS) console.log(report);
    expect(p95, report).toBeLessThan(100);
    expect(sorted[sorted.length - 1], report).toBeLessThan(1000);
  }, 60_000);

  it('refuses an article past the time limit (422) and goes on serving', async () => {
    const base = await start({ docTimeout: 0.5 });
    const text = 'Ten people were killed in Aleppo on Monday, the army said. '.repeat(16_000);
    const r = await fetch(base + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'slow', text }) });
    expect(r.status).toBe(422);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('E_ANALYSIS_TIMEOUT');
    expect((await fetch(base + '/api/health')).status).toBe(200);
    expect((await fetch(base + '/api/documents/slow')).status).toBe(404);
  }, 60_000);
});

describe('a client that goes away', () => {
  it('is logged as one line, not as an error with a stack', async () => {
    const { connect } = await import('node:net');
    const lines: string[] = [];
    const server = new SitrepServer({ store, port: 0, log: (l) => lines.push(l) });
    servers.push(server);
    const { port } = await server.listen();
    // a POST that promises 5,000 bytes, sends 20 and hangs up
    await new Promise<void>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.write('POST /api/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"text": "Two peopl');
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 100);
      });
    });
    for (let i = 0; i < 50 && !lines.length; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^POST \/api\/documents aborted by the client after [\d.]+ms$/);
  });
});
