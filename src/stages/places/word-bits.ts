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
  constructor(private readonly lex: PlacesLexicon) {}

  get(lower: string): WordInfo {
    let w = this.map.get(lower);
    if (w === undefined) {
      if (this.map.size > 200000) this.map = new Map();
      w = new WordInfo(lexiconBits(this.lex, lower));
      this.map.set(lower, w);
    }
    return w;
  }
}

const TABLES = new WeakMap<PlacesLexicon, WordTable>();

/** The word table of a lexicon, made once. */
export function wordTable(lex: PlacesLexicon): WordTable {
  let t = TABLES.get(lex);
  if (!t) TABLES.set(lex, (t = new WordTable(lex)));
  return t;
}

/**
 * A lower-case word's bits, asked of each list when the word is first seen (the table keeps the answer):
 * a start analysing one article asks a few hundred words instead of indexing every word of the lists.
 */
function lexiconBits(lex: PlacesLexicon, w: string): number {
  let b = 0;
  if (lex.connectors.has(w)) b |= WB.connector;
  if (lex.demonyms.has(w)) b |= WB.demonym;
  if (lex.stopNames.has(w)) b |= WB.stopName;
  if (lex.cueWords.has(w)) b |= WB.cueWord;
  if (lex.nameHeads.has(w)) b |= WB.nameHead;
  if (lex.functionWords.has(w)) b |= WB.functionWord;
  if (lex.articlePrefixes.has(w)) b |= WB.articlePrefix;
  if (lex.directions.has(w)) b |= WB.direction;
  if (lex.personTitles.has(w)) b |= WB.personTitle;
  if (lex.orgHeadsAfter.has(w)) b |= WB.orgHeadAfter;
  if (lex.locativePrepositions.has(w)) b |= WB.locativePreposition;
  if (lex.unknownPlacePrepositions.has(w)) b |= WB.unknownPlacePreposition;
  if (lex.givenNames.has(w)) b |= WB.givenName;
  if (lex.cuesAfter.byFirst.has(w)) b |= WB.cueAfterFirst;
  return b;
}
