// claims constructions, one table per construction file (src/stages/claims/category/*.ts, group.ts, admit.ts):
// each row is one of our own sentences and whether the construction's rule decides a claim on the given
// count (positive) or does not (negative: another construction decides, or no claim at all).
import { describe, expect, it } from 'vitest';
import type { Stage } from '../../src/pipeline/stage.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { numbersStage } from '../../src/stages/numbers/index.js';
import { claimsStage } from '../../src/stages/claims/index.js';
import { LEAD, PEOPLE } from '../../src/stages/claims/order.js';
import { PASSES } from '../../src/stages/statements/order.js';

const stub: Stage = { name: 'stub', requires: [], assigns: ['dates', 'places', 'actors', 'statements'], run() {} };
const pipeline = new Pipeline([sentencesStage, numbersStage, stub, claimsStage]);

/** [sentence, quantity text, rule expected on that claim (null: no claim on it)] */
type Row = [string, string, string | null];

const tables: Record<string, Row[]> = {
  before: [
    // (French: a day between the verb and its count)
    ['Des hommes armés ont enlevé jeudi au moins 87 personnes', '87', 'claims.category:before'],
    ['Artillery fire killed 14 villagers on the ridge', '14', 'claims.category:before'],
    ['The blast kills, injures over 70 shoppers', '70', 'claims.category:before-both'],
    ['The rebels said 9 fighters were killed two of them officers', 'two', 'claims.category:inherit'],
    // French: the words between two listed verbs are the French ones (verbListJoins: "et", "ou")
    ["L'explosion a tué et blessé douze personnes samedi à Kidal", 'douze', 'claims.category:before-both'],
    ["L'explosion a tué ou blessé douze personnes samedi à Kidal", 'douze', 'claims.category:before-both'],
    ["L'explosion a blessé douze personnes samedi à Kidal", 'douze', 'claims.category:before'],
    // cut off from care: affected
    ["La destruction de la clinique prive d'accès aux soins les quelque 20 000 habitants du district", '20 000', 'claims.category:before'],
    // negative: deprived of something that is not care, food or water
    ['The court deprived two officers of their pensions', 'two', null],
    // a verb of harm reaches past a count of animals or things before "and" (thingNouns, or a plural no person)
    ['The raiders killed 200 goats and 11 herders near the well', '11', 'claims.category:before'],
    ['The flood drowned 400 sheep and 6 people in the valley', '6', 'claims.category:before'],
    ['Les pillards ont tué 200 chèvres et 11 éleveurs près du puits', '11', 'claims.category:before'],
    // negative: a count of people before "and" is a group of its own, not a thing skipped
    ['The raiders killed 5 guards and 11 herders near the well', '11', 'claims.category:inherit'],
  ],
  group: [
    // an initialism written with periods inside the counted group (group.ts initialismEnd)
    ['Nine U.S. service members were killed in the ambush', 'Nine', 'claims.category:after'],
    ['Four U.N. peacekeepers were wounded near the base', 'Four', 'claims.category:after'],
    ['Three U.S. were killed', 'Three', null],
    ['Two U. S. officials were killed', 'Two', null],
  ],
  of: [
    ['Divers found the bodies of 11 fishermen near the pier', '11', 'claims.category:of'],
    ['The fate of 40 others remains unknown', '40', 'claims.category:of'],
    ['The roof of 3 houses collapsed', '3', null],
  ],
  toll: [
    ['The death toll from the landslide rose to 63', '63', 'claims.category:toll'],
    // a long phrase between the toll and its figure: brackets and apostrophes are not counted as words
    ["The death toll from a rocket strike on a bakery in the city of Lisichansk in the Lugansk People's Republic (LPR) has risen to 28", '28', 'claims.category:toll'],
    ['The number of miners killed has risen to 19', '19', 'claims.category:number-of'],
    ['The number of towns rose to 12', '12', null],
    ['The toll from the floods passed 300 on Friday', '300', 'claims.category:toll'],
    ['By evening the toll from the quake was in the hundreds', 'in the hundreds', 'claims.category:toll'],
    ['The villagers settled in the hundreds of tents', 'in the hundreds', null],
    ['The toll from the floods neared 80,000 by evening', '80,000', 'claims.category:toll'],
    // French: "le nombre de" ends in the link (ofLink "de"), so the count after it says what; "nombre de morts" is a toll
    ['Le nombre de civils tués est passé à 27 depuis lundi', '27', 'claims.category:number-of'],
    ['Le nombre de maisons détruites atteint 12 selon la mairie', '12', null],
    ["Le nombre de morts s'élève à 52 selon la police", '52', 'claims.category:toll'],
  ],
  other: [
    ['Several thousand supporters waited outside the court', 'Several thousand', 'claims.category:noun'],
    ['Some 5,000 troops were deployed along the border', '5,000', 'claims.category:after'],
    ['Prosecutors issued arrest warrants for 36 people', '36', 'claims.category:before'],
    ['Police detained up to 500 arrested protesters', '500', 'claims.category:before'],
    ['Up to 500 arrested protesters were freed on bail', '500', 'claims.category:modifier'],
    ['The committee has 12 seats', '12', null],
  ],
  after: [
    ['17 pilgrims were killed when the bus overturned', '17', 'claims.category:after'],
    ['A gunman killed five guards at the gate', 'A', null],
    ['At least 40 people, including six children, were killed in the raid', '40', 'claims.category:after'],
    ['The group claimed 70 were wounded in the clashes', '70', 'claims.category:after'],
    ['The bombing claimed 70 lives', '70', 'claims.category:before'],
    ['Dozens of people remain under the rubble of the building', 'Dozens', 'claims.category:after'],
    ['30 patients from Eastville and Westbrook and the two hill villages were also stuck', '30', 'claims.category:after-clause'],
    ["Quelque 3000 familles privées d'eau potable attendent l'aide", '3000', 'claims.category:after'],
    ['Some 3,000 families without access to clean water are waiting for aid', '3,000', 'claims.category:after'],
  ],
  // past a relative clause, the main clause's passive says what happened (not a verb inside the clause)
  relative: [
    ['Two people who tried to flee were shot dead', 'Two', 'claims.category:after'],
    ['Deux personnes qui tentaient de fuir ont été abattues', 'Deux', 'claims.category:after'],
  ],
  noun: [
    ['Rescuers counted 26 dead after the ferry sank', '26', 'claims.category:noun'],
    ['The storm left 45 injured in the valley', '45', 'claims.category:noun'],
    ['The clinic treated the wounded from 4 villages', '4', null],
    // a noun of what was done names its own category before a predicate further on, after another count
    ['Police reported 154 arrests in the capital and 21 officers injured', '154', 'claims.category:noun'],
    ['Le ministre a fait état de 154 interpellations dans la capitale et de 21 policiers blessés', '154', 'claims.category:noun'],
  ],
  residents: [
    ['Shells hit the camp, home to some 80,000 people, on Sunday', '80,000', 'claims.category:residents'],
    ['Shells hit the camp where 80,000 people live', '80,000', null],
  ],
  modifier: [
    ['Dozens of injured villagers reached the clinic', 'Dozens', 'claims.category:modifier'],
    ['Dozens of villagers reached the clinic', 'Dozens', null],
  ],
  vehicle: [
    ['The militia seized 6 trucks at the crossing', '6', 'claims.category:vehicle-noun'],
    ['A roadside bomb hit a bus near the market', 'a', 'claims.vehicle:verb-before'],
    ['A drone struck the convoy at noon', 'A', null],
    ['A bus was set alight by rioters in the capital', 'A', 'claims.vehicle:passive'],
    ['The Airbus 320 jet landed safely in the storm', '320', null],
    ['One helicopter circled over the square', 'One', null],
    ['One helicopter was shot down over the valley', 'One', 'claims.vehicle:passive'],
    // the explosion of a vehicle is something that happened to it
    ['The explosion of a car bomb near the hotel killed ten people', 'a', 'claims.vehicle:verb-before'],
    ["L'explosion d'une voiture piégée près de l'hôtel a fait dix morts", 'une', 'claims.vehicle:verb-before'],
    ['The explosion of a gas cylinder killed two people', 'a', null],
  ],
  bare: [
    ['The raid killed 6 in the hamlet', '6', 'claims.category:before'],
    ['Troops destroyed 18 tanks and positions', '18', 'claims.category:vehicle-noun'],
    ['The army retook 4 towns near the river', '4', null],
  ],
  inherit: [
    ['The shelling killed 20 people including 7 children', '7', 'claims.category:inherit'],
    ['Four people died and eleven others experienced severe nausea', 'eleven', null],
    // a list of ages after "aged" is no count, and the group's predicate lies past it
    ['Three men aged 35, 42 and 59 were wounded in the shelling', '42', null],
    ['Three men aged 35, 42 and 59 were wounded in the shelling', 'Three', 'claims.category:after'],
    // after a verb group of its own ("were rescued") the next count opens its own clause: its predicate is not the first group's
    // (people rescued are a count of their own, other: their own predicate, not "missing")
    ['23 people were rescued and about ten are still missing', '23', 'claims.category:after'],
    ['23 personnes ont été secourues et une dizaine sont toujours portées disparues', '23', 'claims.category:after'],
    ['23 people were located and about ten are still missing', '23', null],
    ['23 personnes ont été localisées et une dizaine sont toujours portées disparues', '23', null],
    // negative: a count sharing the predicate, an acronym before the group, an adverb after the auxiliary
    ['At least 40 IS fighters among them 6 minors had been killed', '40', 'claims.category:after'],
    ['A nurse was also among at least five people killed in the raid', 'A', 'claims.category:after'],
    // negative: after a comma a number with a counted noun is a new count
    ['Two men aged 30, 12 children and four women were killed', '12', 'claims.category:after'],
    // after an inclusion cue a present participle is a reduced relative, not a verb of the group's own
    ['Air strikes killed 27 people across the region on Thursday, including 10 people sheltering in a school', '10', 'claims.category:inherit'],
    // negative: without the inclusion cue the participle still marks a clause of its own
    ['Four people died and eleven others fleeing the flames were hurt', 'eleven', 'claims.category:after'],
    // French: a bare participle after the group is an adjective, not a verb of its own (participleEndings empty)
    ['Quatre personnes sont mortes, dont deux enfants âgés de trois ans', 'deux', 'claims.category:inherit'],
  ],
  // one person named by a role after a possessive; French plurals end in -s or -x ("généraux": not one person)
  possessed: [
    ["The strike killed the group's commander", "the group's commander", 'claims.category:possessed'],
    ['Les rebelles ont enlevé leur général mardi', 'leur général', 'claims.category:possessed'],
    ['Les rebelles ont enlevé leurs généraux mardi', 'leurs généraux', null],
  ],
  // a count of animals is no claim, with or without a plural ending (thingNouns)
  things: [
    ['Hundreds of cattle drowned when the river rose', 'Hundreds', null],
    ['Dozens of head of cattle were stolen in the raid', 'Dozens', null],
    ['Des centaines de bétail ont péri dans la crue', 'centaines', null],
    ['The flood drowned 400 sheep and 6 people in the valley', '400', null],
    // negative: a count of people in the same shape is a claim
    ['Hundreds of herders drowned when the river rose', 'Hundreds', 'claims.category:after'],
  ],
  admit: [
    ['A policeman was shot dead outside the station', 'A', 'claims.category:after'],
    ['The strike killed 12 people including a child', 'a', null],
    // French reads "un" as the number one: after "dont" it stays part of the larger claim too
    ['La frappe a tué douze personnes, dont un enfant de huit ans', 'un', null],
    ['La frappe a tué douze personnes, dont deux enfants', 'deux', 'claims.category:inherit'],
    ['Guards found that an inmate had been stabbed in the yard', 'an', 'claims.category:after'],
    ['An inmate told the court he was innocent', 'An', null],
  ],
};

