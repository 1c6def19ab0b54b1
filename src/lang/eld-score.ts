// eld's scoring, done over the compact table (./eld-cache.ts) without making objects. eld's own detector
// keeps every n-gram's scores as an object keyed by language index and walks them with for...in, which
// turns each index into a string key; with the table behind a lookup proxy, most of a detection went
// there (~75 µs per 240-character sample). This scorer follows eld's steps (same version, same
// table, eld's own separator pattern and byte dictionary, loaded from the package) and adds the same
// integers, so the winner and the scores are eld's to the digit; eld-cache.test.ts compares them.
//
// eld's steps: the first 1,000 characters; runs of non-letters become one space (eld's pattern); trim,
// lower case; each character becomes its UTF-8 bytes, a byte above 0x7f spelled as one character of
// eld's dictionary; words split at spaces, the text cut at the first space after 350 bytes (at any
// character after 380); each word (its first 70 characters) gives 4-byte n-grams every 3 bytes, the
// first marked by a leading space, and its ending with a trailing space. Each distinct n-gram adds
// (score + 53) to every language the table scores it for; the best language must score above 0.
import type { Eld } from './eld-cache.js';

/** The compact table: sorted keys, and for each key its offset into `data` (count, then pairs language, score). */
export interface CompactScores {
  keys: readonly string[];
  at: Int32Array;
  data: string;
  /** added to every number in data */
  base: number;
  /** language code by index */
  codes: readonly string[];
}

/** eld's pieces this scorer needs from the package. */
export interface EldText {
  separators: RegExp;
  dictionary: readonly string[];
}

const MAX_CHARS = 1000;
const CUT_AFTER = 350;
const FORCE_CUT_AFTER = 380;
const MAX_WORD = 70;
const BASE_NGRAM_SCORE = 53;
const SCALE = 25;
const MEMO_LIMIT = 100_000;

/** The text's words, each character spelled as its UTF-8 bytes in eld's dictionary. */
function byteWords(text: string, dictionary: readonly string[]): string[] {
  const words: string[] = [];
  let word = '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c === 32) {
        if (word) words.push(word), (word = '');
        if (bytes > CUT_AFTER) break;
      } else word += text[i];
      bytes += 1;
    } else if (c < 0x800) {
      word += dictionary[0xc0 | (c >> 6)] + dictionary[0x80 | (c & 0x3f)];
      bytes += 2;
    } else if (c < 0xd800 || c >= 0xe000) {
      word += dictionary[0xe0 | (c >> 12)] + dictionary[0x80 | ((c >> 6) & 0x3f)] + dictionary[0x80 | (c & 0x3f)];
      bytes += 3;
    } else {
      i++;
      c = 0x10000 + (((c & 0x3ff) << 10) | (text.charCodeAt(i) & 0x3ff));
      word += dictionary[0xf0 | (c >> 18)] + dictionary[0x80 | ((c >> 12) & 0x3f)] + dictionary[0x80 | ((c >> 6) & 0x3f)] + dictionary[0x80 | (c & 0x3f)];
      bytes += 4;
    }
    if (bytes > FORCE_CUT_AFTER) break;
  }
  if (word) words.push(word);
  return words;
}

/** The distinct n-grams of the words, as eld cuts them. */
function ngramsOf(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const word of words) {
    const len = Math.min(word.length, MAX_WORD);
    let j = 0;
    for (; j + 4 < len; j += 3) out.add((j === 0 ? ' ' : '') + word.substring(j, j + 4));
    // the ending runs to the end of the whole word, as eld's does, even past the 70 characters
    out.add((j === 0 ? ' ' : '') + word.substring(len !== 3 ? len - 4 : 0) + ' ');
  }
  return out;
}

/** eld's detector over the compact table. */
export function compactDetector(t: CompactScores, text: EldText): Eld {
  const memo = new Map<string, number>();
  const offsetOf = (key: string): number => {
    const known = memo.get(key);
    if (known !== undefined) return known;
    let found = -1;
    let lo = 0;
    let hi = t.keys.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const k = t.keys[mid];
      if (k === key) {
        found = t.at[mid];
        break;
      }
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    if (memo.size < MEMO_LIMIT) memo.set(key, found);
    return found;
  };
  const n = t.codes.length;

  function detect(input: string): { language: string; getScores(): Record<string, number> } {
    const cleaned = input.substring(0, MAX_CHARS).replace(text.separators, ' ').trim().toLowerCase();
    const grams = ngramsOf(byteWords(cleaned, text.dictionary));
    const sums = new Float64Array(n);
    for (const g of grams) {
      const i = offsetOf(g);
      if (i < 0) continue;
      for (let j = i + 1, end = i + 1 + 2 * (t.data.charCodeAt(i) - t.base); j < end; j += 2) {
        sums[t.data.charCodeAt(j) - t.base] += t.data.charCodeAt(j + 1) - t.base + BASE_NGRAM_SCORE;
      }
    }
    let best = -1;
    for (let l = 0; l < n; l++) if (sums[l] > 0 && (best < 0 || sums[l] > sums[best])) best = l;
    if (best < 0) return { language: '', getScores: () => ({}) };
    const count = grams.size;
    return {
      language: t.codes[best],
      getScores() {
        const scores: Record<string, number> = {};
        for (let l = 0; l < n; l++) {
          if (sums[l] <= 0) continue;
          const perGram = sums[l] / count;
          scores[t.codes[l]] = perGram / (perGram + SCALE);
        }
        return scores;
      },
    };
  }
  return { detect };
}
