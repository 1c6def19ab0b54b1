// Category construction "inherit": a count nested in or listed after an earlier claim of the sentence takes
// its category ("including five children", "9 in Ansari 8 in Salah Addin"), unless it has a verb of its own
// ("four people died and eleven others experienced severe nausea").
import type { Claim } from '../../../core/types.js';
import { type Cat, type Ctx, type Draft, type Group, isWord, lowerBound } from '../context.js';
import { endsWithAny } from '../../endings.js';

export function catInherit(c: Ctx, d: Draft, g: Group | null, floor: number, end: number, prev: Claim, elliptic: boolean): Cat | null {
  const { toks, lex } = c;
  const from = lowerBound(toks, prev.end);
  // ("Five were killed in Mahabad, where thousands had marched": a clause about the place counts others)
  for (let k = from; k < d.qi; k++) if (lex.placeRelatives.has(toks[k].lower)) return null;
  const inclusion = !!lex.inclusion.endingAt(toks, d.qi - 1, floor);
  let ok = (elliptic && (d.qi - from <= 6 || inclusion)) || (g && (g.kind === 'them' || g.rule === 'claims.group:of-them-apposition'));
  if (!ok) {
    ok = true;
    for (let k = from; k < d.qi; k++) if (!lex.inheritGap.has(toks[k].lower)) { ok = false; break; }
  }
  // "Some 130,000 people marched on Thursday, according to the ministry, and 1.2 million according to the unions":
  // a bare figure after the earlier claim's source and day
  if (!ok && elliptic && d.qi - from <= MAX_ASIDE) ok = onlyAsides(c, from, d.qi);
  // "10,000 civilians died in the fighting, including 1,400 children": an inclusion cue right
  // before a counted group reaches back over a short phrase with no count or stop of its own
  // ("received 160 wounded since Monday, including 31 children": a day's words are no stop)
  if (!ok && inclusion && g && g.kind === 'people' && d.qi - from <= 14) {
    ok = true;
    const days = c.a.dates.filter((x) => x.start >= toks[from].start && x.end <= toks[d.qi - 1].end);
    const inDay = (k: number) => days.some((x) => x.start <= toks[k].start && toks[k].end <= x.end);
    for (let k = from; k < d.qi && ok; k++) if (!inDay(k) && (c.inQ[k] || (lex.stops.has(toks[k].lower) && !lex.inclusion.at(toks, k, d.qi)))) ok = false;
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

/** the most tokens between an earlier claim and a bare figure that asides may fill */
const MAX_ASIDE = 16;

/** Are the tokens from..to only joining words, days and the source of a statement reporting what came before
 * ("on Thursday, according to the interior ministry, and")? */
function onlyAsides(c: Ctx, from: number, to: number): boolean {
  const { toks, lex, a } = c;
  const start = toks[from].start;
  const end = toks[to - 1].end;
  const spans: { start: number; end: number }[] = [];
  for (const d of a.dates) if (d.start >= start && d.end <= end) spans.push(d);
  for (const st of a.statements) if (st.cue.start >= start && st.end <= st.cue.start && st.speaker?.end != null && st.speaker.end <= end) spans.push({ start: st.cue.start, end: st.speaker.end });
  for (let k = from; k < to; k++) {
    const t = toks[k];
    if (lex.inheritGap.has(t.lower) || spans.some((x) => t.start >= x.start && t.end <= x.end)) continue;
    // (the preposition of a day: "on Thursday")
    if (k + 1 < to && lex.dayPrepositions.has(t.lower) && a.dates.some((x) => x.start === toks[k + 1].start)) continue;
    return false;
  }
  return true;
}
