// claims in general news (issue 13): one table per kind of miss or false claim, our own sentences.
// Each row: [sentence, quantity text, category expected on that claim (null: no claim on it)].
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';
import { categoryTables, type Row } from './claim-tables.js';

const tables: Record<string, Row[]> = {
  // one person named by a singular noun the lexicon knew only in the plural
  'singular people nouns': [
    ['A fisherman drowned off the coast on Monday', 'A', 'killed'],
    ['A villager was wounded by a stray bullet', 'A', 'injured'],
    ['A protester was arrested outside the parliament', 'A', 'detained'],
    ['A farmer sold his crop at the market', 'A', null],
    ['A supporter waved a flag at the rally', 'A', null],
    ['A passer-by was wounded by shrapnel near the market', 'A', 'injured'],
    ['Un enseignant a été tué vendredi devant le lycée', 'Un', 'killed'],
    ['Une fillette a été blessée par une balle perdue', 'Une', 'injured'],
    // negative: the noun with no harm told
    ['Un enseignant a ouvert la porte du lycée', 'Un', null],
    // households are counted people too
    ['Between 60,000 and 80,000 households had fled the camp by Monday', 'Between 60,000 and 80,000', 'displaced'],
    ['Plus de 5 000 ménages ont fui la ville', 'Plus de 5 000', 'displaced'],
    ['The storm cut power to 40,000 households', '40,000', null],
    // a demonym whose plural is the same word counts people too
    ['More than 90,000 Lebanese have been displaced from border villages', 'More than 90,000', 'displaced'],
    ['Two Swiss tourists were kidnapped near the border', 'Two', 'abducted'],
    // negative: the demonym before a body is no count
    ['The Chinese government sent 12 rescue teams', '12', null],
    // a military idiom of death
    ['Six militants were sent to hell in the exchange of fire, the army said', 'Six', 'killed'],
  ],
  // a headline's bare count with a finite verb and its object ("Thousands flee clashes"): the verb tells
  // what happened; a participle before a noun still modifies it
  // a genitive after the group, its own modifiers and name in it, before the verb group
  'genitive before the verb': [
    ['A senior commander of the militant group was killed in a raid', 'A', 'killed'],
    ['An operative of the Pakistan-based armed group Lashkar was gunned down on Friday', 'An', 'killed'],
    ['Two members of the local election commission were abducted on Sunday', 'Two', 'abducted'],
    // negative: the genitive's noun phrase ends at a clause word, and a verb of no category stays none
    ['Three members of the council said the vote was fair', 'Three', null],
    ['A spokesman of the armed group denied the claim', 'A', null],
  ],
  'bare count before a finite verb and its object': [
    ['Thousands flee clashes in El Fasher', 'Thousands', 'displaced'],
    ['Tens of thousands protest in Tbilisi against the bill', 'Tens of thousands', 'other'],
    ['Hundreds gather to mourn the victims', 'Hundreds', 'other'],
    ['Ten wounded soldiers were flown out', 'Ten', 'injured'],
  ],
  // an apposition holding a number, set off by commas, between the group and its verb group
  'apposition with a number before the verb': [
    ['More than 1.9 million people, about 90% of the population, have been displaced', 'More than 1.9 million', 'displaced'],
    ['Some 4,000 families, or 20,000 people, were left homeless by the floods', 'Some 4,000', 'displaced'],
    ['At least 30 people, 12 of them children, were killed on Sunday', 'At least 30', 'killed'],
    // negative: a relative clause holding a count of its own
    ['Twelve guards, who were at the gate when 3 people were shot, left the post', 'Twelve', null],
  ],
  // people still in hospital or being treated are injured
  'in hospital, being treated': [
    ['The governor said 107 people remained in hospitals', '107', 'injured'],
    ['Thirty people were treated for smoke inhalation', 'Thirty', 'injured'],
    // negative: staff at a hospital are no patients
    ['Doctors in hospital said the road was cut', 'Doctors', null],
  ],
  // people named by their trade (peopleNouns): vendors, traders, herders, miners
  'people named by their trade': [
    ['A blast at the market killed two vendors and injured eight others', 'two', 'killed'],
    ['Gunmen abducted 14 traders on the highway', '14', 'abducted'],
    ['Three herders were shot dead near the river', 'Three', 'killed'],
    // negative: a count of goods sold by them is no claim of people
    ['The vendors sold 40 melons before noon', '40', null],
  ],
  // a vehicle word that modifies an event noun counts no vehicles
  'vehicle word before an event noun': [
    ['Two car bombings struck the capital on Sunday', 'Two', null],
    ['Three truck attacks hit the port this year', 'Three', null],
    ['Two cars were set alight by rioters', 'Two', 'vehicles'],
    ['Militants detonated two car bombs near the gate', 'two', 'vehicles'],
  ],
  // one person something happened to, with no number: a death participle before a noun, "another" with its
  // predicate, a noun of what happened before "of" and a name
  'one person without a number': [
    ['Mother of murdered Kenyan journalist demands answers', 'murdered', 'killed'],
    ['Rescuers pulled out a drowned Afghan boy', 'a', 'killed'],
    ['Rescuers pulled out a murdered Afghan boy', 'a', 'killed'],
    // negative: the participle with a determiner after it is a verb ("drowned a" is no modifier)
    ['The flood drowned a herd and the herder escaped', 'a', null],
    ['The murdered journalist was buried on Monday', 'murdered', null],
    ['Gunmen murdered a shopkeeper in the market', 'murdered', null],
    ['A wounded soldier was flown to the capital', 'A', null],
    ['Three villagers were killed and another died later in hospital', 'another', 'killed'],
    ['Two guards were wounded and another was taken hostage', 'another', 'abducted'],
    ['They helped one another escape', 'another', null],
    ['Another day passed without news', 'Another', null],
    ['Police found a man who tried to cross the river and drowned', 'a', 'killed'],
    ['A man who saw the attack told police what happened', 'A', null],
    ['One other person was injured in the struggle', 'One', 'injured'],
    ['One other thing was clear to the court', 'One', null],
    ['Protests followed the shooting of Tomas Wendt by police', 'Tomas Wendt', 'injured'],
    ['Police confirmed the arrest of Mark Hollis on Friday', 'Mark Hollis', 'detained'],
    ['The trial of Tomas Wendt begins on Monday', 'Tomas Wendt', null],
  ],
  // people in need of aid, facing hunger, reached with aid are affected; an apposition of a share sits between
  'in need': [
    ['Some 3 million people need humanitarian assistance in the east', '3 million', 'affected'],
    ['An estimated 90,000 people face catastrophic hunger in the valley', '90,000', 'affected'],
    ['Aid agencies assisted 40,000 people in the camps last month', '40,000', 'affected'],
    ['Some 3 million people, nearly a third of the population, need humanitarian assistance', '3 million', 'affected'],
    ['Quelque 3 millions de personnes, soit près du tiers de la population, ont besoin d’aide', '3 millions', 'affected'],
    // negative: a comma after the group that opens no share nor count stops the reach
    ['Some 3 million people, the minister said on Monday, need humanitarian assistance', '3 million', null],
  ],
  // "scores" before a verb group counts too (not only "scores of"); "feared dead" without its auxiliary (headlines)
  // a predicate of harm right after one of mere presence ("on board") is what happened to them
  'on board': [
    ['All 212 passengers on board were killed in the crash', '212', 'killed'],
    ['All 212 passengers on board survived the landing', '212', 'other'],
  ],
  'scores, feared dead': [
    ['Scores were killed when the dam burst', 'Scores', 'killed'],
    ['Dozens feared dead as a ferry sinks off Pemba', 'Dozens', 'killed'],
    ['Scores feared dead as a ferry sinks off Pemba', 'Scores', 'killed'],
    // negative: scores of a game
    ['The scores were level at half time', 'scores', null],
  ],
  // hit by a disaster is affected, hit by fire is injured; French "touchés par" likewise
  hitBy: [
    ['About 4,000 households were hit by the floods in the delta', '4,000', 'affected'],
    ['Two guards were hit by sniper fire at the gate', 'Two', 'injured'],
    ['Quelque 4 000 familles ont été touchées par la sécheresse dans le nord', '4 000', 'affected'],
    ['Deux gardes ont été touchés par des tirs près du poste', 'Deux', 'injured'],
    // "sinistrés" are people a disaster struck (affected), not people who left; a disaster that "touched" people affected them
    ['Les crues ont fait 12 morts et 30 000 sinistrés dans la vallée', '30 000', 'affected'],
    ['Les crues avaient fait 12 morts et touché plus de 30 000 personnes dans la vallée', '30 000', 'affected'],
    ['Quelque 3 000 sinistrés ont été relogés dans des écoles', '3 000', 'displaced'],
  ],
  // still in hospital is hurt, also for a count with no noun after one with it
  'remain in hospital': [
    ['Three people remain in hospital after the crash', 'Three', 'injured'],
    ['Five people were hurt. The other three remained in hospital on Monday', 'three', 'injured'],
    ['Two soldiers remain hospitalised in the capital', 'Two', 'injured'],
    ['The two leaders remain in talks at the palace', 'two', null],
    ['Three wards remain closed at the hospital', 'Three', null],
    ['Some 30 passengers were taken to hospital with cuts', '30', 'injured'],
    ['Six miners were rushed to the hospital after the blast', 'Six', 'injured'],
    ['Two ambulances were taken to the hospital', 'Two', 'vehicles'],
  ],
  // people saved are people involved (other); rescued alive from a collapse stays trapped
  'lives saved': [
    ['The lifeboat crews count some 2,500 lives saved since the service began', '2,500', 'other'],
    ['Four fishermen were saved by a passing trawler', 'Four', 'other'],
    ['Two fishermen were rescued alive from the collapsed pier', 'Two', 'trapped'],
    ['More than 300 migrants were rescued off the coast on Sunday', '300', 'other'],
    ['Plus de 300 migrants ont été secourus dimanche au large des côtes', '300', 'other'],
    ['The campaign saved 40 euros on fuel last winter', '40', null],
    ['The shop saved 300 dollars a month', '300', null],
  ],
  // a headline's one person or vehicle with no article (the first line is the headline)
  headline: [
    ['Harbour bombing suspect shot in raid\nPolice said the man was armed.', 'Harbour bombing suspect', 'injured'],
    ['Chartered cargo plane crashes into houses\nThe crew died.', 'Chartered cargo plane', 'vehicles'],
    ['Police kill knife-wielding man\nThe man had threatened shoppers.', 'knife-wielding man', 'killed'],
    ['Gunman kills five in shopping mall\nPolice are searching for him.', 'Gunman', null],
    ['Army sergeant charged with seventeen murders\nThe trial begins in May.', 'Army sergeant', 'other'],
    ['Army sergeant deployed to the border\nHe left on Monday.', 'Army sergeant', null],
    ['Police officer says protest was peaceful\nShe spoke on Monday.', 'Police officer', null],
    ['Bus driver praised for quick thinking\nShe stopped the bus.', 'Bus driver', null],
    ['The guards said a suspect shot in the raid had died', 'suspect', null],
    // a noun after a preposition modifies another ("militant attack"): no one is counted
    ['Nine soldiers killed in militant attack on outpost\nThe army said the post was rebuilt.', 'militant', null],
  ],
  // a car bomb that went off is one vehicle
  'vehicle that exploded': [
    ['A car bomb exploded near the market on Monday', 'A', 'vehicles'],
    ['A car bomb which reportedly exploded near the hotel killed two guards', 'A', 'vehicles'],
  ],
  // hospital patients counted by a hospital are injured (dev-world README convention); what happened to them wins
  patients: [
    ['The county hospital took in a total of 18 patients overnight', '18', 'injured'],
    ['Nine of the patients were discharged on Friday', 'Nine', 'injured'],
    ['30 patients were evacuated from the clinic', '30', 'displaced'],
  ],
  // a number that labels a thing inside the phrase counts nothing; one person's predicate past an apposition
  'labels and appositions': [
    ['A grade 9 student, Ilse Vormbrock, 15, was shot in the corridor', 'A', 'injured'],
    ['A Boeing 707 cargo plane crashed into houses near the airport', 'A', 'vehicles'],
    ['A Boeing 707 cargo plane crashed into houses near the airport', '707', null],
    ['In Aleppo 12 people were killed on Monday', '12', 'killed'],
    ['Protesters demanded that Article 50 be revoked', '50', null],
    ['A former adviser, Ilse Vormbrock, also spoke at the rally', 'A', null],
  ],
  // a count of harm events counts their victims
  'event nouns': [
    ['The sergeant was charged with seventeen murders', 'seventeen', 'killed'],
    ['The commission listed 1,102 disappearances', '1,102', 'missing'],
    ['Police reported 40 kidnappings in the province last year', '40', 'abducted'],
    ['The court heard 12 cases on Monday', '12', null],
  ],
  // survivors and the hurt: injured, but the dead stay dead
  survivors: [
    ['Reports named four of the surviving victims', 'four', 'injured'],
    ['Officers noticed a man bleeding from his head', 'a', 'injured'],
    ['Guards found an inmate with stab wound injuries', 'an', 'injured'],
    ['The team recovered 31 bodies in the ravine, some of them with gunshot wounds', '31', 'killed'],
    ['The victims were buried on Friday after 3 victims were named', '3', 'killed'],
  ],
  // the brief's wrong categories: hostages taken, people under or pulled from rubble, casualty tolls
  // a bare count whose category comes from a hospital predicate; a population by what it lacks
  // people treated by medics are the injured
  'treated by medics': [
    ['Medics said they had treated 60 people for breathing problems', '60', 'injured'],
    ['The field clinic has treated 300 patients since the shelling began', '300', 'injured'],
    // negative: a treatment given to no counted people
    ['The hospital treated its 12 generators as a priority after the storm', '12', null],
  ],
  'admitted, transferred to hospital, lacking food': [
    ['Of the 30 patients brought in, only four were admitted for treatment', 'four', 'injured'],
    ['Nine were transferred to another hospital on Sunday', 'Nine', 'injured'],
    ['Aid groups say 3 million people lack clean water after the floods', '3 million', 'affected'],
    ['Two were admitted to the university last year', 'Two', null],
    ['Doctors warned that 4,000 more people could perish from cholera', '4,000', 'killed'],
    ['Three were discharged and five were moved to nearby hospitals overnight', 'five', 'injured'],
    ['About 300 villagers were moved to a camp near the border', '300', 'displaced'],
  ],
  // "a village chief and his two sons": the count after a possessive shares the verb of the one before
  'kin after a possessive': [
    ['Gunmen shot dead a village chief and his two sons on Sunday', 'two', 'killed'],
    ['The raid killed two women and their seven children', 'seven', 'killed'],
    ['Gunmen shot dead a village chief on Sunday', 'a', 'killed'],
    ['Gunmen killed his two sons outside the mosque', 'two', 'killed'],
    ['Des hommes armés ont tué ses deux fils devant la mosquée', 'deux', 'killed'],
    // negative: a count with a verb of its own keeps it
    ['Two women were killed and their three children were wounded', 'three', 'injured'],
  ],
  // an explosive device is no vehicle ("un engin explosif"); an armoured one is
  'devices are no vehicles': [
    ["L'explosion d'un engin explosif a coupé la route de Gao", 'un', null],
    ['Trois engins blindés ont été détruits près de Gao', 'Trois', 'vehicles'],
  ],
  // people taken to safety or sheltered are displaced
  'taken to safety': [
    ['Some 500 people were taken to safety as the river rose', 'Some 500', 'displaced'],
    ['Quelque 500 personnes ont été mises à l’abri dans des écoles', 'Quelque 500', 'displaced'],
    // negative: a place's safety is no count
    ['The 500 schools were declared safe by the ministry', '500', null],
  ],
  // people left without power or water are affected, not displaced
  'left without power': [
    ['Hundreds of thousands have been left without power after the storm', 'Hundreds of thousands', 'affected'],
    ['Plus de 200 000 personnes sont privées d’électricité', 'Plus de 200 000', 'affected'],
    // negative: left homeless, they are displaced
    ['Over 10,000 people were left homeless by the floods', 'Over 10,000', 'displaced'],
  ],
  // bodies are the dead, whatever moved them
  'bodies that moved': [
    ['Hospital sources said that 15 bodies had arrived at the morgue', '15', 'killed'],
    ['Quinze corps sont arrivés à l’hôpital dans la nuit', 'Quinze', 'killed'],
    ['Five years of war have brought 230,000 deaths to the region', '230,000', 'killed'],
    // negative: an acronym's bodies are its organs
    ['One of ISIS bodies had detained two men in the town', 'two', 'detained'],
  ],
  // people a copula counts: "Les manifestants étaient 20 000", "The dead numbered 40"
  'a copula before the number': [
    ['Les manifestants étaient 20 000 selon la police', '20 000', 'other'],
    ['Ils étaient 3 500 à Lyon selon la préfecture', '3 500', 'other'],
    ['The dead numbered 40, officials said', '40', 'killed'],
    // negative: figures are no people
    ['Les chiffres sont 20 000 selon la police', '20 000', null],
  ],
  // people pulled from or found under rubble are the trapped, in French too
  'rubble in both languages': [
    ['Twelve people were found alive under the rubble of the school', 'Twelve', 'trapped'],
    ['Les secours ont extrait sept survivants des décombres', 'sept', 'trapped'],
    ['Une vingtaine de personnes sont toujours ensevelies sous les gravats', 'Une vingtaine', 'trapped'],
    // negative: found, with nothing of rubble or of being alive, is no category of harm
    ['Les enquêteurs ont retrouvé trois témoins', 'trois', null],
  ],
  // a toll of another category than deaths names it, after "of" or after the number
  'toll of the injured': [
    ['The provisional toll stands at 12 injured, officials said', '12', 'injured'],
    ['The toll of wounded rose to 80 overnight', '80', 'injured'],
    ['The death toll from the quake rose above 50,000 on Sunday', 'above 50,000', 'killed'],
    ['Le bilan provisoire fait état de 12 blessés', '12', 'injured'],
    // negative: a toll with no noun, or the death toll's own word, stays deaths
    ['The toll rose to 52 on Sunday', '52', 'killed'],
    // the toll reaches back over the words of a long name and an acronym in brackets
    ['The death toll from the rockets fired by the Popular Defence Forces of the Upper Nile (PDFUN) on the market of Port Kessel in Lower Mardo state has risen to 19', '19', 'killed'],
    ['Death toll in attack on evacuees rises to 112', '112', 'killed'],
  ],
  'hostages, rubble, casualty tolls': [
    ['Militants took 150 people as hostages near the border', '150', 'abducted'],
    ['Rescuers pulled five people out alive from the rubble', 'five', 'trapped'],
    ['Eight survivors were pulled from the rubble of the hotel', 'Eight', 'trapped'],
    // the dead pulled from the rubble are counted as killed
    ['Volunteers pulled 14 bodies from the rubble of the school', '14', 'killed'],
    ['Crews recovered six corpses from under the debris on Sunday', 'six', 'killed'],
    ['By evening the casualties were in the hundreds', 'in the hundreds', 'casualties'],
    ['The total reported casualties increased to 167 on Monday', '167', 'casualties'],
    ['The casualties were a fisherman who drowned and a farmer', 'a', 'killed'],
  ],
  // one person named by a role relative to someone, right after a verb of harm or arrest
  possessed: [
    ["The strike killed the group's commander", 'the group', 'killed'],
    ['Police arrested his brother on Monday', 'his brother', 'detained'],
    ['Gunmen abducted their leader near the border', 'their leader', 'abducted'],
    ["The raid killed his brother's wife", "his brother's wife", 'killed'],
    ['The strike killed the attacker', 'the attacker', null],
    ["The army killed the group's fighters", 'the group', null],
    ['He visited his brother in hospital', 'his brother', null],
  ],
  // an inclusion reaches back over a day between it and its whole ("since May 3, 2024, including 31 children")
  'inclusion past a day': [
    ['The clinic has treated 160 wounded patients since May 3, 2024, including 31 children', '31', 'injured'],
    // negative: a clause of its own between them
    ['The clinic has treated 160 wounded patients since the road was cut, including 31 children', '31', null],
  ],
  // refugees counted as arrivals where they crossed to are displaced
  arrivals: [
    ['The agency registered 3,500 new arrivals at the border post last week', '3,500', 'displaced'],
    // negative: arrivals of things
    ['Flight arrivals at the airport fell by 300 last month', '300', null],
  ],
  // residents of a place (residentCues): affected when the sentence says the place was hit, else a population (other)
  residents: [
    ['Shells hit the camp, which is home to some 80,000 people, on Sunday', '80,000', 'affected'],
    ['The block that collapsed was home to over 300 people', '300', 'affected'],
    ['Le camp, qui abrite quelque 80 000 déplacés, a été bombardé dimanche', '80 000', 'affected'],
    ['The town, home to some 80,000 people, voted on Sunday', '80,000', 'other'],
    // negative: a home of one's own is no cue
    ['Rescuers took 30 people home to the village', '30', null],
  ],
  // a parent "of three" is one person: the count describes them, the person is counted (parentOf)
  'a parent of N': [
    ['A father of three was killed in the strike on the market', 'three', null],
    ['A father of three was killed in the strike on the market', 'A', 'killed'],
    ['Une mère de six enfants a été tuée dans la frappe', 'six', null],
    ['Une mère de six enfants a été tuée dans la frappe', 'Une', 'killed'],
    ['Nadia, a mother of four children who fled the fighting, spoke to reporters', 'four', null],
    // negative: the children of a family counted for themselves
    ['The strike killed a mother and her four children', 'four', 'killed'],
  ],
  // a share of the group after a comma ("eight of whom", "two of them") has a predicate of its own; the group's
  // is past the share when a comma closes it, its own word when none does
  'a share of the group': [
    ['The clinic took in 41 injured miners, nine of whom died overnight', '41', 'injured'],
    ['The clinic took in 41 injured miners, nine of whom died overnight', 'nine', 'killed'],
    ['18 guards, three of them women, were killed at the gate', '18', 'killed'],
    ['Eighteen guards, three of whom were women, were killed at the gate', 'Eighteen', 'killed'],
    ['Police arrested 26 protesters, four of whom were released on bail', '26', 'detained'],
    // negative: a share of plain people names nothing for the whole
    ['The clinic took in 41 miners, nine of whom died overnight', '41', null],
  ],
  // auxAdverbs: "since" right after an auxiliary is an adverb of the verb group, no clause word
  'an adverb inside the verb group': [
    ['He said about 200 families had since fled to the hills', '200', 'displaced'],
    // negative: "since" opening a clause after the group
    ['About 200 families live in the camp since the floods hit', '200', null],
  ],
  // a count after a comma, once words no part of the group came between, opens a clause of its own
  'a count after the comma': [
    ['According to three officials speaking on condition of anonymity, at least 40 guards were killed', 'three', null],
    ['According to three officials speaking on condition of anonymity, at least 40 guards were killed', '40', 'killed'],
    // negative: right after the group, the count after the comma is part of it
    ['Twelve people, 3 of them children, were killed in the blast', 'Twelve', 'killed'],
  ],
  // crowd sizes are other: a gathering predicate, or the crowd as a passive's agent
  crowds: [
    ['Thousands of people forming a human chain in the capital', 'Thousands', 'other'],
    ['Vigils across the country were attended by thousands', 'thousands', 'other'],
    ['Three soldiers were killed by 12 militants', '12', null],
    // people tried, acquitted or giving up their weapons are involved: other
    ['Several alleged accomplices were tried by the same court', 'Several', 'other'],
    ['The attack was carried out by three gunmen on motorbikes', 'three', 'other'],
    ['Around 40 policemen handed over their weapons to the militia', '40', 'other'],
  ],
};

