import { describe, expect, it } from 'vitest';
import { loadGazetteer } from '../../src/geo/gazetteer.js';

// the real cache (built on first use from cities500, admin1/admin2 and countries)
const gaz = loadGazetteer({ log: () => {} });
const names = (name: string) => gaz.lookup(name).map((p) => gaz.entry(p.idx));

describe('gazetteer index', () => {
  it('finds cities500 entries with their GeoNames id and coordinates', () => {
    const aleppo = names('Aleppo').find((e) => e.featureCode === 'PPLA');
    expect(aleppo).toMatchObject({ id: 170063, country: 'SY', source: 'cities500' });
    expect(aleppo!.lat).toBeCloseTo(36.2, 1);
    expect(aleppo!.lon).toBeCloseTo(37.16, 1);
  });

  it('finds admin1 regions and countries with their GeoNames ids', () => {
    expect(names('Idlib').some((e) => e.featureCode === 'ADM1' && e.id === 169387)).toBe(true);
    expect(names('Syria').find((e) => e.featureCode === 'PCLI')).toMatchObject({ id: 163843, country: 'SY' });
    expect(gaz.country('SY')?.name).toBe('Syria');
    expect(gaz.admin1('SY.09')?.name).toBe('Aleppo');
  });

  it('knows short and alternate country names', () => {
    for (const n of ['US', 'USA', 'United States', 'America']) expect(names(n).some((e) => e.featureCode === 'PCLI' && e.country === 'US')).toBe(true);
    for (const n of ['UK', 'Britain', 'United Kingdom']) expect(names(n).some((e) => e.featureCode === 'PCLI' && e.country === 'GB')).toBe(true);
  });

  it('matches alternate spellings through the folded key', () => {
    expect(names('Deir Ezzor').some((e) => e.country === 'SY' && e.featureCode === 'PPLA')).toBe(true);
    expect(names('Palmyra').some((e) => e.name === 'Tadmur')).toBe(true);
    expect(gaz.lookup('Palmyra').find((p) => gaz.entry(p.idx).name === 'Tadmur')!.alt).toBe(true);
  });

  it('answers prefix questions for n-gram extension', () => {
    expect(gaz.find('khan').longer).toBe(true); // some key starts with "khan "
    expect(gaz.find('zzqx').longer).toBe(false);
    expect(gaz.lookupKey('zzqxnotaplace')).toEqual([]);
  });

  it('finds a name and whether a longer name goes on from it in one search', () => {
    const khan = gaz.find(gaz.translit.key('Khan'));
    expect(khan.longer).toBe(true); // Khan Shaykhun, Khan al-Asal...
    const aleppo = gaz.find(gaz.translit.key('Aleppo'));
    expect(aleppo.postings.length).toBeGreaterThan(0);
    expect(gaz.find(gaz.translit.key('Khan Shaykhun')).postings.some((p) => gaz.entry(p.idx).country === 'SY')).toBe(true);
    const none = gaz.find('zzqxnotaplace');
    expect(none.postings).toEqual([]);
    expect(none.longer).toBe(false);
    expect(gaz.find('')).toEqual({ postings: [], longer: false });
  });
});
