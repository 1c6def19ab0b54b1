// Stage "dates": finds date mentions over tokens (explicit dates, weekdays, relative days and periods,
// ranges), picks the article's own dateline (which then becomes the reference date), resolves every
// mention against the reference date (UTC day arithmetic), and marks the numbers inside dates and
// durations as non-counts so that claims never count "June 10" or "24 hours".
import type { Analysis, DateMention, Evidence, NonCountKind, Quantity, Span, Token } from '../../core/types.js';
import type { Resources } from '../../pipeline/resources.js';
import type { Stage } from '../../pipeline/stage.js';
import { parseIso, toIso } from './calendar.js';
import { dateAt, rangeAt, tenseOf, type ExtractContext, type RawDate } from './extract.js';
import { loadDatesLexicon, type DatesLexicon } from './lexicon.js';
import { filterOf } from '../word-filter.js';
import { resolveRaw, type Resolved } from './resolve.js';
import { tokenIndexAt } from '../sentences/index.js';
import { languageOf } from '../../lang/index.js';

export { loadDatesLexicon } from './lexicon.js';

const R = (id: string) => 'dates.' + id;

/** All raw date mentions in token order, without overlaps. */
export function extractRaw(c: ExtractContext): RawDate[] {
  const out: RawDate[] = [];
  const tk = c.tokens;
  const starters = filterOf(c.lex.starters);
  for (let i = 0; i < tk.length; ) {
    const t = tk[i];
    // a quick filter: only numbers, known starter words and hyphenated words ("mid-March") can start a date
    if (t.kind !== 'number' && (t.kind !== 'word' || (!(starters.mayHave(t.lower) && c.lex.starters.has(t.lower)) && t.lower.indexOf('-') < 0))) {
      i++;
      continue;
    }
    const r = rangeAt(c, i) ?? dateAt(c, i);
    if (r) {
      const t = tenseOf(c, r.s, r.e);
      r.tense = t.tense;
      if (t.cued && t.tense === 'past') r.pastCued = true;
      out.push(r);
      i = r.e;
    } else i++;
  }
  return out;
}

/** A day next to a verb of saying ("said on Tuesday", "on Tuesday said", "told SANA on Friday"). */
function reportingDay(c: ExtractContext, r: RawDate): boolean {
  const tk = c.tokens;
  const sent = tk[r.s].sentence;
  for (let k = r.s - 1, n = 0; k >= 0 && n < 6 && tk[k].sentence === sent; k--, n++) {
    const w = tk[k].lower;
    if (c.lex.reportingVerbs.has(w)) return true;
    // "told SANA on Friday": one name between the verb and the day
    if (!c.lex.reportingSkip.has(w) && !(n <= 2 && /^\p{Lu}/u.test(tk[k].text) && k > 0 && c.lex.reportingVerbs.has(tk[k - 1].lower))) break;
  }
  const next = tk[r.e];
  return !!next && next.sentence === sent && c.lex.reportingVerbs.has(next.lower);
}

interface Dateline {
  raw: RawDate;
  cue: Span | null;
}

/** A city in capitals before a wire dateline ("BEIRUT"). */
const WIRE_CITY = /^\p{Lu}{3,}$/u;
const TIME = /^(?:[01]?\d|2[0-3])(?::?[0-5]\d)?$/;

/** A dateline cue ("Published", "Last updated at") right before token s, past punctuation and a clock time. */
function cueBefore(c: ExtractContext, s: number): Span | null {
  const tk = c.tokens;
  let k = s - 1;
  for (let n = 0; k >= 0 && n < 4 && (tk[k].kind === 'punct' || tk[k].kind === 'symbol' || (tk[k].kind === 'number' && TIME.test(tk[k].text))); n++) k--;
  if (k < 0) return null;
  const hit = c.lex.datelineCues.matchEndingAt(tk, k);
  return hit ? { start: tk[hit.start].start, end: tk[k].end } : null;
}

export interface Datelines {
  /** The article's dateline: its day is the reference date. */
  main: Dateline | null;
  /** Every publication stamp (the main dateline and cued ones such as "updated ..."): not days of events. */
  all: Map<RawDate, Span | null>;
}

