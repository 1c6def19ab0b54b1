// Date extractors over tokens, one construction each (in the spirit of chrono's parsers). Each returns a
// RawDate: the token range, what was written (Spec) and the rule that fired. Resolution against the
// reference date happens later (resolve.ts), once the dateline is known.
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
function cued(c: ExtractContext, cues: DatesLexicon['monthCues'], j: number): boolean {
  if (c.rangeTail) return true;
  return j > 0 && same(c.tokens, j, j - 1) && cues.matchEndingAt(c.tokens, j - 1) != null;
}

const DIGITS = /^\d+$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const CAP = /^\p{Lu}/u;

function adj(tk: Token[], a: number, b: number): boolean {
  return b < tk.length && tk[a].end === tk[b].start;
}
function same(tk: Token[], a: number, b: number): boolean {
  return b < tk.length && b >= 0 && tk[a].sentence === tk[b].sentence;
}
function intAt(tk: Token[], j: number, min: number, max: number, maxLen: number): number | null {
  const t = tk[j];
  if (!t || t.kind !== 'number' || t.text.length > maxLen || !DIGITS.test(t.text)) return null;
  const v = +t.text;
  return v >= min && v <= max ? v : null;
}

/** Day of month at j ("5", "5th", "30th"): value and next index. */
function dayAt(c: ExtractContext, j: number): { d: number; next: number } | null {
  const tk = c.tokens;
  const d = intAt(tk, j, 1, 31, 2);
  if (d == null) return null;
  let next = j + 1;
  if (adj(tk, j, next) && c.lex.ordinalSuffixes.has(tk[next].lower)) next++;
  else if (adj(tk, j, next) && tk[next].kind === 'word') return null; // "5km"
  return { d, next };
}

function monthAt(c: ExtractContext, j: number): { m: number; next: number } | null {
  const t = c.tokens[j];
  if (!t || t.kind !== 'word') return null;
  const m = c.lex.months.get(t.lower);
  if (m == null) return null;
  if (c.lex.monthsNeedingCapital.has(t.lower) && !CAP.test(t.text)) return null;
  let next = j + 1;
  // abbreviation period: "Dec. 19"
  if (t.lower.length <= 4 && t.lower !== 'may' && t.lower !== 'june' && t.lower !== 'july' && adj(c.tokens, j, next) && c.tokens[next].text === '.') next++;
  return { m, next };
}

function yearAt(c: ExtractContext, j: number, sent: number): { y: number; next: number } | null {
  const tk = c.tokens;
  let k = j;
  if (tk[k] && tk[k].text === ',' && tk[k].sentence === sent) k++;
  if (!tk[k] || tk[k].sentence !== sent) return null;
  const y = intAt(tk, k, 1900, 2100, 4);
  if (y == null || tk[k].text.length !== 4) return null;
  if (adj(tk, k, k + 1) && tk[k + 1].kind === 'word') return null;
  return { y, next: k + 1 };
}

function valid(y: number | null, m: number, d: number | null): boolean {
  if (d == null) return true;
  return dayNumber(y ?? 2016, m, d) != null; // 2016 is a leap year: 29 February stays possible without a year
}

const FUSED = /^(\d{1,2})((?:19|20)\d\d)$/;
/** "Apr 232017": day and year run together where the comma between them was stripped */
function fusedDayYear(c: ExtractContext, j: number): { d: number; y: number } | null {
  const t = c.tokens[j];
  if (!t || t.kind !== 'number') return null;
  const m = FUSED.exec(t.text);
  if (!m || +m[1] < 1 || +m[1] > 31) return null;
  if (adj(c.tokens, j, j + 1) && c.tokens[j + 1].kind === 'word') return null;
  return { d: +m[1], y: +m[2] };
}

/** "5 July 2016", "5th of July", "30 Apr 2017", "18 July" */
function dayMonth(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const sent = tk[j].sentence;
  const day = dayAt(c, j);
  if (!day) return null;
  let k = day.next;
  if (same(tk, j, k) && tk[k].lower === 'of') k++;
  if (!same(tk, j, k)) return null;
  const mon = monthAt(c, k);
  if (!mon) return null;
  const yr = yearAt(c, mon.next, sent);
  if (!valid(yr?.y ?? null, mon.m, day.d)) return null;
  return { s: j, e: yr ? yr.next : mon.next, spec: { t: 'abs', y: yr?.y ?? null, m: mon.m, d: day.d }, rule: yr ? 'day-month-year' : 'day-month', tense: 'past' };
}

