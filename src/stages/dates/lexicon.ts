// The dates lexicon (data/en/dates.json), validated and compiled once per process.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { once } from '../../core/once.js';
import { SitrepError } from '../../core/errors.js';
import { PhraseMatcher } from './phrases.js';
import { WordFilter } from '../word-filter.js';
import { english, type Language } from '../../lang/index.js';
import { compiled, moduleFiles } from '../../pipeline/compiled-cache.js';

/** The lexicon files' schemas, made when a lexicon is built (a start that reads the compiled cache never needs them). */
const schemas = once(() => {
  const Period = z.object({ unit: z.enum(['week', 'weekend', 'month', 'year']), offset: z.number().int(), toReference: z.boolean().optional() });

  const Schema = z.object({
    source: z.string(),
    about: z.string(),
    months: z.record(z.string(), z.number().int().min(1).max(12)),
    monthsNeedingCapital: z.array(z.string()),
    /** whether the language writes month names with a capital (English "in June"; French "en juin" does not):
     * a bare month, with no day or year, is then read only when capitalised */
    monthsCapitalised: z.boolean().default(true),
    /** month names of four letters or fewer that are whole words, not abbreviations ("May", "June") */
    wholeShortMonths: z.array(z.string()).default([]),
    /** words between a day and its month ("the 5th of May") */
    dayMonthLinks: z.array(z.string()).default([]),
    /** the partitive word ending a range head before its count ("the past couple of days") */
    partitives: z.array(z.string()).default([]),
    weekdays: z.record(z.string(), z.number().int().min(0).max(6)),
    weekdayAbbreviations: z.record(z.string(), z.number().int().min(0).max(6)),
    ordinalSuffixes: z.array(z.string()),
    dayParts: z.array(z.string()),
    dayPartPrefixes: z.array(z.string()),
    datelineCues: z.array(z.string()),
    datelineBlockers: z.array(z.string()),
    relativeDays: z.record(z.string(), z.number().int()),
    anaphoricDays: z.record(z.string(), z.number().int()),
    anaphoricDirections: z.record(z.string(), z.number().int().min(-1).max(1)),
    relativePeriods: z.record(z.string(), Period),
    pastRangeHeads: z.array(z.string()),
    pastRangeUnits: z.record(z.string(), z.number().int().min(0)),
    vagueRangeCounts: z.record(z.string(), z.number().int().min(1)),
    agoWords: z.array(z.string()),
    /** words before a count that make it a span back from the report ("il y a deux jours") */
    agoBefore: z.array(z.string()).default([]),
    numberWords: z.record(z.string(), z.number().int().min(1)),
    durationUnits: z.array(z.string()),
    longDurationUnits: z.array(z.string()),
    eventNouns: z.record(z.string(), z.string()),
    definiteMarkers: z.array(z.string()),
    eventDayReach: z.number().int().min(0),
    ageMarkers: z.array(z.string()),
    hyphenMonthPrefixes: z.array(z.string()),
    monthCues: z.array(z.string()),
    monthOnlyCues: z.array(z.string()),
    weakMonthCues: z.array(z.string()),
    ambiguousMonths: z.array(z.string()),
    yearCues: z.array(z.string()),
    weekdayModifiers: z.record(z.string(), z.number().int().min(-1).max(1)),
    rangeStarts: z.array(z.string()),
    rangeJoins: z.array(z.string()),
    dayRangeJoins: z.array(z.string()).default([]),
    sinceWords: z.array(z.string()),
    sinceArticles: z.array(z.string()).default([]),
    futureCues: z.array(z.string()),
    futureInPastCues: z.array(z.string()),
    futureOpeners: z.array(z.string()).default([]),
    pastCues: z.array(z.string()),
    participleAuxiliaries: z.array(z.string()).default([]),
    timeZones: z.array(z.string()),
    reportingVerbs: z.array(z.string()),
    reportingSkip: z.array(z.string()),
    relativeWords: z.array(z.string()).default([]),
    datelineWindow: z.object({ start: z.number().int().min(0), end: z.number().int().min(0) }),
  });
  return { Period, Schema };
});

export type PeriodSpec = z.infer<ReturnType<typeof schemas>['Period']>;

