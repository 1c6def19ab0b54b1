import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { placesStage } from '../../src/stages/places/index.js';
import type { Place } from '../../src/core/types.js';

// sentences and places only: what the actors stage later removes is not this stage's business
const pipeline = new Pipeline([sentencesStage, placesStage]);
const places = (text: string): Place[] => pipeline.analyze({ id: 't', text }).places;

type Want = Partial<Pick<Place, 'start' | 'end' | 'text' | 'country' | 'kind' | 'precision' | 'geonameId' | 'qualifier'>> & { parent?: string };

function check(text: string, want: Want[]) {
  const got = places(text);
  const view = got.map((p) => ({ ...p, parent: p.parent?.name }));
  expect(view.map((p) => p.text), JSON.stringify(got.map((p) => [p.start, p.end, p.text, p.country, p.kind, p.precision]))).toEqual(want.map((w) => w.text));
  expect(view).toMatchObject(want);
  for (const p of got) {
    expect(text.slice(p.start, p.end)).toBe(p.text);
    expect(p.evidence.length).toBeGreaterThan(0);
    for (const e of p.evidence) expect(e.rule).toMatch(/^places\./);
  }
}

describe('places: gazetteer matches', () => {
  it.each<[string, Want[]]>([
    ['Shelling hit Aleppo and Homs on Monday, the monitor said.', [
      { start: 13, end: 19, text: 'Aleppo', country: 'SY', kind: 'city', precision: 1, geonameId: 170063 },
      { start: 24, end: 28, text: 'Homs', country: 'SY', kind: 'city', precision: 1, geonameId: 169577 },
    ]],
    // multi-word names, other spellings
    ['Government troops entered Khan Shaykhoun and Deir al-Zor in Syria.', [
      { start: 26, end: 40, text: 'Khan Shaykhoun', country: 'SY', geonameId: 168325 },
      { start: 45, end: 56, text: 'Deir al-Zor', country: 'SY', kind: 'city', geonameId: 170794 },
      { start: 60, end: 65, text: 'Syria', country: 'SY', kind: 'country', geonameId: 163843 },
    ]],
    // regression: a name's own vote for its top candidate's country (Palmira, Colombia) must not
    // outweigh a demonym elsewhere in the text
    ['Syrian troops advanced near Palmyra.', [{ text: 'Palmyra', country: 'SY', geonameId: 163808 }]],
    // a place used for its government, and inside compounds
    ['Damascus said the attack was a provocation.', [{ start: 0, end: 8, text: 'Damascus', country: 'SY', kind: 'city' }]],
    ['The US-led coalition and Britain-based monitors disagreed.', [
      { start: 4, end: 6, text: 'US', country: 'US', kind: 'country' },
      { start: 25, end: 32, text: 'Britain', country: 'GB', kind: 'country' },
    ]],
    // a possessive whose apostrophe was lost
    ['Syrias army entered Qamishli.', [
      { start: 0, end: 5, text: 'Syria', country: 'SY', kind: 'country' },
      { start: 20, end: 28, text: 'Qamishli', country: 'SY' },
    ]],
    // the article's country picks Palmyra in Syria over Palmira in Colombia
    ['Clashes broke out near Palmyra in central Syria overnight.', [
      { start: 23, end: 30, text: 'Palmyra', country: 'SY', geonameId: 163808, qualifier: 'near', precision: 2 },
      { start: 42, end: 47, text: 'Syria', country: 'SY', qualifier: 'central' },
    ]],
    ['Fighting erupted in Hawija north of Kirkuk in Iraq.', [
      { start: 20, end: 26, text: 'Hawija', country: 'IQ', precision: 1 },
      { start: 36, end: 42, text: 'Kirkuk', country: 'IQ', qualifier: 'north of', precision: 2 },
      { start: 46, end: 50, text: 'Iraq', country: 'IQ', kind: 'country' },
    ]],
    ['Turkish Foreign Minister Mevlut Cavusoglu spoke in Ankara.', [{ start: 51, end: 57, text: 'Ankara', country: 'TR' }]],
  ])('%s', check);
});

