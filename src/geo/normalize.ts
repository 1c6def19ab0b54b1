// Transliteration-tolerant keys for place names. The rules are data (data/en/places-translit.json):
// the gazetteer's names and the text's mentions are folded with the same rules, so "al-Foua",
// "Fuaa" and "al-Fu'ah" meet at one key. Compiled once; nameKey() is pure and cheap.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { english } from '../lang/en/index.js';

interface RuleSpec {
  id: string;
  pattern: string;
  replace: string;
  notFirst?: boolean;
}

interface TranslitSpec {
  fold: Record<string, string>;
  articlePrefixes: string[];
  wordRules: RuleSpec[];
  collapseDoubles: boolean;
}

export interface Translit {
  /** Folds a name to its matching key ('' when nothing Latin is left). */
  key(name: string): string;
  /** key() of words that stand apart in the text (see separates): the same key, from per-word work done
   * once per word rather than once per name. */
  keyOfWords(words: readonly string[]): string;
  /** The last word of the key of a name ending in this word, as it folds last of several words or alone
   * ([] when the key is '', null when it cannot be told from the word alone). A quick "cannot be equal". */
  lastKeyWords(word: string): string[] | null;
  /** Do the characters text[from..to) keep the words on either side two words in a key (spaces, hyphens)? */
  separates(text: string, from: number, to: number): boolean;
  /** The article prefixes ("al", "el"...), dropped before another word. */
  readonly prefixes: ReadonlySet<string>;
  /** sha1 of the rules file, part of the gazetteer cache stamp. */
  readonly hash: string;
}

/** The transliteration table the gazetteer's keys are built with (English romanisation of Arabic names). */
export const TRANSLIT_FILE = (): string => english.data('places-translit.json');

export function loadTranslit(file = TRANSLIT_FILE()): Translit {
  const raw = readFileSync(file, 'utf8');
  const spec = JSON.parse(raw) as TranslitSpec;
  if (!spec.fold || !Array.isArray(spec.wordRules) || !Array.isArray(spec.articlePrefixes)) {
    throw new Error(`places-translit: ${file} lacks fold, wordRules or articlePrefixes`);
  }
  return compileTranslit(spec, createHash('sha1').update(raw).digest('hex'));
}

const MARKS = /[\u0300-\u036f]/g;
const ASCII = /^[\x00-\x7f]*$/;
const NOT_LATIN = /[^a-z0-9 ]/;
const DOUBLES = /([a-z])\1+/g;
const SPACES = /\s+/;
const WHITE = /\s/;

/** Is words[i] the last non-empty word? */
function lastWord(words: readonly string[], i: number): boolean {
  for (let j = i + 1; j < words.length; j++) if (words[j]) return false;
  return true;
}

export function compileTranslit(spec: TranslitSpec, hash = ''): Translit {
  const foldChars = Object.keys(spec.fold);
  const foldRe = foldChars.length ? new RegExp('[' + foldChars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('') + ']', 'g') : null;
  const rules = spec.wordRules.map((r) => {
    try {
      return { re: new RegExp(r.pattern, 'g'), replace: r.replace, notFirst: !!r.notFirst };
    } catch (e) {
      throw new Error(`places-translit: rule "${r.id}" has a bad pattern "${r.pattern}": ${(e as Error).message}`);
    }
  });
  const prefixes = new Set(spec.articlePrefixes);
  const cache = new Map<string, string>();

  // words recur in many names ("Deir" in "Deir ez-Zor", "Deir Hafer"...): each word is rewritten once
  const firstWords = new Map<string, string>();
  const laterWords = new Map<string, string>();
  const word = (w: string, first: boolean): string => {
    const memo = first ? firstWords : laterWords;
    const hit = memo.get(w);
    if (hit !== undefined) return hit;
    let out = w;
    for (const r of rules) {
      if (r.notFirst && first) continue;
      r.re.lastIndex = 0;
      out = out.replace(r.re, r.replace);
    }
    if (spec.collapseDoubles) out = out.replace(DOUBLES, '$1');
    if (memo.size > 100000) memo.clear();
    memo.set(w, out);
    return out;
  };

  // the key of sub-words (lower case, marks and fold characters done): article prefixes dropped before
  // another word, each word rewritten by the rules ('' when a word has other than Latin letters left)
  const keyOfParts = (words: readonly string[]): string => {
    for (const w of words) if (w && NOT_LATIN.test(w)) return '';
    let out = '';
    let kept = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w) continue;
      if (prefixes.has(w) && !lastWord(words, i)) continue;
      const folded = word(w, kept === 0);
      if (folded) {
        out += kept ? ' ' + folded : folded;
        kept++;
      }
    }
    return out;
  };
  const prepare = (name: string): string[] => {
    let s = ASCII.test(name) ? name.toLowerCase() : name.normalize('NFD').replace(MARKS, '').toLowerCase();
    if (foldRe) s = s.replace(foldRe, (c) => spec.fold[c]);
    return s.split(SPACES);
  };

  const key = (name: string): string => {
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    const out = keyOfParts(prepare(name));
    if (cache.size > 300000) cache.clear();
    cache.set(name, out);
    return out;
  };

  // the same, word by word: each word prepared once, whatever names it appears in
  const partsCache = new Map<string, string[]>();
  const partsOf = (w: string): string[] => {
    let p = partsCache.get(w);
    if (!p) {
      p = prepare(w).filter(Boolean);
      if (partsCache.size > 100000) partsCache.clear();
      partsCache.set(w, p);
    }
    return p;
  };
  const keyOfWords = (ws: readonly string[]): string => {
    const all: string[] = [];
    for (const w of ws) for (const x of partsOf(w)) all.push(x);
    return keyOfParts(all);
  };
  const lastKeyWords = (w: string): string[] | null => {
    const p = partsOf(w);
    if (!p.length) return null;
    const last = p[p.length - 1];
    if (NOT_LATIN.test(last)) return [];
    const a = word(last, true);
    const b = word(last, false);
    return a && b ? [a, b] : null;
  };

  // characters between two words that keep them two words (spaces, and what folds to a space)
  const spaceCodes = new Set<number>();
  const goneCodes = new Set<number>();
  for (const [c, to] of Object.entries(spec.fold)) {
    if (c.length !== 1) continue;
    if (to === ' ') spaceCodes.add(c.charCodeAt(0));
    else if (to === '') goneCodes.add(c.charCodeAt(0));
  }
  const separates = (text: string, from: number, to: number): boolean => {
    let space = false;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (goneCodes.has(c)) continue;
      if (c === 32 || spaceCodes.has(c) || WHITE.test(text[k])) space = true;
      else return false;
    }
    return space;
  };
  return { key, keyOfWords, lastKeyWords, separates, prefixes, hash };
}

/** The consonant skeleton of a folded key ("dair hafir" → "~dr hfr"): a last resort for vowel spellings
 * ("Der Hafir" / "Dayr Hafir", "Kensabba" / "Kinsabba"). '' when too short to be telling. */
export function skeletonKey(key: string): string {
  let out = '';
  let consonants = 0;
  for (const w of key.split(' ')) {
    if (!w) continue;
    let sk = w[0];
    for (let i = 1; i < w.length; i++) if (!'aeiou'.includes(w[i])) sk += w[i];
    consonants += sk.length;
    out += (out ? ' ' : '') + sk;
  }
  return consonants >= 4 ? '~' + out : '';
}