/** "July 5, 2016", "July 5 2016", "Dec. 19", "September 30th 2015"; and "March 2011" (month precision) */
function monthDay(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const sent = tk[j].sentence;
  const mon = monthAt(c, j);
  if (!mon || !same(tk, j, mon.next)) return null;
  const fused = fusedDayYear(c, mon.next);
  if (fused) {
    if (!valid(fused.y, mon.m, fused.d)) return null;
    return { s: j, e: mon.next + 1, spec: { t: 'abs', y: fused.y, m: mon.m, d: fused.d }, rule: 'month-day-year-fused', tense: 'past' };
  }
  const day = dayAt(c, mon.next);
  if (day) {
    const yr = yearAt(c, day.next, sent);
    // "In March 12 civilians were killed": a month after "in" takes no day without a year
    const prev = j > 0 && same(tk, j, j - 1) ? tk[j - 1].lower : '';
    if (!yr && c.lex.monthOnlyCues.has(prev)) return null;
    if (!valid(yr?.y ?? null, mon.m, day.d)) return null;
    return { s: j, e: yr ? yr.next : day.next, spec: { t: 'abs', y: yr?.y ?? null, m: mon.m, d: day.d }, rule: yr ? 'month-day-year' : 'month-day', tense: 'past' };
  }
  const yr = yearAt(c, mon.next, sent);
  if (yr) return { s: j, e: yr.next, spec: { t: 'abs', y: yr.y, m: mon.m, d: null }, rule: 'month-year', tense: 'past' };
  return null;
}

/** "in June", "since July", "last March", "mid-March": a bare month needs a cue before it */
function bareMonth(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const t = tk[j];
  if (t.kind !== 'word') return null;
  const dash = t.lower.indexOf('-');
  if (dash > 0) {
    const head = t.lower.slice(0, dash);
    const rest = t.lower.slice(dash + 1);
    const m = c.lex.months.get(rest);
    if (m != null && c.lex.hyphenMonthPrefixes.has(head) && (!c.lex.monthsNeedingCapital.has(rest) || CAP.test(t.text.slice(dash + 1)))) {
      return { s: j, e: j + 1, spec: { t: 'abs', y: null, m, d: null }, rule: 'month', tense: 'past' };
    }
    return null;
  }
  const mon = monthAt(c, j);
  if (!mon) return null;
  if (!CAP.test(t.text)) return null;
  // an abbreviation alone is a name more often than a month ("Jan Egeland"): only with its period
  if (t.lower.length <= 4 && !['may', 'june', 'july'].includes(t.lower) && mon.next === j + 1) return null;
  if (!cued(c, c.lex.monthCues, j)) {
    // "a February ceasefire": an article before a month that is not also a word, and a word after it
    const prev = j > 0 && same(tk, j, j - 1) ? tk[j - 1].lower : '';
    const next = same(tk, j, mon.next) ? tk[mon.next] : null;
    if (!c.lex.weakMonthCues.has(prev) || c.lex.ambiguousMonths.has(t.lower) || !next || next.kind !== 'word' || CAP.test(next.text)) return null;
  }
  // "last June", "next March"
  const mod = c.lex.weekdayModifiers.matchEndingAt(tk, j - 1);
  if (mod) return { s: mod.start, e: mon.next, spec: { t: 'abs', y: null, m: mon.m, d: null, mod: mod.value }, rule: 'month-modified', tense: 'past' };
  return { s: j, e: mon.next, spec: { t: 'abs', y: null, m: mon.m, d: null }, rule: 'month', tense: 'past' };
}

