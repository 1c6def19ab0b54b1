// Category construction "residents": a count of the people who live in a place ("the camp, home to some 450,000
// people"): affected when the sentence says the place was hit, else a population (other). GUIDELINES, edge cases.
import type { Cat, Ctx } from '../context.js';

/** The residents' cue right before the number, and what the sentence says of their place. */
export function catResidents(c: Ctx, qi: number, floor: number, end: number): Cat | null {
  const { toks, lex } = c;
  const p = lex.residentCues.endingAt(toks, qi - 1, floor);
  if (!p) return null;
  let hit = false;
  for (let k = floor; k < end && !hit; k++) hit = lex.placeHitWords.has(toks[k].lower);
  return { category: hit ? 'affected' : 'other', rule: 'claims.category:residents', start: p.start, end: p.end };
}
