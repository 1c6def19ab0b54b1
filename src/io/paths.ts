// Input paths to the inputs to read: files as given, directories walked (sorted, hidden names
// skipped, only the extensions a reader takes), URLs and "-" passed through. A broken symlink, a
// symlink loop or an unreadable folder is one error naming it; the walk goes on.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { SitrepError } from '../core/errors.js';

export function isUrl(p: string): boolean {
  return /^https?:\/\//i.test(p);
}

/** Expand paths (directories recursively, sorted) into the inputs to read. */
export function expandPaths(paths: string[], extensions: Set<string>): { files: string[]; errors: SitrepError[] } {
  const files: string[] = [];
  const errors: SitrepError[] = [];
  const seenDirs = new Set<string>();
  // a path that cannot be read (gone, broken symlink, no permission): one error, the rest go on
  const stat = (p: string) => {
    try {
      return statSync(p);
    } catch (e) {
      errors.push(pathError(p, e));
      return null;
    }
  };
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      errors.push(pathError(dir, e));
      return;
    }
    if (seenDirs.has(real)) {
      errors.push(new SitrepError('E_INPUT_READ', `symlink loop: this folder was already read (as ${real}); skipped`, { file: dir }));
      return;
    }
    seenDirs.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      errors.push(pathError(dir, e));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = stat(p);
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else if (st.isFile() && extensions.has(extname(name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-' || isUrl(p)) {
      files.push(p);
      continue;
    }
    const st = stat(p);
    if (!st) continue;
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, errors };
}

function pathError(p: string, e: unknown): SitrepError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    let link = false;
    try {
      link = lstatSync(p).isSymbolicLink();
    } catch {
      /* not there at all */
    }
    return link
      ? new SitrepError('E_INPUT_NOT_FOUND', 'broken symlink: its target does not exist; skipped', { file: p })
      : new SitrepError('E_INPUT_NOT_FOUND', 'no such file or directory', { file: p });
  }
  if (code === 'ELOOP') return new SitrepError('E_INPUT_READ', 'symlink loop: the link points back to itself; skipped', { file: p });
  if (code === 'EACCES' || code === 'EPERM') return new SitrepError('E_INPUT_READ', 'permission denied; skipped', { file: p });
  return new SitrepError('E_INPUT_READ', `cannot read: ${(e as Error).message}`, { file: p });
}
