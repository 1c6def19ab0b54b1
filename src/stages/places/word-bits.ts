// Which of the places lexicon's word lists a word is in, for all of them in one lookup per word: a bit mask
// per word of the document, computed in the walk that makes the words (words.ts). The detector, the context
// and the resolver test a bit where they asked a set before. Built once per lexicon from its sets (the sets
// stay the truth: a bit is set exactly when the set has the word).
import type { PlacesLexicon } from './lexicon.js';

export const WB = {
  connector: 1,
  demonym: 2,
  stopName: 4,
  /** a word of any cue after a name ("district", "farms") */
  cueWord: 8,
  nameHead: 16,
  functionWord: 32,
  articlePrefix: 64,
  direction: 128,
  personTitle: 256,
  orgHeadAfter: 512,
  locativePreposition: 1024,
  unknownPlacePreposition: 2048,
  givenName: 4096,
  /** the first word of a cue after a name (lex.cuesAfter can match there) */
  cueAfterFirst: 8192,
} as const;

const TABLES = new WeakMap<PlacesLexicon, Map<string, number>>();

/** lower-case word → its bits, built once per lexicon. */
export function wordBitsTable(lex: PlacesLexicon): Map<string, number> {
  let map = TABLES.get(lex);
  if (map) return map;
  map = new Map<string, number>();
  const m = map;
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) m.set(w, (m.get(w) ?? 0) | bit);
  };
  mark(lex.connectors, WB.connector);
  mark(lex.demonyms, WB.demonym);
  mark(lex.stopNames, WB.stopName);
  mark(lex.cueWords, WB.cueWord);
  mark(lex.nameHeads, WB.nameHead);
  mark(lex.functionWords, WB.functionWord);
  mark(lex.articlePrefixes, WB.articlePrefix);
  mark(lex.directions, WB.direction);
  mark(lex.personTitles, WB.personTitle);
  mark(lex.orgHeadsAfter, WB.orgHeadAfter);
  mark(lex.locativePrepositions, WB.locativePreposition);
  mark(lex.unknownPlacePrepositions, WB.unknownPlacePreposition);
  mark(lex.givenNames, WB.givenName);
  mark(lex.cuesAfter.byFirst.keys(), WB.cueAfterFirst);
  TABLES.set(lex, map);
  return map;
}
