// statements stage: rows of [text, expected statements]. Each expected statement gives the content as
// written (its offsets are the first occurrence of that text), the resolved speaker name (null when
// none) and whether it is a direct quote. Sentences are our own, in the style of wire reports; many
// are written without commas, as the benchmark texts are.
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/types.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { Resources } from '../../src/pipeline/resources.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { numbersStage } from '../../src/stages/numbers/index.js';
import { actorsStage } from '../../src/stages/actors/index.js';
import { statementsStage } from '../../src/stages/statements/index.js';

const noPlaces: Stage = { name: 'places', requires: [], assigns: ['places'], run() {} };
const pipeline = new Pipeline([sentencesStage, numbersStage, noPlaces, actorsStage, statementsStage], new Resources());

type Exp = [content: string, speaker: string | null, direct: boolean, via?: string];

function check(text: string, expected: Exp[], lang?: string): Analysis {
  const a = pipeline.analyze({ id: 't', text, ...(lang ? { lang } : {}) });
  expect(a.errors).toEqual([]);
  const got = a.statements.map((s) => [text.slice(s.start, s.end), s.speaker?.name ?? null, s.direct, ...(s.speaker?.via ? [s.speaker.via.name] : [])]);
  expect(got).toEqual(expected);
  a.statements.forEach((s, i) => {
    const at = text.indexOf(expected[i][0]);
    expect([s.start, s.end]).toEqual([at, at + expected[i][0].length]);
    expect(s.evidence[0].rule).toMatch(/^statements\./);
  });
  return a;
}

const direct: [string, Exp[]][] = [
  // quote before the speaker, curly marks
  ['“We will not leave our homes while the shelling goes on,” said Ahmed Hassan, a resident of the town.', [['“We will not leave our homes while the shelling goes on,”', 'Ahmed Hassan', true]]],
  // quote before, speaker then verb, straight marks
  ['"The convoy was stopped at the checkpoint for six hours" the aid worker said.', [['"The convoy was stopped at the checkpoint for six hours"', 'aid worker', true]]],
  // speaker before the quote, "X said:" form
  ['Foreign Minister Mevlut Cavusoglu said: “The ceasefire must hold across the whole country.”', [['“The ceasefire must hold across the whole country.”', 'Mevlut Cavusoglu', true]]],
  // pronoun resolved to the last named person
  ['Maria Lopez runs the clinic. “We have no more insulin for the children here,” she said.', [['“We have no more insulin for the children here,”', 'Maria Lopez', true]]],
  // split quote: the second half inherits the speaker
  ['“The road is open again,” Colonel Samir Haddad told reporters. “Trucks can pass from tomorrow morning.”', [
    ['“The road is open again,”', 'Samir Haddad', true, 'reporters'],
    ['“Trucks can pass from tomorrow morning.”', 'Samir Haddad', true, 'reporters'],
  ]],
  // the hearer of "told" after the speaker is the outlet it went through
  ['“The bridge is gone,” Corporal Lena Brandt told Reuters by phone.', [['“The bridge is gone,”', 'Lena Brandt', true, 'Reuters']]],
  ['“The bridge is gone,” Corporal Lena Brandt said by phone.', [['“The bridge is gone,”', 'Lena Brandt', true]]],
  // short forms: surname later
  ['Jonas Keller heads the mission. “Nobody expected the flood of people this week,” Keller said.', [['“Nobody expected the flood of people this week,”', 'Jonas Keller', true]]],
];

const joinedRows: [string, Exp[]][] = [
  // a reporting verb joined to the one before by "and" shares its speaker
  ['Nadia Haddad said the clinic was full, and added: “We have no beds left for anyone.”', [['the clinic was full', 'Nadia Haddad', false], ['“We have no beds left for anyone.”', 'Nadia Haddad', true]]],
  ['The ministry said the roads were closed and confirmed that 12 people had died.', [['the roads were closed', 'ministry', false], ['12 people had died', 'ministry', false]]],
  // negative: a verb joined to a clause that is no statement takes no speaker from further back
  ['The mission should look into the claims and reveal its findings, the ministry said.', [['The mission should look into the claims and reveal its findings', 'ministry', false]]],
];
describe('statements: a verb joined to the one before', () => {
  it.each(joinedRows)('%s', (text, expected) => { check(text, expected); });
});

