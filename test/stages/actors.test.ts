// actors stage: rows of [text, expected actors]. Each expected actor gives the text as written (offsets
// are its first occurrence unless `at` says which occurrence), the id, the kind and, where it matters,
// generic, role and antecedent. Sentences are our own, in the style of wire reports.
import { describe, expect, it } from 'vitest';
import type { Analysis, Place } from '../../src/core/types.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { Resources } from '../../src/pipeline/resources.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { actorsStage } from '../../src/stages/actors/index.js';

let fixturePlaces: Place[] = [];
const placesStub: Stage = { name: 'places', requires: [], assigns: ['places'], run(a) { a.places = fixturePlaces.map((p) => ({ ...p })); } };
const pipeline = new Pipeline([sentencesStage, placesStub, actorsStage], new Resources());

interface Exp { text: string; id: string; kind: string; at?: number; generic?: boolean; role?: string; name?: string; antecedent?: string }

function place(text: string, name: string, start: number): Place {
  return { start, end: start + name.length, text: name, name, geonameId: null, country: 'SY', lat: null, lon: null, kind: 'city', precision: 1, candidates: [], evidence: [] };
}

function nth(text: string, s: string, n = 0): number {
  let at = text.indexOf(s);
  for (let i = 0; i < n; i++) at = text.indexOf(s, at + 1);
  return at;
}

function check(text: string, expected: Exp[]): Analysis {
  fixturePlaces = [];
  const a = pipeline.analyze({ id: 't', text });
  expect(a.errors).toEqual([]);
  const got = a.actors.map((x) => ({ text: x.text, id: x.id, kind: x.kind }));
  expect(got).toEqual(expected.map((e) => ({ text: e.text, id: e.id, kind: e.kind })));
  a.actors.forEach((x, i) => {
    const e = expected[i];
    const at = nth(text, e.text, e.at);
    expect([x.start, x.end]).toEqual([at, at + e.text.length]);
    expect(x.evidence[0].rule).toMatch(/^actors\./);
    if (e.generic !== undefined) expect(!!x.generic).toBe(e.generic);
    if (e.role !== undefined) expect(x.role).toBe(e.role);
    if (e.name !== undefined) expect(x.name).toBe(e.name);
    if (e.antecedent !== undefined) expect(x.antecedent ? text.slice(x.antecedent.start, x.antecedent.end) : null).toBe(e.antecedent);
  });
  return a;
}

const dictionaryRows: [string, Exp[]][] = [
  // aliases across spellings and eras share one id
  ['Daesh and ISIL fighters clashed with Jabhat Fateh al-Sham, which used to call itself the al-Nusra Front.', [
    { text: 'Daesh', id: 'ISIL', kind: 'group' },
    { text: 'ISIL', id: 'ISIL', kind: 'group', antecedent: 'Daesh' },
    { text: 'fighters', id: 'generic:fighter', kind: 'group', generic: true },
    { text: 'Jabhat Fateh al-Sham', id: 'NUSRA', kind: 'group' },
    { text: 'al-Nusra Front', id: 'NUSRA', kind: 'group', antecedent: 'Jabhat Fateh al-Sham' },
  ]],
  // a successor coalition keeps its own id
  ['Hayat Tahrir al-Sham took the town from rival factions.', [{ text: 'Hayat Tahrir al-Sham', id: 'HTS', kind: 'group' }]],
  // acronyms match only in capitals: "IS" yes, "is" no
  ['The IS group said the town is under its control.', [{ text: 'IS group', id: 'ISIL', kind: 'group' }]],
  // monitors and agencies; "the Observatory" as a short form
  ['The Syrian Observatory for Human Rights counted the dead. The Observatory draws on contacts across the country.', [
    { text: 'Syrian Observatory for Human Rights', id: 'SOHR', kind: 'organization' },
    { text: 'The Observatory', id: 'SOHR', kind: 'organization', antecedent: 'Syrian Observatory for Human Rights' },
  ]],
  // a converted PETRARCH entry
  ['Amnesty International documented the strikes.', [{ text: 'Amnesty International', id: 'AMNESTY', kind: 'organization' }]],
];

const shapes: [string, Exp[]][] = [
  // title + name; demonym before the title
  // (a possessive determiner is no mention of an actor: "his counterpart"; a subject pronoun is, with its antecedent)
  ['Turkish Foreign Minister Mevlut Cavusoglu met his counterpart. He said talks would resume.', [
    { text: 'Mevlut Cavusoglu', id: 'person:mevlut-cavusoglu', kind: 'person', role: 'Foreign Minister' },
    { text: 'He', id: 'person:mevlut-cavusoglu', kind: 'person', antecedent: 'Mevlut Cavusoglu' },
  ]],
  ['Brigadier General Karim Nasser inspected the front line.', [{ text: 'Brigadier General Karim Nasser', id: 'person:karim-nasser', kind: 'person', name: 'Karim Nasser', role: 'Brigadier General' }]],
  // lower-case modifiers of a title belong to the role (titleModifiers); a modifier that is a title itself stays one
  ['The toll rose, regional governor Karim Nasser said.', [{ text: 'regional governor Karim Nasser', id: 'person:karim-nasser', kind: 'person', name: 'Karim Nasser', role: 'regional governor' }]],
  ['The intelligence chief Karim Nasser resigned.', [{ text: 'chief Karim Nasser', id: 'person:karim-nasser', kind: 'person', name: 'Karim Nasser', role: 'chief' }]],
  // demonym-led forces
  ['Russian warplanes and Iraqi troops pounded the area while Kurdish police stood by.', [
    { text: 'Russian warplanes', id: 'forces:RU:warplanes', kind: 'group', generic: false },
    { text: 'Iraqi troops', id: 'forces:IQ:troops', kind: 'group' },
    { text: 'Kurdish police', id: 'generic:kurdish-police', kind: 'group', generic: true },
  ]],
  // a name next to a reporting verb, then its short form
  ['Lina Haddad said the clinic was hit twice. Haddad added that two nurses were hurt.', [
    { text: 'Lina Haddad', id: 'person:lina-haddad', kind: 'person' },
    { text: 'Haddad', id: 'person:lina-haddad', kind: 'person', at: 1, name: 'Lina Haddad', antecedent: 'Lina Haddad' },
  ]],
  // organisation name shape by its head word
  ['The Idlib Health Directorate asked for fuel.', [{ text: 'Idlib Health Directorate', id: 'org:idlib-health-directorate', kind: 'organization' }]],
  // "the minister" back to the last person with that role
  ['Defence Minister Ali Rahimi visited the base. The minister promised new equipment.', [
    { text: 'Defence Minister Ali Rahimi', id: 'person:ali-rahimi', kind: 'person' },
    { text: 'The minister', id: 'person:ali-rahimi', kind: 'person', name: 'Ali Rahimi', antecedent: 'Defence Minister Ali Rahimi' },
  ]],
];

