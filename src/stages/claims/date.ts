// The day of a claim: a day in its sentence, else the day the report last named (the dates stage's
// DayIndex); none when the sentence names only a coarser time of its own ("since 2011", "in March").
import type { Analysis, Claim, Evidence } from '../../core/types.js';
import { DayIndex } from '../dates/context.js';
import { lowerBound } from './context.js';

export class ClaimDays {
  private days: DayIndex;
  private coarse = new Set<number>();
  constructor(a: Analysis) {
    this.days = new DayIndex(a);
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
    if (day && day.how !== 'sentence' && this.coarse.has(s)) {
      day = null;
      evidence.push({ rule: 'claims.date:coarse', span: { start: sentence.start, end: sentence.end } });
    }
    if (!day) return;
    // a count over a period ("in the past 24 hours", "since Sunday") is dated by its last day
    claim.date = day.date;
    const ev: Evidence = { rule: 'claims.date:' + day.how, span: { start: day.mention.start, end: day.mention.end } };
    if (day.from) ev.note = `period from ${day.from}`;
    evidence.push(ev);
  }
}
