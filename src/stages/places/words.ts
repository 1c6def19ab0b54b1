// The words of a document as the places stage reads them (names, short capitals, sentence starts), the
// place mention the detector makes of them, and title-case sentences. Detection is in detect.ts.
import type { Evidence, Span, Token } from '../../core/types.js';
import type { Gazetteer, Posting } from '../../geo/gazetteer.js';
import type { PlacesLexicon } from './lexicon.js';
import { wordTable, type WordInfo, type WordTable } from './word-bits.js';

/** A word of the text. Lower-case words are the tokens themselves (no copy); the flags are set on names only. */
export interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
  sentence: number;
  /** capitalised, or an article prefix glued to a capitalised word (al-Foua) */
  name?: boolean;
  /** all capitals, four letters or fewer (US, ISIS, T4) */
  short?: boolean;
  /** first word of its sentence (set on names) */
  first?: boolean;
}

/** The words of a document and what the detector and resolver ask of them often. */
export interface Words {
  words: Word[];
  lowers: string[];
  /** indexes of the name words, in order */
  names: number[];
  /** sentence index → index of its first word (-1 when it has none) */
  sentenceStart: number[];
  /** what is known of each word (word-bits.ts), looked up the first time it is asked for (wordInfo) */
  infos: (WordInfo | undefined)[];
  /** the lexicon's word table */
  table: WordTable;
}

/** What the word-bits functions read of the words. */
export type InfoWords = Pick<Words, 'infos' | 'lowers' | 'table'>;

/** What is known of word j (its lexicon bits, its gazetteer match alone), looked up in the word table the
 * first time a word is asked about (most words never are) and kept: one lookup per word. */
export function wordInfo(ws: InfoWords, j: number): WordInfo {
  const w = ws.infos[j];
  return w === undefined ? (ws.infos[j] = ws.table.get(ws.lowers[j])) : w;
}

/** Word j's lexicon bits (word-bits.ts: WB); 0 outside the words. */
export function wbits(ws: InfoWords, j: number): number {
  const w = ws.infos[j];
  if (w !== undefined) return w.bits;
  if (j < 0 || j >= ws.lowers.length) return 0;
  return (ws.infos[j] = ws.table.get(ws.lowers[j])).bits;
}

export interface MentionCue {
  rule: string;
  kind: string;
  span: Span;
}

/** A place mention. A class, so that every mention has one shape (the resolver reads many of them). */
export class Mention {
  /** the name part (without an included cue word) */
  nameStart: number;
  nameEnd: number;
  /** the postings come from the consonant skeleton only (other vowels): trusted in the article's country only */
  skeleton = false;
  /** a cue says it is a place, of this kind */
  cue: MentionCue | undefined = undefined;
  /** admin1 wanted ("Idlib province", "province of Raqqa") */
  region = false;
  /** city wanted ("Idleb city", "the city of X") */
  city = false;
  qualifier: string | undefined = undefined;
  qualifierSpan: Span | undefined = undefined;
  precision: 1 | 2 | 3 = 1;
  /** the place stands for its state or people ("US-led", "US airstrikes", "the Kherson governor"): the word that says so */
  attributive: Span | undefined = undefined;
  /** the place names a state acting as an organisation ("the Government of Iraq", "Russia must"): the words that say so (state-actor.ts) */
  state: Span | undefined = undefined;
  /** a dateline at the start of a paragraph ("TRIPOLI —", "PARIS:", "MOSCOW (Sputnik)"): where the report was filed */
  dateline = false;
  /** a place named in a relation after it ("X, north of Y", "X in Y") */
  parentHint: Mention | undefined = undefined;
  /** the parent was reached past other names of a list ("Foua and Kafraya in Idlib province") */
  parentOverList = false;
  parentRelation: string | undefined = undefined;

  constructor(
    public start: number,
    public end: number,
    /** index of the first and last word of the name */
    public wi: number,
    public wj: number,
    public key: string,
    public postings: Posting[],
    public sentence: number,
    public evidence: Evidence[],
  ) {
    this.nameStart = start;
    this.nameEnd = end;
  }
}

export const LETTER_UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;
const DOTTED = /(?:\p{Lu}\.){2,4}/uy;
const NOT_LETTER = /[^\p{L}\d]/gu;

/** A word: capitalised (or an article prefix glued to a capitalised word), short all-capital. */
function makeWord(t: string, lower: string, start: number, sentence: number, first: boolean, lex: PlacesLexicon): Word {
  const c0 = t.charCodeAt(0);
  let name = c0 >= 65 && c0 <= 90 ? true : c0 < 128 ? false : LETTER_UPPER.test(t);
  if (!name) {
    const h = t.indexOf('-');
    if (h > 0 && lex.articlePrefixes.has(lower.slice(0, h)) && LETTER_UPPER.test(t.slice(h + 1))) name = true;
  }
  let short = false;
  if (name && t.length <= 8) {
    const c1 = t.length > 1 ? t.charCodeAt(1) : 0;
    // (a lower-case second letter settles it: "Aleppo" is no acronym)
    if (!(c1 >= 97 && c1 <= 122)) short = !HAS_LOWER.test(t) && t.replace(NOT_LETTER, '').length <= 4;
  }
  return { text: t, lower, start, end: start + t.length, sentence, name, short, first };
}

