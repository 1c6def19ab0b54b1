// Events through the whole pipeline, on our own sentences: one fixture for every event type, and
// movements with origin and destination.
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';
import { fatalities, loadEventLexicon } from '../../src/stages/events/index.js';
import type { Claim } from '../../src/core/types.js';
import { english, french } from '../../src/lang/index.js';
import { isAlly, governmentName, participants, rolesOf } from '../../src/stages/events/roles.js';
import { listedPlaces } from '../../src/stages/events/draft.js';
import { EVENT_WORD_CLASSES } from '../../src/stages/events/lexicon.js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Gazetteer names carry diacritics ("Maḑāyā"): compare without them. */
const plain = (s?: string | null) => (s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

const subtypes = (text: string) => analyze(text, { published: '2024-03-12' }).events.map((e) => `${e.type} / ${e.subtype}`);

describe('event types', () => {
  it.each([
    ['Rebels and government troops clashed on the outskirts of Hama on Monday.', 'Battles / Armed clash'],
    ['The army recaptured the town of Saraqib from rebels on Sunday, state media said.', 'Battles / Government regains territory'],
    ['Islamic State fighters seized the village of Tal Abyad after a night of fighting.', 'Battles / Non-state actor overtakes territory'],
    ['Jets from the coalition bombed a fuel depot outside Ariha on Monday.', 'Explosions/Remote violence / Air/drone strike'],
    ['Government artillery shelled residential districts of Douma overnight.', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['An attacker wearing an explosive vest set off his suicide vest at a checkpoint in Qamishli.', 'Explosions/Remote violence / Suicide bomb'],
    ['A roadside bomb exploded near a police patrol in Daraa.', 'Explosions/Remote violence / Remote explosive/landmine/IED'],
    ['Residents of Saraqib described a chemical attack that left dozens choking.', 'Explosions/Remote violence / Chemical weapon'],
    ['Gunmen kidnapped two aid workers on the road to Azaz.', 'Violence against civilians / Abduction/forced disappearance'],
    ['Militiamen executed nine civilians in a village near Homs.', 'Violence against civilians / Attack'],
    // an armed group that attacked a place with a toll; soldiers killed make it a fight between armed sides
    ['Gunmen attacked a village in Zamfara on Sunday, killing 15 people.', 'Violence against civilians / Attack'],
    ['Militants attacked an army post in Borno on Sunday, killing 12 soldiers.', 'Battles / Armed clash'],
    // killed by an armed group: an attack, a clash when the dead were armed
    ['At least 12 civilians were killed by gunmen in Zamfara on Sunday.', 'Violence against civilians / Attack'],
    ['Two soldiers were killed by militants near Gao on Monday.', 'Battles / Armed clash'],
    ['Hundreds of people held a protest in the centre of Suwayda on Friday.', 'Protests / Peaceful protest'],
    ['Rioters set fire to the municipal building in Sweida and threw stones at the police.', 'Riots / Violent demonstration'],
    ['Security forces arrested 14 activists in Damascus, a rights group said.', 'Strategic developments / Arrests'],
    ['The two sides signed a ceasefire agreement in Astana on Thursday.', 'Strategic developments / Agreement'],
    ['Fighters looted shops in the old market of Afrin.', 'Strategic developments / Looting/property destruction'],
    ['Hundreds of families fled Maarat al-Numan toward the Turkish border.', 'Movements / Displacement'],
    ['About 300 displaced families returned to their homes in Khan Shaykhun.', 'Movements / Return'],
  ])('%s → %s', (text, expected) => {
    expect(subtypes(text)).toContain(expected);
  });

  it('is not an agreement when a deal is only the background ("under the deal")', () => {
    expect(subtypes('Under the deal, the families of fighters were allowed to stay in their homes.').join()).not.toMatch(/Agreement/);
  });

  it('reads "attacked" as an attack only with a toll, an armed group and no other trigger in the sentence', () => {
    // no toll, no armed group: no event; a suicide bomber who attacked is one suicide bombing
    expect(subtypes('Critics attacked the budget, saying 12 schools would close.')).toEqual([]);
    expect(subtypes('Gunmen attacked a village in Zamfara on Sunday.').join()).not.toMatch(/Attack/);
    expect(subtypes('At least 17 people were killed when a suicide bomber attacked a post in Anbar.')).toEqual(['Explosions/Remote violence / Suicide bomb']);
    // killed by something that is no armed group: no attack
    expect(subtypes('He was killed by a falling tree in Kani on Monday.').join()).not.toMatch(/Attack/);
  });
  it('makes the crowd actor 1 of a clash with the police that is a riot', () => {
    for (const [text, lang] of [['Police and protesters clashed in Nairobi on Tuesday.', 'en'], ["Des heurts ont opposé manifestants et forces de l'ordre mardi à Nantes.", 'fr']] as const) {
      const e = analyze(text, { lang, published: '2024-03-12' }).events.find((x) => x.type === 'Riots');
      expect(e?.actor1?.name).toBe('protester');
      expect(e?.actor2?.name).toBe('police');
    }
    // negative: two armed sides stay as they were
    const b = analyze('Government troops clashed with rebels near Bria on Tuesday.', { published: '2024-03-12' }).events.find((x) => x.type === 'Battles');
    expect(b?.actor1?.name).toMatch(/troop|government/i);
  });
  it('calls weapons seized with no place taken a disrupted weapons use, not territory', () => {
    expect(subtypes('Security forces seized a large cache of weapons in Balochistan on Sunday.')).toEqual(['Strategic developments / Disrupted weapons use']);
    // negative: villages taken along with ammunition stay territory taken
    expect(subtypes('Rebels seized three villages and some ammunition near Sake on Sunday.').join()).toMatch(/territory/);
  });
  it('does not call a police raid an air strike', () => {
    expect(subtypes('Police raids on three flats in the capital found no weapons.').join()).not.toMatch(/Air\/drone/);
  });
});

describe('movements', () => {
  it('gives origin, destination, how many and by what, across sentences', () => {
    const a = analyze(
      'Twelve buses carrying 600 civilians left the besieged town of Madaya on Tuesday. ' +
        'The convoy was expected to arrive in Idlib later in the day, the Red Crescent said.',
      { published: '2024-03-12' },
    );
    const moves = a.events.filter((e) => e.type === 'Movements');
    expect(moves).toHaveLength(1);
    const m = moves[0];
    expect(m.subtype).toBe('Evacuation');
    expect(plain(m.origin?.name)).toBe('madaya');
    expect(plain(m.destination?.name)).toBe('idlib');
    const cats = m.claims.map((i) => a.claims[i].category).sort();
    expect(cats).toEqual(['displaced', 'vehicles']);
    expect(m.date).toBe('2024-03-12');
  });

  it('keeps two movements from different origins apart', () => {
    const a = analyze(
      'About 2,000 people were evacuated from Zabadani on Monday. Separately, 500 people fled Darayya after heavy shelling.',
      { published: '2024-03-12' },
    );
    const origins = a.events.filter((e) => e.type === 'Movements').map((e) => plain(e.origin?.name));
    expect(origins).toEqual(['az zabadani', 'darayya']);
  });
});

describe('a killing told as the toll of a strike before it in the clause is no happening of its own', () => {
  it.each<[string, string[]]>([
    ['A drone strike on the hideout killed 14 militants, the army said.', ['Explosions/Remote violence / Air/drone strike']],
    ['Coalition air strikes on the province have killed more than 30 jihadists since Sunday.', ['Explosions/Remote violence / Air/drone strike']],
    // negative: no trigger before the killing: the killers are its subject
    ['Security forces killed 20 militants in a forest near Maiduguri on Monday.', ['Battles / Armed clash']],
  ])('%s', (text, expected) => {
    expect(subtypes(text)).toEqual(expected);
  });
});

describe('the side blamed for a violent happening acted (blameVerbs, blamePreps)', () => {
  it.each<[string, string, string | null, string | null]>([
    ['Nine villagers were killed in an attack on Kabirou on Friday, the governor said, blaming the massacre on bandits.', 'en', 'bandit', 'resident'],
    ['A roadside bomb killed four soldiers near Gao on Monday. Officials blamed the bombing on jihadists.', 'en', 'jihadist', 'soldier'],
    ["Une bombe artisanale a tué quatre soldats lundi près de Gao. Les autorités ont imputé l'attaque à des jihadistes.", 'fr', 'jihadist', 'soldier'],
    // negative: blame for something else, in a sentence that tells another happening, is not this one's
    ['A roadside bomb killed four soldiers near Gao on Monday. Gunmen later torched a school in Ansongo, and officials blamed the fire on looters.', 'en', null, 'soldier'],
  ])('%s', (text, lang, actor1, actor2) => {
    const e = analyze(text, { published: '2024-03-12', lang }).events[0];
    expect(e).toBeDefined();
    expect(e.actor1 ? plain(e.actor1.name).replace(/s$/, '') : null).toBe(actor1);
    expect(e.actor2 ? plain(e.actor2.name).replace(/s$/, '') : null).toBe(actor2);
  });
});

describe('an abduction or a burning told with deaths of its own is an attack (attack_with_deaths)', () => {
  it.each<[string, string]>([
    ['Gunmen stormed a church in Kaduna on Sunday, killing six worshippers and abducting at least 20 others.', 'Violence against civilians / Attack'],
    ['Gunmen torched the village of Kanlan on Tuesday, killing 12 people.', 'Violence against civilians / Attack'],
    // negative: a burning with no deaths destroys property
    ['Junta troops torched the village of Kanlan on Tuesday.', 'Strategic developments / Looting/property destruction'],
    // negative: no deaths, an abduction
    ['Gunmen stormed a church in Kaduna on Sunday and abducted at least 20 worshippers.', 'Violence against civilians / Abduction/forced disappearance'],
  ])('%s', (text, expected) => {
    expect(subtypes(text)).toEqual([expected]);
  });
});

describe('state forces that seize a place regain territory (cascade.state-takes-territory)', () => {
  it.each<[string, string, string]>([
    ['Government forces seized the village of Kafr Nabl on Monday.', 'en', 'Battles / Government regains territory'],
    ["L'armée malienne a pris le contrôle de la ville de Kidal mardi.", 'fr', 'Battles / Government regains territory'],
    // negative: a non-state side overtakes it
    ['Rebels seized the village of Kafr Nabl on Monday.', 'en', 'Battles / Non-state actor overtakes territory'],
    ['The Free Syrian Army captured the town of Jarablus on Monday.', 'en', 'Battles / Non-state actor overtakes territory'],
  ])('%s', (text, lang, expected) => {
    expect(analyze(text, { published: '2024-03-12', lang }).events.map((e) => `${e.type} / ${e.subtype}`)).toEqual([expected]);
  });
});

describe('a strike carried out, delivered or launched, and forces that killed (strike-delivered, armed-kill)', () => {
  it.each<[string, string, string[]]>([
    ['Israeli forces carried out a strike on a house in Rafah on Saturday.', 'en', ['Explosions/Remote violence / Air/drone strike | Israeli forces']],
    ['The Russian Armed Forces delivered a massive strike on energy facilities near Kharkiv on Saturday.', 'en', ['Explosions/Remote violence / Air/drone strike | Russian Armed Forces']],
    ["L'armée israélienne a mené une frappe sur une maison à Rafah samedi.", 'fr', ['Explosions/Remote violence / Air/drone strike | armée israélienne']],
    // state forces that killed another state's soldiers fought them (cascade.armed-both-sides)
    ['Russian forces eliminated up to 60 Ukrainian servicemen near Kupyansk on Saturday.', 'en', ['Battles / Armed clash | Russian forces']],
    // rockets shot down are no shelling: the air defences disrupted them
    ['Russian air defences shot down three rockets over Belgorod on Saturday.', 'en', ['Strategic developments / Disrupted weapons use | Russian air defences']],
    // negative: workers on strike
    ['Dock workers launched a strike in the port of Odesa on Saturday.', 'en', []],
    // a rocket launcher destroyed is a thing, no shelling
    ['Army units destroyed a truck and a rocket launcher near Khan Sheikhoun on Tuesday.', 'en', []],
    // negative: rockets fired from it are
    ['Militants fired rockets from a launcher at Mhardeh on Tuesday.', 'en', ['Explosions/Remote violence / Shelling/artillery/missile attack | militant']],
  ])('%s', (text, lang, expected) => {
    expect(analyze(text, { published: '2024-03-12', lang }).events.map((e) => `${e.type} / ${e.subtype} | ${e.actor1?.name}`)).toEqual(expected);
  });
});

describe('casseurs clashing with the police riot (fr)', () => {
  it('is a violent demonstration with the casseurs acting', () => {
    const e = analyze("Jeudi, des heurts ont opposé des groupes de casseurs aux forces de l'ordre à Lyon.", { published: '2024-03-12', lang: 'fr' }).events[0];
    expect([`${e?.type} / ${e?.subtype}`, e?.actor1?.name]).toEqual(['Riots / Violent demonstration', 'casseurs']);
  });
});

describe('a side joined to the weapon side acted with it', () => {
  it.each<[string, string | undefined]>([
    ['Turkish artillery and coalition jets hit 33 positions near Jarablus on Sunday.', undefined],
    // negative: the side struck after the verb suffered it
    ['Turkish artillery hit Kurdish fighters near Jarablus on Sunday.', 'Kurdish fighters'],
  ])('%s', (text, actor2) => {
    expect(analyze(text, { published: '2024-03-12' }).events[0]?.actor2?.name).toBe(actor2);
  });
});

describe('attackers killed in the pursuit after an attack on civilians', () => {
  it.each<[string, string, string, number]>([
    ["Au moins 17 civils ont été tués samedi soir lors d'une attaque des ADF à Irumu. L'armée a indiqué avoir neutralisé deux assaillants lors d'une poursuite.", 'fr', 'Violence against civilians / Attack', 17],
    ['At least 17 civilians were killed in an attack by gunmen on Irumu on Saturday. Soldiers later killed two of the gunmen.', 'en', 'Violence against civilians / Attack', 17],
    // negative: soldiers the victims, an armed fight
    ['At least 17 soldiers were killed in an attack by gunmen on Irumu on Saturday.', 'en', 'Battles / Armed clash', 17],
  ])('%s', (text, lang, expected, toll) => {
    const es = analyze(text, { published: '2024-03-12', lang }).events;
    expect(es.map((e) => `${e.type} / ${e.subtype}`)).toEqual([expected]);
    expect(es[0].fatalities).toBe(toll);
  });
});

describe('an armed group that stormed a place and killed civilians raided it (cascade.raid-on-civilians)', () => {
  it.each<[string, string, string]>([
    ['Gunmen stormed the village of Tondibi on Saturday, killing 15 people.', 'en', 'Violence against civilians / Attack'],
    // the storming and the shooting of one sentence are one attack
    ['Gunmen stormed the village of Tondibi on Saturday and opened fire on residents.', 'en', 'Violence against civilians / Attack'],
    ["Des hommes armés ont pris d'assaut le village de Tondibi samedi, tuant 15 villageois.", 'fr', 'Violence against civilians / Attack'],
    // negative: soldiers killed, or no victims, and the place is taken
    ['Jihadists seized the town of Tondibi on Saturday, killing 15 soldiers.', 'en', 'Battles / Non-state actor overtakes territory'],
    ['Jihadists stormed the town of Tondibi on Saturday after clashes with soldiers.', 'en', 'Battles / Non-state actor overtakes territory'],
  ])('%s', (text, lang, expected) => {
    expect(analyze(text, { published: '2024-03-12', lang }).events.map((e) => `${e.type} / ${e.subtype}`)).toEqual([expected]);
  });
});

describe('an armed group named as an army is no state force (nonStateArmies)', () => {
  it.each<[string, string, string]>([
    ['Fighters of the Free Syrian Army clashed with soldiers near Daraa on Monday.', 'Free Syrian Army', 'soldier'],
    // negative: a state's army stays the state's side, the rebels the other
    ['Soldiers of the Syrian army clashed with rebels near Daraa on Monday.', 'soldier', 'rebel'],
  ])('%s', (text, actor1, actor2) => {
    const e = analyze(text, { published: '2024-03-12' }).events[0];
    expect([e?.actor1?.name, e?.actor2?.name]).toEqual([actor1, actor2]);
  });
});

describe('rival groups are both sides of their fight (rivalAdjectives)', () => {
  it.each<[string, string, string | null, string | null]>([
    ['At least 20 people were killed in clashes between rival gangs in Port-au-Prince on Friday.', 'en', 'gang', 'gang'],
    ["Au moins vingt personnes ont été tuées vendredi lors d'affrontements entre gangs rivaux à Port-au-Prince.", 'fr', 'gang', 'gang'],
    ['Rival militias clashed in Tripoli on Friday.', 'en', 'militia', 'militia'],
    // negative: a group with no rival word fights the other side named
    ['Militias clashed with the army in Tripoli on Friday.', 'en', 'militia', 'army'],
  ])('%s', (text, lang, actor1, actor2) => {
    const e = analyze(text, { published: '2024-03-12', lang }).events[0];
    expect(e?.type).toBe('Battles');
    expect([e.actor1?.name ?? null, e.actor2?.name ?? null]).toEqual([actor1, actor2]);
  });
});

describe('two triggers of one sentence typed alike at one place are one event', () => {
  it.each<[string, string, string[]]>([
    ["L'armée a affirmé avoir « neutralisé » une dizaine d'assaillants lors d'une opération de ratissage mardi près de Bankass.", 'fr', ['Battles / Armed clash']],
    // negative: places listed after the trigger are one event each
    ['Government artillery shelled Kafr Nabl, Maarat al-Numan and Saraqib overnight.', 'en', ['Explosions/Remote violence / Shelling/artillery/missile attack', 'Explosions/Remote violence / Shelling/artillery/missile attack', 'Explosions/Remote violence / Shelling/artillery/missile attack']],
  ])('%s', (text, lang, expected) => {
    const events = analyze(text, { published: '2024-03-12', lang }).events;
    expect(events.map((e) => `${e.type} / ${e.subtype}`)).toEqual(expected);
    // the sides of both, each once; the army that said it acted is a side
    if (lang === 'fr') expect([events[0].actor1?.name, events[0].actor2?.name]).toEqual(['army', 'assaillants']);
  });
});

describe("an event with no place near it falls back on the article's place, not where it was filed", () => {
  it('takes the place named in the body over the dateline', () => {
    const text = 'GOMA, May 6 (Reuters) - Landslides buried dozens of homes in Uvira overnight. Rescuers dug through mud with their hands. A local chief said the search went on. The aid group said some 3,000 families had been left homeless.';
    const m = analyze(text, { published: '2023-05-06' }).events.find((e) => e.type === 'Movements');
    expect(plain(m?.place?.name)).toBe('uvira');
  });
  it('keeps the dateline when the article names no other place (negative)', () => {
    const text = 'GOMA, May 6 (Reuters) - Heavy rain fell for days. Rescuers dug through mud with their hands. A local chief said the search went on. The aid group said some 3,000 families had been left homeless.';
    const m = analyze(text, { published: '2023-05-06' }).events.find((e) => e.type === 'Movements');
    expect(plain(m?.place?.name)).toBe('goma');
  });
});

describe("a capital named by its country's demonym places an event with no place of its own", () => {
  it.each<[string, string | null, string | null]>([
    ['A suicide bomber killed 23 people at a wedding hall in the Afghan capital on Friday.', 'en', 'kabul'],
    ['Un attentat à la voiture piégée a tué au moins 12 personnes dans la capitale somalienne dimanche.', 'fr', 'mogadishu'],
    ['Jets killed 19 civilians in two farming villages just north of the Syrian capital overnight.', 'en', 'damascus'],
    // negative: a place the sentence names itself wins ("the provincial capital" names no country)
    ['A car bomb killed nine people in Kandahar, the second city after the Afghan capital.', 'en', 'kandahar'],
    ['A car bomb killed nine people in the provincial capital on Sunday.', 'en', null],
  ])('%s', (text, lang, place) => {
    const e = analyze(text, { published: '2024-03-12', lang }).events[0];
    expect(e).toBeDefined();
    expect(e.place ? plain(e.place.name) : null).toBe(place);
    if (place === 'kabul') expect(e.evidence.some((x) => x.rule === 'events.place.capital-by-demonym')).toBe(true);
    // only near it after a proximity phrase
    if (place === 'damascus' || place === 'kabul') expect(e.place!.precision).toBe(place === 'damascus' ? 2 : 1);
  });
});

describe('movements away with no "from": the origin is the place of those who left', () => {
  it.each<[string, string | null, string | null]>([
    ['In Punjab, rescue workers evacuated 300 residents as the river rose on Monday.', 'punjab', null],
    ['More than 2,000 residents of villages near Kidapawan have been relocated to schools on higher ground.', 'kidapawan', null],
    // negative: a place gone to is no origin
    ['About 400 families fled to Goma after the rebels advanced.', null, 'goma'],
    // French: the "de" of a place cue ("vers la ville de Bankass") is no "from"
    ['Plus de 2 000 habitants ont fui vers la ville de Bankass après les attaques.', null, 'bankass'],
    ['Plus de 2 000 habitants ont fui vers la ville voisine de Gao après les attaques.', null, 'gao'],
    ['Plus de 2 000 habitants ont fui le village de Diallassagou vers Bankass.', 'diallassagou', 'bankass'],
    // a border named by its country's demonym after a marker of destination: that country (borderNouns)
    ['Thousands of families fled Aleppo toward the Turkish border on Sunday.', 'aleppo', 'turkey'],
    ['Des milliers de familles ont fui Qusayr vers la frontière libanaise dimanche.', 'al qusayr', 'lebanon'],
    // negative: a border where they are, no destination
    ['Thousands of families fled Aleppo and camped near the Turkish border on Sunday.', 'aleppo', null],
    // refuge sought in a place is where they went
    ['Hundreds of families fled for safety in Goma on Monday.', null, 'goma'],
    // destinationPreps: "for", "pour" right before the place gone to
    ['Thousands of residents fled Rafah for Khan Younis on Monday.', 'rafah', 'khan yunis'],
    ["Des milliers d'habitants ont fui Rafah pour Khan Younès lundi.", 'rafah', 'khan yunis'],
  ])('%s', (text, origin, destination) => {
    const m = analyze(text, { published: '2024-03-12' }).events.find((e) => e.type === 'Movements');
    expect(m).toBeDefined();
    expect(m!.origin ? plain(m!.origin.name) : null).toBe(origin);
    expect(m!.destination ? plain(m!.destination.name) : null).toBe(destination);
  });
  it('takes no phrase that runs into the trigger as those who moved ("Floods displaced")', () => {
    for (const text of ['Floods displaced more than 300,000 people in Bangladesh.', 'The floods have displaced more than 300,000 people in Bangladesh.']) {
      const m = analyze(text, { published: '2024-03-12' }).events.find((e) => e.type === 'Movements');
      expect(m?.actor1?.name).toBe('people');
    }
    // negative: those named before the verb are the movers
    const f = analyze('Thousands of families fled the town of Sake on Monday.', { published: '2024-03-12' }).events.find((e) => e.type === 'Movements');
    expect(f?.actor1?.name).toBe('families');
  });
  it('places a movement where it came from, not where it went, when the sentence names both', () => {
    const m = analyze('Fighting went on near Kidal. A local official said residents had fled in waves into villages in Algeria.', { published: '2024-03-12' }).events.find((e) => e.type === 'Movements');
    expect(plain(m?.destination?.name ?? '')).toBe('algeria');
    expect(plain(m?.place?.name ?? '')).toBe('kidal');
  });
});

describe('actors, place, day and fatalities', () => {
  it('names both sides, the place with its precision and the day', () => {
    const a = analyze('Syrian government forces clashed with Islamic State fighters near Palmyra on Sunday, killing at least 12 militants.', { published: '2024-03-12' });
    const e = a.events.find((x) => x.subtype === 'Armed clash')!;
    expect(e.actor1?.name).toMatch(/Syria/);
    expect(e.actor2?.name).toBe('Islamic State');
    expect(e.place?.geonameId).toBe(163808); // Palmyra (Tadmur)
    expect(e.date).toBe('2024-03-10');
    expect(e.timePrecision).toBe(1);
    expect(e.fatalities).toBe(12);
    expect(e.evidence[0].rule).toMatch(/^events\./);
  });

  it('does not take the source or the one told as an actor', () => {
    const a = analyze('An army officer told state radio that artillery units shelled rebel positions in Latamneh.', { published: '2024-03-12' });
    const e = a.events.find((x) => x.subtype.startsWith('Shelling'))!;
    expect(e.actor1?.name ?? '').not.toMatch(/officer|radio|source|agency/i);
  });

  it('takes no role noun or name inside one who reports ("... police said", "Governor Talal Barazi said") as a side', () => {
    const lex = loadEventLexicon();
    const a = analyze('Rockets hit the market killing four people police said and Governor Talal Barazi said.', { published: '2024-03-12' });
    const at = (w: string) => ({ start: a.document.text.indexOf(w), end: a.document.text.indexOf(w) + w.length });
    const reporters = [{ ...at('police'), text: 'police', id: 'generic:police', name: 'police', kind: 'group' as const, evidence: [] }, { ...at('Governor Talal Barazi'), text: 'Governor Talal Barazi', id: 'person:talal-barazi', name: 'Talal Barazi', kind: 'person' as const, evidence: [] }];
    const names = (rs: typeof reporters) => participants(a.tokens, [], [], lex, true, rs).map((p) => p.name);
    // (a role noun right before a reporting verb is no side even when the statements stage named nobody)
    expect(names([])).toEqual(expect.arrayContaining(['Governor Talal Barazi']));
    expect(names([])).not.toContain('police');
    expect(names(reporters)).not.toEqual(expect.arrayContaining(['police']));
    expect(names(reporters).join(' ')).not.toMatch(/police|Barazi/);
    // negative: the people the rockets killed are still a side
    expect(names(reporters)).toContain('people');
  });

  // a trigger in a clause of what went on meanwhile (", as", ", while"; concurrentOpeners) after another trigger
  // takes no count told before the comma
  it.each<[string, string, 'en' | 'fr', number | null]>([
    ['Air strikes on two houses killed 27 people overnight, as fighting raged in the north of the province.', 'Armed clash', 'en', null],
    ['Air strikes on two houses killed 27 people overnight, as fighting raged in the north of the province.', 'Air/drone strike', 'en', 27],
    ["Des frappes aériennes ont tué 27 personnes dans la nuit, alors que les combats se poursuivaient dans le nord.", 'Armed clash', 'fr', null],
    // negative: with no other trigger before it, the clause's trigger keeps the count
    ['Five soldiers were killed, as clashes erupted in the town of Kidal on Monday.', 'Armed clash', 'en', 5],
  ])('%s → %s with %s deaths', (text, subtype, lang, want) => {
    const e = analyze(text, { published: '2024-03-12', lang }).events.find((x) => x.subtype === subtype);
    expect(e, subtype).toBeTruthy();
    expect(e!.fatalities).toBe(want);
  });

  it('is not placed at the dateline when the sentence names another place', () => {
    const e = analyze('BEIRUT (Reuters) - Israeli air strikes on southern Lebanon killed at least eight people on Wednesday.', { published: '2024-03-12' }).events[0];
    expect(e?.place?.name ?? '').toMatch(/Lebanon/);
    // negative: a dateline alone still places it
    const only = analyze('BEIRUT (Reuters) - Air strikes killed at least eight people on Wednesday.', { published: '2024-03-12' }).events[0];
    expect(only?.place?.name ?? '').toMatch(/Beirut/);
  });

  it('counts the lowest credible death toll (the conservative rule)', () => {
    const claim = (min: number | null, max: number | null, who = 'people') => ({ category: 'killed', who, value: { min, max, approx: false }, evidence: [] }) as Claim;
    const attackers = { perpetrators: new Set(['assailants', 'gunmen']), tollHeads: new Set(['people']) };
    expect(fatalities([claim(23, 23), claim(18, null), claim(null, 30)], attackers)).toBe(18);
    expect(fatalities([], attackers)).toBeNull();
    // the attackers' deaths are another group, no lower figure for the victims
    expect(fatalities([claim(17, null, 'civilians'), claim(2, 2, 'assailants')], attackers)).toBe(17);
    // negative: with no victims counted the attackers' deaths are the toll
    expect(fatalities([claim(2, 2, 'gunmen')], attackers)).toBe(2);
    // a toll of people as a whole is the toll; a group named apart (children, two commanders) is a part of it
    expect(fatalities([claim(6, 6, 'children'), claim(35, 35, 'people')], attackers)).toBe(35);
    // negative: groups named apart only, the lowest
    expect(fatalities([claim(12, 12, 'soldiers'), claim(30, 30, 'militants')], attackers)).toBe(12);
  });

  it('loads a valid lexicon', () => {
    const lex = loadEventLexicon();
    expect(lex.rules.length).toBeGreaterThan(20);
    for (const r of lex.rules) expect(r.triggers.length).toBeGreaterThan(0);
  });

  it('lists every word class in English and French; an unknown class is an error naming the file', () => {
    for (const lang of [english, french]) {
      const w = loadEventLexicon(lang.data('events.json'), english.data('events-decide.json')).words;
      for (const k of Object.keys(EVENT_WORD_CLASSES) as (keyof typeof EVENT_WORD_CLASSES)[]) expect(w[k].size, `${lang.code} ${k}`).toBeGreaterThan(0);
    }
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-events-words-'));
    const raw = JSON.parse(readFileSync(english.data('events.json'), 'utf8')) as { words: Record<string, unknown> };
    raw.words.agentPrep = ['by'];
    writeFileSync(join(dir, 'events.json'), JSON.stringify(raw));
    expect(() => loadEventLexicon(join(dir, 'events.json'))).toThrow(/events\.json: words\.agentPrep: not a word class/);
  });
});

describe('what is not an event, or not its actor or place', () => {
  it('skips background tolls dated only to a year long past', () => {
    const a = analyze('Since 2012 the conflict has left over 250,000 dead across the country.', { published: '2016-12-20' });
    expect(a.events).toEqual([]);
  });

  it('never makes a news outlet or an unresolved pronoun an actor', () => {
    const a = analyze('Rebels shelled government positions near Hama on Monday, state television SANA reported.', { published: '2024-03-12' });
    for (const e of a.events) for (const x of [e.actor1, e.actor2]) expect(x?.name ?? '').not.toMatch(/SANA|television/i);
  });

  it('never makes a French outlet named by an accented word an actor (la télévision d’État)', () => {
    const a = analyze("Des rebelles ont bombardé des positions de l'armée près de Hama lundi, a rapporté la télévision d'État.", { published: '2024-03-12', lang: 'fr' });
    expect(a.events.length).toBeGreaterThan(0);
    for (const e of a.events) for (const x of [e.actor1, e.actor2]) expect(x?.name ?? '').not.toMatch(/télévision/i);
  });

  it('does not place an event at a place inside a compound ("Britain-based")', () => {
    const a = analyze('Fighting erupted on Sunday, the Britain-based monitor said of the clashes in northern Syria.', { published: '2024-03-12' });
    const e = a.events.find((x) => x.subtype === 'Armed clash')!;
    expect(e.place?.country).toBe('SY');
  });

  it('calls a deal an agreement only when it is signed, reached or announced', () => {
    expect(subtypes('The rebels accused the army of breaking the ceasefire.').join()).not.toMatch(/Agreement/);
    expect(subtypes('Rebels and the army reached a ceasefire deal in Daraa on Friday.').join()).toMatch(/Agreement/);
  });

  it('takes the place named just before when the sentence names none (precision 2)', () => {
    const a = analyze('Heavy fighting was reported in Saraqib on Monday. Clashes went on through the night, residents said.', { published: '2024-03-12' });
    const clashes = a.events.filter((e) => e.type === 'Battles');
    expect(clashes.length).toBeGreaterThan(0);
    for (const e of clashes) expect(plain(e.place?.name)).toBe('saraqib');
  });
});

// French (data/fr/events.json and data/fr/events-decide.json), our own sentences: one row per event
// type, then sentences that report none (each a French false friend or a non-report cue).
describe('French event types', () => {
  const fr = (text: string) => analyze(text, { lang: 'fr', published: '2024-03-12' }).events;
  const frTypes = (text: string) => fr(text).map((e) => `${e.type} / ${e.subtype}`);

  it.each([
    ['Un attentat à la voiture piégée a fait 12 morts à Mogadiscio mardi.', 'Explosions/Remote violence / Remote explosive/landmine/IED'],
    ['Un kamikaze s’est fait exploser devant un commissariat de Kano lundi.', 'Explosions/Remote violence / Suicide bomb'],
    ['Des frappes aériennes ont visé un marché d’Ariha dimanche.', 'Explosions/Remote violence / Air/drone strike'],
    ['L’artillerie gouvernementale a pilonné les quartiers est de Douma dans la nuit.', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['Les gaz toxiques ont provoqué des suffocations lors d’une attaque chimique à Saraqeb.', 'Explosions/Remote violence / Chemical weapon'],
    ['Des combats opposant les soldats aux rebelles ont fait six morts à Bria.', 'Battles / Armed clash'],
    ['L’armée a repris le contrôle de la ville de Saraqib dimanche.', 'Battles / Government regains territory'],
    ['Les djihadistes se sont emparés de la localité de Boulkessi après des combats.', 'Battles / Non-state actor overtakes territory'],
    ['Des hommes armés ont enlevé deux humanitaires sur la route d’Azaz.', 'Violence against civilians / Abduction/forced disappearance'],
    ['Des miliciens ont exécuté neuf civils dans un village près de Homs.', 'Violence against civilians / Attack'],
    ['Des hommes armés ont attaqué mardi le village de Solhan, tuant au moins 132 civils.', 'Violence against civilians / Attack'],
    ['Des jihadistes ont attaqué un poste de l’armée, tuant 12 soldats.', 'Battles / Armed clash'],
    ['Au moins 12 civils ont été tués par des hommes armés dimanche à Kani.', 'Violence against civilians / Attack'],
    ['Des centaines de personnes ont manifesté vendredi dans le centre de Soueïda.', 'Protests / Peaceful protest'],
    ['La police a dispersé les manifestants à coups de gaz lacrymogène samedi à Dakar.', 'Protests / Protest with intervention'],
    ['Des émeutiers ont incendié la mairie de Soueïda et jeté des pierres sur la police.', 'Riots / Violent demonstration'],
    ['Les forces de sécurité ont arrêté 14 militants à Damas, selon une ONG.', 'Strategic developments / Arrests'],
    ['Les deux camps ont signé un accord de cessez-le-feu jeudi à Astana.', 'Strategic developments / Agreement'],
    ['Des combattants ont pillé les boutiques du vieux marché d’Afrin.', 'Strategic developments / Looting/property destruction'],
    ['Plus de 2 000 personnes ont été évacuées de Zabadani lundi.', 'Movements / Evacuation'],
    ['Des centaines de familles ont fui Maarat al-Nouman vers la frontière turque.', 'Movements / Displacement'],
    ['Environ 300 familles déplacées sont rentrées chez elles à Khan Cheikhoun.', 'Movements / Return'],
  ])('%s → %s', (text, expected) => {
    expect(frTypes(text)).toContain(expected);
  });

  it('reads the place, the toll and the two sides of a French report', () => {
    const [bomb] = fr('Un attentat à la voiture piégée a fait 12 morts à Mogadiscio mardi.');
    expect(bomb).toMatchObject({ type: 'Explosions/Remote violence', fatalities: 12, date: '2024-03-12' });
    expect(plain(bomb.place?.name)).toBe('mogadishu');
    // (the sides by the actors' generic labels, as in English: "soldats" is a soldier's side)
    const [clash] = fr('Des combats opposant les soldats aux rebelles ont fait six morts à Bria.');
    expect([clash.actor1?.name, clash.actor2?.name, clash.fatalities]).toEqual(['soldier', 'rebel', 6]);
  });

  it.each([
    ['a minister who travels ("s’est déplacé")', 'Le ministre s’est déplacé à Gao mardi.'],
    ['a decree ("un arrêté préfectoral")', 'Le préfet a pris un arrêté préfectoral interdisant la circulation.'],
    ['a deal only as the background', 'L’accord prévoit que les familles des combattants restent chez elles.'],
    ['a ceasefire accused of being broken', 'Les rebelles ont accusé l’armée de violer le cessez-le-feu.'],
    ['a call to protest ("appelé à manifester")', 'Les organisateurs ont appelé à manifester samedi.'],
    ['a party named Rassemblement', 'Le Rassemblement national a tenu son congrès à Lyon.'],
    ['wounded taken to hospital', 'Trois blessés ont été évacués vers l’hôpital de Gao.'],
    ['an explosion of anger', 'Une explosion de colère a suivi l’annonce.'],
    ['background told as "le mois dernier"', 'Le mois dernier, des hommes armés ont ouvert le feu sur un bus près de Kandahar.'],
    ['a suspect in a past attack', 'La police a identifié le suspect dans l’attentat du marché.'],
  ])('no event: %s', (_why, text) => {
    expect(frTypes(text)).toEqual([]);
  });

  it('the English triggers do not read a French report, nor the French ones an English one', () => {
    expect(analyze('Un attentat à la voiture piégée a fait 12 morts à Mogadiscio mardi.', { lang: 'en' }).events).toEqual([]);
    expect(frTypes('A car bomb killed 12 people in Mogadishu on Tuesday.')).toEqual([]);
  });
});

// The word classes of data/<lang>/events.json ("by", "between", "and", "the", the ending "-ed") in
// French: each rule reads the French word, and the English lexicon does not (the negative rows).
// Our own sentences; the roles and lists are asked of the stage's functions directly (each rule on
// its own, whatever the triggers).
describe('events: French word classes', () => {
  const frLex = loadEventLexicon(french.data('events.json'), english.data('events-decide.json'));
  const enLex = loadEventLexicon();
  const lexOf = (lang: 'en' | 'fr') => (lang === 'fr' ? frLex : enLex);
  const read = (text: string, lang: 'en' | 'fr') => analyze(text, { lang, published: '2024-03-12' });
  /** The roles rule, agent and patient of the trigger word in the sentence. */
  function roles(text: string, trigger: string, lang: 'en' | 'fr', as: 'en' | 'fr' = lang) {
    const lex = lexOf(as);
    const toks = read(text, lang).tokens;
    const i = toks.findIndex((t) => t.lower === trigger);
    const parts = participants(toks, [], [], lex, true);
    const r = rolesOf(toks, { rule: lex.rules[0], start: toks[i].start, end: toks[i].end, first: i, last: i }, parts, lex);
    return [r.rule, r.agent?.name ?? null, r.patient?.name ?? null];
  }

  it.each<[string, string, 'en' | 'fr', 'en' | 'fr', (string | null)[]]>([
    // agentPreps: "par" names who acted, as "by" does
    ['Lundi, Armée Nationale a été attaquée par Front Populaire près de Gao.', 'attaquée', 'fr', 'fr', ['roles.passive-by', 'Front Populaire', 'Armée Nationale']],
    ['On Monday, National Army was attacked by Popular Front near Gao.', 'attacked', 'en', 'en', ['roles.passive-by', 'Popular Front', 'National Army']],
    // betweenPreps: "entre X et Y" gives the two sides
    ['Des affrontements entre Armée Nationale et Front Populaire ont éclaté lundi.', 'affrontements', 'fr', 'fr', ['roles.between', 'Armée Nationale', 'Front Populaire']],
    // negatives: the English words do not read the French sentences
    ['Des affrontements entre Armée Nationale et Front Populaire ont éclaté lundi.', 'affrontements', 'fr', 'en', ['roles.none', null, 'Armée Nationale']],
    ['Lundi, Armée Nationale a été attaquée par Front Populaire près de Gao.', 'attaquée', 'fr', 'en', ['roles.subject', 'Armée Nationale', 'Front Populaire']],
  ])('%s (%s, %s words as %s)', (text, trigger, lang, as, want) => {
    expect(roles(text, trigger, lang, as)).toEqual(want);
  });

  it('allyAdjectives, governmentNouns: French words, not English ones', () => {
    const toks = read('Les combattants alliés ont repoussé l’attaque.', 'fr').tokens;
    const i = toks.findIndex((t) => t.lower === 'alliés');
    expect(isAlly(toks, { first: i }, frLex)).toBe(true);
    expect(isAlly(toks, { first: i }, enLex)).toBe(false);
    expect(governmentName('des gendarmes de la ville', '', frLex)).toBe(true);
    expect(governmentName('des gendarmes de la ville', '', enLex)).toBe(false);
    expect(governmentName('des manifestants de la ville', '', frLex)).toBe(false);
  });

  it.each<[string, string[]]>([
    // coordinators: places listed with commas and "et" are each their own happening
    ['Les frappes ont touché Alep, Homs et Hama dans la nuit.', ['Alep', 'Homs', 'Hama']],
    // ... "ou" does not list them
    ['Les frappes ont touché Alep ou Hama dans la nuit.', []],
  ])('listedPlaces: %s', (text, want) => {
    const a = read(text, 'fr');
    const toks = a.tokens;
    const after = toks.find((t) => t.lower === 'touché')!.end;
    expect(listedPlaces(toks, a.places, after, frLex).map((p) => p.text)).toEqual(want);
  });
});
