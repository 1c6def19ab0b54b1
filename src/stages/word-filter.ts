// A filter the stages put before their per-token map lookups (event triggers, date, number and
// framing starters, phrase indexes).
/**
 * A quick, allocation-free test before a map lookup: a bit per (first letter, last letter, length) of
 * the words added. No false negatives; most words of a text fail it and skip the hashing and probing
 * of a string key (a lookup of a token's word costs several times the test).
 */
export class WordFilter {
  private readonly bits = new Uint8Array(65536);
  add(w: string): void {
    this.bits[wordKey(w)] = 1;
  }
  mayHave(w: string): boolean {
    return this.bits[wordKey(w)] === 1;
  }
}
const wordKey = (w: string) => ((w.charCodeAt(0) * 31 + w.charCodeAt(w.length - 1)) * 31 + w.length) & 0xffff;
