// Phrases of the events lexicon and how they match a sentence's tokens.
import type { Token } from '../../core/types.js';
import { WordFilter } from '../word-filter.js';

export interface Phrase {
  words: string[];
  /** the last word is a prefix ("clash*") */
  prefix: boolean;
}

export const phrase = (s: string): Phrase => {
  const prefix = s.endsWith('*');
  return { words: (prefix ? s.slice(0, -1) : s).toLowerCase().split(/\s+/).filter(Boolean), prefix };
};

/** Does the phrase match the tokens starting at i? Returns the index after the match, or -1. */
export function matchAt(toks: Token[], i: number, p: Phrase): number {
  let k = i;
  for (let w = 0; w < p.words.length; w++) {
    // skip punctuation inside a phrase ("air-strike" is one token, "air strike" two)
    while (k < toks.length && toks[k].kind === 'punct' && toks[k].text !== '-') k++;
    if (k >= toks.length) return -1;
    const t = toks[k].lower;
    const last = w === p.words.length - 1;
    if (last && p.prefix ? !t.startsWith(p.words[w]) : t !== p.words[w]) return -1;
    k++;
  }
  return k;
}

/**
 * Phrases of a list by their first word, each list already followed by the one-word prefix phrases
 * (the list under "*"), built once per list: a lookup allocates nothing.
 */
export interface FirstWordIndex {
  byWord: Map<string, Phrase[]>;
  prefixed: Phrase[];
  /** a quick filter over byWord's keys */
  firsts: WordFilter;
}
const indexes = new WeakMap<Phrase[], FirstWordIndex>();
function firstWordIndex(list: Phrase[]): FirstWordIndex {
  const exact = new Map<string, Phrase[]>();
  const prefixed: Phrase[] = [];
  for (const p of list) {
    if (p.prefix && p.words.length === 1) prefixed.push(p);
    else exact.set(p.words[0], [...(exact.get(p.words[0]) ?? []), p]);
  }
  const byWord = new Map<string, Phrase[]>();
  const firsts = new WordFilter();
  for (const [w, ps] of exact) {
    byWord.set(w, prefixed.length ? [...ps, ...prefixed] : ps);
    firsts.add(w);
  }
  return { byWord, prefixed, firsts };
}
/** The phrases of an index that may start at a word (those of the word, else the prefix phrases). */
export function phrasesOf(idx: FirstWordIndex, word: string): Phrase[] {
  return (idx.firsts.mayHave(word) && idx.byWord.get(word)) || idx.prefixed;
}
/** A list's first-word index (looked up once per walk, not once per token). */
export function phraseIndex(list: Phrase[]): FirstWordIndex {
  let idx = indexes.get(list);
  if (!idx) indexes.set(list, (idx = firstWordIndex(list)));
  return idx;
}
export function phrasesAt(list: Phrase[], word: string): Phrase[] {
  return phrasesOf(phraseIndex(list), word);
}

/** The first match of any phrase in toks[from, to): its token range, or null. */
export function findPhrase(toks: Token[], list: Phrase[], from = 0, to = toks.length): { start: number; end: number; phrase: Phrase } | null {
  const idx = phraseIndex(list);
  for (let i = Math.max(0, from); i < Math.min(to, toks.length); i++) {
    for (const p of phrasesOf(idx, toks[i].lower)) {
      const e = matchAt(toks, i, p);
      if (e > 0 && e <= to) return { start: i, end: e, phrase: p };
    }
  }
  return null;
}

/** Does a phrase of the list end exactly at token index `end` (exclusive), starting within `reach` tokens? */
export function phraseEndsAt(toks: Token[], list: Phrase[], end: number): boolean {
  for (const p of list) {
    for (let s = Math.max(0, end - p.words.length - 2); s < end; s++) if (matchAt(toks, s, p) === end) return true;
  }
  return false;
}

/** What a word means to a WordListIndex: the bits of the lists holding it, and the phrases of several words it begins. */
interface ListWord {
  bits: number;
  multi: { rest: string[]; bit: number }[] | null;
}

/**
 * Several word lists (a rule's "needs_words") looked for in one walk over a sentence: each list has a
 * bit, and a sentence's mask holds the bits of the lists it meets. A list's entry is a word (matched as
 * a token's lower form), a stem ending in "*" (a prefix of one), or words separated by spaces (tokens
 * in a row).
 */
export class WordListIndex {
  private readonly bits = new Map<readonly string[], number>();
  private readonly words = new Map<string, ListWord>();
  private readonly filter = new WordFilter();
  private readonly stems: { stem: string; bit: number }[] = [];

  constructor(lists: Iterable<readonly string[]>) {
    for (const ws of lists) {
      if (this.bits.has(ws) || !ws.length) continue;
      if (this.bits.size >= 30) throw new Error('WordListIndex: more than 30 word lists');
      const bit = 1 << this.bits.size;
      this.bits.set(ws, bit);
      for (const w of ws) {
        if (w.includes(' ')) {
          const [first, ...rest] = w.split(' ');
          (this.entry(first).multi ??= []).push({ rest, bit });
        } else if (w.endsWith('*')) this.stems.push({ stem: w.slice(0, -1), bit });
        else this.entry(w).bits |= bit;
      }
    }
  }

  private entry(w: string): ListWord {
    let e = this.words.get(w);
    if (!e) {
      this.words.set(w, (e = { bits: 0, multi: null }));
      this.filter.add(w);
    }
    return e;
  }

  /** The bit of a list given to the constructor (0 for another or an empty one). */
  bit(ws: readonly string[]): number {
    return this.bits.get(ws) ?? 0;
  }

  /** The bits of the lists the sentence meets. */
  scan(toks: Token[]): number {
    let mask = 0;
    const stems = this.stems;
    for (let i = 0; i < toks.length; i++) {
      const w = toks[i].lower;
      const e = this.filter.mayHave(w) ? this.words.get(w) : undefined;
      if (e) {
        mask |= e.bits;
        if (e.multi) for (const m of e.multi) if (followedBy(toks, i + 1, m.rest)) mask |= m.bit;
      }
      for (let k = 0; k < stems.length; k++) if (w.startsWith(stems[k].stem)) mask |= stems[k].bit;
    }
    return mask;
  }
}

/** Are the tokens from i on these words, in a row? */
function followedBy(toks: Token[], i: number, words: string[]): boolean {
  if (i + words.length > toks.length) return false;
  for (let k = 0; k < words.length; k++) if (toks[i + k].lower !== words[k]) return false;
  return true;
}

/** A sentence's words, scanned once (on first need) for the word lists of an index. */
export class SentenceWords {
  private mask = -1;
  private scanned: WordListIndex | null = null;
  constructor(private readonly toks: Token[]) {}
  /** Does the sentence meet the list (one of the index's)? */
  meets(index: WordListIndex, ws: readonly string[]): boolean {
    if (this.scanned !== index) {
      this.mask = index.scan(this.toks);
      this.scanned = index;
    }
    return (this.mask & index.bit(ws)) !== 0;
  }
}
