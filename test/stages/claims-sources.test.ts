// sources of claims in general news (issue 13): one table per kind of miss, our own sentences.
// Each row: [text, quantity text, source name expected on that claim (null: no source)].
import { describe, expect, it } from 'vitest';
import { analyze } from '../helpers.js';

type Row = [string, string, string | null];

const claimOf = (text: string, q: string) => analyze(text).claims.find((x) => x.quantity.text.split(/\s+/).includes(q));

const tables: Record<string, Row[]> = {
  // a report, an estimate or figures "from/by X": X is the source
  'reports from, estimates by': [
    ['The death toll from the floods has passed 600 according to reports from several wire services.', '600', 'several wire services'],
    ['Estimates by the organizers indicate roughly 40,000 people marched in Lyon on Sunday.', '40,000', 'organizers'],
    ['Figures from the health ministry showed 35 people were killed overnight.', '35', 'health ministry'],
    ['Estimates by the organizers vary widely, and 300 people were arrested.', '300', null],
    ['Reports of heavy shelling said 12 people died in the night.', '12', null],
  ],
  // a place phrase between a figure verb's subject and the verb is the subject's, named body or not
  'a place between subject and verb': [
    ['The mayor said 40 homes burned. Health officials in the Tarno region later raised the death toll to 17.', '17', 'Health officials'],
    ['Health officials in Tarno raised the death toll to 17.', '17', 'Health officials'],
    ['The Red Crescent in Tarno raised the death toll to 17.', '17', 'Red Crescent'],
    // negative: a place phrase and a verb that reports no figure
    ['Health officials in Tarno visited the ward where 17 people were treated.', '17', null],
  ],
  // a pronoun with no antecedent counting inside a quotation names nobody: the quotation's speaker is the source
  'pronouns counting': [
    ['"We have counted 27 bodies so far," police officer Omar Diallo said.', '27', 'Omar Diallo'],
    ['Omar Diallo said: "We have counted 27 bodies so far."', '27', 'Omar Diallo'],
    ['They counted 27 bodies in the square on Monday.', '27', null],
    // negative: a pronoun with an antecedent names it
    ['The Red Crescent said on Monday that it had counted 27 bodies.', '27', 'Red Crescent'],
  ],
  // a reporting verb in the progressive, and a count reported as the verb's object
  'progressive and bare counts': [
    ['Local media are reporting that 14 people were killed in the blast.', '14', 'Local media'],
    ['State television reported 30 dead.', '30', 'State television'],
    ['Twelve people were reported killed in the blast.', 'Twelve', null],
  ],
  // counts of a crowd side by side, each with its source
  'crowd counts side by side': [
    ['Some 130,000 people marched on Thursday, according to the interior ministry, and 1.2 million according to the unions.', '1.2', 'unions'],
    ['Some 130,000 people marched on Thursday, according to the interior ministry, and 1.2 million according to the unions.', '130,000', 'interior ministry'],
    ['Police said 20,000 people took part; organisers put the figure at 100,000.', '100,000', 'organisers'],
    ['Some 130,000 people marched, according to police, while organizers said 500,000 took part.', '500,000', 'organizers'],
    ['Les manifestants étaient 20 000 selon la police, 100 000 selon les organisateurs.', '100', 'organisateurs'],
  ],
  // a body's tally, count or report as the subject of a figure verb
  'a tally by a body': [
    ['An AFP tally puts the toll at 19.', '19', 'AFP'],
    ['A Reuters count put the number of dead at 23.', '23', 'Reuters'],
  ],
  // a modifier of the number that is also the reporting verb ("estimated 3,000")
  'the reporting verb as the modifier of the number': [
    ['The UN estimated 3,000 had been displaced by the fighting.', '3,000', 'United Nations'],
    ['An estimated 3,000 people had been displaced by the fighting.', '3,000', null],
  ],
  // a verb that usually cues only a quotation reports speech when "that" follows it
  'quote-only verb with that': [
    ['A spokeswoman for the agency speculated that the toll could rise to over 900.', '900', 'spokeswoman for the agency'],
  ],
  // an organisation that is the subject of a figure verb, past an apposition, an acronym or "of" + a country
  'figure subject past brackets and appositions': [
    ['A truth commission, the Vargas Commission, listed 1,840 killings during the war.', '1,840', 'Vargas Commission'],
    ['The Flood Relief Agency (FRA) of Ecuador increased the death toll to 14 on Tuesday.', '14', 'Flood Relief Agency'],
    ['The Rescue Board of the Philippines raised the death toll to 23.', '23', 'Rescue Board'],
  ],
  // the subject of a figure verb inside what another speaker reports gives its own figure
  'figure subject inside a report': [
    ['The commission said two people were shot dead, while Amnesty International put the number of arrests at 52.', '52', 'Amnesty International'],
    ['The commission said two people were shot dead, while Amnesty International put the number of arrests at 52.', 'two', 'commission'],
  ],
  // a count in a relative clause opened right after a statement's speaker is theirs
  'relative clause after the speaker': [
    ['Forty villages were hit according to an NRC report on Monday, which counted 14 injured people in Tarlac and 9 in Bulacan.', '14', 'NRC'],
    ['Forty villages were hit according to an NRC report on Monday, which counted 14 injured people in Tarlac and 9 in Bulacan.', '9', 'NRC'],
    ['Forty villages were hit according to the NRC; separately, rescuers found 6 bodies near the river.', '6', null],
  ],
  // a sentence telling of a time before the current news carries no source from the sentence before (pastCues)
  'no carry-over into the past': [
    ['Nine guards were killed at the depot, the army said. The raid came two years after a bombing killed 40 people in the port.', '40', null],
    ["Neuf gardes ont été tués, a indiqué l'armée. L'an dernier, un attentat avait fait 40 morts dans le port.", '40', null],
    // negative: the next sentence of the same report keeps the source
    ['Nine guards were killed at the depot, the army said. Another 14 people were wounded.', '14', 'army'],
    // an apposition after the speaker ends that report's sentence: the next one goes on with it
    ['Nine guards were killed at the depot, said Ali Haddad, a spokesman for the port authority. Another 14 people were wounded.', '14', 'Ali Haddad'],
    // negative: more than an apposition after the speaker is another clause
    ['Nine guards were killed at the depot, said Ali Haddad, who added that the gates were shut at dawn. Another 14 people were wounded.', '14', null],
  ],
  // unpunctuated agency copy: a place opening the sentence right before a capitalised determiner heads another
  // section ("Hama A civilian was killed"), which takes no source from the sentence before
  'no carry-over past a section heading': [
    ['Army units killed scores of terrorists in Jobar a military source said. Hama A civilian was killed when terrorists shelled Mhardeh.', 'A', null],
    // negative: a sentence opening with a place and a verb goes on with the same report
    ['Army units killed scores of terrorists in Jobar a military source said. In Jobar 12 more were wounded.', '12', 'military source'],
  ],
  // a new paragraph in the writer's voice takes no source from the paragraph before (a background paragraph)
  'no carry-over into a new paragraph': [
    ['About 300,000 people have fled their homes, the agency estimates.\nThe fighting began in April, when militiamen stormed the city, killing some 900 people.', '900', null],
    ["Quelque 300 000 personnes ont fui, selon l'agence.\nLes combats avaient commencé en avril et fait environ 900 morts.", '900', null],
    // negative: the next sentence of the same paragraph keeps the source
    ['About 300,000 people have fled their homes, the agency estimates. Some 900 people were killed in the first week.', '900', 'agency'],
  ],
  // two figures each with its own source in one sentence: the first source's statement is the clause before it
  'a figure per source': [
    ["À Lyon, 800 personnes ont défilé selon la préfecture, 950 selon les syndicats.", '800', 'préfecture'],
    ["À Lyon, 800 personnes ont défilé selon la préfecture, 950 selon les syndicats.", '950', 'syndicats'],
    // negative: a clause after the source's comma with no source of its own is what it reports
    ['According to the ministry, 45 people were killed in the night.', '45', 'ministry'],
    ['The shelling went on through the night and, according to the ministry, 45 people were killed.', '45', 'ministry'],
  ],
  // a speaker placed by "in X" (its region or country set off by commas, a region's word that is also a verb)
  'a speaker placed in a town': [
    ['Police in Jackson, Mississippi, said two people were shot.', 'two', 'Police in Jackson'],
    ['Authorities in Borno state, Nigeria, said 12 people were killed.', '12', 'Authorities in Borno state'],
    ['Officials in Borno state said 12 people were killed.', '12', 'Officials in Borno state'],
    ['The governor of Borno state said 12 people were killed.', '12', 'governor of Borno state'],
    // a name after "in" is where the speaker is, not who spoke
    ['Police in Jackson said two people were shot.', 'two', 'Police in Jackson'],
    // negative: a person named before an apposition of their town still speaks
    ['Abdullahi, a resident of Maiduguri, Borno, said 12 people were killed.', '12', 'Abdullahi'],
  ],
  // a verb of many senses ("set", "put") is a figure's verb only near the count or with the figure's noun between
  'figure verbs of many senses': [
    ['Protesters set part of the parliament on fire as police opened fire, killing several people, according to medics.', 'several', 'medics'],
    ['The ministry put the death toll from the floods in the north at 45.', '45', 'ministry'],
    ['The press freedom group tallied 40 reporters dead in a year of war, besides 25 abducted and 70 jailed.', '25', 'press freedom group'],
  ],
  // a reporting verb joined by "et"/"and" to a verb with a subject, with none of its own: that subject speaks
  // a contrast clause with a source of its own is that source's, not the first speaker's
  'contrast clause with its own source': [
    ['The agency said 3,419 people had died in the north, while at least 1,602 were killed in the south, according to the government.', '1,602', 'government'],
    // negative: without one, the first speaker's report goes on
    ['The agency said 3,419 people had died in the north, while 1,602 were killed in the south.', '1,602', 'agency'],
  ],
  // "ajoute le texte", "the text added": the document told of before, its author
  'the text as speaker': [
    ["Selon un communiqué de l'état-major, 27 soldats ont été tués. Une quinzaine d'assaillants ont été neutralisés, ajoute le texte.", 'quinzaine', 'état-major'],
  ],
  // French: a count of participants claimed by a body ("La CGT revendique 100 000 participants")
  'French participants': [
    ['La CGT revendique pour sa part 100 000 participants.', '100', 'CGT'],
    ['Selon la police, 12 000 marcheurs ont défilé à Lyon.', '12', 'police'],
  ],
  'joined reporting verb': [
    ["Le groupe a revendiqué l'attaque et affirme avoir tué 300 soldats.", '300', 'groupe'],
    // negative: a verb with a subject of its own
    ["Le groupe a revendiqué l'attaque et l'armée affirme avoir tué 30 assaillants.", '30', 'armée'],
  ],
  // unpunctuated copy: "According to X" with no comma ends the source at an article, a count or a lower-case word
  // after a named body; the sentence after such an opening goes on with its source
  'according to, unpunctuated': [
    ['According to the local council the jets bombed the village. At least 20 civilians were killed.', '20', 'local council'],
    ['According to independent monitors hundreds of civilians have been killed in the siege.', 'hundreds', 'independent monitors'],
    ['According to the Red Cross heavy rain has cut the road and 40 families are stranded.', '40', 'Red Cross'],
    ['Selon le conseil local, les avions ont bombardé le village. Au moins 20 civils ont été tués.', '20', 'conseil local'],
    // negatives: a source with its own complement stays whole; a sentence after a plain claim of responsibility takes no source
    ['At least 12 people died, according to reports from several news agencies.', '12', 'several news agencies'],
    ['The group claimed the attack. At least 20 civilians were killed.', '20', null],
  ],
  // French: "selon l'annonce du gouvernement", a day after the speaker of an inverted cue
  'French source nouns and days': [
    ["Au moins 300 otages ont été libérés, selon l'annonce du gouvernement tchadien ce jeudi.", '300', 'gouvernement tchadien'],
    ["Deux dispensaires ont été bombardés, tuant environ 20 civils, a affirmé l'ONU mardi.", '20', 'ONU'],
  ],
};

describe('claims: sources named by the text', () => {
  for (const [kind, rows] of Object.entries(tables)) {
    describe(kind, () => {
      for (const [text, q, want] of rows) {
        it(`${q} in "${text.slice(0, 60)}…" → ${want ?? 'no source'}`, () => {
          const c = claimOf(text, q);
          expect(c, 'a claim on ' + q).toBeTruthy();
          const name = c!.source?.name ?? null;
          if (want === null) expect(name).toBeNull();
          else expect(name?.toLowerCase()).toContain(want.toLowerCase());
        });
      }
    });
  }
});
