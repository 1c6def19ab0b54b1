// claims in general news, second round (issue 13): one table per construction, our own sentences.
// Each row: [text, quantity text, category expected on that claim (null: no claim on it)].
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';
import { categoryTables, type Row } from './claim-tables.js';

const tables: Record<string, Row[]> = {
  // "losses of N soldiers" counts the dead and wounded together
  'losses of people': [
    ['The army repelled the attack, inflicting losses of up to 140 servicemen on the enemy.', '140', 'casualties'],
    // negative: losses of money are no people
    ['The company reported losses of 40 million dollars last year.', '40', null],
  ],
  // "included a ..." with no count before it in the sentence is a singular claim of its own
  'a singular count after "included"': [
    ['The dead included a journalist and two paramedics.', 'a', 'killed'],
    ['The dead included a journalist and two paramedics.', 'two', 'killed'],
    // negative: after a count of its sentence, "including a child" stays part of it
    ['Twelve people were killed, including a child.', 'a', null],
  ],
  // a toll's earlier figure after "up from" is a claim of the toll's category (previousFigure)
  'a toll told with its earlier figure': [
    ['The number of dead climbed to 45 on Tuesday, up from 31 a day earlier.', '31', 'killed'],
    ['The number of dead climbed to 45 on Tuesday, up from 31 a day earlier.', '45', 'killed'],
    // negative: no toll before it
    ['The stadium holds 45,000 seats, up from 31,000 before the works.', '31,000', null],
  ],
  // one already told of, described again, is no new claim (a definite re-mention, restating in data)
  'a singular count describing one told of': [
    ['The suspect, identified as a 22-year-old man, was taken into custody.', 'a', null],
    ['The victim, a nurse, died in hospital on Monday.', 'a', null],
    // negatives: a singular count of its own
    ['A nurse died in hospital on Monday.', 'A', 'killed'],
    ['Police said a man was arrested at the scene.', 'a', 'detained'],
  ],
  // a place written "City, Region" inside the counted phrase or after a headline's head
  'place with a comma': [
    ['A Salem, Oregon woman was stabbed outside a bar', 'A', 'injured'],
    ['Police said a Reno, Nevada man was arrested on Friday', 'a', 'detained'],
    ['A Salem, Oregon company opened a second store', 'A', null],
    ['Riots follow as mayor of Salem, Oregon shot at rally\nHe is in hospital.', 'mayor', 'injured'],
    ['Crowds cheer as mayor of Lyon, France visits flooded villages\nHe met residents.', 'mayor', null],
    // a headline's head with an "of" complement that holds a participle of its own
    ['Brother of murdered Ruritanian pop star sentenced to life\nThe court ruled on Friday.', 'Brother', 'detained'],
    ['Brother of murdered Ruritanian pop star sentenced to life\nThe court ruled on Friday.', 'murdered', 'killed'],
    ['Sister of slain singer wins award\nShe spoke on Friday.', 'Sister', null],
    // a title-case headline's participle that is also a noun of people is its predicate ("Journalist Killed")
    ['Radio Journalist Killed in Mortar Strike\nShells hit the city on Monday.', 'Radio', 'killed'],
    // negative: a noun after the head is part of it ("Bus Driver")
    ['Bus Driver Union Calls Strike\nThe union met on Monday.', 'Bus', null],
  ],
  // a bare number that points back at a group counted earlier: the same group (other), its rest, a part of it
  'bare number referring back': [
    ['Police arrested 12 people on Monday. A guard saw the twelve near the stolen goods.', 'twelve', 'other'],
    ['Courts issued warrants for thirty-six people. Prosecutors said the 36 must face trial.', '36', 'other'],
    ['Hospitals took in 20 patients. Of the 20, only three were admitted.', 'three', 'injured'],
    ['Five people were hurt. Two went home. The other three stayed at the county clinic.', 'three', 'injured'],
    ['Courts issued warrants for thirty-six people. Among the 36 warrants, one was made public.', '36', null],
    ['Officials counted 12 people. The 12 villages were flooded.', '12', null],
    ['Five people were hurt. The other three teams left.', 'three', null],
    ['The team scored 36 goals. Fans said the 36 were a record.', '36', null],
    // another's figure for the count just told ("put the figure at"), of its category
    ['Organisers said 9,000 people joined the march. Police put the figure at about 4,000.', '4,000', 'other'],
    ['Medics said 31 people were killed. The ministry put the number at 25.', '25', 'killed'],
    // negative: no count told before it
    ['The agency put the figure at 25 on Monday.', '25', null],
  ],
  // names on lines of their own after a count and a colon: each is one of that count
  'names listed on lines after a colon': [
    ['Local radio named three of the wounded passengers:\nJ.D. Marlow, a teacher from the town.\nAh-Lin Osei\', a driver.\nAnn O\'Keefe, a nurse.', 'J.D. Marlow', 'injured'],
    ['Local radio named three of the wounded passengers:\nJ.D. Marlow, a teacher from the town.\nAh-Lin Osei\', a driver.\nAnn O\'Keefe, a nurse.', 'Ah-Lin Osei', 'injured'],
    ['Local radio named three of the wounded passengers:\nJ.D. Marlow, a teacher from the town.\nAh-Lin Osei\', a driver.\nAnn O\'Keefe, a nurse.', "Ann O'Keefe", 'injured'],
    ['The club announced its new players:\nJane Marlow, a striker.\nJohn Osei, a keeper.', 'Jane Marlow', null],
    ['Two miners died in the collapse:\nRescue teams searched through the night.\nJohn Osei, a foreman, spoke to reporters.', 'John Osei', null],
  ],
  // counts inside an apposition set off by commas take the predicate after it; "and a boy" is a count of its
  // own; ages after "ages of" or "aged" count nothing
  'apposition and ages': [
    ['The wounded pupils, two boys and a girl between the ages of 9 and 12, were hospitalised.', 'two', 'injured'],
    ['The wounded pupils, two boys and a girl between the ages of 9 and 12, were hospitalised.', 'a', 'injured'],
    ['The wounded pupils, two boys and a girl between the ages of 9 and 12, were hospitalised.', '9', null],
    ['The wounded pupils, two boys and a girl between the ages of 9 and 12, were hospitalised.', '12', null],
    ['Five children aged 9 to 11 were killed in the fire.', '9', null],
    ['Five children aged 9 to 11 were killed in the fire.', 'Five', 'killed'],
    ['Twelve women and a child were killed in the raid.', 'Twelve', 'killed'],
    ['Twelve women and a child were killed in the raid.', 'a', 'killed'],
    ['The visitors, three ministers and their aides, toured the camp on Monday.', 'three', null],
  ],
  // one vehicle: fired or thrown at, crashed into; past an aside; not when a new clause is about the riders
  'one vehicle': [
    ['Militants hurled a grenade at an army truck near the camp.', 'an', 'vehicles'],
    ['Gunmen opened fire on a bus near the border.', 'a', 'vehicles'],
    ['A cargo plane, said by officials to belong to the air force, crashed into houses.', 'A', 'vehicles'],
    ['Two men were on a motorcycle when they were attacked.', 'a', null],
    ['A truck drove past the school.', 'A', null],
    ['Protesters threw a flag at a rally.', 'a', null],
    ['A bomb exploded on a bus, killing 8 passengers.', 'a', 'vehicles'],
    ['A bomb exploded in a market, killing 8 people.', 'a', null],
  ],
  // a named person: a title of several words between "the killing of" and the name; a passive of harm in the
  // relative clause after the name
  'named: long title, relative clause': [
    ['She recalled the 1994 killing of Ruritanian senator and party leader Jan Novak in the capital.', 'Jan Novak', 'killed'],
    ['His brother, Governor Piet Marlow, who had himself been shot in 1990, spoke at the funeral.', 'Piet Marlow', 'injured'],
    ['His brother, Governor Piet Marlow, who had himself chaired the inquiry, spoke at the funeral.', 'Piet Marlow', null],
    ['She praised the speech of Ruritanian senator and party leader Jan Novak in the capital.', 'Jan Novak', null],
    // gunned down is killed; an apposition to a name is not counted again
    ['Jane Marlow was gunned down outside her home.', 'Jane Marlow', 'killed'],
    ['Jane Marlow, a nurse at the clinic, was stabbed.', 'a', null],
  ],
  // "all but K of the N": N - K with the predicate; the K left out is no count
  'all but': [
    ['All but two of the nine crew died in the crash.', 'All but two of the nine', 'killed'],
    ['All but two of the nine crew died in the crash.', 'two', null],
    ['All but two of the nine crew died in the crash.', 'nine', 'other'],
    ['All but two of the 40 passengers survived.', 'All but two of the 40', null],
  ],
  // French: people who blocked a road are no people blocked (an active "ont bloqué"), those stuck are
  'blocked, blocking': [
    ['Plus de 300 personnes sont bloquées par la neige sur l\'autoroute.', '300', 'trapped'],
    ['À Nantes, plusieurs centaines de manifestants ont bloqué le périphérique.', 'plusieurs centaines', 'other'],
  ],
  // a count in a clause about the place ("where ...") takes no category from the count before it; "taken to the
  // streets" is a crowd's
  'a clause about the place': [
    ['Five people were killed in Mahabad, where thousands had gathered after a funeral.', 'thousands', 'other'],
    ['Five people were killed in Mahabad, where thousands had taken to the streets.', 'thousands', 'other'],
    // negative: a count listed after the first is of its category
    ['Twelve people were killed in Homs and 30 in Hama.', '30', 'killed'],
  ],
  // "Of the dead, N were ...": the partitive's noun names the harm of the count after its comma
  'a part of the dead named by a noun': [
    ['Floods killed 40 people. Of the dead, 15 were children, the agency said.', '15', 'killed'],
    ['Of the wounded, only three were soldiers.', 'three', 'injured'],
    // negative: a partitive with no harm noun
    ['Of the guests, 15 were children.', '15', null],
  ],
  // "among the martyrs were" is "among the dead were" in another outlet's words
  'among the martyrs': [
    ['The sources said that among the martyrs were six children.', 'six', 'killed'],
    // negative: among the guests no one was hurt
    ['Among the guests were six children.', 'six', null],
    ["Parmi les morts figurent six enfants, selon les secours.", 'six', 'killed'],
    ['Parmi les invités figurent six enfants.', 'six', null],
  ],
  // victims may live: a predicate of hurt after them wins over the noun (livingVictimNouns); an adverb between a
  // bare count and its verb ("two later died")
  'victims hurt, and a bare count with an adverb': [
    ['Nine victims were rushed to local hospitals after the blast.', 'Nine', 'injured'],
    ['Nine victims were taken to hospitals, where two later died.', 'two', 'killed'],
    // negative: the dead stay dead, and victims with no predicate of hurt are the dead
    ['Nine bodies were taken to hospitals in the city.', 'Nine', 'killed'],
    ['Nine victims were buried on Sunday.', 'Nine', 'killed'],
  ],
  // "N of the M X died": the part takes the predicate and the whole's noun; the whole is those involved, unless its
  // noun or its participle names what happened to it (partitiveWholeVerbs)
  'a part of a counted whole': [
    ['In the hamlet, nearly 60 of the 150 residents drowned, survivors said.', 'nearly 60', 'killed'],
    ['In the hamlet, nearly 60 of the 150 residents drowned, survivors said.', '150', 'other'],
    ['Dans le hameau, près de 60 des 150 habitants se sont noyés.', '150', 'other'],
    ['Two of the 14 wounded died overnight in hospital.', '14', 'injured'],
    // negative: the participle is the whole's own, a verb follows it
    ['Four of the 18 people killed were aid workers.', '18', 'killed'],
    // negative: a relative clause of the whole's own (partitiveWholeRelatives)
    ['The gang freed nine of the 40 passengers it had kidnapped on the road.', '40', 'abducted'],
  ],
  // crowds: a vague count as a manner adverb; a loose predicate past "city and country"
  crowds: [
    ['Residents queued to give blood by the hundreds on Monday.', 'hundreds', 'other'],
    ['Civilians were killed by the hundreds in the siege.', 'hundreds', 'killed'],
    ['The shop sold tickets by the dozens.', 'dozens', null],
    ['The town was shelled by the hundreds of guns.', 'hundreds', null],
    ['Thousands of people from across our region and country have come together in the square.', 'Thousands', 'other'],
    ['Polls showed that 12 million people wanted to leave the union.', '12 million', 'other'],
    ['Over 2,000 residents voted against the plan.', '2,000', 'other'],
    ['Over 2,000 residents wanted water after the floods were over.', '2,000', null],
  ],
  // one person taking part is no count; one charged is
  'one person taking part': [
    ['An officer was stationed at every gate.', 'An', null],
    ['A soldier was deployed to the border.', 'A', null],
    ['A suspect has been charged with murder.', 'A', 'other'],
    ['Three officers were stationed at the gate.', 'Three', 'other'],
  ],
  // sentenced to prison is detained; a relative clause set off by commas stands between group and predicate
  'sentenced; relative clause aside': [
    ['A court sentenced two people smugglers to four years in prison.', 'two', 'detained'],
    ['About 25 staff members of the council, which runs the capital, died in the bombings.', '25', 'killed'],
    ['Twelve soldiers, who were guarding the base, were killed.', 'Twelve', 'killed'],
    ['Twelve soldiers, who were guarding the base when 3 people were killed, left.', 'Twelve', null],
    ['The court sentenced the men to four years in prison.', 'four', null],
  ],
  // abuse survivors are affected; a city's murder rate is a toll; an infinitive of harm tells no event
  'abuse, murder rate, infinitives': [
    ['Investigators heard some 12,000 people who claimed to have been tortured in custody.', '12,000', 'affected'],
    ['Twelve prisoners were tortured to death.', 'Twelve', 'killed'],
    ['The shooting brings the city murder rate to 31 this year.', '31', 'killed'],
    ['Notices ask police to find and arrest a person wanted by a court.', 'a', null],
    ['Police went to arrest a man in the village.', 'a', null],
    ['Police arrested a man in the village.', 'a', 'detained'],
  ],
  // carried by an ambulance or out on stretchers: the injured
  'carried to care': [
    ['The ambulance took away three pupils from the square.', 'three', 'injured'],
    ['Paramedics rushed two men to the county hospital.', 'two', 'injured'],
    ['Police took away three pupils from the square.', 'three', null],
    ['Pupils stayed in class, though several came out on stretchers.', 'several', 'injured'],
    ['The ambulance crew ate lunch while two men watched.', 'two', null],
  ],
  // people found (the missing, found again) are involved; bodies found stay dead; found dead is killed
  found: [
    ['Eight persons, among them three children, have been found.', 'Eight', 'other'],
    ['Twelve bodies were found in the river.', 'Twelve', 'killed'],
    ['Twelve people were found dead in the river.', 'Twelve', 'killed'],
    ['Two men were found guilty of the killing.', 'Two', 'other'],
    ['Investigators found that 12 rooms had burned.', '12', null],
    ['More than two million have found refuge abroad.', 'two million', 'displaced'],
  ],
  // a bare count set off by a comma at the end of a clause about people
  'count set off at the end': [
    ['Outside the station there were a lot of police, at least a dozen.', 'at least a dozen', 'other'],
    ['Many civilians were killed, at least 40.', 'at least 40', 'killed'],
    ['The police arrived at noon, 12.', '12', null],
    ['She was survived by her son, 28.', '28', null],
    ['The police station had many rooms, at least 20.', 'at least 20', null],
  ],
  // people named by their tie to others (classmates, neighbours, grandparents) are counted like any people
  'people named by their ties': [
    ['A teenager stabbed two classmates at a school in Hamilton, police said.', 'two', 'injured'],
    ['Three neighbours were killed when the roof fell in.', 'Three', 'killed'],
    ['Gunmen abducted two colleagues of the mayor on the road.', 'two', 'abducted'],
    // negative: a count of something else near such a word
    ['Her two classmates said the school had 12 rooms.', '12', null],
  ],
  // families that lost their homes are displaced, even after a toll joined by "and"
  'lost their homes': [
    ['In the district, 27 people drowned and 4,000 families lost their houses, officials said.', '4,000', 'displaced'],
    ['Two men lost their jobs when the factory closed.', 'Two', null],
  ],
  // people sheltering in tents are displaced; fighters who attacked are involved ("other")
  'sheltering, attacking': [
    ['Nearly half a million people are sheltering in tents, the agency said.', 'Nearly', 'displaced'],
    ['Between 300 and 400 fighters attacked the base on Sunday.', 'Between', 'other'],
    // negative: those attacked are no attackers
    ['Twelve people were attacked on the road.', 'Twelve', null],
  ],
  // French: an "engin artisanal" (a home-made device) is no vehicle
  'devices are no vehicles': [
    ["Deux soldats ont été blessés par l'explosion d'un engin artisanal près de Gao.", 'un', null],
    ['Deux soldats ont été blessés par l\'explosion d\'un engin artisanal près de Gao.', 'Deux', 'injured'],
  ],
  // a count "of" things is no count of people, though a count of people follows ("Thousands of buildings collapsed and ...")
  'counts of things': [
    ['Thousands of buildings collapsed and hundreds of people remain trapped.', 'Thousands', null],
    ['Thousands of buildings collapsed and hundreds of people remain trapped.', 'hundreds', 'trapped'],
    ['About half a million people are living in relief camps, officials said.', 'About', 'displaced'],
    // negative: people by a word of ties after a possessive ("34 of his comrades")
    ['The commander died, and 12 of his comrades were wounded.', '12', 'injured'],
  ],
  // an apposition of people's nouns between the group and its verb ("civilians and soldiers")
  'apposition of people': [
    ['At least 200 people, civilians and soldiers, were killed on Saturday in an attack.', '200', 'killed'],
    ['Au moins 200 personnes, civils et militaires, ont été tuées samedi dans une attaque.', '200', 'killed'],
    // negative: no verb of harm after it
    ['Twelve people, civilians and soldiers, gathered at the gate.', 'Twelve', 'other'],
  ],
  // "members of one family": one is "the same", no count; the members are
  'one family': [
    ['Five members of one family, including three children, died in the fire.', 'Five', 'killed'],
    ['Five members of one family, including three children, died in the fire.', 'one', null],
    ['One family was evacuated and one man was injured.', 'one', 'injured'],
  ],
  // a name after "among the dead was"; a list of names with appositions
  'names among the dead, lists with appositions': [
    ['Among the dead was Jane Marlow, 41.', 'Jane Marlow', 'killed'],
    ['Among the injured was John Osei, a driver.', 'John Osei', 'injured'],
    ['The victims included Jane Marlow, a teacher, and John Osei, a driver.', 'John Osei', 'killed'],
    ['Among the guests was Jane Marlow, 41.', 'Jane Marlow', null],
  ],
};

