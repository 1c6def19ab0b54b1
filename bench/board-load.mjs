// Load on the figure board (issue 15): `sitrep serve` on the FA-KES ledger in its own process, and
// from this process (the same machine: say so when quoting the figures) autocannon at a fixed rate,
// 200 requests a second for 30 s by default, on GET /api/compare/figures (gzip accepted, as browsers
// do). Reports errors, non-2xx answers and p50/p95/p99/max latency (p95 from every response's own
// time), and, apart, the cold board: the first request after the server starts, with /api/health
// asked every 20 ms meanwhile (the comparison runs in a worker thread: health must keep answering).
// The load generator's own cost: autocannon 9 keeps every response body as a string (req.body += chunk,
// for expectBody and onResponse, neither used here), decoding each 70 KB gzipped board as UTF-8: on
// this 2-core machine that took ~0.8 ms of the generator's CPU per response, 4 times the server's
// whole cost, and in autocannon's per-second bursts (a rate-limited connection sends back to back
// until its quota for the second is spent) it delayed the timing of the other responses. The bench
// drops those bodies (PipelinedRequestsQueue.addBody a no-op: bytes and timings are counted as
// before); --stock-autocannon measures with the stock behaviour.
//   node bench/board-load.mjs [--db FILE] [--rate 200] [--seconds 30] [--path /api/compare/figures] [--cli dist/src/cli/main.js] [--json FILE] [--stock-autocannon]
// Without --db it ingests the FA-KES articles into a temporary database first (about a minute).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fakesLedger, root } from './fakes.mjs';

const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const RATE = Number(arg('--rate', 200));
const SECONDS = Number(arg('--seconds', 30));
const PATH = arg('--path', '/api/compare/figures');
const CLI = resolve(arg('--cli', join(root, 'dist', 'src', 'cli', 'main.js')));
if (!existsSync(CLI)) {
  console.error('bench/board-load: no build; run "npm run build" first');
  process.exit(1);
}
const { default: autocannon } = await import('autocannon');
const STOCK = process.argv.includes('--stock-autocannon');
if (!STOCK) {
  const { createRequire } = await import('node:module');
  const queue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js');
  if (typeof queue?.prototype?.addBody !== 'function') throw new Error('bench/board-load: autocannon changed (no PipelinedRequestsQueue.addBody): give --stock-autocannon');
  queue.prototype.addBody = () => {};
}
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-board-'));
let db = arg('--db') ? resolve(arg('--db')) : null;
let server;
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const round = (x) => +x.toFixed(1);
/** CPU time a process has used, ms (user + system; Linux /proc, else null). */
const cpuOf = (pid) => {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // clock ticks, USER_HZ = 100
  } catch {
    return null;
  }
};
try {
  if (!db) {
    db = await fakesLedger(CLI, dir, 'board-load');
    if (!db) process.exit(0);
  }
  server = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'inherit'] });
  // the server goes with this process, however it ends
  process.on('exit', () => server.kill('SIGTERM'));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
  const { url } = await new Promise((resolveUrl, reject) => {
    let out = '';
    server.stdout.on('data', (b) => {
      out += b;
      if (out.includes('\n')) resolveUrl(JSON.parse(out.split('\n')[0]));
    });
    server.on('exit', (code) => reject(new Error(`sitrep serve exited (${code})`)));
  });
  const stats = (await (await fetch(url + '/api/health')).json()).stats;

  // The cold board, with /api/health asked meanwhile.
  const health = [];
  let cold = true;
  const probe = (async () => {
    while (cold) {
      const t = performance.now();
      await (await fetch(url + '/api/health')).arrayBuffer();
      health.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  const first = await fetch(url + PATH, { headers: { 'accept-encoding': 'gzip' } });
  await first.arrayBuffer();
  const size = Number(first.headers.get('content-length'));
  const coldMs = performance.now() - t0;
  cold = false;
  await probe;
  health.sort((a, b) => a - b);
  console.error(`bench/board-load: cold board ${Math.round(coldMs)} ms (${first.status}, ${size} bytes gzipped); /api/health meanwhile: ${health.length} answers, max ${round(health.at(-1) ?? 0)} ms`);

  // Sequential, warm: one client, one request at a time.
  const seq = [];
  for (let i = 0; i < 200; i++) {
    const t = performance.now();
    await (await fetch(url + PATH, { headers: { 'accept-encoding': 'gzip' } })).arrayBuffer();
    seq.push(performance.now() - t);
  }
  seq.sort((a, b) => a - b);

  // The load: RATE requests a second for SECONDS, from enough connections to keep the rate.
  const times = [];
  const cpu0 = { server: cpuOf(server.pid), generator: process.cpuUsage() };
  const result = await new Promise((resolveRun, reject) => {
    const inst = autocannon(
      { url: url + PATH, connections: 20, overallRate: RATE, duration: SECONDS, headers: { 'accept-encoding': 'gzip' } },
      (err, res) => (err ? reject(err) : resolveRun(res)),
    );
    inst.on('response', (_client, _status, _bytes, ms) => times.push(ms));
  });
  times.sort((a, b) => a - b);
  const serverCpu = cpu0.server == null ? null : cpuOf(server.pid) - cpu0.server;
  const gen = process.cpuUsage(cpu0.generator);
  const perRequest = (ms) => (ms == null || !result.requests.total ? null : +(ms / result.requests.total).toFixed(3));
  const out = {
    machine: { cpus: cpus().length, loadavg1m: +loadavg()[0].toFixed(2), loadGenerator: `autocannon in another process on the same machine${STOCK ? ' (stock: bodies decoded as text)' : ' (response bodies not kept as text)'}` },
    documents: stats.documents,
    claims: stats.claims,
    path: PATH,
    cold: { ms: Math.round(coldMs), gzippedBytes: size, healthAnswers: health.length, healthMaxMs: round(health.at(-1) ?? 0), healthP95Ms: round(pct(health, 95) ?? 0) },
    sequential: { requests: seq.length, p50ms: round(pct(seq, 50)), p95ms: round(pct(seq, 95)) },
    load: {
      rate: RATE,
      seconds: SECONDS,
      requests: result.requests.total,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      p50ms: round(pct(times, 50)),
      p95ms: round(pct(times, 95)),
      p99ms: round(pct(times, 99)),
      maxms: round(times.at(-1)),
      // CPU time per request during the load, ms: the server process (all threads, kernel included) and this one (the load generator)
      serverCpuMsPerRequest: perRequest(serverCpu),
      generatorCpuMsPerRequest: perRequest((gen.user + gen.system) / 1000),
    },
  };
  out.pass = out.load.errors === 0 && out.load.non2xx === 0 && out.load.timeouts === 0 && out.load.p95ms < 50;
  const json = JSON.stringify(out, null, 2);
  if (arg('--json')) writeFileSync(arg('--json'), json + '\n');
  console.log(json);
  process.exitCode = out.pass ? 0 : 1;
} finally {
  server?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