/** a breakdown after a colon, going on past places: every part takes the parent's category */
describe('claims: breakdown after a colon', () => {
  it.each([
    ['Officials reported 8 dead among the security forces: 2 gendarmes in front of the embassy and 6 soldiers at the headquarters.', [8, 2, 6]],
    ['18 dead: 11 civilians, six soldiers and one policeman.', [18, 11, 6, 1]],
    ['Officials reported 8 dead in the town: 2 hours later 40 soldiers arrived.', [8]],
  ])('%s', (text, values) => {
    const got = analyze(text).claims.filter((c) => c.category === 'killed').map((c) => c.value.min);
    expect(got).toEqual(values);
  });
});

/** [sentence, the values of its toll claims in order] */
const tolls: [string, number[]][] = [
  // "rose from A to B": two claims (GUIDELINES), whether the numbers stage reads one range or two numbers
  ['The toll from the floods rose from 14 to 38 on Friday', [14, 38]],
  ['Officials said the number of dead climbed from 30 to 41', [30, 41]],
  ['The quake raised the death toll from four people to seven due to a landslide', [4, 7]],
  ['The death toll from the fire rose to 52', [52]],
  // "of" links a figure to the toll only right after the toll word
  ['The death toll of 52 was confirmed by the hospital', [52]],
  ['The toll from the storm that flooded the coasts of a dozen islands is unknown', []],
  // "from" opens a range only when "to" and a second figure follow
  ['The toll from 3 provinces was not given', []],
];

