// What stands between a speaker and its reporting verb: gap words ("also", "on Tuesday"), adverbs and asides set off
// by commas ("Scheer, however, said", "the air force, for its part, said") and how the speaker was reached ("a
// resident reached by phone said"). Used by npBefore (noun-phrase.ts).
import { type Ctx, isWord } from './context.js';

/** Where "PARTICIPLE by X" ending at token e starts ("reached by phone", "joint par l'AFP": the means in up to
 * three words), or -1. */
function reachedAt(c: Ctx, e: number, min: number): number {
  const tok = c.tok;
  for (let k = e - 3; k >= Math.max(min, e - 6); k--) {
    if (!c.lex.w.contactParticiples.has(tok[k].lower) || !c.lex.w.contactBy.has(tok[k + 1].lower)) continue;
    for (let j = k + 2; j < e; j++) if (!isWord(tok[j]) || c.quoted[j] >= 0) return -1;
    return k;
  }
  return -1;
}

/** Where a gap phrase of two or three tokens ending at token e (exclusive) starts, or -1. */
function gapPhraseBefore(c: Ctx, e: number, min: number): number {
  for (let s = e - 2; s >= Math.max(min, e - 3); s--) if (c.lex.gapPhrases.longestAtKeys(c.keys, s)?.end === e) return s;
  return -1;
}

/** Where the phrase ends before token v: gap words ("also", "on Tuesday", "in a statement"), adverbs between commas,
 * an aside set off by commas ("for its part"), how the speaker was reached ("reached by phone"). */
export function skipGapsBefore(c: Ctx, v: number, min: number): number {
  const tok = c.tok;
  let e = v;
  let guard = 0;
  while (e - 1 >= min && guard++ < 6) {
    const t = tok[e - 1];
    if (c.lex.gap.has(t.lower) && !/^\p{Lu}/u.test(t.text) && !c.lex.w.gapNotBefore.has(t.lower)) {
      e--;
      // "Scheer, however, said": the commas around an adverb
      if (e - 1 >= min && tok[e - 1].text === ',' && e < v && !c.lex.w.perfectAux.has(tok[e].lower) && c.lex.w.commaAdverbs.has(t.lower)) e--;
      continue;
    }
    // "a d'abord déclaré", "plus tard": a gap of two or three tokens
    const g = gapPhraseBefore(c, e, min);
    if (g >= 0) { e = g; continue; }
    if (t.text === ',' && e - 2 >= min && c.lex.w.commaAdverbsBefore.has(tok[e - 2].lower)) { e--; continue; }
    // "Ukraine's air force, for its part, said": a phrase set off by commas
    if (t.text === ',') {
      let k = e - 2;
      while (k > min && k >= e - 5 && isWord(tok[k])) k--;
      if (k > min && tok[k].text === ',' && c.lex.asides.longestAtKeys(c.keys, k + 1)?.end === e - 1) { e = k; continue; }
    }
    // "a resident reached by phone said", "un habitant joint par l'AFP a affirmé": how the speaker was reached
    const r = reachedAt(c, e, min);
    if (r >= 0) { e = r; continue; }
    // "X on Tuesday said", "X in a statement said"
    if (c.lex.w.weekdays.has(t.lower) && e - 2 >= min && c.lex.w.dayPreps.has(tok[e - 2].lower)) { e -= 2; continue; }
    // "The U.N. in August said"
    if (c.lex.w.months.has(t.lower) && e - 2 >= min && c.lex.w.preps.has(tok[e - 2].lower)) { e -= 2; continue; }
    // "a report released (on Monday) said": how the report came out, after its noun
    if (c.lex.w.statementParticiples.has(t.lower) && e - 2 >= min && c.lex.sourceNouns.has(tok[e - 2].lower)) { e--; continue; }
    break;
  }
  return e;
}
