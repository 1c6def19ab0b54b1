// Multiword phrase tables over token `lower`s, keyed by first and last token: the claims lexicon's lookups.
import type { Token } from '../../core/types.js';

export interface Phrase<T> {
  words: string[];
  value: T;
}

/** Multiword phrases over token `lower`s, matched longest first. */
export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Phrase<T>[]>();
  private readonly byLast = new Map<string, Phrase<T>[]>();

  add(text: string, value: T): void {
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return;
    const p = { words, value };
    for (const [map, key] of [[this.byFirst, words[0]], [this.byLast, words[words.length - 1]]] as const) {
      if (!map.has(key)) map.set(key, []);
      const list = map.get(key)!;
      if (!list.some((x) => x.words.join(' ') === p.words.join(' '))) list.push(p);
      list.sort((a, b) => b.words.length - a.words.length);
    }
  }

  /** The longest phrase starting at token k (tokens up to `limit`, exclusive). */
  at(toks: Token[], k: number, limit: number): (Phrase<T> & { start: number; end: number }) | null {
    if (k < 0 || k >= limit) return null;
    const list = this.byFirst.get(toks[k].lower);
    if (!list) return null;
    for (const p of list) {
      if (k + p.words.length > limit) continue;
      let ok = true;
      for (let i = 1; i < p.words.length; i++) if (toks[k + i].lower !== p.words[i]) { ok = false; break; }
      if (ok) return { words: p.words, value: p.value, start: k, end: k + p.words.length };
    }
    return null;
  }

  /** The longest phrase ending at token k (inclusive), starting no earlier than `floor`. */
  endingAt(toks: Token[], k: number, floor: number): (Phrase<T> & { start: number; end: number }) | null {
    if (k < floor || k >= toks.length) return null;
    const list = this.byLast.get(toks[k].lower);
    if (!list) return null;
    for (const p of list) {
      const s = k - p.words.length + 1;
      if (s < floor) continue;
      let ok = true;
      for (let i = 0; i < p.words.length - 1; i++) if (toks[s + i].lower !== p.words[i]) { ok = false; break; }
      if (ok) return { words: p.words, value: p.value, start: s, end: k + 1 };
    }
    return null;
  }
}
