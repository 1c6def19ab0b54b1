// The candidate counts: every count quantity of the numbers stage (non-counts only mark their tokens, so
// that "a 10-year-old boy" reads the age inside the group) and every singular "a/an/another".
import type { Analysis, Token } from '../../core/types.js';
import { type Draft, headKind, lowerBound } from './context.js';
import type { ClaimsLexicon } from './lexicon.js';

/** "Jane Roe, 20;" "Roe, 41, a driver": a small number set off by commas right after a name is an age. */
function isAge(a: Analysis, lex: ClaimsLexicon, qi: number, qj: number): boolean {
  const toks = a.tokens;
  if (qj - qi !== 1 || qi < 2 || !/^\d{1,3}$/.test(toks[qi].text) || Number(toks[qi].text) > 120) return false;
  if (toks[qi - 1].text !== ',' || !/^\p{Lu}/u.test(toks[qi - 2].text) || toks[qi - 2].kind !== 'word') return false;
  const n = toks[qj];
  return !n || n.sentence !== toks[qi].sentence || [',', ';', '.', ')'].includes(n.text) || lex.coordinators.has(n.lower);
}

/** "five members of one family": "one" before a noun of kin after "of" means the same, it counts nothing. */
function oneOfKin(a: Analysis, lex: ClaimsLexicon, qi: number, qj: number): boolean {
  const toks = a.tokens;
  if (qj - qi !== 1 || qi < 1 || qj >= toks.length || !lex.sameOne.has(toks[qi].lower)) return false;
  return lex.sameOneBefore.has(toks[qi - 1].lower) && lex.kinGroups.has(toks[qj].lower);
}

/** "between the ages of 14 and 18", "aged 9 to 11", "aged 35, 42 and 59": the numbers after an age word, and the
 * next ones of the range or list (after a comma, only when no counted noun follows: "aged 30, 12 children"). */
function agedRange(a: Analysis, lex: ClaimsLexicon, inQ: Uint8Array, qi: number, qj: number): boolean {
  const toks = a.tokens;
  if (qi < 1 || toks[qi - 1].sentence !== toks[qi].sentence) return false;
  if (lex.agePrefixes.endingAt(toks, qi - 1, 0)) return true;
  const listed = toks[qi - 1].text === ',' && !(qj < toks.length && headKind(lex, toks[qj].lower));
  return qi >= 2 && (lex.ageRangeJoin.has(toks[qi - 1].lower) || listed) && inQ[qi - 2] === 2 && (() => {
    // back over the ages and their joiners to the age word
    let k = qi - 2;
    for (;;) {
      while (k > 0 && inQ[k - 1] === 2) k--;
      if (k > 1 && inQ[k - 2] === 2 && (toks[k - 1].text === ',' || lex.ageRangeJoin.has(toks[k - 1].lower))) k -= 2;
      else break;
    }
    return !!lex.agePrefixes.endingAt(toks, k - 1, 0);
  })();
}

/**
 * "a grade 9 student", "A Boeing 707 cargo plane", "Article 50": a number in digits right after a label noun
 * or a capitalised word inside the sentence names a thing, it counts nothing.
 */
function isLabel(a: Analysis, lex: ClaimsLexicon, qi: number, qj: number): boolean {
  const toks = a.tokens;
  if (qj - qi !== 1 || qi < 1 || toks[qi].kind !== 'number' || !/^\d+$/.test(toks[qi].text)) return false;
  const p = toks[qi - 1];
  if (p.sentence !== toks[qi].sentence || p.kind !== 'word' || p.end !== toks[qi].start - 1) return false;
  if (lex.labelNouns.has(p.lower)) return true;
  const first = qi - 1 === 0 || toks[qi - 2].sentence !== p.sentence;
  if (first || !/^\p{Lu}\p{Ll}+$/u.test(p.text) || lex.notNames.has(p.lower)) return false;
  // "In Aleppo 12 people were killed": a place, or a count of people, is no label
  if (a.places.some((x) => x.start <= p.start && p.end <= x.end)) return false;
  const n = toks[qj];
  return !!n && n.sentence === p.sentence && n.kind === 'word' && /^\p{Ll}/u.test(n.text) && !lex.people.has(n.lower) && !lex.pluralWithoutS.has(n.lower) && !lex.ellipsisNext.has(n.lower) && !lex.stops.has(n.lower) && !lex.aux.has(n.lower) && !lex.after.at(toks, qj, toks.length) && !lex.noun.at(toks, qj, toks.length);
}

