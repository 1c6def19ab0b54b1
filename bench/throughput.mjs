#!/usr/bin/env node
// npm run bench: how fast Sitrep analyses, measured side by side with wink-nlp's bare readDoc on the
// 804 FA-KES articles in the same run (the ratios are the figures to watch; absolute times depend on
// the machine and its load):
//   first pass   every article once in a fresh process (one-time costs included), vs wink's readDoc
//   warm pass    the same articles again (compiled code and caches warm, as in a long batch)
//   output       a hash of the analyses as JSON Lines: a speed change must leave it alone
//   cold start   `sitrep analyze` on one article from a new process: median wall time of 5, peak RSS
//                (the analysis worker bundled, as `npm run build` and the install leave it), beside
//                Node's own start in the same environment (an empty script) to read it against
//   ingest       `sitrep ingest` of the 804 articles into a fresh SQLite file with --jobs 1 and 2
// Options:
//   --record     store this run's figures in bench/baseline.json (commit it)
//   --check      exit 1 when the first-pass ratio is more than 15% above the recorded one (skipped, with
//                a line saying so, when the load average at the start or after the measured passes exceeds 1
//                per core: the ratio is not comparable)
//   --no-ingest  skip the ingest comparison (the slowest part)
//   --json       one JSON summary line on standard output at the end
// Skips cleanly when ../shared is absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFakes, root } from './fakes.mjs';

const args = new Set(process.argv.slice(2));
for (const a of args) if (!['--record', '--check', '--no-ingest', '--json'].includes(a)) {
  console.error(`bench: unknown option ${a} (--record, --check, --no-ingest, --json)`);
  process.exit(2);
}
const BASELINE = join(root, 'bench', 'baseline.json');
/** --check fails when the first-pass ratio grows by more than this over the recorded one. */
const TOLERANCE = 1.15;
const TARGETS = { firstRatio: 2.5, warmRatio: 1.5, coldMs: 200, coldRssMb: 250, ingestRatio: 0.6 };

