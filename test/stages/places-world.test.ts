// Places in news from every conflict (issue 13): people, organisations and currencies that look like places,
// places that stand for their state, datelines, small-place cues after a well-known place, named buildings.
// Our own sentences, in the style of news reports; each row lists every place expected (none: not a place).
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { placesStage } from '../../src/stages/places/index.js';
import { ATTRIBUTIVE_RULE, DATELINE_RULE, isAttributive } from '../../src/stages/places/context.js';
import type { Place } from '../../src/core/types.js';

const pipeline = new Pipeline([sentencesStage, placesStage]);
const places = (text: string, lang?: string): Place[] => pipeline.analyze(lang ? { id: 't', text, lang } : { id: 't', text }).places;

type Want = Partial<Pick<Place, 'text' | 'country' | 'kind' | 'precision' | 'qualifier'>> & { parent?: string; rule?: string; noRule?: string; noQualifier?: boolean };

function check(text: string, want: Want[], lang?: string) {
  const got = places(text, lang);
  expect(got.map((p) => p.text), JSON.stringify(got.map((p) => [p.text, p.name, p.country, p.kind]))).toEqual(want.map((w) => w.text));
  got.forEach((p, i) => {
    const { parent, rule, noRule, noQualifier, ...fields } = want[i];
    expect(p).toMatchObject(fields);
    if (parent) expect(p.parent?.name).toBe(parent);
    if (rule) expect(p.evidence.map((e) => e.rule)).toContain(rule);
    if (noRule) expect(p.evidence.map((e) => e.rule)).not.toContain(noRule);
    if (noQualifier) expect(p.qualifier).toBeUndefined();
    expect(text.slice(p.start, p.end)).toBe(p.text);
  });
}

describe('places: people are not places', () => {
  it.each<[string, Want[]]>([
    // a given name and the name after it are a person, and so is the surname later on
    ['Speaking to Martin Smith of the BBC, the minister denied the claim.', []],
    ['Kyle Rittenhouse appeared in court in Kenosha. Rittenhouse was released on Friday.', [{ text: 'Kenosha', country: 'US' }]],
    ['Richard and Lisa Parry drove to the rally in Kenosha.', [{ text: 'Kenosha', country: 'US' }]],
    // a name with an age set off by commas is a person's, whatever its first word is the name of
    ['A grade 9 student, Jordan Manners, 15, was shot near the pool.', []],
    ['Georgia Smith, 34, said the fire started in the kitchen.', []],
    // negative: a country is seldom a first name, and a name before a well-known place is no person
    ['Troops crossed from Jordan into Syria.', [{ text: 'Jordan', country: 'JO' }, { text: 'Syria', country: 'SY' }]],
    // a surname that is also a city ("Hamilton", "Jackson") is a place when its own region or country follows it
    ['Two people were killed in Hamilton, Ontario, on Monday.', [{ text: 'Hamilton', country: 'CA' }, { text: 'Ontario', country: 'CA' }]],
    ['Police in Jackson, Mississippi, said two people were shot.', [{ text: 'Jackson', country: 'US' }, { text: 'Mississippi', country: 'US' }]],
    // a Persian ezafe joined by hyphens ("-e-", "-i-") inside a known name
    ['Gunmen attacked a checkpoint in Pul-e-Khumri on Monday.', [{ text: 'Pul-e-Khumri', country: 'AF' }]],
    ['A bomb exploded in Mazar-i-Sharif in northern Afghanistan on Monday.', [{ text: 'Mazar-i-Sharif', country: 'AF' }, { text: 'Afghanistan', country: 'AF' }]],
    // negative: not before an apposition, nor in a list of people
    ['Hamilton, the mayor, said two people were shot.', []],
    ['Clinton, Obama and Trump met in Washington.', [{ text: 'Washington', country: 'US' }]],
    // a given name that is only another name of a place, without a cue ("Dean" is one of Waco's names)
    ['She won a Dean\'s Award for her project in 2006.', []],
    // negative: a list of places is no name with an age
    ['Refugees from Jordan, Syria and Iraq, 300 in all, arrived on Monday.', [{ text: 'Jordan', country: 'JO' }, { text: 'Syria', country: 'SY' }, { text: 'Iraq', country: 'IQ' }]],
    // a title or cue word opening a city's name is part of it ("General Santos City"), not a general named Santos
    ['The quake shook the southern Philippines. Schools closed in General Santos City and Davao City.', [{ text: 'Philippines', country: 'PH' }, { text: 'General Santos City', country: 'PH', kind: 'city' }, { text: 'Davao City', country: 'PH' }]],
    ['The quake shook the southern Philippines. Schools closed in General Santos.', [{ text: 'Philippines', country: 'PH' }, { text: 'General Santos', country: 'PH' }]],
    // a possessive inside a known name ("Cox's Bazar", "Hawke's Bay"); negative: a possessive after a place is no name's part
    ["Rohingya refugees crowded into camps near Cox's Bazar, Bangladesh.", [{ text: "Cox's Bazar", country: 'BD', qualifier: 'near' }, { text: 'Bangladesh', country: 'BD' }]],
    ["The sergeant came from Hawke's Bay in New Zealand.", [{ text: "Hawke's Bay", country: 'NZ', kind: 'admin1' }, { text: 'New Zealand', country: 'NZ' }]],
    ["Aleppo's Old City was shelled again.", [{ text: 'Aleppo', country: 'SY' }]],
    // an ampersand inside a known name is its "and"; negative: not inside a company's name
    ['Floods cut roads across Jammu & Kashmir, India.', [{ text: 'Jammu & Kashmir', country: 'IN', kind: 'admin1' }, { text: 'India', country: 'IN' }]],
    ['AT&T restored service in Texas.', [{ text: 'Texas', country: 'US' }]],
    // a cue word that is a well-known place's name, after a preposition of place or before a region's cue
    ['Gunmen killed 20 villagers in Plateau state on Sunday.', [{ text: 'Plateau', country: 'NG', kind: 'admin1' }]],
    // negative: elsewhere it stays a cue word ("the Metro station", "the plateau")
    ['Crowds filled the Metro station before dawn.', []],
    // negative: a general's name is still a person's
    ['General Santos told reporters in Manila that the troops had withdrawn.', [{ text: 'Manila', country: 'PH' }]],
    ['The quake shook the southern Philippines. General Santos told reporters that the troops had left.', [{ text: 'Philippines', country: 'PH' }]],
  ])('%s', check);
});

