// The gazetteer cache file read in the background: the analysis worker starts the read before it
// loads its modules, so the 26 MB read (a libuv thread) overlaps the module loading (the JS thread)
// instead of following it; loadGazetteer takes the bytes when they are there, else reads as before.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir } from '../core/paths.js';

let pending: { path: string; buf: Buffer | null } | null = null;

/** Start reading the gazetteer cache (the default path unless given); resolves when read (or failed: loading then reads it itself). */
export function prefetchGazetteer(path = join(cacheDir(), 'gazetteer.bin')): Promise<void> {
  const slot: { path: string; buf: Buffer | null } = { path, buf: null };
  pending = slot;
  return readFile(path).then(
    (buf) => void (slot.buf = buf),
    () => undefined,
  );
}

/** The prefetched bytes of `path`, once (null when none were read). */
export function takePrefetched(path: string): Buffer | null {
  if (!pending || pending.path !== path || !pending.buf) return null;
  const buf = pending.buf;
  pending = null;
  return buf;
}