const reportedRows: [string, Exp[]][] = [
  // the progressive: a participle after a form of "be" is the finite verb ("are reporting that")
  ['Local media are reporting that 12 people were killed in the raid.', [['12 people were killed in the raid', 'Local media', false]]],
  ['The health ministry is saying that the clinics have run out of fuel.', [['the clinics have run out of fuel', 'health ministry', false]]],
  ['Several news outlets are also reporting the names of two of the wounded guards.', [['the names of two of the wounded guards', 'Several news outlets', false]]],
  // a participle phrase after the statement noun tells how the statement came out: no content
  ['At least nine people were killed, the ministry of the interior said in a statement relayed by the official news agency.', [['At least nine people were killed', 'ministry of the interior', false]]],
  ['The army said in a statement posted on its website that 12 soldiers were killed.', [['12 soldiers were killed', 'army', false]]],
  // quoted-as: the one quoted is the speaker, the outlet that quoted carried the words
  ['State media quoted the governor as saying that six people had died.', [['six people had died', 'governor', false, 'State media']]],
  ['Six people died in the blast, officials were quoted as saying.', [['Six people died in the blast', 'officials', false]]],
  ['The governor was quoted as saying that the bridge had collapsed.', [['the bridge had collapsed', 'governor', false]]],
  // a report as the subject's head ("A UN report said"), past how it came out ("released on Monday"): its body speaks
  ['A UN report said that 19 people had died in the camp.', [['19 people had died in the camp', 'United Nations', false]]],
  ['A Human Rights Watch report released on Monday said 40 civilians were killed.', [['40 civilians were killed', 'Human Rights Watch', false]]],
  // a semicolon before another subject's reporting verb ends what was said; a contrast clause after "according to
  // X," is another speaker's
  ['Police said 20,000 people took part; organisers put the figure at 100,000.', [['20,000 people took part', 'Police', false]]],
  ['Some 130,000 people marched, according to police, while organizers said 500,000 took part.', [['Some 130,000 people marched', 'police', false], ['500,000 took part', 'organizers', false]]],
  // negative: a list of clauses after a semicolon goes on ("; and forcing them to ...")
  ['The coalition stressed that the shelling aimed at killing people; forcing families to flee; and forcing them to agree to truces.', [['the shelling aimed at killing people; forcing families to flee; and forcing them to agree to truces', 'coalition', false]]],
  // the body told after its article ("told the BBC"); "per the X" is "according to X"; the antecedent of "who
  // said" at the end of a sentence speaks
  ['Nineteen people died in the floods, the governor told the BBC.', [['Nineteen people died in the floods', 'governor', false, 'BBC']]],
  ['Twelve people were killed in the raid, per the ministry.', [['Twelve people were killed in the raid', 'ministry', false]]],
  ['The toll was confirmed by the governor, who said 19 people had died.', [['19 people had died', 'governor', false]]],
  // a role or group noun before an affiliation cue is the speaker, with what it is tied to
  ['Sources close to the investigation said three suspects were arrested.', [['three suspects were arrested', 'Sources close to the investigation', false]]],
  ['Militias loyal to the government said the road was closed.', [['the road was closed', 'Militias loyal to the government', false]]],
  // negative: a relative clause that does not run to the end of the sentence is not read that way
  ['The rebels, who said they had taken the town, fled.', []],
  // negative: a count of people after "added" is what was said
  ['The mayor added 12 people were still missing.', [['12 people were still missing', 'mayor', false]]],
  // a count and its noun are enough to report
  ['The ministry reported 30 dead.', [['30 dead', 'ministry', false]]],
  // a month after a preposition between the speaker and the verb is skipped, as a weekday is
  ['The agency in October said that more than 4000 people had fled the district.', [['more than 4000 people had fled the district', 'agency', false]]],
  // the period that closes an initialism is no break between the speaker and the verb
  ['The U.N. said that 12 people had died in the floods.', [['12 people had died in the floods', 'United Nations', false]]],
  // X said that ...
  ['Amnesty International said that nine ambulances had reached the camp.', [['nine ambulances had reached the camp', 'Amnesty International', false]]],
  // X said ... (no that), with a weekday in between
  ['The ministry said on Tuesday the convoy reached the city late at night.', [['the convoy reached the city late at night', 'ministry', false]]],
  // ..., X said (content before the speaker), no comma
  ['Twelve civilians were killed in the raid the Observatory said.', [['Twelve civilians were killed in the raid', 'Syrian Observatory for Human Rights', false]]],
  // ... said X (inverted)
  ['Five fighters were captured near the bridge said a military source.', [['Five fighters were captured near the bridge', 'military source', false]]],
  // according to X, ...
  ['According to the ICRC, about 3000 people crossed the border overnight.', [['about 3000 people crossed the border overnight', 'International Committee of the Red Cross', false]]],
  // ... according to X
  ['About 40 trucks entered the camp according to UNICEF.', [['About 40 trucks entered the camp', 'UNICEF', false]]],
  // "that" before a plural head is a relative pronoun, not the speaker's determiner
  ['Crews reached a convoy that witnesses said carried 40 wounded.', [['carried 40 wounded', 'witnesses', false]]],
  // negative: before a singular head it is the determiner
  ['That official said about 40 trucks entered the camp.', [['about 40 trucks entered the camp', 'That official', false]]],
  // a wire dateline opening the sentence is no part of what is reported
  ['GOMA, March 3 (Reuters) - About 40 trucks entered the camp on Friday, a local official said.', [['About 40 trucks entered the camp on Friday', 'local official', false]]],
  ['BAMAKO — About 40 trucks entered the camp on Friday, a local official said.', [['About 40 trucks entered the camp on Friday', 'local official', false]]],
  // how the source was reached, up to its comma, is no part of what it said (contactParticiples)
  ['According to two medics reached by telephone, about 40 trucks entered the camp.', [['about 40 trucks entered the camp', 'two medics', false]]],
  // negative: no such participle, the clause runs on from the source
  ['According to two medics the trucks entered the camp, then left.', [['the trucks entered the camp, then left', 'two medics', false]]],
  // a named body's document: the body speaks, not "IOM figures" (the document noun and what follows it drop)
  ['About 40 trucks entered the camp last week, according to IOM figures.', [['About 40 trucks entered the camp last week', 'International Organization for Migration', false]]],
  ['About 40 trucks entered the camp, according to a Red Cross statement issued on Friday.', [['About 40 trucks entered the camp', 'International Committee of the Red Cross', false]]],
  // negative: a body's spokesman is no document, the role stays in the name
  ['About 40 trucks entered the camp, according to a UNICEF spokesman.', [['About 40 trucks entered the camp', 'UNICEF spokesman', false]]],
  // the source's apposition with a relative clause of its own is no part of what was said
  ['About 40 trucks entered the camp, according to Oxfam, a charity that runs two clinics there.', [['About 40 trucks entered the camp', 'Oxfam', false]]],
  // negative: a clause after the source's comma is what it said
  ['According to Oxfam, the trucks that entered the camp carried flour.', [['the trucks that entered the camp carried flour', 'Oxfam', false]]],
  // "according to" a basis no one could speak is no source (the head before "of" names it)
  ['The monitor names who flew each raid according to the shape of the craters.', []],
  ['Under the plan, about 40 trucks will enter the camp according to the terms of the truce.', []],
  ['About 40 trucks entered the camp according to the survey team of the agency.', [['About 40 trucks entered the camp', 'survey team of the agency', false]]],
  // X told Y (that) ... : speaker via the hearer
  ['An army source told SANA that engineers had cleared the bridge.', [['engineers had cleared the bridge', 'army source', false, 'SANA']]],
  // the hearer after its article, then an adverbial: what was said is the clause before
  ['The convoy reached the camp at dawn, two drivers told the AP on condition of anonymity.', [['The convoy reached the camp at dawn', 'two drivers', false, 'Associated Press']]],
  // negative: "that" after the hearer opens what was said
  ['Two drivers told the AP on Sunday that the convoy reached the camp.', [['the convoy reached the camp', 'Two drivers', false, 'Associated Press']]],
  // "in its daily report, adding": a document's word after an adjective and a determiner is no verb
  ['The agency said in its daily report that the road was shut, adding that 40 trucks had reached the camp.', [['the road was shut', 'agency', false], ['40 trucks had reached the camp', 'agency', false]]],
  // a contrast clause whose subject reports ends what the fronted source said
  ['According to the ministry, 40 trucks entered the camp, while aid groups said only 12 did.', [['40 trucks entered the camp', 'ministry', false], ['only 12 did', 'aid groups', false]]],
  // negative: a contrast clause with no reporting verb is the source's too
  ['According to the ministry, 40 trucks entered the camp, while 12 turned back.', [['40 trucks entered the camp, while 12 turned back', 'ministry', false]]],
  // "that" with a contracted verb is what was said, not the complementizer ("says that's not ...")
  ['The nurses union says that\'s not what its members are seeing.', [["that's not what its members are seeing", 'nurses union', false]]],
  // negative: "that" before a clause is the complementizer
  ['The nurses union says that its members are seeing longer waits.', [['its members are seeing longer waits', 'nurses union', false]]],
  // a verb that is also a noun after a name ("Gulf states") is a verb after a pronoun opening the sentence
  ['Lena Ortiz runs the clinic. She states however, that the waits are getting longer.', [['the waits are getting longer', 'Lena Ortiz', false]]],
  // a body's name listing its fields with commas goes on to its end: the clause before is what it said
  ['About 40 trucks entered the camp, according to the Water, Sanitation and Hygiene Cluster (WASH).', [['About 40 trucks entered the camp', 'Water, Sanitation and Hygiene Cluster (WASH)', false]]],
  // negative: a relative clause after the source's comma is no name
  ['About 40 trucks entered the camp, according to the ministry, which gave no details.', [['About 40 trucks entered the camp', 'ministry', false]]],
  // a sum or a share after "added" is no speech (markets' prose)
  ['The wheat future added $2.40 on the day, ending near its March high.', []],
  ['Shares in the firm added 3 percent on Monday.', []],
  // citing X: the source, via the reporter
  ['Two soldiers were wounded in the attack SANA reported citing a military source.', [['Two soldiers were wounded in the attack', 'military source', false, 'SANA']]],
  // announced/denied and "it said" resolved to the organisation
  ['Human Rights Watch published a report on Monday. It said that at least 30 detainees had died in custody.', [['at least 30 detainees had died in custody', 'Human Rights Watch', false]]],
  // a person named before the body it speaks for heads the phrase, past the body's modifiers
  ['Rasha Nouri of the volunteer-run Idlib Relief Office said the road was shut.', [['the road was shut', 'Rasha Nouri', false]]],
  ['Rasha Nouri with the Red Cross told reporters the road was shut.', [['the road was shut', 'Rasha Nouri', false, 'reporters']]],
  // negative: the head of X (a role before an organisation, no person named) keeps the role
  ['The head of Amnesty International said dozens of clinics had closed in the north.', [['dozens of clinics had closed in the north', 'head of Amnesty International', false]]],
  // adding that: the speaker of the clause before
  ['The army denied the reports adding that its units were still holding the airport.', [['its units were still holding the airport', 'army', false]]],
];

