// The shape of one language's table of sentences: the same constructions in every language, so that
// test/lang/languages.test.ts runs one set of checks over each language Sitrep reads. Each table is
// its own sentences, written for Sitrep (never benchmark text).
import type { ClaimCategory } from '../../src/core/types.js';

export interface ClaimWant {
  /** The count: one number, or [min, max] with null for an open end. */
  value: number | [number | null, number | null];
  category: ClaimCategory;
  /** The source's name, a part of it, or null for none. Not checked when absent. */
  source?: string | null;
  /** The claim's place as written, or null for none. Not checked when absent. */
  place?: string | null;
  /** The resolved day, or null. Not checked when absent. */
  date?: string | null;
  hedged?: boolean;
}

export interface LangCase {
  /** What the sentence exercises, the same label in every language ("count in words, killed, source after"). */
  label: string;
  text: string;
  published?: string;
  /** Every claim, in text order (an empty list: no claim at all). */
  claims?: ClaimWant[];
  /** Place mentions that must be found, as written (a subset of what is found). */
  places?: string[];
  /** Place mentions that must not be found. */
  notPlaces?: string[];
}

export interface LangTable {
  /** Language code, as the documents carry it. */
  lang: string;
  cases: LangCase[];
}
