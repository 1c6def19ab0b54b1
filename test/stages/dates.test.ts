// dates stage: each construction has a row [sentence, published, expected mentions]. Expected offsets are
// the first occurrence of the quoted text in the sentence after the previous mention (start) and
// start + length (end).
// Reference day unless a row says otherwise: Tuesday 2016-12-20.
import { describe, expect, it } from 'vitest';
import { emptyAnalysis, type Analysis, type Quantity } from '../../src/core/types.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { Resources } from '../../src/pipeline/resources.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { numbersStage } from '../../src/stages/numbers/index.js';
import { datesStage } from '../../src/stages/dates/index.js';
import { DayIndex } from '../../src/stages/dates/context.js';

const resources = new Resources();
const pipeline = new Pipeline([sentencesStage, numbersStage, datesStage], resources);
const TUE = '2016-12-20';

/** [text, date, until or null, precision, dateline?] */
type Exp = [text: string, date: string, until: string | null, precision: string, dateline?: boolean];

function analyze(text: string, published: string | undefined): Analysis {
  return pipeline.analyze({ id: 't', text, ...(published ? { published } : {}) });
}

function check(text: string, published: string | undefined, expected: Exp[]) {
  const a = analyze(text, published);
  expect(a.errors).toEqual([]);
  const got = a.dates.map((d) => [d.text, d.date, d.until ?? null, d.precision, ...(d.dateline ? [true] : [])]);
  expect(got).toEqual(expected.map((e) => (e[4] ? e : e.slice(0, 4))));
  let from = 0;
  a.dates.forEach((d, i) => {
    const at = text.indexOf(expected[i][0], from);
    from = at + expected[i][0].length;
    expect([d.start, d.end]).toEqual([at, at + expected[i][0].length]);
    expect(d.evidence[0].rule).toMatch(/^dates\./);
  });
  return a;
}

const explicit: [string, string | undefined, Exp[]][] = [
  ['Air strikes killed 12 people in the town on 5 July 2016 a monitor said', TUE, [['5 July 2016', '2016-07-05', null, 'day']]],
  ['The convoy left on July 5, 2016, according to officials.', TUE, [['July 5, 2016', '2016-07-05', null, 'day']]],
  ['The convoy left on July 5 2016 according to officials', TUE, [['July 5 2016', '2016-07-05', null, 'day']]],
  ['The talks opened on the 5th of July in Geneva.', TUE, [['5th of July', '2016-07-05', null, 'day']]],
  ['Fighting resumed on Dec. 19 near the airport.', TUE, [['Dec. 19', '2016-12-19', null, 'day']]],
  // a day without its year in a clause past by a cue is never after the reference day: last year's
  ['Gunmen stormed the border town on March 7, killing 12 people.', TUE, [['March 7', '2016-03-07', null, 'day']]],
  ['Moscow began its air campaign on Dec. 30, officials recalled.', TUE, [['Dec. 30', '2015-12-30', null, 'day']]],
  // negative: a participle after "be" is no past ("will be held"), and without a cue the nearest day stands
  ['The vote will be held on Jan. 30 in the capital.', TUE, [['Jan. 30', '2017-01-30', null, 'day']]],
  ['Talks on Jan. 30 could open the road.', TUE, [['Jan. 30', '2017-01-30', null, 'day']]],
  ['The report was released on 2016-07-05 by the agency.', TUE, [['2016-07-05', '2016-07-05', null, 'day']]],
  ['Rebels withdrew from the district on June 10 the group said', TUE, [['June 10', '2016-06-10', null, 'day']]],
  ['Troops reached the river on September 30th 2015 officials said', TUE, [['September 30th 2015', '2015-09-30', null, 'day']]],
  ['The local truce held from the night of September 12', TUE, [['September 12', '2016-09-12', null, 'day']]],
  ['The siege of the town began in March 2015', TUE, [['March 2015', '2015-03-01', null, 'month']]],
  ['Thousands fled the city in June', TUE, [['June', '2016-06-01', null, 'month']]],
  ['The army advanced in mid-March toward the river', TUE, [['mid-March', '2016-03-01', null, 'month']]],
  ['The faction was left out of a February truce', TUE, [['February', '2016-02-01', null, 'month']]],
  ['The push started in the second week of July', TUE, [['July', '2016-07-01', null, 'month']]],
  ['The strikes came around dawn Tuesday residents said', '2016-12-21', [['around dawn Tuesday', '2016-12-20', null, 'day']]],
  ['The group seized the town last June', TUE, [['last June', '2016-06-01', null, 'month']]],
  ['The group seized the town last June', '2016-03-10', [['last June', '2015-06-01', null, 'month']]],
  ['Elections are planned for next March', TUE, [['next March', '2017-03-01', null, 'month']]],
  ['The offensive was launched in 2014 by the coalition', TUE, [['2014', '2014-01-01', null, 'year']]],
  // no year: the year that puts the day nearest before the reference day
  ['Shelling killed four people on December 28 the monitor said', '2017-01-03', [['December 28', '2016-12-28', null, 'day']]],
  // ... or after it, when the clause looks forward
  ['The talks will open on January 10 in Astana', '2016-12-30', [['January 10', '2017-01-10', null, 'day']]],
  // a conditional does not push a recent day a year ahead
  ['The draft would condemn the August 21 attack near the capital', '2013-09-10', [['August 21', '2013-08-21', null, 'day']]],
  // the year given after the month
  ['In a statement in November last year the panel accused the militia', TUE, [['November last year', '2015-11-01', null, 'month']]],
  ['The town was retaken on March 3 this year', TUE, [['March 3 this year', '2016-03-03', null, 'day']]],
  // comma between day and year stripped: day and year run together
  ['Last updated at Mar 142017 A shell wounded two farmers', '2017-03-16', [['Mar 142017', '2017-03-14', null, 'day', true]]],
];

