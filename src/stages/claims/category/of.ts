// Category construction "of": "the bodies of 30", "the fate of 250 others".
import type { Cat, Ctx } from '../context.js';

/** "the bodies of 30", "the fate of 250 others", "deaths of at least 10". */
export function catOf(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  for (let n = 0; n < 2 && k >= floor && lex.ofSkip.has(toks[k].lower); n++) k--;
  if (k - 1 < floor || !lex.ofLink.has(toks[k].lower)) return null;
  const p = lex.of.endingAt(toks, k - 1, floor);
  return p ? { category: p.value, rule: 'claims.category:of', start: p.start, end: qi } : null;
}
