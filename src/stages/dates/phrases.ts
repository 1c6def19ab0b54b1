// Multiword phrase lookup over tokens: phrases are space-separated lower-case token sequences,
// indexed by their first token, longest first. Matching never crosses a sentence.
import type { Token } from '../../core/types.js';
import { WordFilter } from '../word-filter.js';

export interface PhraseHit<T> {
  /** Index one past the last token of the phrase. */
  end: number;
  value: T;
  phrase: string;
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, { parts: string[]; value: T; phrase: string }[]>();
  private readonly byLast = new Map<string, { parts: string[]; value: T; phrase: string }[]>();
  private readonly firsts = new WordFilter();
  private readonly lasts = new WordFilter();

  constructor(entries: Iterable<[string, T]>) {
    for (const [phrase, value] of entries) {
      const parts = splitPhrase(phrase);
      if (parts.length === 0) continue;
      const e = { parts, value, phrase };
      push(this.byFirst, parts[0], e);
      push(this.byLast, parts[parts.length - 1], e);
      this.firsts.add(parts[0]);
      this.lasts.add(parts[parts.length - 1]);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.parts.length - a.parts.length);
    for (const list of this.byLast.values()) list.sort((a, b) => b.parts.length - a.parts.length);
  }

  /** The first tokens of all phrases (a quick filter before matching). */
  firstTokens(): Iterable<string> {
    return this.byFirst.keys();
  }

  /** The longest phrase starting at token i (within i's sentence and before `limit`). */
  matchAt(tokens: Token[], i: number, limit = tokens.length): PhraseHit<T> | null {
    const w = tokens[i].lower;
    if (!this.firsts.mayHave(w)) return null;
    const list = this.byFirst.get(w);
    if (!list) return null;
    const sent = tokens[i].sentence;
    outer: for (const e of list) {
      const n = e.parts.length;
      if (i + n > limit) continue;
      for (let k = 1; k < n; k++) {
        const t = tokens[i + k];
        if (t.sentence !== sent || t.lower !== e.parts[k]) continue outer;
      }
      return { end: i + n, value: e.value, phrase: e.phrase };
    }
    return null;
  }

  /** The longest phrase ending at token j (inclusive), within j's sentence; returns its first index. */
  matchEndingAt(tokens: Token[], j: number, floor = 0): { start: number; value: T; phrase: string } | null {
    const w = tokens[j].lower;
    if (!this.lasts.mayHave(w)) return null;
    const list = this.byLast.get(w);
    if (!list) return null;
    const sent = tokens[j].sentence;
    outer: for (const e of list) {
      const n = e.parts.length;
      const s = j - n + 1;
      if (s < floor) continue;
      for (let k = 0; k < n - 1; k++) {
        const t = tokens[s + k];
        if (t.sentence !== sent || t.lower !== e.parts[k]) continue outer;
      }
      return { start: s, value: e.value, phrase: e.phrase };
    }
    return null;
  }
}

/** Split a phrase the way the tokenizer splits text: words (with inner hyphens/apostrophes) and punctuation. */
export function splitPhrase(phrase: string): string[] {
  const lower = phrase.toLowerCase();
  const words: string[] = [];
  for (const m of lower.matchAll(/\d+(?:[.,]\d+)*|[\p{L}\p{M}][\p{L}\p{M}\d]*(?:['’\-][\p{L}\p{M}\d]+)*|[^\s\p{L}\p{M}\d]/gu)) {
    const w = m[0];
    const end = m.index + w.length;
    // an elided word written before a space is one token with its apostrophe, as the tokenizer splits it
    // off ("l' an dernier": "l'", "an", "dernier"; the tokenizer's lower form has a straight apostrophe)
    const prev = words.length ? words[words.length - 1] : '';
    if ((w === "'" || w === '’') && /\p{L}$/u.test(prev) && lower[m.index - 1] !== undefined && !/\s/.test(lower[m.index - 1]) && (end === lower.length || /\s/.test(lower[end]))) {
      words[words.length - 1] = prev + "'";
      continue;
    }
    words.push(w);
  }
  // a final possessive is its own token, as in the tokenizer ("assad's" → "assad", "'s")
  return words.flatMap((w) => {
    const stem = w.slice(0, -2);
    return /['’]s$/u.test(w) && /\p{L}/u.test(stem) ? [stem, w.slice(-2)] : [w];
  });
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const l = m.get(k);
  if (l) l.push(v);
  else m.set(k, [v]);
}
