// The category constructions of the claims stage, in the order they are tried. Each line says why it runs
// where it does. categorise (category/index.ts) walks these lists; the first that fires names the category.
import type { Cat, Ctx, Draft, Group } from './context.js';
import { catBefore, catCarried } from './category/before.js';
import { catOf } from './category/of.js';
import { catToll } from './category/toll.js';
import { catResidents } from './category/residents.js';
import { catAfter } from './category/after.js';
import { catNoun } from './category/noun.js';
import { catModifier } from './category/modifier.js';
import { skipApposition } from './named.js';

/** Where a count stands: its draft, its group, the sentence's token range and where the group ends. */
export interface Site {
  d: Draft;
  g: Group | null;
  floor: number;
  end: number;
  afterFrom: number;
}

export interface Construction {
  name: string;
  /** tried for a singular "a/an + noun" count too */
  singular: boolean;
  run(c: Ctx, s: Site): Cat | null;
}

/** Cues before the number: tried first for every count of people, with or without a group. */
export const LEAD: readonly Construction[] = [
  // an active verb right before the number is the most direct statement of what happened ("killed 12")
  { name: 'before', singular: true, run: (c, s) => catBefore(c, s.d.qi, s.floor) },
  // "the bodies of 30": a fixed noun + of frame, checked before the toll that would read "of" loosely
  { name: 'of', singular: true, run: (c, s) => catOf(c, s.d.qi, s.floor) },
  // "the toll rose to 52": the figure as object of a toll; after before/of so "killing at least" wins
  { name: 'toll', singular: true, run: (c, s) => catToll(c, s.d.qi, s.floor, s.d.singular) },
  // "the camp, home to some 450,000 people": the residents of a place, before the predicate after them
  { name: 'residents', singular: false, run: (c, s) => catResidents(c, s.d.qi, s.floor, s.end) },
  // "the ambulance took away two students": a verb that names nothing by itself, so after the verbs that do
  { name: 'carried', singular: true, run: (c, s) => catCarried(c, s.d.qi, s.floor) },
];

/** For a group of people, when nothing before the number named the category. */
export const PEOPLE: readonly Construction[] = [
  // a predicate right after the group ("12 people were killed"); a single person is never "casualties"
  {
    name: 'after', singular: true, run: (c, s) => {
      // "Two people who tried to flee were shot dead": past a relative clause, the main clause's passive says what
      // happened to them (not "flee" inside the clause)
      const main = s.g && !s.d.singular ? pastRelative(c, s.afterFrom, s.end) : -1;
      let x = main >= 0 ? catAfter(c, main, s.end) : null;
      if (x) return x;
      x = catAfter(c, s.afterFrom, s.end);
      // "A grade 9 student, Jane Roe, 15, was shot": one person's predicate past the apposition
      if (!x && s.d.singular && s.g && s.afterFrom < s.end && c.toks[s.afterFrom].text === ',') {
        const k = skipApposition(c, s.g.first, s.afterFrom, s.end);
        if (k > s.afterFrom + 1) x = catAfter(c, k, s.end);
        if (x && x.category === 'other') x = null;
      }
      // "The injured teens, three girls and a boy aged 14 to 18, were treated": the predicate past the apposition
      if (!x && s.g) x = pastApposition(c, s);
      // "a man who tried to cross the river and drowned": a death that ends the person's relative clause
      if (!x && s.d.singular && s.g && s.afterFrom < s.end && c.lex.relativeWho.has(c.toks[s.afterFrom].lower)) x = relativeDeath(c, s.afterFrom + 1, s.end);
      // "50 bodies, many with gunshot wounds", "11 bodies pulled from the rubble": the dead stay dead
      // (but victims may live: "Seven victims were taken to hospitals" were hurt)
      if (x && s.g && (x.category === 'injured' ? catNoun(c, s.g)?.category === 'killed' && !c.lex.livingVictimNouns.has(c.toks[s.g.head].lower) : x.category === 'trapped' && c.lex.bodyNouns.has(c.toks[s.g.head].lower))) return null;
      // "12 bodies were found": a word that only says they were there yields to a counted word that says more
      if (x && x.category === 'other' && s.g && !s.d.singular) {
        const n = catNoun(c, s.g);
        if (n && n.category !== 'other') return n;
      }
      return x && !(s.d.singular && x.category === 'casualties') ? x : null;
    },
  },
  // the counted word itself ("12 dead", "the wounded"): after the strict predicate, which is more specific
  { name: 'noun', singular: false, run: (c, s) => (s.g ? catNoun(c, s.g) : null) },
  // a predicate further on in the clause: looser, so only when the group names nothing itself
  { name: 'after-clause', singular: false, run: (c, s) => catAfter(c, s.afterFrom, s.end, true) },
  // a cue inside the group ("dozens of injured civilians"): the weakest, last; for one person only a death
  // ("a drowned boy", "murdered journalist"): "a wounded soldier" may be moved or treated in the sentence
  {
    name: 'modifier', singular: true, run: (c, s) => {
      const x = s.g ? catModifier(c, s.g) : null;
      return x && !(s.d.singular && x.category !== 'killed') ? x : null;
    },
  },
  // a counted word that names a category only as a last resort ("18 patients": injured; "patients ... were
  // stuck" is trapped by the clause above)
  {
    name: 'weak-noun', singular: false, run: (c, s) => {
      if (!s.g) return null;
      const p = c.lex.weakNoun.endingAt(c.toks, s.g.head, s.g.first);
      return p ? { category: p.value, rule: 'claims.category:weak-noun', start: p.start, end: p.end } : null;
    },
  },
];

