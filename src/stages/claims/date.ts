// The day of a claim: a day in its sentence, else the day the report last named (the dates stage's
// DayIndex); none when the sentence names only a coarser time of its own ("since 2011", "in March").
import type { Analysis, Claim, DateMention, Evidence } from '../../core/types.js';
import { DayIndex } from '../dates/context.js';
import { lowerBound } from './context.js';

export class ClaimDays {
  private days: DayIndex;
  private coarse = new Set<number>();
  /** the article's own dateline, when it has one of day precision */
  private dateline: DateMention | undefined;
  constructor(a: Analysis) {
    this.days = new DayIndex(a);
    this.dateline = a.dates.find((d) => d.dateline && d.precision === 'day' && !d.until && d.evidence[0]?.rule.includes('dateline'));
    for (const d of a.dates) {
      if (d.precision === 'day' || d.dateline) continue;
      const t = lowerBound(a.tokens, d.start);
      if (t < a.tokens.length) this.coarse.add(a.tokens[t].sentence);
    }
  }

  /** Sets claim.date and pushes its evidence. */
  date(claim: Claim, evidence: Evidence[], sentence: { start: number; end: number }): void {
    const s = claim.sentence;
    let day = this.days.dayFor({ start: claim.start, end: claim.end }, s);
    const span = { start: claim.start, end: claim.end };
    if (day && day.how !== 'sentence' && this.coarse.has(s) && this.days.coarseFor(s, span)) {
      day = null;
      evidence.push({ rule: 'claims.date:coarse', span: { start: sentence.start, end: sentence.end } });
    }
    if (!day) {
      // a lead before any day is named, in its own voice ("Six people were killed in a shooting at ..."):
      // the toll as of the report, the day of its dateline; never a sentence with a coarser time of its own
      if (this.dateline && !(this.coarse.has(s) && this.days.coarseFor(s, span)) && !evidence.some((e) => e.rule === 'claims.date:coarse') && this.days.isLead(s)) {
        claim.date = this.dateline.date;
        evidence.push({ rule: 'claims.date:dateline', span: { start: this.dateline.start, end: this.dateline.end } });
      }
      return;
    }
    // a count over a period ("in the past 24 hours", "since Sunday") is dated by its last day
    claim.date = day.date;
    // (the note in the literal, undefined when there is none, rather than added after: one hidden class)
    evidence.push({ rule: 'claims.date:' + day.how, span: { start: day.mention.start, end: day.mention.end }, note: day.from ? `period from ${day.from}` : undefined });
  }
}
