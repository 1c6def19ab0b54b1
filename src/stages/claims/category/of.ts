// Category construction "of": "the bodies of 30", "the fate of 250 others".
import type { Cat, Ctx } from '../context.js';

/** "the bodies of 30", "the fate of 250 others", "deaths of at least 10". */
export function catOf(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  if (k >= floor && toks[k].lower === 'the') k--;
  if (k - 1 < floor || toks[k].lower !== 'of') return null;
  const p = lex.of.endingAt(toks, k - 1, floor);
  return p ? { category: p.value, rule: 'claims.category:of', start: p.start, end: qi } : null;
}