export function collectDrafts(a: Analysis, inQ: Uint8Array, lex: ClaimsLexicon): Draft[] {
  const toks = a.tokens;
  const drafts: Draft[] = [];
  for (const q of a.quantities) {
    const qi = lowerBound(toks, q.start);
    let qj = qi;
    while (qj < toks.length && toks[qj].end <= q.end) qj++;
    for (let k = qi; k < qj; k++) inQ[k] = q.nonCount ? 2 : 1;
    if (q.nonCount) continue;
    if (isAge(a, lex, qi, qj) || agedRange(a, lex, inQ, qi, qj) || isLabel(a, lex, qi, qj) || oneOfKin(a, lex, qi, qj)) { for (let k = qi; k < qj; k++) inQ[k] = 2; continue; }
    if (q.min == null && q.max == null) continue;
    const v = q.min ?? q.max!;
    if (!Number.isInteger(v) || v <= 0) continue;
    drafts.push({ qi, qj, min: q.min, max: q.max, approx: q.approx, qSpan: { start: q.start, end: q.end }, coreStart: q.core.start, qText: q.text, singular: false, qRule: q.evidence[0]?.rule ?? 'numbers' });
  }
  // singular counts: "a woman was killed", "a bus was hit", "An armored vehicle ... destroyed"; and a
  // vehicle after a possessive ("detonated his car bomb", "a fait exploser sa camionnette piégée")
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k].lower;
    if (inQ[k]) continue;
    if (lex.indefiniteArticles.has(w) || lex.anotherDeterminers.has(w)) {
      drafts.push({ qi: k, qj: k + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[k].start, end: toks[k].end }, qText: toks[k].text, singular: true, qRule: 'claims.singular-article' });
    } else if (lex.possessives.has(w) && vehicleAfter(toks, k, lex)) {
      drafts.push({ qi: k, qj: k + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[k].start, end: toks[k].end }, qText: toks[k].text, singular: true, qRule: 'claims.singular-possessive' });
    }
  }
  drafts.sort((x, y) => x.qi - y.qi);
  return familyOf(a, lex, drafts);
}

/** "killed a family of five", "a tué une famille de cinq personnes": the count is the number, read from the
 * article (whose verb says what happened); the one family is no count of its own. */
function familyOf(a: Analysis, lex: ClaimsLexicon, drafts: Draft[]): Draft[] {
  const toks = a.tokens;
  const drop = new Set<Draft>();
  for (const one of drafts) {
    const k = one.qi;
    if (one.min !== 1 || one.max !== 1 || one.qj !== k + 1 || k + 3 >= toks.length) continue;
    if (!lex.kinGroups.has(toks[k + 1].lower) || !lex.ofLink.has(toks[k + 2].lower)) continue;
    const n = drafts.find((x) => x.qi === k + 3 && !x.singular);
    if (!n) continue;
    n.qi = k;
    n.qSpan = { start: toks[k].start, end: n.qSpan.end };
    n.qText = a.document.text.slice(toks[k].start, n.qSpan.end);
    drop.add(one);
  }
  return drop.size ? drafts.filter((d) => !drop.has(d)).sort((x, y) => x.qi - y.qi) : drafts;
}

/**
 * Whether the words after the possessive at k name one vehicle: the last vehicle noun among the next four
 * words is singular ("his booby-trapped van", "sa camionnette piégée"; not "their armored vehicles",
 * whose "armored" is a vehicle noun too).
 */
function vehicleAfter(toks: readonly Token[], k: number, lex: ClaimsLexicon): boolean {
  let last: string | null = null;
  for (let j = k + 1; j <= k + 4 && j < toks.length && toks[j].sentence === toks[k].sentence && toks[j].kind === 'word'; j++) {
    if (lex.vehicles.has(toks[j].lower)) last = toks[j].lower;
  }
  // (a plural is a vehicle noun with a plural ending: "cars", not "bus")
  return last !== null && !lex.pluralEndings.some((e) => last.endsWith(e) && lex.vehicles.has(last.slice(0, -e.length)));
}

/**
 * "Fiancée of murdered Saudi journalist", "drowned toddler's father speaks": a death participle before a
 * noun with no determiner is one person; the draft starts at the participle, which the group then holds.
 */
export function bareVictimDrafts(a: Analysis, lex: ClaimsLexicon, inQ: Uint8Array): Draft[] {
  const toks = a.tokens;
  const out: Draft[] = [];
  for (let k = 0; k < toks.length; k++) {
    if (!lex.bareVictimModifiers.has(toks[k].lower) || inQ[k]) continue;
    const prev = k > 0 && toks[k - 1].sentence === toks[k].sentence ? toks[k - 1] : null;
    if (prev && (lex.determiners.has(prev.lower) || inQ[k - 1] || [...lex.possessiveMarks].some((m) => prev.text.endsWith(m)) || lex.possessives.has(prev.lower))) continue;
    // "gunmen murdered a man": the participle is a verb with its own object
    const next = toks[k + 1];
    if (!next || next.sentence !== toks[k].sentence || next.kind !== 'word' || inQ[k + 1] || lex.determiners.has(next.lower)) continue;
    out.push({ qi: k, qj: k + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[k].start, end: toks[k].end }, qText: toks[k].text, singular: true, qRule: 'claims.bare-victim' });
  }
  return out;
}
