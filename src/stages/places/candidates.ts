// A mention's candidates: the gazetteer entries of its name with their prior (feature class and code,
// population), shared by every mention of the name and kept while the gazetteer keeps its postings list.
import { isCountry, type GazEntry, type Gazetteer, type Posting } from '../../geo/gazetteer.js';
import type { Mention } from './words.js';

/** a candidate entry of a name, with its prior (shared by every mention of the name: never changed) */
export interface Cand {
  e: GazEntry;
  alt: boolean;
  prior: number;
}

/** a candidate in the running for one mention, with its score there */
export interface Scored extends Cand {
  score: number;
}

/** a city this large is known by its other names too */
export const MEGACITY = 1_000_000;

export const isAdmin = (e: GazEntry) => e.featureClass === 'A' && !isCountry(e);
/** our own extra places have no GeoNames id */
export const geonameIdOf = (e: GazEntry) => (e.source === 'extra' ? null : e.id);

function codePrior(e: GazEntry): number {
  switch (e.featureCode) {
    case 'ADM1': return 2.6;
    case 'ADM2': return 0.5;
    case 'PPLC': return 4;
    case 'PPLA': return 3;
    case 'PPLA2': return 2;
    case 'PPLA3': return 1.4;
    case 'PPLX': return 0.3;
    case 'PPLH': case 'PPLQ': case 'PPLW': return -1;
    default: return e.featureClass === 'P' ? 1 : 0.5;
  }
}

export function prior(e: GazEntry): number {
  if (isCountry(e)) return 9;
  if (e.source === 'extra') return 4;
  const p = codePrior(e);
  return p + (e.featureClass === 'P' ? 0.45 * Math.log10(e.population + 1) : 0.2 * Math.log10(e.population + 1));
}

export function kindOf(e: GazEntry): string {
  if (isCountry(e)) return 'country';
  if (e.featureCode === 'ADM1') return 'admin1';
  if (e.featureCode === 'ADM2') return 'admin2';
  if (e.source === 'extra') return e.featureCode === 'RGN' || e.featureClass === 'L' ? 'region' : e.featureClass === 'T' ? 'area' : 'facility';
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

/** the candidate with the highest prior */
export const topByPrior = (list: readonly Cand[]): Cand => {
  let top = list[0];
  for (let i = 1; i < list.length; i++) if (list[i].prior > top.prior) top = list[i];
  return top;
};

/** a name's entries with their priors, by the gazetteer's postings list (kept while the gazetteer keeps it) */
const BASES = new WeakMap<readonly Posting[], Cand[]>();
const NO_CANDS: readonly Cand[] = [];

function baseOf(gaz: Gazetteer, postings: Posting[]): Cand[] {
  let base = BASES.get(postings);
  if (!base) {
    base = [];
    for (const p of postings) {
      const e = gaz.entry(p.idx);
      base.push({ e, alt: p.alt, prior: prior(e) - (p.alt ? 1.5 : 0) });
    }
    BASES.set(postings, base);
  }
  return base;
}

/** each mention's candidates with their prior (the priors of a name's entries computed once, across documents) */
export function candidatesOf(gaz: Gazetteer, mentions: readonly Mention[]): (readonly Cand[])[] {
  const out: (readonly Cand[])[] = new Array(mentions.length);
  for (let k = 0; k < mentions.length; k++) {
    const postings = mentions[k].postings;
    out[k] = postings.length ? baseOf(gaz, postings) : NO_CANDS;
  }
  return out;
}
