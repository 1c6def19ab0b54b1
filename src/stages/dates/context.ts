// The day an item (a claim, an event) in a sentence refers to, for later stages: a day-precision date in
// its own sentence (nearest; a day of events before a day something was said, "said on Tuesday"; a
// single day before a range), else none when the sentence names a coarser time of its own ("last
// week", "since 2011", "the war which has lasted five years"), else the day of the happening it refers
// back to ("died in the attack": the day an earlier sentence gave the attack), else the day the text
// last named before it
// (reports go on about the same day until they name another), else, for a headline or a lead that
// comes before any day, the first day named in the next few sentences. The dateline is the day of
// publication, not of the events, and is never used. A range ("since Sunday", "in the past 24 hours")
// gives its last day: a count over a period that runs up to the report is the count as of the report.
import type { Analysis, DateMention, Span, Token } from '../../core/types.js';
import { tokenIndexAt } from '../sentences/index.js';
import { parseIso } from './calendar.js';
import { loadDatesLexicon, type DatesLexicon } from './lexicon.js';
import { languageOf } from '../../lang/index.js';

export interface DayPick {
  /** YYYY-MM-DD */
  date: string;
  /** First day when the mention is a range (date is then its last day). */
  from?: string;
  mention: DateMention;
  /** How the day was found: in the sentence, from the earlier sentence naming the same happening
   * ("the attack"), carried from an earlier sentence, or from a later one. */
  how: 'sentence' | 'event' | 'previous' | 'following';
}

export class DayIndex {
  private readonly days: DateMention[];
  private readonly sentOf: number[];
  private readonly reportingSet = new Set<DateMention>();
  /** Sentences naming a period coarser than a day ("last week", "in March 2011", "since 2011"), with those periods. */
  private readonly coarse = new Map<number, Span[]>();
  private readonly tokens: readonly Token[];
  /** the publication day: a day after it is a date to come (a court date, a deadline), never the day of a count */
  private readonly ref: string | null;
  private readonly lex: DatesLexicon;
  /** Event lemma → the days named right beside it, in text order ("a sarin attack ... on the 4th of April"). */
  private readonly eventDays = new Map<string, { sentence: number; mention: DateMention }[]>();
  /** Sentence → event lemmas it refers back to ("died in the suspected attack"). */
  private readonly definite = new Map<number, string[]>();

  /** Sentences to look ahead from a headline or lead that comes before any day. */
  static readonly LOOKAHEAD = 3;
  /** Only the first sentences (headline, lead) look ahead; later ones without a day have none. */
  static readonly LEAD = 3;