/** [sentence, quantity text, the group rule expected on that claim] */
const groupRows: [string, string, string][] = [
  ['Gunmen attacked the convoy, killing four of them', 'four', 'claims.group:of-them'],
  // French: the partitive link and article words are the French ones ("d'entre eux", "des soldats", "les")
  ["Des hommes armés ont attaqué le convoi, tuant quatre d'entre eux", 'quatre', 'claims.group:of-them'],
  ['Des hommes armés ont attaqué le convoi, tuant quatre civils', 'quatre', 'claims.group:head'],
  ['Douze des soldats ont été tués lors de l’attaque', 'Douze', 'claims.group:head'],
];

describe('claims groups', () => {
  it.each(groupRows)('%s → %s: %s', (text, q, rule) => {
    const c = pipeline.analyze({ id: 't', text }).claims.find((x) => x.quantity.text === q);
    expect(c?.evidence.find((e) => e.rule.startsWith('claims.group:'))?.rule).toBe(rule);
  });
});

describe('claims constructions', () => {
  for (const [name, rows] of Object.entries(tables)) {
    describe(name, () => {
      it.each(rows)('%s → %s: %s', (text, q, rule) => {
        const a = pipeline.analyze({ id: 't', text });
        const c = a.claims.find((x) => x.quantity.text === q || x.quantity.text.endsWith(' ' + q));
        if (rule === null) expect(c).toBeUndefined();
        else expect(c?.evidence[0].rule).toBe(rule);
      });
    });
  }

  it.each<[string, string[]]>([
    // two vehicles, each with its own article, after one verb or noun: two claims of one
    ['The explosions of a truck and a car near the hotel killed ten people', ['a truck', 'a car']],
    ["Les explosions d'un camion et d'une voiture piégés près de l'hôtel ont fait dix morts", ["d'un camion", "d'une voiture"]],
    ['Rioters torched a truck and a minibus outside the bank', ['a truck', 'a minibus']],
    // negative: a person after "and" is no second vehicle
    ['Police stopped a truck and a woman was arrested', ['a truck']],
  ])('vehicles one by one: %s', (text, want) => {
    const a = pipeline.analyze({ id: 't', text });
    const got = a.claims.filter((c) => c.category === 'vehicles').map((c) => c.quantity.start);
    expect(got).toEqual(want.map((w) => text.indexOf(w) + (w.startsWith("d'") ? 2 : 0)));
  });

  it('a toll that passes a figure is above it, one that nears it within a tenth below', () => {
    const v = (t: string) => pipeline.analyze({ id: 't', text: t }).claims[0]?.value;
    expect(v('The toll from the floods passed 300 on Friday')).toEqual({ min: 301, max: null, approx: false });
    expect(v('The toll from the floods neared 80,000 by evening')).toEqual({ min: 72000, max: 80000, approx: true });
    expect(v('The toll from the floods rose to 52 on Friday')).toEqual({ min: 52, max: 52, approx: false });
    // French, past an article, and a count with its own noun after the toll word
    expect(v('Le bilan dépasse les 2 000 morts')).toEqual({ min: 2001, max: null, approx: false });
    expect(v('Le bilan des crues a dépassé 300 morts vendredi')).toEqual({ min: 301, max: null, approx: false });
    expect(v('Le bilan approche les 5 000 morts')).toEqual({ min: 4500, max: 5000, approx: true });
    expect(v('The death toll from the floods passed 300 people on Friday')).toEqual({ min: 301, max: null, approx: false });
    // negative: "passed" with no toll word is no toll
    expect(v('The convoy passed 300 people waiting on the road who had been injured')).toEqual({ min: 300, max: 300, approx: false });
  });

  it('the order lists say which construction runs first', () => {
    expect(LEAD.map((k) => k.name)).toEqual(['before', 'of', 'toll', 'residents', 'carried']);
    expect(PEOPLE.map((k) => k.name)).toEqual(['after', 'noun', 'after-clause', 'modifier', 'weak-noun']);
    expect(PASSES.map((p) => p.name)).toEqual(['direct-quotes', 'reported', 'pronouns', 'drop-embedded', 'inherit']);
  });
});

