#!/usr/bin/env node
// Bundles the pipeline as the analysis worker loads it (dist/src/store/ingest/analysis.js and every
// module it loads, zod included) into one CommonJS file, dist/src/store/ingest/analysis.bundle.cjs:
// the worker then compiles one file instead of resolving and loading ~150 (on a cold start ~130 ms
// of module loading becomes ~40), and compiles it with V8's code cache (load-analysis.ts). Beside it,
// analysis.bundle.json lists each file the bundle was made from with its size and modification time;
// the worker uses the bundle only while every one of them is unchanged, so a rebuild with plain `tsc`
// simply falls back to the plain modules. Run by `npm run build` and at install; needs rolldown (a
// development dependency, via vite): without it, nothing is bundled.
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'dist', 'src', 'store', 'ingest');
const input = join(dir, 'analysis.js');
const out = join(dir, 'analysis.bundle.cjs');
const manifest = join(dir, 'analysis.bundle.json');
// the bundle of earlier builds (the whole worker as an ES module), no longer used
for (const old of ['worker.bundle.js', 'worker.bundle.json']) rmSync(join(dir, old), { force: true });

if (!existsSync(input)) {
  console.error('bundle-worker: dist/ is missing; run tsc first');
  process.exit(2);
}
let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch {
  console.error('bundle-worker: rolldown is not installed (a development dependency): the worker runs unbundled');
  rmSync(manifest, { force: true });
  process.exit(0);
}
const t0 = performance.now();
const bundle = await rolldown({ input, platform: 'node', logLevel: 'silent' });
const { output } = await bundle.generate({ file: out, format: 'cjs', codeSplitting: false });
await bundle.close();
const chunk = output.find((o) => o.type === 'chunk');
// rewritten only when it changed: the compiled caches in .cache are stamped by its modification time
const same = existsSync(out) && readFileSync(out, 'utf8') === chunk.code;
if (!same) writeFileSync(out, chunk.code);
// a module that runs itself when it is the main script ("=== process.argv[1]") would run in the
// worker too, whose argv[1] is the bundle: each such guard must also ask isMainThread
if (/process\.argv\[1\]/.test(chunk.code) && !/isMainThread && process\.argv\[1\]/.test(chunk.code)) {
  console.error('bundle-worker: a bundled module tests process.argv[1] without isMainThread; not bundling');
  rmSync(out, { force: true });
  rmSync(manifest, { force: true });
  process.exit(1);
}
const files = chunk.moduleIds
  .filter((id) => id.startsWith('/') && existsSync(id))
  .map((f) => {
    const st = statSync(f);
    return [f, st.size, st.mtimeMs];
  });
writeFileSync(manifest, JSON.stringify({ bundle: out, files }));
console.error(`bundle-worker: ${files.length} modules → ${out}${same ? ' (unchanged)' : ''} (${(statSync(out).size / 1e3).toFixed(0)} KB, ${Math.round(performance.now() - t0)} ms)`);