describe('claims in general news', () => {
  it.each(tolls)('%s → %j', (text, values) => {
    const got = analyze(text).claims.filter((c) => c.category === 'killed').map((c) => c.value.min);
    expect(got).toEqual(values);
  });

  categoryTables(tables);
});

// the day of a count: a day named in a relative clause about something else in the sentence is that thing's day
describe('claims day: a day in a relative clause about something else', () => {
  it.each([
    ['On Friday, floods from the storm that hit the coast on Monday raised the toll to 31.', '31', '2024-03-08'],
    ['Rescuers said on Friday that 31 people were killed in the storm that hit the coast on Monday.', '31', '2024-03-08'],
    ['The storm hit the coast on Monday.\nOver 40 were hurt in the floods, which were the worst in over ten years.', '40', '2024-03-04'],
    ['On Monday 31 people were killed in the floods.', '31', '2024-03-04'],
    ['Officials said that 31 people were killed on Monday.', '31', '2024-03-04'],
    // a relative clause closed by a comma before the day: the day is the main clause's
    ['At least 31 people, most of whom were civilians, were killed on Monday, officials said on Friday.', '31', '2024-03-04'],
    ['Au moins 31 personnes, dont une majorité de civils, ont été tuées lundi, a-t-on appris vendredi.', '31', '2024-03-04'],
    // negative: a day inside the relative clause stays another's
    ['Some 31 people who fled on Monday were wounded, officials said on Friday.', '31', '2024-03-08'],
    // a day after publication is a date to come (a court date, a deadline, an election): never carried
    ['The court will hear the case on March 20. Twelve men were arrested in the raid.', 'Twelve', null],
    ['On Thursday the army stormed the town. Voters go to the polls on March 24. Twelve men were arrested in the raid.', 'Twelve', '2024-03-07'],
    ['Police arrested 12 protesters on Friday ahead of the March 15 deadline.', '12', '2024-03-08'],
    // a look back in time two sentences before is not carried; the sentence right after it goes on with it
    ['Gunmen attacked the market on Friday. The method was the one used in Lyon on 14 January. The attacker was known to police. Police said the four people killed were all in their twenties.', 'four', '2024-03-08'],
    ['Gunmen attacked the market on Friday. The deadliest attack took place in Lyon on 14 January. Four civilians had been killed there.', 'Four', '2024-01-14'],
  ])('%s', (text, q, date) => {
    const a = analyze(text, { published: '2024-03-09' });
    const c = a.claims.find((x) => x.quantity.text.includes(q));
    expect(c?.date ?? null).toBe(date);
  });
});

