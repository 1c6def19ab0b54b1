// Which of the actor lexicons a unit's key can start an entry of, for all of them in one lookup per
// unit: a bit mask per unit, computed once per document. The extractors look at a unit's bit before
// asking a lexicon (a phrase index or a map), so a word that starts no entry costs no further lookup.
// The mask is only a filter: a set bit is always followed by the lexicon's own lookup.
import type { ActorLexicon } from './lexicon.js';
import type { Unit } from './units.js';

export const FIRST = {
  dict: 1,
  forces: 2,
  sides: 4,
  generic: 8,
  titles: 16,
  orgLeads: 32,
  /** a one-word demonym ("syrian") */
  demonym: 64,
  /** the first word of a demonym of several words ("saudi" of "saudi arabian") */
  demonymFirst: 128,
  /** a country name of one word ("syria") */
  country: 256,
  /** a country name of one word with a possessive ending added ("syrias") */
  countryS: 512,
  /** a demonym with a plural ending added ("syrians") */
  demonymS: 1024,
  /** a pronoun that stands for an actor ("he", "they") */
  pronoun: 2048,
} as const;

const masks = new WeakMap<ActorLexicon, Map<string, number>>();

/** Key → bits of the lexicons it starts an entry of, built once per lexicon. */
function keyMasks(lex: ActorLexicon): Map<string, number> {
  let m = masks.get(lex);
  if (m) return m;
  const map = new Map<string, number>();
  const set = (key: string, bit: number) => map.set(key, (map.get(key) ?? 0) | bit);
  for (const k of lex.dict.firstKeys()) set(k, FIRST.dict);
  for (const k of lex.forces.firstKeys()) set(k, FIRST.forces);
  for (const k of lex.sides.firstKeys()) set(k, FIRST.sides);
  for (const k of lex.generic.firstKeys()) set(k, FIRST.generic);
  for (const k of lex.titles.firstKeys()) set(k, FIRST.titles);
  for (const k of lex.orgLeads.firstKeys()) set(k, FIRST.orgLeads);
  for (const k of lex.demonyms.keys()) {
    const space = k.indexOf(' ');
    set(space < 0 ? k : k.slice(0, space), space < 0 ? FIRST.demonym : FIRST.demonymFirst);
    for (const e of lex.pluralEndings) set(k + e, FIRST.demonymS);
  }
  for (const k of lex.pronounActors.keys()) set(k, FIRST.pronoun);
  for (const k of lex.countryNames.keys()) {
    set(k, FIRST.country);
    for (const e of lex.possessiveEndings) set(k + e, FIRST.countryS);
  }
  masks.set(lex, map);
  return map;
}

/** The bits of each unit (0 for a break). */
export function unitMasks(units: readonly Unit[], lex: ActorLexicon): Uint16Array {
  const map = keyMasks(lex);
  const out = new Uint16Array(units.length);
  for (let i = 0; i < units.length; i++) {
    const k = units[i].key;
    if (k) out[i] = map.get(k) ?? 0;
  }
  return out;
}
