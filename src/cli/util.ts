// Helpers shared by the commands.
import { isCalendarDay } from '../io/record.js';

/** A mistake in the command line: printed with the command's help hint, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Write to stdout, waiting when the pipe is full (so large outputs don't pile up in memory). */
export function writeOut(s: string): Promise<void> | void {
  if (process.stdout.write(s)) return;
  return new Promise((resolve) => process.stdout.once('drain', () => resolve()));
}

/** The known word closest to a mistyped one (edit distance at most 2, or a prefix), or null. */
export function didYouMean(word: string, known: readonly string[]): string | null {
  const w = word.toLowerCase().slice(0, 40);
  let best: string | null = null;
  let bestD = Infinity;
  for (const k of known) {
    const d = k.startsWith(w) && w.length >= 3 ? 0.5 : distance(w, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return bestD <= Math.max(1, Math.min(2, Math.floor(w.length / 3))) ? best : null;
}

/** Levenshtein distance (with adjacent transpositions counted as one edit). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** A whole-number option above 0 ("--batch 200"), or its default when not given. */
export function positiveInt(v: string | undefined, name: string, dflt: number): number {
  if (v == null) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} must be a positive whole number, got "${v}"`);
  return n;
}

/** A number of seconds above 0, fractions allowed ("--doc-timeout 2.5"), or its default when not given. */
export function positiveSeconds(v: string | undefined, name: string, dflt: number): number {
  if (v == null) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number of seconds, got "${v}"`);
  return n;
}

/** A --published style option: YYYY-MM-DD and a day of the calendar (not 2016-02-31). */
export function checkDay(value: string | undefined, option: string): void {
  if (value == null) return;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) throw new UsageError(`${option} must be YYYY-MM-DD, got "${value}"`);
  if (!isCalendarDay(+m[1], +m[2], +m[3])) throw new UsageError(`${option} is not a day of the calendar: "${value}"`);
}
