// "the Afghan capital", "la capitale afghane": a country's capital named by the country's demonym and no
// toponym. The places stage keeps toponyms only; an event whose sentences name no place of their own is
// placed at the capital such a phrase points to (GeoNames' capital of the country, data/geo/countryInfo.tsv).
import type { EventRecord, Token } from '../../core/types.js';
import type { Gazetteer } from '../../geo/gazetteer.js';
import { loadRegionNames } from '../../geo/regions.js';
import { geonameIdOf, kindOf } from '../places/candidates.js';
import type { PhraseList } from '../places/lexicon.js';

export type EventPlace = NonNullable<EventRecord['place']>;

/** The capital a sentence names by its country's demonym, with the phrase's span; null when there is none. */
export type CapitalFinder = (toks: Token[]) => { place: EventPlace; start: number; end: number } | null;

export interface CapitalWords {
  definiteArticles: Set<string>;
  capitalNouns: Set<string>;
}

/**
 * A finder over one language's words: an article, the capital noun and a demonym on the side the language
 * puts its adjectives ("the Somali capital"; "la capitale somalienne"); after a proximity phrase of the places
 * lexicon ("east of the Syrian capital") the event is only near it (precision 2).
 */
export function capitalFinder(gaz: Gazetteer, demonymCountry: Map<string, string>, proximity: PhraseList<string>, w: CapitalWords, modifiersAfter: boolean): CapitalFinder {
  const byCountry = new Map<string, EventPlace | null>();
  const capitalOf = (cc: string): EventPlace | null => {
    if (!byCountry.has(cc)) byCountry.set(cc, resolveCapital(gaz, cc));
    return byCountry.get(cc)!;
  };
  return (toks) => {
    if (!w.capitalNouns.size) return null;
    for (let i = 0; i + 2 < toks.length; i++) {
      if (!w.definiteArticles.has(toks[i].lower)) continue;
      const [noun, demonym] = modifiersAfter ? [toks[i + 1], toks[i + 2]] : [toks[i + 2], toks[i + 1]];
      if (!w.capitalNouns.has(noun.lower)) continue;
      const cc = demonymCountry.get(demonym.lower);
      const place = cc ? capitalOf(cc) : null;
      if (!place) continue;
      const near = i > 0 && proximity.matchEndingAt(toks.map((t) => t.lower), i - 1);
      return { place: near ? { ...place, precision: 2 } : place, start: toks[i].start, end: toks[i + 2].end };
    }
    return null;
  };
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
