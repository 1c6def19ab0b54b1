// Last passes: quotations inside a reported clause are covered by it; one statement per content span; quotes with no cue inherit the speaker before them.
import type { Ctx } from './context.js';
import type { Speaker } from '../../core/types.js';

export function dropEmbedded(c: Ctx) {
  const reportedSt = c.out.filter((s) => !s.direct);
  if (!reportedSt.length) return;
  c.out = c.out.filter((s) => !s.direct || !reportedSt.some((r) => r.start <= s.start && r.end >= s.end && r.start < s.start));
}

export function inherit(c: Ctx) {
  c.out.sort((a, b) => a.start - b.start);
  // one statement per content span
  c.out = c.out.filter((s, i) => i === 0 || s.start !== c.out[i - 1].start || s.end !== c.out[i - 1].end);
  let last: Speaker | null = null;
  for (const s of c.out) {
    if (s.speaker) last = s.speaker;
    else if (s.direct && last && s.evidence[0].rule === 'statements.quote.inherit') s.speaker = { ...last };
  }
}