/** Where the main clause's passive starts after a relative clause opening at k ("who tried to flee were
 * killed", "qui tentaient de fuir ont été abattues"), or -1. */
function pastRelative(c: Ctx, k: number, end: number): number {
  if (k >= end || !c.lex.relativeWho.has(c.toks[k].lower)) return -1;
  for (let m = k + 2; m < end && m < k + 14; m++) {
    const t = c.toks[m];
    if (t.kind !== 'word' || c.inQ[m]) return -1;
    if (c.lex.passiveAux.has(t.lower)) return m;
  }
  return -1;
}

/** A death predicate (died, drowned, perished) within the relative clause starting at k, before any comma. */
function relativeDeath(c: Ctx, k: number, end: number): Cat | null {
  for (let m = k; m < end && m < k + 14 && c.toks[m].kind === 'word'; m++) {
    const p = c.lex.namedIntransitive.at(c.toks, m, end);
    if (p) {
      const q = c.lex.after.at(c.toks, p.start, end);
      if (q && q.value === 'killed') return { category: 'killed', rule: 'claims.category:relative-death', start: p.start, end: p.end };
    }
  }
  return null;
}

/**
 * A count that opens an apposition set off by commas (a comma right before it, or before an earlier count it
 * is joined to): the predicate right after the closing comma, at most 14 tokens on. Not a crowd word (other).
 */
function pastApposition(c: Ctx, s: Site): Cat | null {
  const { toks } = c;
  let open = -1;
  for (let k = s.d.qi - 1; k > s.floor && k >= s.d.qi - 6; k--) {
    if (toks[k].text === ',') { open = k; break; }
    if (toks[k].kind !== 'word' && !c.inQ[k]) return null;
  }
  // "Jane Roe, a nurse at the clinic, was stabbed": an apposition to a name describes one already counted
  if (open < 0 || /^\p{Lu}/u.test(toks[open - 1].text)) return null;
  for (let k = s.afterFrom; k < s.end && k < s.afterFrom + 14; k++) {
    if (toks[k].text !== ',') continue;
    const x = catAfter(c, k + 1, s.end);
    return x && x.category !== 'other' ? x : null;
  }
  return null;
}

export function firstOf(list: readonly Construction[], c: Ctx, s: Site): Cat | null {
  for (const k of list) {
    if (s.d.singular && !k.singular) continue;
    const x = k.run(c, s);
    if (x) return x;
  }
  return null;
}