describe('places: organisations, currencies and continents', () => {
  it.each<[string, Want[]]>([
    // a name with the place inside, capitalised on both sides of "for" ("Women for America First"); negatives: a
    // title-case headline running into the next sentence, and plain prose
    ['Supporters of Trump gathered in Washington, D.C., for a rally organized by Women for America First.', [{ text: 'Washington', country: 'US' }, { text: 'D.C.', country: 'US' }]],
    ['Anti-Daesh Forces Win Battle for Manbij The coalition said its jets struck the town.', [{ text: 'Manbij', country: 'SY' }]],
    ['Convoys of aid for Syria crossed at Bab al-Hawa.', [{ text: 'Syria', country: 'SY' }, { text: 'Bab al-Hawa', country: 'SY' }]],
    ['The news agency Fars reported the arrests in Tehran.', [{ text: 'Tehran', country: 'IR' }]],
    ['His family posted US$2 million bail in Kenosha.', [{ text: 'Kenosha', country: 'US' }]],
    ['Protesters gathered outside the Supreme Court of the United States.', []],
    // a title is no place: "Minister for the Middle East"
    ['The Minister for the Middle East, Tobias Ellwood, spoke in London.', [{ text: 'London', country: 'GB' }]],
    ['Migrants trying to reach Europe drowned off Libya.', [{ text: 'Libya', country: 'LY', kind: 'country' }]],
    // negative: weekday abbreviations and number words at a sentence start
    ['Wed 12 Jul: Nine people were killed in Aleppo.', [{ text: 'Aleppo', country: 'SY' }]],
  ])('%s', check);
});

