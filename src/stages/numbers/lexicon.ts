// The numbers lexicon: data/en/numbers/quantities.json compiled once into maps keyed by token text.
import { readFileSync } from 'node:fs';
import type { NonCountKind } from '../../core/types.js';
import { english, type Language } from '../../lang/index.js';

export type ModifierOp = 'atLeast' | 'moreThan' | 'nearly' | 'approx' | 'upTo' | 'lessThan';

export interface VagueEntry {
  words: string[];
  min: number;
  max: number;
  needsNext?: Set<string>;
}

export interface ModifierEntry {
  words: string[];
  op: ModifierOp;
}

export interface NumbersLexicon {
  units: Map<string, number>;
  tens: Map<string, number>;
  scales: Map<string, number>;
  multiplierWords: Map<string, number>;
  suffixes: Map<string, number>;
  aScale: Set<string>;
  /** The articles before a scale word ("a hundred", "an"), read as one. */
  indefiniteArticles: Set<string>;
  /** Words joining a scale word and the rest ("two hundred and five"). */
  scaleJoin: Set<string>;
  /** After a duration joined by hyphens, an age ("a five-year-old"). */
  ageAfterDuration: Set<string>;
  /** Before four digits starting with 0, a clock time ("at 0914"). */
  hhmmBefore: Set<string>;
  /** Vague entries by first word, longest first. */
  vague: Map<string, VagueEntry[]>;
  /** Modifier entries by first word, longest first. */
  modifiers: Map<string, ModifierEntry[]>;
  rangeStart: Set<string>;
  rangeJoin: Set<string>;
  rangeJoinAfterBetween: Set<string>;
  after: Map<string, NonCountKind>;
  afterSeq: { words: string[]; kind: NonCountKind }[];
  before: Map<string, NonCountKind>;
  yearBefore: Set<string>;
  yearNextOk: Set<string>;
  yearJoin: Set<string>;
  timeAfterAt: Set<string>;
  oneNotAfter: Set<string>;
  oneNotBefore: Set<string>;
  /** A comma between digits is the decimal mark and a period groups thousands (French "1,5", "1.200"). */
  decimalComma: boolean;
  /** Words joining tens and units ("vingt et un"). */
  tensJoin: Set<string>;
  /** After a number: "or more", "or so" (optional per language). */
  postModifiers: Map<string, ModifierEntry[]>;
  /** A fraction after a whole number word, as a token sequence ("and a half" = 0.5; also hyphenated "two-and-a-half"). */
  fractions: { words: string[]; value: number }[];
  /** A fraction before a scale word, as a token sequence ("half a" million = 500,000; "a quarter of a" million). */
  leadingFractions: { words: string[]; value: number }[];
  /** Words after which "12 345" is two numbers (a page, a phone, a date), not one grouped by a space. */
  spaceGroupNotAfter: Set<string>;
  /** Every word that can start a quantity (number words, vague words, modifiers, range starts, a/an). */
  starters: Set<string>;
}

interface Raw {
  units: Record<string, number>;
  tens: Record<string, number>;
  scales: Record<string, number>;
  multiplierWords: Record<string, number>;
  suffixes: Record<string, number>;
  aScale: string[];
  indefiniteArticles: string[];
  scaleJoin: string[];
  decimalComma?: boolean;
  tensJoin?: string[];
  postModifiers?: { words: string; op: ModifierOp }[];
  fractions?: Record<string, number>;
  leadingFractions?: Record<string, number>;
  spaceGroupNotAfter?: string[];
  vague: { words: string; min: number; max: number; needsNext?: string[] }[];
  modifiers: { words: string; op: ModifierOp }[];
  rangeStart: string[];
  rangeJoin: string[];
  rangeJoinAfterBetween: string[];
  oneIsNotACountAfter: string[];
  oneIsNotACountBefore: string[];
  nonCount: {
    after: Record<string, string[]>;
    afterSeq: { words: string; kind: string }[];
    before: Record<string, string[]>;
    yearNextOk: string[];
    yearJoin: string[];
    timeAfterAt: string[];
    ageAfterDuration: string[];
    hhmmBefore: string[];
  };
}

