// For one draft: its counted group and what happened, by the kind of draft. Named persons (named.ts), a role
// relative to someone (possessed.ts), a headline's one person or vehicle (headline.ts), and every number or
// singular article (group.ts, admit.ts, category/*). null: no claim.
import type { Claim } from '../../core/types.js';
import { type Cat, type Ctx, type Draft, type Group, lowerBound } from './context.js';
import { countsThings, findGroup } from './group.js';
import { headModifiesNoun, partOfLarger, singularAdmitted } from './admit.js';
import { categorise, type Categorised } from './category/index.js';
import { catAnother, catBareVictim } from './category/another.js';
import { catNamed, colonListed, namedListed } from './named.js';
import { catHeadline } from './headline.js';
import { catNoun } from './category/noun.js';
import { catPossessed } from './possessed.js';
import { catApposed, catByThe, catReference } from './category/reference.js';
import { ALL_BUT, allButWhole, catAllBut, partitiveAfterPart } from './allbut.js';

export interface Decision {
  g: Group | null;
  found: Categorised;
}

/** `claims`: the claims so far; `prev`: the last one when it is in the same sentence. */
export function decide(c: Ctx, d: Draft, floor: number, end: number, claims: readonly Claim[], prev: Claim | undefined): Decision | null {
  const { toks } = c;
  const s = toks[d.qi].sentence;
  const one = (rule: string, kind: Group['kind']): Group => ({ first: d.qi, head: d.qj - 1, last: d.qj - 1, kind, rule });
  if (d.named) {
    // a name inside the last claim (its group or cue) is already counted
    if (prev && d.qSpan.start < prev.end && d.qSpan.end > prev.start) return null;
    let cat = catNamed(c, d, floor, end);
    if (!cat && prev && prev.evidence[1]?.rule === 'claims.group:named') {
      const listed = namedListed(c, d, lowerBound(toks, prev.end));
      if (listed) cat = { ...listed, category: prev.category };
    }
    if (cat && d.alias && !(cat.category === 'killed' && worse(claims, d.alias))) return null;
    if (!cat && !d.alias) {
      const listed = colonListed(c, d, floor, end, claims);
      if (listed) return { g: one('claims.group:named', 'people'), found: listed };
    }
    return cat ? { g: one('claims.group:named', 'people'), found: { cat } } : null;
  }
  if (d.qRule === ALL_BUT) {
    const cat = catAllBut(c, d, end);
    return cat ? { g: null, found: { cat } } : null;
  }
  if (d.qRule === 'claims.possessed') {
    const cat = catPossessed(c, d, floor);
    return cat ? { g: one('claims.group:possessed', 'people'), found: { cat } } : null;
  }
  if (d.qRule === 'claims.headline') {
    // a headline's one person or vehicle, unless a claim of the headline already holds it
    const hs = toks[d.qi].start, he = toks[d.qj - 1].end;
    if (claims.some((x) => x.sentence === s && x.start < he && hs < x.end)) return null;
    const cat = catHeadline(c, d, end);
    return cat ? { g: one('claims.group:headline', cat.category === 'vehicles' ? 'vehicle' : 'people'), found: { cat } } : null;
  }
  // "a father of three", "une mère de six enfants": a description of one person, no count of people involved
  if (!d.singular && c.lex.parentOf.endingAt(toks, d.qi - 1, floor)) return null;
  // "All but one of the sixteen": the one left out is no count (allbut.ts counts the fifteen)
  if (!d.singular && c.lex.allButOpeners.endingAt(toks, d.qi - 1, floor)) return null;
  const g = findGroup(c, d.qj, end, d.singular ? 3 : 5, d.min === 1 && d.max === 1);
  if (!g && countsThings(c, d.qj, end)) return null;
  const afterFrom = g ? (g.paired ? g.paired.last + 1 : g.last + 1) : d.qj;
  // (a bare victim's noun is followed by a headline's verb: "murdered journalist demands ...")
  if (d.qRule !== 'claims.bare-victim' && headModifiesNoun(c, d, g, end)) return null;
  // "and another died": a stand-in with no noun of its own
  const standIn = d.singular && !g ? catAnother(c, d, floor, end) : null;
  if (standIn) return { g, found: { cat: standIn } };
  if (d.singular && !singularAdmitted(c, d, g, floor, claims[claims.length - 1])) return null;
  // "sept personnes, dont un enfant": an article read as the number one stays part of the larger claim, as
  // "including a child" does
  if (!d.singular && d.min === 1 && d.max === 1 && c.lex.indefiniteArticles.has(toks[d.qi].lower) && partOfLarger(c, d, floor, prev)) return null;
  if (d.qRule === 'claims.bare-victim') {
    const v = catBareVictim(c, d, end);
    return v ? { g, found: { cat: v } } : null;
  }
  const whole = g && !d.singular ? allButWhole(c, d, floor) : null;
  if (whole) return { g, found: { cat: whole } };
  let found = categorise(c, d, g, floor, end, afterFrom, prev) ?? (g ? null : catReference(c, d, floor, end, claims) ?? catByThe(c, d, floor) ?? catApposed(c, d, floor, end));
  // ("Two of the 15 wounded died": a whole named by what happened to it keeps that)
  if (found && g && !d.singular && partOfWhole(c, d, g, found.cat, floor)) found = { ...found, cat: catNoun(c, g) ?? { category: 'other', rule: 'claims.category:partitive-whole', start: d.qi, end: d.qj } };
  // "An officer was stationed in every room": one person taking part is no count; one charged is (GUIDELINES)
  if (found && d.singular && found.cat.category === 'other' && !chargeIn(c, found.cat.start, found.cat.end)) return null;
  if (found && d.singular && found.cat.rule === 'claims.category:before' && infinitive(c, found.cat.start, floor)) return null;
  return found ? { g, found } : null;
}

