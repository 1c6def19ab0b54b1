// Shared state of the claims stage: the token view, the counted group and category records, and the few word tests every construction uses.
import type { Analysis, Claim, ClaimCategory, Token } from '../../core/types.js';
import type { ClaimsLexicon } from './lexicon.js';
import { tokenIndexAt } from '../sentences/index.js';
import { endsWithAny } from '../endings.js';

export interface Group {
  /** token indices of the first and last token of the group */
  first: number;
  last: number;
  /** token index of the (final) head noun */
  head: number;
  kind: 'people' | 'vehicle' | 'them';
  rule: string;
  /** "one father and his son": a second single person counted on their own */
  paired?: { first: number; head: number; last: number };
  /** "17 government and 26 opposition fighters": the head is shared with the next count's group */
  sharedHead?: boolean;
}

export interface Cat {
  category: ClaimCategory;
  rule: string;
  /** token range of the cue */
  start: number;
  end: number;
}

export interface Ctx {
  a: Analysis;
  toks: Token[];
  lex: ClaimsLexicon;
  /** token indices covered by a quantity */
  inQ: Uint8Array;
  /** per sentence's first token: where the first cue of a time before the news (pastCues) ends, or Infinity */
  pastCueEnd?: Map<number, number>;
}

export const lowerBound = tokenIndexAt;

export const isWord = (t: Token) => t.kind === 'word';

/** A plural noun: a plural ending, or a plural without one ("people", "police"). */
export const isPlural = (lex: ClaimsLexicon, w: string) => endsWithAny(w, lex.pluralEndings) || lex.pluralWithoutS.has(w);

/** A noun that counts animals or things: no people or vehicle noun, a plural or one of thingNouns ("goats", "cattle"). */
export const isThingNoun = (lex: ClaimsLexicon, w: string) => !headKind(lex, w) && (isPlural(lex, w) || lex.thingNouns.has(w));

export function headKind(lex: ClaimsLexicon, w: string): 'people' | 'vehicle' | null {
  if (lex.vehicles.has(w)) return 'vehicle';
  if (lex.people.has(w)) return 'people';
  return null;
}

export interface Draft {
  qi: number;
  qj: number;
  min: number | null;
  max: number | null;
  approx: boolean;
  qSpan: { start: number; end: number };
  /** where the bare number starts, after its modifier ("estimated 3,000"): a statement about it may start there */
  coreStart?: number;
  qText: string;
  singular: boolean;
  qRule: string;
  /** a named person counted as one (named.ts): the draft spans the name */
  named?: boolean;
  /** a pronoun standing for a named person (named.ts): that person's name */
  alias?: string;
}

export function hedgedSentence(c: Ctx, from: number, end: number): boolean {
  for (let k = from; k < end; k++) if (c.lex.hedges.at(c.toks, k, end)) return true;
  return false;
}

/**
 * A claim with every field present, in one order, whichever construction made it: V8 then gives all
 * claims one hidden class, and the code reading them (here, in the events stage) stays optimised instead
 * of being deoptimised ("wrong map") each time a claim of another key set comes by. An optional field
 * left out is undefined, which JSON drops: the records do not change.
 */
export function claimOf(c: Claim): Claim {
  return {
    start: c.start,
    end: c.end,
    quantity: c.quantity,
    value: c.value,
    category: c.category,
    who: c.who,
    source: c.source,
    hedged: c.hedged,
    place: c.place,
    date: c.date,
    sentence: c.sentence,
    evidence: c.evidence,
    whoSpan: c.whoSpan,
    dateUntil: c.dateUntil,
  };
}