const moreRows: [string, Exp[]][] = [
  // a title standing alone, tied to no name in the article
  ['The Foreign Secretary visited the camp on Friday.', [{ text: 'The Foreign Secretary', id: 'role:foreign-secretary', kind: 'person', role: 'Foreign Secretary' }]],
  // a title with its remit
  ['The Minister for the Middle East flew in.', [{ text: 'The Minister for the Middle East', id: 'role:minister-for-the-middle-east', kind: 'person' }]],
  // pronouns: she → the last person named; "we" has no antecedent
  ['Maria Lopez runs the clinic. She said we must wait.', [
    { text: 'Maria Lopez', id: 'person:maria-lopez', kind: 'person' },
    { text: 'She', id: 'person:maria-lopez', kind: 'person', antecedent: 'Maria Lopez' },
    { text: 'we', id: 'pronoun:we', kind: 'group' },
  ]],
  // she → the last person whose given name is not a man's (Youssef is)
  ['Khadija Mansour met Youssef Karimi in the camp. She said the school had reopened.', [
    { text: 'Khadija Mansour', id: 'person:khadija-mansour', kind: 'person' },
    { text: 'Youssef Karimi', id: 'person:youssef-karimi', kind: 'person' },
    { text: 'She', id: 'person:khadija-mansour', kind: 'person', antecedent: 'Khadija Mansour' },
  ]],
  // "they" with no group near is not unambiguous: no actor
  ['They left before dawn.', []],
  // a country's possessive before a force noun; a force word that modifies a role is not a force
  ['Syria’s army and Russias air force shelled the town.', [
    { text: 'Syria’s army', id: 'forces:SY:army', kind: 'group' },
    { text: 'Russias air force', id: 'forces:RU:air-force', kind: 'group' },
  ]],
  // a plural demonym is a population
  ['Syrians queued for bread in the cold.', [{ text: 'Syrians', id: 'population:SY', kind: 'group', generic: true }]],
  // an acronym inside an unknown name marks an organisation
  ['BC Hydro said crews were working through the night.', [{ text: 'BC Hydro', id: 'org:bc-hydro', kind: 'organization' }]],
  // a name followed by a describing apposition or an age is a person; an organisation's apposition is not
  ['Yuni, a resident of Lampung, heard the water. Dixon Hall, a social services agency, runs the shelter.', [{ text: 'Yuni', id: 'person:yuni', kind: 'person' }]],
  // a shorter form of an earlier full name points back to it
  ['Maria Lopez runs the clinic. Dr Lopez said that the wards were full.', [
    { text: 'Maria Lopez', id: 'person:maria-lopez', kind: 'person' },
    { text: 'Dr Lopez', id: 'person:maria-lopez', kind: 'person', name: 'Maria Lopez' },
  ]],
  // an acronym defined in brackets names the same organisation later
  ['Export Development Canada (EDC) insures the deal. EDC declined to comment.', [
    { text: 'Export Development Canada', id: 'org:export-development-canada', kind: 'organization' },
    { text: 'EDC', id: 'org:export-development-canada', kind: 'organization', name: 'Export Development Canada', antecedent: 'Export Development Canada' },
    { text: 'EDC', id: 'org:export-development-canada', kind: 'organization', at: 1, antecedent: 'Export Development Canada' },
  ]],
  // a month inside a name after a given name
  ['Green Party leader Elizabeth May said the party would run.', [
    { text: 'Green Party', id: 'org:green-party', kind: 'organization' },
    { text: 'leader Elizabeth May', id: 'person:elizabeth-may', kind: 'person', name: 'Elizabeth May', role: 'leader' },
  ]],
];

const genericRows: [string, Exp[]][] = [
  ['Militants attacked a checkpoint and civilians fled as the regime shelled the area.', [
    { text: 'Militants', id: 'generic:militant', kind: 'group', generic: true },
    { text: 'civilians', id: 'generic:civilian', kind: 'group', generic: true },
    { text: 'the regime', id: 'generic:regime', kind: 'group', generic: true },
  ]],
  // a junta is the ruling side too; a country known by no demonym names its forces by its name (shortNameDemonyms)
  ['The junta said a Myanmar military air strike hit the village.', [
    { text: 'The junta', id: 'generic:junta', kind: 'group', generic: true },
    { text: 'Myanmar military', id: 'forces:MM:military', kind: 'group' },
  ]],
  // "military" makes a side only before a weapon (weaponSideWords); "junta" before any force noun
  ['A military air strike hit the village. Military intelligence officers said the road was shut.', [
    { text: 'military air strike', id: 'generic:military-forces', kind: 'group', generic: true, name: 'military forces' },
  ]],
  ['Junta troops shelled the village.', [{ text: 'Junta troops', id: 'generic:junta-troops', kind: 'group', generic: true }]],
];

