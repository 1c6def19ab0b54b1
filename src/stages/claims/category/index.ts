// The category of a count: vehicles when the group's head is a vehicle; otherwise the constructions of
// order.ts in turn, the bare-number construction when there is no group, and inherit last.
import type { Claim } from '../../../core/types.js';
import { type Cat, type Ctx, type Draft, type Group } from '../context.js';
import { firstOf, LEAD, PEOPLE, type Site } from '../order.js';
import { catAfter } from './after.js';
import { catBare } from './bare.js';
import { catInherit } from './inherit.js';
import { catNoun } from './noun.js';
import { catModifier } from './modifier.js';
import { vehicleHappened } from './vehicle.js';

export interface Categorised {
  cat: Cat;
  /** the earlier claim a nested or listed count takes its category from */
  parent?: Claim;
}

/** Is the group's head a noun of harm done that names its own category ("17 murders", "15 bodies")? Not after an
 * acronym: "one of ISIS bodies" are its organs, not the dead. */
function harmNoun(c: Ctx, g: Group): boolean {
  const { toks, lex } = c;
  return lex.eventCountNouns.has(toks[g.head].lower) && !(g.head > 0 && /^\p{Lu}{2,}$/u.test(toks[g.head - 1].text));
}

/** null: no claim. `prev` is the last claim when it is in the same sentence. */
export function categorise(c: Ctx, d: Draft, g: Group | null, floor: number, end: number, afterFrom: number, prev: Claim | undefined): Categorised | null {
  const { toks, lex } = c;
  if (g && g.kind === 'vehicle') {
    // "a Boeing 707 cargo plane": a number right after a capitalised name is a model, not a count
    if (!d.singular && d.qi > floor && toks[d.qi - 1].kind === 'word' && /^\p{Lu}/u.test(toks[d.qi - 1].text)) return null;
    // "one helicopter" counts only when something happens to it, as "a helicopter" does
    if (d.singular || (d.min === 1 && d.max === 1)) {
      const cat = vehicleHappened(c, d.qi, g, floor, end);
      return cat ? { cat } : null;
    }
    return { cat: { category: 'vehicles', rule: 'claims.category:vehicle-noun', start: g.head, end: g.head + 1 } };
  }
  const site: Site = { d, g, floor, end, afterFrom };
  let cat = firstOf(LEAD, c, site);
  let elliptic = false;
  // "claimed 70 were wounded": a weak verb before the count yields to the predicate after it
  if (cat && cat.rule === 'claims.category:before' && cat.end - cat.start === 1 && lex.weakBefore.has(toks[cat.start].lower)) {
    const after = catAfter(c, afterFrom, end);
    if (after && toks[after.start - 1] && lex.passiveAux.has(toks[after.start - 1].lower)) cat = after;
  }
  if (g && g.kind === 'people') {
    // "2 persons killed 13 injured": a bare participle after the number names its own category
    // "charged with 17 murders": a noun of harm counts victims, whatever the verb before
    if (cat && harmNoun(c, g)) {
      const own = catNoun(c, g);
      if (own) cat = own;
    }
    if (cat && cat.rule === 'claims.category:before' && g.first === g.head && lex.pluralWithoutS.has(toks[g.head].lower)) {
      const own = catNoun(c, g);
      if (own && own.category !== cat.category) cat = own;
    }
    // "a bus carrying around 45 passengers": travellers carried on board are counted, not displaced
    if (cat && cat.rule === 'claims.category:before' && cat.category === 'displaced' && lex.travellers.has(toks[g.head].lower) && lex.carryingCues.has(toks[cat.start].lower)) {
      // (unless what follows says what happened to them: "buses carrying 300 passengers left the besieged town")
      cat = catAfter(c, afterFrom, end) ?? { ...cat, category: 'other', rule: 'claims.category:travellers' };
    }
    if (!cat) {
      cat = firstOf(PEOPLE, c, site);
      // "500 arrested protesters": what happened to them (a modifier) beats a crowd word as head
      if (cat && cat.category === 'other' && cat.rule === 'claims.category:noun' && !d.singular) {
        const mod = catModifier(c, g);
        if (mod && mod.category !== 'other') cat = mod;
      }
      // "154 interpellations ... et de 21 policiers blessés": a noun of what was done names its own category
      // before a predicate further on
      if (cat && cat.rule !== 'claims.category:noun' && harmNoun(c, g)) {
        const own = catNoun(c, g);
        if (own) cat = own;
      }
    }
  } else if (g && g.kind === 'them') {
    if (!cat) cat = catAfter(c, g.last + 1, end);
  } else if (!g) {
    if (d.singular) return null;
    const bare = catBare(c, d, end, cat);
    if (!bare) return null;
    cat = bare.cat;
    elliptic = bare.elliptic;
  }
  // "two more bodies were found, bringing the total to 112": a total after a count of its sentence is the
  // same kind of count
  if (!cat && !g && prev && prev.category !== 'vehicles' && prev.sentence === toks[d.qi].sentence && d.qi - 2 >= floor && lex.tollLink.has(toks[d.qi - 1].lower) && lex.totalWords.has(toks[d.qi - 2].lower)) {
    return { cat: { category: prev.category, rule: 'claims.category:total', start: d.qi - 2, end: d.qi } };
  }
  if (!cat && prev && prev.category !== 'vehicles' && !d.singular) {
    const inh = catInherit(c, d, g, floor, end, prev, elliptic);
    if (inh) return { cat: inh, parent: prev };
  }
  return cat ? { cat } : null;
}
