// Stage "claims": every count of people or vehicles, with what happened to them (category), the counted
// group, the source (attribution.ts), the place and the day.
//
// For each count quantity (numbers stage, non-counts skipped) and each singular "a/an + noun":
//   group     the noun phrase it counts, to the right: "N [of the|more|other] [modifiers] HEAD [and HEAD]";
//             HEAD is a people or vehicle noun from data/en/claims/lexicon.json (+ demonyms.json).
//             "N of them" refers back; "one father and his son" is two counts of one.
//   category  vehicles when the head is a vehicle (a single vehicle only when something happens to
//             it: "hit a bus", "a bus was hit", "a convoy carrying civilians"); else, first that fires:
//             before   an active verb right before the number ("killed at least 12 people")
//             of       "the bodies of 30", "the fate of 250 others"
//             toll     "the death toll rose to 52", "the number of civilians killed has risen to 20"
//             after    a predicate after the group ("12 people were killed", "1,200 people have evacuated"),
//                      across nested counts ("40 people including 9 women died") and asides
//             noun     the counted word itself ("12 dead", "the wounded", "evacuees")
//             clause   a predicate further on in the clause ("3 fighters from the X committees were martyred")
//             modifier a cue inside the group ("dozens of injured civilians" with nothing else)
//             inherit  a count nested in or listed after an earlier claim of the sentence
//                      ("including five children", "9 in Ansari 8 in Salah Addin")
//   no group and no category → no claim (counts of villages, groups of fighters, hours...).
//   source    attribution.ts (statement covering the number, figure subject, careful carry-over; hedges → null)
//   date      the dates stage's DayIndex (a day in the sentence, else the day last named); null when the
//             sentence names only a coarser time of its own ("since 2011", "in March")
//   place     a place in the sentence (after the count first), else carried from the sentence before
import type { Analysis, Claim, ClaimCategory, Evidence, Place, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { DayIndex } from '../dates/context.js';
import { attributeClaim, figureSubject } from './attribution.js';
import { loadClaimsLexicon, type ClaimsLexicon } from './lexicon.js';
import { tokenIndexAt } from '../sentences/index.js';
import { languageOf } from '../../lang/index.js';

export { loadClaimsLexicon } from './lexicon.js';

interface Group {
  /** token indices of the first and last token of the group */
  first: number;
  last: number;
  /** token index of the (final) head noun */
  head: number;
  kind: 'people' | 'vehicle' | 'them';
  rule: string;
  /** "one father and his son": a second single person counted on their own */
  paired?: { first: number; head: number; last: number };
  /** "17 government and 26 opposition fighters": the head is shared with the next count's group */
  sharedHead?: boolean;
}

interface Cat {
  category: ClaimCategory;
  rule: string;
  /** token range of the cue */
  start: number;
  end: number;
}

interface Ctx {
  a: Analysis;
  toks: Token[];
  lex: ClaimsLexicon;
  /** token indices covered by a quantity */
  inQ: Uint8Array;
}

const lowerBound = tokenIndexAt;

const isWord = (t: Token) => t.kind === 'word';

function headKind(lex: ClaimsLexicon, w: string): 'people' | 'vehicle' | null {
  if (lex.vehicles.has(w)) return 'vehicle';
  if (lex.people.has(w)) return 'people';
  return null;
}

/** An uncounted noun at token k, past up to two capitalised adjectives ("besieged Syrian towns"). */
function nounFollows(c: Ctx, k: number, end: number): boolean {
  const { toks, lex } = c;
  if (k >= end || c.inQ[k]) return false;
  let m = k;
  while (m + 1 < end && m < k + 2 && /^\p{Lu}/u.test(toks[m].text) && isWord(toks[m + 1]) && !c.inQ[m + 1]) m++;
  const n = toks[m];
  return isWord(n) && /^\p{Ll}/u.test(n.text) && !lex.notNouns.has(n.lower) && !lex.skipBeforeGroup.has(n.lower) && n.lower !== 'a' && n.lower !== 'an' && !lex.stops.has(n.lower) && !lex.aux.has(n.lower) && !lex.ellipsisNext.has(n.lower) && !lex.after.at(toks, m, end) && !lex.before.at(toks, m, end);
}

/** A head noun starting the search at token k: up to `maxMods` modifier words, then one or more heads. */
function findHead(c: Ctx, k: number, end: number, maxMods: number): { first: number; head: number; last: number; kind: 'people' | 'vehicle' } | null {
  const { toks, lex } = c;
  const first = k;
  let mods = 0;
  while (k < end && mods <= maxMods) {
    const t = toks[k];
    // "a 10-year-old boy": an age inside the group
    if (c.inQ[k] === 2 && k > first - 1) {
      while (k < end && c.inQ[k] === 2) k++;
      if (k + 1 < end && (toks[k].text === '-' || toks[k].text === '–') && isWord(toks[k + 1])) k += 2;
      mods++;
      continue;
    }
    if (c.inQ[k]) return null;
    // "about 60 FooGroup (outlawed in Ruritania) fighters"
    if ((t.text === '(' || t.text === '[') && k > first) {
      const close = t.text === '(' ? ')' : ']';
      let m = k + 1;
      while (m < end && m < k + 8 && toks[m].text !== close) m++;
      if (m < end && toks[m].text === close) { k = m + 1; continue; }
      return null;
    }
    if (!isWord(t)) return null;
    const kind = headKind(lex, t.lower);
    if (kind) {
      let head = k;
      let hk: 'people' | 'vehicle' = kind;
      // "pick-up trucks", "injured civilians", "car bombs", "ambulance crew": the last head wins;
      // a predicate is not part of the group ("civilians killed", "civilians hostage")
      while (head + 1 < end && !c.inQ[head + 1] && isWord(toks[head + 1]) && !lex.after.at(toks, head + 1, end)) {
        const nk = headKind(lex, toks[head + 1].lower);
        if (nk) { head++; hk = nk; continue; }
        if (hk === 'vehicle' && lex.vehicleTails.has(toks[head + 1].lower)) { head++; continue; }
        break;
      }
      // "killed 5 wounded 10": a participle right before another count is its verb, not a head
      if (head === k && head + 1 < end && c.inQ[head + 1] === 1 && lex.pluralWithoutS.has(toks[head].lower) && lex.before.at(toks, head, head + 1)) return null;
      // "suicide bombers", "ambulance crew" are people
      if (hk === 'vehicle' && lex.peopleOverrides.endingAt(toks, head, first)) hk = 'people';
      // "the two besieged towns": a participle followed by a noun we do not count
      if (head === k && lex.noun.at(toks, head, head + 1) && lex.pluralWithoutS.has(toks[head].lower) && head + 1 < end && !c.inQ[head + 1]) {
        // past capitalised adjectives: "two besieged Syrian towns"
        let m = head + 1;
        while (m + 1 < end && m < head + 3 && /^\p{Lu}/u.test(toks[m].text) && isWord(toks[m + 1]) && !c.inQ[m + 1]) m++;
        const n = toks[m];
        if (isWord(n) && /^\p{Ll}/u.test(n.text) && !lex.notNouns.has(n.lower) && !lex.skipBeforeGroup.has(n.lower) && n.lower !== 'a' && n.lower !== 'an' && !lex.stops.has(n.lower) && !lex.aux.has(n.lower) && !lex.ellipsisNext.has(n.lower) && !lex.after.at(toks, m, end) && !lex.before.at(toks, m, end)) return null;
      }
      return { first, head, last: head, kind: hk };
    }
    if (k > first && (lex.skipBeforeGroup.has(t.lower) || t.lower === 'a' || t.lower === 'an')) return null;
    if (t.lower === 'and' || t.text === '&') {
      // "government and opposition fighters", not "artillery pieces and a truck"
      if (!(k + 1 < end && !c.inQ[k + 1] && isWord(toks[k + 1]) && !lex.skipBeforeGroup.has(toks[k + 1].lower) && toks[k + 1].lower !== 'a' && toks[k + 1].lower !== 'an')) return null;
    } else if (lex.stops.has(t.lower) || lex.aux.has(t.lower) || lex.ellipsisNext.has(t.lower) || lex.before.at(toks, k, end)) return null;
    mods++;
    k++;
  }
  return null;
}

/** The counted group to the right of a quantity ending before token qj. */
function findGroup(c: Ctx, qj: number, end: number, maxMods = 5, one = false): Group | null {
  const { toks, lex } = c;
  let k = qj;
  let sawOf = false;
  while (k < end && lex.skipBeforeGroup.has(toks[k].lower) && k - qj < 3) {
    // "N of the X", but not "185 The Kurdish-led forces killed"
    if (toks[k].lower === 'the' && !sawOf) return null;
    if (toks[k].lower === 'of') {
      sawOf = true;
      // "18 of 31 vehicles"
      if (k + 1 < end && c.inQ[k + 1] === 1) {
        k++;
        while (k < end && c.inQ[k] === 1) k++;
        continue;
      }
    }
    k++;
  }
  // "two of them", "one of whom", "two of them ambulance crew"
  if (sawOf && k < end && lex.partitiveThem.has(toks[k].lower)) {
    const h = findHead(c, k + 1, end, 1);
    if (h && h.first === k + 1) return { first: h.first, head: h.head, last: h.last, kind: h.kind, rule: 'claims.group:of-them-apposition' };
    return { first: k, head: k, last: k, kind: 'them', rule: 'claims.group:of-them' };
  }
  const h = findHead(c, k, end, maxMods);
  if (!h) {
    // "17 government and 26 opposition fighters": one or two modifiers, then a count whose head both share
    let m = k;
    while (m < end && m < k + 2 && isWord(toks[m]) && !c.inQ[m] && !lex.stops.has(toks[m].lower) && !lex.aux.has(toks[m].lower) && !lex.ellipsisNext.has(toks[m].lower)) m++;
    // "three tanks and other armoured vehicles": "and other Y" says what X is
    if (m > k && m + 2 < end && toks[m].lower === 'and' && (toks[m + 1].lower === 'other' || toks[m + 1].lower === 'several')) {
      const h2 = findHead(c, m + 2, end, 3);
      if (h2) return { first: k, head: m - 1, last: h2.last, kind: h2.kind, rule: 'claims.group:and-other' };
    }
    // the words before "and" modify the shared noun; a plural there is a noun of its own ("15 houses and 10 cars")
    if (m > k && m + 1 < end && toks[m].lower === 'and' && c.inQ[m + 1] === 1 && !toks[m - 1].lower.endsWith('s')) {
      let n = m + 1;
      while (n < end && c.inQ[n] === 1) n++;
      const h2 = findHead(c, n, end, 3);
      if (h2) return { first: k, head: h2.head, last: m - 1, kind: h2.kind, rule: 'claims.group:shared-head', sharedHead: true };
    }
    return null;
  }
  let last = h.last;
  let rule = 'claims.group:head';
  // "women and children", "militants and their families", "civilians and patients"
  if (last + 2 < end && lex.groupJoin.has(toks[last + 1].lower) && !c.inQ[last + 2]) {
    let m = last + 2;
    while (m < end && lex.groupJoinSkip.has(toks[m].lower)) m++;
    const h2 = findHead(c, m, end, 2);
    if (h2 && h2.kind === h.kind && !lex.noun.at(toks, h2.head, h2.head + 1)) {
      const w2 = toks[last + 2].lower;
      const h2w = toks[h2.head].lower;
      const singular2 = !h2w.endsWith('s') && !lex.pluralWithoutS.has(h2w);
      if (one && h.kind === 'people' && (lex.possessives.has(w2) || w2 === 'a' || w2 === 'an' || w2 === 'another' || singular2)) {
        return { first: h.first, head: h.head, last, kind: h.kind, rule, paired: { first: last + 2, head: h2.head, last: h2.last } };
      }
      last = h2.last;
      rule = 'claims.group:joined';
    }
  }
  // "a convoy of buses", "a truck with a trailer"
  if (h.kind === 'vehicle' && last + 2 < end) {
    const of = lex.groupOf.at(toks, last + 1, end);
    if (of) {
      let m = of.end;
      while (m < end && (toks[m].lower === 'the' || toks[m].lower === 'a')) m++;
      const h2 = findHead(c, m, end, 1);
      if (h2 && h2.kind === 'vehicle') { last = h2.last; rule = 'claims.group:vehicle-of'; }
    }
  }
  return { first: h.first, head: h.head, last, kind: h.kind, rule };
}

/** An active verb right before the number ("killed at least 12", "kills, injures over 70"). */
function catBefore(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  let skipped = 0;
  while (k >= floor && skipped < 3) {
    const p = lex.before.endingAt(toks, k, floor);
    if (p) {
      // "20 fighters were killed two of them commanders": a passive verb belongs to the earlier group
      if (p.start > floor && lex.passiveAux.has(toks[p.start - 1].lower) && !toks[p.start].lower.endsWith('ing')) return null;
      let cat: Cat = { category: p.value, rule: 'claims.category:before', start: p.start, end: p.end };
      // "kills, injures over 70": killed and injured together are casualties
      let m = p.start - 1;
      while (m >= floor && (toks[m].text === ',' || toks[m].lower === 'and' || toks[m].lower === 'or' || toks[m].text === '/')) m--;
      {
        const p2 = lex.before.endingAt(toks, m, floor);
        if (p2 && p2.value !== p.value && (p2.value === 'killed' || p2.value === 'injured') && (p.value === 'killed' || p.value === 'injured')) {
          cat = { category: 'casualties', rule: 'claims.category:before-both', start: p2.start, end: p.end };
        }
      }
      return cat;
    }
    if (!lex.beforeSkip.has(toks[k].lower)) return null;
    skipped++;
    k--;
  }
  return null;
}

/** "the bodies of 30", "the fate of 250 others", "deaths of at least 10". */
function catOf(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  if (k >= floor && toks[k].lower === 'the') k--;
  if (k - 1 < floor || toks[k].lower !== 'of') return null;
  const p = lex.of.endingAt(toks, k - 1, floor);
  return p ? { category: p.value, rule: 'claims.category:of', start: p.start, end: qi } : null;
}

/** "the death toll rose to 52", "medics put the death toll at 23", "the number of farmers killed has risen to 27". */
function catToll(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  if (qi - 1 < floor || !lex.tollLink.has(toks[qi - 1].lower)) return null;
  for (let k = qi - 2; k >= floor && k >= qi - 24; k--) {
    if (c.inQ[k] === 1) return null;
    const p = lex.tollWords.endingAt(toks, k, floor);
    if (!p) continue;
    if (toks[p.start].lower === 'number' || toks[p.end - 1].lower === 'of') {
      // "the number of civilians killed": the cue after it says what; "the number of towns": not people
      let counted = false;
      for (let m = p.end; m < qi && m < p.end + 3; m++) if (headKind(lex, toks[m].lower) === 'people' || lex.noun.at(toks, m, qi)) { counted = true; break; }
      if (!counted) return null;
      for (let m = p.end; m < qi; m++) {
        const q = lex.after.at(toks, m, qi) ?? lex.noun.at(toks, m, qi);
        if (q) return { category: q.value, rule: 'claims.category:number-of', start: p.start, end: qi };
      }
      return null;
    }
    return { category: 'killed', rule: 'claims.category:toll', start: p.start, end: qi };
  }
  return null;
}

/** A count nested in or joined to the group ("including 31 children", "and 11 jihadists"): the token after it. */
function skipNested(c: Ctx, k: number, end: number): number {
  const { toks, lex } = c;
  const j = lex.nestedJoin.at(toks, k, end);
  if (!j) return -1;
  // "and her three children"
  let m = j.end;
  while (m < end && m < j.end + 2 && lex.groupJoinSkip.has(toks[m].lower)) m++;
  if (m >= end) return -1;
  // "including a child", "including women and children": a nested group without a number
  if (c.inQ[m] !== 1 && (toks[m].lower === 'a' || toks[m].lower === 'an' || lex.inclusion.at(toks, k, end))) {
    const g = findGroup(c, toks[m].lower === 'a' || toks[m].lower === 'an' ? m + 1 : m, end, 3);
    return g && g.kind === 'people' ? g.last + 1 : -1;
  }
  if (c.inQ[m] !== 1) return -1;
  while (m < end && c.inQ[m] === 1) m++;
  const g = findGroup(c, m, end);
  if (g) return g.last + 1;
  const n = lex.noun.at(toks, m, end);
  return n ? n.end : m;
}

/**
 * A predicate after the group: "were killed", "have left", "got injured", "took ... hostage".
 * Strict: within a few words. Loose: anywhere in the clause, across place names ("from Eastville and
 * Westbrook were also stuck"), used only when nothing else names the category.
 */
function catAfter(c: Ctx, from: number, end: number, loose = false, list = true): Cat | null {
  const { toks, lex } = c;
  let others = 0;
  let steps = 0;
  const maxSteps = loose ? 16 : 8;
  const maxOthers = loose ? 10 : 3;
  for (let k = from; k < end && steps < maxSteps; k++, steps++) {
    if (c.inQ[k] === 1) {
      // "22 Iraqi villagers 6 women killed": a list of counts sharing the predicate
      if (k !== from || loose || !list) return null;
      let m = k;
      while (m < end && c.inQ[m] === 1) m++;
      const g2 = findGroup(c, m, end);
      if (!g2) return null;
      k = g2.last;
      continue;
    }
    const p = lex.after.at(toks, k, end);
    if (p) {
      // "A suicide bomber killed five policemen": the group is the agent, not the victim
      const passive = p.start > 0 && lex.passiveAux.has(toks[p.start - 1].lower);
      const listed = p.end + 1 < end && c.inQ[p.end] === 1 && (() => { let m = p.end; while (m < end && c.inQ[m] === 1) m++; return m < end && !!lex.noun.at(toks, m, end); })();
      if (!passive && !listed && p.end < end && (c.inQ[p.end] === 1 || headKind(lex, toks[p.end].lower) === 'people' || ((toks[p.end].lower === 'a' || toks[p.end].lower === 'an') && p.end + 1 < end && headKind(lex, toks[p.end + 1].lower)))) return null;
      return { category: p.value, rule: loose ? 'claims.category:after-clause' : 'claims.category:after', start: p.start, end: p.end };
    }
    const skip = skipNested(c, k, end);
    if (skip > k) { k = skip - 1; continue; }
    const t = toks[k];
    if (lex.aux.has(t.lower)) continue;
    // "two boys (9-11 years) were injured"
    if (t.text === '(') {
      let m = k + 1;
      while (m < end && m < k + 10 && toks[m].text !== ')') m++;
      if (m < end && toks[m].text === ')') { k = m; continue; }
    }
    // "17 passengers mostly students and teachers were killed"
    if (t.lower === 'and' && k > from && k + 1 < end && headKind(lex, toks[k - 1].lower) === 'people' && headKind(lex, toks[k + 1].lower) === 'people') continue;
    // "a woman - sentenced to death by the court - was stoned to death": skip the aside
    if (t.text === '-' || t.text === '–' || t.text === '—') {
      let m = k + 1;
      while (m < end && m < k + 14 && toks[m].text !== t.text) m++;
      if (m < end && toks[m].text === t.text) { k = m; continue; }
    }
    if ((t.lower === 'and' || t.text === ',') && k > from && k + 1 < end && /^\p{Lu}/u.test(toks[k - 1].text) && /^\p{Lu}/u.test(toks[k + 1].text)) continue;
    if (lex.stops.has(t.lower)) return null;
    if (!isWord(t) && t.text !== '-' && t.text !== '"' && !c.inQ[k]) return null;
    if (++others > maxOthers) return null;
  }
  return null;
}

function catNoun(c: Ctx, g: Group): Cat | null {
  const { toks, lex } = c;
  const p = lex.noun.endingAt(toks, g.head, g.first);
  if (p) return { category: p.value, rule: 'claims.category:noun', start: p.start, end: p.end };
  return null;
}

function catModifier(c: Ctx, g: Group): Cat | null {
  const { toks, lex } = c;
  for (let k = g.first; k < g.head; k++) {
    const p = lex.noun.at(toks, k, g.head) ?? lex.after.at(toks, k, g.head);
    if (p) return { category: p.value, rule: 'claims.category:modifier', start: p.start, end: p.end };
  }
  return null;
}

function hedgedSentence(c: Ctx, from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (c.lex.hedges.at(c.toks, k, end)) return true;
  return false;
}

/**
 * Something happens to a single vehicle ("hit a bus", "a bus was hit", "a convoy of trucks carrying
 * families"). An active verb after it ("a drone struck") makes it the attacker: no claim.
 */
function vehicleHappened(c: Ctx, qi: number, g: Group, floor: number, end: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  for (let skipped = 0; k >= floor && skipped <= 2; skipped++, k--) {
    const p = lex.vehicleBefore.endingAt(toks, k, floor);
    if (p) return { category: 'vehicles', rule: 'claims.vehicle:verb-before', start: p.start, end: p.end };
    if (!lex.beforeSkip.has(toks[k].lower)) break;
  }
  let sawAux = false;
  let steps = 0;
  for (let m = g.last + 1; m < end && steps < 12; m++, steps++) {
    if (c.inQ[m] === 1) {
      const skip = skipNested(c, m - 1, end);
      if (skip > m) { m = skip - 1; continue; }
      return null;
    }
    if (steps <= 2) {
      const p = lex.vehicleAfter.at(toks, m, end);
      if (p) return { category: 'vehicles', rule: 'claims.vehicle:after', start: p.start, end: p.end };
    }
    if (sawAux) {
      const p = lex.vehicleAfterPassive.at(toks, m, end);
      if (p) return { category: 'vehicles', rule: 'claims.vehicle:passive', start: p.start, end: p.end };
    }
    const skip = skipNested(c, m, end);
    if (skip > m) { m = skip - 1; continue; }
    if (lex.passiveAux.has(toks[m].lower)) sawAux = true;
  }
  return null;
}

interface Draft {
  qi: number;
  qj: number;
  min: number | null;
  max: number | null;
  approx: boolean;
  qSpan: { start: number; end: number };
  qText: string;
  singular: boolean;
  qRule: string;
}

/**
 * The place of a claim: a place in its sentence, those after the count (in its clause) first, towns
 * before regions before countries; not a place inside a speaker ("Syria's official news agency") or used as a possessive.
 */
function placeFor(places: Place[] | undefined, start: number, end: number, skip: (p: Place) => boolean): Claim['place'] {
  if (!places) return null;
  let best: Place | null = null;
  let bestD = Infinity;
  for (const p of places) {
    if (skip(p)) continue;
    // the most specific place wins over a nearer country or region ("in the village of Kafrun in
    // central Syria killed 7": Kafrun)
    const breadth = p.kind === 'country' ? 200 : p.kind === 'admin1' || p.kind === 'region' ? 40 : 0;
    const d = (p.start >= end ? p.start - end : (start - p.end) * 1.5 + 1) + breadth;
    if (d < bestD) { bestD = d; best = p; }
  }
  if (!best) return null;
  const out: NonNullable<Claim['place']> = { name: best.name, text: best.text, geonameId: best.geonameId, start: best.start, end: best.end };
  if (best.qualifier) out.qualifier = best.qualifier;
  return out;
}

export function findClaims(a: Analysis, lex: ClaimsLexicon): Claim[] {
  const toks = a.tokens;
  const text = a.document.text;
  const inQ = new Uint8Array(toks.length);
  const drafts: Draft[] = [];
  for (const q of a.quantities) {
    const qi = lowerBound(toks, q.start);
    let qj = qi;
    while (qj < toks.length && toks[qj].end <= q.end) qj++;
    for (let k = qi; k < qj; k++) inQ[k] = q.nonCount ? 2 : 1;
    if (q.nonCount) continue;
    if (q.min == null && q.max == null) continue;
    const v = q.min ?? q.max!;
    if (!Number.isInteger(v) || v <= 0) continue;
    drafts.push({ qi, qj, min: q.min, max: q.max, approx: q.approx, qSpan: { start: q.start, end: q.end }, qText: q.text, singular: false, qRule: q.evidence[0]?.rule ?? 'numbers' });
  }
  // singular counts: "a woman was killed", "a bus was hit", "An armored vehicle ... destroyed"
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k].lower;
    if ((w !== 'a' && w !== 'an' && w !== 'another') || inQ[k]) continue;
    drafts.push({ qi: k, qj: k + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[k].start, end: toks[k].end }, qText: toks[k].text, singular: true, qRule: 'claims.singular-article' });
  }
  drafts.sort((x, y) => x.qi - y.qi);
  const c: Ctx = { a, toks, lex, inQ };

  // sentence token ranges
  const sFirst: number[] = new Array(a.sentences.length).fill(-1);
  const sEnd: number[] = new Array(a.sentences.length).fill(-1);
  for (let k = 0; k < toks.length; k++) {
    const s = toks[k].sentence;
    if (sFirst[s] < 0) sFirst[s] = k;
    sEnd[s] = k + 1;
  }
  const hedgeCache = new Map<number, boolean>();
  const days = new DayIndex(a);
  const coarseSentences = new Set<number>();
  for (const d of a.dates) {
    if (d.precision === 'day' || d.dateline) continue;
    const t = lowerBound(toks, d.start);
    if (t < toks.length) coarseSentences.add(toks[t].sentence);
  }
  // places by sentence, and the spans of speakers (a place inside one is not where the count is)
  const placesBySentence = new Map<number, Place[]>();
  for (const p of a.places) {
    const t = lowerBound(toks, p.start);
    if (t >= toks.length) continue;
    const ps = placesBySentence.get(toks[t].sentence);
    if (ps) ps.push(p);
    else placesBySentence.set(toks[t].sentence, [p]);
  }
  const speakerSpans = a.statements.filter((x) => x.speaker).map((x) => ({ start: Math.min(x.speaker!.start, x.cue.start), end: Math.max(x.speaker!.end, x.cue.end) }));
  const skipPlace = (p: Place) => {
    const t = lowerBound(toks, p.end);
    if (t < toks.length && toks[t].start === p.end && (toks[t].lower === "'s" || toks[t].lower === '’s')) return true;
    for (const sp of speakerSpans) if (p.start >= sp.start && p.end <= sp.end) return true;
    return false;
  };

  const claims: Claim[] = [];
  const quantitySpans: { start: number; end: number }[] = [];
  for (const d of drafts) {
    const s = toks[d.qi].sentence;
    const floor = sFirst[s];
    const end = sEnd[s];
    const g = findGroup(c, d.qj, end, d.singular ? 3 : 5, d.min === 1 && d.max === 1);
    const afterFrom = g ? (g.paired ? g.paired.last + 1 : g.last + 1) : d.qj;
    if (g && g.kind === 'people' && g.last === g.head && g.head + 1 < end && isWord(toks[g.head + 1]) && !c.inQ[g.head + 1]) {
      const h = toks[g.head].lower;
      const n = toks[g.head + 1];
      const singularHead = !h.endsWith('s') && !lex.pluralWithoutS.has(h);
      const participle = n.lower.endsWith('ed') || n.lower.endsWith('ing');
      if (singularHead && !(d.singular && participle) && !lex.notNouns.has(n.lower) && /^\p{Ll}/u.test(n.text) && !lex.stops.has(n.lower) && !lex.aux.has(n.lower) && !lex.ellipsisNext.has(n.lower) && !lex.after.at(toks, g.head + 1, end) && !lex.before.at(toks, g.head + 1, end)) continue;
    }
    if (d.singular) {
      if (!g || g.kind === 'them') continue;
      const last = claims[claims.length - 1];
      if (last && last.whoSpan && d.qSpan.start >= last.whoSpan.start && d.qSpan.start < last.whoSpan.end) continue;
      if (g.kind === 'people' && (toks[g.head].lower.endsWith('s') || lex.pluralWithoutS.has(toks[g.head].lower))) continue;
      // "including a child" stays part of the larger claim
      if (lex.inclusion.endingAt(toks, d.qi - 1, floor)) continue;
    }
    let cat: Cat | null = null;
    let who = '';
    let whoSpan: { start: number; end: number } | undefined;
    let groupRule = '';
    let parent: Claim | undefined;
    const prev = claims.length && claims[claims.length - 1].sentence === s ? claims[claims.length - 1] : undefined;
    let elliptic = false;
    if (g && g.kind === 'vehicle') {
      if (d.singular) {
        cat = vehicleHappened(c, d.qi, g, floor, end);
        if (!cat) continue;
      } else cat = { category: 'vehicles', rule: 'claims.category:vehicle-noun', start: g.head, end: g.head + 1 };
    } else {
      cat = catBefore(c, d.qi, floor) ?? catOf(c, d.qi, floor) ?? catToll(c, d.qi, floor);
      if (g && g.kind === 'people') {
        // "2 persons killed 13 injured": a bare participle after the number names its own category
        if (cat && cat.rule === 'claims.category:before' && g.first === g.head && lex.pluralWithoutS.has(toks[g.head].lower)) {
          const own = catNoun(c, g);
          if (own && own.category !== cat.category) cat = own;
        }
        if (!cat) {
          const after = catAfter(c, afterFrom, end);
          if (after && !(d.singular && after.category === 'casualties')) cat = after;
        }
        if (!cat && !d.singular) cat = catNoun(c, g);
        if (!cat && !d.singular) cat = catAfter(c, afterFrom, end, true);
        if (!cat && !d.singular) cat = catModifier(c, g);
      } else if (g && g.kind === 'them') {
        if (!cat) cat = catAfter(c, g.last + 1, end);
      } else if (!g) {
        // no counted noun: "12 killed" is caught as a head; here "killing 6 in Hillside",
        // "the death toll rose to 64 the monitor said", "4 in Riverside" (a list)
        if (d.singular) continue;
        const next = d.qj < end ? toks[d.qj] : undefined;
        // "10 shot dead and one beheaded": the predicate follows the number directly
        const afterNext = lex.after.at(toks, d.qj, end);
        elliptic = !next || !isWord(next) || lex.ellipsisNext.has(next.lower) || (!!afterNext && !nounFollows(c, afterNext.end, end));
        const det = next && (next.lower === 'a' || next.lower === 'an' || next.lower === 'the');
        const strong = cat && (cat.rule !== 'claims.category:before' || elliptic || det || (next && (lex.before.at(toks, d.qj, end) || lex.after.at(toks, d.qj, end))));
        if (!strong && !elliptic) continue;
        // "Evacuation of 4 Syrian Towns", "destroyed 18 tanks and positions": a noun we do not count follows
        if (next && isWord(next) && !lex.ellipsisNext.has(next.lower) && !lex.after.at(toks, d.qj, end) && !lex.before.at(toks, d.qj, end)) {
          let m = d.qj;
          while (m + 1 < end && m < d.qj + 2 && /^\p{Lu}/u.test(toks[m].text) && !/s$/.test(toks[m].lower) && isWord(toks[m + 1])) m++;
          if (nounFollows(c, d.qj, end) || (/^\p{Lu}/u.test(toks[m].text) && toks[m].lower.endsWith('s') && !headKind(lex, toks[m].lower))) continue;
        }
        if (!strong) cat = null;
        if (!cat) cat = catAfter(c, d.qj, end, false, false);
      }
      // a count nested in or listed after an earlier claim of the sentence takes its category
      if (!cat && prev && prev.category !== 'vehicles' && !d.singular) {
        const from = lowerBound(toks, prev.end);
        const inclusion = !!lex.inclusion.endingAt(toks, d.qi - 1, floor);
        let ok = (elliptic && (d.qi - from <= 6 || inclusion)) || (g && (g.kind === 'them' || g.rule === 'claims.group:of-them-apposition'));
        if (!ok) {
          ok = true;
          for (let k = from; k < d.qi; k++) if (!lex.inheritGap.has(toks[k].lower)) { ok = false; break; }
        }
        // "four people died and eleven others experienced severe nausea": a verb of its own
        const nx = g && g.last + 1 < end ? toks[g.last + 1] : undefined;
        if (ok && nx && isWord(nx) && /^\p{Ll}/u.test(nx.text) && (nx.lower.endsWith('ed') || nx.lower.endsWith('ing')) && !lex.aux.has(nx.lower) && !lex.stops.has(nx.lower) && !lex.inclusion.at(toks, g!.last + 1, end)) ok = false;
        if (ok) {
          parent = prev;
          cat = { category: parent.category, rule: 'claims.category:inherit', start: d.qi, end: d.qj };
        }
      }
      if (!cat) continue;
      if (d.singular && (cat.rule === 'claims.category:inherit')) continue;
    }
    if (g && g.kind !== 'them') {
      who = text.slice(toks[g.first].start, toks[g.last].end).toLowerCase();
      if (g.sharedHead) who += ' ' + toks[g.head].lower;
      whoSpan = { start: toks[g.first].start, end: toks[g.last].end };
      groupRule = g.rule;
    } else if (g && g.kind === 'them') {
      parent ??= prev;
      who = parent?.who || 'them';
      whoSpan = { start: toks[g.first].start, end: toks[g.last].end };
      groupRule = g.rule;
    } else if (cat.rule === 'claims.category:inherit' && parent) {
      who = parent.who;
      groupRule = 'claims.group:inherit';
    } else {
      who = 'people';
      groupRule = 'claims.group:implicit';
    }
    // span: the number through the group and the category cue, within the clause
    let startTok = d.qi;
    let endTok = d.qj - 1;
    if (g) endTok = Math.max(endTok, g.last);
    if (cat.rule !== 'claims.category:inherit') {
      startTok = Math.min(startTok, cat.start);
      endTok = Math.max(endTok, cat.end - 1);
    }
    const start = toks[startTok].start;
    const cend = toks[endTok].end;
    let hedged = hedgeCache.get(s);
    if (hedged === undefined) { hedged = hedgedSentence(c, floor, end); hedgeCache.set(s, hedged); }
    const sentence = a.sentences[s];
    const topicBreak = !!lex.topicBreaks.at(toks, floor, end);
    const subject = () => figureSubject(a, s, d.qSpan.start, (k) => lex.figureVerbs.has(toks[k].lower), (k) => lex.subjectSkip.has(toks[k].lower), (o) => lowerBound(toks, o));
    const attr = attributeClaim(a, d.qSpan, s, { hedged, topicBreak, earlier: quantitySpans, subject });
    const evidence: Evidence[] = [
      { rule: cat.rule, span: { start: toks[cat.start].start, end: toks[Math.max(cat.start, cat.end - 1)].end }, note: cat.category },
      { rule: groupRule, span: whoSpan ?? { start: d.qSpan.start, end: d.qSpan.end } },
    ];
    if (d.singular) evidence.push({ rule: 'claims.singular', span: d.qSpan });
    if (attr.evidence) evidence.push(attr.evidence);
    if (hedged) evidence.push({ rule: 'claims.hedged', span: { start: sentence.start, end: sentence.end } });
    const claim: Claim = {
      start,
      end: cend,
      quantity: { start: d.qSpan.start, end: d.qSpan.end, text: d.qText },
      value: { min: d.min, max: d.max, approx: d.approx },
      category: cat.category,
      who,
      source: attr.source,
      hedged,
      place: placeFor(placesBySentence.get(s), start, cend, skipPlace),
      date: null,
      sentence: s,
      evidence,
    };
    if (whoSpan) claim.whoSpan = whoSpan;
    if (claim.place) evidence.push({ rule: 'claims.place:sentence', span: { start: claim.place.start, end: claim.place.end } });
    else {
      // the report goes on about the place of the previous sentence: its count's place, else its last place
      const last = claims[claims.length - 1];
      let carried: Claim['place'] = null;
      if (last && last.place && (last.sentence === s - 1 || last.sentence === s)) carried = last.place;
      else if (s > 0) {
        const ps = placesBySentence.get(s - 1)?.filter((p) => !skipPlace(p));
        const p = ps && ps.length ? ps[0] : null;
        if (p) {
          carried = { name: p.name, text: p.text, geonameId: p.geonameId, start: p.start, end: p.end };
          if (p.qualifier) carried.qualifier = p.qualifier;
        }
      }
      if (carried) {
        claim.place = carried;
        evidence.push({ rule: 'claims.place:carried', span: { start: carried.start, end: carried.end } });
      }
    }
    // the day: a day in the sentence, else the day the report last named (dates stage's DayIndex)
    let day = days.dayFor({ start, end: cend }, s);
    // a sentence that names its own coarser time ("since March 2011", "in 2014") gives no day
    if (day && day.how !== 'sentence' && coarseSentences.has(s)) {
      day = null;
      evidence.push({ rule: 'claims.date:coarse', span: { start: sentence.start, end: sentence.end } });
    }
    if (day) {
      // a count over a period ("in the past 24 hours", "since Sunday") is dated by its last day
      claim.date = day.date;
      const ev: Evidence = { rule: 'claims.date:' + day.how, span: { start: day.mention.start, end: day.mention.end } };
      if (day.from) ev.note = `period from ${day.from}`;
      evidence.push(ev);
    }
    claims.push(claim);
    quantitySpans.push(claim.quantity);
    if (g?.paired && cat.rule !== 'claims.category:inherit') {
      // "One father and his son were buried": the second person is a count of one too
      const p = g.paired;
      const pStart = toks[p.first].start;
      const pEnd = Math.max(toks[p.last].end, cat.start > p.last ? toks[cat.end - 1].end : 0);
      const pw = { start: toks[p.first].start, end: toks[p.last].end };
      claims.push({
        ...claim,
        start: pStart,
        end: pEnd,
        quantity: { start: pStart, end: toks[p.first].end, text: toks[p.first].text },
        value: { min: 1, max: 1, approx: false },
        who: text.slice(toks[p.head].start, pw.end).toLowerCase(),
        whoSpan: pw,
        evidence: [evidence[0], { rule: 'claims.group:paired-possessive', span: pw }, ...evidence.slice(2)],
      });
      quantitySpans.push({ start: pStart, end: toks[p.first].end });
    }
  }
  return claims;
}

export const claimsStage: Stage = {
  name: 'claims',
  requires: ['sentences', 'tokens', 'quantities', 'dates', 'places', 'actors', 'statements'],
  assigns: ['claims'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('claims.lexicon'), () => loadClaimsLexicon(L));
    a.claims = findClaims(a, lex);
  },
};
