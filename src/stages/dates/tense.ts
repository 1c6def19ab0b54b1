// The tense of the clause around a date mention: forward ("will", "is expected to"), a future seen from
// the past ("would"), else past.
import { type ExtractContext, type Tense } from './raw-date.js';

/** Past or future: scan back from the mention (then forward) for the nearest tense cue. Default past;
 * `cued` says whether a cue said so ("stormed the town on Oct. 7") or it is only the default. */
export function tenseOf(c: ExtractContext, s: number, e: number): { tense: Tense; cued: boolean } {
  const tk = c.tokens;
  const sent = tk[s].sentence;
  if (s > 0 && tk[s - 1].sentence === sent && c.lex.futureOpeners.matchEndingAt(tk, s - 1)) return { tense: 'future', cued: true };
  for (let k = s - 1, n = 0; k >= 0 && n < 10 && tk[k].sentence === sent; k--, n++) {
    const v = tenseAt(c, k, true);
    if (v != null) return { tense: v, cued: true };
  }
  for (let k = e, n = 0; k < tk.length && n < 6 && tk[k].sentence === sent; k++, n++) {
    const v = tenseAt(c, k, false);
    if (v != null) return { tense: v, cued: true };
  }
  return { tense: 'past', cued: false };
}

function tenseAt(c: ExtractContext, k: number, backward: boolean): Tense | null {
  const tk = c.tokens;
  const t = tk[k];
  if (t.kind !== 'word') return null;
  // the longest cue ending here (scanning back) or starting here: "was expected to" before "expected to"
  const a = backward ? c.lex.futureCues.matchEndingAt(tk, k) : null;
  const b = c.lex.futureCues.matchAt(tk, k);
  const hit = a && b ? (k - a.start >= b.end - k - 1 ? a : b) : a ?? b;
  if (hit) return hit.value;
  if (t.lower.endsWith("'ll") || t.lower.endsWith('’ll')) return 'future';
  const past = c.lex.pastCues.has(t.lower) || (t.lower.length > 4 && t.lower.endsWith('ed'));
  // "will be held", "is expected": a participle after a form of "be" tells no tense; the scan goes on
  if (past && k > 0 && tk[k - 1].sentence === t.sentence && c.lex.participleAuxiliaries.has(tk[k - 1].lower)) return null;
  if (past) return 'past';
  return null;
}
