// Construction "possessed": one person named by a role relative to someone, right after a verb of harm or
// arrest ("the strike killed the group's commander", "police arrested his brother", "gunmen abducted their
// leader"). A definite description alone ("killed the attacker") stays a re-mention and is not counted.
import type { Analysis } from '../../core/types.js';
import { type Cat, type Ctx, type Draft, headKind, isPlural, isWord } from './context.js';
import { catBefore } from './category/before.js';

/** Drafts spanning "[the X]'s|his|her|their|its [modifier] HEAD" with a singular people head. */
export function possessedDrafts(a: Analysis, c: Ctx): Draft[] {
  const { toks, lex } = c;
  const out: Draft[] = [];
  for (let k = 0; k < toks.length; k++) {
    let start = -1;
    if (lex.possessives.has(toks[k].lower)) start = k;
    else if (lex.possessiveMarks.has(toks[k].lower) && k >= 2 && isWord(toks[k - 1]) && lex.determiners.has(toks[k - 2].lower) && toks[k - 2].sentence === toks[k].sentence) start = k - 2;
    if (start < 0 || c.inQ[k + 1]) continue;
    let h = k + 1;
    while (h < toks.length && h <= k + 3 && toks[h].sentence === toks[k].sentence && isWord(toks[h]) && !c.inQ[h] && headKind(lex, toks[h].lower) !== 'people') h++;
    if (h >= toks.length || toks[h].sentence !== toks[k].sentence || headKind(lex, toks[h].lower) !== 'people') continue;
    const w = toks[h].lower;
    if (isPlural(lex, w)) continue;
    // "his brother's house": the head is itself a possessor
    if (h + 1 < toks.length && lex.possessiveMarks.has(toks[h + 1].lower)) continue;
    out.push({ qi: start, qj: h + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[start].start, end: toks[h].end }, qText: a.document.text.slice(toks[start].start, toks[h].end), singular: true, qRule: 'claims.possessed' });
  }
  return out;
}

const PERSONAL = new Set(['killed', 'injured', 'detained', 'abducted']);

/** A verb of harm or arrest right before the phrase. */
export function catPossessed(c: Ctx, d: Draft, floor: number): Cat | null {
  const b = catBefore(c, d.qi, floor);
  if (!b || b.end !== d.qi || !PERSONAL.has(b.category)) return null;
  return { ...b, rule: 'claims.category:possessed', end: d.qj };
}
