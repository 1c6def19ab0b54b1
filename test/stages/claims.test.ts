// claims stage: each construction has a row [sentence, expected claims]. The expected span is given as
// its text: start is its first occurrence in the sentence, end = start + length. Other stages are
// stubbed so these rows test the claims rules alone (attribution has its own table below).
import { describe, expect, it } from 'vitest';
import type { Analysis, ClaimCategory, Statement } from '../../src/core/types.js';
import { emptyAnalysis } from '../../src/core/types.js';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { Resources } from '../../src/pipeline/resources.js';
import type { Stage } from '../../src/pipeline/stage.js';
import { sentencesStage } from '../../src/stages/sentences/index.js';
import { numbersStage } from '../../src/stages/numbers/index.js';
import { claimsStage, findClaims, loadClaimsLexicon } from '../../src/stages/claims/index.js';
import { attributeClaim, statementCovering } from '../../src/stages/claims/attribution.js';

const stub: Stage = { name: 'stub', requires: [], assigns: ['dates', 'places', 'actors', 'statements'], run() {} };
const pipeline = new Pipeline([sentencesStage, numbersStage, stub, claimsStage]);

type Exp = [span: string, min: number | null, max: number | null, category: ClaimCategory, who: string];

const rows: [string, Exp[]][] = [
  // active verb before the count
  ['Government shelling killed 12 people in the market town', [['killed 12 people', 12, 12, 'killed', 'people']]],
  ['The raid killed at least 15 civilians near the border', [['killed at least 15 civilians', 15, null, 'killed', 'civilians']]],
  ['Rebel fire wounded 40 soldiers overnight', [['wounded 40 soldiers', 40, 40, 'injured', 'soldiers']]],
  ['Police arrested 23 protesters after the march', [['arrested 23 protesters', 23, 23, 'detained', 'protesters']]],
  ['Gunmen kidnapped 14 aid workers on the highway', [['kidnapped 14 aid workers', 14, 14, 'abducted', 'aid workers']]],
  // passive and predicate after the group
  ['12 people were killed when the shell struck', [['12 people were killed', 12, 12, 'killed', 'people']]],
  ['Some 4000 residents have fled the district since Sunday', [['Some 4000 residents have fled', 4000, 4000, 'displaced', 'residents']]],
  ['Hundreds of families remain trapped in the old city', [['Hundreds of families remain trapped', 200, 999, 'trapped', 'families']]],
  ['Nine fishermen are still missing after the boat sank', [['Nine fishermen are still missing', 9, 9, 'missing', 'fishermen']]],
  ['the gunmen took 30 villagers hostage before dawn', [['30 villagers hostage', 30, 30, 'abducted', 'villagers']]],
  // the counted word names the category
  ['Officials counted 52 dead and 80 wounded after the blast', [['52 dead', 52, 52, 'killed', 'dead'], ['80 wounded', 80, 80, 'injured', 'wounded']]],
  ['Clashes leave 7 killed in northern town', [['7 killed', 7, 7, 'killed', 'killed']]],
  // nominal forms
  ['The death toll from the bombing rose to 52 on Friday', [['death toll from the bombing rose to 52', 52, 52, 'killed', 'people']]],
  ['Hospital staff put the death toll at 23', [['death toll at 23', 23, 23, 'killed', 'people']]],
  ['Rescuers recovered the bodies of 30 people from the rubble', [['bodies of 30 people', 30, 30, 'killed', 'people']]],
  ['The fate of 200 others is unknown', [['fate of 200 others', 200, 200, 'missing', 'others']]],
  ['The number of farmers killed in the raid has risen to 27', [['number of farmers killed in the raid has risen to 27', 27, 27, 'killed', 'people']]],
  // nesting and apposition: two claims
  ['The strike killed 12 people including five children', [['killed 12 people', 12, 12, 'killed', 'people'], ['five children', 5, 5, 'killed', 'children']]],
  ['At least 40 people including 9 women died in the attack', [['At least 40 people including 9 women died', 40, null, 'killed', 'people'], ['9 women died', 9, 9, 'killed', 'women']]],
  ['20 fighters were killed two of them commanders', [['20 fighters were killed', 20, 20, 'killed', 'fighters'], ['two of them commanders', 2, 2, 'killed', 'commanders']]],
  // conjunctions: separate counts, and one count over a joined group
  ['Nine policemen were killed and 22 others were wounded', [['Nine policemen were killed', 9, 9, 'killed', 'policemen'], ['22 others were wounded', 22, 22, 'injured', 'others']]],
  ['the shelling killed six civilians and five militiamen', [['killed six civilians', 6, 6, 'killed', 'civilians'], ['five militiamen', 5, 5, 'killed', 'militiamen']]],
  ['8 women and children were killed by the flood', [['8 women and children were killed', 8, 8, 'killed', 'women and children']]],
  ['buses carried dozens of fighters and their families out of the town', [['carried dozens of fighters and their families', 24, 99, 'displaced', 'fighters and their families']]],
  // casualties: killed and injured together
  ['Car bomb kills injures over 70 in busy market', [['kills injures over 70', 71, null, 'casualties', 'people']]],
  ['Dozens were killed or wounded during the bombardment', [['Dozens were killed or wounded', 24, 99, 'casualties', 'people']]],
  // vehicles, whatever happened
  ['Nine lorries carrying hundreds of wounded residents left the encircled hamlets', [['Nine lorries', 9, 9, 'vehicles', 'lorries'], ['carrying hundreds of wounded residents', 200, 999, 'displaced', 'wounded residents']]],
  // travellers carried on board are counted, not displaced, unless what follows moves them out
  ['A ferry carrying 120 passengers capsized on the lake.', [['carrying 120 passengers', 120, 120, 'other', 'passengers']]],
  ['Coaches carrying hundreds of passengers left the besieged district.', [['hundreds of passengers left', 200, 999, 'displaced', 'passengers']]],
  ['Troops destroyed 17 armoured vehicles and two tanks', [['17 armoured vehicles', 17, 17, 'vehicles', 'armoured vehicles'], ['two tanks', 2, 2, 'vehicles', 'tanks']]],
  ['A dozen more trucks are expected to arrive on Tuesday', [['A dozen more trucks', 12, 12, 'vehicles', 'trucks']]],
  // singular counts
  ['A woman was killed when a shell hit her home', [['A woman was killed', 1, 1, 'killed', 'woman']]],
  ['Warplanes hit a bus travelling on the main road', [['hit a bus', 1, 1, 'vehicles', 'bus']]],
  ['An armoured vehicle was destroyed near the checkpoint', [['An armoured vehicle was destroyed', 1, 1, 'vehicles', 'armoured vehicle']]],
  // one vehicle after a possessive; not a plural one, nor one whose "armoured" is only a vehicle word before the plural
  ['Militants shot down their helicopter near the border', [['shot down their helicopter', 1, 1, 'vehicles', 'helicopter']]],
  ['The families parked their cars outside the school', []],
  ['Rebels destroyed their armoured vehicles near the bridge', []],
  ['One of the guards was wounded in the exchange', [['One of the guards was wounded', 1, 1, 'injured', 'guards']]],
  // one person and their relative: two counts of one
  ['One father and his son were killed in the shelling', [['One father and his son were killed', 1, 1, 'killed', 'father'], ['his son were killed', 1, 1, 'killed', 'son']]],
  ['one woman and her three children died', [['one woman and her three children died', 1, 1, 'killed', 'woman'], ['three children died', 3, 3, 'killed', 'children']]],
  ['Another boy and a girl were killed when the rocket landed', [['Another boy and a girl were killed', 1, 1, 'killed', 'boy'], ['a girl were killed', 1, 1, 'killed', 'girl']]],
  // lists after a total
  ['A total 30 civilians were killed 9 in Harem 8 in Salqin', [['30 civilians were killed', 30, 30, 'killed', 'civilians'], ['9', 9, 9, 'killed', 'civilians'], ['8', 8, 8, 'killed', 'civilians']]],
  // counts listed without "and" share the predicate (texts often lose their commas)
  ['22 Iraqi villagers 6 women killed in bombing', [['22 Iraqi villagers 6 women killed', 22, 22, 'killed', 'iraqi villagers'], ['6 women killed', 6, 6, 'killed', 'women']]],
  ['Drone strikes kill 9 including women in the south', [['kill 9', 9, 9, 'killed', 'people']]],
  ['a mine exploded killing 14 people and wounding dozens a security source reported', [['killing 14 people', 14, 14, 'killed', 'people'], ['wounding dozens', 24, 99, 'injured', 'people']]],
  ['Villagers mourned the deaths of the three shepherds', [['deaths of the three shepherds', 3, 3, 'killed', 'shepherds']]],
  ['a woman - accused of spying by the militants - was shot dead', [['a woman - accused of spying by the militants - was shot dead', 1, 1, 'killed', 'woman']]],
  // page furniture before a count does not take its predicate
  ['Get short URL 5183 At least 7 farmers were killed by the mortars', [['At least 7 farmers were killed', 7, null, 'killed', 'farmers']]],
  ['two suicide bombers were killed at the gate', [['two suicide bombers were killed', 2, 2, 'killed', 'suicide bombers']]],
  ['Six long-range bombers flew out of the base', [['Six long-range bombers', 6, 6, 'vehicles', 'long-range bombers']]],
  ['Shelling claims 5 in the old city', [['claims 5', 5, 5, 'killed', 'people']]],
  ['Three farmers including a teenager have been killed near the well', [['Three farmers including a teenager have been killed', 3, 3, 'killed', 'farmers']]],
  ['hundreds of villagers including teenagers have died this winter', [['hundreds of villagers including teenagers have died', 200, 999, 'killed', 'villagers']]],
  ['At least 17 passengers mostly students and teachers were killed', [['At least 17 passengers mostly students and teachers were killed', 17, null, 'killed', 'passengers']]],
  ['six civilians including three children (aged 5-8) were injured', [['six civilians including three children (aged 5-8) were injured', 6, 6, 'injured', 'civilians'], ['three children (aged 5-8) were injured', 3, 3, 'injured', 'children']]],
  ['4 persons killed 17 injured in mortar strike', [['4 persons killed', 4, 4, 'killed', 'persons'], ['17 injured', 17, 17, 'injured', 'injured']]],
  ['About 45 families had managed to escape across the river', [['About 45 families had managed to escape', 45, 45, 'displaced', 'families']]],
  ['The death toll from the bombing surpasses 130 people', [['death toll from the bombing surpasses 130 people', 131, null, 'killed', 'people']]],
  ['Explosion at Stadium Leaves At Least 31 Dead', [['At Least 31 Dead', 31, null, 'killed', 'dead']]],
  ['by dusk the toll rose to 9 people in addition to over 60 others injured', [['toll rose to 9 people', 9, 9, 'killed', 'people'], ['over 60 others injured', 61, null, 'injured', 'others']]],
  ['four people died and eleven others experienced severe nausea', [['four people died', 4, 4, 'killed', 'people']]],
  // other counts of people taking part
  ['The army deployed 3000 troops along the front', [['deployed 3000 troops', 3000, 3000, 'other', 'troops']]],
  ['tens of thousands of protesters marched through the capital', [['tens of thousands of protesters marched', 20000, 99999, 'other', 'protesters']]],
  ['she said it was one of the biggest militia groups taking part in the assault', []],
  ['more than 4.8 million Syrians have fled the country and 6.5 million are internally displaced', [['more than 4.8 million Syrians have fled', 4800001, null, 'displaced', 'syrians'], ['6.5 million are internally displaced', 6500000, 6500000, 'displaced', 'people']]],
  ['a 10-year-old boy was killed by a sniper', [['a 10-year-old boy was killed', 1, 1, 'killed', '10-year-old boy']]],
  // "among the dead"
  ['Among the dead were 14 nurses and three doctors', [['Among the dead were 14 nurses', 14, 14, 'killed', 'nurses'], ['three doctors', 3, 3, 'killed', 'doctors']]],
  ['8 students were among the victims of Monday\'s ambush', [['8 students were among the victims', 8, 8, 'killed', 'students']]],
  ['4 teachers and 11 guards were among 52 people executed', [['4 teachers and 11 guards were among 52 people executed', 4, 4, 'killed', 'teachers'], ['11 guards were among 52 people executed', 11, 11, 'killed', 'guards'], ['52 people executed', 52, 52, 'killed', 'people']]],
  ['the gunmen executed 11 people on Sunday 10 shot dead and one beheaded', [['executed 11 people', 11, 11, 'killed', 'people'], ['10 shot dead', 10, 10, 'killed', 'people'], ['one beheaded', 1, 1, 'killed', 'people']]],
  ['the missile struck the van killing all seven people inside', [['killing all seven people', 7, 7, 'killed', 'people']]],
  ['Thirty-four dead and over 90 wounded these are the latest tallies', [['Thirty-four dead', 34, 34, 'killed', 'dead'], ['over 90 wounded', 91, null, 'injured', 'wounded']]],
  // two counts sharing one noun
  ['The group said 17 government and 26 opposition fighters have died', [['17 government and 26 opposition fighters have died', 17, 17, 'killed', 'government fighters'], ['26 opposition fighters have died', 26, 26, 'killed', 'opposition fighters']]],
  ['artillery destroyed more than 20 shops and 6 cars', [['6 cars', 6, 6, 'vehicles', 'cars']]],
  ['At least three tanks and other armoured vehicles were spotted', [['At least three tanks and other armoured vehicles', 3, null, 'vehicles', 'tanks and other armoured vehicles']]],
  ['another journalist was subjected to enforced disappearance', [['another journalist was subjected to enforced disappearance', 1, 1, 'missing', 'journalist']]],
  ['security forces killed 80 there on Friday', [['killed 80', 80, 80, 'killed', 'people']]],
  ['the ambush killed 21 people and wounded 35 Thursday', [['killed 21 people', 21, 21, 'killed', 'people'], ['wounded 35', 35, 35, 'injured', 'people']]],
  ['Four guards were killed and 19 other were injured', [['Four guards were killed', 4, 4, 'killed', 'guards'], ['19 other were injured', 19, 19, 'injured', 'people']]],
  ['Three shepherds were killed and 8 received wounds', [['Three shepherds were killed', 3, 3, 'killed', 'shepherds'], ['8 received wounds', 8, 8, 'injured', 'people']]],
  ['35+ dead and 70+ wounded after the strike on the market', [['35+ dead', 35, null, 'killed', 'dead'], ['70+ wounded', 70, null, 'injured', 'wounded']]],
  ['A mother and baby were killed after the rocket fell', [['A mother and baby were killed', 1, 1, 'killed', 'mother'], ['baby were killed', 1, 1, 'killed', 'baby']]],
  ['the bombing killed at least 7 World Food Programme [WFP] drivers', [['killed at least 7 World Food Programme [WFP] drivers', 7, null, 'killed', 'world food programme [wfp] drivers']]],
  ['those killed included four nurses two drivers and seven border guards', [['those killed included four nurses', 4, 4, 'killed', 'nurses'], ['two drivers', 2, 2, 'killed', 'drivers'], ['seven border guards', 7, 7, 'killed', 'border guards']]],
  ['More than 25 police and militia were killed overnight', [['More than 25 police and militia were killed', 26, null, 'killed', 'police and militia']]],
  ['the strike destroyed at least 9 of 24 vehicles in the column', [['at least 9 of 24 vehicles', 9, null, 'vehicles', 'vehicles'], ['24 vehicles', 24, 24, 'vehicles', 'vehicles']]],
  ['Shelling killed 5 wounded 10 in the town', [['killed 5', 5, 5, 'killed', 'people'], ['wounded 10', 10, 10, 'injured', 'people']]],
  // negatives: not claims
  ['Evacuation of 6 Iraqi Villages Postponed', []],
  ['the number of districts that signed the ceasefire rose to 47', []],
  ['Relief agencies fear a catastrophe if the civilian population is left without medicine', []],
  ['the council adopted resolution 2118 (2013) on the matter', []],
  ['Troops captured two villages on the plain', []],
  ['three groups of fighters attacked the base', []],
  ['A number of civilians were hurt', []],
  ['Many people fled the town', []],
  ['The siege has lasted four years', []],
  ['The agency pledged $5 million for 3 clinics', []],
  ['A suicide bomber detonated his explosives at the entrance', []],
  ['a drone struck the car', []],
  ['A gunman killed three policemen at a checkpoint', [['killed three policemen', 3, 3, 'killed', 'policemen']]],
  ['the two besieged towns remain without power', []],
  ['buses left the two besieged Syrian towns', []],
  ['jets destroyed 23 terrorist targets in the desert', []],
  ['Rescuers found the girl under the rubble after 10 hours', []],
];