// a named person something happened to, when the actors stage did not take the name for a person:
// two or three capitalised words anywhere, or one (a given name, or the surname of a name in the text)
// where a sentence starts; the predicate of harm or arrest must follow
describe('claims: names the actors stage missed', () => {
  it.each([
    ['Kovar Dzhanibek was stabbed outside his home on Friday.', 'Kovar Dzhanibek', 1],
    ['Officials said Kovar Dzhanibek was stabbed outside his home.', 'Kovar Dzhanibek', 1],
    ['The guard Ilse Vormbrock was shot in the leg.', 'Ilse Vormbrock', 1],
    ['Ilse Vormbrock spoke to reporters. Vormbrock was arrested the next day.', 'Vormbrock', 1],
    ['Robert was killed in the crash.', 'Robert', 1],
    ['Villagers are accused of beating to death Kovar Dzhanibek.', 'Kovar Dzhanibek', 1],
    ['Kovar Dzhanibek, 38, a sergeant, was formally charged with murder on Friday.', 'Kovar Dzhanibek', 1],
    ['Kovar Dzhanibek was deployed to the border.', 'Kovar Dzhanibek', 0],
    ['As of Monday, Kovar Dzhanibek was reportedly still in critical condition.', 'Kovar Dzhanibek', 1],
    ['Kovar Dzhanibek claimed the seat.', 'Kovar Dzhanibek', 0],
    ['It was reported on Saturday Kovar Dzhanibek was stabbed in the yard.', 'Kovar Dzhanibek', 1],
    ['Nobody was injured in the blast.', 'Nobody', 0],
    ['Kovar Dzhanibek said the guard was stabbed.', 'Kovar Dzhanibek', 0],
    ['Tarnow was shelled overnight.', 'Tarnow', 0],
    ['Kovar Dzhanibek was appointed minister on Friday.', 'Kovar Dzhanibek', 0],
    // an age before the name marks a person; the name that ends an apposition is its subject's
    ['The gunman, named as 31-year-old Tarvo Keel Brandt, was taken into custody.', 'Tarvo Keel Brandt', 1],
    ['The gunman, named as Tarvo Brandt, was taken into custody.', 'Tarvo Brandt', 1],
    // negative: a name ending an apposition, with nothing of harm after it
    ['The gunman, a cousin of Tarvo Brandt, escaped on foot.', 'Tarvo Brandt', 0],
  ])('%s → %s ×%i', (text, name, n) => {
    const a = analyze(text);
    const got = a.claims.filter((c) => c.quantity.text.includes(name));
    expect(got.length).toBe(n);
    for (const c of got) expect(c.value).toEqual({ min: 1, max: 1, approx: false });
  });
});