describe('places: qualifiers and regions', () => {
  it.each<[string, Want[]]>([
    ['Airstrikes hit eastern Aleppo and the southern suburbs of Damascus.', [
      { start: 23, end: 29, text: 'Aleppo', qualifier: 'eastern', precision: 2, geonameId: 170063 },
      { start: 58, end: 66, text: 'Damascus', qualifier: 'southern suburbs of', precision: 2 },
    ]],
    ['Rebels shelled government areas in Idlib province and Hama Governorate.', [
      { start: 35, end: 49, text: 'Idlib province', country: 'SY', kind: 'admin1', geonameId: 169387 },
      { start: 54, end: 70, text: 'Hama Governorate', country: 'SY', kind: 'admin1', geonameId: 170015 },
    ]],
    ['The strike hit the town of Maarat Misrin in the countryside of Idlib.', [
      { start: 27, end: 40, text: 'Maarat Misrin', country: 'SY', geonameId: 167605 },
      { start: 63, end: 68, text: 'Idlib', qualifier: 'countryside of', precision: 2 },
    ]],
    ['A truce holds in the Damascus suburbs and the Hama countryside.', [
      { start: 21, end: 29, text: 'Damascus', kind: 'city', qualifier: 'suburbs', precision: 2 },
      { start: 46, end: 50, text: 'Hama', kind: 'city', qualifier: 'countryside', precision: 2 },
    ]],
    // "region" after a name that is also a first-level region's: the region ("the Kherson region")
    ['Drones struck a bus in the Kherson region on Monday.', [
      { start: 27, end: 34, text: 'Kherson', country: 'UA', kind: 'admin1' },
    ]],
    // negative: a city with no region of its name stays the city
    ['Drones struck a bus in the Nikopol region on Monday.', [
      { start: 27, end: 34, text: 'Nikopol', country: 'UA', kind: 'city' },
    ]],
    // our own regions, also when their name runs over a cue word
    ['Regime bombs landed on eastern Ghouta and the Golan Heights, Syria.', [
      { start: 31, end: 37, text: 'Ghouta', country: 'SY', kind: 'region', qualifier: 'eastern', geonameId: null },
      { start: 46, end: 59, text: 'Golan Heights', country: 'SY', kind: 'region' },
      { start: 61, end: 66, text: 'Syria', kind: 'country' },
    ]],
    // a generic head word before a known name ("Mount Sinjar")
    ['Kurdish fighters retook Mount Sinjar in Iraq.', [
      { start: 30, end: 36, text: 'Sinjar', country: 'IQ' },
      { start: 40, end: 44, text: 'Iraq', kind: 'country' },
    ]],
  ])('%s', check);
});

