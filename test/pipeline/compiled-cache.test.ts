// The compiled-lexicon cache (.cache/lexicons.bin): what goes in comes back (class instances with their
// methods), a changed stamp rebuilds, a damaged file is rebuilt, a read-only folder still works, and
// several builds of a lexicon are kept side by side.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ROOT, useCacheDir } from '../helpers.js';
import { Bytes, CACHE_FILE, compiled, forgetCacheIndex, moduleFiles } from '../../src/pipeline/compiled-cache.js';

class Box {
  constructor(readonly items: Map<string, number[]>) {}
  total(): number {
    let n = 0;
    for (const v of this.items.values()) for (const x of v) n += x;
    return n;
  }
}
class Other {
  readonly tag = 'other';
}

const root = mkdtempSync(join(tmpdir(), 'sitrep-compiled-'));
let dir = '';
let n = 0;
const source = join(root, 'source.json');
writeFileSync(source, '{"a": 1}');

useCacheDir(root);
beforeEach(() => {
  dir = join(root, `cache-${n++}`);
  process.env.SITREP_CACHE = dir;
  forgetCacheIndex();
});
afterAll(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
});

/** A build that counts its calls. */
function counter(value = 1) {
  const c = { calls: 0, build: () => (c.calls++, { box: new Box(new Map([['x', [value, 2]]])), set: new Set(['a']), re: /ab+c/i, arr: new Int32Array([1, 2, 3]) }) };
  return c;
}
/** Loads `name` as a new process would (the file's index read afresh). */
function load(name: string, c: ReturnType<typeof counter>, sources = [source]) {
  forgetCacheIndex();
  return compiled(name, sources, [], c.build, [Box, Other]);
}

