// Match units: the words of a text as the actor dictionary sees them. Hyphenated words are split into
// their pieces ("al-Nusra" → al, nusra; so "al Nusra" matches too), apostrophes and diacritics are
// dropped from the key ("Hay'at" → hayat), a possessive 's is the unit "s", and punctuation other
// than . - ' is a break that no alias crosses. Sentence ends are breaks too.
import type { Token } from '../../core/types.js';

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
export function normKey(s: string): string {
  return s.normalize('NFD').replace(MARKS, '').replace(/['’`]/g, '').toLowerCase();
}

const SOFT_PUNCT = new Set(['.', "'", '’', '-', '‘']);

/** Units of a token list (the document's tokens, or an alias tokenised on its own). */
export function toUnits(tokens: readonly Token[]): Unit[] {
  const out: Unit[] = [];
  let lastSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.sentence !== lastSentence && out.length) out.push(brk(t.start, i, t.sentence));
    lastSentence = t.sentence;
    if (/^[\p{Cf}\u200b\ufeff]+$/u.test(t.text)) continue; // zero-width characters are not breaks
    if (t.kind === 'punct' || t.kind === 'symbol') {
      if (!SOFT_PUNCT.has(t.text)) out.push(brk(t.start, i, t.sentence));
      continue;
    }
    if (t.text === "'s" || t.text === '’s') {
      out.push({ start: t.start, end: t.end, text: t.text, key: 's', cap: false, upper: false, token: i, sentence: t.sentence });
      continue;
    }
    // split on hyphens
    let off = 0;
    for (const piece of t.text.split('-')) {
      if (piece) {
        const s = t.start + off;
        const c = piece[0];
        out.push({
          start: s,
          end: s + piece.length,
          text: piece,
          key: normKey(piece),
          cap: c !== c.toLowerCase() || /\d/.test(c),
          upper: piece.length > 1 ? piece === piece.toUpperCase() && piece !== piece.toLowerCase() : c !== c.toLowerCase(),
          token: i,
          sentence: t.sentence,
        });
      }
      off += piece.length + 1;
    }
  }
  return out;
}

function brk(at: number, token: number, sentence: number): Unit {
  return { start: at, end: at, text: '', key: '', cap: false, upper: false, token, sentence };
}

// The same word pattern as the sentence tokenizer, for aliases and lexicon phrases.
const WORD = /\d+(?:[.,]\d+)*|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:['’\-][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]/gu;
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
export function phraseKeys(phrase: string): string[] {
  return phraseUnits(phrase).filter((u) => u.key).map((u) => u.key);
}

/** A trie-less phrase index: first key → phrases (as key lists), longest first. */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { keys: string[]; value: T }[]>();
  add(keys: string[], value: T): boolean {
    if (!keys.length) return false;
    let list = this.byFirst.get(keys[0]);
    if (!list) this.byFirst.set(keys[0], (list = []));
    const k = keys.join(' ');
    if (list.some((e) => e.keys.join(' ') === k)) return false;
    list.push({ keys, value });
    return true;
  }
  /** Sort candidate lists longest first (call once after adding). */
  seal(): this {
    for (const list of this.byFirst.values()) list.sort((a, b) => b.keys.length - a.keys.length);
    return this;
  }
  /** Every phrase that matches the units starting at i, longest first. */
  *matchesAt(units: readonly Unit[], i: number): Generator<{ end: number; value: T }> {
    const list = this.byFirst.get(units[i].key);
    if (!list) return;
    outer: for (const e of list) {
      if (i + e.keys.length > units.length) continue;
      for (let j = 1; j < e.keys.length; j++) if (units[i + j].key !== e.keys[j]) continue outer;
      yield { end: i + e.keys.length, value: e.value };
    }
  }
  longestAt(units: readonly Unit[], i: number): { end: number; value: T } | null {
    for (const m of this.matchesAt(units, i)) return m;
    return null;
  }
  has(key: string): boolean {
    return this.byFirst.has(key);
  }
}
