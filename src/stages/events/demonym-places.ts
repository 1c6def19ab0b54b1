// Places named by a country's demonym and no toponym. The places stage keeps toponyms only; events read two more:
//   "the Afghan capital", "la capitale afghane"   the country's capital (GeoNames countryInfo, data/geo): an event
//                                                   whose sentences name no place of their own is placed there
//   "toward the Turkish border", "vers la frontière turque"   the country: where a movement went
import type { EventRecord, Token } from '../../core/types.js';
import type { Gazetteer } from '../../geo/gazetteer.js';
import { loadRegionNames } from '../../geo/regions.js';
import { geonameIdOf, kindOf } from '../places/candidates.js';
import type { PhraseList } from '../places/lexicon.js';

export type EventPlace = NonNullable<EventRecord['place']>;

/** A place a sentence names by a demonym, with the phrase's span; null when there is none. */
export type DemonymFinder = (toks: Token[]) => { place: EventPlace; start: number; end: number } | null;

export interface DemonymPlaces {
  /** "the Somali capital" */
  capital: DemonymFinder;
  /** "the Turkish border" */
  border: DemonymFinder;
}

export interface DemonymWords {
  definiteArticles: Set<string>;
  capitalNouns: Set<string>;
  borderNouns: Set<string>;
}

/**
 * Finders over one language's words: an article, a noun and a demonym on the side the language puts its
 * adjectives ("the Somali capital"; "la capitale somalienne"); after a proximity phrase of the places lexicon
 * ("east of the Syrian capital") the event is only near the capital (precision 2).
 */
export function demonymPlaces(gaz: Gazetteer, demonymCountry: Map<string, string>, proximity: PhraseList<string>, w: DemonymWords, modifiersAfter: boolean): DemonymPlaces {
  const byCountry = new Map<string, EventPlace | null>();
  const capitalOf = (cc: string): EventPlace | null => {
    if (!byCountry.has(cc)) byCountry.set(cc, resolveCapital(gaz, cc));
    return byCountry.get(cc)!;
  };
  const countryOf = (cc: string): EventPlace | null => {
    const e = gaz.country(cc);
    return e && e.lat != null ? ({ name: e.name, geonameId: geonameIdOf(e), country: cc, lat: e.lat, lon: e.lon, precision: 1, kind: 'country', admin1: null } as EventPlace) : null;
  };
  /** article, noun of `nouns`, demonym (in the language's order) at i: the demonym's country */
  const phraseAt = (toks: Token[], i: number, nouns: Set<string>): string | undefined => {
    if (!w.definiteArticles.has(toks[i].lower)) return undefined;
    const [noun, demonym] = modifiersAfter ? [toks[i + 1], toks[i + 2]] : [toks[i + 2], toks[i + 1]];
    return nouns.has(noun.lower) ? demonymCountry.get(demonym.lower) : undefined;
  };
  const finder = (nouns: Set<string>, placeOf: (cc: string) => EventPlace | null, near: boolean): DemonymFinder => (toks) => {
    if (!nouns.size) return null;
    for (let i = 0; i + 2 < toks.length; i++) {
      const cc = phraseAt(toks, i, nouns);
      const place = cc ? placeOf(cc) : null;
      if (!place) continue;
      const close = near && i > 0 && proximity.matchEndingAt(toks.map((t) => t.lower), i - 1);
      return { place: close ? { ...place, precision: 2 } : place, start: toks[i].start, end: toks[i + 2].end };
    }
    return null;
  };
  return { capital: finder(w.capitalNouns, capitalOf, true), border: finder(w.borderNouns, countryOf, false) };
}

/** The country's capital in the gazetteer: the entry of that name in that country, a capital's code first. */
function resolveCapital(gaz: Gazetteer, cc: string): EventPlace | null {
  const name = loadRegionNames().capital(cc);
  if (!name) return null;
  const entries = gaz.lookup(name).map((p) => gaz.entry(p.idx)).filter((e) => e.country === cc && e.featureClass === 'P' && e.lat != null);
  const best = entries.sort((x, y) => Number(y.featureCode === 'PPLC') - Number(x.featureCode === 'PPLC') || y.population - x.population)[0];
  if (!best) return null;
  return { name: best.name, geonameId: geonameIdOf(best), country: best.country, lat: best.lat, lon: best.lon, precision: 1, kind: kindOf(best), admin1: best.admin1 || null } as EventPlace;
}
