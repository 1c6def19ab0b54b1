// The candidate counts: every count quantity of the numbers stage (non-counts only mark their tokens, so
// that "a 10-year-old boy" reads the age inside the group) and every singular "a/an/another".
import type { Analysis } from '../../core/types.js';
import { type Draft, lowerBound } from './context.js';

export function collectDrafts(a: Analysis, inQ: Uint8Array): Draft[] {
  const toks = a.tokens;
  const drafts: Draft[] = [];
  for (const q of a.quantities) {
    const qi = lowerBound(toks, q.start);
    let qj = qi;
    while (qj < toks.length && toks[qj].end <= q.end) qj++;
    for (let k = qi; k < qj; k++) inQ[k] = q.nonCount ? 2 : 1;
    if (q.nonCount) continue;
    if (q.min == null && q.max == null) continue;
    const v = q.min ?? q.max!;
    if (!Number.isInteger(v) || v <= 0) continue;
    drafts.push({ qi, qj, min: q.min, max: q.max, approx: q.approx, qSpan: { start: q.start, end: q.end }, qText: q.text, singular: false, qRule: q.evidence[0]?.rule ?? 'numbers' });
  }
  // singular counts: "a woman was killed", "a bus was hit", "An armored vehicle ... destroyed"
  for (let k = 0; k < toks.length; k++) {
    const w = toks[k].lower;
    if ((w !== 'a' && w !== 'an' && w !== 'another') || inQ[k]) continue;
    drafts.push({ qi: k, qj: k + 1, min: 1, max: 1, approx: false, qSpan: { start: toks[k].start, end: toks[k].end }, qText: toks[k].text, singular: true, qRule: 'claims.singular-article' });
  }
  drafts.sort((x, y) => x.qi - y.qi);
  return drafts;
}
