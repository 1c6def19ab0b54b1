// Names the places stage used to cut or invent: a compass word opening a well-known name ("South Sudan",
// "North Carolina"), capitalised common words ("Time permitting", "a long-time Ally"), military units
// ("Abel Battery"). Our own sentences; each row lists every place expected (text, country).
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { placesStage } from '../../src/stages/places/index.js';

const pipeline = new Pipeline([sentencesStage, placesStage]);
const places = (text: string) => pipeline.analyze({ id: 't', text }).places.map((p) => [p.text, p.country]);

describe('places: names opened by a compass word', () => {
  it.each<[string, string[][]]>([
    ['Thousands fled South Sudan into Uganda.', [['South Sudan', 'SS'], ['Uganda', 'UG']]],
    ['The sergeant, a native of Pierre, South Dakota, served in Iraq.', [['Pierre', 'US'], ['South Dakota', 'US'], ['Iraq', 'IQ']]],
    ['Storms hit North Carolina on Sunday.', [['North Carolina', 'US']]],
    // negative: a compass word before a name that does not go on with it stays a qualifier
    ['Shelling hit South Aleppo and north Idlib.', [['Aleppo', 'SY'], ['Idlib', 'SY']]],
    ['North of Raqqa, fighters regrouped.', [['Raqqa', 'SY']]],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});

describe('places: a name head before a capitalised article, a camp named after "Camp"', () => {
  it.each<[string, (string | null)[][]]>([
    // "Dayr Az Zayr" is one name (a variant spelling of Deir ez-Zor), not "Dayr" and "Zayr"
    ['In Syria, near Dayr Az Zayr, two strikes hit an oil well.', [['Syria', 'SY'], ['Dayr Az Zayr', 'SY']]],
    ['In Syria, near Tal Al Abyad, troops regrouped.', [['Syria', 'SY'], ['Tal Al Abyad', 'SY']]],
    ['Rockets hit Camp Taji north of Baghdad.', [['Taji', 'IQ'], ['Baghdad', 'IQ']]],
    // negative: "camp" before a lower-case word, and "Camp" opening a sentence before a verb
    ['Camp officials in Amman said the camp was full.', [['Amman', 'JO']]],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});

describe('places: capitalised common words and units are no places', () => {
  it.each<[string, string[][]]>([
    ['Time permitting, the minister will visit Amman.', [['Amman', 'JO']]],
    ['As a long-time Ally, Britain supports Jordan.', [['Britain', 'GB'], ['Jordan', 'JO']]],
    ['A gunner in Abel Battery, 2nd Battalion, trained troops in Mafraq.', [['Mafraq', 'JO']]],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});

describe('places: a place name in a speaker\'s slot after a quotation is a person\'s', () => {
  it.each<[string, string[][]]>([
    ['Troops from Kansas trained in Kansas. “The drill went well,” said Russell. “We learned a lot,” Russell said.', [['Kansas', 'US'], ['Kansas', 'US']]],
    ['Les soldats venaient du Kansas. « Tout s\'est bien passé », a déclaré Russell.', [['Kansas', 'US']]],
    // negative: a country after the verb stands for its state and stays; a place after a title is no speaker's name
    ['“We will not accept this,” said Russia.', [['Russia', 'RU']]],
    ['“The roads are closed,” said a police officer in Kansas.', [['Kansas', 'US']]],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});

describe('places: an abbreviated rank keeps its person\'s name in the sentence', () => {
  it.each<[string, string[][]]>([
    // "Spc." does not end the sentence, so "Denton" is the surname of the person after the title, here and later
    ['The soldier, Spc. Dana K. Denton, of Seguin, Texas, died in Jordan. Denton was assigned to a unit in Kentucky.', [['Seguin', 'US'], ['Texas', 'US'], ['Jordan', 'JO'], ['Kentucky', 'US']]],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});

describe('places: a region named with "Oblast" is the region', () => {
  it.each<[string, string[][]]>([
    ['A woman was killed in Kharkiv Oblast on Monday.', [['Kharkiv Oblast', 'UA']]],
    ['Une femme a été tuée dans l’oblast de Kharkiv.', [['Kharkiv', 'UA']]],
    // negative: the word alone is no place
    ['The oblast governor said the Oblast Council met in Kyiv.', [['Kyiv', 'UA']]],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});

describe('places: a known name across "of", "and", "the" is one place', () => {
  it.each<[string, string[][]]>([
    ['Aid reached eastern Democratic Republic of Congo by road.', [['Democratic Republic of Congo', 'CD']]],
    ['Peacekeepers from Bosnia and Herzegovina and the Isle of Man arrived.', [['Bosnia and Herzegovina', 'BA'], ['Isle of Man', 'IM']]],
    ['Envoys of the Republic of Korea met in Seoul.', [['Republic of Korea', 'KR'], ['Seoul', 'KR']]],
    ['La mission a quitté la République démocratique du Congo.', [['République démocratique du Congo', 'CD']]],
    // negative: two places joined by "and" stay two; "of" after a body is no name
    ['Shells fell on Homs and Hama overnight.', [['Homs', 'SY'], ['Hama', 'SY']]],
    ['The Ministry of Defence of Syria denied it.', [['Syria', 'SY']]],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});

// a phrase of proximity ending right before a name ("près de", "east of") vouches for a small town the gazetteer
// knows, as a preposition of place does ("near Kidal"); an unknown name after it stays no place
describe('places: a known town after a phrase of proximity', () => {
  it.each<[string, string[][]]>([
    ['Dix rebelles ont été tués près de Kidal.', [['Kidal', 'ML']]],
    ['Ten rebels were killed east of Kidal on Monday.', [['Kidal', 'ML']]],
    // negative: an unknown capitalised word after the phrase
    ['Ten rebels were killed east of Vorlaks on Monday.', []],
  ])('%s', (text, want) => expect(places(text)).toEqual(want));
});
