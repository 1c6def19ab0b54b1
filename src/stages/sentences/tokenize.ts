// Tokens of the sentences. Words keep internal hyphens and apostrophes ("al-Rashideen",
// "twenty-five", "don't") but a final possessive ’s is its own token; numbers keep their grouping
// ("20,000", "1.2", "2,70,000"); every other character that is not white space is a token of its own.
// The rule is TOKEN below; plain ASCII text (most of every article) is scanned by a character loop
// that gives exactly what TOKEN gives, and TOKEN itself runs only from a character outside ASCII.
import type { Sentence, Token, TokenKind } from '../../core/types.js';

/** The token rule. Sticky: tried at one position, where the scanner hands over. */
export const TOKEN = /\d+(?:[.,]\d+)*|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:['’\-][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]/uy;

const LETTER = /[\p{L}\p{M}]/u;
const PUNCT = /\p{P}/u;
const NONE: ReadonlySet<string> = new Set();

// ASCII character classes: 1 letter, 2 digit, 4 white space
const CLASS = new Uint8Array(128);
for (let c = 65; c <= 90; c++) CLASS[c] = CLASS[c + 32] = 1;
for (let c = 48; c <= 57; c++) CLASS[c] = 2;
for (const c of [9, 10, 11, 12, 13, 32]) CLASS[c] = 4;
const APOS = 0x2019;

/** 1 ASCII letter, 2 digit, 4 ASCII white space, 0 other ASCII, 8 outside ASCII (or past the end: -1). */
function classAt(s: string, i: number): number {
  if (i >= s.length) return -1;
  const c = s.charCodeAt(i);
  return c < 128 ? CLASS[c] : 8;
}

/**
 * The end of the token starting at i of s, for a token that starts with an ASCII letter or digit;
 * -1 when a character outside ASCII decides it (then TOKEN decides).
 */
function asciiEnd(s: string, i: number): number {
  let k = i + 1;
  if (CLASS[s.charCodeAt(i)] === 2) {
    while (classAt(s, k) === 2) k++;
    for (;;) {
      const c = s.charCodeAt(k);
      if ((c === 46 || c === 44) && classAt(s, k + 1) === 2) {
        k += 2;
        while (classAt(s, k) === 2) k++;
      } else return k;
    }
  }
  for (;;) {
    const t = classAt(s, k);
    if (t === 1 || t === 2) k++;
    else if (t === 8 && s.charCodeAt(k) !== APOS) return -1;
    else {
      const c = s.charCodeAt(k);
      if (c !== 39 && c !== 45 && c !== APOS) return k;
      const n = classAt(s, k + 1);
      if (n === 8) return -1;
      if (n !== 1 && n !== 2) return k;
      k += 2;
    }
  }
}

export function tokenize(text: string, sentences: Sentence[], elisions: ReadonlySet<string> = NONE): Token[] {
  const tokens: Token[] = [];
  const push = (word: string, at: number, sentence: number) => {
    const c = word.charCodeAt(0);
    // an ASCII letter needs no Unicode class test
    const ascii = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    const kind: TokenKind =
      c >= 48 && c <= 57 ? 'number' : ascii || LETTER.test(word[0]) || word === "'s" || word === '’s' ? 'word' : PUNCT.test(word[0]) ? 'punct' : 'symbol';
    tokens.push({ start: at, end: at + word.length, text: word, lower: word.toLowerCase(), kind, sentence });
  };
  for (const s of sentences) {
    const part = text.slice(s.start, s.end);
    let i = 0;
    while (i < part.length) {
      const c = part.charCodeAt(i);
      let n: number;
      if (c < 128) {
        const t = CLASS[c];
        if (t === 4) {
          i++;
          continue;
        }
        n = t === 0 ? 1 : asciiEnd(part, i) - i;
      } else n = -1;
      if (n < 0) {
        TOKEN.lastIndex = i;
        const m = TOKEN.exec(part);
        if (!m) {
          // white space outside ASCII (a no-break space): skip its code unit(s)
          i++;
          continue;
        }
        n = m[0].length;
      }
      const word = part.slice(i, i + n);
      const start = s.start + i;
      i += n;
      // an elided word is its own token ("l'armée" → "l'", "armée"); its lower form takes a straight apostrophe
      if (elisions.size) {
        // "l' ONU" (the apostrophe, then a space): the elided word keeps its apostrophe
        const after = part[i];
        if ((after === "'" || after === '’') && elisions.has(word.toLowerCase())) {
          tokens.push({ start, end: start + n + 1, text: word + after, lower: word.toLowerCase() + "'", kind: 'word', sentence: s.index });
          i++;
          continue;
        }
        const ap = elidedAt(word, elisions);
        if (ap > 0) {
          tokens.push({ start, end: start + ap + 1, text: word.slice(0, ap + 1), lower: word.slice(0, ap).toLowerCase() + "'", kind: 'word', sentence: s.index });
          push(word.slice(ap + 1), start + ap + 1, s.index);
          continue;
        }
      }
      // a final possessive ’s is its own token ("Aleppo’s" → "Aleppo", "’s")
      if (n > 2 && (word[n - 1] === 's' || word[n - 1] === 'S') && (word[n - 2] === '’' || word[n - 2] === "'") && LETTER.test(word[0])) {
        push(word.slice(0, n - 2), start, s.index);
        push(word.slice(n - 2), start + n - 2, s.index);
      } else push(word, start, s.index);
    }
  }
  return tokens;
}

/** Index of the apostrophe after an elided first word ("l'armée" → 1, "jusqu'à" → 5), or -1. */
function elidedAt(word: string, elisions: ReadonlySet<string>): number {
  for (let i = 1; i < 8 && i < word.length - 1; i++) {
    const ch = word[i];
    if (ch === "'" || ch === '’') return elisions.has(word.slice(0, i).toLowerCase()) ? i : -1;
    if (!LETTER.test(ch)) return -1;
  }
  return -1;
}
