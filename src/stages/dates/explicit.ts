// Explicit dates over tokens: day and month ("5 July 2016", "July 5"), a month or year with its cue
// ("in June", "since 2013"), numeric forms (2016-07-05, 12/03/2017), each optionally led by a weekday.
import { dayNumber } from './calendar.js';
import { adj, CAP, cued, DIGITS, intAt, same, valid, type ExtractContext, type RawDate } from './raw-date.js';

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Day of month at j ("5", "5th", "30th"): value and next index. */
export function dayAt(c: ExtractContext, j: number): { d: number; next: number } | null {
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
  if (t.lower.length <= 4 && !c.lex.wholeShortMonths.has(t.lower) && adj(c.tokens, j, next) && c.tokens[next].text === '.') next++;
  return { m, next };
}

export function yearAt(c: ExtractContext, j: number, sent: number): { y: number; next: number } | null {
  const tk = c.tokens;
  let k = j;
  if (tk[k] && tk[k].text === ',' && tk[k].sentence === sent) k++;
  if (!tk[k] || tk[k].sentence !== sent) return null;
  const y = intAt(tk, k, 1900, 2100, 4);
  if (y == null || tk[k].text.length !== 4) return null;
  if (adj(tk, k, k + 1) && tk[k + 1].kind === 'word') return null;
  return { y, next: k + 1 };
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
  if (same(tk, j, k) && c.lex.dayMonthLinks.has(tk[k].lower)) k++;
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
export function bareMonth(c: ExtractContext, j: number): RawDate | null {
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
  if (c.lex.monthsCapitalised && !CAP.test(t.text)) return null;
  // an abbreviation alone is a name more often than a month ("Jan Egeland"): only with its period
  if (t.lower.length <= 4 && !c.lex.wholeShortMonths.has(t.lower) && mon.next === j + 1) return null;
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
export function bareYear(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  // the token tests first: the cue is looked up only before a four-digit year
  const y = intAt(tk, j, 1900, 2100, 4);
  if (y == null || tk[j].text.length !== 4) return null;
  if (adj(tk, j, j + 1) && tk[j + 1].kind === 'word') return null;
  if (!cued(c, c.lex.yearCues, j)) return null;
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
export function fullDate(c: ExtractContext, j: number): RawDate | null {
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