export interface DatesLexicon {
  months: Map<string, number>;
  monthsNeedingCapital: Set<string>;
  monthsCapitalised: boolean;
  wholeShortMonths: Set<string>;
  dayMonthLinks: Set<string>;
  partitives: Set<string>;
  weekdays: Map<string, number>;
  weekdayAbbreviations: Map<string, number>;
  ordinalSuffixes: Set<string>;
  dayParts: Set<string>;
  dayPartPrefixes: PhraseMatcher<true>;
  datelineCues: PhraseMatcher<true>;
  datelineBlockers: Set<string>;
  relativeDays: PhraseMatcher<number>;
  /** Days counted from the day the text named last ("the next day", "two days later"). */
  anaphoricDays: PhraseMatcher<number>;
  anaphoricDirections: Map<string, number>;
  relativePeriods: PhraseMatcher<PeriodSpec>;
  pastRangeHeads: PhraseMatcher<true>;
  pastRangeUnits: Map<string, number>;
  vagueRangeCounts: PhraseMatcher<number>;
  /** The count assumed for a plural unit with none ("in recent days"): the value of "several". */
  defaultVagueCount: number;
  agoWords: Set<string>;
  agoBefore: PhraseMatcher<true>;
  numberWords: Map<string, number>;
  durationUnits: Set<string>;
  /** Units of a span too long to pin a day ("five years"). */
  longDurationUnits: Set<string>;
  /** Nouns naming a happening, by form → lemma ("strikes" → "strike"): "the attack" takes the day the attack was named with. */
  eventNouns: Map<string, string>;
  definiteMarkers: Set<string>;
  /** How close (characters) a day must be to an event noun to be that event's day. */
  eventDayReach: number;
  ageMarkers: Set<string>;
  /** Words before a bare month or year that make it a date ("in June", "the summer of 2012"). */
  /** "mid-March", "early-June" */
  hyphenMonthPrefixes: Set<string>;
  monthCues: PhraseMatcher<true>;
  /** Words that take a month but not a day: "in March 12 civilians" is March, then a count. */
  monthOnlyCues: Set<string>;
  /** Articles before a month used as a modifier ("a February ceasefire"); not enough for months that are also words. */
  weakMonthCues: Set<string>;
  ambiguousMonths: Set<string>;
  yearCues: PhraseMatcher<true>;
  weekdayModifiers: PhraseMatcher<number>;
  rangeStarts: Set<string>;
  rangeJoins: Set<string>;
  /** the range words that join a day to a later day of its month with no word before the range ("October 14 to 15") */
  dayRangeJoins: Set<string>;
  sinceWords: Set<string>;
  /** an article between a since word and its day ("depuis le 7 octobre") */
  sinceArticles: Set<string>;
  /** Tense cues: 'future' ("will", "is expected to") and 'near' (future in the past: "would", "was due to"). */
  futureCues: PhraseMatcher<'future' | 'near'>;
  /** cues of what is to come only right before the day ("a curfew starting Thursday", "à partir de jeudi"): a
   * noun elsewhere ("since the beginning of the offensive on Monday") */
  futureOpeners: PhraseMatcher<'future'>;
  pastCues: Set<string>;
  /** words before a participle that make it no past-tense cue ("will be held") */
  participleAuxiliaries: Set<string>;
  /** Lower-case words that can start a date mention (numbers and hyphenated months are checked apart). */
  starters: Set<string>;
  /** Verbs of saying: a day right next to one is the day something was said ("said on Tuesday"). */
  reportingVerbs: Set<string>;
  /** Words that may stand between such a verb and its day ("said in a report late on Friday"). */
  reportingSkip: Set<string>;
  /** Words that open a relative clause ("the quake that struck on Wednesday"): a day inside one is that thing's day. */
  relativeWords: Set<string>;
  /** Words after a clock time ("UTC", "GMT", "KSA"). */
  timeZones: Set<string>;
  /** How far from the start / end of the text (characters) a dateline may sit. */
  datelineWindow: { start: number; end: number };
}

const lower = (xs: string[]) => xs.map((x) => x.toLowerCase());
const truthy = (xs: string[]): [string, true][] => xs.map((x) => [x, true]);