/** The article's own dateline: a full date near the start (not led by "on", "since"...), or one with a
 * cue ("Published", "Last updated") near the start or end. The first near the start wins; the other
 * cued stamps near the start or end are kept as publication stamps too. */
export function findDateline(c: ExtractContext, raws: RawDate[], textLength: number): Datelines {
  const tk = c.tokens;
  const W = c.lex.datelineWindow;
  let main: Dateline | null = null;
  let atEnd: Dateline | null = null;
  const all = new Map<RawDate, Span | null>();
  for (const r of raws) {
    if (r.spec.t !== 'abs' || r.spec.y == null || r.spec.d == null || r.since || r.to) continue;
    const start = tk[r.s].start;
    const end = tk[r.e - 1].end;
    const cue = cueBefore(c, r.s);
    if (start < W.start) {
      if (cue) all.set(r, cue);
      if (!main && (cue || r.s === 0 || !c.lex.datelineBlockers.has(tk[r.s - 1].lower))) {
        main = { raw: r, cue };
        all.set(r, cue);
      }
    } else if (cue && end > textLength - W.end) {
      all.set(r, cue);
      if (!atEnd) atEnd = { raw: r, cue };
    }
  }
  if (!main && !atEnd) {
    // a wire dateline without a year: "BEIRUT, Dec 20 (Reuters) -", "MOSCOW October 1 (RIA Novosti)"
    for (const r of raws) {
      if (r.spec.t !== 'abs' || r.spec.y != null || r.spec.d == null || r.since || r.to || tk[r.s].start >= W.start) continue;
      const next = tk[r.e];
      let p = r.s - 1;
      if (p >= 0 && tk[p].text === ',') p--;
      if (r.s > 0 && c.lex.datelineBlockers.has(tk[r.s - 1].lower)) continue;
      if ((next && next.text === '(') || (p >= 0 && WIRE_CITY.test(tk[p].text))) {
        main = { raw: r, cue: null };
        all.set(r, null);
        break;
      }
    }
  }
  return { main: main ?? atEnd, all };
}

export function findDates(a: Analysis, lex: DatesLexicon): { mentions: DateMention[]; referenceDate: string | null } {
  const text = a.document.text;
  const tokens = a.tokens;
  const published = parseIso(a.document.published);
  const c: ExtractContext = { tokens, lex, published };
  const raws = extractRaw(c);
  const stamps = findDateline(c, raws, text.length);
  const dl = stamps.main;
  let ref = published;
  let referenceDate = published != null ? toIso(published) : null;
  if (dl) {
    // a dateline without a year takes the year that puts it nearest the published date
    const res = resolveRaw(dl.raw, published);
    if (res) {
      ref = res.first;
      referenceDate = toIso(ref);
    }
  }
  const mentions: DateMention[] = [];
  // the day named last (not the dateline), for "the next day", "two days later"
  let lastDay: number | null = null;
  for (const [ri, r] of raws.entries()) {
    // ("killed the previous day, the monitor said on Friday": with no day named before it, the day it was
    // reported, later in its sentence, anchors it)
    const anchor: number | null = r.spec.t === "anaphor" ? (lastDay ?? reportedLater(c, raws, ri, ref)) : null;
    const res: Resolved | null =
      r.spec.t === 'anaphor' ? (anchor == null ? null : { first: anchor + r.spec.days, last: anchor + r.spec.days, precision: 'day', range: false }) : resolveRaw(r, ref);
    if (!res) continue;
    if (res.precision === 'day' && !stamps.all.has(r)) lastDay = res.range ? res.last : res.first;
    const span = { start: tokens[r.s].start, end: tokens[r.e - 1].end };
    const evidence: Evidence[] = [{ rule: R(r.rule), span }];
    if (res.precision === 'day' && reportingDay(c, r)) evidence.push({ rule: R('reporting-day'), span, note: 'the day something was said' });
    if (r.timeAt != null) evidence.push({ rule: R('time'), span: { start: r.timeAt, end: span.end } });
    if (r.tense !== 'past') evidence.push({ rule: R('tense-' + r.tense), span, note: r.tense === 'future' ? 'resolved forward' : 'resolved to the nearest day' });
    const m: DateMention = { start: span.start, end: span.end, text: text.slice(span.start, span.end), date: toIso(res.first), precision: res.precision, evidence };
    if (res.range) m.until = toIso(res.last);
    if (stamps.all.has(r)) {
      const cue = stamps.all.get(r) ?? null;
      m.dateline = true;
      const kind = dl && dl.raw === r ? 'dateline' : 'stamp';
      evidence.unshift({ rule: R(cue ? kind + '-cue' : kind + '-start'), span: cue ? { start: cue.start, end: span.end } : span });
    }
    mentions.push(m);
  }
  return { mentions, referenceDate };
}