describe('compiled lexicon cache', () => {
  it('round-trips data with class instances, and reads it back without building', () => {
    const c = counter();
    const a = load('lex', c);
    const b = load('lex', c);
    expect(c.calls).toBe(1);
    expect(b.box).toBeInstanceOf(Box);
    expect(b.box.total()).toBe(3);
    expect(b.set.has('a')).toBe(true);
    expect(b.re.test('ABBC')).toBe(true);
    expect([...b.arr]).toEqual([1, 2, 3]);
    expect(b).toEqual(a);
    expect(statSync(join(dir, CACHE_FILE)).isFile()).toBe(true);
  });

  it('reads back what it wrote in the same process, and rebuilds when the code that builds it changes', () => {
    let builds = 0;
    const build = () => (builds++, { words: ['alpha', 'beta'], n: builds });
    expect(compiled('words', [source], [], build)).toEqual({ words: ['alpha', 'beta'], n: 1 });
    expect(compiled('words', [source], [], build)).toEqual({ words: ['alpha', 'beta'], n: 1 });
    const code = join(root, 'code.js');
    writeFileSync(code, '// v1');
    expect(compiled('words', [source], [code], build).n).toBe(2);
    expect(compiled('words', [source], [code], build).n).toBe(2);
    utimesSync(code, new Date(), new Date(Date.now() + 5000));
    expect(compiled('words', [source], [code], build).n).toBe(3);
  });

  it('keeps Bytes apart from the v8 data and reads their slices from the file on demand', () => {
    const text = 'héllo wörld, '.repeat(1000);
    const build = () => ({ a: new Bytes(Buffer.from(text)), b: new Bytes(Buffer.from('second')), n: 7 });
    const made = compiled('bytes', [source], [], build);
    expect(made.a.text(0, 6)).toBe('héllo');
    forgetCacheIndex();
    const back = compiled('bytes', [source], [], () => {
      throw new Error('not rebuilt');
    });
    expect((back.a as unknown as { data: unknown }).data).toBeNull();
    expect(back.a.text(0, 6)).toBe('héllo');
    expect(back.a.text(Buffer.byteLength(text) - Buffer.byteLength('wörld, '), Buffer.byteLength(text))).toBe('wörld, ');
    expect(back.b.text(0, 6)).toBe('second');
    expect(back.n).toBe(7);
    // another lexicon written afterwards does not take the file from under them
    compiled('other', [source], [], () => 1);
    forgetCacheIndex();
    expect(back.a.text(0, 6)).toBe('héllo');
    expect(back.b.load().text(0, 6)).toBe('second');
    expect(back.b.length).toBe(6);
  });

  it('rebuilds when a source changes', () => {
    const c = counter();
    load('lex', c);
    writeFileSync(source, '{"a": 2, "b": 3}');
    load('lex', c);
    expect(c.calls).toBe(2);
    load('lex', c);
    expect(c.calls).toBe(2);
    const t = new Date(Date.now() + 5000);
    utimesSync(source, t, t);
    load('lex', c);
    expect(c.calls).toBe(3);
  });

  it('keeps lexicons apart and up to three builds of each', () => {
    const files = [1, 2, 3, 4].map((i) => {
      const f = join(root, `v${i}.json`);
      writeFileSync(f, 'x'.repeat(i));
      return f;
    });
    const cs = files.map((_, i) => counter(i));
    files.forEach((f, i) => load('lex', cs[i], [f]));
    const other = counter(9);
    load('other', other);
    // the three latest builds are read back; the first was dropped
    for (const i of [3, 2, 1, 0]) load('lex', cs[i], [files[i]]);
    expect(cs.map((c) => c.calls)).toEqual([2, 1, 1, 1]);
    expect(load('other', other).box.total()).toBe(11);
    expect(other.calls).toBe(1);
  });

  it('drops, when it writes, the entries whose sources changed since (whatever their name)', () => {
    const f = join(root, 'gone.json');
    writeFileSync(f, '1');
    const gone = counter();
    load('gone', gone, [f]);
    load('kept', counter());
    const size = statSync(join(dir, CACHE_FILE)).size;
    writeFileSync(f, '22');
    load('another', counter());
    expect(statSync(join(dir, CACHE_FILE)).size).toBeLessThan(size + 50);
    writeFileSync(f, '1');
    const t = new Date(Date.now() + 9000);
    utimesSync(f, t, t);
    load('gone', gone, [f]);
    expect(gone.calls).toBe(2);
  });

  it('rebuilds from a truncated or damaged file', () => {
    const c = counter();
    load('lex', c);
    const file = join(dir, CACHE_FILE);
    truncateSync(file, statSync(file).size - 3);
    expect(load('lex', c).box.total()).toBe(3);
    expect(c.calls).toBe(2);
    load('lex', c);
    expect(c.calls).toBe(2);
    // garbage in the entry's bytes
    const bytes = readFileSync(file);
    bytes.fill(0xff, bytes.length - 40);
    writeFileSync(file, bytes);
    expect(load('lex', c).box.total()).toBe(3);
    writeFileSync(file, 'not a cache');
    expect(load('lex', c).box.total()).toBe(3);
    expect(c.calls).toBe(4);
  });

  it('rebuilds an entry whose bytes were changed in a way v8 would still read (its checksum)', () => {
    const c = { calls: 0, build: () => (c.calls++, { word: 'syria' }) };
    forgetCacheIndex();
    compiled('lex', [source], [], c.build);
    const file = join(dir, CACHE_FILE);
    const bytes = readFileSync(file);
    const at = bytes.lastIndexOf(Buffer.from('syria'));
    expect(at).toBeGreaterThan(0);
    bytes.write('syrib', at, 'latin1'); // still a valid string to v8: only the checksum tells
    writeFileSync(file, bytes);
    forgetCacheIndex();
    expect(compiled('lex', [source], [], c.build)).toEqual({ word: 'syria' });
    expect(c.calls).toBe(2);
  });

  it('keeps every entry when several processes write at once (they take turns on a lock)', async () => {
    const mod = join(ROOT, 'dist', 'src', 'pipeline', 'compiled-cache.js');
    // each process builds its own lexicon slowly enough that the writes overlap
    const script = `const { compiled } = await import(${JSON.stringify(mod)});
      const [k, at] = process.argv.slice(1);
      compiled('lex-' + k, [${JSON.stringify(source)}], [], () => { while (Date.now() < +at); return { k, pad: 'x'.repeat(4e6) }; });`;
    // every process finishes its build at the same moment, so their writes overlap
    const at = Date.now() + 1500;
    const run = (k: number) =>
      new Promise<number>((done) => spawn(process.execPath, ['--input-type=module', '-e', script, String(k), String(at)], { env: { ...process.env, SITREP_CACHE: dir }, stdio: 'inherit' }).on('exit', (code) => done(code ?? 1)));
    expect(await Promise.all([0, 1, 2, 3].map(run))).toEqual([0, 0, 0, 0]);
    for (const k of [0, 1, 2, 3]) {
      const c = { calls: 0, build: () => (c.calls++, { k: '', pad: '' }) };
      forgetCacheIndex();
      expect(compiled(`lex-${k}`, [source], [], c.build).k).toBe(String(k));
      expect(c.calls).toBe(0);
    }
  });

  it('waits out a held lock, gives the write up after a while, and removes a crashed writer\'s lock', () => {
    mkdirSync(dir, { recursive: true });
    const lock = join(dir, CACHE_FILE + '.lock');
    writeFileSync(lock, '');
    const c = counter();
    const t0 = Date.now();
    expect(load('lex', c).box.total()).toBe(3); // built, but not stored: the lock is held
    expect(Date.now() - t0).toBeGreaterThanOrEqual(2500);
    load('lex', c);
    expect(c.calls).toBe(2);
    // a lock a minute old is a crashed writer's
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lock, old, old);
    load('lex', c);
    expect(c.calls).toBe(3);
    load('lex', c);
    expect(c.calls).toBe(3);
  }, 15_000);

  it('works in a folder it cannot write (building each time)', () => {
    if (process.getuid?.() === 0) return; // root writes anyway
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o555);
    const c = counter();
    expect(load('lex', c).box.total()).toBe(3);
    expect(load('lex', c).box.total()).toBe(3);
    expect(c.calls).toBe(2);
    chmodSync(dir, 0o755);
  });

  it('works where the cache folder cannot be made', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    process.env.SITREP_CACHE = join(file, 'cache');
    const c = counter();
    expect(load('lex', c).box.total()).toBe(3);
    expect(load('lex', c).box.total()).toBe(3);
    expect(c.calls).toBe(2);
  });

  it('refuses to store an instance of a class it was not given', () => {
    expect(() => compiled('bad', [source], [], () => ({ x: new Other(), y: new (class Stray {})() }), [Other])).toThrow(/Stray/);
  });

  it('names a module file and every module it imports by a relative path, transitively, once each', () => {
    const m = join(root, 'modules');
    mkdirSync(join(m, 'lib'), { recursive: true });
    const files: [string, string][] = [
      ['main.js', "import { a } from './a.js';\nexport { b } from './lib/b.js';\nimport 'node:fs';\nimport x from 'zod';\n"],
      ['a.js', "import { c } from './lib/c.js';\nimport { gone } from './missing.js';\nexport const a = 1;\n"],
      // a cycle back to a.js, and an import of a module written in TypeScript (the tests read sources)
      ['lib/b.js', "import { a } from '../a.js';\nimport { t } from './t.js';\nexport const b = 2;\n"],
      ['lib/c.js', 'export const c = 3;\n'],
      ['lib/t.ts', 'export const t: number = 4;\n'],
      ['lib/unused.js', 'export const u = 5;\n'],
    ];
    for (const [f, text] of files) writeFileSync(join(m, f), text);
    const got = moduleFiles(pathToFileURL(join(m, 'main.js')).href);
    expect(got.map((f) => f.slice(m.length + 1)).sort()).toEqual(['a.js', 'lib/b.js', 'lib/c.js', 'lib/t.ts', 'main.js']);
  });

  it('stamps a bundle by itself: the modules it was made from are inside it', () => {
    const m = join(root, 'bundled');
    mkdirSync(m, { recursive: true });
    writeFileSync(join(m, 'a.js'), 'export const a = 1;\n');
    writeFileSync(join(m, 'app.bundle.cjs'), "// from './a.js'\nconst text = \"import { a } from './a.js'\";\nmodule.exports = { text };\n");
    expect(moduleFiles(pathToFileURL(join(m, 'app.bundle.cjs')).href)).toEqual([join(m, 'app.bundle.cjs')]);
  });
});