describe('places: cues for places the gazetteer lacks', () => {
  it.each<[string, Want[]]>([
    // "the village of X, north of Y": placed at its parent
    ['Fighters moved into the village of Tel Sabha, north of Hama.', [
      { start: 35, end: 44, text: 'Tel Sabha', kind: 'village', country: 'SY', precision: 2, parent: 'Ḩamāh', qualifier: 'north of' },
      { start: 55, end: 59, text: 'Hama', country: 'SY' },
    ]],
    ['Residents fled the Khirbet Jamous district of Homs after the raid.', [
      { start: 19, end: 33, text: 'Khirbet Jamous', kind: 'district', country: 'SY', precision: 2, parent: 'Homs' },
      { start: 46, end: 50, text: 'Homs', kind: 'city' },
    ]],
    ['Troops advanced on the outskirts of Marj Zuhour village in Idlib.', [
      { start: 36, end: 47, text: 'Marj Zuhour', kind: 'village', qualifier: 'the outskirts of', parent: 'Idlib', precision: 2 },
      { start: 59, end: 64, text: 'Idlib', country: 'SY' },
    ]],
    ['Mortars fell on Bab Touma neighbourhood in Damascus.', [
      { start: 16, end: 25, text: 'Bab Touma', kind: 'neighbourhood', parent: 'Damascus', country: 'SY' },
      { start: 43, end: 51, text: 'Damascus' },
    ]],
    // lists after a plural cue, a region parent gives precision 3
    ['Buses left the villages of Zahra and Nubbul in Aleppo province.', [
      { start: 27, end: 32, text: 'Zahra', kind: 'village', precision: 3, parent: 'Aleppo' },
      { start: 37, end: 43, text: 'Nubbul', kind: 'village', precision: 3, parent: 'Aleppo' },
      { start: 47, end: 62, text: 'Aleppo province', kind: 'admin1' },
    ]],
    ['Shells fell on the Qasr Bayram, al-Rastan and Deir Ful districts in the province of Hama.', [
      { text: 'Qasr Bayram', kind: 'district', country: 'SY', precision: 2 },
      { text: 'al-Rastan', country: 'SY', geonameId: 172946 },
      { text: 'Deir Ful', kind: 'district', country: 'SY', precision: 2 },
      { text: 'Hama', kind: 'admin1', geonameId: 170015 },
    ]],
    // "al-Balad" after Daraa is part of its name, not the town of Balad in Iraq
    ['In Daraa al-Balad government troops pounded the al-Karak neighbourhood, a source in Syria said.', [
      { start: 3, end: 8, text: 'Daraa', country: 'SY' },
      { start: 9, end: 17, text: 'al-Balad', country: 'SY', parent: 'Dar‘ā' },
      { start: 48, end: 56, text: 'al-Karak', kind: 'neighbourhood', country: 'SY' },
      { start: 84, end: 89, text: 'Syria', kind: 'country' },
    ]],
    // "the neighborhood X", "the areas of X and Y": a name abroad (Mashhad) does not beat the cue
    ['Shells hit the neighborhood Bustan Qasr in Aleppo, Syria.', [
      { start: 28, end: 39, text: 'Bustan Qasr', kind: 'neighbourhood', country: 'SY', parent: 'Aleppo', precision: 2 },
      { start: 43, end: 49, text: 'Aleppo', country: 'SY' },
      { start: 51, end: 56, text: 'Syria', kind: 'country' },
    ]],
    ['Gunmen shelled the areas of al-Sukkari and al-Mashhad in Aleppo city.', [
      { start: 28, end: 38, text: 'al-Sukkari', country: 'SY', parent: 'Aleppo', geonameId: null },
      { start: 43, end: 53, text: 'al-Mashhad', country: 'SY', parent: 'Aleppo', geonameId: null },
      { start: 57, end: 63, text: 'Aleppo', kind: 'city' },
    ]],
    // "in X" vouches for a place even where the gazetteer knows X only abroad
    ['Four people died in Ansari and two in Hamdaniyeh in Aleppo, Syria.', [
      { start: 20, end: 26, text: 'Ansari', country: 'SY', parent: 'Aleppo' },
      { start: 38, end: 48, text: 'Hamdaniyeh', country: 'SY', parent: 'Aleppo' },
      { start: 52, end: 58, text: 'Aleppo', geonameId: 170063 },
      { start: 60, end: 65, text: 'Syria', kind: 'country' },
    ]],
    // other vowels: the consonant skeleton finds the gazetteer entry, in the article's country only
    ['Fighting raged in the village of Kensabba in Latakia province in Syria.', [
      { start: 33, end: 41, text: 'Kensabba', country: 'SY', geonameId: 167863, precision: 1 },
      { start: 45, end: 61, text: 'Latakia province', kind: 'admin1' },
      { start: 65, end: 70, text: 'Syria', kind: 'country' },
    ]],
    ['Fighting raged in the village of Kensabba.', [{ start: 33, end: 41, text: 'Kensabba', geonameId: null, country: null }]],
    // a name a cue made a place is a place wherever it occurs
    ['Aid reached the villages of al-Fuaa and Kafraya. Later Fuaa was shelled again.', [
      { start: 28, end: 35, text: 'al-Fuaa', kind: 'village' },
      { start: 40, end: 47, text: 'Kafraya', kind: 'village' },
      { start: 55, end: 59, text: 'Fuaa', kind: 'village' },
    ]],
    // an unknown name after a locative preposition
    ['Shells landed in Wadi Rahmoun in Daraa province, killing two civilians.', [
      { start: 17, end: 29, text: 'Wadi Rahmoun', country: 'SY', parent: 'Daraa', precision: 3 },
      { start: 33, end: 47, text: 'Daraa province', kind: 'admin1' },
    ]],
    // no commas: an unknown run of names split at name heads
    ['Jets struck the area of Zyarah Bahloul Marj Akram and Tal Hamra in Hama countryside', [
      { start: 24, end: 30, text: 'Zyarah' },
      { start: 31, end: 38, text: 'Bahloul' },
      { start: 39, end: 49, text: 'Marj Akram' },
      { start: 54, end: 63, text: 'Tal Hamra' },
      { start: 67, end: 71, text: 'Hama', country: 'SY' },
    ]],
    // facilities keep their cue word
    ['The Qamishli airport and the Nusaybin crossing were closed.', [
      { start: 4, end: 20, text: 'Qamishli airport', kind: 'facility', country: 'SY' },
      { start: 29, end: 46, text: 'Nusaybin crossing', kind: 'facility', country: 'TR' },
    ]],
  ])('%s', check);
});

describe('places: not places', () => {
  it.each<[string, Want[]]>([
    ['Syrian and Turkish troops met at the border post.', []],
    ['The Syrian Observatory for Human Rights believes the Aleppo Media Center was hit.', []],
    ['Students of Damascus University protested.', []],
    ['The ministry in Damascus said the University of Aleppo reopened.', [{ start: 16, end: 24, text: 'Damascus' }]],
    ['The Islamic State of Iraq and Free Syrian Army units clashed.', []],
    ['Jabhat Fateh al-Sham fighters withdrew from Hayat Tahrir al-Sham positions.', []],
    ['Mark said the Will of the people would prevail.', []],
    ['Reporting by Sylvia Novak; Editing by Louise Ireland', []],
    ['Fighting was reported in the Ramadan offensive.', []],
    // a name after a title is a person's, later in the article too
    ['Navy Capt. Jeff Davis said Iraqi forces held Mosul. Davis said the coalition struck Raqqa.', [
      { start: 45, end: 50, text: 'Mosul', country: 'IQ' },
      { start: 84, end: 89, text: 'Raqqa', country: 'SY' },
    ]],
    // a title-case headline: capitals say nothing, cue words make no places
    ['Rebels Stage Ambush Against Convoys Leaving Occupied Villages', []],
  ])('%s', check);
});
