// The actors stage's per-document context and the helpers every extractor uses: the case test of a
// dictionary alias, spans of units, pushing an actor (it takes its units), the unit at an offset.
import type { Actor, Place, Span } from '../../core/types.js';
import { type ActorLexicon, type DictActor } from './lexicon.js';
import { type Unit } from './units.js';

export const slug = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface Ctx {
  text: string;
  units: Unit[];
  taken: Uint8Array;
  actors: Actor[];
  lex: ActorLexicon;
  places: Place[];
  /** unit index → place covering it */
  placeAt: Int32Array;
  /** unit index → the lexicons its key starts an entry of (first-words.ts) */
  first: Uint16Array;
  /** the language puts a force's nationality or side after it ("l'armée syrienne": Language.adjectivesFollowNouns) */
  modifiersAfter: boolean;
}

/** Does unit i start an entry of the lexicon with this bit (FIRST)? False past the end. */
export const starts = (c: Ctx, i: number, bit: number): boolean => i < c.first.length && (c.first[i] & bit) !== 0;

export function caseOk(c: Ctx, i: number, end: number, e: DictActor): boolean {
  const u = c.units;
  if (e.caseMode === 'exact') {
    for (let j = i; j < end; j++) if (!u[j].upper && !/^\d/.test(u[j].text)) return false;
    return true;
  }
  // first content word capitalised; petrarch entries: every content word capitalised
  let seen = false;
  for (let j = i; j < end; j++) {
    if (c.lex.nameJoiners.has(u[j].key) && end - i > 1) continue;
    if (!u[j].cap) {
      if (!seen || e.source === 'petrarch') return false;
    }
    seen = true;
  }
  return seen;
}

export function span(u: Unit[], i: number, end: number): Span {
  return { start: u[i].start, end: u[end - 1].end };
}

export function push(c: Ctx, i: number, end: number, a: Omit<Actor, 'start' | 'end' | 'text' | 'evidence'>, rule: string): Actor {
  const sp = span(c.units, i, end);
  const actor: Actor = { start: sp.start, end: sp.end, text: c.text.slice(sp.start, sp.end), ...a, evidence: [{ rule: `actors.${rule}`, span: sp }] };
  for (let j = i; j < end; j++) c.taken[j] = 1;
  c.actors.push(actor);
  return actor;
}

/** Index of the first unit starting at or after offset (binary search), or -1. */
export function unitAt(u: Unit[], offset: number): number {
  let lo = 0;
  let hi = u.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (u[m].start < offset) lo = m + 1;
    else hi = m;
  }
  // a break before a sentence or after a punctuation mark starts where its next word does: the word is the unit
  while (lo + 1 < u.length && u[lo].end === u[lo].start && !u[lo].key && u[lo + 1].start === u[lo].start) lo++;
  return lo < u.length ? lo : -1;
}
