// Locations of the project's own files, wherever the code runs from (src/ under vitest, dist/src/ when built).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;

/** The folder holding the project's package.json. */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('sitrep: cannot find the project folder (package.json with data/) above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
}

/** A file in data/ (lexicons, dictionaries), e.g. dataPath('en', 'reporting-verbs.json'). */
export function dataPath(...parts: string[]): string {
  return join(projectRoot(), 'data', ...parts);
}

/** The cache folder for compiled indexes (gazetteer). SITREP_CACHE overrides it. */
export function cacheDir(): string {
  return process.env.SITREP_CACHE ? resolve(process.env.SITREP_CACHE) : join(projectRoot(), '.cache');
}

/** ../shared beside the project, where the benchmark data lives (absent on a user's machine). */
export function sharedDir(): string {
  return process.env.SITREP_SHARED ? resolve(process.env.SITREP_SHARED) : resolve(projectRoot(), '..', 'shared');
}
