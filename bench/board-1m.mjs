// The figure board kept in the database (src/store/sql/board.ts, src/compare/from-store.ts) on a
// large ledger: the time to bring it up to date (all of it, the first time; then after one more
// document), and the time of a board page (the first page of the API's default query, and a
// category, N times each: p50/p95), with the process's peak memory. Works on a SQLite file or a
// postgres:// URL (e.g. the synthetic ledger of bench/synthetic-ledger.mjs).
// --touch N then marks N documents spread over the ledger as written again (as a reanalysis does) and
// times the refresh that takes them in: the cost of keeping the board up to date.
//   node bench/board-1m.mjs --db FILE|URL [--n 30] [--touch 10] [--dump FILE] [--json FILE] [--no-refresh]
// --dump writes every group as `sitrep compare --format json` would ({documents, undated, figures}),
// for bench/figure-board.mjs --from FILE.
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { root } from './fakes.mjs';

const arg = (name, d) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : d);
const url = arg('--db');
const N = Number(arg('--n', 30));
if (!url) {
  console.error('usage: node bench/board-1m.mjs --db FILE|postgres://... [--n 30] [--dump FILE] [--json FILE] [--no-refresh]');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'src', 'store', 'open.js'))) {
  console.error('bench/board-1m: no build; run "npm run build" first');
  process.exit(1);
}
const { openStore } = await import(join(root, 'dist', 'src', 'store', 'open.js'));
const { refreshBoard, boardPage } = await import(join(root, 'dist', 'src', 'compare', 'from-store.js'));
const { regionNameTest } = await import(join(root, 'dist', 'src', 'compare', 'index.js'));
const { loadGazetteer } = await import(join(root, 'dist', 'src', 'geo', 'gazetteer.js'));
const { markBoardDirty } = await import(join(root, 'dist', 'src', 'store', 'sql', 'write-analysis.js'));

let peak = 0;
const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const mb = (b) => Math.round(b / 2 ** 20);
const pct = (a, p) => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))];
const store = await openStore(url);
const stats = await store.stats();
console.error(`bench/board-1m: ${stats.documents} documents, ${stats.claims} claims`);
const out = { machine: { cpus: cpus().length, loadavg1m: +loadavg()[0].toFixed(2) }, documents: stats.documents, claims: stats.claims };
let regionName = null;
const region = () => {
  if (!regionName) {
    const t = performance.now();
    regionName = regionNameTest(loadGazetteer({}));
    out.gazetteerMs = Math.round(performance.now() - t);
  }
  return regionName;
};
if (!process.argv.includes('--no-refresh')) {
  out.refresh = await refreshBoard(store.board, { regionName: region(), log: (m) => console.error(m) });
  out.refresh.rssPeakMB = mb(peak);
}
const TOUCH = Number(arg('--touch', 0));
if (TOUCH) {
  const keys = (await store.db.selectFrom('documents').select('key').orderBy('key').execute()).map((r) => r.key);
  const touched = Array.from({ length: TOUCH }, (_, i) => keys[Math.floor(((i + 0.5) * keys.length) / TOUCH)]);
  await markBoardDirty(store.db, touched);
  peak = 0;
  out.touch = await refreshBoard(store.board, { regionName: region(), log: (m) => console.error(m) });
  out.touch.rssPeakMB = mb(peak);
}
const queries = {
  'first page (minReports 2, 50 groups)': { category: [], minReports: 2, limit: 50, offset: 0 },
  'killed, page 3': { category: ['killed'], minReports: 2, limit: 50, offset: 100 },
  'minReports 5': { category: [], minReports: 5, limit: 50, offset: 0 },
};
out.page = {};
for (const [name, q] of Object.entries(queries)) {
  const times = [];
  let body = '';
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    body = await boardPage(store.board, q, new Date().toISOString());
    times.push(performance.now() - t);
  }
  const parsed = JSON.parse(body);
  out.page[name] = { total: parsed.total, items: parsed.items.length, bytes: body.length, p50ms: +pct(times, 50).toFixed(1), p95ms: +pct(times, 95).toFixed(1) };
  console.error(`  ${name}: ${JSON.stringify(out.page[name])}`);
}
if (arg('--dump')) {
  const all = JSON.parse(await boardPage(store.board, { category: [], minReports: 1, limit: 1e9, offset: 0 }, new Date().toISOString()));
  writeFileSync(arg('--dump'), JSON.stringify({ documents: all.documents, undated: all.undated, figures: all.items }) + '\n');
}
clearInterval(sample);
out.rssPeakMB = mb(Math.max(peak, process.memoryUsage().rss));
await store.close();
const json = JSON.stringify(out, null, 2);
if (arg('--json')) writeFileSync(arg('--json'), json + '\n');
console.log(json);