function byFirst<T extends { words: string[] }>(entries: T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const e of entries) {
    const k = e.words[0];
    if (!m.has(k)) m.set(k, []);
    m.get(k)!.push(e);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  return m;
}

export function compileNumbersLexicon(raw: Raw): NumbersLexicon {
  const split = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean);
  const after = new Map<string, NonCountKind>();
  for (const [kind, words] of Object.entries(raw.nonCount.after)) for (const w of words) if (!after.has(w)) after.set(w, kind as NonCountKind);
  const before = new Map<string, NonCountKind>();
  let yearBefore = new Set<string>();
  for (const [kind, words] of Object.entries(raw.nonCount.before)) {
    if (kind === 'year') { yearBefore = new Set(words); continue; }
    for (const w of words) if (!before.has(w)) before.set(w, kind as NonCountKind);
  }
  const starters = new Set<string>([...raw.indefiniteArticles, ...Object.keys(raw.units), ...Object.keys(raw.tens), ...raw.rangeStart]);
  for (const v of raw.vague) starters.add(split(v.words)[0]);
  for (const w of Object.keys(raw.leadingFractions ?? {})) starters.add(split(w)[0]);
  for (const m of raw.modifiers) starters.add(split(m.words)[0]);
  return {
    starters,
    units: new Map(Object.entries(raw.units)),
    tens: new Map(Object.entries(raw.tens)),
    scales: new Map(Object.entries(raw.scales)),
    multiplierWords: new Map(Object.entries(raw.multiplierWords)),
    suffixes: new Map(Object.entries(raw.suffixes)),
    aScale: new Set(raw.aScale),
    indefiniteArticles: new Set(raw.indefiniteArticles),
    scaleJoin: new Set(raw.scaleJoin),
    ageAfterDuration: new Set(raw.nonCount.ageAfterDuration),
    hhmmBefore: new Set(raw.nonCount.hhmmBefore),
    decimalComma: raw.decimalComma ?? false,
    tensJoin: new Set(raw.tensJoin ?? []),
    vague: byFirst(raw.vague.map((v) => ({ words: split(v.words), min: v.min, max: v.max, needsNext: v.needsNext ? new Set(v.needsNext) : undefined }))),
    modifiers: byFirst(raw.modifiers.map((m) => ({ words: split(m.words), op: m.op }))),
    postModifiers: byFirst((raw.postModifiers ?? []).map((m) => ({ words: split(m.words), op: m.op }))),
    fractions: Object.entries(raw.fractions ?? {}).map(([w, value]) => ({ words: split(w), value })).sort((a, b) => b.words.length - a.words.length),
    leadingFractions: Object.entries(raw.leadingFractions ?? {}).map(([w, value]) => ({ words: split(w), value })).sort((a, b) => b.words.length - a.words.length),
    spaceGroupNotAfter: new Set(raw.spaceGroupNotAfter ?? []),
    rangeStart: new Set(raw.rangeStart),
    rangeJoin: new Set(raw.rangeJoin),
    rangeJoinAfterBetween: new Set(raw.rangeJoinAfterBetween),
    after,
    afterSeq: raw.nonCount.afterSeq.map((x) => ({ words: split(x.words), kind: x.kind as NonCountKind })),
    before,
    yearBefore,
    yearNextOk: new Set(raw.nonCount.yearNextOk),
    yearJoin: new Set(raw.nonCount.yearJoin),
    timeAfterAt: new Set(raw.nonCount.timeAfterAt),
    oneNotAfter: new Set(raw.oneIsNotACountAfter),
    oneNotBefore: new Set(raw.oneIsNotACountBefore),
  };
}

export function loadNumbersLexicon(lang: Language = english): NumbersLexicon {
  return compileNumbersLexicon(JSON.parse(readFileSync(lang.data('numbers', 'quantities.json'), 'utf8')) as Raw);
}