const weekdays: [string, string | undefined, Exp[]][] = [
  ['Troops entered the town on Monday', TUE, [['Monday', '2016-12-19', null, 'day']]],
  // the reference weekday itself is the reference day
  ['The monitor said Tuesday that 20 people had died', TUE, [['Tuesday', '2016-12-20', null, 'day']]],
  ['Rebels shelled the district on Saturday the army said', TUE, [['Saturday', '2016-12-17', null, 'day']]],
  ['More buses will arrive on Thursday', TUE, [['Thursday', '2016-12-22', null, 'day']]],
  ['Extra lorries are expected to reach the camp on Wednesday', TUE, [['Wednesday', '2016-12-21', null, 'day']]],
  ['Six ambulances were thought to be about to leave on Wednesday', TUE, [['Wednesday', '2016-12-21', null, 'day']]],
  ['On Friday the army will open a corridor', TUE, [['Friday', '2016-12-23', null, 'day']]],
  ['On Friday the army opened a corridor', TUE, [['Friday', '2016-12-16', null, 'day']]],
  // a measure "starting", "effective" or "à partir de" a day announced now begins on the next such day
  ['The governor announced a curfew starting Thursday night', TUE, [['Thursday night', '2016-12-22', null, 'day']]],
  ['The ban on gatherings is effective Saturday', TUE, [['Saturday', '2016-12-24', null, 'day']]],
  ["Le préfet a décrété un couvre-feu à partir de jeudi soir", TUE, [['jeudi soir', '2016-12-22', null, 'day']]],
  // negative: only right before the day; "the beginning of" a thing told before it is a noun
  ['Fighting has raged since the beginning of the offensive on Monday', TUE, [['Monday', '2016-12-19', null, 'day']]],
  // future seen from the past ("would", "was due to"): the nearest such day
  ['Russia declared a truce that would begin on Monday', '2016-06-17', [['Monday', '2016-06-20', null, 'day']]],
  ['Russia declared a truce that would begin on Thursday night', '2016-06-17', [['Thursday night', '2016-06-16', null, 'day']]],
  ['They announced a deal that would start a ceasefire on Monday', '2016-09-10', [['Monday', '2016-09-12', null, 'day']]],
  // "due to" as "because of" is not a future
  ['The convoy could not enter the town due to shelling on Sunday', TUE, [['Sunday', '2016-12-18', null, 'day']]],
  ['Talks are due to resume next Monday', TUE, [['next Monday', '2016-12-26', null, 'day']]],
  ['Rebels shelled the district last Tuesday', TUE, [['last Tuesday', '2016-12-13', null, 'day']]],
  ['The strike happened late on Tuesday police said', '2016-12-21', [['late on Tuesday', '2016-12-20', null, 'day']]],
  ['Shelling resumed Friday morning in the old city', TUE, [['Friday morning', '2016-12-16', null, 'day']]],
  ['Mondays attack killed nine people', TUE, [['Mondays', '2016-12-19', null, 'day']]],
];