const harder: [string, Exp[]][] = [
  // apposition: the name before it is the speaker, even when no dictionary knows it
  ['Zoltan Kiraly, a geologist at the university, said the dam had cracked in two places.', [['the dam had cracked in two places', 'Zoltan Kiraly', false]]],
  // a late cue after a quotation with a long apposition belongs to the quotation
  ['"The bridge is gone and the road is flooded," Tomas Berg, the emergency coordinator for the northern region, said.', [['"The bridge is gone and the road is flooded,"', 'Tomas Berg', true]]],
  // a quotation inside a reported clause is covered by the clause
  ['The minister said the strikes were “a clear violation of the truce” and promised a response.', [['the strikes were “a clear violation of the truce” and promised a response', 'minister', false]]],
  // he/she: gender from the pronoun that follows a mention in its sentence
  ['Leila Nouri runs the shelter with her brother. Ahmad Karimi joined them last year. “The tents flooded overnight,” she said.', [['“The tents flooded overnight,”', 'Leila Nouri', true]]],
  // a description before a name after the quote
  ['“We were not warned at all,” said oil and gas worker Dale Fischer.', [['“We were not warned at all,”', 'Dale Fischer', true]]],
  // a name before "the source" is not its apposition
  ['An army source told SANA that the highway was reopened. Scores of gunmen died including one nicknamed Abu Saleh the source confirmed.', [
    ['the highway was reopened', 'army source', false, 'SANA'],
    ['Scores of gunmen died including one nicknamed Abu Saleh', 'army source', false, 'SANA'],
  ]],
  // a bracketed acronym between the speaker and the verb
  ['The World Food Programme (WFP) has said roughly 4,000 families have returned to the valley since May.', [['roughly 4,000 families have returned to the valley since May', 'World Food Programme', false]]],
  // "X known as Y": the group's name
  ['Four medics were injured in the second strike the volunteer rescue service known as the White Helmets has said.', [['Four medics were injured in the second strike', 'White Helmets', false]]],
  // "told SANA early on Sunday": the time is not what was said
  ['Fourteen houses burned down a source at the civil registry told SANA early on Sunday.', [['Fourteen houses burned down', 'source at the civil registry', false, 'SANA']]],
  // "the ministry": the organisation whose name holds the noun, not the last group named
  ['The Russian Defence Ministry released footage of the raids on Islamic State positions. The ministry said 40 fighters were killed.', [['40 fighters were killed', 'Russian Defence Ministry', false]]],
  // a short subject led by a determiner at the start of the clause
  ['But a veteran rail engineer said the train was far too long for the cold.', [['the train was far too long for the cold', 'veteran rail engineer', false]]],
  // "CONTENT, she said, especially ..."
  ['Maria Lopez runs the clinic. The fees are almost impossible to meet for some families, she said, especially after the floods.', [['The fees are almost impossible to meet for some families', 'Maria Lopez', false]]],
  // a long adverbial before "that"
  ['Interior Minister Lena Duarte announced on her verified Facebook page on Thursday that 6,500 households had been moved.', [['6,500 households had been moved', 'Lena Duarte', false]]],
  // a hearer with a description ("told Syria's state-run news agency SANA that")
  ['An unnamed security source told Syria’s state-run news agency SANA that dozens of militants surrendered.', [['dozens of militants surrendered', 'unnamed security source', false, 'SANA']]],
  // a hearer led by "state" (a reporting verb too) or by a description with two heads, a name after them
  ['Rebels shelled the airport overnight, a military source told the official news agency SANA.', [['Rebels shelled the airport overnight', 'military source', false, 'SANA']]],
  ['Gunmen burned two schools, the governor told state television on Monday.', [['Gunmen burned two schools', 'governor', false, 'state television']]],
  ['The minister told state radio that the border crossing would reopen.', [['the border crossing would reopen', 'minister', false, 'state radio']]],
  // a hearer that is an occasion ("a news briefing") is not the body named before
  ['The Red Crescent sent two convoys. Fuel stocks are nearly gone, UN spokeswoman Ines Varga told a news briefing in Geneva.', [['Fuel stocks are nearly gone', 'Ines Varga', false, 'news briefing']]],
  // two speakers joined by "and" opening the clause: one phrase, named by both, the first one's id
  ['Gunmen burned the market in the night, a local official and a witness said.', [['Gunmen burned the market in the night', 'local official and a witness', false]]],
  ['Gunmen killed 32 people, the Red Cross and local officials said.', [['Gunmen killed 32 people', 'International Committee of the Red Cross and local officials', false]]],
  // negative: "and" joining two clauses, not two speakers
  ['Troops shelled the town and residents said the market burned.', [['the market burned', 'residents', false]]],
  // "it said" with no body named before: the subject opening the sentence when it is a definite body noun
  ['The army destroyed four bridges in the valley, it said.', [['The army destroyed four bridges in the valley', 'army', false]]],
  ['The Kenyan military cleared the road to the camp, it said on Friday.', [['The Kenyan military cleared the road to the camp', 'Kenyan military', false]]],
  // negative: a subject that is no body
  ['Floods destroyed four bridges in the valley, it said.', [['Floods destroyed four bridges in the valley', null, false]]],
  // an unnamed speaker before a relative clause set off by commas (a reporting verb inside it too)
  ['A police officer, who asked not to be named, said that the convoy had turned back at the bridge.', [['the convoy had turned back at the bridge', 'police officer', false]]],
  // an inverted speaker ends where the statement's medium begins
  ['Nine people died when the roof collapsed, said the ministry in a televised address.', [['Nine people died when the roof collapsed', 'ministry', false]]],
  // where it was said: a post on social media, its latest update
  ['Nine people died when the roof collapsed, the governor said in a post on social media.', [['Nine people died when the roof collapsed', 'governor', false]]],
  ['Nine people died when the roof collapsed, the agency said in its latest update.', [['Nine people died when the roof collapsed', 'agency', false]]],
  // a clause may end on "for" ("unaccounted for") before its cue
  ['Eleven fishermen remain unaccounted for, the coast guard said.', [['Eleven fishermen remain unaccounted for', 'coast guard', false]]],
  // an apposition saying how the speaker was reached: the phrase before it speaks
  ['A local official, contacted by phone, said that the convoy had turned back at the bridge.', [['the convoy had turned back at the bridge', 'local official', false]]],
  // "according to the same source": the source named last
  ['The governor said that the convoy had turned back at the bridge. Two drivers were hurt, according to the same source.', [
    ['the convoy had turned back at the bridge', 'governor', false],
    ['Two drivers were hurt', 'governor', false],
  ]],
  // negative: the rest of "a news conference" is no second statement
  ['The wards are overflowing with wounded people, a surgeon told a news conference in the capital.', [['The wards are overflowing with wounded people', 'surgeon', false, 'news conference']]],
  // a late "told" keeps its hearer as the second source
  ['Army units repelled an attack on the airport an army source told SANA on Friday.', [['Army units repelled an attack on the airport', 'army source', false, 'SANA']]],
  // "the source" back to the last speaker with that head noun
  ['An army source told SANA that the bridge was mined. The source said that 12 gunmen were captured.', [
    ['the bridge was mined', 'army source', false, 'SANA'],
    ['12 gunmen were captured', 'army source', false, 'SANA'],
  ]],
  // names mentioned inside what was said are not the next speaker
  ['Amal Haddad said that Omar Farouk had left the city. “We will rebuild,” she said.', [
    ['Omar Farouk had left the city', 'Amal Haddad', false],
    ['“We will rebuild,”', 'Amal Haddad', true],
  ]],
];

