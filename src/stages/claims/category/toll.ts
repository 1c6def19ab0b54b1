// Category construction "toll": "the death toll rose to 52", "the number of civilians killed has risen to 20".
import { type Cat, type Ctx, headKind } from '../context.js';

/** "the death toll rose to 52", "medics put the death toll at 23", "the number of farmers killed has risen to 27". */
export function catToll(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  if (qi - 1 < floor || !lex.tollLink.has(toks[qi - 1].lower)) return null;
  for (let k = qi - 2; k >= floor && k >= qi - 24; k--) {
    if (c.inQ[k] === 1) return null;
    const p = lex.tollWords.endingAt(toks, k, floor);
    if (!p) continue;
    if (toks[p.start].lower === 'number' || toks[p.end - 1].lower === 'of') {
      // "the number of civilians killed": the cue after it says what; "the number of towns": not people
      let counted = false;
      for (let m = p.end; m < qi && m < p.end + 3; m++) if (headKind(lex, toks[m].lower) === 'people' || lex.noun.at(toks, m, qi)) { counted = true; break; }
      if (!counted) return null;
      for (let m = p.end; m < qi; m++) {
        const q = lex.after.at(toks, m, qi) ?? lex.noun.at(toks, m, qi);
        if (q) return { category: q.value, rule: 'claims.category:number-of', start: p.start, end: qi };
      }
      return null;
    }
    return { category: 'killed', rule: 'claims.category:toll', start: p.start, end: qi };
  }
  return null;
}