/** "in 2011", "since 2013", "late 2015" */
function bareYear(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  if (!cued(c, c.lex.yearCues, j)) return null;
  const y = intAt(tk, j, 1900, 2100, 4);
  if (y == null || tk[j].text.length !== 4) return null;
  if (adj(tk, j, j + 1) && tk[j + 1].kind === 'word') return null;
  return { s: j, e: j + 1, spec: { t: 'year', y }, rule: 'year', tense: 'past' };
}

/** 2016-07-05, 05-07-2016, 27.05.2017, 12/03/2017 */
function numeric(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const t = tk[j];
  if (t.kind !== 'number') return null;
  const dot = DOTTED.exec(t.text);
  if (dot) {
    const d = +dot[1], m = +dot[2], y = +dot[3];
    return dayNumber(y, m, d) != null ? { s: j, e: j + 1, spec: { t: 'abs', y, m, d }, rule: 'numeric-dmy', tense: 'past' } : null;
  }
  if (!DIGITS.test(t.text) || !adj(tk, j, j + 1) || !adj(tk, j + 1, j + 2) || !adj(tk, j + 2, j + 3) || !adj(tk, j + 3, j + 4)) return null;
  const sep = tk[j + 1].text;
  if ((sep !== '-' && sep !== '/' && sep !== '.') || tk[j + 3].text !== sep) return null;
  const a = tk[j].text, b = tk[j + 2].text, z = tk[j + 4].text;
  if (!DIGITS.test(b) || !DIGITS.test(z)) return null;
  if (adj(tk, j + 4, j + 5) && /^[\d\p{L}]/u.test(tk[j + 5].text)) return null;
  if (a.length === 4 && b.length <= 2 && z.length <= 2) {
    const y = +a, m = +b, d = +z;
    return dayNumber(y, m, d) != null ? { s: j, e: j + 5, spec: { t: 'abs', y, m, d }, rule: 'numeric-ymd', tense: 'past' } : null;
  }
  // two-digit years ("27/05/17") only with slashes or dots, read as 20xx
  if (a.length <= 2 && b.length <= 2 && (z.length === 4 || (z.length === 2 && sep !== '-'))) {
    const y = z.length === 2 ? 2000 + +z : +z, p = +a, q = +b;
    let dm: [number, number] | null = null;
    const asDM = dayNumber(y, q, p), asMD = dayNumber(y, p, q);
    if (sep !== '/') dm = asDM != null ? [p, q] : null;
    else if (asDM != null && asMD == null) dm = [p, q];
    else if (asMD != null && asDM == null) dm = [q, p];
    else if (asDM != null && asMD != null) {
      // both readings exist: take the one nearer the publication date, else day first
      dm = c.published != null && Math.abs(asMD - c.published) < Math.abs(asDM - c.published) ? [q, p] : [p, q];
    }
    if (!dm) return null;
    return { s: j, e: j + 5, spec: { t: 'abs', y, m: dm[1], d: dm[0] }, rule: sep === '/' ? 'numeric-slash' : 'numeric-dmy', tense: 'past' };
  }
  return null;
}

/** An explicit date, optionally led by its weekday ("Saturday 11 April 2015", "Thu Jul 7 2016"). */
function fullDate(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const t = tk[j];
  let wd = c.lex.weekdays.get(t.lower);
  if (wd == null && CAP.test(t.text)) {
    wd = c.lex.weekdayAbbreviations.get(t.lower);
    if (wd != null && adj(tk, j, j + 1) && tk[j + 1].text === '.') {
      const r = afterWeekday(c, j, j + 2);
      if (r) return r;
    }
  }
  if (wd != null) return afterWeekday(c, j, j + 1);
  return dayMonth(c, j) ?? monthDay(c, j) ?? numeric(c, j);
}

function afterWeekday(c: ExtractContext, j: number, k: number): RawDate | null {
  const tk = c.tokens;
  if (same(tk, j, k) && tk[k].text === ',') k++;
  if (!same(tk, j, k)) return null;
  const r = dayMonth(c, k) ?? monthDay(c, k) ?? numeric(c, k);
  if (!r || r.spec.t !== 'abs' || r.spec.d == null) return null;
  r.s = j;
  r.rule = 'weekday-' + r.rule;
  return r;
}

