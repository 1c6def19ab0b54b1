// Compiled lexicons in the cache folder: built once, read back while their sources and code are
// unchanged, built again when one changes; a cache folder that cannot be written only costs time.
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compiled } from '../../src/pipeline/compiled-cache.js';
import { tempDir } from '../helpers.js';

describe('compiled lexicon cache', () => {
  let saved: string | undefined;
  let dir: string;
  beforeEach(() => {
    saved = process.env.SITREP_CACHE;
    dir = tempDir();
    process.env.SITREP_CACHE = join(dir, 'cache');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.SITREP_CACHE;
    else process.env.SITREP_CACHE = saved;
  });

  it('builds once, reuses while unchanged, rebuilds when a source changes', () => {
    const src = join(dir, 'words.json');
    writeFileSync(src, '["alpha","beta"]');
    let builds = 0;
    const build = () => (builds++, { words: ['alpha', 'beta'], n: builds });
    expect(compiled('words', [src], [], build)).toEqual({ words: ['alpha', 'beta'], n: 1 });
    expect(compiled('words', [src], [], build)).toEqual({ words: ['alpha', 'beta'], n: 1 });
    expect(builds).toBe(1);
    writeFileSync(src, '["alpha","beta","gamma"]');
    expect(compiled('words', [src], [], build).n).toBe(2);
    // the code that builds it counts too
    const code = join(dir, 'code.js');
    writeFileSync(code, '// v1');
    expect(compiled('words', [src], [code], build).n).toBe(3);
    utimesSync(code, new Date(), new Date(Date.now() + 5000));
    expect(compiled('words', [src], [code], build).n).toBe(4);
    expect(readdirSync(join(dir, 'cache')).filter((f) => f.startsWith('words-')).length).toBeLessThanOrEqual(3);
  });

  it('builds every time when the cache folder cannot be written', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    process.env.SITREP_CACHE = file;
    let builds = 0;
    const build = () => ++builds;
    expect(compiled('n', [], [], build)).toBe(1);
    expect(compiled('n', [], [], build)).toBe(2);
  });
});
