// The counted group to the right of a number: "N [of the|more|other] [modifiers] HEAD [and HEAD]", "N of them",
// "17 government and 26 opposition fighters" (a shared head), "a convoy of buses"; and nested counts ("including 31 children").
import { type Ctx, type Group, headKind, isPlural, isThingNoun, isWord } from './context.js';
import { endsWithAny } from '../endings.js';

/** An uncounted noun at token k, past up to two capitalised adjectives ("besieged Syrian towns"). */
export function nounFollows(c: Ctx, k: number, end: number): boolean {
  const { toks, lex } = c;
  if (k >= end || c.inQ[k]) return false;
  let m = k;
  while (m + 1 < end && m < k + 2 && /^\p{Lu}/u.test(toks[m].text) && isWord(toks[m + 1]) && !c.inQ[m + 1]) m++;
  const n = toks[m];
  return isWord(n) && /^\p{Ll}/u.test(n.text) && !lex.notNouns.has(n.lower) && !lex.skipBeforeGroup.has(n.lower) && !lex.indefiniteArticles.has(n.lower) && !lex.stops.has(n.lower) && !lex.aux.has(n.lower) && !lex.ellipsisNext.has(n.lower) && !lex.after.at(toks, m, end) && !lex.before.at(toks, m, end);
}

/** One past an initialism written with periods at token k ("U.S.", "U.N."): single capital letters, each
 * followed at once by a period, two or more of them; k when there is none. Language-neutral. */
export function initialismEnd(c: Ctx, k: number, end: number): number {
  const { toks } = c;
  let m = k;
  let letters = 0;
  while (m + 1 < end && /^\p{Lu}$/u.test(toks[m].text) && toks[m + 1].text === '.' && toks[m + 1].start === toks[m].end && (m === k || toks[m].start === toks[m - 1].end)) {
    m += 2;
    letters++;
  }
  return letters >= 2 ? m : k;
}

/**
 * "Salem, Oregon", "Lyon, France": one past a run of places joined by commas that starts at token
 * k (the places stage found each); k when no place starts there or the run has no comma.
 */
export function placeRunEnd(c: Ctx, k: number, end: number): number {
  const { toks, a } = c;
  const placeFrom = (m: number) => (m < end ? a.places.find((p) => p.start === toks[m].start) : undefined);
  let p = placeFrom(k);
  if (!p) return k;
  let m = k;
  let commas = 0;
  while (p) {
    while (m < end && toks[m].end <= p.end) m++;
    if (!(m + 1 < end && toks[m].text === ',')) break;
    p = placeFrom(m + 1);
    if (p) { m++; commas++; }
  }
  return commas ? m : k;
}

/** A head noun starting the search at token k: up to `maxMods` modifier words, then one or more heads. */
export function findHead(c: Ctx, k: number, end: number, maxMods: number): { first: number; head: number; last: number; kind: 'people' | 'vehicle' } | null {
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
    // "nine U.S. service members": an initialism written with periods is one modifier word
    const ini = initialismEnd(c, k, end);
    if (ini > k && k > first - 1) { k = ini; mods++; continue; }
    // "a Salem, Oregon man": a place with a comma inside is one modifier
    const run = placeRunEnd(c, k, end);
    if (run > k) { k = run; mods++; continue; }
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
        // "two car bombings": the vehicle word modifies an event, nothing counted
        if (hk === 'vehicle' && lex.vehicleEventTails.has(toks[head + 1].lower)) return null;
        break;
      }
      // "killed 5 wounded 10": a participle right before another count is its verb, not a head
      if (head === k && head + 1 < end && c.inQ[head + 1] === 1 && lex.pluralWithoutS.has(toks[head].lower) && lex.before.at(toks, head, head + 1)) return null;
      // "suicide bombers", "ambulance crew" are people
      if (hk === 'vehicle' && lex.peopleOverrides.endingAt(toks, head, first)) hk = 'people';
      // "250 taken hostage": a predicate from the count on that holds the head is no group
      for (let j = first; j < k; j++) {
        const pr = lex.after.at(toks, j, end);
        if (pr && pr.end > k) return null;
      }
      // "the two besieged towns": a participle followed by a noun we do not count
      if (head === k && lex.noun.at(toks, head, head + 1) && lex.pluralWithoutS.has(toks[head].lower) && nounFollows(c, head + 1, end)) return null;
      return { first, head, last: head, kind: hk };
    }
    if (k > first && (lex.skipBeforeGroup.has(t.lower) || lex.indefiniteArticles.has(t.lower))) return null;
    if (lex.groupJoin.has(t.lower)) {
      // "government and opposition fighters", not "artillery pieces and a truck"
      if (!(k + 1 < end && !c.inQ[k + 1] && isWord(toks[k + 1]) && !lex.skipBeforeGroup.has(toks[k + 1].lower) && !lex.indefiniteArticles.has(toks[k + 1].lower))) return null;
    } else if (lex.stops.has(t.lower) || lex.aux.has(t.lower) || lex.ellipsisNext.has(t.lower) || (lex.before.at(toks, k, end) && !victimModifier(c, k, end))) return null;
    mods++;
    k++;
  }
  return null;
}

/** "a murdered Afghan boy", "a drowned child": a death participle that is also a verb ("murdered a man") modifies the
 * noun after it when no determiner or count follows it. */
