// The gazetteer cache file read in the background: the analysis worker starts the read before it
// loads its modules, so the 26 MB read (a libuv thread) overlaps the module loading (the JS thread)
// instead of following it; loadGazetteer takes the bytes when they are there, else reads as before.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../core/paths.js';

interface Slot {
  path: string;
  buf: Buffer | null;
}
// kept on globalThis: the worker starts the read from its own copy of this module, and the bundled
// pipeline (load-analysis.ts) takes the bytes from the copy inside the bundle
const KEY = Symbol.for('sitrep.gazetteer.prefetch');
const g = globalThis as { [KEY]?: Slot | null };

/** Start reading the gazetteer cache (the default path unless given); resolves when read (or failed: loading then reads it itself). */
export function prefetchGazetteer(path = join(cacheDir(), 'gazetteer.bin')): Promise<void> {
  const slot: Slot = { path, buf: null };
  g[KEY] = slot;
  return readFile(path).then(
    (buf) => void (slot.buf = buf),
    () => undefined,
  );
}

/** The prefetched bytes of `path`, once (null when none were read). */
export function takePrefetched(path: string): Buffer | null {
  const pending = g[KEY];
  if (!pending || pending.path !== path || !pending.buf) return null;
  const buf = pending.buf;
  g[KEY] = null;
  return buf;
}
