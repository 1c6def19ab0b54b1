// Ingest benchmark on the 804 FA-KES articles (../shared/data/fa-kes): time of a first ingest into a
// fresh database (target < 60 s), a rerun (must add nothing), and a run killed halfway (SIGKILL)
// then rerun (must complete). Skips cleanly when ../shared is absent. Needs a build (npm run build).
//   node bench/ingest-fakes.mjs [--keep DB]   (--keep: leave the ingested database there, for bench/query-claims.mjs)
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadFakes, root } from './fakes.mjs';

const CLI = join(root, 'dist', 'src', 'cli', 'main.js');
// --db postgres://...: the queue and its workers (bench/ingest-pg.mjs).
const dbArg = process.argv.includes('--db') ? process.argv[process.argv.indexOf('--db') + 1] : '';
if (/^postgres(ql)?:\/\//.test(dbArg)) {
  await import('./ingest-pg.mjs');
} else {
const keepAt = process.argv.includes('--keep') ? resolve(process.argv[process.argv.indexOf('--keep') + 1]) : null;

if (!existsSync(CLI)) {
  console.error('bench/ingest-fakes: no build; run "npm run build" first');
  process.exit(1);
}
const records = await loadFakes();
if (!records) {
  console.error('bench/ingest-fakes: skipped: ../shared/data/fa-kes/FA-KES-Dataset.csv is absent (set SITREP_SHARED to point elsewhere)');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-ingest-'));
const file = join(dir, 'fakes.jsonl');
writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
const unique = new Set(records.map((r) => r.text)).size;

function ingest(db, extra = []) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'ingest', '--db', db, '--json', ...extra, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const seconds = (performance.now() - t0) / 1000;
  return { status: r.status, seconds: Math.round(seconds * 100) / 100, summary: r.stdout ? JSON.parse(r.stdout) : null };
}

async function openCount(db) {
  const { default: Database } = await import('better-sqlite3');
  const d = new Database(db, { readonly: true });
  try {
    return {
      documents: d.prepare('SELECT COUNT(*) AS n FROM documents').get().n,
      claims: d.prepare('SELECT COUNT(*) AS n FROM claims').get().n,
      places: d.prepare('SELECT COUNT(*) AS n FROM places').get().n,
      orphans: d.prepare('SELECT COUNT(*) AS n FROM documents d LEFT JOIN analyses a ON a.doc_key = d.key WHERE a.doc_key IS NULL').get().n,
    };
  } finally {
    d.close();
  }
}

try {
  console.error(`bench/ingest-fakes: ${records.length} articles (${unique} distinct texts)`);
  const db = join(dir, 'fakes.db');
  const first = ingest(db);
  const afterFirst = await openCount(db);
  const second = ingest(db);

  // Kill halfway: start again on a fresh database, SIGKILL once about half the documents are in.
  const db2 = join(dir, 'killed.db');
  const child = spawn(process.execPath, [CLI, 'ingest', '--db', db2, '--batch', '50', file], { stdio: 'ignore' });
  const exited = new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
  let atKill = 0;
  for (let i = 0; i < 1200; i++) {
    await new Promise((r) => setTimeout(r, 25));
    if (!existsSync(db2)) continue;
    try {
      atKill = (await openCount(db2)).documents;
    } catch {
      continue;
    }
    if (atKill >= unique / 2) break;
  }
  child.kill('SIGKILL');
  const killed = await exited;
  const mid = await openCount(db2);
  const rerun = ingest(db2);
  const final = await openCount(db2);

  const result = {
    machine: { cpus: cpus().length, loadavg1m: +loadavg()[0].toFixed(2) },
    articles: records.length,
    distinctTexts: unique,
    firstIngest: { seconds: first.seconds, status: first.status, ...first.summary, stored: afterFirst, under60s: first.seconds < 60 },
    rerun: { seconds: second.seconds, added: second.summary?.added, addsNothing: second.summary?.added === 0 },
    killHalfway: {
      killedBy: killed.signal,
      documentsAtKill: mid.documents,
      orphansAtKill: mid.orphans,
      rerunAdded: rerun.summary?.added,
      rerunSeconds: rerun.seconds,
      complete: final.documents === afterFirst.documents,
    },
  };
  console.log(JSON.stringify(result, null, 2));
  if (keepAt) {
    copyFileSync(db, keepAt);
    console.error(`bench/ingest-fakes: database kept at ${keepAt}`);
  }
  const ok = result.firstIngest.under60s && result.rerun.addsNothing && result.killHalfway.complete && mid.orphans === 0;
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
}
