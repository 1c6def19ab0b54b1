// A claim's place is where the count happened: never a country named for its state ("US air strikes",
// "backed by Russia") nor the dateline of the report.
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';

const cases: [string, string, string | null][] = [
  // [text, the count, the claim's place name (null: none)]
  // a town inside a region around a city ("Homs countryside") is where the count is, not the nearer region
  ['Jets bombed the village of Talbiseh in Homs countryside on Monday killing 6 civilians.', '6 civilians', 'Talbiseh'],
  // a town named right before its region ("X in the southern Y") is where the count is, the region nearer the count
  ['A strike on a house in Rafah in the southern Gaza Strip killed 11 people, medics said.', '11 people', 'Rafah'],
  // negative: a region alone is the place
  ['A strike in the southern Gaza Strip killed 11 people, medics said.', '11 people', 'Gaza Strip'],
  // where it was said is no place of the count: right after a statement's verb, or "speaking in"
  ['The opposition leader said in Istanbul that the attack had killed 1300 people.', '1300 people', null],
  ['Speaking in Geneva, the envoy said 400 people had been killed.', '400 people', null],
  // negative: a place after the content's verb is the count's
  ['The envoy said that 400 people had been killed in Homs.', '400 people', 'Homs'],
  // where a speaker is based is no place of the count ("a monitor based in Britain", "basé au Royaume-Uni")
  ['Eleven bodies were found on Monday, said the Observatory, a monitoring group based in Britain.', 'Eleven bodies', null],
  ['Onze corps ont été retrouvés lundi, selon l’Observatoire, une ONG basée au Royaume-Uni.', 'Onze corps', null],
  // negative: a place of the count in the same sentence stays its place
  ['Eleven bodies were found near Hama on Monday, said the Observatory, a monitoring group based in Britain.', 'Eleven bodies', 'Hama'],
  // negative: a place only near its name is still where the count is ("near Homs")
  ['Jets bombed the village of Talbiseh on Monday and 6 civilians were killed near Homs.', '6 civilians', 'Homs'],
  ['US air strikes killed 12 civilians on Tuesday, a local official said.', '12 civilians', null],
  // a town before such a noun is where the strikes fell (only a state or a capital stands for an actor there)
  ['The Port Sudan drone strikes killed 11 people, officials said.', '11 people', 'Port Sudan'],
  ['Fighters backed by Russia killed four villagers near Kramatorsk on Monday.', 'four villagers', 'Kramatorsk'],
  ['NAIROBI — Floods have displaced 3,000 families in Garissa county this week, officials said.', '3,000 families', 'Garissa'],
  // the city of a dateline with its region is no place either, though the town comes after a long aside
  ['AMMAN, Jordan (AP) — Gunmen killed at least 14 people, among them two nurses, in a raid on the town of Mafraq, police said.', '14 people', 'Mafraq'],
  // negative: a country that is where the count is stays its place
  ['Eleven people were killed in Yemen on Sunday, the ministry said.', 'Eleven people', 'Yemen'],
  // a country of another place than the text's, named in the sentence before as a broker or a venue of
  // talks, is not carried to the count ("talks in Switzerland", "a truce brokered by France"): a town of the text's country is
  ['Days after talks in Switzerland ended, shelling hit Kharkiv and Izium again. At least nine civilians died in the night.', 'nine civilians', 'Kharkiv'],
  ['A truce brokered between Norway and Egypt collapsed as rockets struck Mosul and Tikrit. Officials said 14 people were wounded.', '14 people', 'Mosul'],
  // in the sentence, a foreign country that opens a clause ("after Norway and Egypt announced") is an actor;
  // one after a preposition of place stays ("killed in Norway")
  ['Shelling hit Kharkiv and Izium. Six civilians were killed hours after Norway and Egypt announced a deal.', 'Six civilians', 'Kharkiv'],
  ['Shelling hit Kharkiv and Izium last week. Two Ukrainian students were killed in Norway on Monday.', 'Two Ukrainian', 'Norway'],
  // a compass word between the preposition and the country ("in northern Iraq") still makes it a place of
  // the count; the agency's city alone on the line above the first paragraph is its dateline
  ['ISTANBUL\n\nTurkish drones killed 9 fighters in northern Iraq on Friday, the ministry said.', '9 fighters', 'Iraq'],
  ['Turkish drones killed 9 fighters in northern Iraq on Friday, the ministry said.', '9 fighters', 'Iraq'],
  // negative: with no preposition before the compass word, a foreign country is still an actor
  ['Shelling hit Kharkiv and Izium. Six civilians were killed hours after northern Norway announced a deal.', 'Six civilians', 'Kharkiv'],
  // the next sentence goes on about the whole count, not the part nested in it
  ['Air strikes killed at least 30 people across Idlib province on Monday, including nine in a school in Ariha, medics said. The overall toll since March has risen to 1,200.', '1,200', 'Idlib'],
  // the place right after a nested count is the part's; the whole keeps the one before it
  ['More than 2.6 million people have been displaced across Myanmar since 2021, including 110,000 in northern Shan, the agency said.', '2.6 million', 'Myanmar'],
  // negative: a place further on, after the part's own words, is the whole's too
  ['Air strikes killed 12 civilians including five children in raids on the town of Ariha on Friday.', '12 civilians', 'Ariha'],
  // where something was said is not where the count is ("a briefing in Geneva", "told reporters in Kyiv")
  ['Shelling went on. "We are horrified," a spokesman told a briefing in Geneva. At least 16 people were hurt in the raid.', '16 people', null],
  ['At a news conference in Kyiv, the governor said 12 people were killed in Kharkiv.', '12 people', 'Kharkiv'],
  // a capital standing for its government ("the Kyiv regime") is not where the next sentence's count is
  ['The Kyiv regime continues to shell residential areas of Donetsk, the governor said. Two civilians were wounded.', 'Two civilians', 'Donetsk'],
  // by its everyday name too ("Kiev"), and the count's place is where the losses were
  ['The Kiev regime lost 40 soldiers near Kupiansk over the past day, the ministry said.', '40 soldiers', 'Kupiansk'],
  // a capital that did not comment stands for its government: not where the next sentence's count is
  ['Shelling struck a market in Kostiantynivka on Monday, killing 14 people. Moscow did not comment on the attack. The interior minister later put the death toll at 16.', '16', null],
  // negative: a meeting is where a blast can be
  ['The blast that hit a meeting in Idlib killed 47 commanders, the monitor said.', '47 commanders', 'Idlib'],
  // negative: a count with its own verb is no part: its place is carried
  ['Five people were killed in Homs and three were wounded in Hama. Another four died in hospital.', 'four died', 'Hama'],
  // negative: a town of the text's country in the sentence before is carried
  ['Shelling hit Izium and Kharkiv on Friday. At least nine civilians died in the night.', 'nine civilians', 'Izium'],
  // negative: "Since then" goes on with the place of the sentence before
  ['Shelling hit Izium on Friday. Since then some 300 residents have died under the bombardment.', '300', 'Izium'],
  // a sentence telling of another time ("Last week", pastCues) takes no place from the sentence before
  ['Police fired tear gas at protesters in Mombasa on Tuesday. Last week, more than 200 people were arrested during similar rallies.', '200 people', null],
  ["La police a tiré des gaz lacrymogènes sur les manifestants à Mombasa mardi. La semaine dernière, plus de 200 personnes avaient été arrêtées.", '200 personnes', null],
];

describe('claims: place of the count', () => {
  it.each(cases)('%s', (text, count, place) => {
    const a = analyze(text);
    const c = a.claims.find((x) => text.slice(x.start, x.end).includes(count.split(' ')[0]));
    expect(c, `no claim for "${count}"`).toBeDefined();
    const name = c!.place ? text.slice(c!.place.start, c!.place.end) : null;
    if (place == null) expect(name).toBeNull();
    else expect(name ?? '').toContain(place);
  });
});
