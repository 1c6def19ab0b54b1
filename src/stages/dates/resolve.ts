// Resolution of what was written (Spec) against the reference day: UTC day numbers in, day range out.
import type { DatePrecision } from '../../core/types.js';
import { dayNumber, monthEnd, monthStart, weekStart, ymd } from './calendar.js';
import type { RawDate, Spec, Tense } from './extract.js';

export interface Resolved {
  first: number;
  last: number;
  precision: DatePrecision;
  /** true when the mention is a range (first..last) rather than one day or named period */
  range: boolean;
}

/** The year for a day and month without one: the nearest occurrence to the reference day, with a lean
 * (half a year) against the future in a past clause and against the past in a future clause. */
const LEAN = 180;
/** days after the reference day a day told in a clause that is past by a cue may still fall (a report dated a little early) */
const PAST_SLACK = 2;
function yearFor(m: number, d: number, ref: number, tense: Tense, pastCued = false): number | null {
  const ry = ymd(ref).y;
  let best: number | null = null;
  let bestScore = Infinity;
  for (const y of [ry - 1, ry, ry + 1]) {
    const cand = dayNumber(y, m, d) ?? (m === 2 && d === 29 ? dayNumber(y, 2, 28) : null);
    if (cand == null) continue;
    const score = Math.abs(cand - ref) + (tense === 'past' && cand > ref ? (pastCued && cand > ref + PAST_SLACK ? 4 * LEAN : LEAN) : 0) + (tense === 'future' && cand < ref ? LEAN : 0);
    if (score < bestScore) {
      bestScore = score;
      best = cand;
    }
  }
  return best;
}

export function resolveSpec(spec: Spec, ref: number | null, tense: Tense, pastCued = false): Resolved | null {
  switch (spec.t) {
    case 'abs':
      return resolveAbs(spec, ref, tense, pastCued);
    case 'year': {
      const first = dayNumber(spec.y, 1, 1);
      const last = dayNumber(spec.y, 12, 31);
      return first == null || last == null ? null : { first, last, precision: 'year', range: false };
    }
    case 'weekday':
      return ref == null ? null : resolveWeekday(spec, ref, tense);
    case 'anaphor':
      // resolved by the caller against the day the text named last
      return null;
    case 'rel':
      return ref == null ? null : { first: ref + spec.days, last: ref + spec.days, precision: 'day', range: false };
    case 'period':
      return ref == null ? null : resolvePeriod(spec, ref, tense);
    case 'past':
      return ref == null ? null : { first: ref - spec.days, last: ref, precision: spec.precision, range: spec.days > 0 };
    case 'ago':
      return ref == null ? null : resolveAgo(spec, ref);
  }
}

/** A day or a month named ("5 March", "March 2016", "in March"): its year from the reference day when none is written. */
function resolveAbs(spec: Extract<Spec, { t: 'abs' }>, ref: number | null, tense: Tense, pastCued: boolean): Resolved | null {
  if (spec.d != null) {
    if (spec.y != null) {
      const day = dayNumber(spec.y, spec.m, spec.d);
      return day == null ? null : { first: day, last: day, precision: 'day', range: false };
    }
    if (ref == null) return null;
    const day = spec.yearOffset != null ? dayNumber(ymd(ref).y + spec.yearOffset, spec.m, spec.d) : yearFor(spec.m, spec.d, ref, tense, pastCued);
    return day == null ? null : { first: day, last: day, precision: 'day', range: false };
  }
  let y = spec.y;
  if (y == null) {
    if (ref == null) return null;
    const r = ymd(ref);
    y = r.y;
    const dir = spec.mod ?? (tense === 'future' ? 1 : tense === 'near' ? 0 : -1);
    if (spec.yearOffset != null) y = r.y + spec.yearOffset;
    else if (spec.mod === -1) {
      if (spec.m >= r.m) y--;
    } else if (spec.mod === 1) {
      if (spec.m <= r.m) y++;
    } else if (dir < 0) {
      if (spec.m > r.m) y--;
    } else if (dir > 0) {
      if (spec.m < r.m) y++;
    } else if (spec.m - r.m > 6) y--;
    else if (r.m - spec.m > 6) y++;
  }
  return { first: monthStart(y, spec.m), last: monthEnd(y, spec.m), precision: 'month', range: false };
}

