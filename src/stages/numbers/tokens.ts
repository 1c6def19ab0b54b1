// Token tests shared by the numbers stage's readers.
import type { Token } from '../../core/types.js';

/** Is token b in the sentence of token a (and in the text)? */
export function sameSentence(toks: Token[], a: number, b: number): boolean {
  return b < toks.length && toks[b].sentence === toks[a].sentence;
}

/** Is s made of ASCII digits only, with a length from min to max? (/^\d{min,max}$/ without a regex) */
export function digitsOnly(s: string, min = 1, max = Infinity): boolean {
  const n = s.length;
  if (n < min || n > max) return false;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
