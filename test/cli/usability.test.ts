// The CLI behaves like a good Unix tool: --version, "did you mean" for a mistyped command, SITREP_DB
// and PORT from the environment, serve refusing a database that is not there (a typo) unless
// --create, a busy port explained, impossible dates refused naming the field, and a warning when a
// record's id is already stored with another text.
import { createServer } from 'node:net';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers.js';
import { spawnSync } from 'node:child_process';
import { CLI } from '../helpers.js';

const withEnv = (args: string[], env: Record<string, string>) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('sitrep', () => {
  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`sitrep ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}`);
  });

  it.each([
    ['analyse', 'analyze'],
    ['exprot', 'export'],
    ['serv', 'serve'],
  ])('"%s" suggests "%s" (exit 2)', (typo, meant) => {
    const r = runCli([typo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`did you mean "${meant}"?`);
  });

  it('an unrelated word gets no suggestion', () => {
    const r = runCli(['banana']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/did you mean/);
  });
});

describe('impossible dates', () => {
  it('a record dated 2016-02-31 fails, naming the file, line and field; the others are analysed', () => {
    const f = join(tempDir(), 'in.jsonl');
    writeFileSync(f, [JSON.stringify({ id: 'a', text: 'Two people were hurt.', published: '2016-02-31' }), JSON.stringify({ id: 'b', text: 'Three people were hurt.', published: '2016-02-29' })].join('\n'));
    const r = runCli(['analyze', '--format', 'jsonl', f]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/in\.jsonl:1.*published.*not a day of the calendar.*2016-02-31/);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['b']);
  });

  it.each([['2016-02-31'], ['2023-02-29'], ['2024-04-31'], ['2024-00-10']])('--published %s is a usage error', (day) => {
    const r = runCli(['analyze', '--published', day, '-'], 'Two people were hurt.');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--published/);
  });
});

describe('ingest', () => {
  it('warns when an id is already stored with another text (both are kept)', () => {
    const dir = tempDir();
    const f = join(dir, 'in.jsonl');
    writeFileSync(f, [JSON.stringify({ id: 'same', text: 'Two people were hurt in Idlib.' }), JSON.stringify({ id: 'same', text: 'Five people were hurt in Homs.' })].join('\n'));
    const r = withEnv(['ingest', f], { SITREP_DB: join(dir, 'env.db') });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/in\.jsonl:2: warning: id "same" is already stored with another text; this record is stored as "same~[0-9a-f]{8}"/);
    // SITREP_DB chose the database
    expect(existsSync(join(dir, 'env.db'))).toBe(true);
    expect(r.stderr).toMatch(/2 added/);
  }, 60_000);
});

describe('serve', () => {
  it('refuses a database that does not exist (a typo), unless --create', () => {
    const dir = tempDir();
    const r = runCli(['serve', '--db', join(dir, 'typo.db'), '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no database at .*typo\.db.*--create/);
    expect(existsSync(join(dir, 'typo.db'))).toBe(false);
  });

  it('PORT chooses the port; a busy one is explained with the way out', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as { port: number }).port;
    try {
      const dir = tempDir();
      const r = withEnv(['serve', '--db', join(dir, 'x.db'), '--create'], { PORT: String(port) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`127.0.0.1:${port}`);
      expect(r.stderr).toMatch(/port \d+ is in use.*--port N.*PORT=N npm start.*--port 0/);
    } finally {
      blocker.close();
    }
  }, 60_000);
});
