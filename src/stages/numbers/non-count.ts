// Non-count cues around a quantity: ordinals, clock times, ages and durations ("12-year-old", "24 hours"),
// money, percent, measures and years ("in 2016", "2014 and 2015").
import type { NonCountKind, Quantity, Token } from '../../core/types.js';
import type { Core } from './core.js';
import type { NumbersLexicon } from './lexicon.js';

/** Non-count cues around the tokens [i, j) of a quantity. */
export function nonCountOf(toks: Token[], i: number, j: number, c: Core, lex: NumbersLexicon, prevQ: Quantity | undefined): { kind: NonCountKind; rule: string } | null {
  const at = (k: number) => (k >= 0 && k < toks.length && toks[k].sentence === toks[i].sentence ? toks[k] : undefined);
  const next = at(j);
  const next2 = at(j + 1);
  const prev = at(i - 1);
  const coreLast = toks[j - 1];
  // ordinals: "4th", "21st"
  if (c.digits && next && next.start === coreLast.end && lex.after.get(next.lower) === 'ordinal') return { kind: 'ordinal', rule: 'numbers.noncount:ordinal-suffix' };
  // times "10:30"
  if (c.rule === 'numbers.clock') return { kind: 'time', rule: 'numbers.noncount:clock' };
  // "12-year-old", "10-day", "24-hour"
  if (next && (next.text === '-' || next.text === '–') && next2) {
    const k = lex.after.get(next2.lower);
    if (k && k !== 'ordinal') return { kind: k === 'duration' && lex.ageAfterDuration.has(at(j + 2)?.lower ?? '') ? 'age' : k, rule: 'numbers.noncount:hyphen-' + k };
  }
  if (next) {
    // "12 years old", "3 a.m.", "40 per cent"
    for (const seq of lex.afterSeq) {
      if (seq.words.every((w, k) => at(j + k)?.lower === w)) return { kind: seq.kind, rule: 'numbers.noncount:after-' + seq.words.join('-') };
    }
    const k = lex.after.get(next.lower);
    if (k && k !== 'ordinal') return { kind: k, rule: 'numbers.noncount:after-' + next.lower };
  }
  if (prev) {
    const k = lex.before.get(prev.lower);
    if (k === 'time') {
      if (next && lex.timeAfterAt.has(next.lower)) return { kind: 'time', rule: 'numbers.noncount:at-time' };
    } else if (k) return { kind: k, rule: 'numbers.noncount:before-' + prev.lower };
  }
  // years: "in 2016", "since 2011", "2014 and 2015"
  // "at 0914": a clock time written without a colon
  if (c.digits && prev && lex.hhmmBefore.has(prev.lower) && /^0\d{3}$/.test(toks[i].text)) return { kind: 'time', rule: 'numbers.noncount:at-hhmm' };
  if (c.kind === 'range' && c.yearLike) return { kind: 'year', rule: 'numbers.noncount:year-range' };
  if (c.yearLike) {
    const nextOk = !next || next.kind !== 'word' || lex.yearNextOk.has(next.lower) || /^\p{Lu}/u.test(next.text);
    const prevYear = prev && lex.yearBefore.has(prev.lower);
    const joined = prev && lex.yearJoin.has(prev.lower) && prevQ?.nonCount === 'year' && prevQ.end <= prev.start && toks[i - 2] && prevQ.end === toks[i - 2].end;
    if (nextOk && (prevYear || joined)) return { kind: 'year', rule: 'numbers.noncount:year' };
    // "29 2017", "2011: ...", "(2015)"
    if (!c.approx && ((prev && prev.kind === 'number') || (next && next.kind === 'punct' && next.text !== '-' && next.text !== '–'))) return { kind: 'year', rule: 'numbers.noncount:year-alone' };
  }
  return null;
}
