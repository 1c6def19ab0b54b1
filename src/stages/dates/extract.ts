// Date extractors over tokens, one construction each (in the spirit of chrono's parsers): explicit dates
// (explicit.ts), relative ones (relative.ts); here the longest at a token, its tails (a year or a clock
// time after it, a day range) and ranges around it. Each returns a RawDate (raw-date.ts): the token
// range, what was written (Spec) and the rule that fired. Resolution against the reference date happens
// later (resolve.ts), once the dateline is known; the clause's tense is read by tense.ts.
import { adj, intAt, same, valid, type ExtractContext, type RawDate } from './raw-date.js';
import { bareMonth, bareYear, dayAt, fullDate, yearAt } from './explicit.js';
import { ago, anaphoric, pastRange, relativeDay, relativePeriod, weekday } from './relative.js';
import type { DatesLexicon } from './lexicon.js';
import type { Token } from '../../core/types.js';

export type { ExtractContext, RawDate, Spec, Tense } from './raw-date.js';
export { tenseOf } from './tense.js';

const EXTRACTORS = [fullDate, bareMonth, bareYear, relativePeriod, relativeDay, anaphoric, pastRange, ago, weekday];
const [FULL, MONTH, YEAR, PERIOD, DAY, ANAPHOR, PAST, AGO, WEEKDAY] = EXTRACTORS.map((_, k) => 1 << k);
/** What each extractor needs at its first token, besides a word of the index below: a number... */
const AT_NUMBER = FULL | YEAR | ANAPHOR | AGO;
/** ...or a hyphenated word ("mid-March"). */
const AT_HYPHEN = MONTH;

/**
 * The extractors that can fire at a word, built once per lexicon: each one first needs its token to be a
 * number, a hyphenated word or a word of one of its lists (a month, a weekday, a count word, the first
 * word of one of its phrases). dateAt tries only those: the others would return null.
 */
const extractorIndexes = new WeakMap<DatesLexicon, Map<string, number>>();
function extractorIndex(lex: DatesLexicon): Map<string, number> {
  let idx = extractorIndexes.get(lex);
  if (idx) return idx;
  const m = (idx = new Map<string, number>());
  const add = (words: Iterable<string>, bits: number) => {
    for (const w of words) m.set(w, (m.get(w) ?? 0) | bits);
  };
  add(lex.months.keys(), FULL | MONTH);
  add(lex.weekdays.keys(), FULL | WEEKDAY);
  add(lex.weekdayAbbreviations.keys(), FULL);
  add(lex.relativePeriods.firstTokens(), PERIOD);
  add(lex.relativeDays.firstTokens(), DAY);
  add(lex.anaphoricDays.firstTokens(), ANAPHOR);
  // a count before a unit: "three days later", "several weeks ago"
  add(lex.numberWords.keys(), ANAPHOR | AGO);
  add(lex.vagueRangeCounts.firstTokens(), ANAPHOR | AGO);
  add(lex.agoBefore.firstTokens(), AGO);
  add(lex.pastRangeHeads.firstTokens(), PAST);
  add(lex.dayPartPrefixes.firstTokens(), WEEKDAY);
  add(lex.weekdayModifiers.firstTokens(), WEEKDAY);
  extractorIndexes.set(lex, m);
  return m;
}

/** The longest date starting at token j (ties go to the earlier extractor). */
export function dateAt(c: ExtractContext, j: number): RawDate | null {
  const t = c.tokens[j];
  let can = extractorIndex(c.lex).get(t.lower) ?? 0;
  if (t.kind === 'number') can |= AT_NUMBER;
  if (t.lower.indexOf('-') > 0) can |= AT_HYPHEN;
  let best: RawDate | null = null;
  for (let k = 0; k < EXTRACTORS.length; k++) {
    if ((can & (1 << k)) === 0) continue;
    const r = EXTRACTORS[k](c, j);
    if (r && (!best || r.e > best.e)) best = r;
  }
  if (best && best.spec.t === 'abs') {
    if (best.spec.y == null) yearAfter(c, best);
    if (best.spec.d != null) dayRangeTail(c, best);
    if (best.spec.y != null && best.spec.d != null && !best.to) addTime(c, best);
  }
  return best;
}

/** "October last year", "March 3 this year": the year given by a relative period after the month. */
function yearAfter(c: ExtractContext, r: RawDate) {
  if (r.spec.t !== 'abs' || !same(c.tokens, r.s, r.e)) return;
  const h = c.lex.relativePeriods.matchAt(c.tokens, r.e);
  if (!h || h.value.unit !== 'year' || h.value.toReference) return;
  r.spec.yearOffset = h.value.offset;
  r.e = h.end;
  r.rule += '-relative-year';
}

/** A word in lower case: after a second day, it makes the day a count ("October 14 to 15 people"). */
const lowerWord = (t: Token) => t.kind === 'word' && /^\p{Ll}/u.test(t.text);

/** "May 3-4", "June 1-5 2016": a day range written with a dash; "the night of October 14 to 15" with a range word
 * (dayRangeJoins, not "and"), when no lower-case word follows the second day ("October 14 to 15 people" stays a
 * day and a count). */
