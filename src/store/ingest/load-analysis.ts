// Loads the pipeline for the analysis worker. When `npm run build` (or the install) has bundled it
// (scripts/bundle-worker.mjs: analysis.bundle.cjs, one file instead of ~150 modules) and every file the
// bundle was made from is unchanged, the bundle is compiled with V8's code cache: the compiled code of
// a previous run (taken after its warm-up, so the functions V8 compiles lazily are in it too) is kept
// in .cache and handed back to V8, which checks it against the source and Node's version and rejects
// a stale one (then the bundle compiles as usual and the cache is written again). Otherwise the plain
// modules are imported. SITREP_NO_BUNDLE=1 forces the plain modules.
// V8's flags first (jit.ts): V8 stamps a code cache with the flags it was made under and rejects it
// under others, so the bundle is compiled, and its cache made, only once they are set.
import { JIT_FLAGS } from '../../pipeline/jit.js';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { cacheDir } from '../../core/paths.js';

type PipelineModule = typeof import('../../pipeline/pipeline.js');
type RowsModule = typeof import('../rows.js');

export interface LoadedAnalysis {
  Pipeline: PipelineModule['Pipeline'];
  /** An analysis turned into the ledger's rows (rows.ts), from the same code as the pipeline. */
  storedAnalysis: RowsModule['storedAnalysis'];
  /** Call once the pipeline has run (warm-up): writes the code cache when there was none or it was rejected. */
  saveCodeCache(): void;
  /** 'bundle+cache', 'bundle' or 'modules': how it was loaded (tests, --verbose). */
  how: string;
}

/** The bundle beside this module (or beside the built one), when fresh; null otherwise. */
function freshBundle(): string | null {
  if (process.env.SITREP_NO_BUNDLE) return null;
  try {
    const here = dirname(fileURLToPath(import.meta.url));
    const dir = existsSync(join(here, 'analysis.bundle.json')) ? here : join(here, '..', '..', '..', 'dist', 'src', 'store', 'ingest');
    const m = JSON.parse(readFileSync(join(dir, 'analysis.bundle.json'), 'utf8')) as { files: [string, number, number][] };
    const fresh = m.files.length > 0 && m.files.every(([f, size, mtime]) => {
      const st = statSync(f, { throwIfNoEntry: false });
      return st && st.size === size && st.mtimeMs === mtime;
    });
    const file = join(dir, 'analysis.bundle.cjs');
    return fresh && existsSync(file) ? file : null;
  } catch {
    return null; // no bundle, or an unreadable manifest: the plain modules
  }
}

/** Code caches kept (one per build of the bundle: an older build's is never read again). */
const KEEP_CODE_CACHES = 3;

/** Removes all but the KEEP_CODE_CACHES most recent analysis-*.v8 files. */
function pruneCodeCaches(dir: string): void {
  const files = readdirSync(dir)
    .filter((f) => /^analysis-[0-9a-f]{12}\.v8$/.test(f))
    .map((f) => ({ f: join(dir, f), t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .sort((a, b) => b.t - a.t);
  for (const x of files.slice(KEEP_CODE_CACHES)) {
    try {
      unlinkSync(x.f);
    } catch {
      /* another process removed it */
    }
  }
}

export async function loadAnalysis(): Promise<LoadedAnalysis> {
  const file = freshBundle();
  if (!file) {
    const [{ Pipeline }, { storedAnalysis }] = await Promise.all([import('../../pipeline/pipeline.js'), import('../rows.js')]);
    return { Pipeline, storedAnalysis, saveCodeCache: () => undefined, how: 'modules' };
  }
  const code = readFileSync(file, 'utf8');
  const st = statSync(file);
  const stamp = `${file}:${st.size}:${st.mtimeMs}:${process.version}:${process.arch}:${JIT_FLAGS}`;
  const cacheFile = join(cacheDir(), `analysis-${createHash('sha1').update(stamp).digest('hex').slice(0, 12)}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    /* none yet */
  }
  // the CommonJS wrapper, as Node's own loader would give it
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: file, cachedData });
  const mod: { exports: Record<string, unknown> } = { exports: {} };
  (script.runInThisContext() as (...a: unknown[]) => void)(mod.exports, createRequire(file), mod, file, dirname(file));
  const used = cachedData !== undefined && !script.cachedDataRejected;
  return {
    Pipeline: mod.exports.Pipeline as PipelineModule['Pipeline'],
    storedAnalysis: mod.exports.storedAnalysis as RowsModule['storedAnalysis'],
    how: used ? 'bundle+cache' : 'bundle',
    saveCodeCache: () => {
      if (used) return;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile); // atomic: several workers may write it at once
        pruneCodeCaches(dirname(cacheFile));
      } catch {
        /* a read-only cache folder: compiled each time */
      }
    },
  };
}