export function compileDatesLexicon(raw: unknown, file = 'dates.json'): DatesLexicon {
  const parsed = schemas().Schema.safeParse(raw);
  if (!parsed.success) throw new SitrepError('E_DATA', `invalid dates lexicon: ${parsed.error.issues.map((i) => i.path.join('.') + ': ' + i.message).join('; ')}`, { file });
  const d = parsed.data;
  const lex: Omit<DatesLexicon, 'starters'> = {
    months: new Map(Object.entries(d.months)),
    monthsNeedingCapital: new Set(lower(d.monthsNeedingCapital)),
    monthsCapitalised: d.monthsCapitalised,
    wholeShortMonths: new Set(lower(d.wholeShortMonths)),
    dayMonthLinks: new Set(lower(d.dayMonthLinks)),
    partitives: new Set(lower(d.partitives)),
    weekdays: new Map(Object.entries(d.weekdays)),
    weekdayAbbreviations: new Map(Object.entries(d.weekdayAbbreviations)),
    ordinalSuffixes: new Set(lower(d.ordinalSuffixes)),
    dayParts: new Set(lower(d.dayParts)),
    dayPartPrefixes: new PhraseMatcher(truthy(d.dayPartPrefixes)),
    datelineCues: new PhraseMatcher(truthy(d.datelineCues)),
    datelineBlockers: new Set(lower(d.datelineBlockers)),
    relativeDays: new PhraseMatcher(Object.entries(d.relativeDays)),
    anaphoricDays: new PhraseMatcher(Object.entries(d.anaphoricDays)),
    anaphoricDirections: new Map(Object.entries(d.anaphoricDirections)),
    relativePeriods: new PhraseMatcher(Object.entries(d.relativePeriods)),
    pastRangeHeads: new PhraseMatcher(truthy(d.pastRangeHeads)),
    pastRangeUnits: new Map(Object.entries(d.pastRangeUnits)),
    vagueRangeCounts: new PhraseMatcher(Object.entries(d.vagueRangeCounts)),
    defaultVagueCount: d.vagueRangeCounts['several'] ?? 5,
    agoWords: new Set(lower(d.agoWords)),
    agoBefore: new PhraseMatcher(truthy(d.agoBefore)),
    numberWords: new Map(Object.entries(d.numberWords)),
    durationUnits: new Set(lower(d.durationUnits)),
    longDurationUnits: new Set(lower(d.longDurationUnits)),
    eventNouns: new Map(Object.entries(d.eventNouns)),
    definiteMarkers: new Set(lower(d.definiteMarkers)),
    eventDayReach: d.eventDayReach,
    ageMarkers: new Set(lower(d.ageMarkers)),
    hyphenMonthPrefixes: new Set(lower(d.hyphenMonthPrefixes)),
    monthCues: new PhraseMatcher(truthy(d.monthCues)),
    monthOnlyCues: new Set(lower(d.monthOnlyCues)),
    weakMonthCues: new Set(lower(d.weakMonthCues)),
    ambiguousMonths: new Set(lower(d.ambiguousMonths)),
    yearCues: new PhraseMatcher(truthy(d.yearCues)),
    weekdayModifiers: new PhraseMatcher(Object.entries(d.weekdayModifiers)),
    rangeStarts: new Set(lower(d.rangeStarts)),
    rangeJoins: new Set(lower(d.rangeJoins)),
    dayRangeJoins: new Set(lower(d.dayRangeJoins)),
    sinceWords: new Set(lower(d.sinceWords)),
    sinceArticles: new Set(lower(d.sinceArticles)),
    futureCues: new PhraseMatcher<'future' | 'near'>([...d.futureCues.map((x): [string, 'future'] => [x, 'future']), ...d.futureInPastCues.map((x): [string, 'near'] => [x, 'near'])]),
    futureOpeners: new PhraseMatcher<'future'>(d.futureOpeners.map((x): [string, 'future'] => [x, 'future'])),
    pastCues: new Set(lower(d.pastCues)),
    participleAuxiliaries: new Set(lower(d.participleAuxiliaries)),
    timeZones: new Set(lower(d.timeZones)),
    reportingVerbs: new Set(lower(d.reportingVerbs)),
    reportingSkip: new Set(lower(d.reportingSkip)),
    relativeWords: new Set(lower(d.relativeWords)),
    datelineWindow: d.datelineWindow,
  };
  const starters = new Set<string>([
    ...lex.months.keys(), ...lex.weekdays.keys(), ...lex.weekdayAbbreviations.keys(), ...lex.sinceWords, ...lex.rangeStarts,
    ...lex.numberWords.keys(), ...lex.dayPartPrefixes.firstTokens(), ...lex.relativeDays.firstTokens(), ...lex.anaphoricDays.firstTokens(), ...lex.relativePeriods.firstTokens(),
    ...lex.pastRangeHeads.firstTokens(), ...lex.weekdayModifiers.firstTokens(), ...lex.vagueRangeCounts.firstTokens(), ...lex.agoBefore.firstTokens(),
  ]);
  return { ...lex, starters };
}

/** Loaded lexicons by source file: the dates stage and the claims stage's day index share one. */
const loaded = new Map<string, DatesLexicon>();

export function loadDatesLexicon(lang: Language = english): DatesLexicon {
  const file = lang.data('dates.json');
  let lex = loaded.get(file);
  if (!lex) {
    const build = () => compileDatesLexicon(JSON.parse(readFileSync(file, 'utf8')), file);
    loaded.set(file, (lex = compiled(`dates-${lang.code}`, [file], moduleFiles(import.meta.url), build, [PhraseMatcher, WordFilter])));
  }
  return lex;
}