describe('claims stage', () => {
  it.each(rows)('%s', (sentence, expected) => {
    const a = pipeline.analyze({ id: 't', text: sentence });
    expect(a.errors).toEqual([]);
    const got = a.claims.map((c) => ({ start: c.start, end: c.end, text: sentence.slice(c.start, c.end), min: c.value.min, max: c.value.max, category: c.category, who: c.who }));
    const want = expected.map(([span, min, max, category, who]) => {
      const start = sentence.indexOf(span);
      return { start, end: start + span.length, text: span, min, max, category, who };
    });
    expect(got).toEqual(want);
  });

  it('leaves evidence for the category rule and the group rule', () => {
    const a = pipeline.analyze({ id: 't', text: '12 people were killed when the shell struck' });
    const c = a.claims[0];
    expect(c.evidence.map((e) => e.rule)).toEqual(['claims.category:after', 'claims.group:head']);
    expect(c.evidence[0].span).toEqual({ start: 15, end: 21 });
    expect(c.whoSpan).toEqual({ start: 3, end: 9 });
    expect(c.quantity).toEqual({ start: 0, end: 2, text: '12' });
  });

  it('takes the place from the sentence, skipping places inside a speaker, else from the sentence before', () => {
    const t = 'Troops took al-Radad area near Palmyra. A military source told Syria’s news agency that 12 militants were killed in Homs. 3 trucks were destroyed.';
    const r = new Resources();
    const a = emptyAnalysis({ id: 't', text: t });
    sentencesStage.run(a, r);
    numbersStage.run(a, r);
    const place = (text: string, name = text): Analysis['places'][number] => {
      const start = t.indexOf(text);
      return { start, end: start + text.length, text, name, geonameId: null, country: 'SY', lat: null, lon: null, kind: 'city', precision: 1, candidates: [], evidence: [] };
    };
    a.places = [place('al-Radad'), place('Palmyra'), place('Syria'), place('Homs')];
    const sp = t.indexOf('A military source');
    const cue = t.indexOf('told');
    const content = t.indexOf('that 12');
    a.statements = [{ start: content, end: t.indexOf(' 3 trucks') - 1, cue: { start: cue, end: cue + 4, text: 'told' }, verb: 'told', direct: false, speaker: { start: sp, end: t.indexOf(' that 12'), name: 'military source' }, evidence: [] }];
    const claims = findClaims(a, loadClaimsLexicon());
    expect(claims.map((c) => [c.who, c.place?.name ?? null])).toEqual([['militants', 'Homs'], ['trucks', 'Homs']]);
    a.places = [place('al-Radad'), place('Palmyra'), place('Syria')];
    expect(findClaims(a, loadClaimsLexicon()).map((c) => c.place?.name ?? null)).toEqual(['al-Radad', 'al-Radad']);
  });

  it('prefers the town over a nearer country or region in the same sentence', () => {
    const t = 'Shells fired at the market in Maaret in northern Syria killed 9 people.';
    const r = new Resources();
    const a = emptyAnalysis({ id: 't', text: t });
    sentencesStage.run(a, r);
    numbersStage.run(a, r);
    const place = (text: string, kind: string): Analysis['places'][number] => {
      const start = t.indexOf(text);
      return { start, end: start + text.length, text, name: text, geonameId: null, country: 'SY', lat: null, lon: null, kind, precision: 1, candidates: [], evidence: [] };
    };
    a.places = [place('Maaret', 'town'), place('Syria', 'country')];
    expect(findClaims(a, loadClaimsLexicon()).map((c) => c.place?.name ?? null)).toEqual(['Maaret']);
  });

  it('dates a claim by a day in its sentence, else the day last named, but not in a sentence with its own coarser time', () => {
    const t = 'Strikes on Monday killed 12 people. 5 others died later. Since 2011 more than 240000 people have been killed.';
    const r = new Resources();
    const a = emptyAnalysis({ id: 't', text: t, published: '2016-12-20' });
    sentencesStage.run(a, r);
    numbersStage.run(a, r);
    const mon = t.indexOf('on Monday');
    const y = t.indexOf('2011');
    a.dates = [
      { start: mon, end: mon + 9, text: 'on Monday', date: '2016-12-19', precision: 'day', evidence: [] },
      { start: y, end: y + 4, text: '2011', date: '2011-01-01', precision: 'year', evidence: [] },
    ];
    const claims = findClaims(a, loadClaimsLexicon());
    expect(claims.map((c) => [c.value.min, c.date])).toEqual([[12, '2016-12-19'], [5, '2016-12-19'], [240001, null]]);
  });

  it('marks hedged figures and gives them no source', () => {
    for (const s of ['Ten buses were said to be on their way', 'There are reports that 1200 people have left the town', 'Dozens of fighters were reportedly killed']) {
      const a = pipeline.analyze({ id: 't', text: s });
      expect(a.claims.length).toBe(1);
      expect(a.claims[0].hedged).toBe(true);
      expect(a.claims[0].source).toBeNull();
    }
    const a = pipeline.analyze({ id: 't', text: '12 people were killed' });
    expect(a.claims[0].hedged).toBe(false);
    // a suspect is no hedge on the count: "des jihadistes présumés" are the suspected attackers
    const fr = pipeline.analyze({ id: 't', text: "Douze soldats ont été tués dans une embuscade tendue par des jihadistes présumés.", lang: 'fr' });
    expect(fr.claims[0].hedged).toBe(false);
    const fr2 = pipeline.analyze({ id: 't', text: 'Douze soldats auraient été tués dans une embuscade.', lang: 'fr' });
    expect(fr2.claims[0].hedged).toBe(true);
  });
});

