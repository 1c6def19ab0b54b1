// Construction "toll range": a toll that "rose from 12 to 45" gives two claims, one per figure (GUIDELINES:
// a toll that rose from A to B gives two claims). The numbers stage reads "from 12 to 45" as one range.
import type { Claim } from '../../core/types.js';
import { type Cat, type Ctx, type Draft, claimOf } from './context.js';

const TOLL_RULES = new Set(['claims.category:toll', 'claims.category:number-of']);

/** The two claims of "from A to B" after a toll, or null when the count is not such a range. */
export function splitTollRange(c: Ctx, d: Draft, cat: Cat, claim: Claim): [Claim, Claim] | null {
  const { toks, lex, a } = c;
  if (!TOLL_RULES.has(cat.rule) || d.min == null || d.max == null || d.min >= d.max) return null;
  if (!lex.tollRangeFrom.has(toks[d.qi].lower)) return null;
  let j = -1;
  for (let k = d.qi + 2; k < d.qj - 1; k++) if (lex.tollRangeTo.has(toks[k].lower)) { j = k; break; }
  if (j < 0) return null;
  const part = (first: number, last: number, v: number): Claim => claimOf({
    ...claim,
    quantity: { start: toks[first].start, end: toks[last].end, text: a.document.text.slice(toks[first].start, toks[last].end) },
    value: { min: v, max: v, approx: d.approx },
    evidence: [...claim.evidence, { rule: 'claims.toll-range', span: { start: toks[first].start, end: toks[last].end } }],
  });
  const lo = part(d.qi + 1, j - 1, d.min);
  const hi = part(j + 1, d.qj - 1, d.max);
  return [claimOf({ ...lo, end: toks[j - 1].end }), hi];
}

/**
 * "The number of dead climbed to 45 on Tuesday, up from 31 a day earlier": a figure after one of the
 * previousFigure cues, in the sentence of a toll, is the same count as reported before (a claim of its own,
 * as the A of "rose from A to B"); null when the count is not such a figure.
 */
export function previousFigure(c: Ctx, d: Draft, prev: Claim): Claim | null {
  const { toks, lex, a } = c;
  if (d.min == null || d.singular || !TOLL_CATEGORIES.has(prev.category) || d.qi < 2) return null;
  const cue = lex.previousFigure.endingAt(toks, d.qi - 1, Math.max(0, d.qi - 4));
  if (!cue || toks[cue.start].start < prev.end) return null;
  return claimOf({
    ...prev,
    start: toks[cue.start].start,
    end: toks[d.qj - 1].end,
    quantity: { start: toks[d.qi].start, end: toks[d.qj - 1].end, text: a.document.text.slice(toks[d.qi].start, toks[d.qj - 1].end) },
    value: { min: d.min, max: d.max, approx: d.approx },
    evidence: [{ rule: 'claims.previous-figure', span: { start: toks[cue.start].start, end: toks[cue.end - 1].end }, note: prev.category }, ...prev.evidence.slice(1)],
  });
}

/** The categories of a toll that is told again with its earlier figure. */
const TOLL_CATEGORIES = new Set(['killed', 'injured', 'casualties', 'displaced', 'detained', 'missing', 'abducted', 'affected']);
