// Construction "headline": a headline names one person or vehicle with no article ("Varanasi bombings suspect
// shot in Kashmir", "Iranian cargo plane crashes into houses", "Police kill knife-wielding man"). Only in the
// first sentence (the title), only a singular head, only with a predicate of harm right after it or a verb of
// harm right before the phrase; a count of its own or a determiner before the phrase leaves it to the others.
import type { Analysis } from '../../core/types.js';
import { type Cat, type Ctx, type Draft, headKind, isPlural, isWord } from './context.js';
import { placeRunEnd } from './group.js';

/** Drafts for singular heads of the headline: qi..qj-1 is the noun phrase (modifiers and head). */
export function headlineDrafts(a: Analysis, c: Ctx): Draft[] {
  const { toks, lex } = c;
  const out: Draft[] = [];
  // a headline is a first line of its own
  const first = a.sentences[0];
  if (!first || !/^[^\S\n]*\n/.test(a.document.text.slice(first.end))) return out;
  for (let h = 0; h < toks.length && toks[h].sentence === 0; h++) {
    const w = toks[h].lower;
    const kind = headKind(lex, w);
    if (!kind || c.inQ[h]) continue;
    if (kind === 'people' && isPlural(lex, w)) continue;
    if (kind === 'vehicle' && (lex.pluralEndings.some((e) => w.endsWith(e) && lex.vehicles.has(w.slice(0, -e.length))) || lex.pluralWithoutS.has(w))) continue;
    // the next word is part of the noun ("bus driver", "police officer"; not a predicate that also names people,
    // "Journalist Killed in Aleppo")
    if (h + 1 < toks.length && toks[h + 1].sentence === 0 && headKind(lex, toks[h + 1].lower) && !lex.after.at(toks, h + 1, toks.length)) continue;
    let p = h;
    while (p > 0 && p > h - 4 && toks[p - 1].sentence === 0 && (isWord(toks[p - 1]) || toks[p - 1].text === '-') && !c.inQ[p - 1] && !lex.determiners.has(toks[p - 1].lower) && !lex.possessives.has(toks[p - 1].lower) && !lex.stops.has(toks[p - 1].lower) && !lex.placePrepositions.has(toks[p - 1].lower) && !lex.before.endingAt(toks, p - 1, 0) && !lex.vehicleBefore.endingAt(toks, p - 1, 0)) p--;
    // (nor after a preposition: "12 soldiers killed in militant attack" names no militant killed)
    if (p > 0 && toks[p - 1].sentence === 0 && (c.inQ[p - 1] || lex.determiners.has(toks[p - 1].lower) || lex.possessives.has(toks[p - 1].lower) || lex.placePrepositions.has(toks[p - 1].lower))) continue;
    out.push({ qi: p, qj: h + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[p].start, end: toks[h].end }, qText: a.document.text.slice(toks[p].start, toks[h].end), singular: true, qRule: 'claims.headline' });
  }
  return out;
}

/** What happened to the headline's one person or vehicle: a verb before the phrase or a predicate after its head. */
export function catHeadline(c: Ctx, d: Draft, end: number): Cat | null {
  const { toks, lex } = c;
  const h = d.qj - 1;
  const vehicle = headKind(lex, toks[h].lower) === 'vehicle';
  if (d.qi > 0 && toks[d.qi - 1].sentence === toks[h].sentence) {
    if (vehicle) {
      const b = lex.vehicleBefore.endingAt(toks, d.qi - 1, 0);
      if (b) return { category: 'vehicles', rule: 'claims.category:headline-before', start: b.start, end: d.qj };
    } else {
      const b = lex.before.endingAt(toks, d.qi - 1, 0);
      if (b && b.value !== 'casualties') return { category: b.value, rule: 'claims.category:headline-before', start: b.start, end: d.qj };
    }
  }
  if (d.qj >= end) return null;
  // "Mayor of Springfield, Ohio stabbed": a place complement of the head stands between it and the predicate
  let from = d.qj;
  if (from + 1 < end && lex.nameComplement.has(toks[from].lower)) {
    const run = placeRunEnd(c, from + 1, end);
    from = run > from + 1 ? run : complementEnd(c, from + 1, end);
  }
  if (vehicle) {
    const p = lex.vehicleAfter.at(toks, from, end) ?? lex.vehicleAfterPassive.at(toks, from, end);
    return p ? { category: 'vehicles', rule: 'claims.category:headline-after', start: d.qi, end: p.end } : null;
  }
  const p = lex.after.at(toks, from, end);
  if (!p || p.value === 'casualties') return null;
  // "Army sergeant charged with murder": a charge counts the one (other); other involvement does not
  if (p.value === 'other') {
    const ch = lex.namedOtherCues.at(toks, from, end);
    return ch ? { category: 'other', rule: 'claims.category:headline-charged', start: d.qi, end: ch.end } : null;
  }
  // "Gunman kills five": an active verb with an object is what the one did
  if (p.end < end && (c.inQ[p.end] === 1 || lex.determiners.has(toks[p.end].lower) || headKind(lex, toks[p.end].lower))) return null;
  return { category: p.value, rule: 'claims.category:headline-after', start: d.qi, end: p.end };
}

/**
 * "Brother of murdered pop star sentenced to life": past the words of an "of" complement to the first
 * predicate that is not a participle modifying the next word ("murdered pop"); k when there is none.
 */
function complementEnd(c: Ctx, k: number, end: number): number {
  const { toks, lex } = c;
  for (let m = k; m < end && m < k + 7 && isWord(toks[m]) && !c.inQ[m] && !lex.stops.has(toks[m].lower); m++) {
    const p = lex.after.at(toks, m, end);
    if (!p) continue;
    const n = toks[p.end];
    if (p.end >= end || !isWord(n) || lex.aux.has(n.lower) || lex.stops.has(n.lower) || lex.ellipsisNext.has(n.lower)) return m;
  }
  return k - 1;
}