/** A weekday ("on Monday", "last Monday"): the one before the reference day, or after it in a text about the future. */
function resolveWeekday(spec: Extract<Spec, { t: 'weekday' }>, ref: number, tense: Tense): Resolved {
  const rw = ymd(ref).wd;
  const back = (rw - spec.wd + 7) % 7;
  const fwd = (spec.wd - rw + 7) % 7;
  let day: number;
  if (spec.mod === -1) day = ref - (back || 7);
  else if (spec.mod === 1) day = ref + (fwd || 7);
  else if (tense === 'future') day = ref + fwd;
  else if (tense === 'near') day = fwd < back ? ref + fwd : ref - back;
  else day = ref - back;
  return { first: day, last: day, precision: 'day', range: false };
}

/** A period around the reference day ("this week", "last month", "the weekend", "so far this year"). */
function resolvePeriod(spec: Extract<Spec, { t: 'period' }>, ref: number, tense: Tense): Resolved {
  const { unit, offset, toReference } = spec.p;
  let first: number, last: number;
  if (unit === 'weekend') {
    // the Saturday and Sunday: the last one (on or before the reference day), the one before it, or the next
    const wd = ymd(ref).wd;
    const inWeekend = wd === 6 || wd === 0;
    let sat = ref - ((wd + 1) % 7);
    if (offset < 0 && inWeekend) sat -= 7;
    if (offset > 0 || (offset === 0 && tense === 'future' && !inWeekend)) sat = ref + ((6 - wd + 7) % 7 || 7);
    return { first: sat, last: sat + 1 > ref && sat <= ref ? ref : sat + 1, precision: 'week', range: true };
  }
  if (unit === 'week') {
    first = weekStart(ref) + 7 * offset;
    last = first + 6;
  } else if (unit === 'month') {
    const r = ymd(ref);
    first = monthStart(r.y, r.m + offset);
    const f = ymd(first);
    last = monthEnd(f.y, f.m);
  } else {
    const y = ymd(ref).y + offset;
    first = dayNumber(y, 1, 1)!;
    last = dayNumber(y, 12, 31)!;
  }
  if (toReference) return { first, last: ref, precision: unit, range: true };
  return { first, last, precision: unit, range: false };
}

/** A day some units before the reference day ("three days ago", "a month ago"). */
function resolveAgo(spec: Extract<Spec, { t: 'ago' }>, ref: number): Resolved {
  const r = ymd(ref);
  let day: number;
  if (spec.unit === 'day') day = ref - spec.n;
  else if (spec.unit === 'week') day = ref - 7 * spec.n;
  else if (spec.unit === 'month') {
    const ms = monthStart(r.y, r.m - spec.n);
    const f = ymd(ms);
    day = Math.min(ms + r.d - 1, monthEnd(f.y, f.m));
  } else day = dayNumber(r.y - spec.n, r.m, Math.min(r.d, 28))!;
  return { first: day, last: day, precision: spec.unit === 'day' ? 'day' : spec.unit, range: false };
}

/** A raw mention with its ranges ("since", "between ... and ...") resolved. */
export function resolveRaw(raw: RawDate, ref: number | null): Resolved | null {
  const base = resolveSpec(raw.spec, ref, raw.tense, raw.pastCued);
  if (!base) return null;
  if (raw.to) {
    const end = resolveSpec(raw.to.spec, ref, raw.tense, raw.pastCued);
    if (!end) return null;
    let last = end.last;
    // "between December 28 and January 3": the end comes after the start
    if (last < base.first && raw.to.spec.t === 'abs' && raw.to.spec.y == null && raw.to.spec.d != null) {
      const e = ymd(end.first);
      last = dayNumber(e.y + 1, e.m, e.d) ?? last;
    }
    if (last < base.first) return null;
    return { first: base.first, last, precision: base.precision, range: true };
  }
  if (raw.since) {
    if (ref == null) return base;
    let first = base.first;
    // "since October 7" in a report of October 6: a period that has begun, so the year before
    if (ref < first && raw.spec.t === 'abs' && raw.spec.y == null && raw.spec.d != null) first = dayNumber(ymd(first).y - 1, raw.spec.m, raw.spec.d) ?? first;
    if (ref < first) return base;
    return { first, last: ref, precision: base.precision, range: true };
  }
  return base;
}
