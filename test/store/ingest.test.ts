// sitrep ingest end to end: idempotence, bad records reported and skipped, and a run interrupted
// (Ctrl-C) or killed (SIGKILL) halfway leaves a consistent database that a rerun completes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './fixtures.js';

const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOWNS = ['Ariha', 'Sarmada', 'Kafranbel', 'Atmeh', 'Maarat al-Numan'];
function article(i: number): string {
  const town = TOWNS[i % TOWNS.length];
  return [
    `Shelling hit the town of ${town} on Tuesday, killing ${i + 2} civilians and wounding ${i + 5} others, a local rescue group said (report ${i}).`,
    `About ${(i + 1) * 100} families fled toward camps near the border, the council of ${town} said.`,
  ].join('\n');
}

function writeCorpus(name: string, n: number, extra: string[] = []): string {
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `t-${i}`, text: article(i), outlet: `Outlet ${i % 3}`, published: '2024-05-07' }));
  const file = join(dir, name);
  writeFileSync(file, [...lines.slice(0, 3), ...extra, ...lines.slice(3)].join('\n') + '\n');
  return file;
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

function counts(db: string) {
  const d = new Database(db, { readonly: true });
  try {
    const n = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    return {
      documents: n('SELECT COUNT(*) AS n FROM documents'),
      analyses: n('SELECT COUNT(*) AS n FROM analyses'),
      orphans: n('SELECT COUNT(*) AS n FROM documents d LEFT JOIN analyses a ON a.doc_key = d.key WHERE a.doc_key IS NULL'),
      claimsMismatch: n('SELECT COUNT(*) AS n FROM analyses a WHERE a.n_claims != (SELECT COUNT(*) FROM claims c WHERE c.doc_key = a.doc_key)'),
      integrity: (d.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check,
    };
  } finally {
    d.close();
  }
}

/** Documents in the corpora interrupted halfway. */
const TOTAL = 120;

async function interruptHalfway(signal: NodeJS.Signals, file: string, db: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, 'ingest', '--db', db, '--batch', '4', file], {
    env: { ...process.env, SITREP_INGEST_THROTTLE_MS: '40' },
  });
  let stderr = '';
  child.stderr.on('data', (b) => (stderr += b));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  // Wait until some batches are in, then interrupt.
  for (let i = 0; i < 1200; i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (existsSync(db)) {
      try {
        if (counts(db).documents >= 8) break;
      } catch {
        /* schema not there yet */
      }
    }
  }
  child.kill(signal);
  const r = await done;
  return { ...r, stderr };
}

describe.skipIf(!existsSync(CLI))('sitrep ingest', () => {
  it('stores every good record, reports bad ones with file and line, and a rerun adds nothing', () => {
    const file = writeCorpus('mixed.jsonl', 12, ['{"id": "broken", "text": ', '{"id": "no-text"}']);
    const db = join(dir, 'mixed.db');
    const first = run(['ingest', '--db', db, '--json', file]);
    expect(first.status).toBe(1);
    expect(first.stderr).toMatch(/mixed\.jsonl:4: not JSON/);
    expect(first.stderr).toMatch(/mixed\.jsonl:5: field "text": missing/);
    expect(JSON.parse(first.stdout)).toMatchObject({ added: 12, existing: 0, failed: 2, interrupted: false });
    const second = run(['ingest', '--db', db, '--json', file]);
    expect(JSON.parse(second.stdout)).toMatchObject({ added: 0, existing: 12, failed: 2 });
    expect(counts(db)).toMatchObject({ documents: 12, orphans: 0, claimsMismatch: 0, integrity: 'ok' });
  }, 120_000);

  it('stores the same text once even under another id or file', () => {
    const db = join(dir, 'dup.db');
    const a = join(dir, 'a.jsonl');
    writeFileSync(a, JSON.stringify({ id: 'one', text: article(1) }) + '\n' + JSON.stringify({ id: 'two', text: article(1) }) + '\n');
    const r = run(['ingest', '--db', db, '--json', a]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 1, existing: 1 });
  }, 120_000);

  it('re-analyses stored articles on request without adding any', () => {
    const file = writeCorpus('again.jsonl', 6);
    const db = join(dir, 'again.db');
    expect(JSON.parse(run(['ingest', '--db', db, '--json', file]).stdout)).toMatchObject({ added: 6 });
    const r = run(['ingest', '--db', db, '--json', '--reanalyse', file]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 0, replaced: 6, existing: 0 });
    expect(counts(db)).toMatchObject({ documents: 6, analyses: 6, orphans: 0, claimsMismatch: 0 });
  }, 120_000);

  it('prints its help before reading the other options', () => {
    const r = run(['ingest', '--help', '--batch', '0']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: sitrep ingest/);
  }, 120_000);

  it('rejects bad options with exit status 2', () => {
    expect(run(['ingest', '--batch', '0', 'x']).status).toBe(2);
    expect(run(['ingest']).status).toBe(2);
    expect(run(['ingest', '--published', 'May 7', 'x']).status).toBe(2);
  }, 120_000);

  it('on Ctrl-C stores the batch in hand, exits 130, and a rerun completes', async () => {
    // (more documents than the pool takes ahead (33 per worker, one or two here): the reading is paced by the throttle, so
    // documents are still unread when the signal comes, however long the worker takes to start)
    const file = writeCorpus('sigint.jsonl', TOTAL);
    const db = join(dir, 'sigint.db');
    const r = await interruptHalfway('SIGINT', file, db);
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted/);
    const mid = counts(db);
    expect(mid.documents).toBeGreaterThan(0);
    expect(mid.documents).toBeLessThan(TOTAL);
    expect(mid).toMatchObject({ orphans: 0, claimsMismatch: 0, integrity: 'ok' });
    const rerun = run(['ingest', '--db', db, '--json', file]);
    expect(rerun.status).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ added: TOTAL - mid.documents, existing: mid.documents });
    expect(counts(db).documents).toBe(TOTAL);
  }, 120_000);

  it('killed halfway (SIGKILL) leaves whole documents only, and a rerun completes', async () => {
    const file = writeCorpus('kill.jsonl', TOTAL);
    const db = join(dir, 'kill.db');
    const r = await interruptHalfway('SIGKILL', file, db);
    expect(r.signal).toBe('SIGKILL');
    const mid = counts(db);
    expect(mid.documents).toBeLessThan(TOTAL);
    expect(mid).toMatchObject({ orphans: 0, claimsMismatch: 0, integrity: 'ok' });
    const rerun = run(['ingest', '--db', db, '--json', file]);
    expect(rerun.status).toBe(0);
    expect(counts(db).documents).toBe(TOTAL);
  }, 120_000);
});