/** "90 of the 200 residents died": the whole after a part and "of the" is those involved (other), the predicate
 * after its group the part's; not "the 12 people killed were children", where the participle is the whole's own. */
function partOfWhole(c: Ctx, d: Draft, g: Group, cat: Cat, floor: number): boolean {
  const { toks, lex } = c;
  if (cat.category === 'other' || cat.start <= g.last || !partitiveAfterPart(c, d, floor)) return false;
  // ("21 of the 276 schoolgirls it had abducted", "qu'il avait enlevées": a relative clause of the whole's own)
  for (let k = g.last + 1; k < cat.start; k++) if (lex.partitiveWholeRelatives.has(toks[k].lower)) return false;
  return !lex.partitiveWholeVerbs.has(toks[cat.end]?.lower ?? '');
}

/** A pronoun's person counted earlier by name, and never yet as killed: "he died" is then a worse harm. */
function worse(claims: readonly Claim[], name: string): boolean {
  const key = (w: string) => w.toLowerCase().split(/\s+/).pop() ?? w;
  const mine = claims.filter((e) => e.who && key(e.who) === key(name) && e.evidence.some((x) => x.rule === 'claims.group:named'));
  return mine.length > 0 && mine.every((e) => e.category !== 'killed');
}

/** A charge among the cue's tokens ("has been charged with"). */
function chargeIn(c: Ctx, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (c.lex.namedOtherCues.at(c.toks, k, c.toks.length)) return true;
  return false;
}

/** "to arrest a person", "to find and arrest a person": a verb of harm as an infinitive tells no event. */
function infinitive(c: Ctx, k: number, floor: number): boolean {
  const { toks, lex } = c;
  if (k - 1 >= floor && lex.infinitiveMarkers.has(toks[k - 1].lower)) return true;
  return k - 3 >= floor && lex.coordinators.has(toks[k - 1].lower) && lex.infinitiveMarkers.has(toks[k - 3].lower);
}
