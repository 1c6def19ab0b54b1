// Compiled lexicons in .cache: the parsed and keyed form of a big lexicon (the actor dictionary's
// ~10,000 PETRARCH names), written once and read back as one JSON file on later starts instead of
// validating and keying the sources again. A cache file is used only while its stamp matches: the
// size and modification time of every source file and of the code that builds it (the module file,
// or the analysis bundle that contains it), so a changed lexicon or changed keying code rebuilds it.
// When the cache folder cannot be written, the lexicon is simply built each time, as before.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDir } from '../core/paths.js';

/** Bumped when the layout of every compiled cache changes. */
const FORMAT = 1;
/** Cache files kept per lexicon (different builds of the code, e.g. tests and the bundled CLI). */
const KEEP = 3;

/** The stamp of a set of files: each one's path, size and modification time ('-' when absent). */
export function fileStamp(files: readonly string[]): string {
  return files
    .map((f) => {
      const st = statSync(f, { throwIfNoEntry: false });
      return st ? `${f}:${st.size}:${st.mtimeMs}` : `${f}:-`;
    })
    .join('|');
}

/** The code files among `urls` that exist (a module's own file; a sibling it imports, when not bundled). */
export function codeFiles(urls: readonly URL[]): string[] {
  const out: string[] = [];
  for (const u of urls) {
    if (u.protocol !== 'file:') continue;
    const f = fileURLToPath(u);
    if (statSync(f, { throwIfNoEntry: false })?.isFile()) out.push(f);
  }
  return out;
}

/**
 * The compiled form of lexicon `name` (a file name part, e.g. "actors-en"): read from the cache when
 * its stamp (of `sources` and `code` files) matches, else made by `build` and written for next time.
 * `build` must return plain JSON data.
 */
export function compiled<T>(name: string, sources: readonly string[], code: readonly string[], build: () => T): T {
  const stamp = `${FORMAT}|${fileStamp(sources)}|${fileStamp(code)}`;
  const dir = cacheDir();
  const file = join(dir, `${name}-${createHash('sha1').update(stamp).digest('hex').slice(0, 12)}.json`);
  try {
    const c = JSON.parse(readFileSync(file, 'utf8')) as { stamp: string; data: T };
    if (c.stamp === stamp) return c.data;
  } catch {
    /* absent or unreadable: built below */
  }
  const data = build();
  try {
    mkdirSync(dir, { recursive: true });
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(tmp, JSON.stringify({ stamp, data }));
    renameSync(tmp, file); // atomic: several workers may build it at once
    prune(dir, name, file);
  } catch {
    /* a read-only cache folder: built again next time */
  }
  return data;
}

/** Keeps the KEEP most recent cache files of `name`. */
function prune(dir: string, name: string, keep: string): void {
  const re = new RegExp(`^${name.replace(/[^\w-]/g, '\\$&')}-[0-9a-f]{12}\\.json$`);
  const files = readdirSync(dir)
    .filter((f) => re.test(f))
    .map((f) => ({ f: join(dir, f), t: statSync(join(dir, f), { throwIfNoEntry: false })?.mtimeMs ?? 0 }))
    .filter((x) => x.f !== keep)
    .sort((a, b) => b.t - a.t);
  for (const x of files.slice(KEEP - 1)) {
    try {
      unlinkSync(x.f);
    } catch {
      /* another process removed it */
    }
  }
}