// speakers that once came out as the wrong words: a hearer, a name before a plural head, an outlet for "the military"
const speakerKinds: [string, Exp[]][] = [
  // a verb with a hearer is not inverted: the description before it speaks, the hearer is via
  ['The gunmen split into two groups at the gate, a hotel guard present during the attack told Reuters.', [['The gunmen split into two groups at the gate', 'hotel guard present during the attack', false, 'Reuters']]],
  // a capitalised phrase before a plural head is not its name
  ['Lawmakers are drafting two bills to keep the agencies open Day One, aides said.', [['Lawmakers are drafting two bills to keep the agencies open Day One', 'aides', false]]],
  // "the military" is not the news agency named before it
  ['The bridge was repaired overnight, Reuters reported. The military said it was sending engineers to the valley.', [
    ['The bridge was repaired overnight', 'Reuters', false],
    ['it was sending engineers to the valley', 'military', false],
  ]],
  // a list inside an apposition: the name before it
  ['Nadia Perrault, Minister of Transport, Housing and Urban Affairs, said the line would reopen in May.', [['the line would reopen in May', 'Nadia Perrault', false]]],
  // a definite role before an apposition speaks, not the apposition
  ['The mayor, a lawyer by training, said the budget would balance next year.', [['the budget would balance next year', 'mayor', false]]],
  // a relative clause inside an apposition
  ['Irena Kowal, an analyst who writes about the Kremlin, noted that the talks had stalled again.', [['the talks had stalled again', 'Irena Kowal', false]]],
];

const negatives: [string, Exp[]][] = [
  // a reporting verb followed by an object that is no speech: "released prisoners"
  ['The report released on Monday was long.', []],
  // "quoted" without "as saying" reports nothing of its own
  ['The agency quoted witnesses and doctors at the hospital.', []],
  // a verb that adds to a figure or a score reports nothing ("added 0.4 per cent", "added yet another goal")
  ['The index added 0.4 per cent to close at 2,106.10.', []],
  ['The home side added yet another goal before the break.', []],
  // a passive progressive reports nothing; a date after the hearer is no content
  ['Casualties are being reported in the north.', []],
  ['The archbishop spoke to the agency and the radio station on Feb. 26.', []],
  // passive reporting ("were reported killed") is a hedge, not a statement
  ['Three people were reported killed in the blast.', []],
  // a passive past an adverb, and "claimed the lives of": no speech
  ['Four fishermen were also reported missing after the storm.', []],
  ['The landslide in the hill district has claimed the lives of 14 villagers.', []],
  ['Local sources said that jets struck a flour mill in the village, claiming the lives of three workers.', [['jets struck a flour mill in the village, claiming the lives of three workers', 'Local sources', false]]],
  // scare quotes
  ['The government calls the fighters “terrorists” in its broadcasts.', []],
  // a noun use of the verb form
  ['The claims could not be verified independently.', []],
  // a verb with nothing reported
  ['He said nothing.', []],
  // "to say" is not a report
  ['It was a strange thing to say about a town so small.', []],
  // a capitalised verb form is part of a name
  ['Fighters of the Islamic State took the village last week.', []],
  // "casualties reported in X": a participle, not a report
  ['More casualties were counted and more casualties reported in Idlib and Damascus.', []],
  // a reporting verb used as a plain verb: a preposition or a non-speech object follows
  ['The militia counters by shelling the villages around the town.', []],
  ['The group claimed responsibility for the bombing of the market.', []],
  // page furniture flattened into the text
  ['READ MORE: Officials say the convoy will leave on Monday', []],
];

