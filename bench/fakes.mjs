// The 804 FA-KES articles (../shared/data/fa-kes) as sitrep records, or null when ../shared is absent.
// Used by the benchmarks only: the articles never become part of the project.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const shared = process.env.SITREP_SHARED ? resolve(process.env.SITREP_SHARED) : resolve(root, '..', 'shared');

function isoDate(s) {
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

export async function loadFakes() {
  const file = join(shared, 'data', 'fa-kes', 'FA-KES-Dataset.csv');
  if (!existsSync(file)) return null;
  const { csvRecords } = await import(join(root, 'dist', 'src', 'io', 'csv.js'));
  return csvRecords(readFileSync(file, 'utf8')).map((r) => ({
    id: `fakes-${r.unit_id}`,
    title: r.article_title,
    text: r.article_content,
    outlet: r.source,
    published: isoDate(r.date),
  })).filter((r) => r.text && r.text.trim());
}

/**
 * The FA-KES articles ingested by the CLI into a new SQLite ledger in dir, for the benches that query
 * one; null (after a line on stderr naming the bench) when ../shared is absent.
 */
export async function fakesLedger(cli, dir, bench) {
  const records = await loadFakes();
  if (!records) {
    console.error(`bench/${bench}: skipped: ../shared/data/fa-kes/FA-KES-Dataset.csv is absent (or give --db FILE)`);
    return null;
  }
  const file = join(dir, 'fakes.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const db = join(dir, 'fakes.db');
  console.error(`bench/${bench}: ingesting ${records.length} articles…`);
  const r = spawnSync(process.execPath, [cli, 'ingest', '--db', db, file], { stdio: ['ignore', 'ignore', 'ignore'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`ingest failed with status ${r.status}`);
  return db;
}
