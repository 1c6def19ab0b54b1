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

/** The fold table's characters as one character class ('g'), or null when there are none. */
function foldPattern(spec: TranslitSpec): RegExp | null {
  const foldChars = Object.keys(spec.fold);
  return foldChars.length ? new RegExp('[' + foldChars.map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('') + ']', 'g') : null;
}

interface WordRule {
  re: RegExp;
  replace: string;
  notFirst: boolean;
}

function compileRules(spec: TranslitSpec): WordRule[] {
  return spec.wordRules.map((r) => {
    try {
      return { re: new RegExp(r.pattern, 'g'), replace: r.replace, notFirst: !!r.notFirst };
    } catch (e) {
      throw new Error(`places-translit: rule "${r.id}" has a bad pattern "${r.pattern}": ${(e as Error).message}`);
    }
  });
}

/** Character codes between two words that keep them two words (what folds to a space) and that vanish. */
function separatorCodes(spec: TranslitSpec): { spaceCodes: Set<number>; goneCodes: Set<number> } {
  const spaceCodes = new Set<number>();
  const goneCodes = new Set<number>();
  for (const [c, to] of Object.entries(spec.fold)) {
    if (c.length !== 1) continue;
    if (to === ' ') spaceCodes.add(c.charCodeAt(0));
    else if (to === '') goneCodes.add(c.charCodeAt(0));
  }
  return { spaceCodes, goneCodes };
}

/** A bounded memo: cleared when it grows past its limit. */
function remember<V>(memo: Map<string, V>, limit: number, k: string, v: V): V {
  if (memo.size > limit) memo.clear();
  memo.set(k, v);
  return v;
}

/** The compiled rules, with the work done per word and per name remembered. */
class CompiledTranslit implements Translit {
  readonly prefixes: ReadonlySet<string>;
  private readonly foldRe: RegExp | null;
  private readonly rules: WordRule[];
  private readonly spaceCodes: Set<number>;
  private readonly goneCodes: Set<number>;
  private readonly cache = new Map<string, string>();
  // words recur in many names ("Deir" in "Deir ez-Zor", "Deir Hafer"...): each word is rewritten once
  private readonly firstWords = new Map<string, string>();
  private readonly laterWords = new Map<string, string>();
  /** each word prepared once, whatever names it appears in */
  private readonly partsCache = new Map<string, string[]>();
  private readonly lastCache = new Map<string, string[] | null>();

  constructor(
    private readonly spec: TranslitSpec,
    readonly hash: string,
  ) {
    this.foldRe = foldPattern(spec);
    this.rules = compileRules(spec);
    this.prefixes = new Set(spec.articlePrefixes);
    ({ spaceCodes: this.spaceCodes, goneCodes: this.goneCodes } = separatorCodes(spec));
  }

  /** one word rewritten by the rules (first word of a key or a later one) */
  private word(w: string, first: boolean): string {
    const memo = first ? this.firstWords : this.laterWords;
    const hit = memo.get(w);
    if (hit !== undefined) return hit;
    let out = w;
    for (const r of this.rules) {
      if (r.notFirst && first) continue;
      r.re.lastIndex = 0;
      out = out.replace(r.re, r.replace);
    }
    if (this.spec.collapseDoubles) out = out.replace(DOUBLES, '$1');
    return remember(memo, 100000, w, out);
  }

  /** the key of sub-words (lower case, marks and fold characters done): article prefixes dropped before
   * another word, each word rewritten by the rules ('' when a word has other than Latin letters left) */
  private keyOfParts(words: readonly string[]): string {
    for (const w of words) if (w && NOT_LATIN.test(w)) return '';
    let out = '';
    let kept = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (!w) continue;
      if (this.prefixes.has(w) && !lastWord(words, i)) continue;
      const folded = this.word(w, kept === 0);
      if (folded) {
        out += kept ? ' ' + folded : folded;
        kept++;
      }
    }
    return out;
  }

  private prepare(name: string): string[] {
    let s = ASCII.test(name) ? name.toLowerCase() : name.normalize('NFD').replace(MARKS, '').toLowerCase();
    if (this.foldRe) s = s.replace(this.foldRe, (c) => this.spec.fold[c]);
    return s.split(SPACES);
  }

  key(name: string): string {
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit;
    return remember(this.cache, 300000, name, this.keyOfParts(this.prepare(name)));
  }

  private partsOf(w: string): string[] {
    const p = this.partsCache.get(w);
    return p ?? remember(this.partsCache, 100000, w, this.prepare(w).filter(Boolean));
  }

  keyOfWords(ws: readonly string[]): string {
    const all: string[] = [];
    for (const w of ws) for (const x of this.partsOf(w)) all.push(x);
    return this.keyOfParts(all);
  }

  lastKeyWords(w: string): string[] | null {
    const hit = this.lastCache.get(w);
    if (hit !== undefined) return hit;
    return remember(this.lastCache, 100000, w, this.lastKeyWordsOf(w));
  }

  private lastKeyWordsOf(w: string): string[] | null {
    const p = this.partsOf(w);
    if (!p.length) return null;
    const last = p[p.length - 1];
    if (NOT_LATIN.test(last)) return [];
    const a = this.word(last, true);
    const b = this.word(last, false);
    return a && b ? [a, b] : null;
  }

  separates(text: string, from: number, to: number): boolean {
    let space = false;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (this.goneCodes.has(c)) continue;
      if (c === 32 || this.spaceCodes.has(c) || WHITE.test(text[k])) space = true;
      else return false;
    }
    return space;
  }
}

export function compileTranslit(spec: TranslitSpec, hash = ''): Translit {
  return new CompiledTranslit(spec, hash);
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

