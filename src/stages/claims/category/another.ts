// Category constructions "another" and "bare victim". "another": "another" standing for one more person of the sentence's count, with its
// predicate right after it ("three villagers were killed and another died in hospital", "another was
// wounded"). Not "one another", not "another 5" (a count of its own), not "another day".
import type { Cat, Ctx, Draft } from '../context.js';

export function catAnother(c: Ctx, d: Draft, floor: number, end: number): Cat | null {
  const { toks, lex } = c;
  if (!lex.standIns.has(toks[d.qi].lower)) return null;
  if (d.qi > floor && lex.standInBlockers.has(toks[d.qi - 1].lower)) return null;
  let k = d.qj;
  while (k < end && k < d.qj + 3 && lex.aux.has(toks[k].lower)) k++;
  if (k >= end || c.inQ[k]) return null;
  const p = lex.after.at(toks, k, end) ?? lex.namedIntransitive.at(toks, k, end);
  if (!p) return null;
  const q = lex.after.at(toks, p.start, end);
  // active verbs with an object ("another killed two guards") are what the one did, not what happened to them
  if (k === d.qj && p.end < end && (c.inQ[p.end] === 1 || lex.articles.has(toks[p.end].lower))) return null;
  const category = q?.value;
  if (!category || category === 'casualties') return null;
  return { category, rule: 'claims.category:another', start: d.qi, end: p.end };
}

/** "Fiancée of murdered Saudi journalist": the participle of a bare-victim draft (drafts.ts) names the death. */
export function catBareVictim(c: Ctx, d: Draft, end: number): Cat | null {
  if (d.qRule !== 'claims.bare-victim') return null;
  const p = c.lex.after.at(c.toks, d.qi, end);
  return p && p.value === 'killed' ? { category: p.value, rule: 'claims.category:bare-victim', start: d.qi, end: d.qj } : null;
}
