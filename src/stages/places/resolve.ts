// Which place a mention is: candidates scored by feature class and code, population, the article's focus
// countries, neighbours that vouch for each other (pairs.ts) and closeness to the other places it names. Mentions
// the gazetteer cannot place but a cue vouches for are placed at their parent (precision 2 or 3). The context of
// each mention (people, organisations, qualifiers, datelines, attributive use) is set before, in context.ts.
import type { Evidence, Place, PlaceCandidate } from '../../core/types.js';
import { isAdmin1, isCountry, type GazEntry, type Gazetteer, type Posting } from '../../geo/gazetteer.js';
import type { Mention } from './detect.js';
import type { PlacesLexicon } from './lexicon.js';
import { pairedEntries } from './pairs.js';
import { ATTRIBUTIVE_RULE, DATELINE_RULE, type ContextCtx as Ctx } from './context.js';

export { isAttributive, ATTRIBUTIVE_RULE, DATELINE_RULE } from './context.js';
import { STATE_RULE } from './state-actor.js';

/** a candidate entry of a name, with its prior (shared by every mention of the name: never changed) */
interface Cand {
  e: GazEntry;
  alt: boolean;
  prior: number;
}

/** a candidate in the running for one mention, with its score there */
interface Scored extends Cand {
  score: number;
}

/** a city this large is known by its other names too */
const MEGACITY = 1_000_000;

const SMALL_KINDS = new Set(['village', 'town', 'district', 'neighbourhood', 'area', 'facility']);
const isAdmin = (e: GazEntry) => e.featureClass === 'A' && !isCountry(e);
/** our own extra places have no GeoNames id */
const geonameIdOf = (e: GazEntry) => (e.source === 'extra' ? null : e.id);

function prior(e: GazEntry): number {
  if (isCountry(e)) return 9;
  if (e.source === 'extra') return 4;
  let p = 0;
  switch (e.featureCode) {
    case 'ADM1': p = 2.6; break;
    case 'ADM2': p = 0.5; break;
    case 'PPLC': p = 4; break;
    case 'PPLA': p = 3; break;
    case 'PPLA2': p = 2; break;
    case 'PPLA3': p = 1.4; break;
    case 'PPLX': p = 0.3; break;
    case 'PPLH': case 'PPLQ': case 'PPLW': p = -1; break;
    default: p = e.featureClass === 'P' ? 1 : 0.5;
  }
  return p + (e.featureClass === 'P' ? 0.45 * Math.log10(e.population + 1) : 0.2 * Math.log10(e.population + 1));
}

export function kindOf(e: GazEntry): string {
  if (isCountry(e)) return 'country';
  if (e.featureCode === 'ADM1') return 'admin1';
  if (e.featureCode === 'ADM2') return 'admin2';
  if (e.source === 'extra') return e.featureCode === 'RGN' || e.featureClass === 'L' ? 'region' : 'facility';
  if (e.featureClass === 'P') {
    if (e.featureCode === 'PPLX') return 'neighbourhood';
    if (e.featureCode === 'PPLC' || e.featureCode === 'PPLA' || e.population >= 100000) return 'city';
    if (e.featureCode === 'PPLA2' || e.population >= 10000) return 'town';
    return 'village';
  }
  if (e.featureClass === 'S') return 'facility';
  if (e.featureClass === 'A') return 'region';
  return 'area';
}

