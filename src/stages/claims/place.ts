// The place of a claim: a place of its sentence, else carried from the sentence before.
import type { Analysis, Claim, Evidence, Place } from '../../core/types.js';
import { lowerBound } from './context.js';
import { isAttributive, isDatelinePlace, mainCountry } from '../places/context.js';

/** The places of each sentence, and a test for places that are not where a count is (inside a speaker, a possessive). */
export interface PlaceIndex {
  bySentence: Map<number, Place[]>;
  skip(p: Place): boolean;
  /** Whether the place is where the wounded were taken for care ("to a hospital in X"): not where a count of injured is. */
  careDestination(p: Place): boolean;
  /** Whether the place comes after the count as the next item of a ranking ("… with 1,293 deaths, followed by
   * Taroudant"): that item's place, not the count's. */
  nextItemAfter(end: number, p: Place): boolean;
  /** The country most of the text's places are in (null on a tie or with none). */
  main: string | null;
  /** Whether the place is a region around its name ("Damascus Countryside", "rural Idlib"): broader than a town. */
  broad(p: Place): boolean;
}

const fold = (x: string) => x.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * A guess abroad: a place of another country than the text's that the gazetteer did not know (placed
 * only by a parent there) or knew only under another name (a namesake found by spelling), or an
 * unknown place whose parent country is not the country its own sentence names.
 */
function foreignGuess(p: Place, main: string | null, sentenceCountries: readonly string[]): boolean {
  if (!p.country || p.kind === 'country') return false;
  if (p.geonameId === null && sentenceCountries.some((c) => c !== p.country)) return true;
  // an unknown place given the country of the article by guess, when the text's known places are not there
  if (p.geonameId === null && p.country !== main && p.evidence.some((e) => e.rule === 'places.parent.article')) return true;
  if (!main || p.country === main) return false;
  if (p.geonameId === null) return true;
  const t = fold(p.text), n = fold(p.name);
  return !t.includes(n) && !n.includes(t);
}

/** Between a place and one measured from it: a comma, at most two words, a number and a unit of distance
 * ("Sake, 25 km west of", "Sake, some 30 miles from", "Sake, à 25 kilomètres de"). */
const MEASURED_FROM = /^,[ \t]*(?:\p{L}+[ \t]+){0,2}\d[\d.,]*[ \t]*(\p{L}+)/u;
function measuredFrom(gap: string, units: ReadonlySet<string>): boolean {
  const m = MEASURED_FROM.exec(gap);
  return !!m && units.has(m[1].toLowerCase());
}

/** The words indexPlaces reads (the claims lexicon's). */
export interface PlaceWords {
  /** prepositions of place ("in", "near") */
  preps?: ReadonlySet<string>;
  /** articles before a name ("the") */
  articles?: ReadonlySet<string>;
  /** units of distance ("km", "miles") */
  units?: ReadonlySet<string>;
  /** places of care ("hospital") and the prepositions that send someone there ("to") */
  careNouns?: ReadonlySet<string>;
  careTo?: ReadonlySet<string>;
  /** where something was said, before a preposition of place ("a briefing in Geneva", "told reporters in Kyiv", "speaking in Geneva") */
  venueNouns?: ReadonlySet<string>;
  /** the words that bring on the next item of a ranking ("followed by", "suivie par"), compiled */
  nextItem?: RegExp | null;
  /** qualifiers that make a place the region around its name ("countryside", "rural") */
  regionQualifiers?: ReadonlySet<string>;
  /** the words before a place that say where a body is seated ("based in", "headquartered in"), compiled */
  seatedIn?: RegExp | null;
}

const NONE: ReadonlySet<string> = new Set();

/** "taken to a hospital in Shimla", "airlifted to two hospitals in Chandigarh": where the wounded were taken (a
 * place of care, "in"/"at" and the place; "to" before the care noun, two lower-case words between them at most). */