/** The day a statement later in the sentence of raw ri was made ("..., the monitor said on Friday"), or null. */
function reportedLater(c: Parameters<typeof reportingDay>[0], raws: readonly RawDate[], ri: number, ref: number | null): number | null {
  const sentence = c.tokens[raws[ri].s].sentence;
  for (let k = ri + 1; k < raws.length && c.tokens[raws[k].s].sentence === sentence; k++) {
    if (raws[k].spec.t === 'anaphor' || !reportingDay(c, raws[k])) continue;
    const res = resolveRaw(raws[k], ref);
    if (res && res.precision === 'day') return res.first;
  }
  return null;
}

/** Index of the first token starting at or after offset. */
const tokenFrom = tokenIndexAt;

/** The mention holding the span (mentions sorted by start, without overlaps). */
function mentionHolding(mentions: DateMention[], s: Span): DateMention | undefined {
  let lo = 0, hi = mentions.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = mentions[mid];
    if (s.start < m.start) hi = mid - 1;
    else if (s.start >= m.end) lo = mid + 1;
    else return s.end <= m.end ? m : undefined;
  }
  return undefined;
}

/** Numbers inside dates become non-counts ('date', 'time', 'year', or 'duration' before a time unit);
 * numbers before a time unit elsewhere become 'duration' ('age' when "old" follows). Never overrides. */
export function markQuantities(quantities: Quantity[], mentions: DateMention[], tokens: Token[], lex: DatesLexicon): void {
  for (const q of quantities) {
    if (q.nonCount) continue;
    const core = q.core ?? q;
    const after = tokenFrom(tokens, q.end);
    const unit = after < tokens.length && tokens[after].sentence === tokens[Math.max(0, after - 1)].sentence && lex.durationUnits.has(tokens[after].lower);
    const m = mentionHolding(mentions, core);
    let kind: NonCountKind | null = null;
    let rule = '';
    if (m) {
      rule = 'inside-date';
      if (unit) kind = 'duration';
      else if (m.evidence.some((e) => e.rule === R('time') && core.start >= e.span.start)) kind = 'time';
      else if (m.precision === 'year' && !m.until) kind = 'year';
      else kind = 'date';
    } else if (unit) {
      rule = 'duration-unit';
      const old = after + 1 < tokens.length && tokens[after + 1].sentence === tokens[after].sentence && lex.ageMarkers.has(tokens[after + 1].lower);
      kind = old ? 'age' : 'duration';
    }
    if (kind) {
      q.nonCount = kind;
      q.evidence.push({ rule: R(rule), span: m ? { start: m.start, end: m.end } : { start: q.start, end: tokens[after].end } });
    }
  }
}

export const datesStage: Stage = {
  name: 'dates',
  requires: ['sentences', 'tokens', 'quantities'],
  assigns: ['dates', 'referenceDate', 'quantities'],
  run(a: Analysis, r: Resources) {
    const L = languageOf(a);
    const lex = r.get(L.lexiconKey('dates.lexicon'), () => loadDatesLexicon(L));
    const { mentions, referenceDate } = findDates(a, lex);
    a.dates = mentions;
    a.referenceDate = referenceDate;
    markQuantities(a.quantities, mentions, a.tokens, lex);
  },
};