/** The index of the first word after a mention (past the words its span reaches into; words.length at the end). */
export function wordAfter(words: readonly Word[], m: { readonly wj: number; readonly end: number }): number {
  let k = m.wj + 1;
  while (k < words.length && words[k].start < m.end) k++;
  return k;
}

/** Words from tokens: hyphenated tokens split into their parts (US-led → US, led; al-Foua stays whole). */
export function toWords(text: string, tokens: readonly Token[], lex: PlacesLexicon): Words {
  const out: Word[] = [];
  let prevSentence = -1;
  let skipUntil = -1;
  for (let ti = 0; ti < tokens.length; ti++) {
    const tok = tokens[ti];
    if (tok.start < skipUntil) continue;
    const t = tok.text;
    const first = tok.sentence !== prevSentence;
    prevSentence = tok.sentence;
    const c0 = t.charCodeAt(0);
    if (c0 >= 65 && c0 <= 90 && tok.kind === 'word' && text.charCodeAt(tok.start + 1) === 46) {
      // "U.S.", "U.N.": one word with its dots
      DOTTED.lastIndex = tok.start;
      const m = DOTTED.exec(text);
      if (m && m.index === tok.start) {
        out.push(makeWord(m[0], m[0].toLowerCase(), tok.start, tok.sentence, first, lex));
        skipUntil = tok.start + m[0].length;
        continue;
      }
    }
    if (tok.kind !== 'word' || t.indexOf('-') < 0) {
      // no hyphen: a name only when capitalised (most words are the token itself)
      if ((c0 >= 65 && c0 <= 90) || (c0 >= 128 && LETTER_UPPER.test(t))) out.push(makeWord(t, tok.lower, tok.start, tok.sentence, first, lex));
      else out.push(tok);
      continue;
    }
    // hyphenated: split, gluing an article prefix to the part after it
    const parts = t.split('-');
    let at = tok.start;
    let firstPart = first;
    for (let k = 0; k < parts.length; k++) {
      let p = parts[k];
      const s = at;
      if (k + 1 < parts.length && lex.articlePrefixes.has(p.toLowerCase()) && parts[k + 1]) {
        p = p + '-' + parts[k + 1];
        k++;
      }
      if (p) {
        out.push(makeWord(p, p.toLowerCase(), s, tok.sentence, firstPart, lex));
        firstPart = false;
      }
      at = s + p.length + 1;
    }
  }
  // lower-case forms, name indexes and where each sentence starts, in one more walk
  const lowers: string[] = new Array(out.length);
  const names: number[] = [];
  const sentenceStart: number[] = [];
  let s = -1;
  for (let i = 0; i < out.length; i++) {
    const w = out[i];
    lowers[i] = w.lower;
    if (w.name) names.push(i);
    if (w.sentence !== s) {
      s = w.sentence;
      while (sentenceStart.length < s) sentenceStart.push(-1);
      sentenceStart[s] = i;
    }
  }
  return { words: out, lowers, names, sentenceStart, infos: new Array<WordInfo | undefined>(out.length), table: wordTable(lex) };
}

/** Is sentence s in title case ("Army Shells Rebel Districts As Talks Stall In Capital")? Hardly a lower-case
 * content word of four letters or more: capitals say nothing there. */
export function isTitleSentence(ws: Words, lex: PlacesLexicon, s: number): boolean {
  const from = ws.sentenceStart[s] ?? -1;
  if (from < 0) return false;
  let low = 0;
  let all = 0;
  for (let i = from; i < ws.words.length && ws.words[i].sentence === s; i++) {
    const w = ws.words[i];
    if (w.text.length < 4) continue;
    const lower = ws.lowers[i];
    const ch = lower.charCodeAt(0);
    if (((ch >= 97 && ch <= 122) || ch > 191) && !lex.functionWords.has(lower)) {
      all++;
      if (!w.name) low++;
    }
  }
  return all - low >= 4 && low / all <= 0.15;
}

export interface DetectContext extends Words {
  text: string;
  gaz: Gazetteer;
  lex: PlacesLexicon;
  /** the language puts adjectives after the noun, in lower case: a known name may go on with them ("Arabie
   * saoudite", "Émirats arabes unis"; Language.adjectivesFollowNouns) */
  adjectivesFollowNouns?: boolean;
}

/** Whether the noun phrase ends before word k: the sentence ends, or punctuation or a function word (a
 * preposition, a conjunction, a determiner) follows ("in Kaduna state,", "Gezira state on Monday"; not
 * "state news agency"). */
export function endsPhraseAt(x: { words: readonly Word[]; lowers: readonly string[]; lex: PlacesLexicon; text: string }, k: number): boolean {
  const { words, lowers, lex, text } = x;
  // ("state-run", "the former Soviet state of Georgia": a compound, or a state of something, goes on)
  if (k > 0 && k <= words.length && text[words[k - 1].end] === '-') return false;
  if (k >= words.length || k === 0 || words[k].sentence !== words[k - 1].sentence) return true;
  const w = lowers[k];
  if (lex.genitivePrepositions.has(w)) return false;
  return !/\p{L}/u.test(w) || lex.functionWords.has(w) || lex.locativePrepositions.has(w) || lex.copulativeConjunctions.has(w);
}
