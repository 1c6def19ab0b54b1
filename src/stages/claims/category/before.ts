// Category construction "before": an active verb right before the number ("killed at least 12 people").
import { type Cat, type Ctx, isThingNoun } from '../context.js';
import { endsWithAny } from '../../endings.js';

/** quotation marks between the verb and what it counts, opening ('killed "dozens of militia members"') or
 * closing a quoted verb ('avoir « neutralisé » une trentaine de terroristes', '"eliminated" 40 fighters') */
const QUOTES = new Set(['"', '“', '”', '‘', '’', "'", '«', '»']);

/** An active verb right before the number ("killed at least 12", "kills, injures over 70"). */
export function catBefore(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  let skipped = 0;
  while (k >= floor && skipped < 3) {
    const p = lex.before.endingAt(toks, k, floor);
    if (p) {
      // "20 fighters were killed two of them commanders": a passive verb belongs to the earlier group
      // ("were attended by thousands": the count is the passive's agent, and the cue names it)
      if (p.start > floor && lex.passiveAux.has(toks[p.start - 1].lower) && !endsWithAny(toks[p.start].lower, lex.presentParticipleEndings) && !lex.agentMarkers.has(toks[p.end - 1].lower)) return null;
      let cat: Cat = { category: p.value, rule: 'claims.category:before', start: p.start, end: p.end };
      // "kills, injures over 70": killed and injured together are casualties
      let m = p.start - 1;
      while (m >= floor && lex.verbListJoins.has(toks[m].lower)) m--;
      {
        const p2 = lex.before.endingAt(toks, m, floor);
        if (p2 && p2.value !== p.value && (p2.value === 'killed' || p2.value === 'injured') && (p.value === 'killed' || p.value === 'injured')) {
          cat = { category: 'casualties', rule: 'claims.category:before-both', start: p2.start, end: p.end };
        }
      }
      return cat;
    }
    // (past a count of animals or things before "and": "killed 300 goats and 12 people")
    const t = k - 2 >= floor && lex.coordinators.has(toks[k].lower) && c.inQ[k - 2] === 1 ? toks[k - 1] : null;
    if (t && t.kind === 'word' && isThingNoun(lex, t.lower)) {
      k -= 2;
      while (k > floor && c.inQ[k - 1] === 1) k--;
      k--;
      continue;
    }
    // (past a possessive too: "killed his two sons", "a tué ses deux fils")
    if (!lex.beforeSkip.has(toks[k].lower) && !lex.possessives.has(toks[k].lower) && !QUOTES.has(toks[k].text)) return null;
    skipped++;
    k--;
  }
  return null;
}

/**
 * "The ambulance took away two students": a carrier of care (ambulance, paramedics) as the subject of a verb of
 * carrying right before the number: those carried are the injured. The carrier stands at most 4 words before the verb.
 */
export function catCarried(c: Ctx, qi: number, floor: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  while (k >= floor && k >= qi - 3 && lex.beforeSkip.has(toks[k].lower)) k--;
  const p = k >= floor ? lex.carryVerbs.endingAt(toks, k, floor) : null;
  if (!p) return null;
  for (let m = p.start - 1; m >= floor && m >= p.start - 4; m--) {
    if (lex.careCarriers.has(toks[m].lower)) return { category: 'injured', rule: 'claims.category:carried', start: m, end: p.end };
    if (lex.stops.has(toks[m].lower)) return null;
  }
  return null;
}