// Attribution: analyses built by hand with the statements another stage would find.
function analysed(text: string, statements: Omit<Statement, 'evidence'>[]): Analysis {
  const r = new Resources();
  const a = emptyAnalysis({ id: 't', text });
  sentencesStage.run(a, r);
  numbersStage.run(a, r);
  a.statements = statements.map((s) => ({ ...s, evidence: [] }));
  return a;
}

function stmt(text: string, content: string, speaker: string, cue: string, via?: string): Omit<Statement, 'evidence'> {
  const start = text.indexOf(content);
  const sp = text.indexOf(speaker);
  const cs = text.indexOf(cue);
  return {
    start,
    end: start + content.length,
    cue: { start: cs, end: cs + cue.length, text: cue },
    verb: cue,
    direct: false,
    speaker: { start: sp, end: sp + speaker.length, name: speaker, via: via ? { name: via } : null },
  };
}

describe('claims attribution', () => {
  const lex = loadClaimsLexicon();

  it('takes the speaker of the statement that covers the claim', () => {
    const t = 'The Observatory said 17 buses had left the district.';
    const a = analysed(t, [stmt(t, '17 buses had left the district', 'The Observatory', 'said')]);
    const claims = findClaims(a, lex);
    expect(claims.map((c) => [t.slice(c.start, c.end), c.source?.name])).toEqual([['17 buses', 'The Observatory']]);
    expect(claims[0].evidence.some((e) => e.rule === 'claims.source:statement')).toBe(true);
  });

  it('keeps the one told as via', () => {
    const t = 'A military source told the agency that 40 gunmen were killed.';
    const a = analysed(t, [stmt(t, '40 gunmen were killed', 'A military source', 'told', 'the agency')]);
    const c = findClaims(a, lex)[0];
    expect(c.source?.name).toBe('A military source');
    expect(c.source?.via).toEqual({ name: 'the agency' });
  });

  it('carries the source to the next sentence that goes on with the report', () => {
    const t = 'The monitor said 17 buses had left. The buses were carrying 300 fighters.';
    const a = analysed(t, [stmt(t, '17 buses had left', 'The monitor', 'said')]);
    const claims = findClaims(a, lex);
    expect(claims.map((c) => [c.who, c.source?.name ?? null])).toEqual([['buses', 'The monitor'], ['fighters', 'The monitor']]);
    expect(claims[1].evidence.some((e) => e.rule === 'claims.source:carried')).toBe(true);
  });

  it('does not carry the source across a sentence with its own report or a hedge', () => {
    const t = 'The monitor said 17 buses had left. Officials told reporters that 300 fighters were evacuated. 50 people were reportedly killed.';
    const a = analysed(t, [stmt(t, '17 buses had left', 'The monitor', 'said'), stmt(t, '300 fighters were evacuated', 'Officials', 'told')]);
    const claims = findClaims(a, lex);
    expect(claims.map((c) => c.source?.name ?? null)).toEqual(['The monitor', 'Officials', null]);
  });

  it('carries only from a statement that gave figures, and not after a topic break', () => {
    const t1 = 'The group claimed the attack on the base. 40 soldiers were killed.';
    const a1 = analysed(t1, [stmt(t1, 'the attack on the base', 'The group', 'claimed')]);
    expect(findClaims(a1, lex).map((c) => c.source)).toEqual([null]);
    const t2 = 'The monitor said 17 buses had left. Meanwhile 300 fighters were evacuated from the town.';
    const a2 = analysed(t2, [stmt(t2, '17 buses had left', 'The monitor', 'said')]);
    expect(findClaims(a2, lex).map((c) => c.source?.name ?? null)).toEqual(['The monitor', null]);
  });

  it('does not carry over when the sentence names a new source before the figure', () => {
    const t = 'The minister said 20000 people had left. The Red Cross has said 25000 people have left the city.';
    const a = analysed(t, [stmt(t, '20000 people had left', 'The minister', 'said')]);
    const start = t.indexOf('The Red Cross');
    a.actors = [{ start, end: start + 13, text: 'The Red Cross', id: 'ICRC', name: 'International Committee of the Red Cross', kind: 'organization', evidence: [] }];
    expect(findClaims(a, lex).map((c) => c.source?.name ?? null)).toEqual(['The minister', null]);
  });

  it('takes the actor that put a figure as the source', () => {
    const t = 'Hospital staff put the death toll at 23 on Sunday.';
    const a = analysed(t, []);
    const start = t.indexOf('Hospital staff');
    a.actors = [{ start, end: start + 14, text: 'Hospital staff', id: 'generic:hospital-staff', name: 'Hospital staff', kind: 'group', evidence: [] }];
    const c = findClaims(a, lex)[0];
    expect([t.slice(c.start, c.end), c.source?.name]).toEqual(['death toll at 23', 'Hospital staff']);
    expect(c.evidence.some((e) => e.rule === 'claims.source:figure-subject')).toBe(true);
  });

  it('keeps a named speaker for a hedged figure, and no source for a hedge alone', () => {
    const t = 'The monitor said 12 fighters were reportedly killed. 30 others were reportedly wounded.';
    const a = analysed(t, [stmt(t, '12 fighters were reportedly killed', 'The monitor', 'said')]);
    const claims = findClaims(a, lex);
    expect(claims.map((c) => [c.source?.name ?? null, c.hedged])).toEqual([['The monitor', true], [null, true]]);
  });

  it('gives no source to a figure stated in the article\'s own voice', () => {
    const t = 'Years of fighting have now killed more than 240000 people.';
    const a = analysed(t, []);
    expect(findClaims(a, lex)[0].source).toBeNull();
  });

  it('picks the innermost covering statement', () => {
    const t = 'x';
    const outer = { start: 0, end: 100 } as Statement;
    const inner = { start: 10, end: 40 } as Statement;
    expect(statementCovering([outer, inner], { start: 12, end: 14 })).toBe(inner);
    expect(statementCovering([outer, inner], { start: 50, end: 52 })).toBe(outer);
    expect(statementCovering([inner], { start: 50, end: 52 })).toBeNull();
    void t;
    void attributeClaim;
  });
});
