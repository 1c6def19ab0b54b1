// Construction "all but": "All but one of the sixteen on board died" counts the sixteen less the one (15 killed);
// the sixteen are a count of their own (other, on board). A draft spans "All but K of the N" with value N - K;
// its category is the first predicate after the group that is not a crowd word (other).
import type { Analysis } from '../../core/types.js';
import { type Cat, type Ctx, type Draft, lowerBound } from './context.js';
import { catAfter } from './category/after.js';
import { findGroup } from './group.js';

export const ALL_BUT = 'claims.all-but';

export function allButDrafts(a: Analysis, c: Ctx): Draft[] {
  const { toks, lex } = c;
  const out: Draft[] = [];
  const quantityAt = (k: number) => (k < toks.length ? a.quantities.find((q) => q.start === toks[k].start && !q.nonCount) : undefined);
  for (let k = 0; k < toks.length; k++) {
    const open = lex.allButOpeners.at(toks, k, toks.length);
    if (!open) continue;
    const part = quantityAt(open.end);
    if (!part || part.min == null || part.min !== part.max) continue;
    let m = lowerBound(toks, part.end);
    const of = lex.partitiveOpeners.at(toks, m, toks.length);
    if (!of) continue;
    const whole = quantityAt(of.end);
    if (!whole || whole.min == null || whole.min !== whole.max || whole.min <= part.min) continue;
    m = lowerBound(toks, whole.end);
    if (toks[m - 1]?.sentence !== toks[k].sentence) continue;
    const v = whole.min - part.min;
    out.push({ qi: k, qj: m, min: v, max: v, approx: false, qSpan: { start: toks[k].start, end: toks[m - 1].end }, qText: a.document.text.slice(toks[k].start, toks[m - 1].end), singular: false, qRule: ALL_BUT });
  }
  return out;
}

/** The first predicate after the group that says what happened (not a crowd word: "on board" is the whole's). */
export function catAllBut(c: Ctx, d: Draft, end: number): Cat | null {
  const g = findGroup(c, d.qj, end);
  let k = g ? g.last + 1 : d.qj;
  for (let n = 0; n < 3 && k < end; n++) {
    const x = catAfter(c, k, end, true);
    if (!x) return null;
    if (x.category !== 'other') return x;
    k = x.end;
  }
  return null;
}

/** "90 of the 200", "all but one of the sixteen": the partitive opener right before the count d, after a count of
 * its own (the part); null when there is none. */
export function partitiveAfterPart(c: Ctx, d: Draft, floor: number): { start: number; end: number } | null {
  const of = c.lex.partitiveOpeners.endingAt(c.toks, d.qi - 1, floor);
  return of && of.start - 1 >= floor && c.inQ[of.start - 1] === 1 ? of : null;
}

/** "All but one of the sixteen on board died": the sixteen are those involved (other), the predicate is the fifteen's. */
export function allButWhole(c: Ctx, d: Draft, floor: number): Cat | null {
  const { toks, lex } = c;
  const of = partitiveAfterPart(c, d, floor);
  if (!of) return null;
  let k = of.start - 1;
  while (k > floor && c.inQ[k - 1] === 1) k--;
  const open = lex.allButOpeners.endingAt(toks, k - 1, floor);
  return open ? { category: 'other', rule: 'claims.category:all-but-whole', start: d.qi, end: d.qj } : null;
}
