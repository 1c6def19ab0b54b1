// Claim-listing latency over the ingested FA-KES corpus (target: p95 < 50 ms), through the real HTTP
// server (`sitrep serve` in its own process; this process is the client): GET /api/claims with no
// filter, each kind of filter, and deep pages. Latency is request to parsed JSON body. Ingests the corpus
// into a temporary database first (or uses --db FILE). Skips cleanly when ../shared is absent.
//   node bench/query-claims.mjs [--db FILE] [--n 200]
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fakesLedger, root } from './fakes.mjs';

const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const N = Number(arg('--n', 200));
const CLI = join(root, 'dist', 'src', 'cli', 'main.js');
if (!existsSync(CLI)) {
  console.error('bench/query-claims: no build; run "npm run build" first');
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-query-'));
let db = arg('--db') ? resolve(arg('--db')) : null;
try {
  if (!db) {
    db = await fakesLedger(CLI, dir, 'query-claims');
    if (!db) process.exit(0);
  }
  const server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const { url } = await new Promise((resolveUrl, reject) => {
    let out = '';
    server.stdout.on('data', (b) => {
      out += b;
      if (out.includes('\n')) resolveUrl(JSON.parse(out.split('\n')[0]));
    });
    server.on('exit', (code) => reject(new Error(`sitrep serve exited (${code})`)));
  });
  const stats = (await (await fetch(url + '/api/health')).json()).stats;
  const facets = await (await fetch(url + '/api/facets')).json();
  const outlet = facets.outlets[0] ?? 'a';
  const cases = {
    'no filter (first page of 100)': '/api/claims',
    'category=killed': '/api/claims?category=killed',
    [`outlet=${outlet}`]: `/api/claims?outlet=${encodeURIComponent(outlet)}`,
    'q=children (text search)': '/api/claims?q=children',
    'source=observatory': '/api/claims?source=observatory',
    'place=aleppo': '/api/claims?place=aleppo',
    'since/until one month': `/api/claims?since=2016-06-01&until=2016-06-30`,
    'deep page offset=4000': '/api/claims?offset=4000',
  };
  // Reported apart: the largest page the API allows (1000 claims, ~0.7 MB of JSON) is a bulk read,
  // not a listing; /api/export is the way to take everything.
  const bulk = { 'max page: category=killed,injured&limit=1000': '/api/claims?category=killed,injured&limit=1000' };
  const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
  const results = {};
  const all = [];
  const bulkResults = {};
  for (const [name, path] of [...Object.entries(cases), ...Object.entries(bulk)]) {
    for (let i = 0; i < 5; i++) await (await fetch(url + path)).arrayBuffer(); // warm up
    const times = [];
    let total = 0;
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const r = await fetch(url + path);
      const body = await r.json();
      times.push(performance.now() - t0);
      if (r.status !== 200) throw new Error(`${path}: ${r.status} ${JSON.stringify(body)}`);
      total = body.total;
    }
    times.sort((a, b) => a - b);
    if (name in bulk) {
      bulkResults[name] = { matches: total, p50ms: +pct(times, 50).toFixed(2), p95ms: +pct(times, 95).toFixed(2), maxms: +times[times.length - 1].toFixed(2) };
      continue;
    }
    all.push(...times);
    results[name] = { matches: total, p50ms: +pct(times, 50).toFixed(2), p95ms: +pct(times, 95).toFixed(2), maxms: +times[times.length - 1].toFixed(2) };
  }
  all.sort((a, b) => a - b);
  const overall = { requests: all.length, p50ms: +pct(all, 50).toFixed(2), p95ms: +pct(all, 95).toFixed(2) };
  console.log(JSON.stringify({ machine: { cpus: cpus().length, loadavg1m: +loadavg()[0].toFixed(2) }, documents: stats.documents, claims: stats.claims, cases: results, overall, bulk: bulkResults, under50msP95: Object.values(results).every((r) => r.p95ms < 50) }, null, 2));
  server.kill('SIGTERM');
  process.exitCode = Object.values(results).every((r) => r.p95ms < 50) ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
