// sitrep serve as a command: prints its address, answers, stops on SIGTERM; refuses exposure
// without a token; rejects bad options.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../store/fixtures.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';

const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
const dir = mkdtempSync(join(tmpdir(), 'sitrep-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(CLI))('sitrep serve', () => {
  it('serves on a free port, answers, and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', join(dir, 's.db'), '--create', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (b) => {
        out += b;
        if (out.includes('\n')) resolve(out.split('\n')[0]);
      });
      child.on('exit', () => reject(new Error('exited before listening')));
    });
    const { url } = JSON.parse(line);
    const health = await (await fetch(url + '/api/health')).json();
    expect(health).toMatchObject({ ok: true, stats: { documents: 0 } });
    expect(health.stats.schemaVersion).toBe(MIGRATIONS[MIGRATIONS.length - 1].version);
    const page = await fetch(url + '/');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await page.text()).toMatch(/<title>Sitrep/);
    const topo = await fetch(url + '/vendor/countries-50m.json');
    expect(topo.status).toBe(200);
    expect((await topo.json()).type).toBe('Topology');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 60_000);

  it('refuses to listen beyond loopback without a token (exit 2)', () => {
    const r = spawnSync(process.execPath, [CLI, 'serve', '--db', join(dir, 'x.db'), '--host', '0.0.0.0'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/without a token/);
  }, 60_000);

  it('rejects bad options (exit 2)', () => {
    expect(spawnSync(process.execPath, [CLI, 'serve', '--port', 'http'], { encoding: 'utf8' }).status).toBe(2);
    expect(spawnSync(process.execPath, [CLI, 'serve', '--tiles', 'ftp://x'], { encoding: 'utf8' }).status).toBe(2);
  }, 60_000);
});
