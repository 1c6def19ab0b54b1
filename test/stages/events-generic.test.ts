// Events told with generic words ("a strike", "an attack", "gunmen killed"), who did them when the trigger is
// a noun after an active clause or inside a side named by its weapon, and what such words refer back to.
// Our own sentences, in the style of wire reports; every table has negatives.
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';

const events = (text: string, published: string | undefined = '2024-05-27') => analyze(text, published ? { published } : { published: undefined }).events;
const kinds = (text: string) => events(text).map((e) => `${e.type} / ${e.subtype}`);

// the event types each text gives, table by table: [text, its events' "type / subtype" in order]
const kindTables: Record<string, [string, string[]][]> = {
  'events told with a bare "strike" or "attack" and a toll': [
    ['At least 35 people were killed in an Israeli strike on a tent camp in Rafah on Sunday, the health ministry said.', ['Explosions/Remote violence / Air/drone strike']],
    ['Seven people died after a Russian strike on a residential building in Kharkiv on Sunday.', ['Explosions/Remote violence / Air/drone strike']],
    ['Gunmen killed nine people in an attack on a church in Kipe on Sunday, the mayor said.', ['Violence against civilians / Attack']],
    // the dead were soldiers and nobody is named: a fight between armed sides (ACLED's attacks are on civilians)
    ['Four soldiers were killed in an attack on a military convoy in Borno state on Sunday, the army said.', ['Battles / Armed clash']],
    // aircraft that bombed: an air strike, not a planted bomb
    ['Government aircraft bombed the market in Saraqib on Sunday, killing 23 civilians, rescuers said.', ['Explosions/Remote violence / Air/drone strike']],
    // negatives: a strike of workers, no toll, an aircraft that crashed
    ['Three workers were killed when police broke up a strike at the mine on Monday.', []],
    ['Two miners died during a strike at the copper mine in Katanga.', []],
    ['Teachers went on strike in Harare on Monday, and 2,000 schools closed.', []],
    ['The rebels threatened an attack on the town.', []],
    ['An aircraft crashed near Goma on Sunday, killing 12 passengers.', []],
  ],
  'an armed group that killed a counted object': [
    ['Gunmen killed three villagers in Kidal on Monday, the mayor said.', ['Violence against civilians / Attack']],
    ['Gunmen killed three soldiers at a checkpoint in Kidal on Monday.', ['Battles / Armed clash']],
    // negatives: the dead counted before "killed" (a passive, a reduced relative), or no armed group
    ['Three militants were killed near Kidal on Monday, the army said.', []],
    ['The six people killed were all relatives, the militants said.', []],
    ['The storm killed three people in Kidal on Monday.', []],
  ],
  'crowds and the police; tolls over the last hours': [
    // a crowd that stormed a building riots; it takes no territory (negative: armed men who storm a town do)
    ['Thousands of protesters stormed parliament in Nairobi on Tuesday.', ['Riots / Violent demonstration']],
    ['Rebels stormed the town of Kafr Nabl on Tuesday.', ['Battles / Non-state actor overtakes territory']],
    // the police who shot protesters used excessive force (negative: those shot were no protesters)
    ['Police shot dead five protesters in Nairobi on Tuesday, witnesses said.', ['Protests / Excessive force against protesters']],
    ['Police shot dead two suspected robbers in Nairobi on Tuesday.', ['Violence against civilians / Attack']],
    // a crowd as a side of the clash riots, however the clash is worded (crowd-side-clash)
    ['Four dead as protesters clash with police in Osorno', ['Riots / Violent demonstration']],
    ['Quatre morts lors de heurts entre manifestants et policiers à Conakry', ['Riots / Violent demonstration']],
    // supporters of rival sides who clash riot; a boat that capsized is an accident, no movement
    ['Police arrested 45 people after clashes between rival supporters in Tbilisi on Sunday.', ['Riots / Violent demonstration']],
    ['At least 50 people died when a boat carrying migrants capsized off the coast of Libya on Sunday.', []],
    // negative: rival armed groups that clash fight
    ['At least 50 fighters were killed on Tuesday in clashes between rival rebel groups east of Hama.', ['Battles / Armed clash']],
    // trucks carrying aid move goods, not people (negative: buses carrying evacuees)
    ['A convoy of 40 trucks carrying aid entered Gaza on Sunday.', []],
    ['A convoy of 20 buses carrying 800 evacuees entered Idlib on Sunday.', ['Movements / Evacuation']],
    // aircraft shot down: a missile attack; drones shot down: a disrupted use of weapons
    ['Two helicopters were shot down near Bakhmut, the army said.', ['Explosions/Remote violence / Shelling/artillery/missile attack']],
    ['Air defences shot down 20 drones over Kyiv overnight.', ['Strategic developments / Disrupted weapons use']],
    // an armed group named by a general word that killed a counted object
    ['Paramilitary fighters killed more than 100 villagers in Wad al-Noura on Wednesday, activists said.', ['Violence against civilians / Attack']],
    // "in the past 24 hours" reaches the current news; two years or a month are a summary
    ['Clashes near Kobani left at least 70 fighters dead in the past 24 hours, the monitor said.', ['Battles / Armed clash']],
    ['In the past two years, 500 people were killed in clashes in Kidal.', []],
    ['The army and the rebels in Kobani have clashed more often in the past month.', []],
  ],
  'French generic words, and helicopters that carry the wounded': [
    // "l'attaque d'un convoi": a definite article with a complement introduces the attack
    ["Au moins 30 civils ont été tués lundi dans l'attaque d'un convoi de bus par des hommes armés près de Mopti.", ['Violence against civilians / Attack']],
    ['Des hommes armés ont tué 30 civils près de Mopti lundi.', ['Violence against civilians / Attack']],
    // "ces derniers jours" reaches the current news, as "in recent days" does (the weeks stay a summary)
    ['Des milliers de civils ont fui El Geneina ces derniers jours, a indiqué le HCR.', ['Movements / Displacement']],
    ['Des milliers de civils ont fui El Geneina ces dernières semaines, a indiqué le HCR.', []],
    // negatives: a helicopter that evacuated the wounded struck nothing
    ['Une dizaine de blessés ont été évacués par hélicoptère vers Kaya dimanche.', ['Movements / Evacuation']],
    ['Ten wounded soldiers were evacuated by helicopter to Kaya on Sunday.', ['Movements / Evacuation']],
  ],
};

