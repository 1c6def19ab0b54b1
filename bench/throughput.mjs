#!/usr/bin/env node
// npm run bench: throughput of the analyzer over the 804 FA-KES articles in one process (articles/s,
// MB/s, peak RSS, time per stage), next to wink-nlp's bare readDoc over the same articles in the same
// run (the ratio is the figure to watch), then time per stage on a second pass over the same articles
// (compiled code and caches warm, as in a long batch; the first pass carries one-time costs), and the
// wall time of `sitrep analyze` on one article from a cold start (a new process, gazetteer load
// included). Skips cleanly when ../shared is absent.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFakes, root } from './fakes.mjs';

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
const { Pipeline } = await import(join(root, 'dist', 'src', 'pipeline', 'pipeline.js'));
const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);
const mb = bytes / 1e6;

// --- sitrep, warm: resources loaded once, then every article
const pipeline = new Pipeline();
const t0 = performance.now();
pipeline.analyze({ id: 'warmup', text: 'Warm-up: three people were killed in Aleppo on Monday, the ministry said.' });
const loadMs = performance.now() - t0;
const stageMs = {};
let items = 0;
const t1 = performance.now();
for (const d of docs) {
  const a = pipeline.analyze(d);
  for (const [k, v] of Object.entries(a.timings)) stageMs[k] = (stageMs[k] ?? 0) + v;
  items += a.claims.length + a.places.length + a.actors.length + a.statements.length;
}
const sitrepMs = performance.now() - t1;
const sitrepRss = process.resourceUsage().maxRSS / 1024;

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

// --- sitrep, second pass over the same articles: compiled code and caches warm, as in a long batch
const warmStageMs = {};
const t1w = performance.now();
for (const d of docs) {
  const a = pipeline.analyze(d);
  for (const [k, v] of Object.entries(a.timings)) warmStageMs[k] = (warmStageMs[k] ?? 0) + v;
}
const warmMs = performance.now() - t1w;

// --- cold start: a new process on one article
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
const one = join(dir, 'one.jsonl');
writeFileSync(one, JSON.stringify(docs.find((d) => d.text.length > 2000) ?? docs[0]) + '\n');
const colds = [];
for (let i = 0; i < 3; i++) {
  const s = performance.now();
  execFileSync('node', [cli, 'analyze', '--format', 'jsonl', one], { stdio: ['ignore', 'ignore', 'inherit'] });
  colds.push(performance.now() - s);
}
colds.sort((a, b) => a - b);

const fmt = (x, d = 1) => x.toFixed(d);
console.log(`articles: ${docs.length}, ${fmt(mb, 2)} MB of text`);
console.log(`sitrep   ${fmt(docs.length / (sitrepMs / 1000))} articles/s  ${fmt(mb / (sitrepMs / 1000), 2)} MB/s  total ${fmt(sitrepMs, 0)} ms  (resources loaded in ${fmt(loadMs, 0)} ms; ${items} items)  peak RSS ${fmt(sitrepRss, 0)} MB`);
if (winkMs != null) {
  console.log(`wink-nlp ${fmt(docs.length / (winkMs / 1000))} articles/s  ${fmt(mb / (winkMs / 1000), 2)} MB/s  total ${fmt(winkMs, 0)} ms  (readDoc only)`);
  console.log(`ratio    sitrep takes ${fmt(sitrepMs / winkMs, 2)}x the time of wink-nlp readDoc`);
}
const stageLine = (ms) => {
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  return { total, text: Object.entries(ms).map(([k, v]) => `${k} ${fmt(v, 0)} ms (${fmt((100 * v) / total, 0)}%)`).join(', ') };
};
const first = stageLine(stageMs);
console.log('stages   ' + first.text);
const claims = stageMs.claims ?? 0;
console.log(`         claims ${fmt(claims, 0)} ms vs all other stages ${fmt(first.total - claims, 0)} ms; places ${fmt((100 * (stageMs.places ?? 0)) / first.total, 1)}% of the pipeline`);
const warm = stageLine(warmStageMs);
console.log(`warm     second pass ${fmt(docs.length / (warmMs / 1000))} articles/s, total ${fmt(warmMs, 0)} ms: ${warm.text}`);
console.log(`         places ${fmt((100 * (warmStageMs.places ?? 0)) / warm.total, 1)}% of the pipeline on the second pass`);
console.log(`cold     one article from a new process: median ${fmt(colds[1], 0)} ms (runs: ${colds.map((c) => fmt(c, 0)).join(', ')} ms)`);
