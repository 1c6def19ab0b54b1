// Table-driven claim fixtures shared by the claims test files: rows of [text, quantity text, category
// expected on the claim on that quantity (null: no claim on it)], one describe per table.
import { describe, expect, it } from 'vitest';
import type { Claim } from '../../src/core/types.js';
import { analyze } from '../helpers.js';

export type Row = [string, string, string | null];

/** The claims on a quantity (written exactly so, or as a word of it), the one written exactly so first. */
export function claimsOn(text: string, q: string): Claim[] {
  const all = analyze(text).claims.filter((x) => x.quantity.text === q || x.quantity.text.endsWith(' ' + q) || x.quantity.text.startsWith(q + ' ') || x.quantity.text.startsWith(q + "'"));
  return [...all.filter((x) => x.quantity.text === q), ...all.filter((x) => x.quantity.text !== q)];
}

/** One describe per table, one test per row. */
export function categoryTables(tables: Record<string, Row[]>): void {
  for (const [name, rows] of Object.entries(tables)) {
    describe(name, () => {
      it.each(rows)('%s → %s: %s', (text, q, category) => {
        const c = claimsOn(text, q)[0];
        if (category === null) expect(c).toBeUndefined();
        else expect(c?.category).toBe(category);
      });
    });
  }
}
