// A state acting as an organisation ("the Government of Iraq", "Russia must", "our ally Turkey", the members
// listed after "Coalition nations ... include") is an actor: the article's record keeps a place for it only
// when the article names that place nowhere else as a place. Our own sentences; each row lists the mentions
// marked as states and the places the record publishes.
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { placesStage, publishedPlaces, isStateUse } from '../../src/stages/places/index.js';
import type { Place } from '../../src/core/types.js';

const pipeline = new Pipeline([sentencesStage, placesStage]);
const places = (text: string): Place[] => pipeline.analyze({ id: 't', text }).places;

/** [text, mentions marked as a state, places published (text)] */
type Row = [string, string[], string[]];

function check(text: string, states: string[], published: string[]) {
  const got = places(text);
  const dump = JSON.stringify(got.map((p) => [p.text, p.country, isStateUse(p)]));
  expect(got.filter(isStateUse).map((p) => p.text), dump).toEqual(states);
  expect(publishedPlaces(got, text).map((p) => p.text), dump).toEqual(published);
}

describe('places: a state acting as an organisation', () => {
  it.each<Row>([
    // the government, the people of a country
    ['The Government of Iraq asked for help after the bombing in Ramadi. We urge the Government of Iraq to act.', ['Iraq', 'Iraq'], ['Iraq', 'Ramadi']],
    ['Aid reached Fallujah, and we stand with the people of Iraq.', ['Iraq'], ['Fallujah', 'Iraq']],
    // a possessive before an actor noun; a modal after the state
    ['Turkey’s elected government condemned the blast in Ankara.', ['Turkey'], ['Turkey', 'Ankara']],
    ['Russia must rein in the regime. Shelling hit Aleppo.', ['Russia'], ['Russia', 'Aleppo']],
    // the object of support, an ally, a partner of relations; the second state of a pair before a relation noun
    ['We will continue to support Iraq. Fighting went on in Iraq and in Mosul.', ['Iraq'], ['Iraq', 'Mosul']],
    ['Our ally Jordan hosted the talks in Amman.', ['Jordan'], ['Jordan', 'Amman']],
    ['Leaders hailed the UK-France co-operation on migration at the summit in Calais.', ['UK', 'France'], ['UK', 'France', 'Calais']],
    // coordination: one state acting makes the states joined to it act
    ['On Monday Jordan and Egypt agreed on a gas deal in Cairo.', ['Jordan', 'Egypt'], ['Jordan', 'Egypt', 'Cairo']],
    // the members listed after "include" in a clause naming a collective of states
    ['Partner nations that have flown missions include Norway, Denmark and Canada.', ['Norway', 'Denmark', 'Canada'], ['Norway', 'Denmark', 'Canada']],
    // only repeated mentions go: the first mention of a state named only as an actor stays
    ['Russia must stop the bombing. Russia has warned the rebels. The Kremlin said Russia will respond.', ['Russia', 'Russia', 'Russia'], ['Russia']],
  ])('%s', check);
});

describe('places: states that stay places', () => {
  it.each<Row>([
    // after a preposition of place
    ['Coalition forces carried out strikes in Syria and Iraq on Sunday.', [], ['Syria', 'Iraq']],
    ['Fighters who have crossed into Turkey include Syrians and Iraqis.', [], ['Turkey']],
    // in apposition to a place
    ['A strike near Palmyra, Syria, destroyed three tanks.', [], ['Palmyra', 'Syria']],
    // a country in apposition is part of the place's mention when the article names it elsewhere
    ['Fighting in Syria went on. A strike near Palmyra, Syria, destroyed three tanks.', [], ['Syria', 'Palmyra']],
    ['He was born in Kenosha, Wisconsin, and moved to Wisconsin later.', [], ['Kenosha', 'Wisconsin', 'Wisconsin']],
    // a list of places after "include" with no collective of states in its clause
    ['Flights to cities that include Paris, Rome and Madrid were cancelled.', [], ['Paris', 'Rome', 'Madrid']],
    ['Refugees from countries including Syria and Afghanistan arrived in Greece.', [], ['Syria', 'Afghanistan', 'Greece']],
    // "the people of" a city: where they live, not a state
    ['The people of Mosul fled the fighting.', [], ['Mosul']],
    // a possessive before a place noun
    ['Syria’s northern border with Turkey was closed.', [], ['Syria', 'Turkey']],
  ])('%s', check);
});

describe('places: a state acting as an organisation, in French', () => {
  const fr = (text: string, states: string[], published: string[]) => {
    const got = pipeline.analyze({ id: 't', text, lang: 'fr' }).places;
    const dump = JSON.stringify(got.map((p) => [p.text, p.country, isStateUse(p)]));
    expect(got.filter(isStateUse).map((p) => p.text), dump).toEqual(states);
    expect(publishedPlaces(got, text).map((p) => p.text), dump).toEqual(published);
  };
  it.each<Row>([
    ['Le gouvernement de la Syrie a démenti. Des frappes ont visé Raqqa, en Syrie.', ['Syrie'], ['Raqqa', 'Syrie']],
    ['Notre allié la Jordanie a accueilli les pourparlers à Amman.', ['Jordanie'], ['Jordanie', 'Amman']],
    ['La Russie et l’Iran doivent agir. Des obus sont tombés sur Alep.', ['Russie', 'Iran'], ['Russie', 'Iran', 'Alep']],
    // negative: "de" of origin, "en" of place
    ['Des réfugiés venus de Syrie sont arrivés en Turquie.', [], ['Syrie', 'Turquie']],
  ])('%s', fr);
});

// A country opening a sentence after its article acts as its government for the actors stage ("The US has
// indicated"): the place stays, marked as a state acting, so the record lists it once when nothing else names it.
describe('places: a state acting after its article, read by the actors stage', () => {
  it.each<Row>([
    ['Rebuilding will cost billions. The US has indicated that no support will come.', ['US'], ['US']],
    // negative: a state named as a place elsewhere is listed for that mention only
    ['Refugees reached the US by sea. The US has said that more will come.', ['US'], ['US']],
  ])('%s', async (text, states, published) => {
    const { analyze } = await import('../helpers.js');
    const got = analyze(text).places;
    const dump = JSON.stringify(got.map((p) => [p.text, p.start, isStateUse(p)]));
    expect(got.filter(isStateUse).map((p) => p.text), dump).toEqual(states);
    const pub = publishedPlaces(got, text);
    expect(pub.map((p) => p.text), dump).toEqual(published);
    if (states.length && got.length > 1) expect(pub.every((p) => !isStateUse(p)), dump).toBe(true);
  });
});