describe('claims in general news, second round', () => {
  categoryTables(tables);
});

// a named person told again is one count; two full names sharing a surname are two people
describe('claims: the same person, or two of one family', () => {
  it.each([
    ['She recalled the 1968 assassination of senator Jan Novak. Novak was shot in a hotel kitchen.', 'novak', 1],
    ['She recalled the 1968 assassination of senator Jan Novak. His brother Piet Novak, who had himself been assassinated in 1963, was buried in the capital.', 'novak', 2],
  ] as [string, string, number][])('%s', (text, name, n) => {
    expect(analyze(text).claims.filter((c) => c.who.endsWith(name)).length).toBe(n);
  });
});

// the names of a count given by someone who "released the names" in the sentence before: theirs
describe('claims source: who released the names', () => {
  it.each([
    ['The county coroner has released the names of all those killed in the attack. Those killed included Jane Marlow, 20; and John Osei, 31.', 'Jane Marlow', 'county coroner'],
    ['The county coroner has released the names of all those killed in the attack. Those killed included Jane Marlow, 20; and John Osei, 31.', 'John Osei', 'county coroner'],
    ['Police named the victim as Jane Marlow. Marlow was shot in the chest.', 'Marlow', 'police'],
    ['The storm named Jane hit the coast. Jane Marlow was killed.', 'Jane Marlow', null],
    ['The mayor released the budget on Monday. Those killed included Jane Marlow.', 'Jane Marlow', null],
  ] as [string, string, string | null][])('%s', (text, name, source) => {
    const c = analyze(text).claims.find((x) => x.quantity.text === name);
    expect(c, `no claim on ${name}`).toBeDefined();
    expect(c!.source?.name.toLowerCase() ?? null).toBe(source);
  });
});
