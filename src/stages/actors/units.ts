// Match units: the words of a text as the actor dictionary sees them. Hyphenated words are split into
// their pieces ("al-Nusra" → al, nusra; so "al Nusra" matches too), apostrophes and diacritics are
// dropped from the key ("Hay'at" → hayat), a possessive 's is the unit "s", and punctuation other
// than . - ' is a break that no alias crosses. Sentence ends are breaks too.
import type { Token } from '../../core/types.js';
import { TOKEN } from '../sentences/tokenize.js';

export interface Unit {
  start: number;
  end: number;
  /** Surface text of the piece. */
  text: string;
  /** Normalised key: lower case, no diacritics, no apostrophes. '' for a break. */
  key: string;
  /** Capitalised (first letter upper case), or a digit. */
  cap: boolean;
  /** All letters upper case (acronym shape). */
  upper: boolean;
  /** Index of the token the unit comes from. */
  token: number;
  sentence: number;
}

const MARKS = /[\u0300-\u036f]/g;
/** Whether s is ASCII letters and digits only (a loop: the test runs on every token, twice). */
function isPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
export function normKey(s: string): string {
  if (isPlain(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(MARKS, '').replace(/['’`]/g, '').toLowerCase();
}

/**
 * A token's lower form when its text is plain ASCII letters and digits (it is then normKey of the text,
 * as a string whose hash earlier stages already computed), else null.
 */
export function plainLower(t: { text: string; lower: string }): string | null {
  return t.lower.length === t.text.length && isPlain(t.text) ? t.lower : null;
}

const ZERO_WIDTH = /^[\p{Cf}\u200b\ufeff]+$/u;
const SOFT_PUNCT = new Set(['.', "'", '’', '-', '‘']);

/** Units of a token list (the document's tokens, or an alias tokenised on its own). */
export function toUnits(tokens: readonly Token[]): Unit[] {
  const out: Unit[] = [];
  let lastSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.sentence !== lastSentence && out.length) out.push(brk(t.start, i, t.sentence));
    lastSentence = t.sentence;
    // zero-width characters are not breaks (none of them is below U+00AD: the test skipped for the rest)
    if (t.text.charCodeAt(0) >= 0xad && ZERO_WIDTH.test(t.text)) continue;
    if (t.kind === 'punct' || t.kind === 'symbol') {
      if (!SOFT_PUNCT.has(t.text)) out.push(brk(t.start, i, t.sentence));
      continue;
    }
    if (t.text === "'s" || t.text === '’s') {
      out.push({ start: t.start, end: t.end, text: t.text, key: 's', cap: false, upper: false, token: i, sentence: t.sentence });
      continue;
    }
    // a word without a hyphen is one unit; its key is the token's lower form when it is plain ASCII
    if (!t.text.includes('-')) {
      out.push(unit(t.text, t.start, plainLower(t), i, t.sentence));
      continue;
    }
    // split on hyphens
    let off = 0;
    for (const piece of t.text.split('-')) {
      if (piece) out.push(unit(piece, t.start + off, null, i, t.sentence));
      off += piece.length + 1;
    }
  }
  return out;
}

/** The unit of one piece of a token; `plainLower` is its lower form when known to be plain ASCII. */
function unit(piece: string, s: number, plainLower: string | null, token: number, sentence: number): Unit {
  const c = piece[0];
  const lower = plainLower ?? piece.toLowerCase();
  const cl = lower[0];
  return {
    start: s,
    end: s + piece.length,
    text: piece,
    key: plainLower ?? (isPlain(piece) ? lower : normKey(piece)),
    cap: c !== cl || (c >= '0' && c <= '9'),
    upper: piece.length > 1 ? piece !== lower && piece === piece.toUpperCase() : c !== cl,
    token,
    sentence,
  };
}

function brk(at: number, token: number, sentence: number): Unit {
  return { start: at, end: at, text: '', key: '', cap: false, upper: false, token, sentence };
}

// The sentence tokenizer's word pattern, for aliases and lexicon phrases.
const WORD = new RegExp(TOKEN.source, 'gu');
/** Units of a short phrase (an alias), offsets relative to the phrase. */
export function phraseUnits(phrase: string): Unit[] {
  const toks: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(phrase); m; m = WORD.exec(phrase)) {
    const w = m[0];
    const poss = /^(.+?)(['’]s)$/u.exec(w);
    const pieces: [string, number][] = poss && /\p{L}/u.test(poss[1]) ? [[poss[1], m.index], [poss[2], m.index + poss[1].length]] : [[w, m.index]];
    for (const [p, at] of pieces) {
      const c = p[0];
      const kind = /\d/.test(c) ? 'number' : /[\p{L}\p{M}]/u.test(c) ? 'word' : 'punct';
      toks.push({ start: at, end: at + p.length, text: p, lower: p.toLowerCase(), kind: p === "'s" || p === '’s' ? 'word' : kind, sentence: 0 });
    }
  }
  return toUnits(toks);
}

/** Keys of a phrase's units ("Syria's army" → ['syria', 's', 'army']). */
const PLAIN_PHRASE = /^[A-Za-z]+(?: [A-Za-z]+)*$/;
export function phraseKeys(phrase: string): string[] {
  if (PLAIN_PHRASE.test(phrase)) return phrase.toLowerCase().split(' ');
  return phraseUnits(phrase).filter((u) => u.key).map((u) => u.key);
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>> | null;
  value: T | undefined;
  has: boolean;
}

/** A phrase index: a trie over unit keys; the first phrase added for a key sequence wins. */
export class PhraseIndex<T> {
  private readonly root: TrieNode<T> = { next: new Map(), value: undefined, has: false };
  add(keys: string[], value: T): boolean {
    if (!keys.length) return false;
    let n = this.root;
    for (const k of keys) {
      if (!n.next) n.next = new Map();
      let m = n.next.get(k);
      if (!m) n.next.set(k, (m = { next: null, value: undefined, has: false }));
      n = m;
    }
    if (n.has) return false;
    n.value = value;
    n.has = true;
    return true;
  }
  /** Kept for callers that sealed the old index; the trie needs no sealing. */
  seal(): this {
    return this;
  }
  /** The ends (exclusive) and values of every phrase that matches the units starting at i, longest first. */
  matchesAt(units: readonly { key: string }[], i: number): { end: number; value: T }[] {
    const found: { end: number; value: T }[] = [];
    let n: TrieNode<T> | undefined = this.root;
    for (let j = i; j < units.length && n && n.next; j++) {
      const key = units[j].key;
      if (!key) break;
      n = n.next.get(key);
      if (n && n.has) found.push({ end: j + 1, value: n.value as T });
    }
    return found.reverse();
  }
  longestAt(units: readonly { key: string }[], i: number): { end: number; value: T } | null {
    let best: { end: number; value: T } | null = null;
    let n: TrieNode<T> | undefined = this.root;
    for (let j = i; j < units.length && n && n.next; j++) {
      const key = units[j].key;
      if (!key) break;
      n = n.next.get(key);
      if (n && n.has) best = { end: j + 1, value: n.value as T };
    }
    return best;
  }
  /** longestAt over a plain array of keys (one per token; '' is a break). */
  longestAtKeys(keys: readonly string[], i: number): { end: number; value: T } | null {
    let end = -1;
    let value: T | undefined;
    let n: TrieNode<T> | undefined = this.root;
    for (let j = i; j < keys.length && n && n.next; j++) {
      const key = keys[j];
      if (!key) break;
      n = n.next.get(key);
      if (n && n.has) {
        end = j + 1;
        value = n.value;
      }
    }
    return end < 0 ? null : { end, value: value as T };
  }
  has(key: string): boolean {
    return !!this.root.next?.has(key);
  }
  /** The keys an entry starts with. */
  firstKeys(): IterableIterator<string> {
    return (this.root.next ?? new Map<string, TrieNode<T>>()).keys();
  }
}
