// Phrases of the events lexicon and how they match a sentence's tokens.
import type { Token } from '../../core/types.js';

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
interface FirstWordIndex {
  byWord: Map<string, Phrase[]>;
  prefixed: Phrase[];
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
  for (const [w, ps] of exact) byWord.set(w, prefixed.length ? [...ps, ...prefixed] : ps);
  return { byWord, prefixed };
}
export function phrasesAt(list: Phrase[], word: string): Phrase[] {
  let idx = indexes.get(list);
  if (!idx) indexes.set(list, (idx = firstWordIndex(list)));
  return idx.byWord.get(word) ?? idx.prefixed;
}

/** The first match of any phrase in toks[from, to): its token range, or null. */
export function findPhrase(toks: Token[], list: Phrase[], from = 0, to = toks.length): { start: number; end: number; phrase: Phrase } | null {
  for (let i = Math.max(0, from); i < Math.min(to, toks.length); i++) {
    for (const p of phrasesAt(list, toks[i].lower)) {
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

/** A list of words to look for in a sentence, sorted once by shape (a WeakMap per list). */
interface WordList {
  single: Set<string>;
  stems: string[];
  multi: string[];
}
const wordLists = new WeakMap<readonly string[], WordList>();
function wordList(ws: readonly string[]): WordList {
  let l = wordLists.get(ws);
  if (!l) {
    l = { single: new Set(), stems: [], multi: [] };
    for (const w of ws) {
      if (w.includes(' ')) l.multi.push(w);
      else if (w.endsWith('*')) l.stems.push(w);
      else l.single.add(w);
    }
    wordLists.set(ws, l);
  }
  return l;
}

/** A sentence's words, built once: the set of lower-case words and the joined text, for "needs_words". */
export class SentenceWords {
  private set: Set<string> | null = null;
  private joined: string | null = null;
  constructor(private readonly toks: Token[]) {}
  private readonly stems = new Map<string, boolean>();
  has(w: string): boolean {
    if (w.includes(' ')) return (this.joined ??= ' ' + this.toks.map((t) => t.lower).join(' ') + ' ').includes(' ' + w + ' ');
    if (w.endsWith('*')) {
      let found = this.stems.get(w);
      if (found === undefined) {
        const stem = w.slice(0, -1);
        found = this.toks.some((t) => t.lower.startsWith(stem));
        this.stems.set(w, found);
      }
      return found;
    }
    return (this.set ??= new Set(this.toks.map((t) => t.lower))).has(w);
  }
  /** Does any word of the list occur? One walk over the sentence for the single words (no set of the sentence built). */
  any(ws: readonly string[]): boolean {
    if (!ws.length) return false;
    const l = wordList(ws);
    if (l.single.size) {
      for (const t of this.toks) if (l.single.has(t.lower)) return true;
    }
    for (const w of l.stems) if (this.has(w)) return true;
    for (const w of l.multi) if (this.has(w)) return true;
    return false;
  }
}
