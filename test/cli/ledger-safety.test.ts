// The ledger cannot be lost or left half-written by export and ingest: export refuses to write over
// its own database (or its -wal/-shm files) or into a folder, leaves nothing behind when the disk is
// full, and waits on backpressure without piling up listeners; ingest stops at a full disk with a
// clear message instead of failing every remaining record; a read-only database can be read.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { annotatedExamples } from '../store/fixtures.js';
import { CLI, tempDir } from '../helpers.js';

const dir = tempDir();
const db = join(dir, 'x.db');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeAll(async () => {
  // many documents, so that an export is long enough to wait on a full pipe many times
  const s = await SqliteStore.open(db);
  const base = annotatedExamples();
  for (let round = 0; round < 60; round++) {
    await s.putAnalyses(base.map((a) => ({ ...a, document: { ...a.document, id: `${a.document.id}-${round}`, text: `${a.document.text}\n(copy ${round})` } })));
  }
  await s.close();
});

const cli = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('sitrep export -o', () => {
  it.each(['', '-wal', '-shm'])('refuses to write over the database%s (exit 2, database intact)', (suffix) => {
    const before = readFileSync(db);
    if (suffix) writeFileSync(db + suffix, '');
    const r = cli(['export', '--db', db, '-o', db + suffix]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is the database/);
    expect(readFileSync(db).equals(before)).toBe(true);
    if (suffix) rmSync(db + suffix);
  });

  it('refuses a folder, leaving no temporary file', () => {
    const out = join(dir, 'folder');
    mkdirSync(out, { recursive: true });
    const r = cli(['export', '--db', db, '-o', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/is a folder/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('writes a long export without MaxListenersExceededWarning', () => {
    const out = join(dir, 'all.jsonl');
    const r = cli(['export', '--db', db, '--format', 'csv', '-o', out]);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/MaxListeners|Warning/);
    expect(readFileSync(out, 'utf8').split('\n').length).toBeGreaterThan(300);
  });
});

// A small tmpfs stands for a full disk (needs root, as in CI); skipped where it cannot be mounted.
const tiny = join(dir, 'tiny');
const small = join(dir, 'small');
mkdirSync(tiny);
mkdirSync(small);
const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', tiny]).status === 0 && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small]).status === 0;
afterAll(() => {
  spawnSync('umount', [tiny]);
  spawnSync('umount', [small]);
});

describe.skipIf(!mounted)('a full disk', () => {
  it('export: one clear line, exit 1, nothing left behind', () => {
    const out = join(tiny, 'claims.csv');
    const r = cli(['export', '--db', db, '--format', 'csv', '-o', out]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/cannot write .*claims\.csv: .*ENOSPC.*disk is full/);
    expect(r.status).toBe(1);
    expect(readdirSync(tiny)).toEqual([]);
  });

  it('ingest: stops at once with a clear message and keeps what was stored', () => {
    const input = join(dir, 'many.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) lines.push(JSON.stringify({ id: `r${i}`, text: `Report ${i}: ${'Two people were killed in Idlib on Monday, the civil defence said. '.repeat(4)}`, published: '2024-03-12' }));
    writeFileSync(input, lines.join('\n') + '\n');
    const r = cli(['ingest', '--db', join(small, 'full.db'), '--batch', '5', input]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/stopped: cannot write .*full\.db.*the disk is full.*run the same command again/);
    // it stopped: not one "cannot store" line per remaining record
    expect(r.stderr.match(/cannot store/g) ?? []).toEqual([]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/[1-9]\d* documents were stored before/);
  }, 120_000);
});

// Root reads and writes anything: the read-only case runs as "nobody", which must be able to run node
// and read this checkout (a clone inside a private folder, such as one from mktemp -d, is not); skipped
// with a line saying why where that is impossible.
const asNobody =
  process.getuid?.() === 0 && spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(CLI)})`]).status === 0;
if (!asNobody) console.log(`ledger-safety: the read-only database tests need root and a checkout the user "nobody" can read (${CLI}); skipped`);

describe.skipIf(!asNobody)('a read-only database', () => {
  const roDir = join(dir, 'ro');
  beforeAll(() => {
    mkdirSync(roDir);
    copyFileSync(db, join(roDir, 'x.db'));
    chmodSync(join(roDir, 'x.db'), 0o444);
    chmodSync(roDir, 0o555);
    chmodSync(dir, 0o755);
  });
  const nobody = (args: string[]) => spawnSync('runuser', ['-u', 'nobody', '--', process.execPath, CLI, ...args], { encoding: 'utf8', cwd: '/' });

  it('export reads it', () => {
    const r = nobody(['export', '--db', join(roDir, 'x.db'), '--format', 'jsonl']);
    expect(r.stderr).toMatch(/claims written/);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').length).toBeGreaterThan(100);
  });

  it('compare --db reads it', () => {
    const r = nobody(['compare', '--db', join(roDir, 'x.db'), '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).documents).toBeGreaterThan(100);
  });

  it('serve opens it read-only', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn('runuser', ['-u', 'nobody', '--', process.execPath, CLI, 'serve', '--db', join(roDir, 'x.db'), '--port', '0', '--quiet'], { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        let err = '';
        child.stdout.on('data', (b) => {
          out += b;
          if (out.includes('\n')) resolve(out.split('\n')[0]);
        });
        child.stderr.on('data', (b) => (err += b));
        child.on('exit', () => reject(new Error('exited: ' + err)));
      });
      const { url } = JSON.parse(line);
      const health = (await (await fetch(url + '/api/health')).json()) as { stats: { documents: number } };
      expect(health.stats.documents).toBeGreaterThan(100);
      expect(((await (await fetch(url + '/api/config')).json()) as { writable: boolean }).writable).toBe(false);
      const post = await fetch(url + '/api/documents', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Two people were hurt.' }) });
      expect(post.status).toBe(403);
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});

describe('the database is left readable without write access', () => {
  it('a closed database is in rollback-journal mode (no -wal/-shm needed to read it)', async () => {
    const s = await SqliteStore.open(join(dir, 'mode.db'));
    await s.close();
    expect(existsSync(join(dir, 'mode.db-wal'))).toBe(false);
    const r = await SqliteStore.open(join(dir, 'mode.db'), { readonly: true });
    expect((r.raw.pragma('journal_mode') as { journal_mode: string }[])[0].journal_mode).toBe('delete');
    await r.close();
  });
});
