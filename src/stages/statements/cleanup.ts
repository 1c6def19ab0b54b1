// Last passes: quotations inside a reported clause are covered by it; one statement per content span; quotes with no cue inherit the speaker before them.
import type { Ctx } from './context.js';
import type { Speaker } from '../../core/types.js';
import { tokAt } from './context.js';

const INHERIT_MARGIN = 2;
const INHERIT_MIN = 0.5;

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
    else if (s.direct && s.evidence[0].rule === 'statements.quote.inherit') {
      // a quotation opening its paragraph after a paragraph about someone else ("X, a policy analyst,
      // outlined ... ¶ “...”"): the person the text is about, when clearly more salient than the last speaker
      const q = c.salientAtQuote?.get(c.quoted[tokAt(c.tok, s.start)] ?? -1);
      const lastV = last ? q?.ranked.get(last.name) ?? 0 : 0;
      if (q && q.top.name !== last?.name && q.v >= INHERIT_MARGIN * lastV && q.v >= INHERIT_MIN) s.speaker = { start: s.start, end: s.start, name: q.top.name, ...(q.top.actorId ? { actorId: q.top.actorId } : {}), kind: 'person' };
      else if (last) s.speaker = { ...last };
    }
  }
}