const negatives: [string, Exp[]][] = [
  // sentence-initial capitals and month names are not names
  ['Yesterday the convoy left. In March the road reopened.', []],
  // a demonym alone is a nationality, not an actor
  ['The Syrian economy shrank again.', []],
  // a toponym's name: after "the" before a place noun, opening with a toponym's first word, or a title
  // joined to an article ("al-Sheikh")
  ['Shells fell on the Sheikh Maqsoud neighbourhood overnight.', []],
  ['Shells fell on Tal al-Sheikh Hussein and Kafr Nabl overnight.', []],
  ['Jets raided the village of Abu Hamam on Monday.', []],
  // a building's name: "the" + name + a lower-case building noun
  ['A missile struck the Abu Hamza school in the camp.', []],
];

describe('actors: dictionary', () => {
  for (const [text, exp] of dictionaryRows) it(text, () => check(text, exp));
});
describe('actors: titles, forces, names, coreference', () => {
  for (const [text, exp] of shapes) it(text, () => check(text, exp));
});
describe('actors: lone titles, pronouns, populations, name shapes', () => {
  for (const [text, exp] of moreRows) it(text, () => check(text, exp));
});
describe('actors: generic agents', () => {
  for (const [text, exp] of genericRows) it(text, () => check(text, exp));
});
describe('actors: negatives', () => {
  for (const [text, exp] of negatives) it(text, () => check(text, exp));
});

describe('actors: places inside organisation names', () => {
  it('removes "Aleppo" inside "Aleppo Media Center" but keeps "Damascus said"', () => {
    const text = 'The Aleppo Media Center reported shelling while Damascus said the truce held.';
    fixturePlaces = [place(text, 'Aleppo', text.indexOf('Aleppo')), place(text, 'Damascus', text.indexOf('Damascus'))];
    const a = pipeline.analyze({ id: 't', text });
    expect(a.places.map((p) => [p.text, p.start])).toEqual([['Damascus', text.indexOf('Damascus')]]);
    expect(a.actors.map((x) => x.id)).toEqual(['AMC']);
  });
  it('a country followed by a verb also acts as its government ("Turkey said"), the place stays', () => {
    const text = 'Turkey said the border would stay closed.';
    fixturePlaces = [{ ...place(text, 'Turkey', 0), kind: 'country', country: 'TR' }];
    const a = pipeline.analyze({ id: 't', text });
    expect(a.places.map((p) => p.text)).toEqual(['Turkey']);
    expect(a.actors.map((x) => [x.text, x.id, x.kind, x.start, x.end])).toEqual([['Turkey', 'gov:TR', 'organization', 0, 6]]);
  });
  it('a country opening a sentence after the first acts as its government too ("... closed. Turkey said")', () => {
    const text = 'The crossing was closed. Turkey said it would stay shut.';
    fixturePlaces = [{ ...place(text, 'Turkey', text.indexOf('Turkey')), kind: 'country', country: 'TR' }];
    expect(pipeline.analyze({ id: 't', text }).actors.map((x) => [x.text, x.id])).toEqual([['Turkey', 'gov:TR']]);
    // negative: a country after a preposition, in the next sentence, is the place only
    const text2 = 'The crossing was closed. Trucks bound for Turkey waited.';
    fixturePlaces = [{ ...place(text2, 'Turkey', text2.indexOf('Turkey')), kind: 'country', country: 'TR' }];
    expect(pipeline.analyze({ id: 't', text: text2 }).actors.filter((x) => x.id.startsWith('gov:'))).toEqual([]);
  });
  it('a country the places stage read as a state acting alone is its government ("backed by Russia"), not the modifier of a noun ("Russian-made"/"Russia embassy")', () => {
    const text = 'Militias backed by Russia shelled the port.';
    fixturePlaces = [{ ...place(text, 'Russia', text.indexOf('Russia')), kind: 'country', country: 'RU', evidence: [{ rule: 'places.state', span: { start: text.indexOf('backed'), end: text.indexOf('Russia') - 1 } }] }];
    expect(pipeline.analyze({ id: 't', text }).actors.filter((x) => x.id.startsWith('gov:')).map((x) => [x.text, x.id])).toEqual([['Russia', 'gov:RU']]);
    const text2 = 'The Russia embassy said the port was shelled.';
    fixturePlaces = [{ ...place(text2, 'Russia', text2.indexOf('Russia')), kind: 'country', country: 'RU', evidence: [{ rule: 'places.state', span: { start: text2.indexOf('embassy'), end: text2.indexOf('embassy') + 7 } }] }];
    expect(pipeline.analyze({ id: 't', text: text2 }).actors.filter((x) => x.id.startsWith('gov:'))).toEqual([]);
  });
  it('keeps a place in a compound ("Britain-based")', () => {
    const text = 'A Britain-based Syrian Observatory for Human Rights report said so.';
    fixturePlaces = [place(text, 'Britain', text.indexOf('Britain'))];
    const a = pipeline.analyze({ id: 't', text });
    expect(a.places.map((p) => p.text)).toEqual(['Britain']);
  });
});