/** "on Monday", "Tuesday morning", "late on Tuesday", "last Friday", "next Monday" */
function weekday(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  let k = j;
  const pre = c.lex.dayPartPrefixes.matchAt(tk, k);
  if (pre) k = pre.end;
  let mod: number | null = null;
  if (k < tk.length && same(tk, j, k)) {
    const m = c.lex.weekdayModifiers.matchAt(tk, k);
    if (m) {
      mod = m.value;
      k = m.end;
    }
  }
  if (!same(tk, j, k)) return null;
  const wd = c.lex.weekdays.get(tk[k].lower);
  if (wd == null) return null;
  let e = k + 1;
  if (same(tk, k, e) && c.lex.dayParts.has(tk[e].lower)) e++;
  return { s: j, e, spec: { t: 'weekday', wd, mod }, rule: mod == null ? 'weekday' : 'weekday-modified', tense: 'past' };
}

function relativeDay(c: ExtractContext, j: number): RawDate | null {
  const h = c.lex.relativeDays.matchAt(c.tokens, j);
  if (!h) return null;
  return { s: j, e: h.end, spec: { t: 'rel', days: h.value }, rule: 'relative-day', tense: 'past' };
}

/** "the next day", "a day later", "two days later", "three days earlier" */
function anaphoric(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const h = c.lex.anaphoricDays.matchAt(tk, j);
  if (h) return { s: j, e: h.end, spec: { t: 'anaphor', days: h.value }, rule: 'anaphoric-day', tense: 'past' };
  const cnt = countAt(c, j);
  if (!cnt || !same(tk, j, cnt.next + 1)) return null;
  const unit = tk[cnt.next].lower;
  const dir = c.lex.anaphoricDirections.get(tk[cnt.next + 1].lower);
  if (dir == null || (unit !== 'day' && unit !== 'days')) return null;
  return { s: j, e: cnt.next + 2, spec: { t: 'anaphor', days: dir * cnt.n }, rule: 'anaphoric-day', tense: 'past' };
}

function relativePeriod(c: ExtractContext, j: number): RawDate | null {
  const h = c.lex.relativePeriods.matchAt(c.tokens, j);
  if (!h) return null;
  return { s: j, e: h.end, spec: { t: 'period', p: h.value }, rule: 'relative-period', tense: 'past' };
}

/** A count before a time unit: digits, number words, "a", or a vague word ("several"). */
function countAt(c: ExtractContext, j: number): { n: number; next: number } | null {
  const tk = c.tokens;
  const t = tk[j];
  if (!t) return null;
  if (t.kind === 'number' && DIGITS.test(t.text) && t.text.length <= 4) return { n: +t.text, next: j + 1 };
  const w = c.lex.numberWords.get(t.lower);
  if (w != null) return { n: w, next: j + 1 };
  const v = c.lex.vagueRangeCounts.matchAt(tk, j);
  if (v) return { n: v.value, next: v.end };
  return null;
}

/** "the past 24 hours", "over the past several days", "in recent days", "during past week" */
function pastRange(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const head = c.lex.pastRangeHeads.matchAt(tk, j);
  if (!head) return null;
  let k = head.end;
  if (!same(tk, j, k)) return null;
  let n: number | null = null;
  // a vague head ("the past few") already counts
  const tail = head.phrase.split(' ').pop()!;
  const vagueHead = c.lex.vagueRangeCounts.matchAt(tk, head.end - 1);
  if (vagueHead) n = vagueHead.value;
  else if (tail === 'of') {
    const v = c.lex.vagueRangeCounts.matchEndingAt(tk, head.end - 1);
    if (v) n = v.value;
  }
  if (n == null) {
    const cnt = countAt(c, k);
    if (cnt && same(tk, j, cnt.next)) {
      n = cnt.n;
      k = cnt.next;
    }
  }
  if (!same(tk, j, k)) return null;
  const unit = tk[k].lower;
  const per = c.lex.pastRangeUnits.get(unit);
  if (per == null) return null;
  const plural = unit.endsWith('s');
  // "in recent days": an unspecified few; "the past week": one
  if (n == null) n = plural ? c.lex.defaultVagueCount : 1;
  let days: number;
  let precision: DatePrecision;
  if (per === 0) {
    // hours: the day of the report, or the days they reach back into
    days = n <= 24 ? 0 : Math.ceil(n / 24);
    precision = 'day';
  } else {
    days = per * n;
    precision = days <= 1 ? 'day' : days <= 14 ? 'week' : days <= 62 ? 'month' : 'year';
  }
  return { s: j, e: k + 1, spec: { t: 'past', days, precision }, rule: 'past-range', tense: 'past' };
}

