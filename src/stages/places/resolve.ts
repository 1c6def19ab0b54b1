// Which place a mention is: candidates scored by feature class and code, population, the article's focus
// countries, neighbours that vouch for each other (pairs.ts) and closeness to the other places it names. Mentions
// the gazetteer cannot place but a cue vouches for are placed at their parent (precision 2 or 3). The context of
// each mention (people, organisations, qualifiers, datelines, attributive use) is set before, in context.ts.
// The parts: candidates and their priors (candidates.ts), the article's focus countries (focus.ts), who may be
// a candidate (admission.ts), unknown places placed at their parent (parents.ts).
import type { Evidence, Place, PlaceCandidate } from '../../core/types.js';
import { isAdmin1, isCountry, type GazEntry, type Gazetteer } from '../../geo/gazetteer.js';
import { admissible, dropForSmallKind, vouched, type Judge } from './admission.js';
import { candidatesOf, geonameIdOf, isAdmin, kindOf, MEGACITY, prior, topByPrior, type Cand, type Scored } from './candidates.js';
import { ATTRIBUTIVE_RULE, DATELINE_RULE, type ContextCtx as Ctx } from './context.js';
import type { Mention } from './detect.js';
import { wordAfter } from './words.js';
import { Focus, NO_VOTE, type Vote } from './focus.js';
import { bearing, km } from '../../geo/distance.js';
import type { PlacesLexicon } from './lexicon.js';
import { listedWithWorldCities, pairedEntries } from './pairs.js';
import { placeUnknown, type Placed } from './parents.js';
import { STATE_RULE } from './published.js';

export { isAttributive, ATTRIBUTIVE_RULE, DATELINE_RULE } from './context.js';
export { kindOf } from './candidates.js';

const SMALL_KINDS = new Set(['village', 'town', 'district', 'neighbourhood', 'area', 'facility']);
/** a place in a direction from another ("X east of Y") lies within this distance of it */
const MAX_DIRECTED_KM = 150;

export function resolveMentions(c: Ctx, mentions: Mention[]): Place[] {
  return new Resolver(c, mentions).run();
}

/**
 * The resolver's steps over one document's mentions: candidates with their priors, the countries the
 * article speaks of (votes), each mention's choice, then unknown places placed at their parent. Small
 * methods over shared state, so V8 optimises each early.
 */
class Resolver implements Judge, Placed {
  readonly gaz: Gazetteer;
  readonly lex: PlacesLexicon;
  private readonly cuedKind = new Map<string, string>();
  private readonly cands: (readonly Cand[])[];
  readonly paired: Map<number, Set<GazEntry>>;
  readonly listed: Map<number, [GazEntry, GazEntry][]>;
  readonly focus: Focus;
  readonly covered = new Set<number>();
  readonly places: (Place | null)[] = [];
  readonly resolved: (Scored | null)[] = [];

  constructor(
    readonly c: Ctx,
    readonly mentions: Mention[],
  ) {
    this.gaz = c.gaz;
    this.lex = c.lex;
    for (const m of mentions) if (m.cue && m.cue.kind && !this.cuedKind.has(m.key)) this.cuedKind.set(m.key, m.cue.kind);
    this.cands = candidatesOf(this.gaz, mentions);
    this.paired = pairedEntries(c.words, c.lowers, c.lex, mentions, this.cands);
    this.listed = listedWithWorldCities(c.words, c.lowers, c.lex, mentions, this.cands);
    this.focus = new Focus(this.lex, mentions, this.cands, c);
  }

  /** The index of a mention among this.mentions (the index built on first use). */
  private mentionIndex: Map<Mention, number> | null = null;
  private indexOf(m: Mention): number | undefined {
    if (!this.mentionIndex) {
      this.mentionIndex = new Map();
      for (let j = 0; j < this.mentions.length; j++) this.mentionIndex.set(this.mentions[j], j);
    }
    return this.mentionIndex.get(m);
  }