describe('places: standing for a state, datelines', () => {
  it.each<[string, Want[]]>([
    ['US airstrikes killed 12 people in Raqqa.', [{ text: 'US', country: 'US', rule: ATTRIBUTIVE_RULE }, { text: 'Raqqa', country: 'SY', noRule: ATTRIBUTIVE_RULE }]],
    ['The Iran-backed militia shelled Idlib.', [{ text: 'Iran', country: 'IR', rule: ATTRIBUTIVE_RULE }, { text: 'Idlib', country: 'SY' }]],
    ['A French citizen was wounded in Mosul.', [{ text: 'Mosul', country: 'IQ', noRule: ATTRIBUTIVE_RULE }]],
    ['Government forces backed by Russia shelled Aleppo.', [{ text: 'Russia', country: 'RU', rule: ATTRIBUTIVE_RULE }, { text: 'Aleppo', noRule: ATTRIBUTIVE_RULE }]],
    ['Washington accused Damascus of the attack.', [{ text: 'Washington', country: 'US', rule: ATTRIBUTIVE_RULE }, { text: 'Damascus', country: 'SY' }]],
    // negative: after a preposition the verb's subject is someone else ("contacts in Syria said")
    ['A monitor with contacts in Syria said ten people died.', [{ text: 'Syria', country: 'SY', noRule: ATTRIBUTIVE_RULE }]],
    // negative: a country where something happened is no attribute
    ['Five soldiers were killed in Syria on Monday.', [{ text: 'Syria', country: 'SY', noRule: ATTRIBUTIVE_RULE }]],
    ['BEIRUT — Shelling killed five people in Homs.', [{ text: 'BEIRUT', country: 'LB', rule: DATELINE_RULE }, { text: 'Homs', country: 'SY', noRule: DATELINE_RULE }]],
    ['MOSCOW (Reuters) - Shelling of a market in Aleppo killed four.', [{ text: 'MOSCOW', country: 'RU', rule: DATELINE_RULE }, { text: 'Aleppo', country: 'SY' }]],
    // negative: a place opening a sentence mid-paragraph is no dateline
    ['Shelling went on. Homs was quiet.', [{ text: 'Homs', noRule: DATELINE_RULE }]],
    // a state coordinated after an agent, an auxiliary before the actor verb, warships
    ['The group is banned by the Turkish government and Russia.', [{ text: 'Russia', country: 'RU', rule: ATTRIBUTIVE_RULE }]],
    ['Quiet talks sponsored jointly by Russia plus the EU and the United States went on in Daraa.', [{ text: 'Russia', rule: ATTRIBUTIVE_RULE }, { text: 'United States', rule: ATTRIBUTIVE_RULE }, { text: 'Daraa', noRule: ATTRIBUTIVE_RULE }]],
    ['Washington has accused Damascus of the attack.', [{ text: 'Washington', country: 'US', rule: ATTRIBUTIVE_RULE }, { text: 'Damascus', country: 'SY' }]],
    ['Missiles fired from two US destroyers hit the air base near Homs.', [{ text: 'US', rule: ATTRIBUTIVE_RULE }, { text: 'Homs', noRule: ATTRIBUTIVE_RULE }]],
    // a state given something, and "by the US"
    ['Russia was given advance notice by the US before missiles hit the base.', [{ text: 'Russia', rule: ATTRIBUTIVE_RULE }, { text: 'US', rule: ATTRIBUTIVE_RULE }]],
    // a relative clause after the state: its own verb, or the verb after the clause
    ['Turkey, which backs some of the rebel factions, condemned the raid on Idlib.', [{ text: 'Turkey', rule: ATTRIBUTIVE_RULE }, { text: 'Idlib', noRule: ATTRIBUTIVE_RULE }]],
    ['Shells fell on Afrin. Russia, which has deployed jets to the region, denied any role.', [{ text: 'Afrin' }, { text: 'Russia', rule: ATTRIBUTIVE_RULE }]],
    // a state's verb after an auxiliary and a negation: "did not comment"
    ['Shells fell on Kramatorsk. Moscow did not comment on the strike.', [{ text: 'Kramatorsk' }, { text: 'Moscow', rule: ATTRIBUTIVE_RULE }]],
    // negative: a relative clause about the place itself
    ['Rain fell on Jordan, which is dry most of the year.', [{ text: 'Jordan', noRule: ATTRIBUTIVE_RULE }]],
    ['Aid reached Lebanon, which is struggling, and the trucks left for Tyre.', [{ text: 'Lebanon', noRule: ATTRIBUTIVE_RULE }, { text: 'Tyre' }]],
    // a place inside another is in its country: not a namesake or another name of a place abroad
    ['Russian troops captured the village of Novopokrovske in the Donetsk region.', [{ text: 'Novopokrovske', country: 'UA', parent: 'Donetsk' }, { text: 'Donetsk', country: 'UA' }]],
    ['The convoy was hit while travelling to Orem in Aleppo governorate.', [{ text: 'Orem', country: 'SY', parent: 'Aleppo' }, { text: 'Aleppo governorate', country: 'SY' }]],
    // a town the gazetteer knows in one country only, after a preposition of place, with only a demonym for
    // another country: that town (was: an unknown place of the demonym's country)
    ['Russian shelling struck a market in Kramatorsk on Monday, killing 14 people.', [{ text: 'Kramatorsk', country: 'UA', precision: 1 }]],
    // ... with no preposition before it, when it is a big town ("west of Khan Younis")
    ['Israeli strikes hit a tent camp west of Khan Younis on Saturday.', [{ text: 'Khan Younis', country: 'PS' }]],
    // negative: not a name that matched only once its Arabic article was dropped
    ['Syrian troops shelled al-Balad in the east of the city on Monday.', []],
    // a place found by another of its names that lies the other way from the place a direction names is not the
    // one meant ("Adra" is also a name of Dar'a, south of Damascus): an unknown place at that parent
    ['Shells fell on Adra east of Damascus on Friday.', [{ text: 'Adra', country: 'SY', precision: 2, parent: 'Damascus' }, { text: 'Damascus', country: 'SY' }]],
    // negative: a place by its own name in that direction stays
    ['Fighting erupted in the town of Bakhmut, 30 km north of Horlivka.', [{ text: 'Bakhmut', country: 'UA', precision: 1 }, { text: 'Horlivka', country: 'UA' }]],
    // negative: a namesake abroad with no preposition of place before it is dropped, not placed
    ['Soldiers walked past the Arch of Triumph in Palmyra, Syria.', [{ text: 'Palmyra', country: 'SY' }, { text: 'Syria', country: 'SY' }]],
    // negative: a place in its own country's region stays
    ['The storm hit Paris in Texas on Monday.', [{ text: 'Paris', country: 'US' }, { text: 'Texas', country: 'US' }]],
    // "state" after a name is a first-level region where it ends the noun phrase
    ['Gunmen abducted 30 pupils in Kaduna state on Monday.', [{ text: 'Kaduna state', country: 'NG', kind: 'admin1' }]],
    ["Raiders killed 100 villagers in Sudan's Gezira state.", [{ text: 'Sudan', country: 'SD' }, { text: 'Gezira state', country: 'SD' }]],
    // negative: "state" that goes on ("state news agency", "state-run", "a state of") is no region
    ['Syrias state news agency said. Turkeys state-run agency agreed. The former Soviet state of Georgia spoke.', [{ text: 'Syria', country: 'SY' }, { text: 'Turkey', country: 'TR' }, { text: 'Georgia' }]],
    // negative: places coordinated after a preposition of place are where things happened
    ['Fighting went on in Russia and Ukraine.', [{ text: 'Russia', noRule: ATTRIBUTIVE_RULE }, { text: 'Ukraine', noRule: ATTRIBUTIVE_RULE }]],
    // a capital in capitals after the date line of a page, before the first sentence
    ['Updated Oct 8 2017 MOSCOW Some 120 fighters were killed in Deir ez-Zor.', [{ text: 'MOSCOW', country: 'RU', rule: DATELINE_RULE }, { text: 'Deir ez-Zor', country: 'SY', noRule: DATELINE_RULE }]],
    // the city before the region of a dateline is the dateline too, a hyphenated one as well
    ['AMMAN, Jordan (AP) — A blast wounded six people in Zarqa.', [{ text: 'AMMAN', country: 'JO', rule: DATELINE_RULE }, { text: 'Jordan', rule: DATELINE_RULE }, { text: 'Zarqa', noRule: DATELINE_RULE }]],
    // a small city opening the dateline, its region after it: the text's other places cast no vote for it
    ['ALLEN, Texas (AP) — A gunman opened fire at a crowded shopping mall on Saturday.', [{ text: 'ALLEN', country: 'US', rule: DATELINE_RULE }, { text: 'Texas', rule: DATELINE_RULE }]],
    ['PORT-AU-PRINCE, Haiti — Gunmen burned 30 houses in Mirebalais.', [{ text: 'PORT-AU-PRINCE', country: 'HT', rule: DATELINE_RULE }, { text: 'Haiti', rule: DATELINE_RULE }, { text: 'Mirebalais', noRule: DATELINE_RULE }]],
    // a short name in capitals opening a dateline is its city, not an acronym
    ['KYIV (Reuters) - Drones struck a depot in Odesa overnight.', [{ text: 'KYIV', country: 'UA', rule: DATELINE_RULE }, { text: 'Odesa', country: 'UA' }]],
    ['GOMA, Democratic Republic of Congo (Reuters) - Rebels shelled homes in Sake.', [{ text: 'GOMA', country: 'CD', rule: DATELINE_RULE }, { text: 'Democratic Republic of Congo', country: 'CD', rule: DATELINE_RULE }, { text: 'Sake', noRule: DATELINE_RULE }]],
    // the day of the dateline between the city and the agency, either way round, with a year or not
    ['DAMASCUS, Dec. 3 (Xinhua) -- Troops shelled positions of the rebels far to the north in the countryside of Idlib.', [{ text: 'DAMASCUS', country: 'SY', rule: DATELINE_RULE }, { text: 'Idlib', noRule: DATELINE_RULE }]],
    ['NAIROBI, March 12, 2024 (Reuters) - Floods swept away homes in Garissa.', [{ text: 'NAIROBI', country: 'KE', rule: DATELINE_RULE }, { text: 'Garissa', noRule: DATELINE_RULE }]],
    ['BAMAKO, 4 mars (AFP) - Des hommes armés ont attaqué un poste à Mopti.', [{ text: 'BAMAKO', country: 'ML', rule: DATELINE_RULE }, { text: 'Mopti', noRule: DATELINE_RULE }]],
    // negative: a day after a place that opens a sentence, with no agency or dash after it
    ['Aleppo, March 12 was the day the convoy left for Idlib.', [{ text: 'Aleppo', noRule: DATELINE_RULE }, { text: 'Idlib', noRule: DATELINE_RULE }]],
    // a city of millions by its everyday (older English) name, alone in the text, as a dateline too
    ['KIEV (AFP) - Shelling hit a power station overnight.', [{ text: 'KIEV', country: 'UA', kind: 'city', rule: DATELINE_RULE }]],
    ['Floods cut off homes in Bombay on Monday.', [{ text: 'Bombay', country: 'IN', kind: 'city' }]],
    // negative: not against a text about another country, nor without a cue
    ['Gunmen killed four police officers in Basra and two in Iskandariya, south of Baghdad.', [{ text: 'Basra', country: 'IQ' }, { text: 'Iskandariya', country: 'IQ' }, { text: 'Baghdad', country: 'IQ' }]],
    // negative: a sentence opening the paragraph with a place, a comma and a dash is no dateline
    ['Ten died in Aden, Yemen — the port was shelled again.', [{ text: 'Aden', noRule: DATELINE_RULE }, { text: 'Yemen', noRule: DATELINE_RULE }]],
    // the agency between slashes after the day (TASS's style)
    ['MOSCOW, June 14. /TASS/. Drones struck a depot in Belgorod.', [{ text: 'MOSCOW', country: 'RU', rule: DATELINE_RULE }, { text: 'Belgorod', noRule: DATELINE_RULE }]],
    // a dateline with its region and then its day
    ['GOMA, Democratic Republic of Congo, May 2 (Reuters) - Rebels seized a town near Goma.', [{ text: 'GOMA', country: 'CD', rule: DATELINE_RULE }, { text: 'Democratic Republic of Congo', country: 'CD' }, { text: 'Goma', country: 'CD', noRule: DATELINE_RULE }]],
    // the city alone in capitals on the line above the first paragraph (an agency's style) is its dateline
    ['ANKARA\n\nTurkish jets struck shelters in Duhok province on Sunday.', [{ text: 'ANKARA', country: 'TR', rule: DATELINE_RULE }, { text: 'Duhok province', country: 'IQ', noRule: DATELINE_RULE }]],
    // negative: in mixed case alone on its line, a place is no dateline
    ['Ankara\n\nThe talks went on for a week.', [{ text: 'Ankara', noRule: DATELINE_RULE }]],
    // a word opening its sentence that the text also writes in lower case is a common word, not a small town
    ['Tornado kills five in Alabama\n\nA tornado tore through a town in Alabama on Friday.', [{ text: 'Alabama', country: 'US', kind: 'admin1' }, { text: 'Alabama', country: 'US', kind: 'admin1' }]],
    // Bethlehem is a town of the West Bank, not a word never to be a place
    ['Israeli troops raided Bethlehem in the occupied West Bank on Monday.', [{ text: 'Bethlehem', country: 'PS' }, { text: 'West Bank', country: 'PS' }]],
    // a storm's name is no place ("Hurricane Ian" is no Ya'an)
    ['Hurricane Ian killed ten people in Florida on Wednesday.', [{ text: 'Florida', country: 'US', kind: 'admin1' }]],
    // a first-level region whose name is otherwise only a small town's is the region
    ['Floods killed 12 people in Delaware on Monday.', [{ text: 'Delaware', country: 'US', kind: 'admin1' }]],
    // negative: a city of the region's name stays the city
    ['Shelling killed 12 people in Aleppo on Monday.', [{ text: 'Aleppo', country: 'SY', kind: 'city' }]],
    // negative: a short word in capitals elsewhere is still an acronym
    ['Talks in Geneva were led by the OSCE and the ROME office of the agency.', [{ text: 'Geneva' }]],
  ])('%s', check);

  it('isAttributive reads the evidence', () => {
    const [us, raqqa] = places('US warplanes struck Raqqa.');
    expect(isAttributive(us)).toBe(true);
    expect(isAttributive(raqqa)).toBe(false);
  });
});

