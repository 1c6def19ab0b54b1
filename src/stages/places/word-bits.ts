// Which of the places lexicon's word lists a word is in, for all of them in one lookup per word: a bit mask
// per word of the document, computed in the walk that makes the words (words.ts). The detector, the context
// and the resolver test a bit where they asked a set before. Built once per lexicon from its sets (the sets
// stay the truth: a bit is set exactly when the set has the word).
import type { Gazetteer, NameMatch } from '../../geo/gazetteer.js';
import type { Translit } from '../../geo/normalize.js';
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

/** What is known of a lower-case word: its bits, and the gazetteer's answer for it as a name alone (as
 * written in `text`: the answer of the last spelling asked, "Aleppo" or "ALEPPO"). One lookup per word gives
 * both. */
export class WordInfo {
  text: string | undefined = undefined;
  gaz: Gazetteer | undefined = undefined;
  match: NameMatch | undefined = undefined;
  /** the translit's lastKeyWords of the word as written in lastText (same-name.ts) */
  lastText: string | undefined = undefined;
  lastTr: Translit | undefined = undefined;
  lastKeys: string[] | null = null;
  constructor(readonly bits: number) {}
}

/** The words seen, lower-case, with what is known of them (bounded: started again past 200,000 words). */
export class WordTable {
  private map = new Map<string, WordInfo>();
  constructor(private readonly lexBits: Map<string, number>) {}

  get(lower: string): WordInfo {
    let w = this.map.get(lower);
    if (w === undefined) {
      if (this.map.size > 200000) this.map = new Map();
      w = new WordInfo(this.lexBits.get(lower) ?? 0);
      this.map.set(lower, w);
    }
    return w;
  }
}

const TABLES = new WeakMap<PlacesLexicon, WordTable>();

/** The word table of a lexicon, made once. */
export function wordTable(lex: PlacesLexicon): WordTable {
  let t = TABLES.get(lex);
  if (!t) TABLES.set(lex, (t = new WordTable(lexiconBits(lex))));
  return t;
}

/** lower-case word → its bits. */
function lexiconBits(lex: PlacesLexicon): Map<string, number> {
  const map = new Map<string, number>();
  const mark = (words: Iterable<string>, bit: number) => {
    for (const w of words) map.set(w, (map.get(w) ?? 0) | bit);
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
  return map;
}
