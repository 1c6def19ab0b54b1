// The detector's per-document state (the runs of names, their segments, the mentions made so far) and the
// word tests its steps share. The steps are in runs.ts (runs and gazetteer matches in them), cues.ts (cue
// patterns), gaps.ts (unknown names a cue makes places) and same-name.ts; detect.ts runs them in order.
import type { Evidence } from '../../core/types.js';
import type { Gazetteer, Posting } from '../../geo/gazetteer.js';
import type { PlacesLexicon } from './lexicon.js';
import type { Match } from './gazetteer-match.js';
import { WB, type WordInfo, type WordTable } from './word-bits.js';
import { Mention, endsPhraseAt, isTitleSentence, wbits, type DetectContext, type Word } from './words.js';

export interface Run {
  a: number;
  b: number;
}

/** A part of a run: a gazetteer match (mention) or a gap of names the gazetteer does not know (mention null). */
export interface Segment {
  wi: number;
  wj: number;
  mention: Mention | null;
}

/** A gazetteer match kept in reserve (the word after a name head, "Mount | Sinjar"). */
export interface Fallback extends Match {
  /** the word the match starts at (after the name head) */
  wi: number;
}

/** Is words[j] a connector inside a name (al, de...) followed by a name word? */
export function isConnector(c: DetectContext, j: number): boolean {
  const w = c.words[j];
  if (!w || !(wbits(c, j) & WB.connector)) return false;
  const n = c.words[j + 1];
  return !!n && !!n.name && n.sentence === w.sentence;
}

/** A name word that can be part of a place name: capitalised, not a demonym, not a cue word. */
export function nameWord(c: DetectContext, j: number): boolean {
  const w = c.words[j];
  if (!w || !w.name) return false;
  if (wbits(c, j) & WB.demonym) {
    // "Syrian" alone is a demonym; "Turkmen Bari" is a name
    const n = c.words[j + 1];
    return !!n && !!n.name && n.sentence === w.sentence && !(wbits(c, j + 1) & (WB.demonym | WB.stopName));
  }
  return true;
}

/** The state of one document's detection, and the small tests over its words. */
export class DetectState {
  readonly words: Word[];
  readonly lowers: string[];
  readonly infos: (WordInfo | undefined)[];
  readonly table: WordTable;
  readonly lex: PlacesLexicon;
  readonly text: string;
  readonly gaz: Gazetteer;
  readonly mentions: Mention[] = [];
  readonly runs: Run[] = [];
  readonly runAtWord = new Map<number, number>();
  /** each run's segments, by run */
  segments: Segment[][] = [];
  readonly fallbacks: Fallback[] = [];
  /** mentions a longer reading replaced */
  readonly dropped = new Set<Mention>();
  /** where each run ends with the cue after it */
  extEnd: number[] = [];
  /** sentences known to be in title case or not */
  private readonly titles = new Map<number, boolean>();

  constructor(readonly c: DetectContext) {
    this.words = c.words;
    this.lowers = c.lowers;
    this.infos = c.infos;
    this.table = c.table;
    this.lex = c.lex;
    this.text = c.text;
    this.gaz = c.gaz;
  }

  isTitle(sentence: number): boolean {
    let t = this.titles.get(sentence);
    if (t === undefined) this.titles.set(sentence, (t = isTitleSentence(this.c, this.lex, sentence)));
    return t;
  }

  add(start: number, end: number, wi: number, wj: number, key: string, postings: Posting[], evidence: Evidence[]): Mention {
    const m = new Mention(start, end, wi, wj, key, postings, this.words[wi].sentence, evidence);
    this.mentions.push(m);
    return m;
  }

  /** a locative preposition before word k, over a definite article ("the") and up to two capitalised words ("at the Medical University") */
  locativeBefore(k: number): boolean {
    const { words, lowers } = this;
    let j = k - 1;
    for (let n = 0; j >= 0 && n < 2 && words[j].name && words[j].sentence === words[k].sentence; n++) j--;
    if (j >= 0 && this.lex.definiteArticles.has(lowers[j])) j--;
    return j >= 0 && words[j].sentence === words[k].sentence && (wbits(this, j) & WB.locativePreposition) !== 0;
  }

  /** The cue after a name starting at word k, or null; a cue that must end its noun phrase ("state") counts
   * only before punctuation, a preposition or a conjunction, or at the sentence's end ("in Kaduna state,",
   * not "Syria's state news agency"). */
  cueAfterAt(k: number): ReturnType<PlacesLexicon['cuesAfter']['matchAt']> {
    if (!(wbits(this, k) & WB.cueAfterFirst)) return null;
    const m = this.lex.cuesAfter.matchAt(this.lowers, k);
    return !m || !m.value.endsPhrase || endsPhraseAt(this, k + m.len) ? m : null;
  }

  /** an article prefix glued to the word ("al-Balad") */
  isGlued(k: number): boolean {
    const l = this.lowers[k];
    const h = l.indexOf('-');
    return h > 0 && this.lex.articlePrefixes.has(l.slice(0, h));
  }

  /** the word without a glued article prefix */
  bare(k: number): string {
    const l = this.lowers[k];
    const h = l.indexOf('-');
    return h > 0 && this.lex.articlePrefixes.has(l.slice(0, h)) ? l.slice(h + 1) : l;
  }
}