describe('places: a well-known place after a small-place cue is the parent', () => {
  it.each<[string, Want[]]>([
    ['A building collapsed in a former rebel-held neighbourhood of Aleppo, Syria.', [{ text: 'Aleppo', country: 'SY', kind: 'city' }, { text: 'Syria', kind: 'country' }]],
    ['Rebels shelled the central neighbourhoods of Damascus.', [{ text: 'Damascus', country: 'SY', kind: 'city' }]],
    ['Soldiers raided two southern Afghanistan villages overnight.', [{ text: 'Afghanistan', country: 'AF', kind: 'country' }]],
    ['The Jane-Finch neighbourhood of Toronto mourned.', [{ text: 'Jane-Finch', country: 'CA', kind: 'neighbourhood', parent: 'Toronto' }, { text: 'Toronto', country: 'CA', kind: 'city' }]],
    // negative: "Syrias Aleppo" (a possessive without its apostrophe) is two places, not one unknown
    ['Barrel bombs hit rebel-held areas of Syrias Aleppo.', [{ text: 'Syria', country: 'SY' }, { text: 'Aleppo', country: 'SY', kind: 'city' }]],
  ])('%s', check);
});

// everyday English names GeoNames lists only among alternate names (data/geo/exonyms.tsv), an island it lacks
// (extra-places.tsv) and a city's initials (country-names.json acronyms)
describe('places: everyday English names', () => {
  it.each<[string, Want[]]>([
    // "Congo" alone is the Democratic Republic in conflict news; the Republic is "Congo Republic"
    ['Fighting in eastern Congo killed 15 civilians near Goma.', [{ text: 'Congo', country: 'CD', qualifier: 'eastern' }, { text: 'Goma', country: 'CD' }]],
    ['Congo Republic held elections in Brazzaville.', [{ text: 'Congo Republic', country: 'CG' }, { text: 'Brazzaville', country: 'CG' }]],
    // a neighbour's state named as an actor does not draw the article's towns into its country
    ['Rebels seized the town of Rubaya in Congo, sending residents fleeing towards Goma. Congo accuses Rwanda of backing the rebels, which Kigali denies.', [{ text: 'Rubaya', country: 'CD' }, { text: 'Congo', country: 'CD' }, { text: 'Goma', country: 'CD' }, { text: 'Congo', country: 'CD' }, { text: 'Rwanda', country: 'RW' }, { text: 'Kigali', country: 'RW' }]],
    ['Troops raided the Jenin refugee camp on Monday.', [{ text: 'Jenin refugee camp', country: 'PS' }]],
    // an unknown name before a camp of displaced people is that camp (with the country the article gives)
    ['Shells fell on the Um Dakhan displacement camp near Nyala in Sudan.', [{ text: 'Um Dakhan displacement camp', country: 'SD' }, { text: 'Nyala', country: 'SD' }, { text: 'Sudan', country: 'SD' }]],
    ['Fighters advanced into Gezira state on Monday.', [{ text: 'Gezira state', country: 'SD', kind: 'admin1' }]],
    // "Neighbouring", "Nearby" opening a sentence are no part of the name after them (functionWords, stopNames)
    ['Neighbouring Malatya province also reported damage.', [{ text: 'Malatya province', country: 'TR' }]],
    ['Nearby Malatya was also hit.', [{ text: 'Malatya', country: 'TR' }]],
    ['The ferry sank off Majorca on Monday.', [{ text: 'Majorca', country: 'ES' }]],
    ['Thousands rallied in D.C. on Saturday.', [{ text: 'D.C.', country: 'US' }]],
    // negative: other capitals in a name are no city
    ['The DC Comics store was closed.', []],
  ])('%s', check);
});