// named persons need the actors stage: run the whole pipeline
import { analyze } from '../helpers.js';

const named: Row[] = [
  ['The mayor, Maria Lopez, was stabbed on stage during a concert in the city', 'Maria Lopez', 'claims.category:named'],
  ['Police said Maria Lopez, 34, a nurse, was later pronounced dead at the hospital', 'Maria Lopez', 'claims.category:named'],
  ['Border guards arrested Peter Hansen near the crossing on Monday', 'Peter Hansen', 'claims.category:before'],
  ['Peter Hansen and Maria Lopez were arrested near the crossing', 'Peter Hansen', null],
  ['Prime Minister Anna Berg claimed victory on Sunday', 'Anna Berg', null],
  ['Governor Tom Reyes was transferred to the capital last week', 'Tom Reyes', null],
  ['Governor Tom Reyes said the storm had passed', 'Tom Reyes', null],
  // French: the plural auxiliary after a list of names is the French one ("ont été arrêtés")
  ['Pierre Martin a été arrêté près de la frontière', 'Pierre Martin', 'claims.category:named'],
  ['Pierre Martin et Anne Roux ont été arrêtés près de la frontière', 'Anne Roux', null],
];

describe('claims construction named', () => {
  it.each(named)('%s → %s: %s', (text, q, rule) => {
    const a = analyze(text);
    const c = a.claims.find((x) => x.quantity.text.includes(q));
    if (rule === null) expect(c).toBeUndefined();
    else {
      expect(c?.evidence[0].rule).toBe(rule);
      expect(c?.value).toEqual({ min: 1, max: 1, approx: false });
    }
  });

  it('an age after a name is not a count', () => {
    const a = analyze('The victims were named as Paul Weber, 20, and Lena Stark, 19.');
    expect(a.claims.filter((x) => x.value.min === 20 || x.value.min === 19)).toEqual([]);
  });
});

