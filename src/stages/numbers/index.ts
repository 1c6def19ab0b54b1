// Stage "numbers": every number in the text as a Quantity with a value range. One pass over the tokens
// of each sentence: at each token try (1) "between X and Y", (2) a modifier ("at least", "nearly")
// followed by a number, (3) a bare number: digits with any grouping and a scale ("1.2 million", "1.2m"),
// number words ("twenty-five", "one hundred", "a dozen"), vague amounts ("dozens", "tens of thousands").
// A number followed by "to"/"-"/"or" and a larger number is a range. Each quantity is then checked
// for non-count cues (durations, ages, times, money, percent, measures, ordinals, years): such
// quantities stay in the list with `nonCount` set and never become claims.
// "a"/"an" as a singular count is left to the claims stage (it needs the noun and the verb).
import type { Analysis, Evidence, NonCountKind, Quantity, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadNumbersLexicon, type ModifierOp, type NumbersLexicon } from './lexicon.js';
import { languageOf } from '../../lang/index.js';

export { loadNumbersLexicon } from './lexicon.js';

interface Core {
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

const DIGITS = /^\d+(?:[.,]\d+)*$/;

function sameSentence(toks: Token[], a: number, b: number): boolean {
  return b < toks.length && toks[b].sentence === toks[a].sentence;
}

function parseDigits(text: string): number | null {
  if (!DIGITS.test(text)) return null;
  const dots = (text.match(/\./g) || []).length;
  const commas = (text.match(/,/g) || []).length;
  let clean: string;
  if (dots === 1 && commas === 0) clean = text; // decimal "1.2"
  else if (dots > 1 && commas === 0) clean = text.replace(/\./g, ''); // "1.200.000"
  else if (commas >= 1 && dots === 1 && text.indexOf('.') > text.lastIndexOf(',')) clean = text.replace(/,/g, ''); // "1,200.5"
  else clean = text.replace(/[.,]/g, '');
  const v = Number(clean);
  return Number.isFinite(v) ? v : null;
}

/** Number words starting at token i: "twenty-five", "one hundred and fifty", "three thousand", "two dozen". */
function parseWords(toks: Token[], i: number, lex: NumbersLexicon): { value: number; j: number } | null {
  let total = 0;
  let cur = 0;
  let last: 'none' | 'unit' | 'tens' | 'scale' = 'none';
  let j = i;
  let any = false;
  while (j < toks.length && sameSentence(toks, i, j)) {
    const w = toks[j].lower;
    if (lex.units.has(w)) {
      if (last === 'unit') break;
      cur += lex.units.get(w)!;
      last = 'unit';
    } else if (lex.tens.has(w)) {
      if (last === 'unit' || last === 'tens') break;
      cur += lex.tens.get(w)!;
      last = 'tens';
    } else if (w.includes('-') && lex.tens.has(w.split('-')[0]) && lex.units.has(w.split('-')[1]) && w.split('-').length === 2) {
      if (last === 'unit' || last === 'tens') break;
      cur += lex.tens.get(w.split('-')[0])! + lex.units.get(w.split('-')[1])!;
      last = 'unit';
    } else if (any && (lex.scales.has(w) || lex.multiplierWords.has(w))) {
      const s = lex.scales.get(w) ?? lex.multiplierWords.get(w)!;
      if (s === 100 || lex.multiplierWords.has(w)) cur = (cur || 1) * s;
      else {
        total += (cur || 1) * s;
        cur = 0;
      }
      last = 'scale';
    } else if (w === 'and' && last === 'scale' && j + 1 < toks.length && sameSentence(toks, i, j + 1) && (lex.units.has(toks[j + 1].lower) || lex.tens.has(toks[j + 1].lower) || lex.tens.has(toks[j + 1].lower.split('-')[0]))) {
      j++;
      continue;
    } else break;
    any = true;
    j++;
  }
  if (!any) return null;
  return { value: total + cur, j };
}

/** A bare number (no modifier) at token i. */
function parseCore(toks: Token[], i: number, lex: NumbersLexicon): Core | null {
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
  // "a dozen", "a hundred", "a thousand"
  if ((t.lower === 'a' || t.lower === 'an') && sameSentence(toks, i, i + 1) && lex.aScale.has(toks[i + 1].lower)) {
    const w = toks[i + 1].lower;
    const v = lex.scales.get(w) ?? lex.multiplierWords.get(w)!;
    return { i, j: i + 2, min: v, max: v, approx: false, kind: 'exact', rule: 'numbers.a-scale', yearLike: false, digits: false };
  }
  if (t.kind === 'number') {
    let v = parseDigits(t.text);
    if (v == null) return null;
    let j = i + 1;
    const yearLike = /^\d{4}$/.test(t.text) && v >= 1900 && v <= 2100;
    let rule = 'numbers.digits';
    // "1 000": thousands grouped with a space (the group after the space has three digits and starts with 0)
    while (sameSentence(toks, i, j) && toks[j].kind === 'number' && /^0\d\d$/.test(toks[j].text) && toks[j].start === toks[j - 1].end + 1 && /^\d{1,3}$/.test(toks[j - 1].text)) {
      v = v * 1000 + Number(toks[j].text);
      j++;
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
  if (lex.units.has(t.lower) || lex.tens.has(t.lower) || (t.lower.includes('-') && lex.tens.has(t.lower.split('-')[0]))) {
    const w = parseWords(toks, i, lex);
    if (!w) return null;
    return { i, j: w.j, min: w.value, max: w.value, approx: false, kind: 'exact', rule: 'numbers.words', yearLike: false, digits: false };
  }
  return null;
}

/** "X to Y", "X-Y", "X or Y" after a core: a range when Y is a larger exact number. */
function extendRange(toks: Token[], c: Core, lex: NumbersLexicon, joins: Set<string>): Core {
  if (c.kind !== 'exact' || c.min == null) return c;
  const k = c.j;
  if (!sameSentence(toks, c.i, k + 1) || !joins.has(toks[k].lower)) return c;
  const d = parseCore(toks, k + 1, lex);
  if (!d || d.kind !== 'exact' || d.min == null || d.min <= c.min) return c;
  return { ...c, j: d.j, max: d.max, kind: 'range', rule: 'numbers.range', yearLike: c.yearLike && d.yearLike };
}


function applyModifier(c: Core, op: ModifierOp): Pick<Core, 'min' | 'max' | 'approx'> {
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

/** Non-count cues around the tokens [i, j) of a quantity. */
function nonCountOf(toks: Token[], i: number, j: number, c: Core, lex: NumbersLexicon, prevQ: Quantity | undefined): { kind: NonCountKind; rule: string } | null {
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
    if (k && k !== 'ordinal') return { kind: k === 'duration' && at(j + 2)?.lower === 'old' ? 'age' : k, rule: 'numbers.noncount:hyphen-' + k };
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
  if (c.digits && prev && prev.lower === 'at' && /^0\d{3}$/.test(toks[i].text)) return { kind: 'time', rule: 'numbers.noncount:at-hhmm' };
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

export function findQuantities(text: string, toks: Token[], lex: NumbersLexicon): Quantity[] {
  const out: Quantity[] = [];
  const joins = lex.rangeJoin;
  const n = toks.length;
  let i = 0;
  while (i < n) {
    const t = toks[i];
    const w = t.lower;
    const plausible = t.kind === 'number' || lex.starters.has(w) || (w.includes('-') && lex.tens.has(w.slice(0, w.indexOf('-'))));
    if (!plausible) { i++; continue; }
    let core: Core | null = null;
    let modStart = i;
    let modifier: string | undefined;
    let op: ModifierOp | undefined;
    let modRule: string | undefined;
    // (1) "between 300 and 400"
    if (lex.rangeStart.has(w) && sameSentence(toks, i, i + 1)) {
      const a = parseCore(toks, i + 1, lex);
      if (a && a.kind === 'exact' && sameSentence(toks, i, a.j + 1) && (lex.rangeJoinAfterBetween.has(toks[a.j].lower) || joins.has(toks[a.j].lower))) {
        const b = parseCore(toks, a.j + 1, lex);
        if (b && b.kind === 'exact' && b.min != null && a.min != null && b.min > a.min) {
          core = { ...a, i, j: b.j, max: b.max, kind: 'range', rule: 'numbers.range-between', yearLike: a.yearLike && b.yearLike };
          modRule = 'numbers.range-' + w;
        }
      }
    }
    // (2) modifier + number
    if (!core) {
      const ms = lex.modifiers.get(w);
      if (ms) {
        for (const m of ms) {
          if (!m.words.every((x, k) => sameSentence(toks, i, i + k) && toks[i + k].lower === x)) continue;
          const k = i + m.words.length;
          if (!sameSentence(toks, i, k)) continue;
          let c = parseCore(toks, k, lex);
          if (!c) continue;
          c = extendRange(toks, c, lex, joins);
          core = c;
          modifier = toks.slice(i, k).map((x) => x.text).join(' ');
          op = m.op;
          modRule = 'numbers.modifier:' + m.words.join('-');
          break;
        }
      }
    }
    // (3) a bare number
    if (!core) {
      const c = parseCore(toks, i, lex);
      if (c) {
        core = extendRange(toks, c, lex, joins);
        modStart = i;
      }
    }
    if (!core) { i++; continue; }
    // "one" as a pronoun ("no one", "the one", "one another")
    if (core.rule === 'numbers.words' && core.j === core.i + 1 && toks[core.i].lower === 'one' && !modifier) {
      const p = core.i > 0 && toks[core.i - 1].sentence === t.sentence ? toks[core.i - 1].lower : '';
      const nx = core.j < n && toks[core.j].sentence === t.sentence ? toks[core.j].lower : '';
      if (lex.oneNotAfter.has(p) || lex.oneNotBefore.has(nx)) { i = core.j; continue; }
    }
    const value = op ? applyModifier(core, op) : core;
    const start = toks[modStart].start;
    const end = toks[core.j - 1].end;
    const evidence: Evidence[] = [{ rule: core.rule, span: { start: toks[core.i].start, end } }];
    if (modRule) evidence.push({ rule: modRule, span: { start, end: toks[core.i].start } });
    const q: Quantity = {
      start,
      end,
      text: text.slice(start, end),
      min: value.min,
      max: value.max,
      approx: value.approx,
      kind: core.kind,
      core: { start: toks[core.i].start, end },
      evidence,
    };
    if (modifier) q.modifier = modifier.toLowerCase();
    const nc = nonCountOf(toks, core.i, core.j, core, lex, out[out.length - 1]);
    if (nc) {
      q.nonCount = nc.kind;
      evidence.push({ rule: nc.rule, span: { start, end } });
    }
    out.push(q);
    i = core.j;
  }
  return out;
}

export const numbersStage: Stage = {
  name: 'numbers',
  requires: ['sentences', 'tokens'],
  assigns: ['quantities'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('numbers.lexicon'), () => loadNumbersLexicon(L));
    a.quantities = findQuantities(a.document.text, a.tokens, lex);
  },
};