// a toponym's first word that is also a stop word ("Abu", "Sheikh") stays in an unknown name a cue makes a
// place; "locality" is a district cue
describe('places: unknown names opening with a toponym word', () => {
  it.each<[string, Want[]]>([
    ['About 60,000 people were displaced in Abu Tarfa locality alone.', [{ text: 'Abu Tarfa', kind: 'district' }]],
    ['Shells fell on the village of Sheikh Naser overnight.', [{ text: 'Sheikh Naser', kind: 'village' }]],
    // the first half of a doubled word is no name of its own ("Laki" of "Laki-laki" had become a village)
    ['Ash from Mount Lewotobi Laki-laki fell on Maumere in Indonesia.', [{ text: 'Maumere', country: 'ID' }, { text: 'Indonesia', country: 'ID' }]],
    // a list a cue opens stops before a name followed by a speech verb: the speaker
    ['Evacuees were taken to shelters in the neighboring district of Sikka, Muhari said.', [{ text: 'Sikka', kind: 'district' }]],
    ['Shells hit the villages of Kafr Zita, Latamneh and Morek, residents said.', [{ text: 'Kafr Zita' }, { text: 'Latamneh' }, { text: 'Morek' }]],
    // after a locative preposition, a toponym's first word that is no stop word carries a title inside the name
    ['Army units shelled positions in Toloul al-Sheikh Khalaf overnight.', [{ text: 'Toloul al-Sheikh Khalaf' }]],
    // negative: a lone stop word before the cue is still trimmed; a title alone after "in" is no place
    ['Shells fell on the Abu district overnight.', []],
    ['The talks were held in Sheikh Zayed Hall.', []],
  ])('%s', check);
});

describe('places: named buildings and zones', () => {
  it.each<[string, Want[]]>([
    ['The wounded were taken to Sunnybrook Hospital in Toronto.', [{ text: 'Sunnybrook Hospital', country: 'CA', kind: 'facility', parent: 'Toronto' }, { text: 'Toronto', country: 'CA' }]],
    ['A gunman opened fire at Westfield High School in Ottawa.', [{ text: 'Westfield High School', country: 'CA', kind: 'facility', parent: 'Ottawa' }, { text: 'Ottawa', country: 'CA' }]],
    ['Mortars fell near the Green Zone of Baghdad.', [{ text: 'Green Zone', country: 'IQ', kind: 'district', parent: 'Baghdad' }, { text: 'Baghdad', country: 'IQ' }]],
    // negative: a university is an organisation unless something happens at it
    ['Students of Damascus University protested.', []],
    // negative: an acronym before a building word names its owner; a headline's capitals are no building's name
    ['A CBS station in Pittsburgh aired the footage.', [{ text: 'Pittsburgh', country: 'US' }]],
    // a natural feature before a kind noun says where the place lies: it is not a city or town (featureTails)
    ['Drones hit the port of the Black Sea city overnight.', []],
    ['Shelling hit the Swat Valley town of Mingora.', [{ text: 'Swat Valley', country: 'PK' }, { text: 'Mingora', country: 'PK', kind: 'city' }]],
  ])('%s', check);
});

describe('places: places side by side vouch for each other', () => {
  it.each<[string, Want[]]>([
    ['He was from Woodbridge, Virginia, and died in northern Syria.', [{ text: 'Woodbridge', country: 'US' }, { text: 'Virginia', country: 'US', kind: 'admin1' }, { text: 'Syria', country: 'SY' }]],
    ['Texas sued Georgia, Michigan and Wisconsin over the vote.', [{ text: 'Texas', country: 'US' }, { text: 'Georgia', country: 'US', kind: 'admin1' }, { text: 'Michigan', country: 'US' }, { text: 'Wisconsin', country: 'US' }]],
    ['Fighting closed the port of Tripoli, Lebanon.', [{ text: 'Tripoli', country: 'LB' }, { text: 'Lebanon', country: 'LB' }]],
    // negative: without its neighbour, the country alone is Georgia, and Tripoli is the Libyan capital
    ['Protests spread in Georgia and Armenia.', [{ text: 'Georgia', country: 'GE', kind: 'country' }, { text: 'Armenia', country: 'AM' }]],
    ['Militias clashed in Tripoli overnight, Libyan officials said.', [{ text: 'Tripoli', country: 'LY' }]],
    // a place and the big city it is part of, a compass word between ("Croydon" is also in Australia, near
    // the article's other places)
    ['The constable was shot at the Croydon, South London custody suite. He grew up in Auckland and trained in Wellington, New Zealand.', [{ text: 'Croydon', country: 'GB' }, { text: 'London', country: 'GB' }, { text: 'Auckland', country: 'NZ' }, { text: 'Wellington', country: 'NZ' }, { text: 'New Zealand', country: 'NZ' }]],
    // negative: a city far from the big one after the comma gets no vouching from it
    ['Shells fell on Homs, Damascus and Hama.', [{ text: 'Homs', country: 'SY' }, { text: 'Damascus', country: 'SY' }, { text: 'Hama', country: 'SY' }]],
  ])('%s', check);
});