describe('claims day: the dateline dates a lead that names no day', () => {
  it.each([
    ['Six dead in market shooting\nMonday, March 11, 2024\nSix people were killed in a shooting at the market in the town.', 'Six people', '2024-03-11'],
    ['Six dead in market shooting\nMonday, March 11, 2024\nSix people were killed on Sunday in a shooting at the market.', 'Six people', '2024-03-10'],
    ['Monday, March 11, 2024\nSome 300 people have been killed in the region since 2019.', '300', null],
    ['Six people were killed in a shooting at the market in the town.', 'Six people', null],
  ])('%s', (text, q, date) => {
    const a = analyze(text, { published: '2024-03-11' });
    const c = a.claims.find((x) => text.slice(x.start, x.end).includes(q));
    expect(c?.date ?? null).toBe(date);
  });
});

describe('claims source: a speaker span that names no source', () => {
  it.each([
    ['According to reports, 12 people were killed in the blast.', null],
    ['The total stood at 12 dead, the ministry said.', 'ministry'],
  ])('%s', (text, source) => {
    const a = analyze(text);
    const c = a.claims[0];
    expect(c).toBeDefined();
    if (source === null) expect(c.source).toBeNull();
    else expect(c.source?.name.toLowerCase()).toContain(source);
  });
});

describe('claims: the category past a relative clause', () => {
  it.each<[string, string]>([
    ['Two people who tried to flee were shot dead', 'killed'],
    ['Deux personnes qui tentaient de fuir ont été abattues', 'killed'],
  ])('%s → %s', (text, category) => {
    expect(pipeline.analyze({ id: 't', text }).claims.map((x) => x.category)).toEqual([category]);
  });
});