// unknown names found by what stands beside them: an apposition headed by a role, an occupation before
// the name, and a full name written before the short form that made it known
const nameCues: [string, Exp[]][] = [
  ['Ilse Drummond, marketing executive at a bakery chain, said sales fell.', [{ text: 'Ilse Drummond', id: 'person:ilse-drummond', kind: 'person' }]],
  ["Orla Teague, the council's deputy chair, told reporters the road was shut.", [{ text: 'Orla Teague', id: 'person:orla-teague', kind: 'person' }]],
  ['The prize went to Mississauga accountant Tunde Adeyemi, 50.', [{ text: 'accountant Tunde Adeyemi', id: 'person:tunde-adeyemi', kind: 'person', name: 'Tunde Adeyemi' }]],
  ['Readers know Dorota Wisniak as an authority on bread. Wisniak says the oven matters most.', [
    { text: 'Dorota Wisniak', id: 'person:dorota-wisniak', kind: 'person' },
    { text: 'Wisniak', at: 1, id: 'person:dorota-wisniak', kind: 'person', name: 'Dorota Wisniak', antecedent: 'Dorota Wisniak' },
  ]],
  // a name, the body it speaks for after "of/from/with/at" (affiliationPrepositions), then a reporting verb
  ['Ghaith al-Masri of the volunteer-run Idlib Relief Office said the road was shut.', [
    { text: 'Ghaith al-Masri', id: 'person:ghaith-al-masri', kind: 'person' },
    { text: 'Idlib Relief Office', id: 'org:idlib-relief-office', kind: 'organization' },
  ]],
];
// an apposition headed by an organisation word stays no person; a place run is not a surname's full name
const nameCueNegatives: [string, Exp[]][] = [
  // negative: without the reporting verb the body proves nothing
  ['Ghaith al-Masri of the Idlib Relief Office visited the camp.', [{ text: 'Idlib Relief Office', id: 'org:idlib-relief-office', kind: 'organization' }]],
  ['Harbour Freight, a company based in the port, said prices rose.', []],
  // one capitalised word after a lower-case "the" before "said" is a body's name, no person; an acronym
  // there is an organisation, and without the article the word is a person
  ['Nobody was hurt, the Vortani said in a message.', []],
  ['Nobody was hurt, the VRT said in a message.', [{ text: 'VRT', id: 'person:vrt', kind: 'organization' }]],
  ['Nobody was hurt, Vortani said in a message.', [{ text: 'Vortani', id: 'person:vortani', kind: 'person' }]],
  // no auxiliary in English (speechAuxiliaries empty): "has accused" after a name marks no person
  ['Tags Belgium Aleppo Russia has accused Belgium of killing people.', []],
];
describe('actors: unknown names by their cues', () => {
  for (const [text, exp] of [...nameCues, ...nameCueNegatives]) it(text, () => check(text, exp));
});

// French: an apposition opened by a French article ("un", "une", "le", "l'"), a reporting verb right before
// the name (data/fr/actors/lexicon.json); an organisation's apposition and a name with no cue stay no person
const frenchNameCues: [string, Exp[]][] = [
  ['Koffi Amenyo, un habitant du quartier, a vu les flammes samedi soir.', [{ text: 'Koffi Amenyo', id: 'person:koffi-amenyo', kind: 'person' }]],
  ["Sandrine Okafor, l’aînée de trois enfants, a quitté la région.", [{ text: 'Sandrine Okafor', id: 'person:sandrine-okafor', kind: 'person' }]],
  // "Nous" is a first-person pronoun (pronounActors): no antecedent
  ['« Nous avons tout perdu », a déclaré Koffi Amenyo devant la mairie.', [
    { text: 'Nous', id: 'pronoun:nous', kind: 'group' },
    { text: 'Koffi Amenyo', id: 'person:koffi-amenyo', kind: 'person' },
  ]],
  // the perfect's auxiliary between the name and the reporting verb (speechAuxiliaries), also after an apposition's comma
  ['Koffi Amenyo a déclaré que le pont était fermé.', [{ text: 'Koffi Amenyo', id: 'person:koffi-amenyo', kind: 'person' }]],
  ['Le maire, Koffi Amenyo, a déclaré que le pont était fermé.', [{ text: 'Koffi Amenyo', id: 'person:koffi-amenyo', kind: 'person' }]],
];
const frenchNameCueNegatives: [string, Exp[]][] = [
  ['Nord Avenir, une association du quartier, a dénoncé les violences.', []],
  ['Koffi Amenyo était au marché samedi soir.', []],
  // an auxiliary before a verb that reports nothing
  ['Koffi Amenyo a quitté la région samedi soir.', []],
  // "de la Santé" before "a annoncé": a ministry's domain, no person
  ['Le ministère palestinien de la Santé a annoncé que 12 personnes avaient été tuées.', []],
];
describe('actors: unknown names by their cues, French', () => {
  for (const [text, exp] of [...frenchNameCues, ...frenchNameCueNegatives]) it(text, () => check(text, exp));
});