const relative: [string, string | undefined, Exp[]][] = [
  ['Five civilians were killed yesterday in the shelling', TUE, [['yesterday', '2016-12-19', null, 'day']]],
  ['Eight killed in yesterdays shelling', TUE, [['yesterdays', '2016-12-19', null, 'day']]],
  ["Yesterday's raid destroyed two houses", TUE, [['Yesterday', '2016-12-19', null, 'day']]],
  ['Clashes went on today in the western suburbs', TUE, [['today', '2016-12-20', null, 'day']]],
  ['Medics would reach the village later in the day', TUE, [['later in the day', '2016-12-20', null, 'day']]],
  ['A curfew will start tonight across the province', TUE, [['tonight', '2016-12-20', null, 'day']]],
  ['The rescue service said this morning that the road was open', TUE, [['this morning', '2016-12-20', null, 'day']]],
  ['At least 23 villagers died overnight a monitor said', TUE, [['overnight', '2016-12-20', null, 'day']]],
  ['Earlier today the convoy reached the crossing', TUE, [['Earlier today', '2016-12-20', null, 'day']]],
  // counted from the day the text named last
  ['Rebels attacked on Monday and the army hit back the next day', TUE, [['Monday', '2016-12-19', null, 'day'], ['the next day', '2016-12-20', null, 'day']]],
  ['The town fell on June 10. Two days later the army retook it.', TUE, [['June 10', '2016-06-10', null, 'day'], ['Two days later', '2016-06-12', null, 'day']]],
  ['Two days later the army retook the town', TUE, []],
  // with no day named before it, the day its report was made later in the sentence
  ['Four guards were killed the previous day, the monitor said on Monday', TUE, [['the previous day', '2016-12-18', null, 'day'], ['Monday', '2016-12-19', null, 'day']]],
  // negative: a day named later that is no report's day anchors nothing
  ['Four guards were killed the previous day and buried on Monday', TUE, [['Monday', '2016-12-19', null, 'day']]],
  ['Three days ago a car bomb exploded in the market', TUE, [['Three days ago', '2016-12-17', null, 'day']]],
  ['Government forces seized the hill last week', TUE, [['last week', '2016-12-12', null, 'week']]],
  ['Earlier this week a mortar round struck the school', TUE, [['Earlier this week', '2016-12-19', '2016-12-20', 'week']]],
  ['The town fell last month after a long siege', TUE, [['last month', '2016-11-01', null, 'month']]],
  ['Air strikes over the weekend killed 13 people', TUE, [['the weekend', '2016-12-17', '2016-12-18', 'week']]],
  ['Air strikes at the weekend killed 13 people', '2016-12-17', [['the weekend', '2016-12-17', '2016-12-17', 'week']]],
  ['Talks will resume this weekend in Geneva', TUE, [['this weekend', '2016-12-24', '2016-12-25', 'week']]],
  ['Over the past year the group lost half its territory', TUE, [['the past year', '2015-12-21', '2016-12-20', 'year']]],
  ['Aid deliveries stopped earlier this month', TUE, [['earlier this month', '2016-12-01', '2016-12-20', 'month']]],
];

