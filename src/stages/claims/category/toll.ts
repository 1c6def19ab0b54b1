// Category construction "toll": "the death toll rose to 52", "the number of civilians killed has risen to 20",
// "the toll rose from five people to six" (both figures are counts of the toll).
import { type Cat, type Ctx, headKind } from '../context.js';
import type { ClaimCategory } from '../../../core/types.js';

/** "from five people to six": a figure opened by a range word and followed, within a few words, by the join and a second figure. */
function rangeOpener(c: Ctx, qi: number, floor: number): boolean {
  const { toks, lex } = c;
  if (qi - 1 < floor || !lex.tollRangeFrom.has(toks[qi - 1].lower)) return false;
  let m = qi;
  while (m < toks.length && c.inQ[m] === 1) m++;
  for (let n = 0; m < toks.length && n < 3 && toks[m].sentence === toks[qi].sentence; m++, n++) {
    if (lex.tollRangeTo.has(toks[m].lower)) return m + 1 < toks.length && c.inQ[m + 1] === 1;
  }
  return false;
}

/** A capitalised word right after another in the same sentence: the later word of a name ("Rapid Support Forces"). */
function nameContinues(toks: Ctx['toks'], k: number): boolean {
  const t = toks[k];
  const p = k > 0 ? toks[k - 1] : null;
  return !!p && p.sentence === t.sentence && p.end === t.start - 1 && isCap(t.text) && isCap(p.text) && p.kind === 'word';
}

const CAP = /^\p{Lu}/u;
function isCap(s: string): boolean {
  return CAP.test(s);
}

/** "the death toll rose to 52", "medics put the death toll at 23", "the number of farmers killed has risen to 27". */
export function catToll(c: Ctx, qi: number, floor: number, singular = false): Cat | null {
  const { toks, lex } = c;
  if (qi - 1 < floor) return null;
  const link = toks[qi - 1].lower;
  if (!lex.tollLink.has(link) && !rangeOpener(c, qi, floor)) return null;
  // (up to 24 words back; punctuation, the words in brackets and the later words of a capitalised name are not
  // counted: "the toll from shells fired by the Lugansk People's Republic (LPR) on the city of El Fasher has risen to")
  for (let k = qi - 2, words = 0, depth = 0; k >= floor && words < 24; k--) {
    const t = toks[k];
    if (t.text === ')') depth++;
    else if (t.text === '(' && depth > 0) depth--;
    else if (depth === 0 && (t.kind === 'word' || t.kind === 'number') && !nameContinues(toks, k)) words++;
    if (c.inQ[k] === 1) {
      // "from five people to six": the second figure reads past the first to the toll
      let m = k;
      while (m > floor && c.inQ[m - 1] === 1) m--;
      if (m - 1 >= floor && rangeOpener(c, m, floor)) { k = m - 1; continue; }
      return null;
    }
    // ("the casualties were a fisherman who drowned ...": a list of victims, not a toll)
    const cas = singular ? null : lex.casualtyTollWords.endingAt(toks, k, floor);
    if (cas) {
      if (lex.tollLinkAdjacent.has(link) && cas.end !== qi - 1) return null;
      return { category: 'casualties', rule: 'claims.category:toll-casualties', start: cas.start, end: qi };
    }
    // "police put the crowd at 8,000": the size of a crowd is a count of people, of no harm
    const crowd = singular ? null : lex.crowdTollWords.endingAt(toks, k, floor);
    if (crowd && crowd.end >= qi - 2) return { category: 'other', rule: 'claims.category:toll-crowd', start: crowd.start, end: qi };
    const p = lex.tollWords.endingAt(toks, k, floor);
    if (!p) continue;
    // "a toll of 52" but not "the toll from the quake that hit coasts of a dozen nations"
    if (lex.tollLinkAdjacent.has(link) && p.end !== qi - 1) return null;
    if (lex.ofLink.has(toks[p.end - 1].lower)) {
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
    // "the toll stands at 12 injured", "the toll of wounded rose to 80", "le bilan fait état de 12 blessés": a toll of
    // another category names it
    const named = namedCategory(c, p.start, p.end, qi);
    if (named && named !== 'killed') return { category: named, rule: 'claims.category:toll-named', start: p.start, end: qi };
    return { category: 'killed', rule: 'claims.category:toll', start: p.start, end: qi };
  }
  return null;
}

/** The category a noun names right after the toll's "of" (its word at start..end) or right after the number at qi;
 * none when the toll's own words name death ("the death toll"). */
function namedCategory(c: Ctx, start: number, end: number, qi: number): ClaimCategory | null {
  const { toks, lex } = c;
  for (let m = start; m < end; m++) if (lex.noun.at(toks, m, end)?.value === 'killed') return null;
  if (end + 1 < qi && lex.ofLink.has(toks[end].lower)) {
    const n = lex.noun.at(toks, end + 1, qi);
    if (n) return n.value;
  }
  // (the number's own tokens; a second figure right after it, "Rises to 11 44 Injured" of an unpunctuated headline,
  // is another count)
  let m = qi + 1;
  while (m < toks.length && c.inQ[m] === 1 && !(toks[m].kind === 'number' && toks[m - 1].kind === 'number')) m++;
  if (m >= toks.length || c.inQ[m] === 1 || toks[m].sentence !== toks[qi].sentence) return null;
  return lex.noun.at(toks, m, toks.length)?.value ?? null;
}
