// serve --token-file: write tokens and their owners, one "TOKEN NAME" a line; blank lines and lines
// starting with # are skipped. A bad line is refused naming the file and line.
import { readFileSync } from 'node:fs';

export function readTokenFile(file: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read --token-file ${file}: ${(e as Error).message}`);
  }
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (!t || t.startsWith('#')) return;
    const m = /^(\S+)\s+(\S.*)$/.exec(t);
    if (!m) throw new Error(`${file}:${i + 1}: want "TOKEN NAME", got a line without a name`);
    if (m[1].length < 12) throw new Error(`${file}:${i + 1}: the token must be at least 12 characters long`);
    if (out[m[1]] != null) throw new Error(`${file}:${i + 1}: this token is already given to ${out[m[1]]}`);
    out[m[1]] = m[2].trim();
  });
  if (!Object.keys(out).length) throw new Error(`${file}: no tokens in it`);
  return out;
}
