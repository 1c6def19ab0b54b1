// Places for the figure board: when two claims' places can be one place (same GeoNames id or name,
// one inside the other, or within PLACE_KM), and at which level a group's reports agree (a town,
// else the province, else the country).
import type { AnalysisRecord } from '../output/record.js';
import { loadTranslit, skeletonKey, type Translit } from '../geo/normalize.js';
import { km } from '../geo/distance.js';

export type FigurePlace = AnalysisRecord['places'][number];

/** Tells whether a place's name is also the name of a province of its country ("Idlib", "Homs"). */
export type RegionNameTest = (p: FigurePlace) => boolean;

export const PLACE_KM = 30;

const REGION_KINDS = ['admin1', 'admin2', 'region'];

/** A town, village or district: not a country or a region, nor a city named like its province
 * (a report "in Idlib" may mean the province as well as the city). */
export function isSpecific(p: FigurePlace | null, regionName?: RegionNameTest): boolean {
  return Boolean(p && p.kind !== 'country' && !REGION_KINDS.includes(p.kind) && !(regionName && regionName(p)));
}

let translit: Translit | null = null;
/** Each place's keys, made once (samePlace meets a place once per candidate pair). */
const keysOf = new WeakMap<FigurePlace, string[]>();
/** Place names folded as the gazetteer folds them ("Khan Shaykun", "Khān Shaykhūn", "Khan Sheikhoun" meet). */
function nameKeys(p: FigurePlace): string[] {
  let keys = keysOf.get(p);
  if (!keys) keysOf.set(p, (keys = foldedNames(p)));
  return keys;
}

function foldedNames(p: FigurePlace): string[] {
  translit ??= loadTranslit();
  const keys = new Set<string>();
  for (const n of [p.name, p.text]) {
    const k = translit.key(n);
    if (!k) continue;
    keys.add(k);
    const sk = skeletonKey(k);
    if (sk) keys.add(sk);
  }
  return [...keys];
}

export function samePlace(a: FigurePlace | null, b: FigurePlace | null): boolean {
  if (!a || !b) return false;
  if (a.geonameId != null && a.geonameId === b.geonameId) return true;
  if (a.name.toLowerCase() === b.name.toLowerCase()) return true;
  const kb = nameKeys(b);
  if (nameKeys(a).some((k) => kb.includes(k))) return true;
  if (a.country && a.country === b.country) {
    // one inside the other: a region and a place in it
    const region = (p: FigurePlace) => p.kind === 'admin1' || p.kind === 'region';
    if ((region(a) || region(b)) && a.admin1 && a.admin1 === b.admin1) return true;
  }
  if (a.lat != null && a.lon != null && b.lat != null && b.lon != null && a.kind !== 'country' && b.kind !== 'country') {
    return km(a, b) <= PLACE_KM;
  }
  return false;
}

export type PlaceLevel = 'town' | 'province' | 'country';

/**
 * The level a group's reports agree on: the town most documents name when at least two do (or
 * when it is the only evidence), else the province (a region, or a place named like its province),
 * else the country. A place only one document gives never names a group that others place elsewhere.
 */
export function agreedPlace(items: { docId: string; place: FigurePlace | null; weak: boolean }[], regionName?: RegionNameTest): { place: string | null; level: PlaceLevel | null } {
  const votes = (pick: (p: FigurePlace) => boolean, useWeak: boolean) => {
    const docs = new Map<string, { name: string; docs: Set<string> }>();
    for (const it of items) {
      if (!it.place || (it.weak && !useWeak) || !pick(it.place)) continue;
      const key = String(it.place.geonameId ?? it.place.name.toLowerCase());
      const v = docs.get(key) ?? { name: it.place.name, docs: new Set<string>() };
      v.docs.add(it.docId);
      docs.set(key, v);
    }
    return [...docs.values()].sort((x, y) => y.docs.size - x.docs.size);
  };
  const towns = votes((p) => isSpecific(p, regionName), false);
  const regions = votes((p) => p.kind !== 'country' && !isSpecific(p, regionName), false);
  if (towns.length && (towns[0].docs.size >= 2 || (!regions.length && towns.length === 1))) return { place: towns[0].name, level: 'town' };
  if (regions.length) return { place: regions[0].name, level: 'province' };
  if (towns.length === 1) return { place: towns[0].name, level: 'town' };
  const any = votes((p) => p.kind === 'country' || !isSpecific(p, regionName), true);
  const countries = any.filter(() => true);
  if (countries.length) return { place: countries[0].name, level: items.some((i) => i.place?.kind === 'country' && i.place.name === countries[0].name) ? 'country' : 'province' };
  return { place: null, level: null };
}