// French lexicons (data/fr/actors/): generic agents and force nouns as French reports write them, titles
// before a name, French aliases of the dictionary, populations, a country acting as its government,
// pronouns. Each row has a negative: the same words in another use, or the construction without its cue.
const frenchRows: [string, Exp[]][] = [
  ['Les forces gouvernementales ont repris le quartier et des centaines de civils ont fui.', [
    { text: 'forces gouvernementales', id: 'generic:government', kind: 'group', generic: true },
    { text: 'civils', id: 'generic:civilian', kind: 'group', generic: true },
  ]],
  ['Les djihadistes et les miliciens ont attaqué le camp de déplacés.', [
    { text: 'djihadistes', id: 'generic:jihadist', kind: 'group', generic: true },
    { text: 'miliciens', id: 'generic:militia', kind: 'group', generic: true },
    { text: 'déplacés', id: 'generic:displaced', kind: 'group', generic: true },
  ]],
  // the nationality or side after the force noun (French word order: Language.adjectivesFollowNouns)
  ["L'armée malienne a repris Kidal.", [{ text: 'armée malienne', id: 'forces:ML:armee', kind: 'group' }]],
  ['Les troupes russes et syriennes ont bombardé la ville.', [{ text: 'troupes russes et syriennes', id: 'forces:RU:troupes', kind: 'group' }]],
  ['Les forces armées maliennes ont repris la ville.', [{ text: 'forces armées maliennes', id: 'forces:ML:forces-armees', kind: 'group' }]],
  // a force noun with no nationality or side after it
  ["L'armée a affirmé avoir repoussé l'assaut, selon les autorités.", [
    { text: "L'armée", id: 'generic:army', kind: 'group', generic: true },
    { text: 'les autorités', id: 'generic:authorities', kind: 'group', generic: true },
  ]],
  // a French title before a name; the same title with no name is no actor
  ['Le ministre des Affaires étrangères Karim Haddad a rencontré son homologue.', [
    { text: 'ministre des Affaires étrangères Karim Haddad', id: 'person:karim-haddad', kind: 'person', name: 'Karim Haddad', role: 'ministre des Affaires étrangères' },
  ]],
  // "le Premier ministre" back to the person who holds the title
  ['Le Premier ministre Karim Haddad a visité le camp. Le Premier ministre a promis des vivres.', [
    { text: 'Premier ministre Karim Haddad', id: 'person:karim-haddad', kind: 'person', role: 'Premier ministre' },
    { text: 'Le Premier ministre', at: 1, id: 'person:karim-haddad', kind: 'person', antecedent: 'Premier ministre Karim Haddad' },
  ]],
  // French aliases in the dictionary, an acronym in brackets, an elided article before a name
  ["L'Observatoire syrien des droits de l'homme (OSDH) a recensé douze morts. Selon l'ONU, les combats continuent.", [
    { text: "Observatoire syrien des droits de l'homme", id: 'SOHR', kind: 'organization' },
    { text: 'OSDH', id: 'SOHR', kind: 'organization', antecedent: "Observatoire syrien des droits de l'homme" },
    { text: 'ONU', id: 'UN', kind: 'organization', name: 'ONU' },
  ]],
  ['Les Casques blancs ont dégagé les décombres tandis que l’OMS envoyait des médicaments.', [
    { text: 'Casques blancs', id: 'WHITE_HELMETS', kind: 'organization' },
    { text: 'OMS', id: 'WHO', kind: 'organization' },
  ]],
  // a capitalised plural demonym is a population; "ils" points back to it ("leurs", a possessive, is no mention)
  ['Des milliers de Syriens ont regagné leurs maisons. Ils avaient fui en 2015.', [
    { text: 'Syriens', id: 'population:SY', kind: 'group', generic: true },
    { text: 'Ils', id: 'population:SY', kind: 'group', antecedent: 'Syriens' },
  ]],
  // "lui" takes the last person named; "Selon" does not open a name
  ['Koffi Amenyo, un infirmier du quartier, tient la clinique. Les habitants lui font confiance.', [
    { text: 'Koffi Amenyo', id: 'person:koffi-amenyo', kind: 'person' },
    { text: 'habitants', id: 'generic:resident', kind: 'group', generic: true },
    { text: 'lui', id: 'person:koffi-amenyo', kind: 'person', antecedent: 'Koffi Amenyo' },
  ]],
  ['Selon Amira Haddad, porte-parole de l’Union africaine, les pourparlers reprendront lundi.', [
    { text: 'Amira Haddad', id: 'person:amira-haddad', kind: 'person' },
    { text: 'Union africaine', id: 'AU', kind: 'organization' },
  ]],
];
const frenchNegatives: [string, Exp[]][] = [
  // an adjective, not the generic noun; "une armée de" is no army
  ['Une guerre civile a éclaté il y a dix ans.', []],
  ['Une armée de bénévoles a nettoyé la plage.', []],
  // a lower-case title with no name after it
  ['Le ministre des Affaires étrangères a rencontré son homologue.', []],
  // a common noun that is an alias only when capitalised
  ['Les enfants ont aperçu un observatoire sur la colline.', []],
  // a lower-case demonym is an adjective, no population: after a force noun it gives the force its country
  ['Le gouvernement syrien a fermé la frontière.', [{ text: 'gouvernement syrien', id: 'forces:SY:gouvernement', kind: 'group' }]],
  // "il" (also impersonal: "il y a") and "elle" are not read as persons
  ['Il y a deux ans, elle tenait la clinique.', []],
  // a sentence-opening preposition and month are no name
  ['Selon Mars, les pluies ont cessé.', []],
];
describe('actors: French lexicons', () => {
  for (const [text, exp] of [...frenchRows, ...frenchNegatives]) it(text, () => check(text, exp));
  it('a French country followed by a verb acts as its government, with its article ("La Turquie a condamné")', () => {
    const text = 'La Turquie a condamné l’attaque.';
    fixturePlaces = [{ ...place(text, 'Turquie', text.indexOf('Turquie')), kind: 'country', country: 'TR' }];
    const a = pipeline.analyze({ id: 't', text });
    expect(a.actors.map((x) => [x.text, x.id, x.kind])).toEqual([['La Turquie', 'gov:TR', 'organization']]);
  });
  it('a French country followed by no verb stays a place only', () => {
    const text = 'La Turquie, pays voisin, accueille des milliers de familles.';
    fixturePlaces = [{ ...place(text, 'Turquie', text.indexOf('Turquie')), kind: 'country', country: 'TR' }];
    const a = pipeline.analyze({ id: 't', text });
    expect(a.actors.map((x) => x.id)).toEqual([]);
  });
});

