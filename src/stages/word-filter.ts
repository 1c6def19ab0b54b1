// A filter the stages put before their per-token map lookups (event triggers, date, number and
// framing starters, phrase indexes).
/**
 * A quick, allocation-free test before a map lookup: a bit per (first letter, last letter, length) of
 * the words added. No false negatives; most words of a text fail it and skip the hashing and probing
 * of a string key (a lookup of a token's word costs several times the test).
 */
export class WordFilter {
  /** One bit per key (8 KB: a byte per key made every filter 64 KB, in memory and in the lexicon cache). */
  private readonly bits = new Int32Array(2048);
  add(w: string): void {
    const k = wordKey(w);
    this.bits[k >>> 5] |= 1 << (k & 31);
  }
  mayHave(w: string): boolean {
    const k = wordKey(w);
    return (this.bits[k >>> 5] & (1 << (k & 31))) !== 0;
  }
}

const built = new WeakMap<object, WordFilter>();
/** The filter of a lexicon's words (a Set, or a Map's keys), built at its first use and kept with the collection. */
export function filterOf(words: ReadonlySet<string> | ReadonlyMap<string, unknown>): WordFilter {
  let f = built.get(words);
  if (!f) {
    f = new WordFilter();
    for (const w of words.keys()) f.add(w);
    built.set(words, f);
  }
  return f;
}

const wordKey = (w: string) => ((w.charCodeAt(0) * 31 + w.charCodeAt(w.length - 1)) * 31 + w.length) & 0xffff;