function victimModifier(c: Ctx, k: number, end: number): boolean {
  const { toks, lex } = c;
  const n = toks[k + 1];
  return lex.bareVictimModifiers.has(toks[k].lower) && k + 1 < end && isWord(n) && !c.inQ[k + 1] && !lex.determiners.has(n.lower) && !lex.possessives.has(n.lower);
}

/** "Thousands of buildings collapsed and ...": the quantity ending before token qj counts things, a plural noun after
 * "of" that names no people or vehicles (nor modifies a head that does). */
export function countsThings(c: Ctx, qj: number, end: number): boolean {
  const { toks, lex } = c;
  let k = qj;
  if (!(k > 0 && lex.ofLink.has(toks[k - 1].lower))) {
    if (!(k < end && lex.ofLink.has(toks[k].lower))) return false;
    k++;
  }
  // (past a determiner or a possessive: "dozens of the shells", "34 of his comrades")
  if (k < end && (lex.determiners.has(toks[k].lower) || lex.possessives.has(toks[k].lower))) k++;
  return k < end && isWord(toks[k]) && /^\p{Ll}/u.test(toks[k].text) && isThingNoun(lex, toks[k].lower) && !(k + 1 < end && headKind(lex, toks[k + 1].lower));
}

/** The counted group to the right of a quantity ending before token qj. */
export function findGroup(c: Ctx, qj: number, end: number, maxMods = 5, one = false): Group | null {
  const { toks, lex } = c;
  let k = qj;
  let sawOf = false;
  while (k < end && lex.skipBeforeGroup.has(toks[k].lower) && k - qj < 3) {
    // "N of the X", but not "185 The Kurdish-led forces killed"
    if (lex.definiteArticles.has(toks[k].lower) && !sawOf) return null;
    if (lex.ofLink.has(toks[k].lower)) {
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
  // "90 of the 200 residents": past the whole's count to its noun
  if (sawOf && k < end && c.inQ[k] === 1 && lex.definiteArticles.has(toks[k - 1].lower)) while (k < end && c.inQ[k] === 1) k++;
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
    if (m > k && m + 2 < end && lex.coordinators.has(toks[m].lower) && lex.otherDeterminers.has(toks[m + 1].lower)) {
      const h2 = findHead(c, m + 2, end, 3);
      if (h2) return { first: k, head: m - 1, last: h2.last, kind: h2.kind, rule: 'claims.group:and-other' };
    }
    // the words before "and" modify the shared noun; a plural there is a noun of its own ("15 houses and 10 cars",
    // "300 sheep and 12 people")
    if (m > k && m + 1 < end && lex.coordinators.has(toks[m].lower) && c.inQ[m + 1] === 1 && !endsWithAny(toks[m - 1].lower, lex.pluralEndings) && !lex.thingNouns.has(toks[m - 1].lower)) {
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
      const singular2 = !isPlural(lex, h2w);
      if (one && h.kind === 'people' && (lex.possessives.has(w2) || lex.indefiniteArticles.has(w2) || lex.anotherDeterminers.has(w2) || singular2)) {
        return { first: h.first, head: h.head, last, kind: h.kind, rule, paired: { first: last + 2, head: h2.head, last: h2.last } };
      }
      // "three girls and a boy", "d'un camion et d'une voiture": the second group has a count of its own
      // (its article, after a preposition repeated), not joined
      let own = false;
      for (let k = last + 2; k < h2.head && !own; k++) own = lex.indefiniteArticles.has(toks[k].lower);
      if (!own) {
        last = h2.last;
        rule = 'claims.group:joined';
      }
    }
  }
  // "a convoy of buses", "a truck with a trailer"
  if (h.kind === 'vehicle' && last + 2 < end) {
    const of = lex.groupOf.at(toks, last + 1, end);
    if (of) {
      let m = of.end;
      while (m < end && lex.articles.has(toks[m].lower)) m++;
      const h2 = findHead(c, m, end, 1);
      if (h2 && h2.kind === 'vehicle') { last = h2.last; rule = 'claims.group:vehicle-of'; }
    }
  }
  return { first: h.first, head: h.head, last, kind: h.kind, rule };
}

/** A count nested in or joined to the group ("including 31 children", "and 11 jihadists"): the token after it. */
export function skipNested(c: Ctx, k: number, end: number): number {
  const { toks, lex } = c;
  const j = lex.nestedJoin.at(toks, k, end);
  if (!j) return -1;
  // "and her three children"
  let m = j.end;
  while (m < end && m < j.end + 2 && lex.groupJoinSkip.has(toks[m].lower)) m++;
  if (m >= end) return -1;
  // "including a child", "including women and children": a nested group without a number
  if (c.inQ[m] !== 1 && (lex.indefiniteArticles.has(toks[m].lower) || lex.inclusion.at(toks, k, end))) {
    const g = findGroup(c, lex.indefiniteArticles.has(toks[m].lower) ? m + 1 : m, end, 3);
    return g && g.kind === 'people' ? g.last + 1 : -1;
  }
  if (c.inQ[m] !== 1) return -1;
  while (m < end && c.inQ[m] === 1) m++;
  const g = findGroup(c, m, end);
  // "41 wounded people, eight of whom died": a share of the group with a predicate of its own, not a count joined
  // to it
  if (g && g.kind === 'them') return -1;
  if (g) return g.last + 1;
  const n = lex.noun.at(toks, m, end);
  return n ? n.end : m;
}