// French speakers and claim sources named by a role or force noun come out as actors (the whole pipeline:
// the statement's speaker and the claim's source carry the actor's id); a source that names no one does not
describe('actors: French speakers and sources are actors', () => {
  const speakerRows: [string, string | null][] = [
    ["L'armée a affirmé avoir repris le contrôle de la ville.", 'generic:army'],
    ['Les forces gouvernementales ont bombardé le quartier, selon des habitants.', 'generic:resident'],
    ['Un porte-parole de la police a indiqué que trois suspects avaient été arrêtés.', 'generic:police'],
    ["Selon l'État islamique, les frappes ont visé la ville.", 'ISIL'],
    // negative: a rumour is no actor
    ['Selon la rumeur, la ville serait tombée dans la nuit.', null],
  ];
  for (const [text, id] of speakerRows) it(text, async () => {
    const { analyze } = await import('../helpers.js');
    const a = analyze(text, { lang: 'fr' });
    expect(a.statements.map((s) => s.speaker?.actorId ?? null)).toEqual([id]);
  });
  const sourceRows: [string, string | null][] = [
    ['Selon les autorités, au moins 20 civils ont été tués dans l’attaque.', 'generic:authorities'],
    ["D'après l'Observatoire syrien des droits de l'homme, 15 combattants ont été tués.", 'SOHR'],
    ['Selon l’ONU, 40 civils ont été blessés dans les bombardements.', 'UN'],
    // negative: a source that is no actor
    ['Selon un bilan provisoire, 12 personnes ont été tuées.', null],
  ];
  for (const [text, id] of sourceRows) it(text, async () => {
    const { analyze } = await import('../helpers.js');
    const a = analyze(text, { lang: 'fr' });
    expect(a.claims.map((c) => c.source?.actorId ?? null)).toEqual([id]);
  });
});

// a dictionary entry with national branches ("Red Cross", "Red Crescent", "Civil Defence"): after another
// country's name or demonym the alias names that country's own body (French: the demonym after it)
describe('actors: national branches of an international body', () => {
  const rows: [string, string | undefined, [string, string, string | null][]][] = [
    ['The Kenya Red Cross said 11 people were missing.', undefined, [['Kenya Red Cross', 'org:kenya-red-cross', 'KE']]],
    ['The Turkish Red Crescent sent tents.', undefined, [['Turkish Red Crescent', 'org:turkish-red-crescent', 'TR']]],
    ['Le Croissant-Rouge turc a envoyé des tentes.', 'fr', [['Croissant-Rouge turc', 'org:croissant-rouge-turc', 'TR']]],
    // a country's name after the alias in English too: a national section
    ['Amnesty Kenya said the police fired live rounds.', undefined, [['Amnesty Kenya', 'org:amnesty-kenya', 'KE'], ['police', 'generic:police', null]]],
    // negative: a country later in the sentence is not the section's
    ['Amnesty said the march in Kenya was peaceful.', undefined, [['Amnesty', 'AMNESTY', null]]],
    // negative: the alias alone, and the entry's own country, are the entry
    ['The Red Cross said 11 people were missing.', undefined, [['Red Cross', 'ICRC', null]]],
    ['The Syrian Red Crescent sent tents.', undefined, [['Syrian Red Crescent', 'SARC', 'SY']]],
    // the short alias in a report about another country: that country's own body ("the Red Crescent" in Libya)
    ['Floods hit Derna and Benghazi. The Red Crescent said 90 people were missing.', undefined, [['Red Crescent', 'org:red-crescent:LY', 'LY']]],
    // negative: in a report about the entry's own country, and the full name anywhere, it is the entry
    ['Shells hit Douma and Harasta. The Red Crescent said 9 people were missing.', undefined, [['Red Crescent', 'SARC', 'SY']]],
    ['Floods hit Derna and Benghazi. The Syrian Arab Red Crescent sent tents.', undefined, [['Syrian Arab Red Crescent', 'SARC', 'SY']]],
  ];
  for (const [text, lang, want] of rows) it(text, async () => {
    const { analyze } = await import('../helpers.js');
    const a = analyze(text, lang ? { lang } : {});
    expect(a.actors.map((x) => [x.text, x.id, x.country ?? null])).toEqual(want);
  });
  it('"Croix" of the dictionary\'s "Croix-Rouge" is no place, while "US" of "US-led" stays one', async () => {
    const { analyze } = await import('../helpers.js');
    expect(analyze('La Croix-Rouge a indiqué que 12 personnes avaient été blessées.', { lang: 'fr' }).places).toEqual([]);
    expect(analyze('Ten civilians died in US-led coalition strikes near Raqqa.').places.map((p) => p.text)).toEqual(['US', 'Raqqa']);
  });
});

// an organisation's head goes on over "of/for X" ("the Law Society of Kenya"), so the country is not read as a
// speaker of its own; not after a locative preposition (a facility, which is a place) nor in a title-case line
describe('actors: an organisation head and its remit', () => {
  it.each<[string, string[]]>([
    ['The Law Society of Kenya said 50 people had been abducted.', ['Law Society of Kenya']],
    ['The Relief Committee for Iraq said 12 people died.', ['Relief Committee for Iraq']],
    ['The Kenya National Commission on Human Rights said 23 people were killed.', ['Kenya National Commission on Human Rights']],
    // negative: a day after "on" is no remit
    ['The Interior Ministry on Monday said 12 people died.', ['Interior Ministry']],
    // the possessive of a members' word stays inside the name (possessiveNameWords)
    ["The Kantbalu People's Defence Force said 100 homes burned.", ["Kantbalu People's Defence Force"]],
    // negative: another possessive ends the name
    ["The Kantbalu Council's statement said 100 homes burned.", ['Kantbalu Council']],
    // negative: after "to the" the name is a facility's; in title case capitals say nothing
    ['The mayor was taken to the Medical University of Gdansk on Sunday.', ['Medical University']],
    ['Rebel Army Advances Toward Center of Aleppo As Fighting Spreads In North', ['Advances Toward Center']],
    // a country's short name opens an organisation's name ("US Geological Survey"; shortNameDemonyms)
    ['The US Geological Survey said the quake struck at dawn.', ['US Geological Survey']],
    // a natural feature's name is none, even when its first word opens an organisation's ("Red" of "Red Cross")
    ['Drones hit a depot on the Red Sea coast and a bridge over the Red River, the Red Cross said.', ['Red Cross']],
    // a compound modifier opens no name ("US-made"; compoundModifierEndings): a weapon's name is no organisation
    // a heading all in capitals is no organisation; an acronym inside a name still marks one
    ['SITUATION OVERVIEW\nThe dam collapsed after heavy rains.', []],
    ['BC Hydro said 40,000 homes lost power.', ['BC Hydro']],
    ['The rebels fired a US-made TOW missile at the convoy.', []],
    ['The army said its French-built Caesar howitzers hit the depot.', []],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text).actors.filter((x) => x.kind === 'organization').map((x) => x.text)).toEqual(want);
  });
});