// A city abroad in a list with a world city abroad is that city, though the article names its country nowhere
// else ("the attacks in Nice and Berlin" in a report from Israel); beside a city of the article's own country
// the list proves nothing.
describe('places: a city listed with a world city abroad', () => {
  it.each<[string, Want[], string?]>([
    ['Three soldiers were killed in Haifa, Israel, on Sunday. The method was the same as in Nice and Berlin last year.', [
      { text: 'Haifa', country: 'IL' }, { text: 'Israel', country: 'IL' }, { text: 'Nice', country: 'FR', precision: 1 }, { text: 'Berlin', country: 'DE' },
    ]],
    ['Three soldiers were killed in Haifa, Israel. The same method was used in Nice, in Berlin and in London.', [
      { text: 'Haifa', country: 'IL' }, { text: 'Israel', country: 'IL' }, { text: 'Nice', country: 'FR' }, { text: 'Berlin', country: 'DE' }, { text: 'London', country: 'GB' },
    ]],
    ['Trois soldats ont été tués à Haïfa, en Israël, ce dimanche. Le mode opératoire est le même qu\'à Nice et à Berlin.', [
      { text: 'Haïfa', country: 'IL' }, { text: 'Israël', country: 'IL' }, { text: 'Nice', country: 'FR' }, { text: 'Berlin', country: 'DE' },
    ], 'fr'],
    // negative: listed with a city of the article's own country, a namesake abroad is not taken (Arak, Iran)
    ['Clashes were reported in Aleppo and in Arak, in eastern Syria, the army said.', [
      { text: 'Aleppo', country: 'SY' }, { text: 'Arak', country: 'SY', parent: 'Syria' }, { text: 'Syria', country: 'SY' },
    ]],
    // negative: "X in Y" is no list (Y is X's parent): a street of Haifa, not the French city
    ['Three soldiers were killed in Haifa, Israel. Police searched Nice Street in Haifa.', [
      { text: 'Haifa', country: 'IL' }, { text: 'Israel', country: 'IL' }, { text: 'Nice Street', country: 'IL', kind: 'facility' }, { text: 'Haifa', country: 'IL' },
    ]],
  ])('%s', (text, want, lang) => check(text, want, lang));
});

// Where adjectives follow the noun in lower case (French), a known name goes on with them: "Arabie saoudite",
// "Émirats arabes unis", "République démocratique du Congo". Only into a name the gazetteer has; English
// names are capitalised throughout and never read so.
describe('places: a lower-case adjective inside a known name (French)', () => {
  it.each<[string, Want[], string?]>([
    ['Le ministre s\'est rendu en Arabie saoudite et aux Émirats arabes unis.', [{ text: 'Arabie saoudite', country: 'SA' }, { text: 'Émirats arabes unis', country: 'AE' }], 'fr'],
    ['Des combats ont eu lieu en République démocratique du Congo.', [{ text: 'République démocratique du Congo', country: 'CD' }], 'fr'],
    // negative: a lower-case word after a name that makes no longer name stays out of it
    ['Des soldats ont été tués à Paris mardi et au Mali voisin.', [{ text: 'Paris', country: 'FR' }, { text: 'Mali', country: 'ML' }], 'fr'],
    ['Les troupes sont entrées en Syrie orientale.', [{ text: 'Syrie', country: 'SY' }], 'fr'],
    // a list of villages goes on past a preposition repeated after "et" / "and", and after an elided "d'"
    ["Des hommes armés ont encerclé les villages d'Ogossagou et de Djoura lundi.", [{ text: 'Ogossagou', kind: 'village' }, { text: 'Djoura', kind: 'village' }], 'fr'],
    ['Gunmen surrounded the villages of Ogossagou and of Djoura.', [{ text: 'Ogossagou', kind: 'village' }, { text: 'Djoura', kind: 'village' }]],
    // two unknown villages joined by "et" are two places ("et" joins no name in French: "Bosnie-Herzégovine" is written joined)
    ['Les pluies ont emporté des maisons dans les villages de Bushuru et Nyamikolo.', [{ text: 'Bushuru', kind: 'village' }, { text: 'Nyamikolo', kind: 'village' }], 'fr'],
    // French short forms and names GeoNames lacks (data/geo/exonyms.tsv, country-names.json acronyms)
    ["Des combats ont eu lieu dans l'est de la RDC mardi, près du Sud-Kivu.", [{ text: 'RDC', country: 'CD' }, { text: 'Sud-Kivu', country: 'CD' }], 'fr'],
    ['Des rebelles ont attaqué Bangui, en RCA.', [{ text: 'Bangui', country: 'CF' }, { text: 'RCA', country: 'CF' }], 'fr'],
    // "en" before an unknown name makes it a place, as "in" does; mountains and camps of displaced people
    ['Des heurts ont eu lieu à Dakar et en Kassoumbé jeudi.', [{ text: 'Dakar', country: 'SN' }, { text: 'Kassoumbé', country: 'SN' }], 'fr'],
    // negative: a language written with a capital after "en" is no place
    ['Le ministre de Dakar a parlé en Anglais puis en Arabe.', [{ text: 'Dakar', country: 'SN' }], 'fr'],
    ['Des soldats sénégalais ont été tués dans les monts Tamboura.', [{ text: 'Tamboura', kind: 'area' }], 'fr'],
    ['Les familles ont rejoint le camp des déplacés de Kouloumbé.', [{ text: 'Kouloumbé', kind: 'facility' }], 'fr'],
    // an unknown place on another state's ground is in that state, whatever the article's country
    ['Les réfugiés camerounais ont été conduits au camp de Kabriwa en territoire nigérian.', [{ text: 'Kabriwa', country: 'NG', rule: 'places.parent.territory' }], 'fr'],
    ['The Cameroonian refugees were taken to the camp of Kabriwa on Nigerian soil.', [{ text: 'Kabriwa', country: 'NG', rule: 'places.parent.territory' }]],
    // negative: a demonym with no territory noun places nothing
    ['The Cameroonian refugees were taken to the camp of Kabriwa by Nigerian soldiers.', [{ text: 'Kabriwa', noRule: 'places.parent.territory' }]],
    // negative: "de" after "et" opens no place when no list of places came before
    ["Le convoi d'aide et de vivres est arrivé à Mopti.", [{ text: 'Mopti', country: 'ML' }], 'fr'],
  ])('%s', (text, want, lang) => check(text, want, lang));
});

// French names of countries that GeoNames' tables lack (data/geo/exonyms.tsv): "Hongrie", "Roumanie",
// "Afrique du Sud", "Burkina" (the short form French reports use); a given name that is also a French
// country name ("Dominique", Dominica) is left out.
describe('places: French country names', () => {
  it.each<[string, Want[], string?]>([
    ['Des migrants ont été refoulés à la frontière entre la Hongrie et la Roumanie.', [{ text: 'Hongrie', country: 'HU' }, { text: 'Roumanie', country: 'RO' }], 'fr'],
    ['Le ministre a quitté l\'Afrique du Sud pour le Burkina mardi.', [{ text: 'Afrique du Sud', country: 'ZA' }, { text: 'Burkina', country: 'BF' }], 'fr'],
    // negative: a person's given name
    ['Dominique Martin a été arrêtée mardi à Lyon.', [{ text: 'Lyon', country: 'FR' }], 'fr'],
  ])('%s', (text, want, lang) => check(text, want, lang));
});