describe('statements: direct quotes', () => {
  for (const [text, exp] of direct) it(text, () => check(text, exp));
});
describe('statements: reported speech', () => {
  for (const [text, exp] of reportedRows) it(text, () => check(text, exp));
});
describe('statements: appositions, late cues, embedded quotes, pronouns', () => {
  for (const [text, exp] of harder) it(text, () => check(text, exp));
});
describe('statements: speaker kinds', () => {
  for (const [text, exp] of speakerKinds) it(text, () => check(text, exp));
});
describe('statements: negatives', () => {
  for (const [text, exp] of negatives) it(text, () => check(text, exp));
});

// The word classes of data/<lang>/statements.json in French: each row is read through a class that
// once held only English words ("of", "the", "some", the ending "-ing"); a negative row after each
// positive one shows the class stays precise. Our own sentences.
const frenchRows: [string, Exp[]][] = [
  // "du" after a role joins the body to it ("le porte-parole du gouvernement")
  ['Le porte-parole du gouvernement a affirmé que 30 assaillants avaient été tués.', [['30 assaillants avaient été tués', 'porte-parole du gouvernement', false]]],
  // the body told after an inverted speaker is not part of the speaker's phrase
  ["Douze corps ont été retrouvés, a indiqué le porte-parole de la mairie à l'AFP.", [['Douze corps ont été retrouvés', 'porte-parole de la mairie', false]]],
  // negative: "à" inside a role that is no body told ("chargé de mission à la mairie") stays in the phrase
  ['Douze corps ont été retrouvés, a indiqué le chargé de mission à la mairie.', [['Douze corps ont été retrouvés', 'chargé de mission à la mairie', false]]],
  // the participle phrase after the statement noun ("diffusé par l'agence officielle") is no content
  ["Le ministère a indiqué dans un communiqué diffusé par l'agence officielle que 12 soldats avaient été tués.", [['12 soldats avaient été tués', 'ministère', false]]],
  // a body named head first, its adjective after it ("la Croix-Rouge locale"), is the body
  ['Quelque 3 000 habitants sont sans abri, selon la Croix-Rouge locale.', [['Quelque 3 000 habitants sont sans abri', 'CICR', false]]],
  // ofPreps: the role goes on through "de" ("directeur de l'hôpital")
  ["Selon le directeur de l'hôpital, 12 blessés ont été admis dans la nuit.", [['12 blessés ont été admis dans la nuit', "directeur de l'hôpital", false]]],
  // contactParticiples: "joints par téléphone" says how the source was reached
  ['Selon des médecins joints par téléphone, une quarantaine de camions sont entrés dans le camp.', [['une quarantaine de camions sont entrés dans le camp', 'médecins', false]]],
  // basisNouns: "selon les termes de l'accord" names a basis, no one
  ["Quelque 300 combattants quitteront la ville selon les termes de l'accord.", []],
  // participleEndings: ", affirmant que ..." is the participle of a reporting verb, as ", saying ..." is
  ["L'armée a publié un communiqué, affirmant que les combattants avaient reculé.", [['les combattants avaient reculé', 'armée', false]]],
  // standaloneDeterminers: "certains" alone is the subject, not a determiner making "disent" a noun
  ['Certains disent que le couvre-feu sera levé.', [['le couvre-feu sera levé', 'Certains', false]]],
  // ... but a determiner that never stands alone still makes a noun of a statement word
  ['Les déclarations du ministre ont été publiées mardi.', []],
  // definiteArticles: "le médecin" points back to the doctor named before
  ["Jean Moreau, un médecin de la ville, a déclaré que l'hôpital était plein. Le médecin a ajouté que les stocks s'épuisaient.", [
    ["l'hôpital était plein", 'Jean Moreau', false],
    ["les stocks s'épuisaient", 'Jean Moreau', false],
  ]],
  // ... "un médecin" (indefinite) is another doctor
  ["Jean Moreau, un médecin de la ville, a déclaré que l'hôpital était plein. Un médecin a ajouté que les stocks s'épuisaient.", [
    ["l'hôpital était plein", 'Jean Moreau', false],
    ["les stocks s'épuisaient", 'médecin', false],
  ]],
  // "l'" is a definite article too
  ["Claire Petit, une infirmière du camp, a raconté que l'eau manquait. L'infirmière a précisé que les enfants étaient malades.", [
    ["l'eau manquait", 'Claire Petit', false],
    ['les enfants étaient malades', 'Claire Petit', false],
  ]],
  // clauseConnectives: after "et" a noun phrase opens a clause of its own, and its speaker is read by its head
  ['Le bilan reste incertain et les sources officielles évoquent 8 morts parmi les soldats.', [['8 morts parmi les soldats', 'sources officielles', false]]],
  // ... a clause after "et" without a reporting verb reports nothing
  ['Le bilan reste incertain et les pluies continuent de tomber.', []],
  // commaAdverbs and the speaker gap: an adverb between the speaker and the verb, with or without commas
  ['Le maire, toutefois, a déclaré que le couvre-feu serait levé.', [['le couvre-feu serait levé', 'maire', false]]],
  ['Le maire a toutefois déclaré que le couvre-feu serait levé.', [['le couvre-feu serait levé', 'maire', false]]],
  // a nationality between a role and its "de" ("le ministère palestinien de la Santé"): the whole phrase speaks
  ['Le ministère palestinien de la Santé a annoncé que 12 personnes avaient été tuées.', [['12 personnes avaient été tuées', 'ministère palestinien de la Santé', false]]],
  // ... and without a nationality the role goes on as before
  ['Le ministère de la Santé a annoncé que 12 personnes avaient été tuées.', [['12 personnes avaient été tuées', 'ministère de la Santé', false]]],
  // passiveAux: "il a été annoncé que" names no speaker
  ['Il a été annoncé que le couvre-feu serait levé.', []],
  // specificBodies: "l'armée" after an agency told is the army, not the agency
  ["Un éleveur a confié à l'AFP que le puits était à sec. L'armée a indiqué dans un communiqué que 14 assaillants avaient été tués.", [
    ['le puits était à sec', 'éleveur', false, 'AFP'],
    ['14 assaillants avaient été tués', 'armée', false],
  ]],
  // ... while "l'agence" still points back to the agency
  ["Un éleveur a confié à l'AFP que le puits était à sec. L'agence a précisé que la route était coupée.", [
    ['le puits était à sec', 'éleveur', false, 'AFP'],
    ['la route était coupée', 'AFP', false],
  ]],
  // the organisation told, after the verb or after an inverted speaker, is the outlet the words went through
  ["« La piste est coupée », a déclaré à l'AFP le capitaine Omar Diallo.", [['« La piste est coupée »', 'Omar Diallo', true, 'AFP']]],
  ["« La piste est coupée », a indiqué le capitaine Omar Diallo à l'AFP.", [['« La piste est coupée »', 'Omar Diallo', true, 'AFP']]],
  ["Le capitaine Omar Diallo a indiqué à Reuters que la piste était coupée.", [['la piste était coupée', 'Omar Diallo', false, 'Reuters']]],
  // negative: a claim of an attack after an apposition is no inverted speech with the attack as speaker
  ["Les rebelles du front, alliés au clan Marehan, ont revendiqué l'attaque.", []],
  // negative: a person told is no outlet
  ["« La piste est coupée », a répondu le capitaine Omar Diallo au préfet.", [['« La piste est coupée »', 'Omar Diallo', true]]],
];
describe('statements: French word classes', () => {
  for (const [text, exp] of frenchRows) it(text, () => check(text, exp, 'fr'));
});