  get demonymVotes(): Map<string, number> {
    return this.focus.demonymVotes;
  }

  /** "X on Nigerian territory", "X en territoire nigérian": the country of the demonym beside a territory noun
   * after the mention (past a preposition and an article), or undefined. */
  territoryOf(m: Mention): string | undefined {
    const { words, lowers, lex } = this.c;
    const s = words[m.wj].sentence;
    // (a preposition and an article at most before it: "on", "on the", "en")
    for (let k = m.wj + 1; k <= m.wj + 3 && k + 1 < words.length && words[k + 1].sentence === s; k++) {
      const cc = lex.territoryNouns.has(lowers[k]) ? lex.demonymCountry.get(lowers[k + 1]) : lex.territoryNouns.has(lowers[k + 1]) ? lex.demonymCountry.get(lowers[k]) : undefined;
      if (cc) return cc;
      if (words[k].name) return undefined;
    }
    return undefined;
  }

  run(): Place[] {
    this.findCovered();
    for (let k = 0; k < this.mentions.length; k++) this.choose(k);
    this.insideParents();
    this.directedParents();
    placeUnknown(this);
    const out: Place[] = [];
    for (const p of this.places) if (p !== null) out.push(p);
    return out;
  }

  private findCovered(): void {
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      let sure = !!m.cue;
      const list = this.cands[k];
      for (let i = 0; i < list.length && !sure; i++) if (this.focus.focus(list[i].e.country) >= (list[i].alt ? 0.5 : 0.25)) sure = true;
      if (sure) for (let w = m.wi; w <= m.wj; w++) this.covered.add(w);
    }
  }

  /** Scores candidates of a mention that had n candidates in all. */
  private score(m: Mention, k: number, list: Scored[], n: number, kv: Vote): void {
    const paired = this.paired.get(k);
    // a first-level region whose name is otherwise only a town's ("in California", "Delaware"): the region;
    // a city of its name ("Aleppo", "New York") or a seat of government keeps the city first
    const onlyTowns = list.every((x) => x.e.featureClass !== 'P' || (x.e.population < this.lex.bigPopulation && x.e.featureCode !== 'PPLC' && x.e.featureCode !== 'PPLA'));
    for (const s of list) {
      const f = this.focus.focusOther(kv, s.e.country);
      s.score = s.prior + 4 * f;
      if (paired && paired.has(s.e)) s.score += 4;
      // a city of millions by its everyday name ("New York" for New York City) is no lesser candidate
      if (s.alt && s.e.featureClass === 'P' && s.e.population >= MEGACITY) s.score += 1.5;
      if (m.region) s.score += isAdmin1(s.e) ? 6 : s.e.featureCode === 'PPLA' ? 2 : 0;
      else if (isAdmin1(s.e) && !s.alt && onlyTowns) s.score += 1;
      else if (isAdmin(s.e)) s.score -= 0.5;
      if (m.city && s.e.featureClass === 'P') s.score += 2;
      if (n > 1 && f >= 0.25 && !isCountry(s.e) && s.e.lat != null && this.focus.near(s.e)) s.score += 1.5;
    }
  }

  /** The mention's candidates in the running, best first, and the best one if it is vouched for. */
  private best(m: Mention, k: number, ok: Scored[], n: number, kv: Vote, strong: boolean): Scored | null {
    // (only the candidates still in the running are scored; none of the filters before looks at scores)
    this.score(m, k, ok, n, kv);
    ok.sort((a, b) => b.score - a.score);
    const best: Scored | null = ok[0] ?? null;
    const weakCue = !m.cue || m.cue.rule === 'after-preposition';
    if (best && (!strong || (weakCue && !this.cuedKind.has(m.key))) && !vouched(this, m, best, kv)) return null;
    // region wanted but the match is a city: its admin1
    if (best && m.region && !isAdmin1(best.e) && best.e.admin1) {
      const a1 = this.gaz.admin1(best.e.admin1);
      if (a1 && (best.e.featureCode === 'PPLA' || best.e.featureCode === 'PPLC')) return { e: a1, alt: false, prior: prior(a1), score: best.score };
    }
    return best;
  }

  private choose(k: number): void {
    const m = this.mentions[k];
    const list = this.cands[k];
    const kv = this.focus.keyVote.get(m.key) ?? NO_VOTE;
    const strong = !!m.cue || this.cuedKind.has(m.key);
    const ok = admissible(this, m, k, list, kv, strong);
    const cueKind = m.cue?.kind || this.cuedKind.get(m.key) || '';
    if (strong && SMALL_KINDS.has(cueKind)) dropForSmallKind(this, ok, cueKind, kv);
    const best = this.best(m, k, ok, list.length, kv, strong);
    if (!best && !strong) {
      this.places.push(null);
      this.resolved.push(null);
      return;
    }
    const candidates = otherCandidates(ok, best);
    const evidence = this.evidenceOf(m, best);
    this.places.push(best ? this.known(m, best.e, cueKind, candidates, evidence) : this.unknown(m, cueKind, candidates, evidence));
    this.resolved.push(best);
  }

  /**
   * "the village of Novopokrovske in the Donetsk region", "X in Syria": a place inside another is in that
   * place's country. A choice abroad (a namesake, another name of a place elsewhere) gives way to the
   * mention's likeliest candidate in the parent's country; with none, a mention after a cue or a preposition
   * of place ("travelling to Orem in Aleppo governorate") becomes an unknown place at its parent (parents.ts),
   * and any other is dropped ("the Arch of Triumph in Palmyra").
   */
  private insideParents(): void {
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      const best = this.resolved[k];
      if (!best || !m.parentHint || !m.parentRelation || isCountry(best.e) || !this.lex.containingRelations.has(m.parentRelation)) continue;
      // ("in Nice, in Berlin and in London": a list, each place after its own preposition)
      const after = wordAfter(this.c.words, m);
      if (after < this.c.words.length && this.c.lowers[after] === ',' && m.wi > 0 && this.lex.locativePrepositions.has(this.c.lowers[m.wi - 1])) continue;
      const pk = this.indexOf(m.parentHint);
      const parent = pk === undefined ? null : this.resolved[pk];
      if (!parent || !parent.e.country || parent.e.country === best.e.country || this.mentions[pk!].attributive) continue;
      const inside = this.cands[k].filter((c) => c.e.country === parent.e.country && !isCountry(c.e));
      const cueKind = m.cue?.kind || this.cuedKind.get(m.key) || '';
      if (inside.length) {
        const top = topByPrior(inside);
        const chosen: Scored = { e: top.e, alt: top.alt, prior: top.prior, score: top.prior };
        this.resolved[k] = chosen;
        this.places[k] = this.known(m, chosen.e, cueKind, [], this.evidenceOf(m, chosen));
      } else if (m.cue || this.cuedKind.has(m.key) || m.parentOverList || (m.wi > 0 && this.lex.locativePrepositions.has(this.c.lowers[m.wi - 1]))) {
        this.resolved[k] = null;
        this.places[k] = this.unknown(m, cueKind, [], this.evidenceOf(m, null));
      } else {
        this.resolved[k] = null;
        this.places[k] = null;
      }
    }
  }

  /**
   * "Adra east of Damascus": a place chosen by another of its names that lies the other way from the place the
   * relation names (more than 90 degrees off), or more than MAX_DIRECTED_KM from it, is not the one meant: an
   * unknown place at that parent (parents.ts).
   */
  private directedParents(): void {
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      const best = this.resolved[k];
      const want = m.parentRelation ? this.lex.relationBearings.get(m.parentRelation) : undefined;
      if (!best || !best.alt || want === undefined || !m.parentHint || isCountry(best.e)) continue;
      const pk = this.indexOf(m.parentHint);
      const parent = pk === undefined ? null : this.resolved[pk];
      if (!parent || isCountry(parent.e)) continue;
      const off = Math.abs(((bearing(parent.e, best.e) - want + 540) % 360) - 180);
      if (!(off > 90 || km(parent.e, best.e) > MAX_DIRECTED_KM)) continue;
      this.resolved[k] = null;
      this.places[k] = this.unknown(m, m.cue?.kind || this.cuedKind.get(m.key) || '', [], this.evidenceOf(m, null));
    }
  }

  private evidenceOf(m: Mention, best: Scored | null): Evidence[] {
    const text = this.c.text;
    const evidence = m.evidence.slice();
    if (m.skeleton && best) evidence.push({ rule: 'places.gazetteer.skeleton', span: { start: m.nameStart, end: m.nameEnd }, note: best.e.name });
    if (m.qualifierSpan) evidence.push({ rule: 'places.qualifier', span: m.qualifierSpan, note: m.qualifier });
    if (m.dateline) evidence.push({ rule: DATELINE_RULE, span: { start: m.start, end: m.end } });
    const attr = m.attributive ?? m.state;
    if (attr) evidence.push({ rule: ATTRIBUTIVE_RULE, span: attr, note: text.slice(attr.start, attr.end) });
    if (m.state) evidence.push({ rule: STATE_RULE, span: m.state, note: text.slice(m.state.start, m.state.end) });
    return evidence;
  }

  private known(m: Mention, e: GazEntry, kindFromCue: string, candidates: PlaceCandidate[], evidence: Evidence[]): Place {
    const text = this.c.text.slice(m.start, m.end);
    const cueKind = kindFromCue && kindFromCue !== 'admin1' && kindFromCue !== 'city' && !isCountry(e) && !isAdmin(e) && kindOf(e) !== 'city' ? kindFromCue : '';
    const kind = cueKind || kindOf(e);
    const geonameId = geonameIdOf(e);
    const country = e.country || null;
    const admin1 = e.admin1 || null;
    // Every place, known or not (unknown below), has every field, in this one order: V8 then gives all
    // places one hidden class, and the stages reading them (claims, events) stay optimised instead of being
    // deoptimised ("wrong map") by places of another key set. What a place lacks is undefined (the
    // parent, set later for an unknown place, too), which the records read as absent.
    return { start: m.start, end: m.end, text, name: e.name, geonameId, country, lat: e.lat, lon: e.lon, kind, featureClass: e.featureClass, featureCode: e.featureCode, admin1, precision: m.precision, qualifier: m.qualifier || undefined, parent: undefined, candidates, evidence };
  }

  private unknown(m: Mention, kindFromCue: string, candidates: PlaceCandidate[], evidence: Evidence[]): Place {
    const text = this.c.text.slice(m.start, m.end);
    const name = this.c.text.slice(m.nameStart, m.nameEnd);
    const kind = kindFromCue === 'admin1' ? 'area' : kindFromCue || 'area';
    // (the fields and their order of known's place)
    return { start: m.start, end: m.end, text, name, geonameId: null, country: null, lat: null, lon: null, kind, featureClass: undefined, featureCode: undefined, admin1: undefined, precision: 2, qualifier: m.qualifier || undefined, parent: undefined, candidates, evidence };
  }
}

/** up to five candidates other than the best, best first */
function otherCandidates(ok: readonly Scored[], best: Scored | null): PlaceCandidate[] {
  const candidates: PlaceCandidate[] = [];
  for (let i = 0; i < ok.length && candidates.length < 5; i++) {
    const s = ok[i];
    if (s === best) continue;
    candidates.push({ geonameId: geonameIdOf(s.e), name: s.e.name, country: s.e.country || null, lat: s.e.lat, lon: s.e.lon, featureClass: s.e.featureClass, featureCode: s.e.featureCode, population: s.e.population, score: Math.round(s.score * 100) / 100 });
  }
  return candidates;
}
