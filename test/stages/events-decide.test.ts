// Events decided per happening, on our own sentences: what reports no event, how many events one
// happening gives, which type the cascade chooses, and who acted (table-driven, with negative cases).
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';

const events = (text: string, published = '2024-03-12') => analyze(text, { published }).events;
const kinds = (text: string, published?: string) => events(text, published).map((e) => `${e.type} / ${e.subtype}`);

describe('sentences that report no event', () => {
  it.each([
    // a natural hazard that struck is no attack (hazards)
    ['an earthquake that struck', 'A magnitude 6.4 earthquake struck the province of Kerem on Friday, killing at least 12 people.'],
    ['a storm that strikes', 'Powerful storm strikes the coast of Kerem, killing 12'],
    ['a list of demands', 'The marchers demanded the release of detained activists and an end to the curfew.'],
    ['a rescue operation after a landslide', 'Soldiers joined a rescue operation near Tafas on Monday after 12 people were killed in a landslide.'],
    ['a protest mentioned as a noun of others', 'The minister did not accede to the protesters\u2019 demands for an inquiry.'],
    ['a question of whether a bomber was involved', 'Officials could not say whether suicide bombers were involved in the attack.'],
    ['a charge in court', 'The former governor was convicted of kidnapping and sentenced to twelve years.'],
    ['the suspect in a past bombing', 'Police named the suspect in the market bombings as a local man.'],
    ['background told as last month', 'Last month, gunmen opened fire on a bus near Kandahar, killing six people.'],
    ['a murdered victim named in passing', 'The widow of a murdered reporter addressed the assembly in Geneva.'],
    ['an arrest warrant', 'The prosecutor issued arrest warrants for four army officers.'],
    ['a metaphorical fight', 'The organisers said they were fighting corruption and fraud.'],
    ['a plane overrunning a runway', 'The cargo plane overran the runway and struck a wall.'],
    ['a lone person fleeing', 'The driver escaped to a nearby police station.'],
    ['a plan to displace', 'More than a million people are expected to be displaced when the dam is finished.'],
    ['patients moved between hospitals', 'Four of the wounded were later transferred to a hospital in Chicago for treatment.'],
    ['an announcement of troops going to enter', 'The army announced that its troops are going to enter the district on Friday.'],
    ['a sentence served for a past killing', 'He is serving a life sentence for the 1998 assassination of a senator.'],
    ['a population displaced before, counted in a shelter', 'The school, which houses thousands of displaced people, was closed for the holiday.'],
    // a trigger's prefix read as a word of its own: "battleground", "firefighters", "fleet", "shellfish"
    ['a battleground, a fleet, firefighters', 'Firefighters reached the battleground city as the navy fleet sailed past with a cargo of shellfish.'],
    ['"according to" is no accord', 'An earthquake struck the south on Monday, killing 1,300 people, according to officials.'],
    ['a charge listing its acts as gerunds joined by "and"', 'The guard was charged with stealing rifles from the depot and shooting two soldiers.'],
  ])('%s', (_why, text) => {
    expect(kinds(text)).toEqual([]);
  });
});

describe('one event per happening', () => {
  it('gathers the headline, the lead and a follow-up about the same attack', () => {
    const text =
      'Three shot dead at a shopping centre in Leeds\n' +
      'A gunman opened fire at a shopping centre in Leeds on Sunday, killing three people, police said.\n' +
      'Witnesses said the shooting lasted less than a minute.';
    const es = events(text);
    expect(es).toHaveLength(1);
    expect(es[0]).toMatchObject({ type: 'Violence against civilians', subtype: 'Attack', fatalities: 3 });
    expect(es[0].evidence.map((x) => x.rule)).toContain('events.gather.headline');
  });

  it('keeps "two more explosions" apart from the blast told before', () => {
    const text = 'A bomb exploded on the railway track near Jorhat on Friday night. Later two more explosions damaged a pipeline near Sivasagar.';
    expect(events(text).filter((e) => e.type === 'Explosions/Remote violence')).toHaveLength(2);
  });

  it('gives one event per listed district', () => {
    const text = 'On Thursday, bombs exploded in the districts of Dhubri, Goalpara and Nagaon, injuring 30 people.';
    const es = events(text).filter((e) => e.type === 'Explosions/Remote violence');
    expect(es).toHaveLength(3);
    expect(es.every((e) => e.evidence.some((x) => x.rule === 'events.listed-place'))).toBe(true);
  });

  it('folds the arrest of the attacker into the attack', () => {
    const text = 'A man has been arrested after a shopkeeper was stabbed in Leicester on Monday night.';
    expect(kinds(text)).toEqual(['Violence against civilians / Attack']);
  });

  it('keeps an arrest that is the news', () => {
    expect(kinds('Forest officers on Monday arrested nine poachers in Kerala.')).toEqual(['Strategic developments / Arrests']);
  });
});