// "the Al-Aqsa Martyrs Hospital": a dictionary alias opening a building's name after an article or a locative
// preposition names the building (data: facilityHeads), not the group
describe('actors: an alias opening a building name', () => {
  it.each<[string, string[]]>([
    ['The Al-Aqsa Martyrs Hospital said it received 14 bodies.', ['Al-Aqsa Martyrs Hospital']],
    ['Crowds gathered at the Hamas Street market before dawn.', []],
    // negatives: the group itself, and a headline naming the side before a hospital
    ['Al-Aqsa Martyrs Brigades fighters said they fired at the hospital.', ['Al-Aqsa Martyrs Brigades']],
    ['Hamas fighters were seen near Nasser Hospital on Monday.', ['Hamas']],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text).actors.filter((x) => !x.generic && x.kind !== 'person').map((x) => x.text)).toEqual(want);
  });
});

// "the UN" is the United Nations of our dictionary, not a converted entry that kept its article ("The Un");
// an acronym written with dots inside a longer alias finds that alias ("U.N. refugee agency")
describe('actors: articles and dotted acronyms in dictionary names', () => {
  it.each<[string, string[]]>([
    ['The UN said 40 trucks crossed on Monday.', ['UN']],
    ['Aid from the United Nations reached the camp.', ['UN']],
    ['The U.N. refugee agency said 3,000 people fled.', ['UNHCR']],
    ['Talks at the U.S. State Department ended.', ['STATE_DEPT']],
    ['The United Nations food agency said 300 trucks were waiting.', ['WFP']],
    ['The U.N. migration agency said 700,000 people fled; the UN health agency warned of cholera.', ['IOM', 'WHO']],
    // negative: the acronym alone stays the body it names
    ['Aid from the U.N. and the E.U. reached the camp.', ['UN', 'EU']],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text).actors.filter((x) => x.kind === 'organization').map((x) => x.id)).toEqual(want);
  });
});

// "the Gran Grif gang", "the Lakurawa group": an unknown name between "the" and a lower-case group noun is an
// armed group (data: groupNounsAfterName); not a nationality, a place, a side word or a compound of a place
describe('actors: a named group with a lower-case head', () => {
  it.each<[string, string[]]>([
    ['The Kraze Baryè gang claimed the attack on the market.', ['Kraze Baryè gang']],
    ['Police blamed the Mobondo militia for the killings in Kwamouth.', ['Mobondo militia']],
    ['Gunmen from the Lakurawa group raided two villages on Sunday.', ['Lakurawa group']],
    // negatives
    ['The Lebanese group denied any role in the blast.', []],
    ['An official at the London-based group said the toll rose.', []],
    ['The Takfiri group shelled the village.', []],
    ['Activists of the Save the Children group helped.', []],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text).actors.filter((x) => x.evidence[0].rule === 'actors.name.group-noun').map((x) => x.text)).toEqual(want);
  });
  // French names of armed groups and bodies in the French dictionary
  it.each<[string, string[]]>([
    ['Un comité local accuse les Forces de soutien rapide (FSR) de la frappe.', ['RSF', 'RSF']],
    ["Des combattants de l'État islamique en Afrique de l'Ouest ont attaqué une base.", ['ISWAP']],
    ['La Maison Blanche et les Gardiens de la révolution ont réagi.', ['WHITE_HOUSE', 'IRGC']],
  ])('(fr dictionary) %s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text, { lang: 'fr' }).actors.filter((x) => !x.generic && !x.id.startsWith('generic:')).map((x) => x.id)).toEqual(want);
  });
  // French puts the noun before the name (groupNounsBeforeName)
  it.each<[string, string[]]>([
    ['Des membres du gang Kraze Baryè ont incendié le marché.', ['gang Kraze Baryè']],
    ['La milice Wazalendo a repris le contrôle de la localité.', ['milice Wazalendo']],
    ["Le groupe armé Codeco a revendiqué l'attaque.", ['groupe armé Codeco']],
    // negatives: the noun alone, a place after it
    ["Le groupe armé a revendiqué l'attaque.", []],
    ['Une milice de Bunia a revendiqué le raid.', []],
    // a preposition between the noun and a capitalised word: a place, neither a group's name nor a speaker
    ["Le gang à Pont-Sondé a tiré sur la foule, a annoncé l'ONU.", []],
  ])('(fr) %s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text, { lang: 'fr' }).actors.filter((x) => x.evidence[0].rule === 'actors.name.group-noun').map((x) => x.text)).toEqual(want);
  });
  it('(fr) takes no place before ", a annoncé X" as a speaker', async () => {
    const { analyze } = await import('../helpers.js');
    const text = "Soixante personnes ont été tuées jeudi à Pont-Sondé, a annoncé l'ONU.";
    expect(analyze(text, { lang: 'fr' }).actors.filter((x) => x.kind === 'person').map((x) => x.text)).toEqual([]);
  });
});

// "junta" is a force noun naming a body: "Myanmar's junta", "the military junta" act and speak
describe('actors: a junta', () => {
  it.each<[string, string[]]>([
    ["Myanmar's junta said 23 rebels were killed.", ["Myanmar's junta"]],
    ["Niger's military junta closed the border.", ["Niger's military junta"]],
    // negative: the word alone, with no country or side, is no actor
    ['The word junta comes from Spanish.', []],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text).actors.filter((x) => /junta/.test(x.text)).map((x) => x.text)).toEqual(want);
  });
});