for (const [title, rows] of Object.entries(kindTables)) {
  describe(title, () => {
    it.each(rows)('%s', (text, want) => {
      expect(kinds(text)).toEqual(want);
    });
  });
}

describe('who acted when the trigger is a noun', () => {
  it.each<[string, string, string]>([
    // "X killed Y in an ambush": the active clause's subject and object
    ['Islamist militants killed 15 soldiers in an ambush near Djibo on Sunday, security sources said.', 'militants', 'soldier'],
    // "in an Israeli strike": the side named with its weapon, even after "in a"
    ['At least 35 people were killed in an Israeli strike on a tent camp in Rafah on Sunday.', 'israel', 'people'],
    // French: an auxiliary of the perfect between the subject and its verb
    ['Des jihadistes ont tué 15 soldats dans une embuscade près de Djibo dimanche.', 'jihadist', 'soldier'],
  ])('%s', (text, actor1, actor2) => {
    const e = events(text)[0];
    expect(e?.actor1?.name.toLowerCase()).toContain(actor1);
    expect(e?.actor2?.name.toLowerCase()).toContain(actor2);
  });

  it('takes no capitalised name where something happened ("in the Red Sea") as a side', () => {
    const e = events('A missile hit a cargo ship in the Red Sea on Monday, wounding two crew members, the military said.')[0];
    expect(e.actor2?.name ?? '').not.toMatch(/Red Sea/);
  });

  it('takes no role noun that reports ("..., officials say") as a side', () => {
    const text = 'Sixteen people have died after a Russian strike on a market in eastern Ukraine, the president says. At least 28 were injured in the attack in Kostiantynivka, about 20km from the front line, officials say.';
    const e = events(text, '2025-03-10')[0];
    expect(e.actor1?.name).toMatch(/Russia/);
    expect(e.actor2?.name ?? '').not.toMatch(/officials/);
  });

  // negatives: a verb that does nothing to the one after it, and a second phrase that undergoes a passive
  it.each([
    'The rebels accused the army of gassing hundreds of people in a chemical attack on Ghouta on Sunday.',
    'The commander of the brigade and three of his men were killed in a bomb explosion in Maasaran on Sunday.',
  ])('no subject and object read around a noun trigger in "%s"', (text) => {
    const rules = events(text).flatMap((e) => e.evidence.map((x) => x.rule));
    expect(rules).not.toContain('events.roles.nominal-active');
  });
});

describe('what a generic word refers to', () => {
  it('joins "the attacks" to the bombings told before, one event', () => {
    const text = 'Two car bombs exploded near the interior ministry in Baghdad on Sunday, killing 40 people, officials said. More than 300 were wounded in the attacks.';
    expect(kinds(text)).toEqual(['Explosions/Remote violence / Remote explosive/landmine/IED']);
  });

  it('gives an attack told first the type of the bombing told after it', () => {
    const text = 'At least 22 people were killed on Monday in an attack on a wedding party in Hasakah, the monitor said. A suicide bomber blew himself up among the guests, the monitor added.';
    expect(kinds(text)).toEqual(['Explosions/Remote violence / Suicide bomb']);
  });

  it('reports nothing for "the attack" when no attack was told (negative: "an attack" is new)', () => {
    expect(kinds('Four people died and over 50 were injured in the attack, the hospital said.')).toEqual([]);
    expect(kinds('Four people died and over 50 were injured in an attack on the hospital in Idlib on Monday.')).toEqual(['Violence against civilians / Attack']);
  });

  it('takes a happening after "since 2009, when" for background, with no day to count from either', () => {
    const text = 'A teenager stabbed two classmates at a school in Toronto, police said. It was the worst attack at a school in the province since 2009, when six pupils were wounded in a knife attack in Ottawa.';
    const got = events(text, undefined);
    expect(got.map((e) => e.place?.name)).not.toContain('Ottawa');
    expect(got).toHaveLength(1);
  });
});
