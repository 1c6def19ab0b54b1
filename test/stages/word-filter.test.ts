// The quick filter before per-token lookups: never a false negative, a bit per key (words whose keys
// fall on each of a word's 32 bit positions, and the last key), and most other words fail it.
import { describe, expect, it } from 'vitest';
import { WordFilter, filterOf } from '../../src/stages/word-filter.js';

describe('WordFilter', () => {
  it.each<[string[], string[], string[]]>([
    // added, must pass, must fail (different first letter, last letter or length)
    [['killed', 'wounded', 'shelling'], ['killed', 'wounded', 'shelling'], ['kill', 'Killed', 'xilled', 'killex']],
    [['a', 'é', 'l\u2019'], ['a', 'é', 'l\u2019'], ['b', 'e', 'l']],
    [['\uffff\uffff'], ['\uffff\uffff'], ['\ufffe\uffff']],
  ])('%j', (added, yes, no) => {
    const f = new WordFilter();
    for (const w of added) f.add(w);
    for (const w of yes) expect(f.mayHave(w), w).toBe(true);
    for (const w of no) expect(f.mayHave(w), w).toBe(false);
  });

  it('keeps every word of many added (no false negative at any bit)', () => {
    const words = Array.from({ length: 5000 }, (_, i) => String.fromCharCode(97 + (i % 26)) + 'x'.repeat(i % 40) + String.fromCharCode(65 + ((i * 7) % 60)));
    const f = filterOf(new Set(words));
    expect(words.every((w) => f.mayHave(w))).toBe(true);
  });

  it('is 8 KB: one bit per key', () => {
    expect((new WordFilter() as unknown as { bits: Int32Array }).bits.byteLength).toBe(8192);
  });
});
