// Category construction "reference": a bare number with no counted noun that points back at a group counted
// earlier in the text. Tried last, only when nothing else named a category.
//   "the other three remain at the clinic"   the rest of the group counted just before: its category
//   "Of the 18, only two were admitted"       a part of a group counted earlier: that group's category
//   "the twelve were seen near the field"     the same group again, with nothing new said of it: other
//   "police put the figure at 20,000"         another's figure for the group counted just before: its category
import type { Claim, ClaimCategory } from '../../../core/types.js';
import { type Ctx, type Draft, headKind, isPlural, isWord, lowerBound } from '../context.js';
import type { Categorised } from './index.js';

/** How many sentences back the group referred to may have been counted. */
const REACH = 3;

export function catReference(c: Ctx, d: Draft, floor: number, end: number, claims: readonly Claim[]): Categorised | null {
  const { toks, lex } = c;
  if (d.singular || d.min == null || d.min !== d.max) return null;
  // "Of the dead, 37 were children": the partitive names the harm with a noun, the count follows its comma
  const named = partitiveNoun(c, floor, d.qi);
  if (named) return { cat: { category: named, rule: 'claims.category:reference-part', start: floor, end: d.qj } };
  const s = toks[d.qi].sentence;
  const near = claims.filter((x) => x.sentence >= s - REACH && x.sentence <= s && x.category !== 'vehicles' && x.end <= toks[d.qi].start);
  if (!near.length) return null;
  const cat = (p: Claim, rule: string): Categorised => ({ cat: { category: p.category, rule, start: d.qi, end: d.qj }, parent: p });
  // "Of the 18, only two ...": the sentence opens with the partitive, the count follows its comma
  const whole = partitiveWhole(c, floor, d.qi);
  if (whole != null) {
    const p = [...near].reverse().find((x) => x.value.min === whole && x.value.max === whole);
    return p && d.min < whole ? cat(p, 'claims.category:reference-part') : null;
  }
  // "police put the figure at around 20,000": another's figure for the count just told, of its category
  const fig = d.qi - 2 >= floor && lex.tollLink.has(toks[d.qi - 1].lower) ? lex.referenceFigures.endingAt(toks, d.qi - 2, floor) : null;
  if (fig) return { cat: { category: near[near.length - 1].category, rule: 'claims.category:reference-figure', start: fig.start, end: d.qj }, parent: near[near.length - 1] };
  let k = d.qi - 1;
  // "the other three", "the remaining two"; "les trois autres"
  const restAfter = d.qj < end && lex.referenceRest.has(toks[d.qj].lower);
  const rest = restAfter || (k > floor && lex.referenceRest.has(toks[k].lower));
  if (rest && !restAfter) k--;
  if (!nextFits(c, restAfter ? d.qj + 1 : d.qj, end)) return null;
  if (k < floor || !lex.referenceArticles.has(toks[k].lower)) return null;
  // "of the 36", "among the 36": part of a phrase about something else; "Of the 18,": the whole of a partitive
  if (lex.partitiveOpeners.endingAt(toks, k, floor)) return null;
  if (k > floor && isWord(toks[k - 1]) && (lex.skipBeforeGroup.has(toks[k - 1].lower) || lex.inclusion.endingAt(toks, k - 1, floor))) return null;
  if (rest) return cat(near[near.length - 1], 'claims.category:reference-rest');
  const same = near.find((x) => x.value.min === d.min && x.value.max === d.max);
  return same ? { cat: { category: 'other', rule: 'claims.category:reference-same', start: k, end: d.qj }, parent: same } : null;
}

/**
 * "Residents donated blood by the hundreds", "were killed by the dozen": a vague count as a manner adverb
 * counts the clause's subject; what happened is a predicate right before it, else they took part (other).
 */
