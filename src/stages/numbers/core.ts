// A bare number at a token (Core): vague amounts ("dozens"), "a dozen", digits with their grouping, suffix
// or scale ("1.2m", "3 million"), clock times, number words; then a range after it ("300 to 400") and a
// modifier after it ("or more"), and what a modifier does to its value range.
import type { Token } from '../../core/types.js';
import type { ModifierOp, NumbersLexicon } from './lexicon.js';
import { parseDigits, spaceGroupEnd } from './digits.js';
import { fractionAt, parseWords, wordValue } from './words.js';
import { digitsOnly, sameSentence } from './tokens.js';

export interface Core {
  /** token index of the first token, and one past the last */
  i: number;
  j: number;
  min: number | null;
  max: number | null;
  approx: boolean;
  kind: 'exact' | 'vague' | 'range';
  rule: string;
  /** digits only, no grouping, four digits: a possible year */
  yearLike: boolean;
  digits: boolean;
}

/** A bare number (no modifier) at token i. */
export function parseCore(toks: Token[], i: number, lex: NumbersLexicon): Core | null {
  const t = toks[i];
  // vague amounts, longest first
  const vs = lex.vague.get(t.lower);
  if (vs) {
    for (const v of vs) {
      let ok = true;
      for (let k = 0; k < v.words.length; k++) {
        if (!sameSentence(toks, i, i + k) || toks[i + k].lower !== v.words[k]) { ok = false; break; }
      }
      if (!ok) continue;
      const j = i + v.words.length;
      if (v.needsNext && !(sameSentence(toks, i, j) && v.needsNext.has(toks[j].lower))) continue;
      return { i, j, min: v.min, max: v.max, approx: true, kind: 'vague', rule: 'numbers.vague:' + v.words.join('-'), yearLike: false, digits: false };
    }
  }
  // "half a million", "a quarter of a million", "half a dozen": a fraction of a scale or multiplier word
  const lead = fractionAt(toks, i, i, lex, lex.leadingFractions);
  if (lead) {
    const j = i + lead.words.length;
    const v = lead.value * (lex.scales.get(toks[j].lower) ?? lex.multiplierWords.get(toks[j].lower)!);
    return { i, j: j + 1, min: v, max: v, approx: false, kind: 'exact', rule: 'numbers.fraction-scale', yearLike: false, digits: false };
  }
  // "a dozen", "a hundred", "a thousand"
  if (lex.indefiniteArticles.has(t.lower) && sameSentence(toks, i, i + 1) && lex.aScale.has(toks[i + 1].lower)) {
    const w = toks[i + 1].lower;
    const v = lex.scales.get(w) ?? lex.multiplierWords.get(w)!;
    return { i, j: i + 2, min: v, max: v, approx: false, kind: 'exact', rule: 'numbers.a-scale', yearLike: false, digits: false };
  }
  if (t.kind === 'number') {
    let v = parseDigits(t.text, lex.decimalComma);
    if (v == null) return null;
    let j = spaceGroupEnd(toks, i, lex);
    const yearLike = digitsOnly(t.text, 4, 4) && v >= 1900 && v <= 2100;
    let rule = 'numbers.digits';
    if (j > i + 1) {
      v = Number(toks.slice(i, j).map((x) => x.text).join(''));
      rule = 'numbers.digits-space-grouped';
    }
    // "35+": at least 35
    if (sameSentence(toks, i, j) && toks[j].text === '+' && toks[j].start === toks[j - 1].end) {
      return { i, j: j + 1, min: v, max: null, approx: false, kind: 'exact', rule: 'numbers.digits-plus', yearLike: false, digits: true };
    }
    // a clock time "10:30" is one quantity (marked non-count below)
    if (sameSentence(toks, i, j + 1) && toks[j].text === ':' && toks[j].start === t.end && toks[j + 1].kind === 'number' && toks[j + 1].start === toks[j].end) {
      return { i, j: j + 2, min: v, max: v, approx: false, kind: 'exact', rule: 'numbers.clock', yearLike: false, digits: true };
    }
    if (sameSentence(toks, i, j)) {
      const n = toks[j];
      if (n.start === t.end && lex.suffixes.has(n.lower)) {
        v *= lex.suffixes.get(n.lower)!;
        j++;
        rule = 'numbers.digits-suffix';
      } else if (lex.scales.has(n.lower) || lex.multiplierWords.has(n.lower)) {
        v *= lex.scales.get(n.lower) ?? lex.multiplierWords.get(n.lower)!;
        j++;
        rule = 'numbers.digits-scale';
      }
    }
    v = Math.round(v * 1000) / 1000;
    return { i, j, min: v, max: v, approx: false, kind: 'exact', rule, yearLike: yearLike && j === i + 1, digits: true };
  }
  if (wordValue(t.lower, lex)) {
    const w = parseWords(toks, i, lex);
    if (!w) return null;
    return { i, j: w.j, min: w.value, max: w.value, approx: false, kind: 'exact', rule: 'numbers.words', yearLike: false, digits: false };
  }
  return null;
}

/** "X to Y", "X-Y", "X or Y" after a core: a range when Y is a larger exact number. */
export function extendRange(toks: Token[], c: Core, lex: NumbersLexicon, joins: Set<string>): Core {
  if (c.kind !== 'exact' || c.min == null) return c;
  const k = c.j;
  if (!sameSentence(toks, c.i, k + 1) || !joins.has(toks[k].lower)) return c;
  const d = parseCore(toks, k + 1, lex);
  if (!d || d.kind !== 'exact' || d.min == null || d.min <= c.min) return c;
  return { i: c.i, j: d.j, min: c.min, max: d.max, approx: c.approx, kind: 'range', rule: 'numbers.range', yearLike: c.yearLike && d.yearLike, digits: c.digits };
}


/** "or more", "or so" just after an exact number: the op and one past its last token. */
export function postModifierAt(toks: Token[], c: Core, lex: NumbersLexicon): { op: ModifierOp; j: number; rule: string } | null {
  if (c.kind !== 'exact' || !sameSentence(toks, c.i, c.j)) return null;
  for (const m of lex.postModifiers.get(toks[c.j].lower) ?? []) {
    if (m.words.every((x, k) => sameSentence(toks, c.i, c.j + k) && toks[c.j + k].lower === x)) return { op: m.op, j: c.j + m.words.length, rule: 'numbers.post-modifier:' + m.words.join('-') };
  }
  return null;
}

export function applyModifier(c: Core, op: ModifierOp): Pick<Core, 'min' | 'max' | 'approx'> {
  const lo = c.min, hi = c.max;
  if (lo == null || hi == null) return c;
  switch (op) {
    case 'atLeast': return { min: lo, max: null, approx: c.approx };
    case 'moreThan': return { min: c.kind === 'exact' && Number.isInteger(lo) ? lo + 1 : lo, max: null, approx: c.approx };
    case 'nearly': return { min: Math.round(0.9 * lo), max: hi, approx: true };
    case 'approx': return { min: lo, max: hi, approx: true };
    case 'upTo': return { min: null, max: hi, approx: c.approx };
    case 'lessThan': return { min: null, max: c.kind === 'exact' && Number.isInteger(hi) ? hi - 1 : hi, approx: c.approx };
  }
}
