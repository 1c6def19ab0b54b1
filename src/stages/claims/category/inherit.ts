// Category construction "inherit": a count nested in or listed after an earlier claim of the sentence takes
// its category ("including five children", "9 in Ansari 8 in Salah Addin"), unless it has a verb of its own
// ("four people died and eleven others experienced severe nausea").
import type { Claim } from '../../../core/types.js';
import { type Cat, type Ctx, type Draft, type Group, isWord, lowerBound } from '../context.js';
import { endsWithAny } from '../../endings.js';

export function catInherit(c: Ctx, d: Draft, g: Group | null, floor: number, end: number, prev: Claim, elliptic: boolean): Cat | null {
  const { toks, lex } = c;
  const from = lowerBound(toks, prev.end);
  const inclusion = !!lex.inclusion.endingAt(toks, d.qi - 1, floor);
  let ok = (elliptic && (d.qi - from <= 6 || inclusion)) || (g && (g.kind === 'them' || g.rule === 'claims.group:of-them-apposition'));
  if (!ok) {
    ok = true;
    for (let k = from; k < d.qi; k++) if (!lex.inheritGap.has(toks[k].lower)) { ok = false; break; }
  }
  // "10,000 civilians died in the fighting, including 1,400 children": an inclusion cue right
  // before a counted group reaches back over a short phrase with no count or stop of its own
  if (!ok && inclusion && g && g.kind === 'people' && d.qi - from <= 14) {
    ok = true;
    for (let k = from; k < d.qi && ok; k++) if (c.inQ[k] || (lex.stops.has(toks[k].lower) && !lex.inclusion.at(toks, k, d.qi))) ok = false;
  }
  // "8 dead among the security forces: 2 gendarmes ...": a colon after the parent opens its breakdown
  if (!ok && g && g.kind === 'people') {
    let colon = -1;
    for (let k = d.qi - 1; k >= from; k--) {
      if (c.inQ[k]) break;
      if (lex.breakdownOpeners.has(toks[k].text)) { colon = k; break; }
      if (!lex.inheritGap.has(toks[k].lower)) break;
    }
    ok = colon >= 0;
  }
  // "... 2 gendarmes in front of the embassy and 6 soldiers at headquarters": the breakdown goes on past a place
  if (!ok && g && g.kind === 'people' && prev.evidence[0]?.rule === 'claims.category:inherit' && d.qi - from <= 10 && d.qi - 1 >= from && lex.inheritGap.has(toks[d.qi - 1].lower)) {
    ok = true;
    for (let k = from; k < d.qi && ok; k++) if (c.inQ[k] || lex.after.at(toks, k, d.qi) || lex.before.at(toks, k, d.qi) || (lex.stops.has(toks[k].lower) && !lex.groupJoin.has(toks[k].lower))) ok = false;
  }
  const nx = g && g.last + 1 < end ? toks[g.last + 1] : undefined;
  // ("including 10 people sheltering in a school": after an inclusion cue a present participle is a reduced relative)
  if (ok && nx && isWord(nx) && /^\p{Ll}/u.test(nx.text) && endsWithAny(nx.lower, lex.participleEndings) && !lex.aux.has(nx.lower) && !lex.stops.has(nx.lower) && !lex.inclusion.at(toks, g!.last + 1, end) && !(inclusion && endsWithAny(nx.lower, lex.presentParticipleEndings))) ok = false;
  return ok ? { category: prev.category, rule: 'claims.category:inherit', start: d.qi, end: d.qj } : null;
}