  /** lex: the dates lexicon (for the long time units); loaded once when not given. */
  constructor(a: Analysis, lex?: DatesLexicon) {
    const L = lex ?? loadDatesLexicon(languageOf(a));
    this.tokens = a.tokens;
    this.ref = a.referenceDate ?? null;
    this.lex = L;
    const addCoarse = (sentence: number, span: Span) => {
      const l = this.coarse.get(sentence) ?? [];
      l.push(span);
      this.coarse.set(sentence, l);
    };
    this.days = a.dates.filter((d) => d.precision === 'day' && !d.dateline).sort((p, q) => p.start - q.start);
    for (const d of this.days) if (d.evidence.some((e) => e.rule === 'dates.reporting-day')) this.reportingSet.add(d);
    // sentence index of each mention (sentences are sorted and cover the mentions)
    const ss = a.sentences;
    const sentenceOf = (d: DateMention) => {
      let lo = 0, hi = ss.length - 1, found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (d.start < ss[mid].start) hi = mid - 1;
        else if (d.start >= ss[mid].end) lo = mid + 1;
        else {
          found = ss[mid].index;
          break;
        }
      }
      return found;
    };
    this.sentOf = this.days.map(sentenceOf);
    for (const d of a.dates) if (d.precision !== 'day' && !d.dateline) addCoarse(sentenceOf(d), d);
    // a span of months or years ("the conflict which has lasted five years") is a coarse time too
    const tk = a.tokens;
    for (const q of a.quantities) {
      if (q.nonCount !== 'duration') continue;
      let lo = 0, hi = tk.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (tk[mid].start < q.end) lo = mid + 1;
        else hi = mid;
      }
      if (lo < tk.length && L.longDurationUnits.has(tk[lo].lower)) addCoarse(tk[lo].sentence, { start: q.start, end: tk[lo].end });
    }
    // happenings named with their day, and references back to them
    let di = 0;
    for (let k = 0; k < tk.length; k++) {
      const t = tk[k];
      const lemma = L.eventNouns.get(t.lower);
      if (!lemma) continue;
      // the day mention nearest to the noun in its sentence, within reach; a day of events before a day of saying
      while (di < this.days.length && this.days[di].end < t.start - L.eventDayReach) di++;
      let near: DateMention | null = null;
      let nearKey = Infinity;
      for (let m = di; m < this.days.length && this.days[m].start <= t.end + L.eventDayReach; m++) {
        const d = this.days[m];
        if (this.sentOf[m] !== t.sentence) continue;
        const key = (d.start >= t.end ? d.start - t.end : t.start - d.end) + (this.reportingSet.has(d) ? 1000 : 0);
        if (key < nearKey) {
          nearKey = key;
          near = d;
        }
      }
      if (near) {
        const list = this.eventDays.get(lemma) ?? [];
        list.push({ sentence: t.sentence, mention: near });
        this.eventDays.set(lemma, list);
      }
      for (let b = k - 1; b >= 0 && b >= k - 3 && tk[b].sentence === t.sentence; b--) {
        if (L.definiteMarkers.has(tk[b].lower)) {
          const l = this.definite.get(t.sentence) ?? [];
          l.push(lemma);
          this.definite.set(t.sentence, l);
          break;
        }
      }
    }
  }

  /** The day of the latest earlier sentence that named, with its day, a happening this sentence refers back to. */
  private eventDay(sentence: number): DateMention | null {
    let best: { sentence: number; mention: DateMention } | null = null;
    for (const lemma of this.definite.get(sentence) ?? []) {
      const list = this.eventDays.get(lemma);
      if (!list) continue;
      for (let i = list.length - 1; i >= 0; i--) {
        if (list[i].sentence < sentence) {
          if (!best || list[i].sentence > best.sentence) best = list[i];
          break;
        }
      }
    }
    return best ? best.mention : null;
  }

  /**
   * Whether the time mention `t` sits in a relative clause that does not hold the item `span`: "aftershocks
   * of the quake that struck on Wednesday have raised the toll" (Wednesday is the quake's day), "hurt in the
   * attacks, which were the worst in two years". "said that ... on Monday" is no relative clause.
   * `before`: only when the item comes before the clause ("the war which has lasted six years has left
   * 300,000 dead" is a count over those years).
   */
  private otherClause(t: Span, span: Span, before = false): boolean {
    const tk = this.tokens;
    const at = tokenIndexAt(tk, t.start);
    if (at >= tk.length) return false;
    for (let k = at - 1, n = 0; k >= 0 && n < 12 && tk[k].sentence === tk[at].sentence; k--, n++) {
      const w = tk[k].lower;
      // (a comma before any relative word closes the clause the day is outside of: "40 people, dont une majorité
      // de civils, ont été tuées lundi")
      if (w === ';' || w === ':' || w === ',') return false;
      if (!this.lex.relativeWords.has(w)) continue;
      if (k > 0 && this.lex.reportingVerbs.has(tk[k - 1].lower)) return false;
      return span.start < tk[k].start || (!before && span.start >= t.end);
    }
    return false;
  }

  /** Whether the sentence names a time coarser than a day of its own for the item `span` (not one of another clause). */
  coarseFor(sentence: number, span: Span): boolean {
    const l = this.coarse.get(sentence);
    return !!l && l.some((t) => !this.otherClause(t, span, true));
  }

  /** Whether no day (other than the dateline) is named before this sentence, nor in it. */
  isLead(sentence: number): boolean {
    return !this.days.length || this.sentOf[0] > sentence;
  }

  /** The day for an item spanning `span` in sentence `sentence`, or null when the text names none. */
  dayFor(span: Span, sentence: number): DayPick | null {
    const { days, sentOf } = this;
    const reporting = this.reportingSet;
    // first mention whose sentence is >= sentence
    let lo = 0, hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sentOf[mid] < sentence) lo = mid + 1;
      else hi = mid;
    }
    let best: DateMention | null = null;
    let bestKey = Infinity;
    for (let k = lo; k < days.length && sentOf[k] === sentence; k++) {
      const d = days[k];
      const dist = d.start >= span.end ? d.start - span.end : d.end <= span.start ? span.start - d.end : 0;
      // a day of events before the day something was said about them, a single day before a range
      // and a day of the item's own clause before the day of a relative clause about something else
      const key = dist + (this.future(d) ? 200000 : 0) + (d.until ? 100000 : 0) + (this.otherClause(d, span) ? 50000 : 0) + (reporting.has(d) ? 10000 : 0);
      if (key < bestKey) {
        bestKey = key;
        best = d;
      }
    }
    if (best) return pick(best, 'sentence');
    // the sentence names its own time, only not a day ("earlier this week", "since 2011"): no day to carry over
    if (this.coarseFor(sentence, span)) return null;
    const ev = this.eventDay(sentence);
    if (ev) return pick(ev, 'event');
    // the day last named, past dates to come ("the court will hear the case on May 20")
    let back = lo - 1;
    while (back >= 0 && this.future(days[back])) back--;
    // (a day of the sentence right before goes on: "... on 8 June. Four civilians had been killed")
    if (back >= 0) return pick(days[sentOf[back] >= sentence - 1 ? back : this.notFlashback(back)], 'previous');
    if (lo > 0) return null;
    let ahead = lo;
    while (ahead < days.length && this.future(days[ahead])) ahead++;
    if (sentence < DayIndex.LEAD && ahead < days.length && sentOf[ahead] - sentence <= DayIndex.LOOKAHEAD) return pick(days[ahead], 'following');
    return null;
  }

  /**
   * The day to carry from mention `back`: when it lies weeks before a day the text named earlier (a comparison
   * with past attacks: "as in Nice and Berlin, on 14 July and 19 December"), the text has gone back in time
   * for a moment; carry the latest earlier day within a week of the latest day named so far. Only for a day
   * two or more sentences back: the sentence right after a look back goes on with it.
   */
  private notFlashback(back: number): number {
    const days = this.days;
    if (!this.latestUpTo) {
      // the latest day (not to come) named up to each mention, once
      this.latestUpTo = new Float64Array(days.length);
      let latest = -Infinity;
      for (let k = 0; k < days.length; k++) {
        if (!this.future(days[k])) latest = Math.max(latest, parseIso(days[k].until ?? days[k].date) ?? -Infinity);
        this.latestUpTo[k] = latest;
      }
    }
    const latest = this.latestUpTo[back];
    for (let k = back; k >= 0 && k > back - DayIndex.FLASHBACK_REACH; k--) {
      if (this.future(days[k])) continue;
      const n = parseIso(days[k].until ?? days[k].date);
      if (n != null && latest - n <= DayIndex.FLASHBACK_DAYS) return k;
    }
    return back;
  }

  private latestUpTo: Float64Array | null = null;
  /** How many mentions back a look back in time is searched past. */
  static readonly FLASHBACK_REACH = 24;

  /** How far before the latest day named a carried day may lie before it counts as a look back in time. */
  static readonly FLASHBACK_DAYS = 7;

  /** A day after the publication day. */
  private future(d: DateMention): boolean {
    return this.ref != null && d.date > this.ref;
  }
}

function pick(d: DateMention, how: DayPick['how']): DayPick {
  return d.until ? { date: d.until, from: d.date, mention: d, how } : { date: d.date, mention: d, how };
}