describe('follow-ups and the day', () => {
  it('takes "the rally" in a later sentence as the rally already told', () => {
    const text =
      'Thousands of teachers rallied in Lisbon on Saturday to demand higher pay. ' +
      'The prime minister flew over the rally in a helicopter on his way to Porto. ' +
      'A couple drove six hours from Faro for the rally.';
    expect(events(text).filter((e) => e.type === 'Protests')).toHaveLength(1);
  });

  it('dates the happening, not the report ("it was reported on Saturday")', () => {
    const e = events('It was reported on Saturday that an inmate was stabbed at a prison in Fresno on Thursday.', '2024-03-12')[0];
    expect(e.date).toBe('2024-03-07');
  });

  it('does not date the happening by the day its count was reported when a later sentence gives its day', () => {
    const text = 'An air strike on a village in Sagaing killed at least 30 people, residents said Wednesday. The air strike on the village came on Tuesday afternoon during a ceremony.';
    expect(events(text, '2024-03-14')[0].date).toBe('2024-03-12');
    // negative: with no other day told, the day of the report stands (not the day of publication)
    expect(events('An air strike on a village in Sagaing killed at least 30 people, residents said Wednesday.', '2024-03-14')[0].date).toBe('2024-03-13');
  });
});

describe('the type cascade', () => {
  it.each([
    ['protesters who throw stones riot', 'Hundreds of protesters threw stones at the police in Lahore on Friday.', 'Riots / Violent demonstration'],
    ['a bombing with no aircraft is a bomb', 'A bombing at a bus station in Quetta killed four people on Monday.', 'Explosions/Remote violence / Remote explosive/landmine/IED'],
    ['petrol bombs thrown by protesters are a riot, not an explosion', 'Protesters hurled petrol bombs at riot police in Santiago on Tuesday.', 'Riots / Violent demonstration'],
    ['jets that bombed strike from the air', 'Jets bombed a fuel depot near Ariha on Monday.', 'Explosions/Remote violence / Air/drone strike'],
    ['security forces killing a militant fight', 'A militant commander was shot dead by security forces in Sopore on Tuesday.', 'Battles / Armed clash'],
    ['police shooting a man attack him', 'A man was shot dead by police in Fresno on Tuesday.', 'Violence against civilians / Attack'],
    ['a campus shooting is an attack', 'Four students were killed in a shooting at a college in Denver on Monday.', 'Violence against civilians / Attack'],
    // air raids and barrel bombs come from the air though no aircraft is named; a bombardment with none is shelling;
    // forces that raided a town with no aircraft named went in on the ground
    ['raids with no aircraft named stay air strikes', 'Raids killed 16 civilians in the town of Ariha on Monday, the monitor said.', 'Explosions/Remote violence / Air/drone strike'],
    ['barrel bombs stay air strikes', 'Barrel bombs killed nine people in the east of Aleppo on Monday.', 'Explosions/Remote violence / Air/drone strike'],
    ['a bombardment with no aircraft is shelling', 'Government forces bombarded the village of Kafr Nabl on Monday, killing six people.', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['explosive devices being dismantled are disrupted weapons, not a bombing', 'Army engineers were dismantling explosive devices planted by the rebels near the school in Kandahar on Monday.', 'Strategic developments / Disrupted weapons use'],
    ['an exchange of fire between troops and militants is a clash', 'Six militants were killed in an exchange of fire with troops near Mir Ali on Saturday.', 'Battles / Armed clash'],
    ['forces that raided a town went in on the ground', 'Soldiers raided the town of Jenin at dawn on Monday, killing two young men.', 'Violence against civilians / Attack'],
    // a massacre by aircraft is an air strike (EVENTS.md: an air strike on a market), by gunmen an attack
    ['a massacre by warplanes strikes from the air', 'Enemy warplanes committed a fresh massacre at a fish market in Hodeidah on Monday, killing 19 citizens.', 'Explosions/Remote violence / Air/drone strike'],
    ['un massacre par des avions est une frappe', 'Des avions de guerre ont commis un massacre dans un marché de Hodeïda lundi, tuant 19 civils.', 'Explosions/Remote violence / Air/drone strike'],
    ['des drones abattus sont des armes neutralisées', 'Les forces ukrainiennes ont abattu 17 drones lancés pendant la nuit près de Poltava.', 'Strategic developments / Disrupted weapons use'],
    ['a massacre by gunmen stays an attack', 'Gunmen committed a massacre at a fish market in Hodeidah on Monday, killing 19 citizens.', 'Violence against civilians / Attack'],
    // an operation of armed men with a toll is a fight; a rescue operation is none
    ['an operation of army units with a toll is a clash', 'In Tafas 14 gunmen were killed on Monday in an operation carried out by army units.', 'Battles / Armed clash'],
    ['une opération de ratissage avec un bilan est un combat', 'Douze jihadistes ont été tués lundi lors d’une opération de ratissage de l’armée près de Djibo.', 'Battles / Armed clash'],
  ])('%s', (_why, text, expected) => {
    expect(kinds(text)).toContain(expected);
  });

  // protesters shot during clashes between the police and a crowd: one event, the police's excessive force
  // against the protest; the sides of the clashes are not the victims' attackers and victims
  it.each([
    ['Two marchers were shot dead on Friday in Bamako during clashes between security forces and youths opposed to the junta.', 'Protests / Excessive force against protesters', /security forces/],
    ['Deux manifestants ont été abattus vendredi à Bamako lors de heurts entre les policiers et des jeunes opposés à la junte.', 'Protests / Excessive force against protesters', /polic/],
  ])('protesters shot in clashes: %s', (text, kind, side) => {
    const es = events(text);
    expect(es.map((e) => `${e.type} / ${e.subtype}`)).toEqual([kind]);
    expect(es[0].actor2?.name ?? '').toMatch(side);
  });

  it('keeps the sides of clashes told right after their trigger', () => {
    const e = events('Fighting between the army and rebels killed 12 people near Goma on Monday.')[0];
    expect([e.actor1?.name, e.actor2?.name]).toEqual(['army', 'rebel']);
  });

  it('makes a protest whose crowd then throws stones one riot', () => {
    const text =
      'Police in Nairobi fired tear gas on Tuesday at hundreds of demonstrators protesting a new tax. ' +
      'Some protesters threw stones at officers, and at least 20 people were arrested.';
    expect(kinds(text)).toEqual(['Riots / Violent demonstration']);
  });

  it('does not give an air strike the gunman of another happening', () => {
    const text = 'A gunman killed three people at a supermarket in Dayton on Sunday. Separately, an air strike on a market in Idlib killed 12 civilians on Sunday.';
    const strike = events(text).find((e) => e.subtype === 'Air/drone strike')!;
    expect(strike.actor1?.name ?? '').not.toMatch(/gunman/i);
  });

  // protesters fighting the police riot; a clash with the police in a protest's sentence is that protest;
  // a protest that "turned violent" or burned tyres is violent
  it.each([
    ['Protesters clashed with police in central Lahore on Tuesday.', ['Riots / Violent demonstration']],
    ['The protest in Lahore turned into clashes with police on Tuesday.', ['Riots / Violent demonstration']],
    ['Protests turned violent in Multan on Tuesday, where demonstrators set tyres on fire.', ['Riots / Violent demonstration']],
    ["La manifestation a dégénéré en affrontements avec la police à Nantes samedi.", ['Riots / Violent demonstration']],
    // negatives: two armed sides clash; soldiers and the police are no crowd
    ['Soldiers clashed with police near the barracks in Lahore on Tuesday.', ['Battles / Armed clash']],
    ['Troops clashed with rebels near Goma on Tuesday.', ['Battles / Armed clash']],
  ])('%s', (text, want) => {
    const lang = /^(La |Les |Des |L')/.test(text) ? 'fr' : 'en';
    expect(analyze(text, { lang, published: '2024-03-12' }).events.map((e) => `${e.type} / ${e.subtype}`)).toEqual(want);
  });

  // storming a building is an attack on those inside, not territory taken; storming a town still is
  it.each([
    ['Gunmen stormed a mosque in the village of Mutunji on Friday and opened fire on worshippers.', ['Violence against civilians / Attack']],
    ['Rebels stormed the town of Kidal on Friday.', ['Battles / Non-state actor overtakes territory']],
    // a building as the object, a few words after the trigger, whatever the article and adjectives (unless_object)
    ['Gunmen stormed a crowded hotel in Kidal on Friday.', []],
    ['Militants took over the main police station in Kidal on Friday.', []],
    ["Des rebelles ont pris d'assaut l'hôtel de ville de Kidal vendredi.", []],
    ["Des rebelles ont pris d'assaut la ville de Kidal vendredi.", ['Battles / Non-state actor overtakes territory']],
    // a crowd that storms a building is kept (object_kept_by) and riots
    ['Hundreds of protesters stormed the regional assembly building in Kidal on Friday.', ['Riots / Violent demonstration']],
    ["Des centaines de manifestants ont pris d'assaut le bâtiment de l'assemblée régionale à Kidal vendredi.", ['Riots / Violent demonstration']],
    // the named side of the armed victims is the other side of a clash
    ['Troops killed 14 fighters belonging to the Allied Democratic Forces near Beni on Friday.', ['Battles / Armed clash']],
    // attackers shot dead were no civilians, and did not act on themselves
    ['The army said five attackers had been shot dead in Kidal on Friday.', ['Battles / Armed clash']],
    ["L'armée a annoncé que cinq assaillants avaient été abattus vendredi à Kidal.", ['Battles / Armed clash']],
  ])('%s', (text, want) => expect(kinds(text)).toEqual(want));

  it('does not make the attackers shot dead the side that acted', () => {
    const e = events('The army said five attackers had been shot dead in Kidal on Friday.')[0];
    expect(e.actor1?.name ?? '').not.toMatch(/attacker/i);
    expect(e.actor2?.name).toMatch(/attacker/i);
  });

  it('leaves its rule in the evidence', () => {
    const e = events('Thousands protested in Lahore on Friday and pelted the police with rocks.')[0];
    expect(e.type).toBe('Riots');
    expect(e.evidence.map((x) => x.rule)).toContain('events.cascade.riot-projectiles');
  });
});

describe('who acted', () => {
  it.each([
    ['the agent of a passive', 'A man was shot dead by police in Fresno on Tuesday.', /police/i, /man/i],
    ['no actor for an instrument', 'Two soldiers were killed by a roadside bomb in Helmand on Saturday.', null, /soldier/i],
    ['the subject of an active verb', 'Government artillery shelled rebel positions near Hama on Monday.', /Government/i, /rebel/i],
    ['the attacker named elsewhere in the sentence', 'An attacker has been arrested after a mayor was stabbed in Gdynia on Sunday.', /attacker/i, /mayor/i],
    ['the crowd of a protest', 'Thousands of farmers marched in Delhi on Friday.', /farmers|protesters/i, null],
    ['not the ally before the verb, nor an instrument', 'Militia fighters backed by Eritrea seized the town of Adigrat on Sunday, residents said.', /militia/i, null],
    ['a state opening the sentence, not its place', 'Residents of Rafah said the night was the worst in weeks. Israel launched air strikes overnight, killing 12 people, the health ministry said.', /Israel/, /people/],
    // the maker named with the weapon ("Russian missiles") acted: the actors stage names it Russian forces
    ['an instrument after "by" with its maker before it', 'Four children were killed by Russian missiles in Sumy on Friday.', /Russian forces/, /children/i],
    ['an instrument after "by" with no maker', 'Four children were killed by a roadside bomb in Sumy on Friday.', null, /children/i],
    // a country's short name before a force noun is a side (shortNameDemonyms), one that reports its own strike too
    ['a side named by its short name and craft', 'U.S. helicopters launched airstrikes in Sadr City on Friday night, which they say killed 10 militants.', /U\.S\. helicopters/, /militant/],
    ['a side named by its short name, not a compound of it', 'US-backed fighters stormed a village near Manbij on Friday, killing 12 militants.', /US-backed fighters/, /militant/],
    ['a weapon with its maker as the subject', 'A Russian missile slammed into a shopping centre in Sumy on Friday, killing four children.', /Russian forces/, /children/i],
    // a kind of missile, and drones, are weapons too
    ['a ballistic missile with its maker', 'A Russian ballistic missile struck the port of Odesa on Monday, killing eight people.', /Russian forces/, /people/i],
    ['a drone attack with its maker', 'One woman was killed by a Ukrainian drone attack on the town of Shebekino on Monday.', /Ukrainian forces/, /woman/i],
    // the trigger inside a side named by its weapon: that side acted on the one counted before it
    ['a side named by its raids, its victims before', 'At least 27 people, including 11 children, were killed in Israeli raids on homes in Nuseirat on Tuesday.', /Israeli forces/, /people/],
    ['a side named by its missiles, its victims after', 'Russian missiles hit Kharkiv on Monday, killing four people.', /Russian forces/, /people/],
    // negative: a side inside the reporter's relative clause is no victim of the weapon's side
    ['not a side inside the reporter\'s clause', 'The daily Al-Watan which is close to the government reported Russian airstrikes on Taftanaz on Monday killing nine people.', /Russian forces/, /people/],
    // a side in a compound modifier ("rebel-held", "government-held") takes no part
    ['not the holder of a town', 'Warplanes bombed a market in the rebel-held town of Douma on Sunday, killing 25 civilians.', null, /civilian/i],
    ['not the holder of a district', 'Rebels shelled the government-held district of Hamdaniya on Sunday, killing five civilians.', /rebel/i, /civilian/i],
    ['a drone that killed, its maker an initialism', 'A U.S. drone killed two militants near Raqqa on Monday.', /^U\.S\. forces$/, /militant/i],
    // a sentence's opening adverb, and a dateline's agency, are no part of the name before a role noun
    ['not the adverb opening the sentence', 'The town was quiet. Meanwhile army units shelled rebel positions near Hama.', /^army$/i, /rebel/i],
    ['not the agency of a dateline', 'Homs SANA Army units shelled rebel positions near Rastan on Monday.', /^Army$/, /rebel/i],
    // the side that modifies a nominal trigger after the victims did it; a victim noun there does not
    ['a side modifying the trigger', 'Five people were killed on Monday in rebel rocket attacks on the old city of Homs.', /rebel/i, /people/i],
    ['no side in the victims modifying the trigger', 'Five people were killed on Monday in civilian bus bombings near Homs.', null, /people/i],
    // the victims before a nominal trigger in any passive ("have been killed", "were reportedly killed")
    ['victims of a perfect passive', 'At least 30 villagers have been killed in a jihadist attack near Djibo.', /jihadist/i, /villager|resident/i],
    ['victims of a passive with an adverb', 'Nine herders were reportedly killed in a bandit attack near Gusau.', /bandit/i, /herder/i],
    // a pronoun opening the reported clause stands for the reporter, who acted (reported_pronouns)
    ['the reporter of its own act', 'The army said it had killed 12 militants near Beni on Friday.', /army/i, /militant/i],
    ['the reporter of its own act, a perfect infinitive', 'The army claimed to have killed 12 militants near Beni on Friday.', /army/i, /militant/i],
    ['armed men eliminated by troops', 'Troops eliminated 14 militants near Beni on Friday.', /Troops|soldier/i, /militant/i],
    // negative: a pronoun after a report by someone else's mention is still no actor of its own
    ['no reporter without a pronoun', 'The army said militants had killed 12 villagers near Beni on Friday.', /militant/i, /villager|resident/i],
    // "blamed on", "attributed to": the side held to have acted
    ['the side an attack is blamed on', 'Eleven farmers were killed on Friday in an attack blamed on jihadists near Djibo.', /jihadist/i, /farmer/i],
    ['the side a bombing is attributed to', 'The bombing, attributed to the Islamic State group, killed six worshippers in Kunduz.', /Islamic State/, /worshipper/i],
    // the named side a generic one belongs to ("rebels of the ..."); negative: a generic side alone stays
    ['the named side of the generic one', 'Eleven farmers were killed on Friday in an attack blamed on rebels of the Allied Democratic Forces near Beni.', /Allied Democratic Forces/, /farmer/i],
    ['a generic side alone', 'Eleven farmers were killed on Friday in an attack blamed on rebels near Beni.', /rebel/i, /farmer/i],
    // the victims too, after "of", "from" or a link of two words; still armed, so a clash (patientHead)
    ['the named side of generic victims', 'Troops killed dozens of militants from the Allied Democratic Forces near Beni on Friday.', /Troops|soldier/i, /Allied Democratic Forces/],
    ['the named side linked to generic victims', 'Troops killed 14 fighters belonging to the Allied Democratic Forces near Beni on Friday.', /Troops|soldier/i, /Allied Democratic Forces/],
    // negative: a place after "from" names no side
    ['no side from a place', 'Troops killed 14 fighters from the town of Oicha near Beni on Friday.', /Troops|soldier/i, /fighter/i],
    // negative: "blamed" before the trigger names no agent of it
    ['no agent from a word before the trigger', 'Officials blamed the drought as nine people were killed in an attack near Djibo.', null, /people/i],
    // "killed in clashes with X": the side the victims fought (opponentPreps); a country's rebels are no state force
    ['the side the victims clashed with', 'Fourteen rebels were killed in clashes with Islamic State fighters near Azaz on Friday.', /Islamic State/, /rebel/i],
    ["a country's rebels against its troops", 'On Friday twelve Syrian rebels were slain during clashes with regime troops near Hama.', /regime troops/, /Syrian rebels/],
    // negative: "with" and a weapon names no side
    ['no side for a weapon after "with"', 'Fourteen rebels were killed in clashes with heavy weapons near Azaz on Friday.', null, /rebel/i],
    // victims first with no passive of their own, the side right before the trigger did it
    ['victims among a toll, the side modifying the trigger', 'Three nurses were among 20 people killed on Monday in Syrian government shelling of Taftanaz.', /Syrian government/, /nurses/],
    // negative: a side first is the subject
    ['a side first is the subject', 'Rebel fighters killed 20 people on Monday in shelling of Taftanaz.', /rebel/i, /people/],
    // a trigger another rule's "unless" cancels is still another rule's ("stormed the hospital" with a toll: an attack)
    ['a storming cancelled as territory is an attack', 'Gunmen stormed the hospital in Azaz on Friday, killing two people.', /gunm/i, /people/],
    // a speaker's bracketed acronym after it reports, it takes no part
    ['not the acronym of the speaker', 'Gunmen stormed a clinic near Azaz on Friday, killing two nurses, Médecins Sans Frontières (MSF) said.', /gunm/i, /nurse/i],
    // victims with a bare participle ("Two patients killed and ..."): they suffered it, they did not do it
    ['victims of a bare participle', 'Two patients killed and five hurt when bombs fell on the clinic in Azaz on Friday.', null, /patients/],
    // a clause opened by "where" has its own subject: the victims before it suffered nothing in it
    ['not the victims before "where"', 'Nine soldiers have been killed in the hills near Azaz on Friday where rebel groups launched an offensive to retake the villages.', /rebel/, /soldier/],
  ])('%s', (_why, text, a1, a2) => {
    const e = events(text).find((x) => x.type !== 'Strategic developments')!;
    if (a1) expect(e.actor1?.name ?? '').toMatch(a1);
    else expect(e.actor1 ?? null).toBeNull();
    if (a2) expect(e.actor2?.name ?? '').toMatch(a2);
    else expect(e.actor2 ?? null).toBeNull();
  });
});

describe('riot police', () => {
  it('are police, not a riot', () => {
    expect(kinds('Riot police stood outside the hall as the rally ended in Tbilisi on Sunday.')).toEqual(['Protests / Peaceful protest']);
    expect(kinds('La police anti-émeute a dispersé les manifestants à Tbilissi dimanche.').some((k) => k.startsWith('Riots'))).toBe(false);
    // negative: rioters are a riot
    expect(kinds('Rioters torched cars in Tbilisi on Sunday.')).toEqual(['Riots / Violent demonstration']);
  });
});

describe('drones and wide places', () => {
  it('reads a drone that struck as an air/drone strike, not a drone seen', () => {
    expect(kinds('A drone struck a minibus near Kherson on Tuesday, killing two people.', '2025-01-28')).toEqual(['Explosions/Remote violence / Air/drone strike']);
    expect(kinds('Officials said a drone was seen over Kherson on Tuesday.', '2025-01-28')).toEqual([]);
  });
  it('reads strikes that killed or hit as air strikes, not bombs placed', () => {
    expect(kinds('Israeli strikes killed at least 42 people across the Gaza Strip on Saturday, health officials said.', '2024-12-01')).toEqual(['Explosions/Remote violence / Air/drone strike']);
    // negative: a strike of workers
    expect(kinds('The dockers\u2019 strike hit exports from the port on Monday.', '2024-12-01')).toEqual([]);
    // negative: workers on strike, with deaths told in the sentence
    expect(kinds('Miners went on strike on Monday after two miners were killed in a collapse.', '2024-12-01')).toEqual([]);
  });
  it('gathers the same day at the same region told twice', () => {
    const text = 'Russian shelling killed nine people in the Kherson region on Tuesday, officials said. Artillery fire on Tuesday in the Kherson region hit a school and a clinic, the governor said.';
    expect(events(text, '2025-01-28')).toHaveLength(1);
    // negative: "also" tells of another happening
    expect(events(text.replace('region hit', 'region also hit'), '2025-01-28')).toHaveLength(2);
  });
});

describe('a protest yet to happen, or one referred to (unreal_after, reference)', () => {
  it.each<[string, string, number]>([
    ['The opposition leader, who called the protests, said more demonstrations would be held on Thursday.', 'en', 0],
    ['A rally is planned for Friday in the capital, organisers said.', 'en', 0],
    ['Une nouvelle manifestation est prévue samedi à Dakar, selon les organisateurs.', 'fr', 0],
    // negative: a rally planned long ago that took place
    ['The rally, planned for weeks, drew 5,000 people in Nairobi on Tuesday.', 'en', 1],
  ])('%s', (text, lang, n) => {
    expect(analyze(text, { published: '2025-01-29', lang }).events).toHaveLength(n);
  });
});

describe('a violent headline over a body happening of another type', () => {
  it('is that happening, and the parts of its dead lower no toll', () => {
    const text = 'Massacre in Beit Lahia: 21 martyrs\n\nAt least 21 people were killed on Tuesday when warplanes bombed a house in Beit Lahia, medics said. Among the dead were six children.';
    const es = events(text, '2024-03-13');
    expect(es.map((e) => `${e.subtype} | ${e.fatalities}`)).toEqual(['Air/drone strike | 21']);
  });
});

describe('an arrest told right after a protest (absorb.arrest-after-protest)', () => {
  it.each<[string, string, string[]]>([
    ['Hundreds of protesters rallied on Monday outside parliament in Tbilisi. Police arrested 12 people.', 'en', ['Protest with intervention | police']],
    ['Des centaines de manifestants se sont rassemblés lundi devant le Parlement à Tbilissi. La police a interpellé 12 personnes.', 'fr', ['Protest with intervention | police']],
    // negative: an arrest told as another happening, elsewhere
    ['Hundreds of protesters rallied on Monday outside parliament in Tbilisi. Separately, police in Batumi arrested a man suspected of fraud.', 'en', ['Peaceful protest | undefined', 'Arrests | man']],
  ])('%s', (text, lang, expected) => {
    expect(analyze(text, { published: '2025-01-29', lang }).events.map((e) => `${e.subtype} | ${e.actor2?.name}`)).toEqual(expected);
  });
});

describe('a war summed up by its displaced (summary_moved)', () => {
  it.each<[string, string, boolean]>([
    ['Fighting in the region has displaced more than 900,000 people, the UN says.', 'en', false],
    ["Les violences ont poussé plus de 1,5 million de personnes à fuir leurs foyers dans la région, selon l'ONU.", 'fr', false],
    // negative: a day of its own, or a count of one flight
    ['Fighting in the region displaced more than 900,000 people on Monday, the UN says.', 'en', true],
    ['About 3,000 people fled the village of Kanlan after the clashes, the UN says.', 'en', true],
  ])('%s', (text, lang, some) => {
    expect(analyze(text, { published: '2025-01-29', lang }).events.length > 0).toBe(some);
  });
});

describe('the day of a happening told with none', () => {
  const lead = 'Police fired tear gas on Tuesday to disperse protesters in Nairobi.';
  it('is the day of the happening told before it', () => {
    const es = events(`${lead} Elsewhere, rioters threw stones at officers and burned tyres in Kisumu.`, '2025-01-29');
    expect(es.map((e) => [e.subtype, e.date])).toEqual([['Protest with intervention', '2025-01-28'], ['Violent demonstration', '2025-01-28']]);
  });
  it('is the day of publication when no happening before it has a day (negative)', () => {
    expect(events('Rioters threw stones at officers and burned tyres in Kisumu.', '2025-01-29').map((e) => e.date)).toEqual(['2025-01-29']);
  });
});

describe('a lead placed in a province, the body naming the village', () => {
  const lead = 'A military air strike on a village in the Magway region killed at least 20 people, residents said on Friday.';
  it('gathers the village told with its day, "more than" being no new happening (not_new_after)', () => {
    const es = events(`${lead} Jets bombed Kanlan village on Thursday as more than 100 people gathered for a school opening, a witness said.`, '2025-01-28');
    expect(es.map((e) => `${e.subtype} | ${e.place?.name}`)).toEqual(['Air/drone strike | Kanlan']);
  });
  it('keeps a happening told with "more" apart (negative)', () => {
    expect(events(`${lead} Jets bombed two more villages, Kanlan and Sintgaing, on Thursday, a witness said.`, '2025-01-28').length).toBeGreaterThan(1);
  });
});

describe('the headline and the lead', () => {
  const lead = 'MEKELLE, Ethiopia - Militia fighters seized the town of Adigrat on Sunday after a day of heavy fighting with federal troops, two residents told reporters.';
  const body = 'Thousands of people have fled the renewed fighting in the northern Tigray region, an aid worker said.';
  it('reads a first paragraph with a dateline as the lead, not a headline restating the body', () => {
    const es = events(`${lead}\n\n${body}`, '2025-01-28');
    expect(es.map((e) => e.subtype)).toContain('Non-state actor overtakes territory');
    expect(es.find((e) => e.subtype === 'Non-state actor overtakes territory')?.place?.name).toMatch(/dīgrat|digrat/i);
  });
  it('reads a long first sentence ending in a full stop as the lead', () => {
    const es = events(`${lead.replace('MEKELLE, Ethiopia - ', '')}\n\n${body}`, '2025-01-28');
    expect(es.map((e) => e.subtype)).toContain('Non-state actor overtakes territory');
  });
  it('still reads a short first line as a headline that restates the body', () => {
    const text = 'Militia fighters seize Adigrat\n\nMilitia fighters seized the town of Adigrat on Sunday, residents said.';
    expect(events(text, '2025-01-28').filter((e) => e.type === 'Battles')).toHaveLength(1);
  });
});

describe('the toll', () => {
  it('takes the death told in the next sentence', () => {
    const es = events('A councillor was stabbed at a market in Gdynia on Sunday. He died in hospital.');
    expect(es[0].fatalities).toBe(1);
  });
  it('places a strike at the place told before, not at the state that struck', () => {
    const es = events('Residents of Rafah said the night was the worst in weeks. Israel launched air strikes overnight, killing 12 people, the health ministry said.');
    expect(es[0].place?.country).toBe('PS');
  });
  it('counts the whole, not the parts it includes', () => {
    const es = events('Gunmen massacred at least 70 people, including 10 women and three infants, in Pont-Sondé on Thursday, the UN said.', '2024-10-05');
    expect(es[0].fatalities).toBe(70);
    expect(events('Gunmen massacred at least 30 people, 12 of them children, in Kerem on Sunday.', '2024-03-12')[0].fatalities).toBe(30);
    // the part's verb the whole's too, with or without commas
    expect(events('At least 14 civilians including five children were killed when helicopters dropped barrel bombs on Daraa on Saturday.', '2024-03-12')[0].fatalities).toBe(14);
    expect(events('At least 14 civilians, among them five children, were killed when helicopters dropped barrel bombs on Daraa on Saturday.', '2024-03-12')[0].fatalities).toBe(14);
    // negative: with no whole, the parts still count
    expect(events('Gunmen massacred ten women in Pont-Sondé on Thursday, the UN said.', '2024-10-05')[0].fatalities).toBe(10);
  });
  it('gives a flight no toll of the deaths told beside it', () => {
    const es = events('Gunmen stormed Kerem on Thursday, killing at least ten people and forcing thousands of residents to flee, witnesses said.');
    expect(es.find((e) => e.type === 'Movements')?.fatalities ?? null).toBeNull();
  });
  it('gives no toll of the next sentence to an evacuation', () => {
    const es = events('Buses evacuated 300 residents from Kafr Saghir on Monday. Five people died in clashes elsewhere in the province.');
    expect(es.find((e) => e.subtype === 'Evacuation')?.fatalities ?? null).toBeNull();
  });
});

// French (data/fr/events-decide.json): the same decisions read in French words, our own sentences.
describe('French: decided per happening', () => {
  const fr = (text: string) => analyze(text, { lang: 'fr', published: '2024-03-12' }).events;
  const frKinds = (text: string) => fr(text).map((e) => `${e.type} / ${e.subtype}`);

  it.each([
    ['stones thrown at a protest make it a riot (cascade)', 'Des manifestants ont jeté des pierres sur les policiers lors de la manifestation de samedi à Conakry.', 'events.cascade.riot-projectiles', 'Riots / Violent demonstration'],
    ['an airliner shot down is a missile attack (cascade)', 'Les rebelles ont abattu un avion de ligne au-dessus de Donetsk lundi.', 'events.cascade.shoot-down', 'Explosions/Remote violence / Shelling/artillery/missile attack'],
    ['security forces killing attackers is a clash (cascade)', 'Les forces de sécurité ont abattu trois assaillants près de Djibo.', 'events.cascade.armed-both-sides', 'Battles / Armed clash'],
    ['the arrest of the attacker belongs to the attack (absorb)', 'Un homme a été arrêté après l’attaque au couteau d’un commerçant à Lyon lundi soir.', 'events.absorb.arrest-in-happening', 'Violence against civilians / Attack'],
  ])('%s', (_why, text, rule, kind) => {
    const es = fr(text);
    expect(es.map((e) => `${e.type} / ${e.subtype}`)).toContain(kind);
    expect(es.flatMap((e) => e.evidence.map((x) => x.rule))).toContain(rule);
  });

  it('keeps an arrest that is the news, and "deux autres explosions" apart from the first', () => {
    expect(frKinds('La police a arrêté dix personnes lundi à Niamey.')).toEqual(['Strategic developments / Arrests']);
    const text = 'Une bombe a explosé sur la voie ferrée près de Gao vendredi soir. Plus tard, deux autres explosions ont endommagé un oléoduc près de Tombouctou.';
    expect(frKinds(text)).toEqual(['Explosions/Remote violence / Remote explosive/landmine/IED', 'Explosions/Remote violence / Remote explosive/landmine/IED']);
  });

  it.each([
    ['the agent of a passive ("par la police")', 'Un homme a été abattu par la police à Marseille mardi.', /police/, /homme/],
    ['no actor for an instrument ("tués par une mine")', 'Deux soldats ont été tués par une mine artisanale près de Gao samedi.', null, /soldier/],
    ['the reporter of its own act ("a affirmé qu\'elle avait tué")', "L'armée a affirmé qu'elle avait tué douze terroristes près de Gao vendredi.", /arm/, /terror/],
    ['the reporter of its own act ("a indiqué avoir neutralisé")', "L'armée a indiqué avoir neutralisé douze terroristes près de Gao vendredi.", /arm/, /terror/],
    ['the crowd of a protest', 'Des milliers d’agriculteurs ont manifesté vendredi à Paris.', /agriculteurs/, null],
    // a side after a noun trigger's "de" did it (agent_genitives); the victims of the clause suffered it
    ['the side after "des bombardements des"', 'Huit civils ont été tués lundi dans des bombardements des Forces armées soudanaises sur Nyala.', /Sudanese Armed Forces/, /civil/],
    ['the side after "les bombardements de l\'"', 'Les bombardements de l’armée ont blessé quatre civils près de Gao.', /army/, /civil/],
    ['the side named by its weapon ("une frappe russe")', 'Quatre civils ont péri dans une frappe russe sur Soumy mardi.', /^forces russes$/, /civil/],
    // the demonym agrees with "forces" ({side+}: the longest form of its family)
    ['the side named by its weapon, the demonym agreeing', 'Quatre civils ont péri dans une frappe aérienne israélienne sur Rafah mardi.', /^forces israéliennes$/, /civil/],
    ['the side named by a masculine weapon, the demonym agreeing', 'Deux civils ont péri dans un bombardement syrien sur Idleb mardi.', /^forces syriennes$/, /civil/],
    // negative: civilians after "de" are no agent ("une attaque des civils")
    ['no agent for the victims after "de"', 'Une attaque des civils par des miliciens a fait cinq morts à Bunia.', /militia/, /civil/],
    // a side right after a noun trigger is its adjective ("une attaque jihadiste"); the victims of "ont été tués" suffered it
    ['the side after its trigger ("une attaque jihadiste")', 'Douze villageois ont été tués lors d’une attaque jihadiste près de Djibo.', /jihadist/, /villageois|resident/],
    ['the side after its trigger as subject', 'Une embuscade terroriste a fait neuf morts parmi les gendarmes près de Dori.', /terrorist/, /gendarme/],
    // "attribuée à": the side held to have acted
    ['the side an attack is attributed to', 'Sept éleveurs ont été tués dimanche dans une attaque attribuée à des jihadistes près de Djibo.', /jihadist/, /éleveurs/],
    ['the named side after "des"', 'Sept éleveurs ont été tués dimanche dans une attaque attribuée aux rebelles des Forces démocratiques alliées près de Beni.', /Allied Democratic Forces/, /éleveurs/],
    // negative: an adjective that is no side ("une attaque armée") names no one
    ['no side in "une attaque armée"', 'Trois gendarmes ont été tués dans une attaque armée contre leur poste près de Dori.', null, /gendarme/],
  ])('who acted: %s', (_why, text, a1, a2) => {
    const e = fr(text)[0];
    if (a1) expect(e.actor1?.name ?? '').toMatch(a1);
    else expect(e.actor1 ?? null).toBeNull();
    if (a2) expect(e.actor2?.name ?? '').toMatch(a2);
    else expect(e.actor2 ?? null).toBeNull();
  });

  it('takes one death told in the next sentence ("Il est mort")', () => {
    expect(fr('Un conseiller a été poignardé sur un marché de Lille dimanche. Il est mort à l’hôpital.')[0].fatalities).toBe(1);
    expect(fr('Un conseiller a été poignardé sur un marché de Lille dimanche. Il est sorti de l’hôpital.')[0].fatalities).toBeNull();
  });
});
