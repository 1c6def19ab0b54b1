// The pipeline's version, recorded with every stored analysis: a hash of the code that analyses
// (this build's pipeline, stages, geo, compare and core modules) and one of the data it reads
// (data/). `sitrep ingest --reanalyse --stale` re-runs what an older version produced.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** src/ (or dist/src/ in a build): the folder above this one. */
const srcRoot = resolve(here, '..');
const projectRoot = resolve(srcRoot, srcRoot.endsWith(join('dist', 'src')) ? '../..' : '..');
const CODE_DIRS = ['core', 'pipeline', 'stages', 'geo'];

function hashTree(dirs: string[], keep: (file: string) => boolean): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(p)) h.update(p.slice(projectRoot.length)).update('\0').update(readFileSync(p)).update('\0');
    }
  };
  for (const d of dirs) walk(d);
  return h.digest('hex').slice(0, 12);
}

let cached: string | null = null;

/** "code:<hash> data:<hash>", computed once per process. */
export function pipelineVersion(): string {
  cached ??= `code:${hashTree(
    CODE_DIRS.map((d) => join(srcRoot, d)),
    (f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts'),
  )} data:${hashTree([join(projectRoot, 'data')], () => true)}`;
  return cached;
}
