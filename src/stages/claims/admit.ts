// Counts that are not claims although a group was found: "one soldier ..." followed by an uncounted noun
// ("the army officer corps"), and singular "a/an + noun" counts that are plural, inside the last group,
// or part of a larger claim ("including a child").
import type { Claim } from '../../core/types.js';
import { type Ctx, type Draft, type Group, isPlural, isWord } from './context.js';
import { endsWithAny } from '../endings.js';

/** A singular person head followed by a noun we do not count: the head is a modifier, not the group. */
export function headModifiesNoun(c: Ctx, d: Draft, g: Group | null, end: number): boolean {
  const { toks, lex } = c;
  if (!(g && g.kind === 'people' && g.last === g.head && g.head + 1 < end && isWord(toks[g.head + 1]) && !c.inQ[g.head + 1])) return false;
  const h = toks[g.head].lower;
  const n = toks[g.head + 1];
  const singularHead = !isPlural(lex, h);
  const participle = endsWithAny(n.lower, lex.participleEndings);
  return singularHead && !(d.singular && participle) && !lex.notNouns.has(n.lower) && /^\p{Ll}/u.test(n.text) && !lex.stops.has(n.lower) && !lex.aux.has(n.lower) && !lex.ellipsisNext.has(n.lower) && !lex.after.at(toks, g.head + 1, end) && !lex.before.at(toks, g.head + 1, end);
}

/** "including a child", "dont un enfant": a count right after an inclusion cue, in a sentence that already holds a
 * claim, is part of that larger claim ("The dead included a journalist" is a claim of its own). */
export function partOfLarger(c: Ctx, d: Draft, floor: number, last: Claim | undefined): boolean {
  return !!last && last.sentence === c.toks[d.qi].sentence && c.lex.inclusion.endingAt(c.toks, d.qi - 1, floor) != null;
}

/** Whether a singular "a/an + noun" count may be a claim of its own. */
export function singularAdmitted(c: Ctx, d: Draft, g: Group | null, floor: number, last: Claim | undefined): boolean {
  const { toks, lex } = c;
  if (!g || g.kind === 'them') return false;
  if (last && last.whoSpan && d.qSpan.start >= last.whoSpan.start && d.qSpan.start < last.whoSpan.end) return false;
  if (g.kind === 'people' && isPlural(lex, toks[g.head].lower)) return false;
  if (partOfLarger(c, d, floor, last)) return false;
  // "The suspect, identified as a 22-year-old man, was ...", "The victim, a nurse, died": one already told of,
  // described again (a definite re-mention is no new claim)
  if (lex.restating.endingAt(toks, d.qi - 1, floor)) return false;
  const k = d.qi - 1;
  if (k - 2 >= floor && toks[k].text === ',' && /^\p{Ll}+$/u.test(toks[k - 1].text) && lex.definiteArticles.has(toks[k - 2].lower)) return false;
  return true;
}
