// Category construction "vehicle": something happens to a single vehicle ("hit a bus", "a bus was set alight").
import type { Cat, Ctx, Group } from '../context.js';
import { skipNested } from '../group.js';

/**
 * Something happens to a single vehicle ("hit a bus", "a bus was hit", "a convoy of trucks carrying
 * families"). An active verb after it ("a drone struck") makes it the attacker: no claim.
 */
export function vehicleHappened(c: Ctx, qi: number, g: Group, floor: number, end: number): Cat | null {
  const { toks, lex } = c;
  let k = qi - 1;
  for (let skipped = 0, over = 0; k >= floor && skipped <= 2; skipped++, k--) {
    const p = lex.vehicleBefore.endingAt(toks, k, floor);
    if (p) return { category: 'vehicles', rule: 'claims.vehicle:verb-before', start: p.start, end: p.end };
    // the second of two vehicles ("the explosions of a truck and a car", "d'un camion et d'une voiture"):
    // past the first one's words to the verb or noun before both (once)
    if (over === 0 && lex.coordinators.has(toks[k].lower) && k - 1 >= floor && lex.vehicles.has(toks[k - 1].lower)) {
      over = 1;
      k--;
      for (let n = 0; k - 1 >= floor && n < 3 && lex.vehicles.has(toks[k - 1].lower); n++) k--;
      skipped = -1;
      continue;
    }
    if (!lex.beforeSkip.has(toks[k].lower)) break;
  }
  let sawAux = false;
  let steps = 0;
  // "A cargo plane, said to belong to the air force, crashed": past an aside set off by commas
  let from = g.last + 1;
  if (from < end && toks[from].text === ',') {
    let m = from + 1;
    while (m < end && m < from + 16 && toks[m].text !== ',') m++;
    if (m < end && toks[m].text === ',' && m > from + 1) from = m + 1;
  }
  for (let m = from; m < end && steps < 12; m++, steps++) {
    if (c.inQ[m] === 1) {
      const skip = skipNested(c, m - 1, end);
      if (skip > m) { m = skip - 1; continue; }
      return null;
    }
    if (steps <= 2) {
      const p = lex.vehicleAfter.at(toks, m, end);
      if (p) return { category: 'vehicles', rule: 'claims.vehicle:after', start: p.start, end: p.end };
    }
    if (sawAux) {
      const p = lex.vehicleAfterPassive.at(toks, m, end);
      if (p) return { category: 'vehicles', rule: 'claims.vehicle:passive', start: p.start, end: p.end };
    }
    const skip = skipNested(c, m, end);
    if (skip > m) { m = skip - 1; continue; }
    // "on a motorcycle when they were attacked": a new clause says what happened to someone else
    if (lex.vehicleClauseBreaks.has(toks[m].lower)) return null;
    if (lex.passiveAux.has(toks[m].lower)) sawAux = true;
  }
  return null;
}
