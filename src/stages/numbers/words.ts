// Numbers written in words: "twenty-five", "one hundred and fifty", "three thousand", "two and a half
// million", French "quatre-vingt-dix" and "vingt et un".
import type { Token } from '../../core/types.js';
import type { NumbersLexicon } from './lexicon.js';
import { sameSentence } from './tokens.js';

/** The value of a number word, hyphenated compounds included ("twenty-five", "quatre-vingt-dix", "vingt-et-un"): [value, 'unit' | 'tens'] or null. */
export function wordValue(w: string, lex: NumbersLexicon): [number, 'unit' | 'tens'] | null {
  const u = lex.units.get(w);
  if (u != null) return [u, 'unit'];
  const t = lex.tens.get(w);
  if (t != null) return [t, 'tens'];
  if (!w.includes('-')) return null;
  // "two-and-a-half"
  for (const f of lex.fractions) {
    const tail = '-' + f.words.join('-');
    if (!w.endsWith(tail)) continue;
    const base = wordValue(w.slice(0, -tail.length), lex);
    return base ? [base[0] + f.value, 'unit'] : null;
  }
  const parts = w.split('-');
  for (let k = parts.length - 1; k >= 1; k--) {
    const tens = lex.tens.get(parts.slice(0, k).join('-'));
    if (tens == null) continue;
    let rest = parts.slice(k);
    if (rest.length > 1 && lex.tensJoin.has(rest[0])) rest = rest.slice(1);
    const unit = lex.units.get(rest.join('-'));
    if (unit != null) return [tens + unit, 'unit'];
  }
  return null;
}

/** A fraction of `list` ("and a half"; by default the fractions after a whole number) at token j followed by a
 * scale word ("million"), within token i's sentence, or null. */
export function fractionAt(toks: Token[], i: number, j: number, lex: NumbersLexicon, list = lex.fractions): { words: string[]; value: number } | null {
  for (const f of list) {
    const k = j + f.words.length;
    if (!sameSentence(toks, i, k) || !f.words.every((x, m) => toks[j + m].lower === x)) continue;
    // (a scale or a multiplier word: "half a million", "half a dozen")
    if (lex.scales.has(toks[k].lower) || lex.multiplierWords.has(toks[k].lower)) return f;
  }
  return null;
}

/** Number words starting at token i: "twenty-five", "one hundred and fifty", "three thousand", "two dozen". */
export function parseWords(toks: Token[], i: number, lex: NumbersLexicon): { value: number; j: number } | null {
  let total = 0;
  let cur = 0;
  let last: 'none' | 'unit' | 'tens' | 'scale' = 'none';
  let j = i;
  let any = false;
  let f: { words: string[]; value: number } | null;
  while (j < toks.length && sameSentence(toks, i, j)) {
    const w = toks[j].lower;
    const wv = wordValue(w, lex);
    if (wv && wv[1] === 'unit' && lex.units.has(w)) {
      if (last === 'unit') break;
      cur += wv[0];
      last = 'unit';
    } else if (wv && wv[1] === 'tens') {
      if (last === 'unit' || last === 'tens') break;
      cur += wv[0];
      last = 'tens';
    } else if (wv) {
      if (last === 'unit' || last === 'tens') break;
      cur += wv[0];
      last = 'unit';
    } else if ((last === 'unit' || last === 'tens') && (f = fractionAt(toks, i, j, lex))) {
      // "two and a half million": the fraction only before a scale word
      cur += f.value;
      j += f.words.length;
      continue;
    } else if (lex.tensJoin.has(w) && last === 'tens' && j + 1 < toks.length && sameSentence(toks, i, j + 1) && lex.units.has(toks[j + 1].lower)) {
      // "vingt et un"
      j++;
      continue;
    } else if (any && (lex.scales.has(w) || lex.multiplierWords.has(w))) {
      const s = lex.scales.get(w) ?? lex.multiplierWords.get(w)!;
      if (s === 100 || lex.multiplierWords.has(w)) cur = (cur || 1) * s;
      else {
        total += (cur || 1) * s;
        cur = 0;
      }
      last = 'scale';
    } else if (lex.scaleJoin.has(w) && last === 'scale' && j + 1 < toks.length && sameSentence(toks, i, j + 1) && (lex.units.has(toks[j + 1].lower) || lex.tens.has(toks[j + 1].lower) || lex.tens.has(toks[j + 1].lower.split('-')[0]))) {
      j++;
      continue;
    } else break;
    any = true;
    j++;
  }
  if (!any) return null;
  return { value: total + cur, j };
}