const km = (a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }) => {
  if (a.lat == null || a.lon == null || b.lat == null || b.lon == null) return Infinity;
  const r = (d: number) => (d * Math.PI) / 180;
  const dLat = r(b.lat - a.lat);
  const dLon = r(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
};

/** Is the mention part of a longer capitalised name ("Mevlut Cavusoglu", "Jabhat Fateh al-Sham")?
 * Neighbours that are places themselves ("Sraqb Sarmin") do not count. */
function inLongerName(c: Ctx, m: Mention, covered: Set<number>): boolean {
  const { words, lowers, lex } = c;
  const s = words[m.wi].sentence;
  const pw = m.wi - 1;
  if (pw >= 0 && !covered.has(pw) && words[pw].sentence === s && words[pw].name && !lex.functionWords.has(lowers[pw]) && !lex.directions.has(lowers[pw]) && !lex.cueWords.has(lowers[pw]) && !lex.nameHeads.has(lowers[pw])) {
    // a demonym before a name is a demonym ("Syrian Aleppo" never happens) unless it starts the name ("Turkmen Bari")
    if (!lex.demonyms.has(lowers[pw]) || (pw + 1 === m.wi && !(pw - 1 >= 0 && words[pw - 1].name))) {
      if (!lex.demonyms.has(lowers[pw])) return true;
    }
  }
  let nw = m.wj + 1;
  while (nw < words.length && words[nw].start < m.end) nw++;
  if (nw < words.length && !covered.has(nw) && words[nw].sentence === s && words[nw].name && !lex.functionWords.has(lowers[nw]) && !lex.cueWords.has(lowers[nw]) && !lex.demonyms.has(lowers[nw])) return true;
  return false;
}

/** A capitalised word before the mention that could be a first name ("Louise Ireland"). */
function afterFirstName(c: Ctx, m: Mention, covered: Set<number>): boolean {
  const p = m.wi - 1;
  if (p < 0 || covered.has(p)) return false;
  const w = c.words[p];
  const l = c.lowers[p];
  return !!w.name && !w.first && !w.short && w.sentence === c.words[m.wi].sentence && !c.lex.stopNames.has(l) && !c.lex.functionWords.has(l) && !c.lex.demonyms.has(l) && !c.lex.directions.has(l) && !c.lex.cueWords.has(l);
}

export function resolveMentions(c: Ctx, mentions: Mention[]): Place[] {
  return new Resolver(c, mentions).run();
}

interface Vote {
  cc: string;
  w: number;
}

const NO_VOTE: Vote = { cc: '', w: 0 };

/** a name's entries with their priors, by the gazetteer's postings list (kept while the gazetteer keeps it) */
const BASES = new WeakMap<readonly Posting[], Cand[]>();
const NO_CANDS: readonly Cand[] = [];

const topByPrior = (list: readonly Cand[]): Cand => {
  let top = list[0];
  for (let i = 1; i < list.length; i++) if (list[i].prior > top.prior) top = list[i];
  return top;
};

/**
 * The resolver's steps over one document's mentions: candidates with their priors, the countries the
 * article speaks of (votes), each mention's choice, then unknown places placed at their parent. Small
 * methods over shared state, so V8 optimises each early.
 */
class Resolver {
  private readonly gaz: Gazetteer;
  private readonly lex: PlacesLexicon;
  private readonly cuedKind = new Map<string, string>();
  private readonly cands: (readonly Cand[])[];
  /** focus: countries named, and the countries of strong first choices */
  private readonly votes = new Map<string, number>();
  /** strong votes only (countries named, demonyms), to tell an unrelated country */
  private readonly strongVotes = new Map<string, number>();
  private readonly demonymVotes = new Map<string, number>();
  private strongTotal = 0;
  private demonymTotal = 0;
  private maxVote = 0;
  /** how many countries stand out in the article */
  private clear = 0;
  /** pass-1 anchors for proximity: the top candidate of each mention that is not a country */
  private anchors: GazEntry[] = [];
  /** words of mentions that are surely places (a cue, or a candidate in a focus country) */
  private readonly covered = new Set<number>();
  /** the vote each mention gives */
  private ownVote: Vote[] = [];
  /** all the votes a name gives (its repetitions vouch for nothing) */
  private readonly keyVote = new Map<string, Vote>();
  private readonly places: (Place | null)[] = [];
  /** entries a neighbouring mention vouches for ("Woodbridge, Virginia"), by mention */
  private paired = new Map<number, Set<GazEntry>>();
  private readonly resolved: (Scored | null)[] = [];

  constructor(
    private readonly c: Ctx,
    private readonly mentions: Mention[],
  ) {
    this.gaz = c.gaz;
    this.lex = c.lex;
    for (const m of mentions) if (m.cue && m.cue.kind && !this.cuedKind.has(m.key)) this.cuedKind.set(m.key, m.cue.kind);
    this.cands = this.candidates();
  }

  run(): Place[] {
    this.paired = pairedEntries(this.c.words, this.c.lowers, this.mentions, this.cands);
    this.countVotes();
    this.findAnchors();
    this.findCovered();
    this.findKeyVotes();
    for (let k = 0; k < this.mentions.length; k++) this.choose(k);
    this.placeUnknown();
    const out: Place[] = [];
    for (const p of this.places) if (p !== null) out.push(p);
    return out;
  }

  /** candidates with their prior (the priors of a name's entries computed once, across documents) */
  private candidates(): (readonly Cand[])[] {
    const out: (readonly Cand[])[] = new Array(this.mentions.length);
    for (let k = 0; k < this.mentions.length; k++) {
      const postings = this.mentions[k].postings;
      if (!postings.length) {
        out[k] = NO_CANDS;
        continue;
      }
      let base = BASES.get(postings);
      if (!base) {
        base = [];
        for (const p of postings) {
          const e = this.gaz.entry(p.idx);
          base.push({ e, alt: p.alt, prior: prior(e) - (p.alt ? 1.5 : 0) });
        }
        BASES.set(postings, base);
      }
      out[k] = base;
    }
    return out;
  }

  private vote(cc: string, w: number): void {
    this.votes.set(cc, (this.votes.get(cc) ?? 0) + w);
  }

  /** The vote a mention gives by its strongest candidate: a country named 3, a region or big city 1, another
   * likely place 0.3. */
  private voteOf(list: readonly Cand[]): Vote {
    if (!list.length) return NO_VOTE;
    const top = topByPrior(list);
    if (top.alt) return NO_VOTE;
    if (isCountry(top.e)) return { cc: top.e.country, w: 3 };
    if (isAdmin1(top.e) || top.e.population >= this.lex.bigPopulation) return { cc: top.e.country, w: 1 };
    if (top.prior >= 2) return { cc: top.e.country, w: 0.3 };
    return NO_VOTE;
  }

  private countVotes(): void {
    const { lex, strongVotes, demonymVotes } = this;
    const votes = this.votes;
    const own: Vote[] = new Array(this.cands.length);
    for (let k = 0; k < this.cands.length; k++) {
      let v = this.voteOf(this.cands[k]);
      // a country standing for its state ("US airstrikes") says as little of where the article is as a demonym;
      // a dateline says where the report was filed
      if (this.mentions[k].attributive) v = v.w === 3 ? { cc: v.cc, w: 0.5 } : NO_VOTE;
      if (this.mentions[k].dateline) v = NO_VOTE;
      own[k] = v;
      if (v.w) this.vote(v.cc, v.w);
    }
    this.ownVote = own;
    // countries named (the only votes of 3)
    for (const v of own) if (v.w === 3) strongVotes.set(v.cc, (strongVotes.get(v.cc) ?? 0) + 3);
    // demonyms count a little ("Turkish police" in an article about Kilis)
    let demo = 0;
    const { names, lowers } = this.c;
    for (let n = 0; n < names.length && demo < 40; n++) {
      const cc = lex.demonymCountry.get(lowers[names[n]]);
      if (cc) {
        demonymVotes.set(cc, (demonymVotes.get(cc) ?? 0) + 0.5);
        demo++;
      }
    }
    for (const [cc, v] of demonymVotes) {
      this.vote(cc, v);
      strongVotes.set(cc, (strongVotes.get(cc) ?? 0) + v);
    }
    // (whether the rule applies at all: some country is named)
    // (demonyms count too: "two Syrians were killed in al-Jora" names no country, yet Jora in India is unrelated)
    for (const v of strongVotes.values()) this.strongTotal += v;
    for (const v of demonymVotes.values()) this.demonymTotal += v;
    for (const v of votes.values()) this.maxVote = Math.max(this.maxVote, v);
    for (const v of votes.values()) if (this.maxVote && v / this.maxVote >= 0.5 && v >= 1) this.clear++;
  }

  private focus(cc: string): number {
    return this.maxVote ? (this.votes.get(cc) ?? 0) / this.maxVote : 0;
  }

  private findAnchors(): void {
    const set = new Set<GazEntry>();
    for (const list of this.cands) {
      if (!list.length) continue;
      let top = list[0];
      let topScore = top.prior + 3 * this.focus(top.e.country);
      for (let i = 1; i < list.length; i++) {
        const s = list[i].prior + 3 * this.focus(list[i].e.country);
        if (s > topScore) {
          top = list[i];
          topScore = s;
        }
      }
      if (!isCountry(top.e) && top.e.lat != null && this.focus(top.e.country) >= 0.3) set.add(top.e);
    }
    this.anchors = [...set];
  }

  private findCovered(): void {
    for (let k = 0; k < this.mentions.length; k++) {
      const m = this.mentions[k];
      let sure = !!m.cue;
      const list = this.cands[k];
      for (let i = 0; i < list.length && !sure; i++) if (this.focus(list[i].e.country) >= (list[i].alt ? 0.5 : 0.25)) sure = true;
      if (sure) for (let w = m.wi; w <= m.wj; w++) this.covered.add(w);
    }
  }

  private findKeyVotes(): void {
    const own = this.ownVote;
    for (let k = 0; k < this.mentions.length; k++) {
      const v = own[k];
      if (!v.w) continue;
      const key = this.mentions[k].key;
      const x = this.keyVote.get(key);
      if (x && x.cc === v.cc) x.w += v.w;
      else if (!x) this.keyVote.set(key, { cc: v.cc, w: v.w });
    }
  }

  /** The focus the other mentions give a country (a name's own votes vouch for nothing). */
  private focusOther(kv: Vote, cc: string): number {
    return this.maxVote ? ((this.votes.get(cc) ?? 0) - (kv.cc === cc ? kv.w : 0)) / this.maxVote : 0;
  }

  private near(e: GazEntry): boolean {
    for (const a of this.anchors) if (a !== e && Math.abs(a.lat! - e.lat!) < 1.5 && km(a, e) < 150) return true;
    return false;
  }

  /** Scores candidates of a mention that had n candidates in all. */
  private score(m: Mention, k: number, list: Scored[], n: number, kv: Vote): void {
    const paired = this.paired.get(k);
    for (const s of list) {
      const f = this.focusOther(kv, s.e.country);
      s.score = s.prior + 4 * f;
      if (paired && paired.has(s.e)) s.score += 4;
      // a city of millions by its everyday name ("New York" for New York City) is no lesser candidate
      if (s.alt && s.e.featureClass === 'P' && s.e.population >= MEGACITY) s.score += 1.5;
      if (m.region) s.score += isAdmin1(s.e) ? 6 : s.e.featureCode === 'PPLA' ? 2 : 0;
      else if (isAdmin(s.e)) s.score -= 0.5;
      if (m.city && s.e.featureClass === 'P') s.score += 2;
      if (n > 1 && f >= 0.25 && !isCountry(s.e) && s.e.lat != null && this.near(s.e)) s.score += 1.5;
    }
  }

  /** Does the name start with an Arabic article ("al-Haal", "Al Quriyah")? */
  private hasArticle(name: string): boolean {
    const first = /^\p{L}+/u.exec(name);
    return !!first && this.lex.articlePrefixes.has(first[0].toLowerCase()) && /^[-\s]/.test(name.slice(first[0].length, first[0].length + 1));
  }

  /** who may be a candidate at all: places abroad must be sizeable */
  private admissible(m: Mention, k: number, list: readonly Cand[], kv: Vote, strong: boolean): Scored[] {
    const out: Scored[] = [];
    for (let i = 0; i < list.length; i++) {
      const c = list[i];
      if (this.admits(m, k, c, kv, strong)) out.push({ e: c.e, alt: c.alt, prior: c.prior, score: c.prior });
    }
    return out;
  }

  private admits(m: Mention, k: number, s: Cand, kv: Vote, strong: boolean): boolean {
    const lex = this.lex;
    if (m.skeleton) return s.e.featureClass === 'P' && this.focusOther(kv, s.e.country) >= 0.5;
    if (isCountry(s.e) || s.e.source === 'extra') return true;
    if (this.paired.get(k)?.has(s.e)) return true;
    // "al-Haal", "al-Baath": a name with an Arabic article is not Hull or Bath abroad (the article dropped to match)
    if (lex.articleCountries.size && s.e.country && !lex.articleCountries.has(s.e.country) && this.hasArticle(this.c.text.slice(m.nameStart, m.nameEnd)) && !this.hasArticle(s.e.name)) return false;
    // another name of a place abroad, while the article is about some other country: not that place ("Al Quriyah" is no Korla)
    if (s.alt && this.clear && s.e.population < MEGACITY && this.focusOther(kv, s.e.country) < 0.25) return false;
    // a small place abroad by another of its names is not what a cue vouches for ("Pollards Hill" is no Lincoln)
    if (s.alt && s.e.population < lex.bigPopulation && this.focusOther(kv, s.e.country) < 0.5) return false;
    // a cue vouches for a small place when no country stands out ("the Qamishli airport")
    if (strong && !this.clear && s.e.featureClass === 'P' && !s.alt) return true;
    if (this.focusOther(kv, s.e.country) >= 0.25) return true;
    // a section of a city abroad ("Old City" of Jerusalem) is never an article's place by name alone
    if (s.e.featureCode === 'PPLX') return false;
    // a country the article names nowhere else: only its capital or a very large city
    const own = this.ownVote[k].w >= 3 ? kv : null;
    const others = (this.strongVotes.get(s.e.country) ?? 0) - (own && own.cc === s.e.country ? own.w : 0);
    const othersAll = this.strongTotal - (own ? own.w : 0);
    // (a provincial capital is spared when only demonyms speak of other countries: "Iraqi forces ... struck Raqqa")
    const demonymsOnly = othersAll - this.demonymTotal <= 0;
    if (othersAll > 0 && others <= 0 && s.e.population < lex.minUnrelatedForeignPopulation && !(demonymsOnly && s.e.featureCode === 'PPLA')) return false;
    if (isAdmin1(s.e)) return !s.alt && (others > 0 || othersAll <= 0) && s.e.population >= lex.minForeignPopulation;
    const min = s.alt ? lex.minForeignAltPopulation : lex.minForeignPopulation;
    return s.e.featureClass === 'P' && s.e.population >= min;
  }

  /** "the village of X": not a city abroad that happens to share the name (and a village is no city) */
  private dropForSmallKind(ok: Scored[], cueKindAny: string, kv: Vote): void {
    const small = cueKindAny === 'village' || cueKindAny === 'neighbourhood';
    const below = cueKindAny !== 'area' && cueKindAny !== 'facility';
    // some country stands out by the other mentions (not this name's own votes)
    let clearOther = false;
    for (const [cc, v] of this.votes) {
      const o = v - (kv.cc === cc ? kv.w : 0);
      if (o >= 1 && o / this.maxVote >= 0.5) clearOther = true;
    }
    for (let i = ok.length - 1; i >= 0; i--) {
      const e = ok[i].e;
      // a country, or a region or city the article is about, is the parent, not the small place:
      // "a neighbourhood of Aleppo", "two Afghanistan villages"
      if (this.wellKnown(ok[i], kv)) continue;
      if ((clearOther && !isCountry(e) && this.focusOther(kv, e.country) < 0.25) || (below && (isCountry(e) || isAdmin1(e))) || (small && kindOf(e) === 'city')) ok.splice(i, 1);
    }
  }

  /** a country, or a first-level region, capital, provincial capital or big city in a country the other mentions name */
  private wellKnown(s: Cand, kv: Vote): boolean {
    const e = s.e;
    if (isCountry(e)) return true;
    if (s.alt || !(isAdmin1(e) || e.featureCode === 'PPLC' || e.featureCode === 'PPLA' || e.population >= this.lex.bigPopulation)) return false;
    // (when the other mentions speak of no country at all, a capital or big city is itself)
    if (this.focusOther(kv, e.country) >= 0.25) return true;
    for (const [cc, v] of this.votes) if (v - (kv.cc === cc ? kv.w : 0) >= 1) return false;
    return true;
  }

  /** weak single matches need more evidence ("in X" vouches for a place, not for this one abroad) */
  private vouched(m: Mention, best: Scored, kv: Vote): boolean {
    const { c, lex, covered } = this;
    const big = isCountry(best.e) || (isAdmin1(best.e) && !best.alt) || (best.e.population >= lex.bigPopulation && !best.alt);
    // the focus the other mentions give, not this one
    const fo = this.focusOther(kv, best.e.country);
    if (inLongerName(c, m, covered) && !((isCountry(best.e) && !afterFirstName(c, m, covered)) || (big && fo >= 0.25))) return false;
    if (c.words[m.wi].first && m.wi === m.wj && !big && (fo < 0.25 || best.alt)) return false;
    if (best.alt && fo < 0.25 && !big) return false;
    return true;
  }

  private choose(k: number): void {
    const { gaz, cuedKind } = this;
    const m = this.mentions[k];
    const list = this.cands[k];
    const kv = this.keyVote.get(m.key) ?? NO_VOTE;
    const strong = !!m.cue || cuedKind.has(m.key);
    const ok = this.admissible(m, k, list, kv, strong);
    const cueKind = m.cue?.kind || cuedKind.get(m.key) || '';
    if (strong && SMALL_KINDS.has(cueKind)) this.dropForSmallKind(ok, cueKind, kv);
    // (only the candidates still in the running are scored; none of the filters above looks at scores)
    this.score(m, k, ok, list.length, kv);
    ok.sort((a, b) => b.score - a.score);
    let best: Scored | null = ok[0] ?? null;
    const weakCue = !m.cue || m.cue.rule === 'after-preposition';
    if (best && (!strong || (weakCue && !cuedKind.has(m.key))) && !this.vouched(m, best, kv)) best = null;
    if (!best && !strong) {
      this.places.push(null);
      this.resolved.push(null);
      return;
    }
    // region wanted but the match is a city: its admin1
    if (best && m.region && !isAdmin1(best.e) && best.e.admin1) {
      const a1 = gaz.admin1(best.e.admin1);
      if (a1 && (best.e.featureCode === 'PPLA' || best.e.featureCode === 'PPLC')) best = { e: a1, alt: false, prior: prior(a1), score: best.score };
    }
    const candidates: PlaceCandidate[] = [];
    for (let i = 0; i < ok.length && candidates.length < 5; i++) {
      const s = ok[i];
      if (s === best) continue;
      candidates.push({ geonameId: geonameIdOf(s.e), name: s.e.name, country: s.e.country || null, lat: s.e.lat, lon: s.e.lon, featureClass: s.e.featureClass, featureCode: s.e.featureCode, population: s.e.population, score: Math.round(s.score * 100) / 100 });
    }
    const evidence = m.evidence.slice();
    if (m.skeleton && best) evidence.push({ rule: 'places.gazetteer.skeleton', span: { start: m.nameStart, end: m.nameEnd }, note: best.e.name });
    if (m.qualifierSpan) evidence.push({ rule: 'places.qualifier', span: m.qualifierSpan, note: m.qualifier });
    if (m.dateline) evidence.push({ rule: DATELINE_RULE, span: { start: m.start, end: m.end } });
    const attr = m.attributive ?? m.state;
    if (attr) evidence.push({ rule: ATTRIBUTIVE_RULE, span: attr, note: this.c.text.slice(attr.start, attr.end) });
    if (m.state) evidence.push({ rule: STATE_RULE, span: m.state, note: this.c.text.slice(m.state.start, m.state.end) });
    this.places.push(best ? this.known(m, best.e, cueKind, candidates, evidence) : this.unknown(m, cueKind, candidates, evidence));
    this.resolved.push(best);
  }

  private known(m: Mention, e: GazEntry, kindFromCue: string, candidates: PlaceCandidate[], evidence: Evidence[]): Place {
    const text = this.c.text.slice(m.start, m.end);
    const cueKind = kindFromCue && kindFromCue !== 'admin1' && kindFromCue !== 'city' && !isCountry(e) && !isAdmin(e) && kindOf(e) !== 'city' ? kindFromCue : '';
    const kind = cueKind || kindOf(e);
    const geonameId = geonameIdOf(e);
    const country = e.country || null;
    const admin1 = e.admin1 || null;
    // (two literals rather than a spread: one shape each, and the same key order as ever)
    if (m.qualifier) return { start: m.start, end: m.end, text, name: e.name, geonameId, country, lat: e.lat, lon: e.lon, kind, featureClass: e.featureClass, featureCode: e.featureCode, admin1, precision: m.precision, qualifier: m.qualifier, candidates, evidence };
    return { start: m.start, end: m.end, text, name: e.name, geonameId, country, lat: e.lat, lon: e.lon, kind, featureClass: e.featureClass, featureCode: e.featureCode, admin1, precision: m.precision, candidates, evidence };
  }

  private unknown(m: Mention, kindFromCue: string, candidates: PlaceCandidate[], evidence: Evidence[]): Place {
    const text = this.c.text.slice(m.start, m.end);
    const name = this.c.text.slice(m.nameStart, m.nameEnd);
    const kind = kindFromCue === 'admin1' ? 'area' : kindFromCue || 'area';
    if (m.qualifier) return { start: m.start, end: m.end, text, name, geonameId: null, country: null, lat: null, lon: null, kind, precision: 2, qualifier: m.qualifier, candidates, evidence };
    return { start: m.start, end: m.end, text, name, geonameId: null, country: null, lat: null, lon: null, kind, precision: 2, candidates, evidence };
  }

  /** unknown places: placed at their parent */
  private placeUnknown(): void {
    const { gaz, mentions, resolved, places } = this;
    // the article's country, from the places kept (and its demonyms)
    const kept = new Map<string, number>();
    resolved.forEach((r, k) => {
      if (r && !mentions[k].attributive && !mentions[k].dateline) kept.set(r.e.country, (kept.get(r.e.country) ?? 0) + (isCountry(r.e) ? 3 : 1));
    });
    for (const [cc, v] of this.demonymVotes) kept.set(cc, (kept.get(cc) ?? 0) + v);
    const focusList = [...kept.entries()].sort((a, b) => b[1] - a[1]);
    const focusCountry = focusList.length ? gaz.country(focusList[0][0]) : undefined;
    // the article's most named place below country level, as a fallback parent
    const counts = new Map<number, { n: number; k: number }>();
    resolved.forEach((r, k) => {
      if (r && !isCountry(r.e) && focusCountry && r.e.country === focusCountry.country) {
        const x = counts.get(r.e.idx);
        if (x) x.n++;
        else counts.set(r.e.idx, { n: 1, k });
      }
    });
    let mainPlace: number | null = null;
    let mainN = 0;
    for (const { n, k } of counts.values()) if (n > mainN) { mainN = n; mainPlace = k; }
    const indexOf = new Map<Mention, number>();
    mentions.forEach((m, k) => indexOf.set(m, k));
    places.forEach((p, k) => {
      if (!p || p.geonameId !== null || p.lat !== null) return;
      let precision: 2 | 3 = 2;
      const m = mentions[k];
      const hinted = this.hintedParent(m, indexOf);
      const parentK = hinted ?? this.nearbyParent(m, k, focusCountry?.country);
      if (hinted !== null && m.parentRelation && !/^in|^of/.test(m.parentRelation)) p.qualifier ??= m.parentRelation;
      let parent: GazEntry | undefined;
      if (parentK !== null) parent = resolved[parentK]!.e;
      else if (mainPlace !== null) {
        parent = resolved[mainPlace]!.e;
        precision = 3;
      } else if (focusCountry) {
        parent = focusCountry;
        precision = 3;
      }
      if (!parent) return;
      if (isCountry(parent) || isAdmin(parent)) precision = 3;
      p.country = parent.country || null;
      p.lat = parent.lat;
      p.lon = parent.lon;
      p.precision = precision;
      p.admin1 = parent.admin1 || null;
      p.parent = { name: parent.name, geonameId: geonameIdOf(parent) };
      p.evidence.push({ rule: parentK !== null ? 'places.parent.context' : 'places.parent.article', span: parentK !== null ? { start: mentions[parentK].start, end: mentions[parentK].end } : { start: p.start, end: p.end } });
    });
  }

  /** The place an explicit relation names ("X north of Y", "X in Y"), following a chain of unknown places. */
  private hintedParent(m: Mention, indexOf: Map<Mention, number>): number | null {
    let h = m.parentHint;
    for (let guard = 0; h !== undefined && guard < 4; guard++) {
      const hk = indexOf.get(h);
      if (hk === undefined) break;
      if (this.resolved[hk]) return hk;
      h = h.parentHint;
    }
    return null;
  }

  /** Else the nearest place in its sentence that is not a country (before, then after), else one up to two sentences back. */
  private nearbyParent(m: Mention, k: number, focusCc: string | undefined): number | null {
    const { mentions, resolved } = this;
    // (a dateline is where the report was filed: a parent only inside the article's country, "MOSCOW
    // (Sputnik)" holds no Syrian village; an attributive place, "the Kherson governor", is still near)
    const usable = (j: number) => !!resolved[j] && !isCountry(resolved[j]!.e) && (!mentions[j].dateline || resolved[j]!.e.country === focusCc);
    for (let j = k - 1; j >= 0 && mentions[j].sentence === m.sentence; j--) if (usable(j)) return j;
    for (let j = k + 1; j < mentions.length && mentions[j].sentence === m.sentence; j++) if (usable(j)) return j;
    for (let j = k - 1; j >= 0 && mentions[j].sentence >= m.sentence - 2; j--) if (usable(j)) return j;
    return null;
  }
}
