// The team commands end to end (the built CLI, a PostgreSQL ledger in a scratch schema): ingest
// --queue returns at once, a worker stores what was queued, the ledger equals a plain SQLite ingest
// of the same file, sitrep queue reports it, and --reanalyse --stale queues only what an older
// pipeline version analysed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { ROOT } from '../store/fixtures.js';
import { describePg, PG_URL, scratchSchema } from '../store/pg.js';

const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-queue-cli-'));
const schema = scratchSchema('cli');
const url = () => {
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  return u.toString();
};
const sql = async (text: string) => {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
};
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (PG_URL) await sql(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS ${schema}_queue CASCADE`);
});

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, SITREP_DB: '' } });

const TOWNS = ['Ariha', 'Sarmada', 'Kafranbel', 'Atmeh'];
const lines = TOWNS.map((town, i) =>
  JSON.stringify({ id: `cli-${i}`, outlet: 'Test Wire', published: '2024-05-07', text: `Shelling hit ${town} on Tuesday, killing ${i + 3} civilians, a local rescue group said.` }),
);
// the same text again under another id: stored once
lines.push(JSON.stringify({ id: 'cli-copy', outlet: 'Copy Desk', published: '2024-05-08', text: JSON.parse(lines[0]).text }));

describePg('sitrep ingest --queue, worker, queue', () => {
  it('queues, works, reports, and stores what a plain ingest stores', async () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, lines.join('\n') + '\n');
    const q = run('ingest', '--db', url(), '--queue', '--json', file);
    expect(q.status, q.stderr).toBe(0);
    expect(JSON.parse(q.stdout)).toMatchObject({ queued: 4, alreadyQueued: 1, existing: 0, failed: 0 });
    expect(JSON.parse(run('queue', '--db', url(), '--json').stdout)).toMatchObject({ pending: 4, running: 0, failed: 0 });
    const w = run('worker', '--db', url(), '--exit-when-empty');
    expect(w.status, w.stderr).toBe(0);
    expect(w.stderr).toMatch(/4 documents done/);
    expect(JSON.parse(run('queue', '--db', url(), '--json').stdout)).toMatchObject({ pending: 0, completed: 4, failed: 0 });
    // Queued again: nothing new.
    expect(JSON.parse(run('ingest', '--db', url(), '--queue', '--json', file).stdout)).toMatchObject({ queued: 0, existing: 5 });

    const sqlite = join(dir, 'ref.db');
    expect(run('ingest', '--db', sqlite, file).status).toBe(0);
    const { diffLedgers } = await import('../../bench/ledger-diff.mjs');
    const d = await diffLedgers(sqlite, url());
    expect(d).toMatchObject({ documents: [4, 4], equal: true });
  }, 180000);

  it('re-analyses through the queue only what another pipeline version analysed', async () => {
    const stale = () => JSON.parse(run('ingest', '--db', url(), '--reanalyse', '--stale', '--json').stdout);
    expect(stale()).toMatchObject({ queued: 0 });
    await sql(`UPDATE ${schema}.analyses SET pipeline_version = 'code:old data:old' WHERE doc_key = (SELECT key FROM ${schema}.documents WHERE id = 'cli-2')`);
    expect(stale()).toMatchObject({ queued: 1 });
    expect(stale()).toMatchObject({ queued: 0, alreadyQueued: 1 });
    expect(run('worker', '--db', url(), '--exit-when-empty').status).toBe(0);
    const rows = await sql(`SELECT COUNT(*)::int AS n FROM ${schema}.analyses WHERE pipeline_version = 'code:old data:old'`);
    expect(rows[0].n).toBe(0);
    expect(stale()).toMatchObject({ queued: 0 });
  }, 180000);

  it('refuses the queue commands on a SQLite ledger with a usage error', () => {
    for (const args of [['queue', '--db', join(dir, 'x.db')], ['worker', '--db', join(dir, 'x.db')], ['ingest', '--db', join(dir, 'x.db'), '--queue', 'examples']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/PostgreSQL/);
    }
  });
});
