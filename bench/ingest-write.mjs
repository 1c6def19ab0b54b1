// The ingest's writing alone: the 804 FA-KES analyses stored with putAnalyses (batches of 200, as
// sitrep ingest writes them) into a fresh SQLite file (or a PostgreSQL schema with --db URL), timed
// apart from the analysis, with the CPU time of this thread. The analyses are computed once and kept
// in a JSON file (--analyses FILE; made when missing), so that repeated runs time the store only.
//   node bench/ingest-write.mjs [--analyses FILE] [--db postgres://...] [--runs N]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadFakes, root } from './fakes.mjs';

const { values } = parseArgs({ options: { analyses: { type: 'string' }, db: { type: 'string' }, runs: { type: 'string', default: '3' } } });
const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-write-'));
const file = values.analyses ?? join(dir, 'analyses.json');
let analyses;
if (existsSync(file)) analyses = JSON.parse(readFileSync(file, 'utf8'));
else {
  const docs = await loadFakes();
  if (!docs) {
    console.log('bench/ingest-write: skipped, ../shared/data/fa-kes is absent');
    process.exit(0);
  }
  const { Pipeline } = await import(join(root, 'dist', 'src', 'pipeline', 'pipeline.js'));
  const pipeline = new Pipeline();
  // as the worker sends them: without tokens, through JSON
  analyses = docs.map((d) => ({ ...pipeline.analyze(d), tokens: [] }));
  writeFileSync(file, JSON.stringify(analyses));
  analyses = JSON.parse(readFileSync(file, 'utf8'));
}
const { openStore } = await import(join(root, 'dist', 'src', 'store', 'open.js'));
for (let run = 0; run < Number(values.runs); run++) {
  const db = values.db ?? join(dir, `w${run}.db`);
  const store = await openStore(db);
  if (values.db) await store.db.deleteFrom('documents').execute();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let added = 0;
  for (let i = 0; i < analyses.length; i += 200) {
    for (const o of await store.putAnalyses(analyses.slice(i, i + 200))) if (o.status === 'added') added++;
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  await store.close();
  console.log(`run ${run}: ${analyses.length} analyses, ${added} added: wall ${ms.toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
}
rmSync(dir, { recursive: true, force: true });
