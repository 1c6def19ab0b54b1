// statements: a count right after a verb ("wounded more than 40 people said the Observatory") is the
// object of the clause before, not the speaker, when "said" is followed by one (punctuation-stripped
// wire copy); ", adding that ..." speaks for the nearest speaker before it, not the last one found.
// Rows of [text, the speakers of its statements in text order]. Our own sentences.
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { Resources } from '../../src/pipeline/resources.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { numbersStage } from '../../src/stages/numbers/index.js';
import { actorsStage } from '../../src/stages/actors/index.js';
import { statementsStage } from '../../src/stages/statements/index.js';

const noPlaces: Stage = { name: 'places', requires: [], assigns: ['places'], run() {} };
const pipeline = new Pipeline([sentencesStage, numbersStage, noPlaces, actorsStage, statementsStage], new Resources());

const speakers = (text: string) => {
  const a = pipeline.analyze({ id: 't', text });
  expect(a.errors).toEqual([]);
  return [...a.statements].sort((x, y) => x.start - y.start).map((s) => s.speaker?.name ?? null);
};

const rows: [string, (string | null)[]][] = [
  ['The shelling of the village also wounded more than 40 people said the Observatory.', ['Syrian Observatory for Human Rights']],
  ['The raid on the market killed at least 12 civilians said the Syrian Observatory for Human Rights a group counting the dead from abroad.', ['Syrian Observatory for Human Rights']],
  ['Nearly 30 fighters were killed in the clashes said the monitor.', ['monitor']],
  // a count in words, and a vague one before "of"
  ['Soldiers killed five rebels near the bridge, said a military source.', ['military source']],
  ['The strikes wounded dozens of fighters said the monitor.', ['monitor']],
  // ", adding that ...": the speaker of the quotation just before it in the sentence
  ['The strikes wounded 40 people said the Observatory. "At dawn the jets struck the market" said Karim Haddad head of the health authority adding that the raid had killed 30 people.', ['Syrian Observatory for Human Rights', 'Karim Haddad', 'Karim Haddad']],
  // "CONTENT, said X" without quotation marks: the clause before the comma is no subject
  ['The convoy reached the camp before dark, said Nadia Ferreira, a driver for the agency.', ['Nadia Ferreira']],
  ['The bridge is open again, said the governor of the province.', ['governor of the province']],
  // two speakers joined after the verb: the first one names the speaker, the phrase spans both
  ['At least 40 villagers were killed on Monday, said local officials and a security source.', ['local officials and a security source']],
  // "CONTENT, SPEAKER said on Thursday, in one of ...": a comma after the verb's adverbials closes the clause
  ['Gunmen killed more than 100 people in a raid on a village, activists said on Thursday, in one of the worst attacks of the war.', ['activists']],
  // media named by a lower-case adjective before the verb ("independent media reported")
  ['A blast at the market killed two vendors, independent media reported.', ['independent media']],
  // how the speaker was reached, with no commas: neither content nor speaker
  ['A resident reached by phone said that nine guards were killed at the depot.', ['resident']],
  ['"They shot at anything that moved," said a resident of the village reached by phone.', ['resident of the village']],
  // a broadcaster or a paper (mediaHeads): a name or nationality before it, "state" that is no verb there
  ['Two vendors were killed at the market, Al Jazeera television reported.', ['Al Jazeera television']],
  ['Two vendors were killed at the market, state television reported.', ['state television']],
  ['Earlier state TV reported that two vendors were killed at the market.', ['state TV']],
  ['Two vendors were killed at the market, the pro-government daily reported.', ['pro-government daily']],
  // in unpunctuated text, only names and media modifiers before the head
  ['Two vendors were wounded Syrian government television said.', ['Syrian government television']],
  // "X reported citing Y": Y is the speaker (X its channel)
  ['Two vendors were killed at the market, Al Arabiya TV channel reported citing a source in the army.', ['source in the army']],
  // unpunctuated copy: the agent of a passive right before "said" is no subject; the speaker follows the verb
  ['The depot was seized by the rebels said the Britain-based group.', ['Britain-based group']],
  // negative: a report's author after "by" is its subject ("Estimates by X indicate")
  ['Estimates by event organizers indicate roughly 9,000 people marched on Saturday.', ['event organizers']],
  // a place before a body's description is no person named by it ("activist" modifies "group")
  ['The raiders killed 100 people in the central state of Kassala, a pro-democracy activist group said.', ['pro-democracy activist group']],
  // a person named with a lower-case role after the verb ("said regional governor X")
  ['Nine guards died at the depot, said regional governor Omar Saleh.', ['Omar Saleh']],
  ['Nine guards died at the depot, said governor Omar Saleh.', ['Omar Saleh']],
  // negative: a person's description with a role head still names the person before it
  ['Nine guards died at the depot, Omar Saleh, a doctor at the hospital, said.', ['Omar Saleh']],
  // a phrase set off by commas between the speaker and the verb (asides); a channel named before its noun
  ["The air force, for its part, said on its Telegram channel that nine drones were shot down.", ['air force']],
  // "the source" after a quotation read before the reported speech it points back to: the fuller phrase
  ['The gunmen opened fire, a security source said. "They fired at the buses," the source added.', ['security source', 'security source']],
  // the period closing a body's initialism belongs to the phrase ("a U.N. spokesperson")
  ['Nine guards were killed at the depot, a U.N. spokesperson said Friday.', ['United Nations spokesperson']],
  // a body named by its wing ("the military's media wing said"); content after the source's acronym
  ["Nine soldiers were killed at the post late on Saturday, the military's media wing said.", ["military's media wing"]],
  // negative: a body named whole keeps its name, whatever the brackets after it say
  ['Nine guards were killed at the depot, said Jaish al-Islam (Army of Conquest).', ['Jaish al-Islam']],
  // how the source spoke (anonymityPhrases): no content, no part of the speaker
  ['Nine guards were killed at the depot on Sunday, a port official said on condition of anonymity.', ['port official']],
  ['Nine guards were killed at the depot on Sunday, said a port official who asked not to be named.', ['port official']],
  ['A port official, speaking on condition of anonymity, said nine guards were killed at the depot.', ['port official']],
  ['A port official said on condition of anonymity that nine guards were killed at the depot.', ['port official']],
  ['Nine guards were killed at the depot, a port official told Reuters, declining to be named because of safety concerns.', ['port official']],
  // an age joined by hyphens is no speaker: the name or role after it is
  ['"We only ask to be heard," said 24-year-old student Wanjiru Kamau.', ['Wanjiru Kamau']],
  ['"We only ask to be heard," said a 24-year-old student.', ['24-year-old student']],
  ['A 24-year-old student said the police fired first.', ['A 24-year-old student']],
  // unpunctuated copy: a person right before an indefinite description ("X a volunteer said") is the speaker
  ['"We are still digging" Abu Khaled a civil defence volunteer told Reuters by phone.', ['Abu Khaled']],
  ['Abu Khaled a civil defence volunteer said nine bodies were found.', ['Abu Khaled']],
  // ... and so is a named body before its description
  ['The Syrian Observatory for Human Rights a monitor based in London said nine bodies were found.', ['Syrian Observatory for Human Rights']],
  // after the verb too, the body's description closes the clause; a role placed by a participle is a speaker
  ['Nine bodies were found in the well said the Observatory a monitor based abroad.', ['Syrian Observatory for Human Rights']],
  ['A relief group based in Geneva said nine bodies were found.', ['relief group based in Geneva']],
  // a named body or a role before a relative clause with no commas speaks
  ['The Syrian Observatory which counted the bodies said the dead included a Kurdish family.', ['Syrian Observatory for Human Rights']],
  ['An official who inspected the dam said the wall had cracked.', ['official']],
  // ... and a body's head noun after "the", read as the body named before ("the monitoring group": the Observatory)
  ['The Syrian Observatory for Human Rights said that nine people died in the shelling. The monitoring group which relies on sources on the ground said two were children.', ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights']],
  ['The Syrian Observatory for Human Rights said that nine people died in the shelling. The monitoring group, which has sources on the ground, said two were children.', ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights']],
  // negative: the person the clause names right before the verb speaks
  ['A nurse who gives her name as Amal Haddad said the ward was full.', ['Amal Haddad']],
  // ... and the body the clause names ("which calls itself X"); negative: a body the clause only mentions
  ['The alliance which calls itself Ansar al-Sharia told reporters it would hold the bridge.', ['Ansar Al-Sharia']],
  ['Rami Abdulrahman who runs the Syrian Observatory said the road was cut.', ['Rami Abdel Rahman']],
  // negative: a body after a preposition is no speaker ("a depot of the Red Crescent a nurse said")
  ['Shells hit a depot of the Syrian Arab Red Crescent a nurse at the clinic said.', ['nurse at the clinic']],
  // unpunctuated copy: two speakers joined by "and" after a place name, the first opened by an article
  ['Nine people died in the town of Kafr Nabl a doctor and two residents said.', ['doctor and two residents']],
  // French: the perfect right after a comma, its speaker after it (past a day), though a place stands before the comma
  ["Des hommes armés ont enlevé 87 personnes dans l'État de Kaduna, au nord du pays, ont rapporté samedi des habitants.", ['habitants']],
  // negative: the speaker before the comma, the content after "que"
  ["Le ministre de l'Intérieur, Gérald Darmanin, a déclaré que douze policiers avaient été blessés.", ['Gérald Darmanin']],
  // unpunctuated copy: after a preposition, the phrase's first noun is its object and the speaker is the head after it
  ['Twelve people died in the town media reported.', ['media']],
  ['At least 20 people were killed near the border with Turkey local sources said.', ['local sources']],
  ['Nine fighters died over the past two days military sources said.', ['military sources']],
  // a phrase after a preposition of place that names no speaker is no subject when one follows the verb
  ['Nine soldiers were killed near the village of Kafr Zita east of the city said the monitor.', ['monitor']],
  // negative: a speaker after a preposition stays ("the news was welcomed by the families ... said the mayor")
  ['Nine soldiers were killed near the village of Kafr Zita and the governor said the army had withdrawn.', ['governor']],
  // a date flattened into the text before the speaker is no part of it
  ['Published 3 May 2016 Local rescuers said two people were killed.', ['Local rescuers']],
  // negative: a body named with its modifiers keeps them
  ['Twelve fighters died near the front the Fastaqim opposition group said.', ['Fastaqim opposition group']],
  // a document's owner speaks: "according to the ministry's statement", "the union's Friday release", "the agency's latest report"
  ['Twelve people died, according to the ministry\'s statement.', ['ministry']],
  ['The cooks will join the union, according to the union\'s Friday release.', ['union']],
  ['Twelve people died, according to the relief agency\'s latest report.', ['relief agency']],
  // negative: a person named by a tie to another is who spoke
  ['Twelve people died, according to the mayor\'s brother.', ['mayor\'s brother']],
];

const negatives: [string, (string | null)[]][] = [
  // negative: an object before "and" is no speaker joined to the subject after it
  ['Gunmen killed a man and police said the attackers fled.', ['police']],
  // negative: a count opening its own clause is a speaker
  ['Of the families questioned, 12 people said they had fled the town at night.', ['12 people']],
  ['Some 300 residents said the water had been cut for a week.', ['residents']],
  ['The 12 families said the water had been cut for a week.', ['12 families']],
  // negative: a count of one in words opens the speaker's own phrase
  ['Jets struck the market one civil defense source told the agency.', ['one civil defense source']],
  // negative: a number in a dateline before the speaker is not a count
  ['Posted 3 May 2019 State media says rebel forces shelled a market in the north.', ['State media']],
  // negative: a name before an apposition and its comma is still the subject
  ['Tomas Reyes, the head of the port authority, said the cranes were back at work.', ['Tomas Reyes']],
  // a role and a count of speakers joined by "and" before the verb: one phrase, the count no object
  ['The clashes left at least 26 fighters dead, a hospital official and two residents told the agency.', ['hospital official and two residents']],
  // negative: no comma before the verb, no inverted speakers joined ("drawings show the rooms and ...")
  ['Old drawings of the mill point out its wheel and the cellars below it.', []],
  // negative: a past form before "media" is a verb, not a modifier of the phrase
  ['The ministry said media reported the fire first.', ['ministry']],
  // negative: "that" after the adverbials: the content follows the verb
  ['Officials said on Monday, however, that the road was open.', ['Officials']],
];

describe('statements: counts before an inverted speaker, and "adding that"', () => {
  for (const [text, who] of [...rows, ...negatives]) it(text, () => expect(speakers(text)).toEqual(who));
});

// French names a phrase's head first ("un responsable sécuritaire": Language.adjectivesFollowNouns), so the
// phrase after the verb is a speaker by its first noun, and the count before it is the clause's object
const frRows: [string, (string | null)[]][] = [
  // "l'un des responsables": the article before "un" opens no new phrase
  ["« La piste est coupée », a précisé l'un des responsables du convoi.", ['un des responsables du convoi']],
  // a participle after a comma speaks for the main clause's subject, not the noun before the comma
  ["Le gouverneur a confirmé l'attaque dans un communiqué, affirmant que « la piste est coupée ».", ['gouverneur']],
  ['Les frappes ont tué 12 personnes a indiqué un responsable sécuritaire.', ['responsable sécuritaire']],
  ['Les soldats ont tué cinq rebelles, a indiqué une source militaire.', ['source militaire']],
  ["Au moins 40 civils ont été tués lundi, ont indiqué mardi à l'AFP des élus locaux et une source sécuritaire.", ['élus locaux et une source sécuritaire']],
  ["Neuf gardes ont été tués dimanche au dépôt, a indiqué lundi à l'AFP un responsable portuaire sous couvert d'anonymat.", ['responsable portuaire']],
  ["Un responsable portuaire, sous couvert d'anonymat, a indiqué que neuf gardes avaient été tués.", ['responsable portuaire']],
  // how the speaker was reached, with no commas (contactParticiples and contactBy): neither content nor speaker
  ['Un habitant joint par téléphone a affirmé que neuf gardes avaient été tués.', ['habitant']],
  ["Un habitant joint par l'AFP a affirmé que neuf gardes avaient été tués.", ['habitant']],
  ['"Ils ont tiré sur tout ce qui bougeait", a raconté un habitant du village joint par téléphone.', ['habitant du village']],
  // a body's long name, its remit, then the acronym the dictionary knows in brackets: that body
  ["Plus de 2 000 habitants ont fui, selon l'Office des Nations unies pour la coordination des affaires humanitaires (OCHA).", ['Ocha']],
  // "a-t-on appris auprès de X" (learnedCues after learnedVerbs): X is the source
  ["Neuf gardes ont été tués dimanche, a-t-on appris lundi auprès d'élus locaux.", ['élus locaux']],
  ["Neuf gardes ont été tués, a appris l'AFP auprès de la gendarmerie.", ['gendarmerie']],
  // negative: "auprès de" with no verb of learning is "beside"
  ['Le ministre s\'est rendu auprès des blessés du dépôt.', []],
  ["L'armée, de son côté, a affirmé que neuf drones avaient été abattus.", ['armée']],
  // "cette source" after a quotation: the source named before it, head first
  ['Les assaillants ont ouvert le feu, selon une source sécuritaire. « Ils ont tiré sur les bus », a précisé cette source.', ['source sécuritaire', 'source sécuritaire']],
  // "Elle" opening the sentence after one whose subject is a body named there: that body
  ["L'armée malienne a confirmé l'attaque du dépôt. Elle a indiqué avoir dépêché des renforts.", ['armée malienne']],
  // negative: after a sentence that reports a speaker, "elle" goes on with the usual resolution
  ["L'armée malienne a dépêché des renforts, a indiqué la porte-parole Awa Traoré. Elle a ajouté que le dépôt était sûr.", ['Awa Traoré', 'Awa Traoré']],
  // "dit" after a subject's comma gives a name, not speech (epithetVerbs): quoted, or an article and capitals
  ['Les miliciens du colonel Issa Konaté, dit « le Faucon », tiennent le pont depuis mars.', []],
  ['Les miliciens du colonel Issa Konaté, dit "Faucon", tiennent le pont depuis mars.', []],
  ['Le passeur, dit le Renard, a été arrêté à la frontière.', []],
  // negative: after a clause of its own, "dit" reports what the clause says
  ['Le pont est tombé, dit le colonel Issa Konaté.', ['Issa Konaté']],
  ['« Le pont est tombé », dit le colonel.', ['colonel']],
  // ... with an auxiliary of its own too, and an outlet's name in quotation marks after "dit" is its speaker, not a
  // quotation
  ['Le pont a été détruit dans la nuit, dit « Libération ».', ['Libération']],
];
describe('statements (fr): a speaker named head first after an inverted verb', () => {
  for (const [text, who] of frRows) it(text, () => {
    const a = pipeline.analyze({ id: 't', text, lang: 'fr' });
    expect(a.errors).toEqual([]);
    expect(a.statements.map((x) => x.speaker?.name ?? null)).toEqual(who);
  });
  it('negative: a phrase whose first noun names no one is no speaker ("un bilan provisoire")', () => {
    const a = pipeline.analyze({ id: 't', text: 'Les frappes ont tué 12 personnes a indiqué un bilan provisoire.', lang: 'fr' });
    expect(a.statements.map((x) => x.speaker?.name ?? null)).not.toContain('bilan provisoire');
  });
});
