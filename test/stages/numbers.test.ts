// numbers stage: each construction has a row [sentence, expected quantities]. Expected offsets are the
// first occurrence of the quoted text in the sentence (start) and start + length (end).
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { numbersStage } from '../../src/stages/numbers/index.js';

const pipeline = new Pipeline([sentencesStage, numbersStage]);

type Exp = [text: string, min: number | null, max: number | null, nonCount?: string];

const rows: [string, Exp[]][] = [
  // digits with any grouping
  ['Officials said 20,000 people had been moved out of the town.', [['20,000', 20000, 20000]]],
  ['The agency counted 20000 people crossing the border', [['20000', 20000, 20000]]],
  ['An estimated 2,70,000 residents remain in the district', [['An estimated 2,70,000', 270000, 270000]]],
  ['The war has displaced 1.2 million people across the region', [['1.2 million', 1200000, 1200000]]],
  ['Some 1.2m people are in need of food aid', [['Some 1.2m', 1200000, 1200000]]],
  ['the conflict displaced more than 450000 residents in its first year', [['more than 450000', 450001, null]]],
  ['Over 3 000 farmers lost their land', [['Over 3 000', 3001, null]]],
  ['35+ dead and 70+ wounded after the strike', [['35+', 35, null], ['70+', 70, null]]],
  // number words
  ['Seven buses left the villages on Monday', [['Seven', 7, 7]]],
  ['twenty-five soldiers were captured near the border', [['twenty-five', 25, 25]]],
  ['twenty five soldiers were captured near the border', [['twenty five', 25, 25]]],
  ['A dozen more trucks are expected to arrive', [['A dozen', 12, 12]]],
  ['one hundred and fifty families sheltered in the school', [['one hundred and fifty', 150, 150]]],
  ['two dozen fighters surrendered', [['two dozen', 24, 24]]],
  ['three thousand people marched through the city', [['three thousand', 3000, 3000]]],
  // vague amounts
  ['Dozens of civilians were wounded in the shelling', [['Dozens', 24, 99]]],
  ['scores of gunmen were killed in the clashes', [['scores', 40, 99]]],
  ['He scores well in polls', []],
  ['Hundreds of families fled the area', [['Hundreds', 200, 999]]],
  ['thousands of evacuees waited at the crossing', [['thousands', 2000, 9999]]],
  ['tens of thousands of people remain trapped', [['tens of thousands', 20000, 99999]]],
  ['hundreds of thousands have fled since the offensive began', [['hundreds of thousands', 200000, 999999]]],
  ['millions more have been displaced', [['millions', 2000000, 9999999]]],
  ['several dozen wounded were taken to hospitals', [['several dozen', 36, 108]]],
  ['several others were injured', [['several', 3, 9]]],
  ['a few residents stayed behind', [['a few', 2, 5]]],
  ['tens of people gathered outside the hospital', [['tens', 20, 99]]],
  // modifiers
  ['At least 87 people were killed', [['At least 87', 87, null]]],
  ['killing more than 50 terrorists', [['more than 50', 51, null]]],
  ['over 70 people were wounded', [['over 70', 71, null]]],
  ['the death toll rose above 50,000', [['above 50,000', 50001, null]]],
  ['the toll went beyond 300 by nightfall', [['beyond 300', 301, null]]],
  ['the army killed nearly 170 militants', [['nearly 170', 153, 170]]],
  ['almost 100 families returned', [['almost 100', 90, 100]]],
  ['about 10 casualties were reported', [['about 10', 10, 10]]],
  ['around 300 people marched', [['around 300', 300, 300]]],
  ['roughly 400 fighters massed', [['roughly 400', 400, 400]]],
  ['up to 46 miners could be trapped', [['up to 46', null, 46]]],
  ['as many as 900 people were taken', [['as many as 900', null, 900]]],
  ['more than a dozen buses', [['more than a dozen', 13, null]]],
  // a fraction of a scale word ("half a million"), not the scale alone; negative: "half" before no scale word
  ['nearly half a million people', [['nearly half a million', 450000, 500000]]],
  ['more than a quarter of a million voters', [['more than a quarter of a million', 250001, null]]],
  ['half the residents', []],
  // ... and of a multiplier word ("half a dozen": 6, not "a dozen")
  ['at least half a dozen soldiers', [['at least half a dozen', 6, null]]],
  // ranges
  ['between 300 and 400 people fled', [['between 300 and 400', 300, 400]]],
  ['300-400 people fled', [['300-400', 300, 400]]],
  ['300 to 400 people fled', [['300 to 400', 300, 400]]],
  ['two or three bodies were found', [['two or three', 2, 3]]],
  // non-counts
  ['who had been under siege for four years', [['four', 4, 4, 'duration']]],
  ['the truce lasted 10 days', [['10', 10, 10, 'duration']]],
  ['in the past 24 hours', [['24', 24, 24, 'duration']]],
  ['a boy aged 12 was among them', [['12', 12, 12, 'age']]],
  ['a 12-year-old girl', [['12', 12, 12, 'age']]],
  ['the man was 40 years old', [['40', 40, 40, 'age']]],
  ['the blast happened at 10:30 local time', [['10:30', 10, 10, 'time']]],
  ['the strike came at 5 p.m. on Friday', [['5', 5, 5, 'time']]],
  ['Tue 12 Mar 2019 at 0735 the mayor replied', [['12', 12, 12], ['2019', 2019, 2019, 'year'], ['0735', 735, 735, 'time']]],
  ['the 4th Division advanced', [['4', 4, 4, 'ordinal']]],
  ['under Resolution 2254 the talks resumed', [['2254', 2254, 2254, 'ordinal']]],
  ['a pledge of $5 million was made', [['5 million', 5000000, 5000000, 'money']]],
  ['prices rose 40 percent', [['40', 40, 40, 'percent']]],
  ['prices rose 40 per cent', [['40', 40, 40, 'percent']]],
  ['the town lies 10 km south of the city', [['10', 10, 10, 'measure']]],
  ['the war began in 2011 and the town fell in 2016', [['2011', 2011, 2011, 'year'], ['2016', 2016, 2016, 'year']]],
  ['between 2014 and 2015 the town changed hands', [['between 2014 and 2015', 2014, 2015, 'year']]],
  ['resolutions 2118 (2013) and 2235 (2015) apply', [['2118', 2118, 2118], ['2013', 2013, 2013, 'year'], ['2235', 2235, 2235], ['2015', 2015, 2015, 'year']]],
  ['Fars News Agency 29 2017 . The troops advanced', [['29', 29, 29], ['2017', 2017, 2017, 'year']]],
  ['Copyright AFP 2018 John Smith', [['2018', 2018, 2018, 'year']]],
  // negatives: a year-like number that counts
  ['more than 2000 oil tankers were destroyed', [['more than 2000', 2001, null]]],
  ['the deaths of 2000 people', [['2000', 2000, 2000]]],
  // thousands grouped by a space: one number, unless the run is a list, a phone number or a reference
  ['Some 62 350 people fled across the river', [['Some 62 350', 62350, 62350]]],
  ['the census counted 1 250 400 residents', [['1 250 400', 1250400, 1250400]]],
  ['in 2019 350 people were detained at the border', [['2019', 2019, 2019, 'year'], ['350', 350, 350]]],
  ['the hotline 555 123 4567 was opened for families', [['555', 555, 555], ['123', 123, 123], ['4567', 4567, 4567]]],
  ['the report on pages 12 345 lists the dead', [['12', 12, 12], ['345', 345, 345]]],
  ['by March 14 250 families had returned', [['14', 14, 14], ['250', 250, 250]]],
  ['the caller read 012 345 aloud', [['012', 12, 12], ['345', 345, 345]]],
  // a modifier after the number
  ['Forty-one or more passengers were hurt', [['Forty-one or more', 41, null]]],
  ['200 or so protesters gathered at dawn', [['200 or so', 200, 200]]],
  ['12 or fewer guards stayed at the gate', [['12 or fewer', null, 12]]],
  ['two or three bodies were recovered', [['two or three', 2, 3]]],
  ['the camp has held 10 or more years of records', [['10 or more', 10, null, 'duration']]],
  // a fraction before a scale word
  ['two-and-a-half million people need shelter', [['two-and-a-half million', 2500000, 2500000]]],
  ['three and a half thousand troops crossed', [['three and a half thousand', 3500, 3500]]],
  ['two and a half hours later the sirens stopped', [['two', 2, 2]]],
  ['one-off payments were promised', []],
  // vague amounts as GUIDELINES.md values them
  ['several thousand workers walked out', [['several thousand', 3000, 9999]]],
  ['several tens of thousands of people marched', [['several tens of thousands', 20000, 99999]]],
  ['tens or hundreds of thousands may have fled', [['tens or hundreds of thousands', 20000, 999999]]],
  ['several people and tens of others', [['several', 3, 9], ['tens', 20, 99]]],
  // a vague amount as a level reached: "in the hundreds", "into the thousands"
  ['The toll from the floods is in the hundreds', [['in the hundreds', 200, 999]]],
  ['the crowd grew into the tens of thousands by noon', [['into the tens of thousands', 20000, 99999]]],
  ['the hundreds of families in the camp waited', [['hundreds', 200, 999]]],
  ['in the town hundreds gathered', [['hundreds', 200, 999]]],
  // "one" as a pronoun is not a number; "one of" is
  ['no one was hurt in the blast', []],
  ['One of the drivers went missing', [['One', 1, 1]]],
  // words that look like numbers but are not
  ['some people stayed and many left', []],
  ['a number of fighters surrendered', []],
];