// Regression: an actor that starts inside a token ("Hajj" inside "al-Hajj") once made the speaker
// search loop in place forever.
describe('regression: actor inside a hyphenated token', () => {
  it('finishes and finds the speaker', async () => {
    const { analyze } = await import('../helpers.js');
    const text =
      'Medic Karim al-Hajj a driver for the rescue team said the wounded could not be moved from the quarter. ' +
      '"We need one safe road out and nothing more" says al-Hajj. "No one is leaving home."';
    const t0 = performance.now();
    const a = analyze(text);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(a.statements.length).toBeGreaterThan(0);
  });
});

describe('statements: the gender of a given name resolves he/she', () => {
  it.each([
    ['Maria Lopez met Peter Hansen at the clinic on Monday. “We will rebuild the ward,” she said.', 'Maria Lopez'],
    ['Peter Hansen met Maria Lopez at the clinic on Monday. “We will rebuild the ward,” he said.', 'Peter Hansen'],
    // given names of the regions conflict news covers (data/gendered-names-world.json), and a person found by one
    ['Khadija Mansour met Youssef Karimi at the camp on Monday. “We will rebuild the school,” she said.', 'Khadija Mansour'],
    ['Youssef Karimi met Khadija Mansour at the camp on Monday. “We will rebuild the school,” he said.', 'Youssef Karimi'],
  ])('%s', (text, speaker) => {
    const a = pipeline.analyze({ id: 't', text });
    expect(a.statements.find((s) => s.direct)?.speaker?.name).toBe(speaker);
  });
});

// appositions with a place in them: read with the places stage, as in a real run
describe('statements: appositions holding places (full pipeline)', () => {
  it.each<[string, string]>([
    // a person, then where they are from, before the apposition
    ['Sen. Martha Quill of Oregon, the head of the budget committee, said a long shutdown helps nobody.', 'Martha Quill'],
    // a party tag between commas
    ['Rep. Daniel Okoro, D-Ohio, the ranking member of the panel that oversees the ports, said his staff is drafting a bill.', 'Daniel Okoro'],
    // the name is the apposition itself
    ['Senators did not want to pay. One farm-state Democrat, Idaho Sen. Jon Kettle, said Sunday that the wall was a waste.', 'Jon Kettle'],
    // a place before ", where ..." is no name
    ['Paul Kessler, a county commissioner in Boone County, where the plant stands, said the smell had faded.', 'Paul Kessler'],
    // unpunctuated copy: a place after a preposition right before "said" is no speaker; the one after the verb is
    ['Shells fell on a school in the town of Saraqib said a local doctor.', 'local doctor'],
  ])('%s', async (text, who) => {
    const { analyze } = await import('../helpers.js');
    const st = analyze(text).statements;
    expect(st[st.length - 1]?.speaker?.name).toBe(who);
  });
});

// a body and where it is: "X in PLACE said", "X based in PLACE said", "X which ... in PLACE said" (full pipeline:
// the place must not speak for its country, and the body, not the place, is the speaker)
describe('statements: a body placed before its reporting verb (full pipeline)', () => {
  it.each<[string, string | null]>([
    ['The U.S. embassy in Kabul said two guards were wounded.', 'U.S. embassy in Kabul'],
    ['The Office for the Coordination of Humanitarian Affairs in Yemen said 300 families had fled.', 'UN Office for the Coordination of Humanitarian Affairs'],
    ['The Norwegian Refugee Council based in Oslo said 45 families had fled.', 'Norwegian Refugee Council'],
    ['The Syrian Observatory for Human Rights which tracks the war through sources in Syria said 40 people died.', 'Syrian Observatory for Human Rights'],
    ['L’ONU en Syrie a déclaré que 300 familles avaient fui.', 'ONU'],
    // negative: people in a place keep it; a country before its verb is its government
    ['Officials in Kyiv said 12 people were hurt.', 'Officials in Kyiv'],
    ['Turkey said 12 soldiers were hurt.', 'Turkey'],
  ])('%s', async (text, who) => {
    const { analyze } = await import('../helpers.js');
    const st = analyze(text, text.startsWith('L’') ? { lang: 'fr' } : {}).statements;
    expect(st[st.length - 1]?.speaker?.name ?? null).toBe(who);
  });
});

/** Every statement's speaker name in text order, from the full pipeline (null: a statement with none). */
async function speakersInOrder(text: string): Promise<(string | null)[]> {
  const { analyze } = await import('../helpers.js');
  return [...analyze(text).statements].sort((x, y) => x.start - y.start).map((s) => s.speaker?.name ?? null);
}

