// Dates told relative to another day: weekdays ("on Monday", "last Friday"), relative days and periods
// ("yesterday", "last week"), days counted from the one named before ("two days later"), ranges reaching
// back ("the past 24 hours") and "three days ago".
import type { DatePrecision } from '../../core/types.js';
import { DIGITS, same, type ExtractContext, type RawDate } from './raw-date.js';

/** "on Monday", "Tuesday morning", "late on Tuesday", "last Friday", "next Monday" */
export function weekday(c: ExtractContext, j: number): RawDate | null {
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

export function relativeDay(c: ExtractContext, j: number): RawDate | null {
  const h = c.lex.relativeDays.matchAt(c.tokens, j);
  if (!h) return null;
  return { s: j, e: h.end, spec: { t: 'rel', days: h.value }, rule: 'relative-day', tense: 'past' };
}

/** "the next day", "a day later", "two days later", "three days earlier" */
export function anaphoric(c: ExtractContext, j: number): RawDate | null {
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

export function relativePeriod(c: ExtractContext, j: number): RawDate | null {
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
export function pastRange(c: ExtractContext, j: number): RawDate | null {
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
  else if (c.lex.partitives.has(tail)) {
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

/** The unit of a span back in time, by the days the language's unit word spans (pastRangeUnits: "days" 1, "semaines" 7). */
function agoUnit(c: ExtractContext, w: string): 'day' | 'week' | 'month' | 'year' | null {
  const per = c.lex.pastRangeUnits.get(w);
  return per === 1 ? 'day' : per === 7 ? 'week' : per === 30 ? 'month' : per === 365 ? 'year' : null;
}

/** "three days ago", "a week ago"; "il y a deux jours" (agoBefore) */
export function ago(c: ExtractContext, j: number): RawDate | null {
  const tk = c.tokens;
  const pre = c.lex.agoBefore.matchAt(tk, j);
  if (pre) {
    const cnt = countAt(c, pre.end);
    const u = cnt && same(tk, j, cnt.next) ? agoUnit(c, tk[cnt.next].lower) : null;
    return cnt && u ? { s: j, e: cnt.next + 1, spec: { t: 'ago', n: cnt.n, unit: u }, rule: 'ago', tense: 'past' } : null;
  }
  const cnt = countAt(c, j);
  if (!cnt || !same(tk, j, cnt.next + 1)) return null;
  const u = agoUnit(c, tk[cnt.next].lower);
  if (!c.lex.agoWords.has(tk[cnt.next + 1].lower) || !u) return null;
  return { s: j, e: cnt.next + 2, spec: { t: 'ago', n: cnt.n, unit: u }, rule: 'ago', tense: 'past' };
}