function dayRangeTail(c: ExtractContext, r: RawDate) {
  const tk = c.tokens;
  const j = r.e;
  if (r.spec.t !== 'abs' || r.spec.d == null || !same(tk, r.s, j + 1)) return;
  const dash = adj(tk, j - 1, j) && adj(tk, j, j + 1) && (tk[j].text === '-' || tk[j].text === '–');
  if (!dash && !c.lex.dayRangeJoins.has(tk[j].lower)) return;
  const day = dayAt(c, j + 1);
  if (!day || day.d <= r.spec.d) return;
  const after = tk[day.next];
  if (!dash && after && after.sentence === tk[r.s].sentence && lowerWord(after)) return;
  let e = day.next;
  const yr = r.spec.y == null ? yearAt(c, e, tk[r.s].sentence) : null;
  if (yr) {
    r.spec.y = yr.y;
    e = yr.next;
  }
  if (!valid(r.spec.y, r.spec.m, day.d)) return;
  r.to = { s: j + 1, e, spec: { t: 'abs', y: r.spec.y, m: r.spec.m, d: day.d }, rule: 'day', tense: 'past' };
  r.e = e;
  r.rule = 'range-' + r.rule;
}

/** "14:28" right after a full date (datelines). */
const HHMM = /^([01]\d|2[0-3])[0-5]\d$/;
function addTime(c: ExtractContext, r: RawDate) {
  const tk = c.tokens;
  const j = r.e;
  if (!same(tk, r.s, j)) return;
  let e = -1;
  if (same(tk, r.s, j + 2) && intAt(tk, j, 0, 23, 2) != null && tk[j + 1].text === ':' && intAt(tk, j + 2, 0, 59, 2) != null && adj(tk, j, j + 1) && adj(tk, j + 1, j + 2)) e = j + 3;
  // "2037 UTC+3": four digits with the colon stripped, known only by the time zone after them
  else if (HHMM.test(tk[j].text) && same(tk, r.s, j + 1) && c.lex.timeZones.has(tk[j + 1].lower)) e = j + 1;
  if (e < 0) return;
  if (same(tk, r.s, e) && c.lex.timeZones.has(tk[e].lower)) e++;
  // "UTC+3"
  if (c.lex.timeZones.has(tk[e - 1].lower) && same(tk, r.s, e + 1) && adj(tk, e - 1, e) && (tk[e].text === '+' || tk[e].text === '-') && adj(tk, e, e + 1) && intAt(tk, e + 1, 0, 14, 2) != null) e += 2;
  r.timeAt = tk[j].start;
  r.e = e;
}

/** Ranges and "since" around a date at j: "between June 1 and June 5", "from X to Y", "since Sunday". */
export function rangeAt(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const w = tk[j].lower;
  if (c.lex.sinceWords.has(w) && same(tk, j, j + 1)) {
    // ("depuis le 7 octobre": past an article)
    const k = c.lex.sinceArticles.has(tk[j + 1].lower) && same(tk, j, j + 2) ? j + 2 : j + 1;
    const d = dateAt(c, k);
    if (d && d.spec.t !== 'past' && d.spec.t !== 'rel') {
      d.s = j;
      d.since = true;
      d.rule = 'since-' + d.rule;
      return d;
    }
    return null;
  }
  if (!c.lex.rangeStarts.has(w) || !same(tk, j, j + 1)) return null;
  // inside a range a bare year or month needs no other cue; the range must then be complete
  c.rangeTail = true;
  let a: RawDate | null;
  try {
    a = dateAt(c, j + 1);
  } finally {
    c.rangeTail = false;
  }
  if (!a || !same(tk, j, a.e + 1) || !c.lex.rangeJoins.has(tk[a.e].lower)) return null;
  c.rangeTail = true;
  let b: RawDate | null;
  try {
    b = dateAt(c, a.e + 1);
  } finally {
    c.rangeTail = false;
  }
  if (!b && a.spec.t === 'abs' && a.spec.d != null) {
    // "between June 1 and 5": the second day shares the month
    const day = dayAt(c, a.e + 1);
    // (not "between October 14 and 15 people": a lower-case word after the second number makes it a count)
    const counted = !!day && same(tk, j, day.next) && lowerWord(tk[day.next]) && !c.lex.dayRangeJoins.has(tk[day.next].lower);
    if (day && !counted && !(same(tk, j, day.next) && c.lex.durationUnits.has(tk[day.next].lower))) {
      b = { s: a.e + 1, e: day.next, spec: { t: 'abs', y: a.spec.y, m: a.spec.m, d: day.d }, rule: 'day', tense: 'past' };
    }
  }
  if (!b) return null;
  // "between March 14 and April 9 2017": a year on the end only carries back
  if (a.spec.t === 'abs' && a.spec.y == null && b.spec.t === 'abs' && b.spec.y != null) a.spec.y = b.spec.y;
  return { ...a, s: j, e: b.e, to: b, rule: 'range-' + a.rule };
}
