// Ingest of the 804 FA-KES articles into a PostgreSQL ledger through the queue, with 1 and with 2
// workers, each compared with what a plain SQLite ingest stores (bench/ledger-diff.mjs); then a run
// where a worker is killed (SIGKILL) 10 times, which must end with the same ledger.
// WIPES the database it is given (its public and sitrep_queue schemas): give it a scratch database.
//   node bench/ingest-pg.mjs --db postgres://user:pass@host/scratch_db --wipe [--skip-kill]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFakes, root } from './fakes.mjs';
import { diffLedgers } from './ledger-diff.mjs';

const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const url = arg('--db');
const CLI = join(root, 'dist', 'src', 'cli', 'main.js');
if (!url || !/^postgres(ql)?:\/\//.test(url) || !process.argv.includes('--wipe')) {
  console.error('usage: node bench/ingest-pg.mjs --db postgres://... --wipe   (the database is wiped: use a scratch one)');
  process.exit(2);
}
if (!existsSync(CLI)) {
  console.error('bench/ingest-pg: no build; run "npm run build" first');
  process.exit(1);
}
const records = await loadFakes();
if (!records) {
  console.error('bench/ingest-pg: skipped: ../shared/data/fa-kes/FA-KES-Dataset.csv is absent');
  process.exit(0);
}
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-pg-'));
const file = join(dir, 'fakes.jsonl');
writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');

const { default: pg } = await import('pg');
async function wipe() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public; DROP SCHEMA IF EXISTS sitrep_queue CASCADE');
  await c.end();
}
const cli = (args) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const worker = (extra = []) => spawn(process.execPath, [CLI, 'worker', '--db', url, '--exit-when-empty', ...extra], { stdio: 'ignore' });
const exited = (child) => new Promise((r) => child.on('exit', (code, signal) => r({ code, signal })));
const seconds = (t0) => Math.round((performance.now() - t0) / 10) / 100;

async function queuedRun(workers) {
  await wipe();
  const t0 = performance.now();
  const q = cli(['ingest', '--db', url, '--queue', '--json', file]);
  if (q.status !== 0) throw new Error(`ingest --queue failed: ${q.stderr}`);
  const enqueueSeconds = seconds(t0);
  await Promise.all(Array.from({ length: workers }, () => exited(worker())));
  return { workers, seconds: seconds(t0), enqueueSeconds, queued: JSON.parse(q.stdout).queued };
}

try {
  const sqlite = join(dir, 'ref.db');
  let t0 = performance.now();
  const ref = cli(['ingest', '--db', sqlite, file]);
  if (ref.status !== 0) throw new Error(`sqlite ingest failed: ${ref.stderr}`);
  const result = { machine: { cpus: cpus().length, loadavg1m: +loadavg()[0].toFixed(2) }, articles: records.length, sqlite: { seconds: seconds(t0) }, postgres: [] };
  for (const n of [1, 2]) {
    const run = await queuedRun(n);
    run.sameAsSqlite = await diffLedgers(sqlite, url);
    result.postgres.push(run);
    console.error(`bench/ingest-pg: ${n} worker(s): ${run.seconds}s, same as SQLite: ${run.sameAsSqlite.equal}`);
  }
  if (!process.argv.includes('--skip-kill')) {
    // Two workers; every 1.5 s one is killed with SIGKILL and a fresh one started, 10 times.
    await wipe();
    t0 = performance.now();
    cli(['ingest', '--db', url, '--queue', file]);
    const fast = ['--job-timeout', '5'];
    let live = [worker(fast), worker(fast)];
    for (let k = 0; k < 10; k++) {
      await new Promise((r) => setTimeout(r, 1500));
      const victim = live.shift();
      victim.kill('SIGKILL');
      await exited(victim);
      live.push(worker(fast));
    }
    await Promise.all(live.map(exited));
    // Lost jobs come back after their timeout: a last worker waits for them.
    await exited(worker(fast));
    result.killed10Times = { seconds: seconds(t0), sameAsSqlite: await diffLedgers(sqlite, url), queue: JSON.parse(cli(['queue', '--db', url, '--json']).stdout) };
  }
  console.log(JSON.stringify(result, null, 2));
  const ok = result.postgres.every((r) => r.sameAsSqlite.equal) && (result.killed10Times?.sameAsSqlite.equal ?? true);
  process.exitCode = ok ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