/** [text, the named person, how many claims name them] */
const mentions: [string, string, number][] = [
  // a named person killed and told again as background is one count
  ['Jane Roe was murdered last spring in a hotel in Lyon. Her family said Roe was slain by two hired men.', 'roe', 1],
  ['Police said Tom Okafor was killed on Monday. The killing of Tom Okafor shocked the town.', 'okafor', 1],
  // a harm that gets worse is a second count
  ['Tom Okafor was shot near the station. Okafor later died in hospital.', 'okafor', 2],
  // a headline and the text's first telling are both counted
  ['Tom Okafor stabbed in prison yard\nTom Okafor was stabbed in the neck on Saturday.', 'okafor', 2],
  // a pronoun for the person: a worse harm is a second count, the same harm or none is not
  ['Constable Tom Okafor was shot at the depot on Friday. He was later pronounced dead in hospital.', 'okafor', 2],
  ['Nurse Jane Roe was stabbed in the car park, and she later died of her wounds.', 'roe', 2],
  ['Constable Tom Okafor was killed at the depot on Friday. He was later pronounced dead in hospital.', 'okafor', 1],
  ['Constable Tom Okafor was shot at the depot on Friday. He was later taken to hospital.', 'okafor', 1],
  ['Constable Tom Okafor spoke at the depot on Friday. He was later found dead at home.', 'okafor', 0],
];

describe('claims: a named person told again', () => {
  it.each(mentions)('%s', (text, name, n) => {
    const got = analyze(text).claims.filter((c) => c.who.endsWith(name));
    expect(got.length).toBe(n);
  });
});
