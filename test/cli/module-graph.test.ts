// What a cold `sitrep analyze` loads before its first document: the command's static module graph (the
// built files; dynamic imports are loaded when needed) must not reach zod or a stage's lexicon code,
// which the analysis bundle carries on its own. A type-only import in a source file is erased; a value
// import of one small helper from a lexicon module once put zod and every lexicon loader into this
// graph (+110 ms on each cold start).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { moduleFiles } from '../../src/pipeline/compiled-cache.js';

const BUILT = join(ROOT, 'dist', 'src', 'cli', 'analyze.js');

describe.skipIf(!existsSync(BUILT))('the analyze command module graph', () => {
  const files = moduleFiles(pathToFileURL(BUILT).href).map((f) => f.slice(join(ROOT, 'dist', 'src').length + 1));

  it('holds no stage lexicon module and no pipeline stage', () => {
    expect(files.filter((f) => /^stages\/[^/]+\/(lexicon|index)\.js$/.test(f) || f === 'pipeline/pipeline.js')).toEqual([]);
  });

  it('holds neither the gazetteer nor the language detector (the analysis bundle loads its own)', () => {
    expect(files.filter((f) => /^geo\/|^lang\/(detect|eld-[a-z]+)\.js$|^pipeline\/compiled-cache\.js$/.test(f))).toEqual([]);
  });

  it('imports no zod', () => {
    const zod = files.filter((f) => /\bfrom\s*['"]zod['"]/.test(readFileSync(join(ROOT, 'dist', 'src', f), 'utf8')));
    expect(zod).toEqual([]);
  });
});
