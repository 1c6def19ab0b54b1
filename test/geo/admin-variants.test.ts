// Other spellings of region names made at gazetteer build (data/geo/admin-names.json), table-driven.
import { describe, expect, it } from 'vitest';
import { adminSpellings } from '../../src/geo/admin-variants.js';

const d = {
  directions: [['North', 'Northern', 'Nord'], ['South', 'Southern', 'Sud']],
  suffixes: ['Territory', 'State', 'Governorate'],
  prefixes: ['Province de la', 'Province de', 'Province du', 'Departamento de'],
  minBareLength: 4,
  compassWords: ['north', 'northern', 'northeastern', 'central'],
};

describe('adminSpellings', () => {
  it.each<[string, boolean, [string, boolean][]]>([
    ['Nord Kivu', true, [['North Kivu', false], ['North-Kivu', false], ['Northern Kivu', false], ['Northern-Kivu', false], ['Nord-Kivu', false]]],
    ['Masisi Territory', false, [['Masisi', true]]],
    ['Province de la Tapoa', false, [['Tapoa', true]]],
    ['Departamento de Antioquia', true, [['Antioquia', false]]],
    ['West Kordofan State', true, [['West Kordofan', false]]],
    // negatives: a compass word alone, a short stem, no compass word or suffix
    ['Northeastern Governorate', true, []],
    ['Nord', true, []],
    ['Abc State', true, []],
    ['Kherson', true, []],
    // negative: a prefix that is part of a longer word
    ['Provincetown', false, []],
    ['North Central', true, []],
  ])('%s', (name, firstLevel, want) => {
    expect([...adminSpellings(name, d, firstLevel)].sort()).toEqual(want.sort());
  });

  it('spells a second-level name without its suffix, and in its other compass forms, as alternates', () => {
    const got = adminSpellings('Southern Darfur State', d, false);
    for (const v of ['Southern Darfur', 'South Darfur', 'Sud-Darfur']) expect(got.get(v)).toBe(true);
    // the whole name in another compass form stays a full name
    expect(got.get('South Darfur State')).toBe(false);
  });
});