// a news outlet of our dictionary named like a place is the outlet ("told Al Jazeera"), unless the
// article makes that name a place by a cue somewhere ("the town of Al Mayadeen ... Al Mayadeen has been"):
// then every mention is the place. A demonym opening a compound is no given name ("Russian-backed").
describe('actors: outlets named like places, demonyms in compounds', () => {
  it.each<[string, string, string[], string[]]>([
    ['en', 'The commander told Al Jazeera by phone that the road was cut.', ['Al Jazeera'], []],
    ['en', 'The colonel spoke to Al Mayadeen television after the raid on Deir ez-Zor.', ['Al-Mayadeen'], ['Deir ez-Zor']],
    ['en', 'Asharq Al-Awsat and Enab Baladi reported the raid, the Kyiv Independent said.', ['Asharq Al-Awsat', 'Enab Baladi', 'Kyiv Independent'], []],
    ['fr', 'Selon Le Figaro et Jeune Afrique, dix rebelles ont été tués.', ['Le Figaro', 'Jeune Afrique'], []],
    // negative: the town, cued once, is the town in every mention
    ['en', 'Jets struck the town of Al Mayadeen on Monday. Al Mayadeen has been besieged since May.', [], ['Al Mayadeen', 'Al Mayadeen']],
    ['en', 'Russian-backed forces shelled the town, and Syrian-made rockets hit the camp.', [], []],
    // "state" after a name is a noun unless "that" follows: no person "Jewish", "Syrias"
    ['en', 'The Jewish state responded, and Syrias state television said the talks failed.', ['Syrian state television'], []],
    ['en', 'Moreno states that the vote was fair.', ['Moreno'], []],
    // negative: a place the gazetteer does not know, guessed from "in", leaves our company a company
    ['en', 'Tesla said sales rose. Analysts are big believers in Tesla.', ['Tesla', 'Tesla'], []],
    // an agency named by its short name in a dateline or after "told" is the agency, not a place named so
    ['en', 'March 3 (Saba) - A health official told Saba that the clinic was hit.', ['Saba news agency', 'Saba news agency'], []],
  ])('%s: %s', async (lang, text, orgs, places) => {
    const { Pipeline } = await import('../../src/pipeline/pipeline.js');
    const a = new Pipeline().analyze({ id: 't', text, lang });
    expect(a.actors.filter((x) => x.kind === 'organization' || x.kind === 'person').map((x) => x.name)).toEqual(orgs);
    expect(a.places.map((p) => p.text)).toEqual(places);
  });
});

// a person's surname alias right after another given name ("Colonel Turki al-Maliki") is another person, not the
// dictionary's holder of the surname; after a title or the holder's own given name it is the holder
describe('actors: a surname shared by another person', () => {
  it.each<[string, string[]]>([
    ['A coalition spokesman, Colonel Turki al-Maliki, said the review had begun.', ['person:turki-al-maliki']],
    ['Brigadier Turki al-Maliki spoke in Riyadh.', ['person:turki-al-maliki']],
    // negatives: the holder's full name, a title before the surname, the surname alone later
    ['Prime Minister Nouri al-Maliki spoke in Baghdad. Maliki said the vote would go ahead.', ['pe:nuri-al-maliki', 'pe:nuri-al-maliki']],
    ['Prime Minister Maliki spoke in Baghdad.', ['pe:nuri-al-maliki']],
    // the holder's given name spelled one letter apart is still the holder
    ['Prime Minister Nuri al-Maliki spoke in Baghdad. Later Nouri al-Maliki left for Najaf.', ['pe:nuri-al-maliki', 'pe:nuri-al-maliki']],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text).actors.filter((x) => x.kind === 'person').map((x) => x.id)).toEqual(want);
  });
});

// a person's alias that ends a longer place name is part of the place ("the Dahiyet al-Assad district")
describe('actors: an alias inside a place name', () => {
  it.each<[string, string[]]>([
    ['Rebels advanced in the Dahiyet al-Assad district of Aleppo on Friday.', []],
    // negative: the person named on his own
    ['President Bashar al-Assad visited the district of Aleppo on Friday.', ['person:bashar-al-assad']],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    expect(analyze(text).actors.filter((x) => x.kind === 'person').map((x) => x.id)).toEqual(want);
  });
});

// a bracketed acronym defines the name whose words' initials spell it: lower-case words count (French "Forces de
// soutien rapide (FSR)"), a translated name may spell it in another order ("National Front for the Defence of the
// Constitution (FNDC)"), a shorter name found inside gives way, and an acronym the dictionary knows names its entry
describe('actors: a name defined by a bracketed acronym', () => {
  it.each<[string, string[]]>([
    ['Le Front national pour la défense de la Constitution (FNDC) a appelé à manifester.', ['org:front-national-pour-la-defense-de-la-constitution']],
    ['Marchers answered the call of the National Front for the Defence of the Constitution (FNDC) on Monday.', ['org:national-front-for-the-defence-of-the-constitution']],
    ['Figures from the Syrian Observatory of Human Rights (SOHR) were higher.', ['SOHR']],
    ['The Lakeside Herders Voice (LHV) said the canal was dry.', ['org:lakeside-herders-voice']],
    // negatives: initials that spell another acronym, and a name of two words in the wrong order
    ['The Lakeside Herders Voice (LHX) said the canal was dry.', []],
    ['Officials of Water Highland (HW) said the canal was dry.', []],
  ])('%s', async (text, want) => {
    const { analyze } = await import('../helpers.js');
    const ids = analyze(text).actors.filter((x) => x.evidence[0].rule === 'actors.name.acronym-defined').map((x) => x.id);
    expect(ids).toEqual(want);
  });
});