const ranges: [string, string | undefined, Exp[]][] = [
  ['Over the past several days thousands have left the city', TUE, [['the past several days', '2016-12-15', '2016-12-20', 'week']]],
  ['At least 40 fighters died in the past 24 hours', TUE, [['the past 24 hours', '2016-12-20', null, 'day']]],
  ['Shelling grew heavier in recent days around the dam', TUE, [['recent days', '2016-12-15', '2016-12-20', 'week']]],
  ['Warplanes struck 30 targets during the past week', TUE, [['the past week', '2016-12-13', '2016-12-20', 'week']]],
  ['The area has been shelled since Sunday', TUE, [['since Sunday', '2016-12-18', '2016-12-20', 'day']]],
  ['Syria has been at war since March 2011', TUE, [['since March 2011', '2011-03-01', '2016-12-20', 'month']]],
  // a period that has begun: "since December 25" in a report of December 20 began the year before
  ['More than 300 people have died since December 25', TUE, [['since December 25', '2015-12-25', '2016-12-20', 'day']]],
  // negative: a day named alone after the report day stays in its year ("on December 21": the report dated early)
  ['The convoy is due on December 21', TUE, [['December 21', '2016-12-21', null, 'day']]],
  ['Strikes hit the city between June 1 and June 5 the monitor said', TUE, [['between June 1 and June 5', '2016-06-01', '2016-06-05', 'day']]],
  ['The alliance said raids between March 14 and April 9 killed four commanders', '2017-04-18', [['between March 14 and April 9', '2017-03-14', '2017-04-09', 'day']]],
  ['Casualties from Monday June 6 2016 to Monday June 20 2016 totalled 148', TUE, [['from Monday June 6 2016 to Monday June 20 2016', '2016-06-06', '2016-06-20', 'day']]],
  ['Most of the fighting happened between April and May', TUE, [['between April and May', '2016-04-01', '2016-05-31', 'month']]],
  ['The rebels held the town between 2012 and 2014', TUE, [['between 2012 and 2014', '2012-01-01', '2014-12-31', 'year']]],
  ['Rebels stormed the base in the summer of 2012', TUE, [['2012', '2012-01-01', null, 'year']]],
  ['Roads were closed between June 1 and 5', TUE, [['between June 1 and 5', '2016-06-01', '2016-06-05', 'day']]],
  ['The third session of talks is to take place on June 8-9 in Vienna', '2017-05-25', [['June 8-9', '2017-06-08', '2017-06-09', 'day']]],
  // a day range with a range word and no word before it ("the night of June 14 to 15"); negatives: a count after
  // the second number ("June 14 to 15 people", "between June 1 and 5 people")
  ['On the night of June 14 to 15, twenty drones were shot down', TUE, [['June 14 to 15', '2016-06-14', '2016-06-15', 'day']]],
  ['On June 14 to 15 people were evacuated', TUE, [['June 14', '2016-06-14', null, 'day']]],
  ['Between June 1 and 5 people were evacuated', TUE, [['June 1', '2016-06-01', null, 'day']]],
];

