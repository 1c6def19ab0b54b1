// Names of countries, their capitals and first-level regions by code (GeoNames countryInfo and admin1 tables in
// data/geo), for exports that want names ("Syria", "Aleppo") rather than codes ("SY", "SY.09"), and for
// "the Syrian capital" (events/demonym-places.ts).
import { readFileSync } from 'node:fs';
import { dataPath } from '../core/paths.js';

export interface RegionNames {
  country(cc: string | null | undefined): string | null;
  admin1(cc: string | null | undefined, code: string | null | undefined): string | null;
  /** The name of the country's capital ("Kabul" for AF), as GeoNames gives it. */
  capital(cc: string | null | undefined): string | null;
}

let cached: RegionNames | null = null;

export function loadRegionNames(): RegionNames {
  if (cached) return cached;
  const countries = new Map<string, string>();
  const capitals = new Map<string, string>();
  for (const line of readFileSync(dataPath('geo', 'countryInfo.tsv'), 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f[0] && f[4]) countries.set(f[0], f[4]);
    if (f[0] && f[5]) capitals.set(f[0], f[5]);
  }
  const admin1 = new Map<string, string>();
  for (const line of readFileSync(dataPath('geo', 'admin1CodesASCII.txt'), 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f[0] && f[2]) admin1.set(f[0], f[2]);
  }
  cached = {
    country: (cc) => (cc ? countries.get(cc.toUpperCase()) ?? null : null),
    capital: (cc) => (cc ? capitals.get(cc.toUpperCase()) ?? null : null),
    admin1: (cc, code) => (cc && code ? admin1.get(code.includes(".") ? code : `${cc.toUpperCase()}.${code}`) ?? null : null),
  };
  return cached;
}