// A place abroad found only by dropping an Arabic article or by another of its names, while the article is
// about some other country, is not that place; a foreign dateline holds no village of the article's country.
describe('places: namesakes abroad in a Syrian report', () => {
  it.each<[string, Want[]]>([
    // "al-Haal" is no Hull: the article is dropped to match, and Hull is in no country where such names are at home
    ['Syrian state media said a strike on the market of al-Haal in Deir ez-Zor province killed 12 people in Syria.', [
      { text: 'al-Haal', country: 'SY' }, { text: 'Deir ez-Zor province', country: 'SY' }, { text: 'Syria', country: 'SY' },
    ]],
    // negative: a name that keeps its article in the gazetteer is still found at home
    ['Shelling hit al-Bab and Manbij in northern Syria.', [{ text: 'al-Bab', country: 'SY' }, { text: 'Manbij', country: 'SY' }, { text: 'Syria', country: 'SY' }]],
  ])('%s', (text, want) => {
    const got = places(text);
    for (const w of want) expect(got.find((p) => p.text === w.text)?.country, JSON.stringify(got.map((p) => [p.text, p.name, p.country]))).toBe(w.country);
  });
  it('a dateline of the same country is the parent of a part of its city only', () => {
    const far = places('PESHAWAR: Gunmen attacked a police post in the Spinwam area late on Saturday, officials said. Police later searched Bannu.');
    expect(far.find((p) => p.text === 'Spinwam')?.parent?.name).not.toBe('Peshawar');
    // negative: a neighbourhood of the dateline's city is in it
    const near = places('PESHAWAR: Gunmen attacked a police post in the Hayatabad Phase Nine neighbourhood on Saturday, officials said.');
    expect(near.find((p) => p.text.startsWith('Hayatabad'))?.parent?.name).toBe('Peshawar');
  });
  it('a foreign dateline is not the parent of an unknown neighbourhood', () => {
    const got = places('MOSCOW (Sputnik) — Gunmen fired rocket shells on al-Qassabeen neighborhood, injuring three people, state media said. The army shelled militants in Deir ez-Zor.');
    const q = got.find((p) => p.text === 'al-Qassabeen');
    expect(q?.country).toBe('SY');
    expect(q?.parent?.name).toBe('Deir ez-Zor');
  });
});

// The language's small words the rules test (articles, "and", "of", "for", the preposition of a relation, a
// possessive ending) are lists of data/<lang>/places.json: each rule reads French with the French words. Each
// English row has a French row of the same rule; the negatives are the French sentences the rule must not read.
describe('places: the small words of each language', () => {
  it.each<[string, string, Want[]]>([
    // a definite article between a proximity phrase and the place
    ['en', 'Rockets fell near the Golan Heights.', [{ text: 'Golan Heights', qualifier: 'near', precision: 2 }]],
    ['fr', 'Des frappes ont visé des positions au nord de la Syrie.', [{ text: 'Syrie', country: 'SY', qualifier: 'au nord de', precision: 2 }]],
    ['fr', 'Des frappes ont visé la Syrie.', [{ text: 'Syrie', country: 'SY', noQualifier: true, precision: 1 }]],
    // "dans le sud du Liban", "l'est de la RDC": the part of a place named before it; negative: "est de" as a verb
    ['fr', 'Trois casques bleus ont été blessés dans le sud du Liban.', [{ text: 'Liban', country: 'LB', qualifier: 'le sud du', precision: 2 }]],
    ['fr', "Des combats ont éclaté dans l'est de la RDC.", [{ text: 'RDC', country: 'CD', precision: 2 }]],
    ['fr', 'Le nouveau gouverneur est de Damas.', [{ text: 'Damas', country: 'SY', noQualifier: true, precision: 1 }]],
    // the adjective "proche de" is "near" too
    ['fr', "Des hommes armés ont attaqué un village proche d'El-Fasher.", [{ text: 'El-Fasher', country: 'SD', qualifier: "proche d'", precision: 2 }]],
    // "by the X and the Y": the agent, over an article and a conjunction
    ['en', 'Rebels backed by the United States and Turkey attacked Manbij.', [{ text: 'United States', rule: ATTRIBUTIVE_RULE }, { text: 'Turkey', rule: ATTRIBUTIVE_RULE }, { text: 'Manbij', noRule: ATTRIBUTIVE_RULE }]],
    ['fr', 'Des rebelles soutenus par les États-Unis et la Turquie ont attaqué Manbij.', [{ text: 'États-Unis', rule: ATTRIBUTIVE_RULE }, { text: 'Turquie', rule: ATTRIBUTIVE_RULE }, { text: 'Manbij', noRule: ATTRIBUTIVE_RULE }]],
    ['fr', 'Des combats ont eu lieu aux États-Unis et en Turquie.', [{ text: 'États-Unis', noRule: ATTRIBUTIVE_RULE }, { text: 'Turquie', noRule: ATTRIBUTIVE_RULE }]],
    // "University of X": the genitive after an organisation's head
    ['en', 'Students of the University of Damascus protested in Homs.', [{ text: 'Homs', country: 'SY' }]],
    ['fr', "Des étudiants de l'Université de Damas ont manifesté à Homs.", [{ text: 'Homs', country: 'SY' }]],
    ['fr', 'Des réfugiés venus de Damas ont manifesté à Homs.', [{ text: 'Damas', country: 'SY' }, { text: 'Homs', country: 'SY' }]],
    // "Minister for X": a title, not a place
    ['en', 'Minister for Northern Ireland since 2022, Chris Heaton-Harris travelled to Belfast.', [{ text: 'Belfast', country: 'GB' }]],
    ['fr', "Ministre pour l'Irlande du Nord depuis 2022, Chris Heaton-Harris s'est rendu à Belfast.", [{ text: 'Belfast', country: 'GB' }]],
    // "X, north of Y": an unknown X measured from a known Y is a place
    ['en', 'Witnesses said shelling struck Tell Zibdin, north of Hama, overnight.', [{ text: 'Tell Zibdin', country: 'SY', kind: 'area', qualifier: 'north of', parent: 'Ḩamāh' }, { text: 'Hama', country: 'SY' }]],
    ['fr', 'Selon des témoins, des obus sont tombés sur Tell Zibdin, au nord de Hama, pendant la nuit.', [{ text: 'Tell Zibdin', country: 'SY', kind: 'area', qualifier: 'au nord de', parent: 'Ḩamāh' }, { text: 'Hama', country: 'SY' }]],
    ['fr', 'Selon des témoins, des obus sont tombés sur Tell Zibdin pendant la nuit.', []],
    // "X, in the province of Y": a relation of containment is no qualifier
    ['en', 'Witnesses said government strikes hit the village of Kafr Qurmuz, in the province of Idlib, on Monday.', [{ text: 'Kafr Qurmuz', kind: 'village', noQualifier: true, parent: 'Idlib' }, { text: 'Idlib', kind: 'admin1' }]],
    ['fr', "Des frappes ont touché le village de Tell Qurmuz, dans la province d'Idleb.", [{ text: 'Tell Qurmuz', kind: 'village', noQualifier: true, parent: 'Idlib' }, { text: 'Idleb', kind: 'admin1' }]],
    // a possessive that lost its apostrophe is English ("Syrias Aleppo", above): "les Indes" are not India
    ['fr', 'Le commerce avec les Indes a repris.', []],
  ])('%s: %s', (lang, text, want) => check(text, want, lang));
});