const datelines: [string, string | undefined, Exp[]][] = [
  // the text's dateline wins over the published metadata and becomes the reference day
  ['Date of publication 14 February 2017 A truck bomb went off at a market on Monday.', '2017-02-19', [['14 February 2017', '2017-02-14', null, 'day', true], ['Monday', '2017-02-13', null, 'day']]],
  ['Published July 27 2016 A car bomb killed 12 people on Tuesday', '2016-07-30', [['July 27 2016', '2016-07-27', null, 'day', true], ['Tuesday', '2016-07-26', null, 'day']]],
  ['Tuesday 30 Sep 2014 Rebels attacked a checkpoint on Monday', '2014-10-02', [['Tuesday 30 Sep 2014', '2014-09-30', null, 'day', true], ['Monday', '2014-09-29', null, 'day']]],
  ['Thu Jul 7 2016 Two commanders were killed on Thursday', '2016-07-09', [['Thu Jul 7 2016', '2016-07-07', null, 'day', true], ['Thursday', '2016-07-07', null, 'day']]],
  ['Posted on 12/03/2017 The army said it had retaken the hill on Saturday', '2017-03-13', [['12/03/2017', '2017-03-12', null, 'day', true], ['Saturday', '2017-03-11', null, 'day']]],
  ['25-12-2014 Thirty militants were killed in clashes on Thursday reports said', '2014-12-20', [['25-12-2014', '2014-12-25', null, 'day', true], ['Thursday', '2014-12-25', null, 'day']]],
  ['14.08.2018 The ministry said the depot was hit on August 12', '2018-08-16', [['14.08.2018', '2018-08-14', null, 'day', true], ['August 12', '2018-08-12', null, 'day']]],
  ['Thursday 15 September 2016 09:41 Government shelling wounded dozens on Wednesday morning', '2016-09-16', [['Thursday 15 September 2016 09:41', '2016-09-15', null, 'day', true], ['Wednesday morning', '2016-09-14', null, 'day']]],
  ['Air raids killed 30 people on Thursday. Last updated: Friday 3 June 2016', '2016-06-10', [['Thursday', '2016-06-02', null, 'day'], ['Friday 3 June 2016', '2016-06-03', null, 'day', true]]],
  // an "updated" stamp is a publication stamp too, never the day of an event (the first one is the dateline)
  ['14.08.2018(updated 0945 14.08.2018) Government jets hit a depot on August 12', '2018-08-16', [['14.08.2018', '2018-08-14', null, 'day', true], ['14.08.2018', '2018-08-14', null, 'day', true], ['August 12', '2018-08-12', null, 'day']]],
  // a headline before the dateline: still near the start
  ['Kurdish town attacked AFP Saturday 17 Aug 2013 Jihadists attacked the town on Friday', '2013-08-20', [['Saturday 17 Aug 2013', '2013-08-17', null, 'day', true], ['Friday', '2013-08-16', null, 'day']]],
  ['Posted 27/05/17 The ministry said the convoy was destroyed on Thursday', '2017-05-29', [['27/05/17', '2017-05-27', null, 'day', true], ['Thursday', '2017-05-25', null, 'day']]],
  // a wire dateline without a year takes the year nearest the published date
  ['BEIRUT, Dec 20 (Reuters) - Air strikes killed 12 people on Monday', '2016-12-22', [['Dec 20', '2016-12-20', null, 'day', true], ['Monday', '2016-12-19', null, 'day']]],
  ['MOSCOW March 12 (RIA Novosti) - Two car bombs killed 18 people on Sunday', '2015-03-14', [['March 12', '2015-03-12', null, 'day', true], ['Sunday', '2015-03-08', null, 'day']]],
  ['Rebels attacked the base on Dec 20 (local time) and withdrew on Friday', '2016-12-26', [['Dec 20', '2016-12-20', null, 'day'], ['Friday', '2016-12-23', null, 'day']]],
  // not a dateline: led by "on" (the date of an event)
  ['On 5 July 2016 the army took the town. It lost it on Monday.', '2016-07-10', [['5 July 2016', '2016-07-05', null, 'day'], ['Monday', '2016-07-04', null, 'day']]],
];

const negatives: [string, string | undefined, Exp[]][] = [
  ['Protesters may march on the capital', TUE, []],
  ['The march was peaceful and nobody was hurt', TUE, []],
  ['May God protect the children she said', TUE, []],
  ['The second convoy left the city', TUE, []],
  ['Thirty people were killed on the second day of the truce', TUE, []],
  ['A 5km stretch of road was closed', TUE, []],
  ['The 2000 residents of the village fled', TUE, []],
  ['They said the recent military operations were a success', TUE, []],
  ['The appeal was made by Jan Egeland the UN adviser', TUE, []],
  ['Trump and May discussed the strikes by phone', TUE, []],
  ['The May government agreed to the deal', TUE, []],
  ['A total of 2000 people fled the town', TUE, []],
  ['Clashes killed 300 and 2000 were wounded', TUE, []],
  ['The base was attacked by 2000 fighters', TUE, []],
  ['Between 2000 and 3000 people fled the town', TUE, []],
  ['The toll rose from 2000 to 2500 the monitor said', TUE, []],
  // a month after "in" takes no day without a year: "12" counts people
  ['In March 12 civilians were killed in the village', TUE, [['March', '2016-03-01', null, 'month']]],
  ['In late March 30 people died in the shelling', TUE, [['March', '2016-03-01', null, 'month']]],
];