function careDestination(toks: Analysis['tokens'], k: number, w: PlaceWords): boolean {
  if (k < 3 || !(w.preps ?? NONE).has(toks[k - 1].lower) || !(w.careNouns ?? NONE).has(toks[k - 2].lower)) return false;
  for (let b = k - 3; b >= Math.max(0, k - 5); b--) {
    if ((w.careTo ?? NONE).has(toks[b].lower)) return true;
    if (!/^[\p{Ll}'’]+$/u.test(toks[b].text)) return false;
  }
  return false;
}

export function indexPlaces(a: Analysis, w: PlaceWords = {}): PlaceIndex {
  const preps = w.preps ?? NONE, articles = w.articles ?? NONE, units = w.units ?? NONE;
  const toks = a.tokens;
  const bySentence = new Map<number, Place[]>();
  for (const p of a.places) {
    const t = lowerBound(toks, p.start);
    if (t >= toks.length) continue;
    const ps = bySentence.get(toks[t].sentence);
    if (ps) ps.push(p);
    else bySentence.set(toks[t].sentence, [p]);
  }
  const main = mainCountry(a.places);
  const speakerSpans = a.statements.filter((x) => x.speaker).map((x) => ({ start: Math.min(x.speaker!.start, x.cue.start), end: Math.max(x.speaker!.end, x.cue.end) }));
  const cueEnds = new Set(a.statements.map((x) => x.cue.end));
  const text = a.document.text;
  const skip = (p: Place) => {
    // a country named for its state ("US air strikes", "backed by Russia") or a dateline is not where a count is
    if (isAttributive(p) || isDatelinePlace(p)) return true;
    const k = lowerBound(toks, p.start);
    // "the town of Sake, 25 km west of Goma", "Sake, à 25 kilomètres de Goma": a place measured from is
    // where another place is, not where the count is
    if (k < toks.length && (bySentence.get(toks[k].sentence) ?? []).some((q) => q.end <= p.start && p.start - q.end <= 48 && measuredFrom(text.slice(q.end, p.start), units))) return true;
    const same = k < toks.length ? (bySentence.get(toks[k].sentence) ?? []).filter((q) => q.geonameId !== null && q.country && !isAttributive(q)).map((q) => q.country!) : [];
    if (foreignGuess(p, main, same)) return true;
    // a country other than the text's with no preposition of place before it is an actor ("after the
    // US and Russia announced a truce", "blamed the U.S. and its allies")
    if (p.kind === 'country' && main && p.country && p.country !== main && preps.size) {
      let b = lowerBound(toks, p.start) - 1;
      // "in northern Iraq": past the place's own qualifier to the preposition
      const qual = p.qualifier ? new Set(p.qualifier.toLowerCase().split(/\s+/)) : null;
      while (qual && b >= 0 && qual.has(toks[b].lower)) b--;
      if (b >= 0 && articles.has(toks[b].lower)) b--;
      if (!(b >= 0 && preps.has(toks[b].lower))) return true;
    }
    const t = lowerBound(toks, p.end);
    if (t < toks.length && toks[t].start === p.end && (toks[t].lower === "'s" || toks[t].lower === '’s')) return true;
    // "a monitoring group based in Britain": where a body is seated, not where the count is
    if (w.seatedIn && w.seatedIn.test(text.slice(Math.max(0, p.start - 30), p.start))) return true;
    // "at a briefing in Geneva", "told reporters in Kyiv", "lors d'un point de presse à Genève": where it was said
    if (k >= 2 && k < toks.length && preps.has(toks[k - 1].lower) && (w.venueNouns ?? NONE).has(toks[k - 2].lower)) return true;
    // ("George Sabra said in Turkey the attack had killed 1,300": right after the verb of a statement)
    if (k >= 2 && k < toks.length && preps.has(toks[k - 1].lower) && cueEnds.has(toks[k - 2].end)) return true;
    for (const sp of speakerSpans) if (p.start >= sp.start && p.end <= sp.end) return true;
    return false;
  };
  const careDest = (p: Place) => {
    const k = lowerBound(toks, p.start);
    return k < toks.length && careDestination(toks, k, w);
  };
  const next = w.nextItem ?? null;
  const nextItemAfter = (end: number, p: Place) => !!next && p.start >= end && p.start - end < 120 && next.test(text.slice(end, p.start));
  const regions = w.regionQualifiers ?? NONE;
  const broad = (p: Place) => !!p.qualifier && regions.has(p.qualifier.toLowerCase());
  return { bySentence, skip, main, careDestination: careDest, nextItemAfter, broad };
}

/** Whether a count is nested in or listed after an earlier count of its sentence ("including 12 ..."). */
export const isPart = (c: Claim) => c.evidence[0]?.rule === 'claims.category:inherit' || c.evidence[0]?.rule === 'claims.category:reference-part' || c.evidence[1]?.rule === 'claims.group:of-them' || c.evidence[1]?.rule === 'claims.group:of-them-apposition' || c.evidence.some((e) => e.rule === PART_RULE);

/** The rule of a count after an inclusion word ("including", "dont") that has a verb of the whole after it. */
export const PART_RULE = 'claims.part:inclusion';

/** Where the run of parts ending at index i begins: back over parts to the count of their sentence they
 * belong to (no part itself), or to the first part when the sentence holds none. */
function wholeIndex(claims: readonly Claim[], i: number): number {
  let j = i;
  while (j > 0 && isPart(claims[j]) && claims[j - 1].sentence === claims[j].sentence) j--;
  return j;
}

/** The count whose place the next sentence carries: the last one, or, when that one is nested in or
 * listed after an earlier count of its sentence ("killed 38, including 12 in a house in Jabalia"), that
 * count: the report goes on about the whole, not the part. */
export function carriedFrom(claims: readonly Claim[]): Claim | undefined {
  return claims.length ? claims[wholeIndex(claims, claims.length - 1)] : undefined;
}

/**
 * "2.6 million people displaced across Myanmar, including 110,000 in northern Shan": a place after the
 * start of a count nested in another is the part's, not the whole's. Called once the nested count is
 * made (the last of `claims`): the whole takes a place of its sentence before the part, when there is one.
 */
export function placeBeforePart(claims: readonly Claim[], places: PlaceIndex): void {
  const part = claims[claims.length - 1];
  if (!part || !isPart(part)) return;
  const w = claims[wholeIndex(claims, claims.length - 1)];
  const whole = isPart(w) ? null : w;
  // the part's own place follows it closely ("110,000 in northern Shan"); one further on ("five children
  // in air strikes on the town of X") may be the whole's too
  if (!whole?.place || whole.place.start < part.end || whole.place.start - part.end > 24) return;
  const ev = whole.evidence.find((e) => e.rule === 'claims.place:sentence');
  // and the whole has one of its own between it and the part ("displaced across Myanmar, including ...")
  const p = ev ? placeFor(places.bySentence.get(whole.sentence)?.filter((x) => x.start >= whole.end && x.end <= part.start), whole.start, whole.end, places.skip, places.broad) : null;
  if (!p || !ev) return;
  whole.place = p;
  ev.span = { start: p.start, end: p.end };
}

/** Sets the claim's place: one of its sentence, else the place of the previous count or sentence. */
export function placeClaim(claim: Claim, evidence: Evidence[], places: PlaceIndex, last: Claim | undefined, noCarry = false): void {
  const s = claim.sentence;
  // the injured were hurt where they were, not at the hospital they were taken to (bodies are counted there)
  const skip = (p: Place) => places.skip(p) || (claim.category === 'injured' && places.careDestination(p)) || places.nextItemAfter(claim.end, p);
  claim.place = placeFor(places.bySentence.get(s), claim.start, claim.end, skip, places.broad);
  if (claim.place) {
    evidence.push({ rule: 'claims.place:sentence', span: { start: claim.place.start, end: claim.place.end } });
    return;
  }
  if (noCarry) return;
  // the report goes on about the place of the previous sentence: its count's place, else its last place
  let carried: Claim['place'] = null;
  if (last && last.place && (last.sentence === s - 1 || last.sentence === s)) carried = last.place;
  else if (s > 0) {
    // not a place of another country than the text's: a venue of talks, a state named as an actor
    // ("a truce brokered by Russia", "talks in Astana") is not where the next sentence's count is
    const ps = places.bySentence.get(s - 1)?.filter((p) => !places.skip(p) && !(places.main && p.country && p.country !== places.main));
    const p = ps && ps.length ? ps[0] : null;
    if (p) carried = claimPlace(p);
  }
  if (carried) {
    claim.place = carried;
    evidence.push({ rule: 'claims.place:carried', span: { start: carried.start, end: carried.end } });
  }
}

/**
 * The place of a claim: a place in its sentence, those after the count (in its clause) first, towns
 * before regions before countries; not a place inside a speaker ("Syria's official news agency") or used as a possessive.
 */
export function placeFor(places: Place[] | undefined, start: number, end: number, skip: (p: Place) => boolean, broad: (p: Place) => boolean = () => false): Claim['place'] {
  if (!places) return null;
  let best: Place | null = null;
  let bestD = Infinity;
  const wide = (p: Place) => p.kind === 'admin1' || p.kind === 'region' || broad(p);
  for (const p of places) {
    if (skip(p)) continue;
    // the most specific place wins over a nearer country or region ("in the village of Kafrun in
    // central Syria killed 7": Kafrun)
    // (a region around its name is broader too: "the town of Daraya in Damascus Countryside killed 8": Daraya)
    const breadth = p.kind === 'country' ? 200 : wide(p) ? 40 : 0;
    const d = (p.start >= end ? p.start - end : (start - p.end) * 1.5 + 1) + breadth;
    if (d < bestD) { bestD = d; best = p; }
  }
  if (!best) return null;
  // ("Khan Younis in the southern Gaza Strip": a place of the region named right before it is where it was)
  if (wide(best)) {
    const b = best;
    const inside = places.find((q) => q !== b && !skip(q) && q.end <= b.start && b.start - q.end <= 24 && q.kind !== 'country' && !wide(q) && !!q.admin1 && q.admin1 === b.admin1);
    if (inside) best = inside;
  }
  return claimPlace(best);
}

/** A claim's place: the place's name, text and span, and its qualifier when it has one. One literal,
 * the qualifier undefined when absent (JSON drops it), so every claim place has one hidden class. */
function claimPlace(p: Place): NonNullable<Claim['place']> {
  return { name: p.name, text: p.text, geonameId: p.geonameId, start: p.start, end: p.end, qualifier: p.qualifier || undefined };
}
