// Places named side by side vouch for each other: "Woodbridge, Virginia" (a town and its first-level
// region), "Tripoli, Lebanon" (a place and its country), "Croydon, London" (a place and its big city),
// "Georgia, Michigan and Wisconsin" (regions of one country in a list). The entries that fit such a
// neighbour are kept for each mention; the resolver admits them and scores them up, whatever country the
// rest of the article speaks of.
import { isAdmin1, isCountry, type GazEntry } from '../../geo/gazetteer.js';
import type { Mention, Word } from './detect.js';
import { km } from '../../geo/distance.js';
import { wordAfter } from './words.js';
import type { PlacesLexicon } from './lexicon.js';

/** the marks between places side by side, besides the language's conjunctions (lex.listConjunctions) */
const LIST_MARKS = new Set([',', '&']);
/** the most candidates of a name compared pairwise (common names have hundreds) */
const MAX_CANDIDATES = 150;


/** Are mentions a and b next to each other, with only a comma, "and" or "or" between (and a compass word
 * after a comma: "Croydon, South London")? */
function adjacent(words: readonly Word[], lowers: readonly string[], lex: PlacesLexicon, a: Mention, b: Mention): { comma: boolean } | null {
  if (a.sentence !== b.sentence) return null;
  const j = wordAfter(words, a);
  let end = b.wi;
  if (end - 1 > j && lowers[end - 2] === ',' && lex.directions.has(lowers[end - 1])) end--;
  if (end - j < 1 || end - j > 2) return null;
  let comma = false;
  for (let k = j; k < end; k++) {
    if (!LIST_MARKS.has(lowers[k]) && !lex.listConjunctions.has(lowers[k])) return null;
    if (lowers[k] === ',') comma = true;
  }
  return { comma };
}

/** the farthest a place named before a city ("Croydon, London") lies from it */
const WITHIN_CITY_KM = 40;

/** "Croydon, London", "Mezzeh, Damascus": a place and the big city it is part of, after a comma */
function inCity(e1: GazEntry, e2: GazEntry, lex: PlacesLexicon): boolean {
  return e2.featureClass === 'P' && (e2.featureCode === 'PPLC' || e2.population >= lex.bigPopulation) && e1.country === e2.country && km(e1, e2) <= WITHIN_CITY_KM;
}

/** Is a populated place of the region among the name's entries (the region is named after its city)? */
function hasCapital(list: readonly { e: GazEntry }[], region: GazEntry): boolean {
  for (const { e } of list) if (e.featureClass === 'P' && e.admin1 === region.admin1 && e.country === region.country) return true;
  return false;
}

function add(out: Map<number, Set<GazEntry>>, k: number, e: GazEntry): void {
  let s = out.get(k);
  if (!s) out.set(k, (s = new Set()));
  s.add(e);
}

/** For each mention (by index), the entries a neighbouring mention vouches for. */
export function pairedEntries(words: readonly Word[], lowers: readonly string[], lex: PlacesLexicon, mentions: readonly Mention[], cands: readonly (readonly { e: GazEntry }[])[]): Map<number, Set<GazEntry>> {
  const out = new Map<number, Set<GazEntry>>();
  for (let k = 0; k + 1 < mentions.length; k++) {
    const l1 = cands[k];
    const l2 = cands[k + 1];
    if (!l1.length || !l2.length || l1.length * l2.length > MAX_CANDIDATES * MAX_CANDIDATES) continue;
    const adj = adjacent(words, lowers, lex, mentions[k], mentions[k + 1]);
    if (!adj) continue;
    for (const { e: e2 } of l2) {
      const region = isAdmin1(e2);
      const country = isCountry(e2);
      if (!region && !country && !adj.comma) continue;
      for (const { e: e1 } of l1) {
        if (e1 === e2 || isCountry(e1)) continue;
        // "Woodbridge, Virginia", "Tripoli, Lebanon": a place and the region or country it is in (after a comma)
        const inside = adj.comma && !isAdmin1(e1) && (region ? e1.admin1 === e2.admin1 && e1.country === e2.country : country ? e1.country === e2.country : inCity(e1, e2, lex));
        // "Georgia, Michigan and Wisconsin": regions of one country in a list (not names of cities as well as of
        // their regions: "Aleppo and Homs" are the cities)
        const siblings = region && isAdmin1(e1) && e1.country === e2.country && !hasCapital(l1, e1) && !hasCapital(l2, e2);
        if (inside || siblings) {
          add(out, k, e1);
          add(out, k + 1, e2);
        }
      }
    }
  }
  return out;
}

/**
 * Are mentions a and b in one list with a locative preposition repeated after the conjunction ("in Nice
 * and in Berlin", "à Nice et à Berlin"), or side by side as adjacent() reads them?
 */
function listed(words: readonly Word[], lowers: readonly string[], lex: PlacesLexicon, a: Mention, b: Mention): boolean {
  if (adjacent(words, lowers, lex, a, b)) return true;
  if (a.sentence !== b.sentence) return false;
  let j = wordAfter(words, a);
  // [,] [conjunction] preposition, one of the first two at least ("Nice, in Berlin and in London"; "X in Y"
  // is no list)
  const after = j;
  if (lowers[j] === ',') j++;
  if (lex.listConjunctions.has(lowers[j])) j++;
  return j > after && b.wi - j === 1 && lex.locativePrepositions.has(lowers[j]);
}

/** A city anyone knows by its name: a national or first-level capital, or one of the largest. */
function worldCity(e: GazEntry, lex: PlacesLexicon): boolean {
  return e.featureClass === 'P' && (e.featureCode === 'PPLC' || e.population >= lex.minUnrelatedForeignPopulation);
}

/**
 * Cities named in one list with a capital or a very large city ("the attacks in Nice and Berlin"): for
 * each mention, its sizeable seats of government (a first- or second-level capital of at least
 * bigPopulation, by its own name) with the world city of a neighbour that makes them likely. The
 * resolver admits such a city abroad only when that neighbour is abroad too (admission.ts): a list of
 * places far away; beside a city of the article's own country ("Aleppo and Arak") it proves nothing.
 */
export function listedWithWorldCities(words: readonly Word[], lowers: readonly string[], lex: PlacesLexicon, mentions: readonly Mention[], cands: readonly (readonly { e: GazEntry; alt: boolean }[])[]): Map<number, [city: GazEntry, anchor: GazEntry][]> {
  const out = new Map<number, [GazEntry, GazEntry][]>();
  const vouch = (k: number, anchorK: number) => {
    const anchors = cands[anchorK].filter((c) => !c.alt && worldCity(c.e, lex));
    if (!anchors.length) return;
    for (const { e, alt } of cands[k]) {
      if (alt || e.featureClass !== 'P' || e.population < lex.bigPopulation || !(e.featureCode === 'PPLC' || e.featureCode.startsWith('PPLA'))) continue;
      let l = out.get(k);
      if (!l) out.set(k, (l = []));
      for (const a of anchors) if (a.e !== e) l.push([e, a.e]);
    }
  };
  for (let k = 0; k + 1 < mentions.length; k++) {
    if (!cands[k].length || !cands[k + 1].length || !listed(words, lowers, lex, mentions[k], mentions[k + 1])) continue;
    vouch(k, k + 1);
    vouch(k + 1, k);
  }
  return out;
}