// Regions GeoNames spells another way (data/geo/admin-names.json): the compass word in another form, a
// generic last word left out. Added only where no place holds the spelling already.
// "A and B in Y": a place before the other names of a list is inside Y too, and with no candidate there it is
// an unknown place at Y, not a namesake abroad ("Foua", a town of Egypt's too)
describe('places: a list of names before its parent', () => {
  it.each<[string, Want[]]>([
    // an unknown name listed after a known one before the parent is a place too (and the list's first name gets
    // the parent past it)
    ['Buses left Foua and Kafraya in Idlib province on Friday.', [{ text: 'Foua', country: 'SY', parent: 'Idlib' }, { text: 'Kafraya', country: 'SY', parent: 'Idlib', rule: 'places.cue.listed-in' }, { text: 'Idlib province', country: 'SY' }]],
    // ... and after a locative preposition, a list joined by a conjunction goes on past a known name
    ['Shells fell in Aleppo and Mashrafa overnight.', [{ text: 'Aleppo', country: 'SY' }, { text: 'Mashrafa', country: 'SY', parent: 'Aleppo' }]],
    // negative: known places of the list keep their own entries; a comma alone after a known place is no list
    // ('in Pakistan, Mohammed Waseem'), nor is an acronym after it ('in Syria and UNSCR 2254'); no parent, no list
    ['Shelling hit Aleppo and Hama in Syria on Friday.', [{ text: 'Aleppo', kind: 'city' }, { text: 'Hama', kind: 'city' }, { text: 'Syria', kind: 'country' }]],
    ['On Friday in Pakistan, Mohammed Waseem, brother of the singer, was sentenced.', [{ text: 'Pakistan', country: 'PK' }]],
    ['The letter cited the use of barrel bombs in Syria and UNSCR 2254 on the transition.', [{ text: 'Syria', country: 'SY' }]],
    ['Talks between Russia and Smith ended.', [{ text: 'Russia', country: 'RU' }]],
  ])('%s', (text, want) => check(text, want));
});

describe('places: other spellings of regions', () => {
  it.each<[string, Want[], string?]>([
    ['Fighting spread across North Kivu province on Monday.', [{ text: 'North Kivu province', country: 'CD', kind: 'admin1' }]],
    ['Thousands fled El Geneina for camps in South Darfur on Friday.', [{ text: 'El Geneina', country: 'SD' }, { text: 'South Darfur', country: 'SD', kind: 'admin1' }]],
    ['Des combats ont repris au Nord-Kivu samedi.', [{ text: 'Nord-Kivu', country: 'CD', kind: 'admin1' }], 'fr'],
    // French exonyms with the compass word after the name (exonyms.tsv)
    ['Les combats ont repris au Darfour-Nord et au Kordofan-Sud.', [{ text: 'Darfour-Nord', country: 'SD', kind: 'admin1' }, { text: 'Kordofan-Sud', country: 'SD', kind: 'admin1' }], 'fr'],
    ['Shelling hit a market in West Kordofan on Sunday.', [{ text: 'West Kordofan', country: 'SD', kind: 'admin1' }]],
    // negatives: a compass word alone, or a word a region's name without its suffix would have made
    ['Does the ministry know how many were killed?', []],
  ])('%s', (text, want, lang) => check(text, want, lang));
});

describe('places: volcanoes', () => {
  it.each<[string, Want[]]>([
    // a volcano (data/geo/extra-places.tsv) with its cue word after it, or "Mount" before it; its kind is area
    ['Some 40,000 villagers were moved from homes near the Mayon volcano.', [{ text: 'Mayon volcano', country: 'PH', kind: 'area', qualifier: 'near', precision: 2 }]],
    ['Ash from Mount Merapi covered villages in Central Java.', [{ text: 'Mount Merapi', country: 'ID', kind: 'area' }, { text: 'Central Java', country: 'ID' }]],
    ['Lava from Kilauea destroyed 20 homes in Hawaii.', [{ text: 'Kilauea', country: 'US', kind: 'area' }, { text: 'Hawaii', country: 'US' }]],
    // negative: a city sharing a word with a volcano stays the city; the cue word alone is no place
    ['Workers in Fuji, Shizuoka, went on strike.', [{ text: 'Fuji', country: 'JP', kind: 'city' }, { text: 'Shizuoka', country: 'JP' }]],
    ['The volcano erupted again on Sunday.', []],
  ])('%s', check);
});

describe('places: names a cue reads', () => {
  it.each<[string, Want[]]>([
    // a known name that a demonym kept from the gazetteer's own match is still that name, not a skeleton's guess
    ['The attack in Syrian Idlib province killed 27 children. Damascus denied it.', [{ text: 'Idlib province', country: 'SY', kind: 'admin1' }, { text: 'Damascus', country: 'SY' }]],
    // a skeleton's guess far from the article's other places is none ("Handwara" is not Hindoria, 1,200 km off)
    ['Troops shot dead a militant in Handwara area of north Kashmir.', [{ text: 'Handwara', country: 'IN', parent: 'Kashmir' }, { text: 'Kashmir', country: 'IN', kind: 'region' }]],
    // regions of conflict GeoNames' tables lack (data/geo/extra-places.tsv)
    ['Fighting spread across Darfur and Kordofan.', [{ text: 'Darfur', country: 'SD', kind: 'region' }, { text: 'Kordofan', country: 'SD', kind: 'region' }]],
    ['Shelling resumed in Nagorno-Karabakh.', [{ text: 'Nagorno-Karabakh', country: 'AZ', kind: 'region' }]],
  ])('%s', check);
  it('an unknown name a cue reads is a place without a geonameId', () => {
    expect(places('Troops shot dead a militant in Handwara area.')[0]).toMatchObject({ text: 'Handwara', geonameId: null });
  });
});