describe('statements: a verb after a quotation with its own "that" clause, and "the bulletin said"', () => {
  it.each<[string, (string | null)[]]>([
    // the verb after the quotation reports its own clause: the quotation does not take it
    ['“The city is burning.” The monitor said earlier in the day that 90 civilians had been killed.', [null, 'monitor']],
    // negative: a relative "that" after the adverbial leaves the verb to the quotation
    ['Ana Ruiz runs the clinic. “We are out of insulin,” she said in an interview that aired on Monday.', ['Ana Ruiz']],
    // a document speaks for the last speaker that issued it
    ['The Defence Ministry said rebels had shelled the port. The Islamic State also fired on the town. “Two shells hit the docks,” the ministry said in a bulletin. “Six civilians were killed,” the bulletin said.', ['Defence Ministry', 'Defence Ministry', 'Defence Ministry']],
  ])('%s', async (text, who) => expect(await speakersInOrder(text)).toEqual(who));
});

describe('statements: a short month after the verb, and a General Staff', () => {
  it.each<[string, string | null]>([
    ['Shelling killed seven civilians over the past day, regional authorities reported on Aug. 14.', 'regional authorities'],
    ["The country's General Staff said 1,230 soldiers had been lost.", 'General Staff'],
  ])('%s', async (text, who) => {
    const { analyze } = await import('../helpers.js');
    const st = analyze(text).statements;
    expect(st[st.length - 1]?.speaker?.name ?? null).toBe(who);
  });
});

describe('statements: a named body before a relative clause set off by commas', () => {
  it.each<[string, string | null]>([
    ['The Houthi rebels, who control the capital, Sanaa, said 14 civilians died.', 'Houthis'],
    ['Save the Children, which runs schools in the camps, said 2,000 children had been hurt.', 'Save the Children'],
    // negative: an unknown name is left to the apposition reading, and a person stays herself
    ['Maria Lopez, who runs the clinic in Ostrava, said 12 patients died.', 'Maria Lopez'],
  ])('%s', async (text, who) => {
    const { analyze } = await import('../helpers.js');
    const st = analyze(text).statements;
    expect(st[st.length - 1]?.speaker?.name ?? null).toBe(who);
    expect(analyze(text).places.map((p) => p.text)).not.toContain('Save');
  });
});

describe('statements (fr): "they" is not the body another is tied to', () => {
  it('« … », ont-ils écrit after "le Front …, lié à l’État islamique, …" does not speak for the Islamic State', async () => {
    const { analyze } = await import('../helpers.js');
    const text = 'L’attaque a été revendiquée par le Front de libération du Nord, lié à l’État islamique, dans un communiqué. « Nous avons visé un hôtel », ont-ils écrit.';
    const st = analyze(text, { lang: 'fr' }).statements;
    expect(st[st.length - 1]?.speaker?.name ?? null).not.toBe('État islamique');
  });
});

// ", while local sources said ...": a clause of another speaker after a comma and a contrast word (contrastClauses)
// ends the content before it and is a statement of its own; a pronoun there is the same speaker going on
describe('statements: a contrast clause of another speaker', () => {
  it.each<[string, (string | null)[]]>([
    ['The ministry said 30 people died, while local sources said dozens were missing.', ['ministry', 'local sources']],
    ['The army said it killed 12 militants, but the group said only two of its fighters died.', ['army', 'group']],
    ['Le ministère a déclaré que 30 personnes étaient mortes, mais des sources locales ont affirmé que des dizaines de personnes avaient disparu.', ['ministère', 'sources locales']],
    // negatives: the same speaker, a pronoun; a contrast clause with no reporting verb
    ['The mayor said the town was glad to help, but he stressed that the money came from residents.', ['mayor']],
    ['The ministry said 30 people died, while dozens were still missing.', ['ministry']],
  ])('%s', async (text, who) => expect(await speakersInOrder(text)).toEqual(who));
});

describe('statements: a headline ending with a colon and its source', () => {
  it.each<[string, (string | null)[]]>([
    ['Gunmen kill 12 at Kano market: police\n\nThe market was closed on Monday.', ['police']],
    ['Nine soldiers killed in border attack: ISPR\n\nThe post was rebuilt on Monday.', ['ISPR']],
    // negative: a kicker before the colon, or a colon that opens what follows, names no source
    ['Syria: the war goes on into a tenth year\n\nThe port was shut on Monday.', []],
    // a dash set off by spaces does the same; one inside a word, or before a common noun, does not
    ['Strike on bakery in Lisichansk kills 28 – Emergencies Ministry\n\nThe search ended on Sunday.', ['Emergencies Ministry']],
    ['Clashes in Tripoli - a timeline of the week\n\nThe port was shut on Monday.', []],
    // a verb's form opening a line before a colon is a label, not a report
    ['Warning: this story holds details some readers may find distressing.\n\nThe port was shut on Monday.', []],
  ])('%s', async (text, who) => expect(await speakersInOrder(text)).toEqual(who));
  it('reads the content after the acronym of a source ("according to X (ISPR), ...")', async () => {
    const { analyze } = await import('../helpers.js');
    const text = 'According to the Inter-Services Public Relations (ISPR), the troops responded and six attackers were killed.';
    const st = analyze(text).statements[0];
    expect(text.slice(st.start, st.end)).toMatch(/^the troops/);
  });
});

