// Stage "numbers": every number in the text as a Quantity with a value range. One pass over the tokens
// of each sentence: at each token try (1) "between X and Y", (2) a modifier ("at least", "nearly")
// followed by a number, (3) a bare number: digits with any grouping and a scale ("1.2 million", "1.2m"),
// number words ("twenty-five", "one hundred", "a dozen"), vague amounts ("dozens", "tens of thousands").
// A number followed by "to"/"-"/"or" and a larger number is a range; one followed by "or more"/"or so" takes
// that modifier after it. Thousands grouped by spaces ("62 350") are one number unless the run reads as a
// list, a phone number or a reference (spaceGroupEnd). Each quantity is then checked
// for non-count cues (durations, ages, times, money, percent, measures, ordinals, years): such
// quantities stay in the list with `nonCount` set and never become claims.
// "a"/"an" as a singular count is left to the claims stage (it needs the noun and the verb).
import type { Analysis, Evidence, Quantity, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { loadNumbersLexicon, type ModifierOp, type NumbersLexicon } from './lexicon.js';
import { languageOf } from '../../lang/index.js';
import { applyModifier, extendRange, parseCore, postModifierAt, type Core } from './core.js';
import { nonCountOf } from './non-count.js';
import { sameSentence } from './tokens.js';
import { filterOf } from '../word-filter.js';

export { loadNumbersLexicon } from './lexicon.js';

/** The number at token i with what leads it: "between 300 and 400", a modifier ("at least 40"), or a bare number. */
function coreAt(toks: Token[], i: number, lex: NumbersLexicon): { core: Core; modifier?: string; op?: ModifierOp; modRule?: string } | null {
  const w = toks[i].lower;
  const joins = lex.rangeJoin;
  // (1) "between 300 and 400"
  if (lex.rangeStart.has(w) && sameSentence(toks, i, i + 1)) {
    const a = parseCore(toks, i + 1, lex);
    if (a && a.kind === 'exact' && sameSentence(toks, i, a.j + 1) && (lex.rangeJoinAfterBetween.has(toks[a.j].lower) || joins.has(toks[a.j].lower))) {
      const b = parseCore(toks, a.j + 1, lex);
      if (b && b.kind === 'exact' && b.min != null && a.min != null && b.min > a.min) {
        const core: Core = { i, j: b.j, min: a.min, max: b.max, approx: a.approx, kind: 'range', rule: 'numbers.range-between', yearLike: a.yearLike && b.yearLike, digits: a.digits };
        return { core, modRule: 'numbers.range-' + w };
      }
    }
  }
  // (2) modifier + number
  for (const m of lex.modifiers.get(w) ?? []) {
    if (!m.words.every((x, k) => sameSentence(toks, i, i + k) && toks[i + k].lower === x)) continue;
    const k = i + m.words.length;
    if (!sameSentence(toks, i, k)) continue;
    const c = parseCore(toks, k, lex);
    if (!c) continue;
    return { core: extendRange(toks, c, lex, joins), modifier: toks.slice(i, k).map((x) => x.text).join(' '), op: m.op, modRule: 'numbers.modifier:' + m.words.join('-') };
  }
  // (3) a bare number
  const c = parseCore(toks, i, lex);
  return c ? { core: extendRange(toks, c, lex, joins) } : null;
}

export function findQuantities(text: string, toks: Token[], lex: NumbersLexicon): Quantity[] {
  const out: Quantity[] = [];
  const starters = filterOf(lex.starters);
  const n = toks.length;
  let i = 0;
  while (i < n) {
    const t = toks[i];
    const w = t.lower;
    const plausible = t.kind === 'number' || (starters.mayHave(w) && lex.starters.has(w)) || (w.includes('-') && (lex.tens.has(w.slice(0, w.indexOf('-'))) || lex.units.has(w.slice(0, w.indexOf('-')))));
    if (!plausible) { i++; continue; }
    const found = coreAt(toks, i, lex);
    if (!found) { i++; continue; }
    const { core, modRule } = found;
    let { modifier, op } = found;
    const modStart = i;
    // "one" as a pronoun ("no one", "the one", "one another"; French "l'un", "un autre")
    if (core.rule === 'numbers.words' && core.j === core.i + 1 && lex.units.get(toks[core.i].lower) === 1 && !modifier) {
      const p = core.i > 0 && toks[core.i - 1].sentence === t.sentence ? toks[core.i - 1].lower : '';
      const nx = core.j < n && toks[core.j].sentence === t.sentence ? toks[core.j].lower : '';
      if (lex.oneNotAfter.has(p) || lex.oneNotBefore.has(nx)) { i = core.j; continue; }
    }
    // "Forty-one or more", "200 or so": a modifier after the number
    const post = op ? null : postModifierAt(toks, core, lex);
    if (post) {
      op = post.op;
      modifier = toks.slice(core.j, post.j).map((x) => x.text).join(' ');
    }
    const qEnd = post ? post.j : core.j;
    const value = op ? applyModifier(core, op) : core;
    const start = toks[modStart].start;
    const coreEnd = toks[core.j - 1].end;
    const end = toks[qEnd - 1].end;
    const evidence: Evidence[] = [{ rule: core.rule, span: { start: toks[core.i].start, end: coreEnd } }];
    if (modRule) evidence.push({ rule: modRule, span: { start, end: toks[core.i].start } });
    if (post) evidence.push({ rule: post.rule, span: { start: toks[core.j].start, end } });
    const q: Quantity = {
      start,
      end,
      text: text.slice(start, end),
      min: value.min,
      max: value.max,
      approx: value.approx,
      kind: core.kind,
      core: { start: toks[core.i].start, end: coreEnd },
      evidence,
    };
    if (modifier) q.modifier = modifier.toLowerCase();
    const nc = nonCountOf(toks, core.i, qEnd, core, lex, out[out.length - 1]);
    if (nc) {
      q.nonCount = nc.kind;
      evidence.push({ rule: nc.rule, span: { start, end } });
    }
    out.push(q);
    i = qEnd;
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