export function catByThe(c: Ctx, d: Draft, floor: number): Categorised | null {
  const { toks, lex } = c;
  if (d.singular || (d.min != null && d.min === d.max)) return null;
  const by = lex.mannerOpeners.endingAt(toks, d.qi - 1, floor);
  if (!by || (d.qj < toks.length && lex.skipBeforeGroup.has(toks[d.qj].lower))) return null;
  // the subject is people ("Residents donated blood by the hundreds", not "The shop sold tickets by the dozens")
  let people = false;
  for (let k = floor; k < by.start && !people; k++) people = headKind(lex, toks[k].lower) === 'people';
  if (!people) return null;
  for (let k = by.start - 1; k >= floor && k >= by.start - 3; k--) {
    const p = lex.after.endingAt(toks, k, floor);
    if (p) return { cat: { category: p.value, rule: 'claims.category:by-the', start: p.start, end: d.qj } };
  }
  return { cat: { category: 'other', rule: 'claims.category:by-the', start: by.start, end: d.qj } };
}

/**
 * "There are a lot of police, at least a dozen.", "Many civilians were killed, at least 40.": a bare count set
 * off by a comma at the end of a clause about people: the clause's predicate, else those people (other).
 */
export function catApposed(c: Ctx, d: Draft, floor: number, end: number): Categorised | null {
  const { toks, lex } = c;
  if (d.singular || d.qi - 2 < floor || toks[d.qi - 1].text !== ',') return null;
  if (d.qj < end && (isWord(toks[d.qj]) || c.inQ[d.qj])) return null;
  for (let k = d.qi - 2; k >= floor && k >= d.qi - 9; k--) {
    if (c.inQ[k] || lex.stops.has(toks[k].lower)) return null;
    const p = lex.after.at(toks, k, d.qi - 1);
    if (p && p.end === d.qi - 1) return { cat: { category: p.value, rule: 'claims.category:apposed', start: p.start, end: d.qj } };
    if (headKind(lex, toks[k].lower) === 'people') {
      // "his son, 28": after one person a small number is an age
      const plural = isPlural(lex, toks[k].lower);
      return k === d.qi - 2 && plural ? { cat: { category: 'other', rule: 'claims.category:apposed', start: k, end: d.qj } } : null;
    }
  }
  return null;
}

/** The word after a bare number that refers back: its verb, an auxiliary, a preposition or punctuation, not a noun. */
function nextFits(c: Ctx, k: number, end: number): boolean {
  const { toks, lex } = c;
  if (k >= end || !isWord(toks[k])) return k >= end || !c.inQ[k];
  const w = toks[k].lower;
  return lex.aux.has(w) || lex.stops.has(w) || lex.ellipsisNext.has(w) || lex.referenceNext.has(w) || !!lex.after.at(toks, k, end);
}

/** Only auxiliaries and the words a partitive may skip ("only") between tokens from and to: "Of the 18, only two". */
function onlySkips(c: Ctx, from: number, to: number): boolean {
  for (let m = from; m < to; m++) if (!c.lex.aux.has(c.toks[m].lower) && !c.lex.referenceSkip.has(c.toks[m].lower)) return false;
  return true;
}

/** "Of the dead, [only] N": the category of the harm noun of the partitive opening the sentence, when the count
 * follows its comma; null otherwise. */
function partitiveNoun(c: Ctx, floor: number, qi: number): ClaimCategory | null {
  const { toks, lex } = c;
  const open = lex.partitiveOpeners.at(toks, floor, qi);
  const noun = open ? lex.noun.at(toks, open.end, qi) : null;
  return noun && noun.end < qi && toks[noun.end].text === ',' && onlySkips(c, noun.end + 1, qi) ? noun.value : null;
}

/** "Of the 18, [only] N": the whole of the partitive opening the sentence, when the count follows its comma. */
function partitiveWhole(c: Ctx, floor: number, qi: number): number | null {
  const { toks, lex, a } = c;
  const open = lex.partitiveOpeners.at(toks, floor, qi);
  if (!open) return null;
  let k = open.end;
  const q = a.quantities.find((x) => x.start === toks[k]?.start);
  if (!q || q.min == null || q.min !== q.max) return null;
  k = lowerBound(toks, q.end);
  return k < qi && toks[k].text === ',' && onlySkips(c, k + 1, qi) ? q.min : null;
}