describe('dates: explicit dates', () => {
  it.each(explicit)('%s', (text, pub, exp) => void check(text, pub, exp));
});
describe('dates: weekdays (tense-aware)', () => {
  it.each(weekdays)('%s', (text, pub, exp) => void check(text, pub, exp));
});
describe('dates: relative days and periods', () => {
  it.each(relative)('%s', (text, pub, exp) => void check(text, pub, exp));
});
describe('dates: ranges', () => {
  it.each(ranges)('%s', (text, pub, exp) => void check(text, pub, exp));
});
describe('dates: datelines', () => {
  it.each(datelines)('%s', (text, pub, exp) => void check(text, pub, exp));
});
describe('dates: negative cases', () => {
  it.each(negatives)('%s', (text, pub, exp) => void check(text, pub, exp));
});

// word tests read from each language's data (dates.json): a short month that is a whole word takes no
// abbreviation period ("June." ends a sentence, "Dec." is cut short), the word between a day and its month
describe('dates: words by language', () => {
  const rows: [lang: string, text: string, expected: [string, string][]][] = [
    ['en', 'The convoy left on the 12th of June, officials said.', [['12th of June', '2016-06-12']]],
    ['en', 'They arrived on Dec. 19 in the town.', [['Dec. 19', '2016-12-19']]],
    ['fr', 'Le convoi est parti le 12 juin. Il a été attaqué.', [['12 juin', '2016-06-12']]],
    // negative: French puts no word between a day and its month, so no day is read (the month alone
    // still is, after its cue "de")
    ['fr', 'Le convoi est parti le 12 de juin.', [['juin', '2016-06-01']]],
    // French writes month names in lower case: a bare month after its cue is read as written
    ['fr', 'Les combats ont repris en juin dans la région.', [['juin', '2016-06-01']]],
    ['fr', 'Depuis mars, 300 familles ont fui la ville.', [['Depuis mars', '2016-03-01']]],
    // "depuis le 25 décembre": the article between the since word and its day
    ['fr', 'Depuis le 25 décembre, 300 familles ont fui la ville.', [['Depuis le 25 décembre', '2015-12-25']]],
    // negative: a month word with no cue before it is not a date
    ['fr', 'Le robot explore mars depuis des années.', []],
    // a phrase with an elided word ("l' an dernier" in dates.json) matches the tokenizer's "l'" token
    ['fr', "Les combats ont repris l'an dernier dans la région.", [["l'an dernier", '2015-01-01']]],
    ['fr', "La ville a été attaquée à l'aube de mardi.", [["à l'aube de mardi", '2016-12-20']]],
    // "il y a" before a count and a unit: a span back from the report (the unit read by its days: pastRangeUnits)
    ['fr', 'Il y a deux jours, des hommes armés ont enlevé vingt fidèles.', [['Il y a deux jours', '2016-12-18']]],
    ['fr', 'Les faits remontent à il y a trois semaines.', [['il y a trois semaines', '2016-11-29']]],
    // negative: "il y a" before no span is no date
    ['fr', 'Il y a des blessés parmi les civils.', []],
    // negative: an elided word alone is no date ("l'aube" with no day after it)
    ['fr', "Les tirs ont commencé à l'aube.", []],
    // negative: English month names keep their capital ("may" is a verb)
    ['en', 'The talks may resume in june if the truce holds.', []],
  ];
  it.each(rows)('%s: %s', (lang, text, expected) => {
    const a = pipeline.analyze({ id: 't', text, lang, published: TUE });
    expect(a.dates.map((d) => [d.text, d.date])).toEqual(expected);
  });
});