describe('statements: "the charity" for the organisation named before', () => {
  it.each<[string, (string | null)[]]>([
    ['Médecins Sans Frontières said its clinic had treated 64 wounded people. The charity said three of its nurses were hurt.', ['Medecins Sans Frontieres', 'Medecins Sans Frontieres']],
    ['Human Rights Watch said the camp was shelled twice. The charity said 12 tents burned.', ['Human Rights Watch', 'Human Rights Watch']],
    // a utility, a union, a hospital: the organisation named before
    ['Northshore Energy said 60,000 homes lost power. The utility said crews would work through the night.', ['Northshore Energy', 'Northshore Energy']],
    // "the monitor" for the Observatory named before (bodyHeadAlso), with where it is between article and head
    ['The Syrian Observatory for Human Rights said 14 civilians were killed. The monitor said dozens were hurt.', ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights']],
    ['The Syrian Observatory for Human Rights said 14 civilians were killed. The Britain-based monitor said dozens were hurt.', ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights']],
    ['The Syrian Observatory for Human Rights said 14 civilians were killed. The Britain based monitor said dozens were hurt.', ['Syrian Observatory for Human Rights', 'Syrian Observatory for Human Rights']],
    // negative: a charity no organisation was named for stays the words
    ['A local charity said 40 families had no water.', ['local charity']],
    // "the paramilitary group": the body introduced with that word ("the paramilitary Valley Defence Forces")
    ['The paramilitary Valley Defence Forces took the ridge on Monday. The paramilitary group said 12 of its men were hurt.', ['Valley Defence Forces']],
    // negative: a word no body was introduced with stays the words
    ['The paramilitary Valley Defence Forces took the ridge on Monday. The armed group said 12 of its men were hurt.', ['armed group']],
    // "the Britain-based organisation" right after a named body spoke is that body
    ['Aid Relief Network said 12 homes burned. The Britain-based organisation said 40 families had no water.', ['Aid Relief Network', 'Aid Relief Network']],
    // negative: with a person as the last speaker, or a named body far before, it is the words
    ['Aid Relief Network said 12 homes burned. Its director Ines Varga said the wells were dry. The Britain-based organisation said 40 families had no water.', ['Aid Relief Network', 'Ines Varga', 'Britain-based organisation']],
    ['Aid Relief Network said 12 homes burned. ' + 'The river rose through the night and the old bridge at the mill was closed to all traffic. '.repeat(4) + 'The Britain-based organisation said 40 families had no water.', ['Aid Relief Network', 'Britain-based organisation']],
  ])('%s', async (text, who) => expect(await speakersInOrder(text)).toEqual(who));
});

describe('statements: a named body before an apposition that opens with an article', () => {
  it.each<[string, (string | null)[]]>([
    ['UNRWA, the UN agency for Palestine refugees, said 1,000 families had fled.', ['UNRWA']],
    ['Save the Children, a British charity, said 40 schools were hit.', ['Save the Children']],
    // negative: a person before the apposition stays the speaker; a role alone is its own phrase
    ['Ahmed Yousif, a volunteer with the rescue service, said 40 people were killed.', ['Ahmed Yousif']],
  ])('%s', async (text, who) => expect(await speakersInOrder(text)).toEqual(who));
});

describe('statements: ", saying ..." takes its speaker from its own sentence, never from a later quotation', () => {
  it.each<[string, (string | null)[]]>([
    ['The rebel alliance denied the toll, saying in a post online that four of its fighters had died.\n\n“The shelling did not stop,” a farmer told reporters.', ['rebel alliance', 'farmer']],
    // negative: a quotation earlier in the same sentence still lends its speaker
    ['“We will rebuild,” the mayor said, adding that 40 homes were lost.', ['mayor', 'mayor']],
  ])('%s', async (text, who) => expect(await speakersInOrder(text)).toEqual(who));
});

// a person named in apposition to the role after the verb is the one speaking ("said its spokesman,
// Thameen Al-Kheetan,"), and "according to him" / "selon lui" names the man spoken of last
describe('statements: a name after the role, and object pronouns after a source cue', () => {
  it.each<[string, string | undefined, (string | null)[]]>([
    ['"We are horrified," said its spokeswoman, Ilona Barsky, at a briefing in Geneva. According to her office, 16 people were hurt.', 'en', ['Ilona Barsky', 'her office']],
    ['"The road is cut," said the spokesman, Tomas Reyna. According to him, 16 people were hurt.', 'en', ['Tomas Reyna', 'Tomas Reyna']],
    ["« La route est coupée », a déclaré son porte-parole, Tomas Reyna, lors d'un point de presse. Selon lui, 16 personnes ont été blessées.", 'fr', ['Tomas Reyna', 'Tomas Reyna']],
    // the role's head before its remit: "le gouverneur de la province du Sud-Kivu, Théo X"
    ["Le bilan s'est alourdi à 176 morts, a indiqué samedi le gouverneur de la province, Théo Ngabira.", 'fr', ['Théo Ngabira']],
    ['The toll rose to 176, said the governor of the province, Theo Ngabira, on Saturday.', 'en', ['Theo Ngabira']],
    // negative: a body's own document is no epithet of the person named last ("the city's own count": the city speaks)
    ["Councillor Dana Verhoeven said more shelters would open. According to the city's own count, 1,200 people slept outside.", 'en', ['Dana Verhoeven', 'city']],
    // negative: an object pronoun before a verb is no subject
    ['Witnesses heard him tell the driver that the road was cut.', 'en', []],
    // negative: a capitalised unit before a comma is no role ("5th Special Forces Group, Fort Campbell")
    ['He was assigned to the 5th Special Forces Group, Fort Campbell, Kentucky, the army said.', 'en', ['army']],
  ])('%s', async (text, lang, who) => expect(await speakersInOrder(text, lang)).toEqual(who));
});

// a verb joined by "and" after a quotation is the clause's own ("condemned “...” and promised"), not its cue
describe('statements: a verb joined after the quotation', () => {
  it.each<[string, string | undefined, (string | null)[]]>([
    ['The governor condemned "a cowardly attack on the night market" and promised more patrols.', 'en', ['governor']],
    ['Le gouverneur a dénoncé « une attaque lâche contre le marché de nuit » et promis davantage de patrouilles.', 'fr', ['gouverneur']],
    // negative: the cue after the quotation still speaks ("”, she said and")
    ['"The patrols start tonight," the governor said and left the room.', 'en', ['governor']],
    // after a quotation ending in a full stop, "He said" opens a sentence of its own with its own content
    ['The governor Tomas Reyna condemned what he called "a cowardly act." He said four suspects had been caught near the border.', 'en', ['Tomas Reyna', 'Tomas Reyna']],
    // negative: after a question the name and verb still cue it
    ['"Is the road open?" Reyna asked before leaving.', 'en', ['Reyna']],
  ])('%s', async (text, lang, who) => expect(await speakersInOrder(text, lang)).toEqual(who));
});

// a verb of judgement, its object and a link before a quotation: the verb's subject said it (quote.characterised)
describe('statements: a quoted judgement of an object', () => {
  it.each<[string, Exp[], string?]>([
    ['The governor described the fire as “a tragedy beyond words.”', [['“a tragedy beyond words.”', 'governor', true]]],
    ['Mayor Ilse Marten called the blast “a cowardly act against families.”', [['“a cowardly act against families.”', 'Ilse Marten', true]]],
    ['Le préfet a qualifié l’incendie de « drame terrible pour la ville ».', [['« drame terrible pour la ville »', 'préfet', true]], 'fr'],
    // negatives: a name given in quotation marks, and a word right after the verb
    ['A militia called “the Lions of the Valley for Justice” took the hill.', [['“the Lions of the Valley for Justice”', null, true]]],
    ['The so-called “peace for the valley accord” was signed.', [['“peace for the valley accord”', null, true]]],
    // ... but a judgement named by its speaker mid-sentence is still the speaker's
    ['Rockets hit the market in what the ministry called “a brutal crime against shoppers” on Monday.', [['“a brutal crime against shoppers”', 'ministry', true]]],
  ])('%s', (text, exp, lang) => {
    check(text, exp, lang);
  });
});
