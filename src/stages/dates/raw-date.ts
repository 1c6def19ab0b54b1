// The raw date mention (RawDate, Spec) the extractors return, the context they read, and the token
// tests they share. Resolution against the reference date happens later (resolve.ts).
import type { DatePrecision, Token } from '../../core/types.js';
import { dayNumber } from './calendar.js';
import type { DatesLexicon, PeriodSpec } from './lexicon.js';

export type Spec =
  | { t: 'abs'; y: number | null; m: number; d: number | null; mod?: number; yearOffset?: number }
  | { t: 'year'; y: number }
  | { t: 'weekday'; wd: number; mod: number | null }
  | { t: 'rel'; days: number }
  /** counted from the day named last in the text */
  | { t: 'anaphor'; days: number }
  | { t: 'period'; p: PeriodSpec }
  | { t: 'past'; days: number; precision: DatePrecision }
  | { t: 'ago'; n: number; unit: 'day' | 'week' | 'month' | 'year' };

export type Tense = 'past' | 'future' | 'near';

export interface RawDate {
  /** token range [s, e) */
  s: number;
  e: number;
  spec: Spec;
  rule: string;
  /** tense of the clause: 'future' when it refers forward ("will", "is expected to"), 'near' for a
   * future seen from the past ("would", "was due to": the nearest such day either way), else 'past' */
  tense: Tense;
  /** the clause is past by a cue ("stormed", "was"), not by default: a day named without its year is then never
   * much after the reference day ("stormed the town on Oct. 7" in July is last October) */
  pastCued?: boolean;
  /** "since X": the range runs from X to the reference day */
  since?: boolean;
  /** "between X and Y": the end of the range */
  to?: RawDate;
  /** char offset where a trailing clock time starts ("14:28") */
  timeAt?: number;
}

export interface ExtractContext {
  tokens: Token[];
  lex: DatesLexicon;
  /** Publication date as a day number (for D/M vs M/D order); may be null. */
  published: number | null;
  /** Set while reading the halves of a range ("between April and May"): a bare month or year needs no other cue. */
  rangeTail?: boolean;
}

/** A cue phrase ending right before token j, in j's sentence. */
export function cued(c: ExtractContext, cues: DatesLexicon['monthCues'], j: number): boolean {
  if (c.rangeTail) return true;
  return j > 0 && same(c.tokens, j, j - 1) && cues.matchEndingAt(c.tokens, j - 1) != null;
}

export const DIGITS = /^\d+$/;
export const CAP = /^\p{Lu}/u;

export function adj(tk: Token[], a: number, b: number): boolean {
  return b < tk.length && tk[a].end === tk[b].start;
}
export function same(tk: Token[], a: number, b: number): boolean {
  return b < tk.length && b >= 0 && tk[a].sentence === tk[b].sentence;
}
export function intAt(tk: Token[], j: number, min: number, max: number, maxLen: number): number | null {
  const t = tk[j];
  if (!t || t.kind !== 'number' || t.text.length > maxLen || !DIGITS.test(t.text)) return null;
  const v = +t.text;
  return v >= min && v <= max ? v : null;
}

export function valid(y: number | null, m: number, d: number | null): boolean {
  if (d == null) return true;
  return dayNumber(y ?? 2016, m, d) != null; // 2016 is a leap year: 29 February stays possible without a year
}