describe('numbers stage', () => {
  it.each(rows)('%s', (sentence, expected) => {
    const a = pipeline.analyze({ id: 't', text: sentence });
    expect(a.errors).toEqual([]);
    const got = a.quantities.map((q) => ({ text: q.text, start: q.start, end: q.end, min: q.min, max: q.max, nonCount: q.nonCount ?? null }));
    const want = expected.map(([text, min, max, nonCount]) => {
      const start = sentence.indexOf(text);
      return { text, start, end: start + text.length, min, max, nonCount: nonCount ?? null };
    });
    expect(got).toEqual(want);
  });

  // French groups thousands by a space too, with the same refusals (data/fr/numbers spaceGroupNotAfter)
  const fr: [string, [string, number][]][] = [
    ['Quelque 62 350 personnes ont fui la ville', [['Quelque 62 350', 62350]]],
    ['Plus de 1 200 000 habitants sont privés d’eau', [['Plus de 1 200 000', 1200001]]],
    ['Le bilan figure aux pages 12 345 du rapport', [['12', 12], ['345', 345]]],
    ['En 2019 350 personnes ont été arrêtées', [['2019', 2019], ['350', 350]]],
    ['Le numéro 800 123 456 est ouvert aux familles', [['800', 800], ['123', 123], ['456', 456]]],
    // half a dozen is six
    ['Au moins une demi-douzaine de soldats ont été blessés', [['Au moins une demi-douzaine', 6]]],
  ];
  it.each(fr)('fr: %s', (sentence, expected) => {
    const a = pipeline.analyze({ id: 't', text: sentence, lang: 'fr' });
    expect(a.quantities.map((q) => [q.text, q.min])).toEqual(expected);
  });

  // word tests read from each language's data (quantities.json): the article before a scale word, the
  // word joining a scale to the rest, the age after a hyphenated duration, the word before a clock time
  const byLanguage: [lang: string, sentence: string, expected: [string, number, string | null][]][] = [
    ['en', 'A 5-year-old boy was among the dead', [['5', 5, 'age']]],
    ['en', 'The shelling resumed at 0630 on Sunday', [['0630', 630, 'time']]],
    ['en', 'two hundred and five families fled', [['two hundred and five', 205, null]]],
    ['en', 'An hundred rockets fell on the town', [['An hundred', 100, null]]],
    ['fr', 'Les tirs ont repris à 0630 dimanche', [['0630', 630, 'time']]],
    // negative: "vers" is no clock-time preposition, and French joins no "et" after a scale word
    ['fr', 'Les tirs ont repris vers 0630 dimanche', [['0630', 630, null]]],
    ['fr', 'deux cent cinq familles ont fui', [['deux cent cinq', 205, null]]],
    ['fr', 'deux cent et cinq familles ont fui', [['deux cent', 200, null], ['cinq', 5, null]]],
  ];
  it.each(byLanguage)('%s: %s', (lang, sentence, expected) => {
    const a = pipeline.analyze({ id: 't', text: sentence, lang });
    expect(a.quantities.map((q) => [q.text, q.min, q.nonCount ?? null])).toEqual(expected);
  });

  it('keeps the modifier out of the core span and records evidence', () => {
    const s = 'At least 87 people were killed';
    const q = pipeline.analyze({ id: 't', text: s }).quantities[0];
    expect(q.core).toEqual({ start: 9, end: 11 });
    expect(q.modifier).toBe('at least');
    expect(q.evidence.map((e) => e.rule)).toEqual(['numbers.digits', 'numbers.modifier:at-least']);
  });
});
