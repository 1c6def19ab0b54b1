// framing stage: rows [sentence, expected terms]. Expected offsets are the first occurrence of the quoted
// text in the sentence (start) and start + length (end).
import { describe, expect, it } from 'vitest';
import { emptyAnalysis, type Actor } from '../../src/core/types.js';
import { Resources } from '../../src/pipeline/resources.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { framingStage, compileFramingLexicon, loadFramingLexicon } from '../../src/stages/framing/index.js';
import { english, french } from '../../src/lang/index.js';
import { readFileSync } from 'node:fs';

const resources = new Resources();

/** [text, category, target, neutral or null, rule] */
type Exp = [text: string, category: string, target: string, neutral: string | null, rule: string];

function run(text: string, actors: Actor[] = [], lang?: string) {
  const a = emptyAnalysis({ id: 't', text, ...(lang ? { lang } : {}) });
  sentencesStage.run(a, resources);
  a.actors = actors;
  framingStage.run(a, resources);
  return a.framing;
}

const rows: [string, Exp[]][] = [
  // labels for the armed opposition
  ['Terrorists fired rockets at the city', [['Terrorists', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.terrorists']]],
  ['The foreign-sponsored militants withdrew from the district', [
    ['foreign-sponsored', 'label-sponsorship', 'armed-opposition', null, 'framing.foreign-sponsored'],
    ['militants', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.militants'],
  ]],
  ['Rebels said they repelled the attack', [['Rebels', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.rebels']]],
  ['Moderate rebels received new weapons', [['Moderate rebels', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.moderate-rebels']]],
  // each label counts on its own
  ['Takfiri terrorists shelled the village', [
    ['Takfiri', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.takfiris'],
    ['terrorists', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.terrorists'],
  ]],
  ['Gunmen opened fire on the checkpoint', [['Gunmen', 'label-opposition', 'armed-opposition', 'armed men', 'framing.gunmen']]],
  ['Opposition fighters left the rebel-held town', [
    ['Opposition fighters', 'label-opposition', 'armed-opposition', 'armed opposition groups', 'framing.opposition-fighters'],
    ['rebel-held', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.rebels'],
  ]],
  ['Jihadists and extremists joined the insurgents', [
    ['Jihadists', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.jihadists'],
    ['extremists', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.extremists'],
    ['insurgents', 'label-opposition', 'armed-opposition', 'armed groups', 'framing.insurgents'],
  ]],
  ['Mercenaries from abroad were seen', [['Mercenaries', 'label-opposition', 'armed-opposition', 'foreign fighters', 'framing.mercenaries']]],
  // labels for the government side
  ['The Assad regime bombed the market', [['Assad regime', 'label-government', 'government', 'Syrian government', 'framing.assad-regime']]],
  ['Regime forces advanced on the town', [['Regime forces', 'label-government', 'government', 'government', 'framing.regime']]],
  ['The Syrian Arab Army retook the hill', [['Syrian Arab Army', 'label-government', 'government', 'Syrian army', 'framing.syrian-arab-army']]],
  ['Loyalists celebrated in the streets', [['Loyalists', 'label-government', 'government', 'pro-government forces', 'framing.loyalists']]],
  ['Pro-government forces entered the district', [['Pro-government forces', 'label-government', 'government', 'government', 'framing.government']]],
  ['The army said the road was open', [['army', 'label-government', 'government', 'Syrian army', 'framing.army']]],
  // loaded verbs and nouns, distancing
  ['Troops liberated the town after a week of fighting', [['liberated', 'loaded-verb', 'territorial-control', 'captured', 'framing.liberated']]],
  ['Three fighters were martyred in the attack', [['martyred', 'loaded-verb', 'death', 'killed', 'framing.martyred']]],
  ['Witnesses described a massacre in the village', [['massacre', 'loaded-noun', 'death', 'killing', 'framing.massacre']]],
  ['Families were slaughtered in their homes', [['slaughtered', 'loaded-verb', 'death', 'killed', 'framing.slaughtered']]],
  ['The so-called observatory published a new toll', [['so-called', 'distancing', 'naming', null, 'framing.so-called']]],
  ['They resisted the occupation of their land', [['occupation', 'loaded-verb', 'territorial-control', 'held', 'framing.occupied']]],
  // names for the Islamic State group
  ['Daesh fighters attacked the base', [['Daesh', 'label-islamic-state', 'islamic-state', 'Islamic State', 'framing.daesh']]],
  ['IS claimed the attack on its news agency', [['IS', 'label-islamic-state', 'islamic-state', 'Islamic State', 'framing.islamic-state']]],
  ['The so-called Islamic State lost the town', [
    ['so-called', 'distancing', 'naming', null, 'framing.so-called'],
    ['Islamic State', 'label-islamic-state', 'islamic-state', 'Islamic State', 'framing.islamic-state'],
  ]],
  ['The al-Qaeda-linked group seized the hill', [['al-Qaeda-linked', 'label-association', 'armed-opposition', null, 'framing.qaeda-linked']]],
  ['Fighters of the resistance movement entered the town', [['resistance movement', 'label-government-ally', 'government-allies', 'allied militias', 'framing.resistance']]],
  ['Washington responded to the alleged chemical attack', [['alleged', 'hedge', 'claim', null, 'framing.alleged']]],
  ['Troops eliminated dozens of fighters', [['eliminated', 'loaded-verb', 'death', 'killed', 'framing.eliminated']]],
  ['Six fighters were sent to hell in the exchange', [['sent to hell', 'loaded-verb', 'death', 'killed', 'framing.eliminated']]],
  // negative cases
  ['The deal is meant to eliminate chemical weapons', []],
  ['Damascus said it had eliminated its chemical weapons', []],
  ['All the hospital beds were occupied by the wounded', []],
  ['The Turkish government closed the border', []],
  ['The ministry is studying the proposal', []],
  ['The Free Syrian Army said it shot down a drone', []],
  ['The Lebanese army closed the border crossing', []],
  ['The sanctions regime was extended for a year', []],
  ['Aid workers delivered food to the families', []],
  ['Civilians captured on camera fled the area', []],
];

// French (data/fr/framing.json): our own sentences, same ids and targets as English, with the
// negative rows (a hostage freed, a foreign army, a sanctions regime, a car's occupants).
const frRows: [string, Exp[]][] = [
  ['Les terroristes ont attaqué un poste militaire près de Deraa.', [['terroristes', 'label-opposition', 'armed-opposition', 'groupes armés', 'framing.terrorists']]],
  ['Des djihadistes liés à al-Qaïda ont été neutralisés dans la région de Mopti.', [
    ['djihadistes', 'label-opposition', 'armed-opposition', 'groupes armés', 'framing.jihadists'],
    ['liés à al-Qaïda', 'label-association', 'armed-opposition', null, 'framing.qaeda-linked'],
    ['neutralisés', 'loaded-verb', 'death', 'tués', 'framing.eliminated'],
  ]],
  ['Les rebelles modérés ont quitté la zone tenue par les rebelles.', [
    ['rebelles modérés', 'label-opposition', 'armed-opposition', 'groupes armés', 'framing.moderate-rebels'],
    ['tenue par les rebelles', 'label-opposition', 'armed-opposition', 'groupes armés', 'framing.rebels'],
  ]],
  ['Les insurgés ont repris deux villages.', [['insurgés', 'label-opposition', 'armed-opposition', 'groupes armés', 'framing.insurgents']]],
  ['Les forces du régime ont libéré la ville après dix jours de combats.', [
    ['forces du régime', 'label-government', 'government', 'gouvernement', 'framing.regime'],
    ['libéré', 'loaded-verb', 'territorial-control', 'pris', 'framing.liberated'],
  ]],
  ['Le régime de Bachar al-Assad a nié toute responsabilité.', [['régime de Bachar al-Assad', 'label-government', 'government', 'gouvernement syrien', 'framing.assad-regime']]],
  ['Des miliciens pro-régime ont tiré sur la foule.', [['pro-régime', 'label-government', 'government', 'forces gouvernementales', 'framing.loyalists']]],
  ['L’Armée arabe syrienne a repris la colline.', [['Armée arabe syrienne', 'label-government', 'government', 'armée syrienne', 'framing.syrian-arab-army']]],
  ['Cinq combattants sont tombés en martyrs lors de l’assaut.', [['tombés en martyrs', 'loaded-verb', 'death', 'tués', 'framing.martyred']]],
  ['Des témoins ont décrit un massacre dans le village.', [['massacre', 'loaded-noun', 'death', 'tuerie', 'framing.massacre']]],
  ['Le soi-disant État islamique a perdu la ville.', [
    ['soi-disant', 'distancing', 'naming', null, 'framing.so-called'],
    ['État islamique', 'label-islamic-state', 'islamic-state', 'État islamique', 'framing.islamic-state'],
  ]],
  ['Daech a revendiqué l’attaque, selon un communiqué de l’EI.', [
    ['Daech', 'label-islamic-state', 'islamic-state', 'État islamique', 'framing.daesh'],
    ['EI', 'label-islamic-state', 'islamic-state', 'État islamique', 'framing.islamic-state'],
  ]],
  ['Les auteurs présumés de l’attaque chimique ont fui.', [['présumés', 'hedge', 'claim', null, 'framing.alleged']]],
  ['Le gouvernement a fermé la frontière.', [['gouvernement', 'label-government', 'government', 'gouvernement', 'framing.government']]],
  // negative rows
  ['Trois otages ont été libérés mardi soir.', []],
  ['Les rebelles ont libéré deux journalistes.', [['rebelles', 'label-opposition', 'armed-opposition', 'groupes armés', 'framing.rebels']]],
  ['L’armée turque et l’Armée syrienne libre ont pris la ville.', []],
  ['Le gouvernement français a fermé son ambassade.', []],
  ['Le régime de sanctions a été prolongé d’un an.', []],
  ['Les occupants du véhicule ont été blessés.', []],
  ['Tous les lits de l’hôpital sont occupés par des blessés.', []],
  ['Les défenseurs des droits humains ont dénoncé les arrestations.', []],
  ['L’accord vise à éliminer les armes chimiques du pays.', []],
  // English words are no French forms; a lower-case "ei" is no name (EI is matched as written)
  ['Terrorists fired rockets at the city', []],
  ['ei', []],
];

describe('framing', () => {
  it.each(rows)('%s', (text, expected) => {
    const got = run(text);
    expect(got.map((f) => [f.text, f.category, f.target, f.neutral ?? null, f.evidence[0].rule])).toEqual(expected);
    got.forEach((f, i) => {
      const at = text.indexOf(expected[i][0]);
      expect([f.start, f.end]).toEqual([at, at + expected[i][0].length]);
      expect(f.evidence[0].span).toEqual({ start: f.start, end: f.end });
    });
  });

  it.each(frRows)('fr: %s', (text, expected) => {
    const got = run(text, [], 'fr');
    expect(got.map((f) => [f.text, f.category, f.target, f.neutral ?? null, f.evidence[0].rule])).toEqual(expected);
    got.forEach((f, i) => {
      const at = text.indexOf(expected[i][0]);
      expect([f.start, f.end]).toEqual([at, at + expected[i][0].length]);
    });
  });

  it('French terms are not read in an English text', () => {
    expect(run('Les terroristes ont attaqué un poste militaire près de Deraa.')).toEqual([]);
  });

  it('the French lexicon names only ids and targets the English one has (the board files them alike)', () => {
    const en = JSON.parse(readFileSync(english.data('framing.json'), 'utf8')) as { terms: { id: string; target: string; category: string }[] };
    const fr = JSON.parse(readFileSync(french.data('framing.json'), 'utf8')) as { terms: { id: string; target: string; category: string }[] };
    const byId = new Map(en.terms.map((t) => [t.id, t]));
    for (const t of fr.terms) expect([t.id, t.target, t.category]).toEqual([t.id, byId.get(t.id)?.target, byId.get(t.id)?.category]);
    expect(loadFramingLexicon(french).forms).toBeTruthy();
  });

  it('skips a term inside a longer actor name ("Army of the Mujahideen")', () => {
    const text = 'The Army of the Mujahideen took the airbase';
    const actor: Actor = { start: 4, end: 26, text: 'Army of the Mujahideen', id: 'army-of-the-mujahideen', name: 'Army of the Mujahideen', kind: 'group', evidence: [] };
    expect(run(text, [actor])).toEqual([]);
    expect(run(text).map((f) => f.text)).toEqual(['Army']);
  });

  it('rejects a data file listing one form under two terms', () => {
    const bad = { source: 's', about: 'a', categories: { x: 'x' }, terms: [
      { id: 'a', forms: ['rebels'], category: 'x', target: 't', neutral: '' },
      { id: 'b', forms: ['Rebels'], category: 'x', target: 't', neutral: '' },
    ] };
    expect(() => compileFramingLexicon(bad)).toThrow(/listed under both/);
  });

  it('loads the shipped lexicon', () => {
    expect(loadFramingLexicon().forms).toBeTruthy();
  });
});