describe('dates: reference date', () => {
  it('is the dateline when the text has one', () => {
    expect(analyze('Published July 27 2016 Two people died', '2016-07-30').referenceDate).toBe('2016-07-27');
  });
  it('is the published date otherwise', () => {
    expect(analyze('Two people died on Monday', '2016-07-30').referenceDate).toBe('2016-07-30');
  });
  it('is a day even when the published metadata carries a time', () => {
    const a = analyze('Two people died on Monday', '2016-07-30T22:15:00Z');
    expect(a.referenceDate).toBe('2016-07-30');
    expect(a.dates[0].date).toBe('2016-07-25');
  });
  it('is null without either; relative dates are then left out, explicit ones kept', () => {
    const a = analyze('Two people died on Monday and three on 5 July 2016', undefined);
    expect(a.referenceDate).toBeNull();
    expect(a.dates.map((d) => d.text)).toEqual(['5 July 2016']);
  });
});

describe('dates: numbers inside dates are not counts', () => {
  function q(text: string, s: string, from = 0): Quantity {
    const start = text.indexOf(s, from);
    return { start, end: start + s.length, text: s, min: +s, max: +s, approx: false, kind: 'exact', core: { start, end: start + s.length }, evidence: [] };
  }
  it('marks hand-built quantities: date, duration, age, count untouched', () => {
    const text = 'Troops entered on June 10 and 24 people died in the past 24 hours. He had lived there for 4 years. A 7 years old boy died.';
    const a = emptyAnalysis({ id: 't', text, published: TUE });
    sentencesStage.run(a, resources);
    const qs = [q(text, '10'), q(text, '24'), q(text, '24', text.indexOf('past')), q(text, '4', text.indexOf('4 years')), q(text, '7', text.indexOf('7 years'))];
    a.quantities = qs;
    datesStage.run(a, resources);
    expect(qs.map((x) => x.nonCount ?? null)).toEqual(['date', null, 'duration', 'duration', 'age']);
    expect(qs[0].evidence.map((e) => e.rule)).toEqual(['dates.inside-date']);
    expect(qs[0].evidence[0].span).toEqual({ start: text.indexOf('June 10'), end: text.indexOf('June 10') + 7 });
  });
  it('never overrides a kind the numbers stage set', () => {
    const text = 'The talks opened on the 4th of April.';
    const a = emptyAnalysis({ id: 't', text, published: TUE });
    sentencesStage.run(a, resources);
    const x = q(text, '4');
    x.nonCount = 'ordinal';
    a.quantities = [x];
    datesStage.run(a, resources);
    expect(x.nonCount).toBe('ordinal');
  });
  it('with the numbers stage: the count in "Published May 9 2016 21 gunmen" survives', () => {
    const text = 'Published May 9 2016 21 gunmen have died over the last 24 hours';
    const a = analyze(text, '2016-05-12');
    const counts = a.quantities.filter((x) => !x.nonCount).map((x) => x.text);
    expect(counts).toEqual(['21']);
    expect(a.referenceDate).toBe('2016-05-09');
  });
  it('marks a clock time without its colon, known by its time zone', () => {
    const text = 'March 4 2017 1915 UTC+2 A spokesman said 17 gunmen were captured';
    const a = analyze(text, undefined);
    expect(a.dates[0].text).toBe('March 4 2017 1915 UTC+2');
    expect(a.quantities.filter((x) => !x.nonCount).map((x) => x.text)).toEqual(['17']);
  });
  it('marks the clock time of a dateline as time', () => {
    const text = 'Thursday 15 September 2016 09:41 Government shelling wounded 37 people';
    const a = analyze(text, '2016-09-16');
    expect(a.quantities.filter((x) => !x.nonCount).map((x) => x.text)).toEqual(['37']);
  });
});