/** "three days ago", "a week ago" */
function ago(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const cnt = countAt(c, j);
  if (!cnt || !same(tk, j, cnt.next + 1)) return null;
  const u = tk[cnt.next].lower.replace(/s$/, '');
  if (!c.lex.agoWords.has(tk[cnt.next + 1].lower)) return null;
  if (u !== 'day' && u !== 'week' && u !== 'month' && u !== 'year') return null;
  return { s: j, e: cnt.next + 2, spec: { t: 'ago', n: cnt.n, unit: u }, rule: 'ago', tense: 'past' };
}

const EXTRACTORS = [fullDate, bareMonth, bareYear, relativePeriod, relativeDay, anaphoric, pastRange, ago, weekday];

/** The longest date starting at token j (ties go to the earlier extractor). */
export function dateAt(c: ExtractContext, j: number): RawDate | null {
  let best: RawDate | null = null;
  for (const x of EXTRACTORS) {
    const r = x(c, j);
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

/** "May 3-4", "June 1-5 2016": a day range written with a dash. */
function dayRangeTail(c: ExtractContext, r: RawDate) {
  const tk = c.tokens;
  const j = r.e;
  if (r.spec.t !== 'abs' || r.spec.d == null || !same(tk, r.s, j + 1)) return;
  if (!adj(tk, j - 1, j) || !adj(tk, j, j + 1) || (tk[j].text !== '-' && tk[j].text !== '–')) return;
  const day = dayAt(c, j + 1);
  if (!day || day.d <= r.spec.d) return;
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
    const d = dateAt(c, j + 1);
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
    if (day && !(same(tk, j, day.next) && c.lex.durationUnits.has(tk[day.next].lower))) {
      b = { s: a.e + 1, e: day.next, spec: { t: 'abs', y: a.spec.y, m: a.spec.m, d: day.d }, rule: 'day', tense: 'past' };
    }
  }
  if (!b) return null;
  // "between March 14 and April 9 2017": a year on the end only carries back
  if (a.spec.t === 'abs' && a.spec.y == null && b.spec.t === 'abs' && b.spec.y != null) a.spec.y = b.spec.y;
  return { ...a, s: j, e: b.e, to: b, rule: 'range-' + a.rule };
}

/** Past or future: scan back from the mention (then forward) for the nearest tense cue. Default past. */
export function tenseOf(c: ExtractContext, s: number, e: number): Tense {
  const tk = c.tokens;
  const sent = tk[s].sentence;
  for (let k = s - 1, n = 0; k >= 0 && n < 10 && tk[k].sentence === sent; k--, n++) {
    const v = tenseAt(c, k, true);
    if (v != null) return v;
  }
  for (let k = e, n = 0; k < tk.length && n < 6 && tk[k].sentence === sent; k++, n++) {
    const v = tenseAt(c, k, false);
    if (v != null) return v;
  }
  return 'past';
}

function tenseAt(c: ExtractContext, k: number, backward: boolean): Tense | null {
  const tk = c.tokens;
  const t = tk[k];
  if (t.kind !== 'word') return null;
  // the longest cue ending here (scanning back) or starting here: "was expected to" before "expected to"
  const a = backward ? c.lex.futureCues.matchEndingAt(tk, k) : null;
  const b = c.lex.futureCues.matchAt(tk, k);
  const hit = a && b ? (k - a.start >= b.end - k - 1 ? a : b) : a ?? b;
  if (hit) return hit.value;
  if (t.lower.endsWith("'ll") || t.lower.endsWith('’ll')) return 'future';
  if (c.lex.pastCues.has(t.lower)) return 'past';
  if (t.lower.length > 4 && t.lower.endsWith('ed')) return 'past';
  return null;
}