const docs = await loadFakes();
if (!docs) {
  console.log('bench: skipped, ../shared/data/fa-kes is absent');
  process.exit(0);
}
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
if (!existsSync(cli)) {
  console.error('bench: dist/ is missing; run "npm run build" first');
  process.exit(2);
}
// the CLI as installed: its analysis worker bundled into one file (npm run build does this too;
// a plain tsc leaves the bundle stale and the worker runs unbundled)
execFileSync(process.execPath, [join(root, 'scripts', 'bundle-worker.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
const { Pipeline } = await import(join(root, 'dist', 'src', 'pipeline', 'pipeline.js'));
const { toRecord } = await import(join(root, 'dist', 'src', 'output', 'record.js'));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const mb = bytes / 1e6;
const load1 = loadavg()[0];

// --- sitrep, first pass: resources loaded once (timed apart), then every article
const pipeline = new Pipeline();
const t0 = performance.now();
pipeline.analyze({ id: 'warmup', text: 'Warm-up: three people were killed in Aleppo on Monday, the ministry said.' });
const loadMs = performance.now() - t0;
const stageMs = {};
const analyses = [];
const t1 = performance.now();
for (const d of docs) {
  const a = pipeline.analyze(d);
  for (const [k, v] of Object.entries(a.timings)) stageMs[k] = (stageMs[k] ?? 0) + v;
  analyses.push(a);
}
const sitrepMs = performance.now() - t1;
const sitrepRss = process.resourceUsage().maxRSS / 1024;
const items = analyses.reduce((n, a) => n + a.claims.length + a.places.length + a.actors.length + a.statements.length, 0);
const output = createHash('sha256');
for (const a of analyses) output.update(JSON.stringify(toRecord(a, { timings: false })) + '\n');
const outputHash = output.digest('hex').slice(0, 16);
analyses.length = 0;

// --- wink-nlp readDoc on the same articles
let winkMs = null;
try {
  const winkNLP = (await import('wink-nlp')).default;
  const model = (await import('wink-eng-lite-web-model')).default;
  const nlp = winkNLP(model);
  nlp.readDoc('Warm-up sentence.');
  const t2 = performance.now();
  for (const d of docs) nlp.readDoc(d.text);
  winkMs = performance.now() - t2;
} catch (e) {
  console.error(`bench: wink-nlp not available (${e.message}); install dev dependencies for the comparison`);
}
/** The load average once both halves of the ratio are measured (the bench itself adds about 1). */
const loadAfterRatio = loadavg()[0];

// --- sitrep, second pass over the same articles: compiled code and caches warm, as in a long batch
const warmStageMs = {};
const t1w = performance.now();
for (const d of docs) {
  const a = pipeline.analyze(d);
  for (const [k, v] of Object.entries(a.timings)) warmStageMs[k] = (warmStageMs[k] ?? 0) + v;
}
const warmMs = performance.now() - t1w;

// --- cold start: a new process on one article, 5 times; peak RSS of each from a preloaded hook
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const one = join(dir, 'one.jsonl');
writeFileSync(one, JSON.stringify(docs.find((d) => d.text.length > 2000) ?? docs[0]) + '\n');
const hook = join(root, 'bench', 'rss-hook.mjs');
const rssFile = join(dir, 'rss');
const colds = [];
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  execFileSync(process.execPath, ['--import', hook, cli, 'analyze', '--format', 'jsonl', one], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, SITREP_BENCH_RSS_FILE: rssFile },
  });
  colds.push({ ms: performance.now() - s, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const coldMs = median(colds.map((c) => c.ms));
// Node's own start in the same environment (an empty script), for reading the cold figure: on the
// machines this was measured on, NODE_EXTRA_CA_CERTS alone added ~40 ms to every start
const bare = [];
for (let i = 0; i < 5; i++) {
  const s = performance.now();
  execFileSync(process.execPath, ['-e', ''], { stdio: 'ignore' });
  bare.push(performance.now() - s);
}
const bareMs = median(bare);
const coldRssMb = Math.max(...colds.map((c) => c.rssMb));

// --- ingest with 1 and 2 worker threads, each into a fresh database
let ingest = null;
if (!args.has('--no-ingest')) {
  const file = join(dir, 'fakes.jsonl');
  writeFileSync(file, docs.map((d) => JSON.stringify(d)).join('\n') + '\n');
  const run = (jobs) => {
    const db = join(dir, `ingest-${jobs}.db`);
    const s = performance.now();
    const r = spawnSync(process.execPath, [cli, 'ingest', '--jobs', String(jobs), '--db', db, '--json', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = performance.now() - s;
    if (r.status !== 0) throw new Error(`bench: sitrep ingest --jobs ${jobs} exited ${r.status}: ${r.stderr}`);
    return { ms, added: JSON.parse(r.stdout).added };
  };
  const j1 = run(1);
  const j2 = run(2);
  ingest = { ms1: j1.ms, ms2: j2.ms, added: [j1.added, j2.added], ratio: j2.ms / j1.ms };
}
rmSync(dir, { recursive: true, force: true });

// --- report
const fmt = (x, d = 1) => x.toFixed(d);
const firstRatio = winkMs != null ? sitrepMs / winkMs : null;
const warmRatio = winkMs != null ? warmMs / winkMs : null;
const mark = (ok) => (ok ? 'ok' : 'OVER');
console.log(`articles: ${docs.length}, ${fmt(mb, 2)} MB of text; ${availableParallelism()} cores, load average ${fmt(load1, 2)} at the start`);
console.log(`sitrep   first pass ${fmt(docs.length / (sitrepMs / 1000))} articles/s  ${fmt(mb / (sitrepMs / 1000), 2)} MB/s  total ${fmt(sitrepMs, 0)} ms  (resources loaded in ${fmt(loadMs, 0)} ms; ${items} items)  peak RSS ${fmt(sitrepRss, 0)} MB`);
console.log(`         warm pass  ${fmt(docs.length / (warmMs / 1000))} articles/s  total ${fmt(warmMs, 0)} ms`);
if (winkMs != null) {
  console.log(`wink-nlp ${fmt(docs.length / (winkMs / 1000))} articles/s  ${fmt(mb / (winkMs / 1000), 2)} MB/s  total ${fmt(winkMs, 0)} ms  (readDoc only)`);
  console.log(`ratio    first pass ${fmt(firstRatio, 2)}x wink's readDoc time (target <= ${TARGETS.firstRatio}: ${mark(firstRatio <= TARGETS.firstRatio)}), warm pass ${fmt(warmRatio, 2)}x (target <= ${TARGETS.warmRatio}: ${mark(warmRatio <= TARGETS.warmRatio)})`);
}
const stageLine = (ms) => {
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  return Object.entries(ms).map(([k, v]) => `${k} ${fmt(v, 0)} ms (${fmt((100 * v) / total, 0)}%)`).join(', ');
};
console.log('stages   first: ' + stageLine(stageMs));
console.log('         warm:  ' + stageLine(warmStageMs));
console.log(`output   sha256 of the 804 analyses as JSON Lines: ${outputHash}`);
console.log(`cold     one article from a new process: median ${fmt(coldMs, 0)} ms of 5 (target <= ${TARGETS.coldMs}: ${mark(coldMs <= TARGETS.coldMs)}; runs ${colds.map((c) => fmt(c.ms, 0)).join(', ')} ms), peak RSS ${fmt(coldRssMb, 0)} MB (target <= ${TARGETS.coldRssMb}: ${mark(coldRssMb <= TARGETS.coldRssMb)})`);
console.log(`         of which Node's own start (node -e "", median of 5): ${fmt(bareMs, 0)} ms${process.env.NODE_EXTRA_CA_CERTS ? ' (NODE_EXTRA_CA_CERTS is set: Node reads that file at every start)' : ''}`);
if (ingest) console.log(`ingest   804 articles into SQLite: --jobs 1 ${fmt(ingest.ms1 / 1000, 2)} s, --jobs 2 ${fmt(ingest.ms2 / 1000, 2)} s: ${fmt(ingest.ratio, 2)}x (target <= ${TARGETS.ingestRatio}: ${mark(ingest.ratio <= TARGETS.ingestRatio)}; ${ingest.added.join(' and ')} added)`);

const summary = {
  date: new Date().toISOString(),
  cores: availableParallelism(),
  loadavg1m: +fmt(load1, 2),
  articles: docs.length,
  firstMs: Math.round(sitrepMs),
  warmMs: Math.round(warmMs),
  winkMs: winkMs != null ? Math.round(winkMs) : null,
  firstRatio: firstRatio != null ? +fmt(firstRatio, 3) : null,
  warmRatio: warmRatio != null ? +fmt(warmRatio, 3) : null,
  coldMs: Math.round(coldMs),
  coldRssMb: Math.round(coldRssMb),
  nodeStartMs: Math.round(bareMs),
  ingestRatio: ingest ? +fmt(ingest.ratio, 3) : null,
  outputHash,
};
if (args.has('--json')) console.log(JSON.stringify(summary));

let status = 0;
if (args.has('--check')) {
  if (!existsSync(BASELINE)) {
    console.error(`bench --check: no recorded baseline (${BASELINE}); run "npm run bench -- --record" first`);
    status = 2;
  } else if (Math.max(load1, loadAfterRatio) > availableParallelism()) {
    // other work on the machine slows the two halves of the ratio unevenly (seen here: 6x quiet, 11x at
    // load 8, and 7.0x where other jobs started during the pass after a start at load 1.7)
    console.log(`check    skipped: load average ${fmt(load1, 2)} at the start, ${fmt(loadAfterRatio, 2)} after the passes, on ${availableParallelism()} cores; the ratio is only comparable on a quiet machine`);
  } else if (firstRatio == null) {
    console.error('bench --check: wink-nlp is not installed, so there is no ratio to check');
    status = 2;
  } else {
    const base = JSON.parse(readFileSync(BASELINE, 'utf8'));
    const limit = base.firstRatio * TOLERANCE;
    // a first pass happens once per process, and on a shared virtual machine one run's ratio can read
    // 30% high with nothing else running (seen: 5.5x to 7.8x for one build within minutes); a real
    // regression is slow in every run, so an over-limit ratio is measured again in up to four new
    // processes and the lowest counts
    const ratios = [firstRatio];
    for (let retry = 0; retry < 4 && Math.min(...ratios) > limit; retry++) {
      const r = spawnSync(process.execPath, [join(root, 'bench', 'throughput.mjs'), '--no-ingest', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
      const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
      try {
        const again = JSON.parse(last).firstRatio;
        if (typeof again === 'number') ratios.push(again);
      } catch {
        break; // the rerun failed: judge on what was measured
      }
    }
    const best = Math.min(...ratios);
    const ok = best <= limit;
    const runs = ratios.length > 1 ? ` (lowest of ${ratios.map((x) => fmt(x, 2) + 'x').join(', ')})` : '';
    console.log(`check    first-pass ratio ${fmt(best, 2)}x${runs} vs recorded ${fmt(base.firstRatio, 2)}x (${base.date.slice(0, 10)}): limit ${fmt(limit, 2)}x: ${ok ? 'ok' : 'REGRESSION'}`);
    if (base.outputHash && base.outputHash !== outputHash) console.log(`         output differs from the recorded run's (${base.outputHash}): expected after a change to what the stages find, not after a speed change`);
    if (!ok) status = 1;
  }
}
if (args.has('--record')) {
  writeFileSync(BASELINE, JSON.stringify(summary, null, 2) + '\n');
  console.log(`recorded ${BASELINE}`);
}
process.exit(status);
