// The analysis worker's pipeline, bundled and compiled with V8's code cache: the first run writes the
// cache, the next uses it, a damaged cache is rejected by V8 and replaced, and every way gives the
// same analysis.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/core/paths.js';
import { tempDir } from '../helpers.js';

const root = projectRoot();
const loader = join(root, 'dist', 'src', 'store', 'ingest', 'load-analysis.js');

function run(cache: string, env: Record<string, string> = {}): { how: string; out: string } {
  const code = `
    const { loadAnalysis } = await import(${JSON.stringify(loader)});
    const a = await loadAnalysis();
    const p = new a.Pipeline();
    const r = p.analyze({ id: 'x', text: 'Five people were killed in Homs on Tuesday, the civil defence said.', published: '2024-05-02' });
    a.saveCodeCache();
    console.log(JSON.stringify({ how: a.how, out: JSON.stringify([r.claims, r.places, r.actors]) }));`;
  const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8', env: { ...process.env, SITREP_CACHE: cache, ...env } });
  return JSON.parse(stdout.trim().split('\n').pop()!) as { how: string; out: string };
}

describe.skipIf(!existsSync(loader))('loadAnalysis', () => {
  it('writes the code cache, uses it, replaces a damaged one; same analysis every way', () => {
    execFileSync(process.execPath, [join(root, 'scripts', 'bundle-worker.mjs')], { stdio: 'ignore' });
    const cache = tempDir();
    const plain = run(cache, { SITREP_NO_BUNDLE: '1' });
    expect(plain.how).toBe('modules');
    const first = run(cache);
    if (first.how === 'modules') return; // rolldown absent: nothing bundled
    expect(first.how).toBe('bundle');
    const second = run(cache);
    expect(second.how).toBe('bundle+cache');
    const file = readdirSync(cache).find((f) => f.endsWith('.v8'))!;
    writeFileSync(join(cache, file), Buffer.from('not a code cache'));
    expect(run(cache).how).toBe('bundle');
    expect(run(cache).how).toBe('bundle+cache');
    for (const r of [first, second]) expect(r.out).toBe(plain.out);
  }, 120_000);
});