describe('dates: the day of an item in a sentence (DayIndex)', () => {
  const text = 'Rebels say 9 died. Air strikes killed 30 people on Friday. Ten of them were children. Since Sunday 50 have fled. A raid on Monday hit a school.';
  const a = analyze(text, '2016-06-07'); // a Tuesday
  const ix = new DayIndex(a);
  const at = (s: string) => {
    const start = text.indexOf(s);
    const sent = a.sentences.find((x) => x.start <= start && start < x.end)!.index;
    return ix.dayFor({ start, end: start + s.length }, sent);
  };
  it.each([
    // a headline or lead before any day: the first day in the next sentences
    ['9 died', '2016-06-03', 'following'],
    ['30 people', '2016-06-03', 'sentence'],
    // carried from the sentence before
    ['Ten of them', '2016-06-03', 'previous'],
    // a range that runs up to the report: its last day
    ['50 have fled', '2016-06-07', 'sentence'],
    ['a school', '2016-06-06', 'sentence'],
  ])('%s → %s (%s)', (s, date, how) => {
    const p = at(s);
    expect(p && [p.date, p.how]).toEqual([date, how]);
  });
  it('prefers the day of the events to the day something was said about them', () => {
    const t = 'The monitor said on Tuesday that 15 people died in artillery fire on Sunday';
    const b = analyze(t, '2016-12-20');
    const at = t.indexOf('15 people');
    expect(b.dates.map((d) => [d.text, d.evidence.some((e) => e.rule === 'dates.reporting-day')])).toEqual([['Tuesday', true], ['Sunday', false]]);
    expect(new DayIndex(b).dayFor({ start: at, end: at + 9 }, 0)?.date).toBe('2016-12-18');
  });
  it('looks ahead only from the headline and lead', () => {
    const t = 'Fighting went on. Rebels lost ground. Troops shelled a village. Jets destroyed 40 tankers. Operations began on September 30 2015.';
    const b = analyze(t, '2016-02-01');
    const at = t.indexOf('40');
    expect(b.sentences.length).toBe(5);
    expect(new DayIndex(b).dayFor({ start: at, end: at + 2 }, 3)).toBeNull();
    expect(new DayIndex(b).dayFor({ start: 0, end: 8 }, 2)?.date).toBe('2015-09-30');
  });
  it('takes the day of the happening a sentence refers back to ("the attack")', () => {
    const t = 'Inspectors said a sarin attack hit the town on April 4. On Tuesday officials confirmed the results. At least 87 people died in the suspected attack.';
    const b = analyze(t, '2017-04-13');
    const at = t.indexOf('87 people');
    const p = new DayIndex(b).dayFor({ start: at, end: at + 9 }, 2);
    expect(p && [p.date, p.how]).toEqual(['2017-04-04', 'event']);
    // without a word referring back, the last day named
    const u = 'Inspectors said a sarin attack hit the town on April 4. On Tuesday officials confirmed the results. At least 87 people died.';
    const c = analyze(u, '2017-04-13');
    const at2 = u.indexOf('87 people');
    expect(new DayIndex(c).dayFor({ start: at2, end: at2 + 9 }, 2)?.date).toBe('2017-04-11');
  });
  it('carries no day into a sentence that names a coarser time of its own', () => {
    const t = 'Five people died on Monday. Since 2012 more than 250000 people have lost their lives.';
    const b = analyze(t, '2016-12-20');
    const at = t.indexOf('250000');
    expect(new DayIndex(b).dayFor({ start: at, end: at + 6 }, 1)).toBeNull();
  });
  it('carries no day into a sentence about a span of years', () => {
    const t = 'Five people died on Monday. The conflict which has gone on for six years has left 310000 people dead.';
    const b = analyze(t, '2016-12-20');
    const at = t.indexOf('310000');
    expect(b.quantities.find((q) => q.text === 'six')?.nonCount).toBe('duration');
    expect(new DayIndex(b).dayFor({ start: at, end: at + 6 }, 1)).toBeNull();
  });
  it('never uses the dateline, and gives null when the text names no day', () => {
    const b = analyze('Published July 27 2016 Twelve people died in the bombing', undefined);
    expect(new DayIndex(b).dayFor({ start: 23, end: 29 }, 0)).toBeNull();
  });
});

describe('dates lexicon: loaded once per language file', () => {
  it('the dates stage and the claims day index share one', async () => {
    const { loadDatesLexicon } = await import('../../src/stages/dates/lexicon.js');
    const { languageFor } = await import('../../src/lang/index.js');
    expect(loadDatesLexicon()).toBe(loadDatesLexicon());
    const fr = languageFor('fr')!;
    expect(loadDatesLexicon(fr)).toBe(loadDatesLexicon(fr));
    expect(loadDatesLexicon(fr)).not.toBe(loadDatesLexicon());
  });
});
