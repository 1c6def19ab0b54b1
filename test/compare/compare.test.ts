import { describe, expect, it } from 'vitest';
import { nearDuplicates } from '../../src/compare/near-duplicates.js';
import { compatibleGroups, groupClass, groupFigures, loadGroupLexicon, type CompareDoc } from '../../src/compare/figures.js';
import { framingByOutlet } from '../../src/compare/framing.js';
import { compare } from '../../src/compare/index.js';

const lex = loadGroupLexicon();

const WIRE =
  'Heavy shelling hit the eastern districts of the river town on Sunday morning, residents said. ' +
  'Rescue teams searched the ruins of a school for hours while families waited outside the cordon. ' +
  'The provincial governor said the water station had been damaged and that repairs would take weeks. ' +
  'Aid agencies warned that the only road into the town was still closed to trucks carrying flour.';

describe('syndicated copies', () => {
  it('finds a copy with a cut paragraph and a changed word, not a different story', () => {
    const copy = WIRE.replace(' Aid agencies warned that the only road into the town was still closed to trucks carrying flour.', '').replace('Heavy', 'Intense');
    const other = 'Talks between the two delegations resumed in the capital on Tuesday after a pause of three weeks, with mediators expressing cautious hope that a prisoner exchange could be agreed before the holiday.';
    const clusters = nearDuplicates([
      { id: 'wire', text: WIRE, published: '2024-01-01' },
      { id: 'other', text: other, published: '2024-01-01' },
      { id: 'copy', text: copy, published: '2024-01-02' },
    ]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0].ids).toEqual(['wire', 'copy']);
  });

  it('never calls very short texts copies', () => {
    expect(nearDuplicates([{ id: 'a', text: 'Two people died.' }, { id: 'b', text: 'Two people died.' }])).toEqual([]);
  });
});

describe('counted groups', () => {
  it.each([
    ['injured civilians and patients', 'people'],
    ['women and children', 'civilians'],
    ['wounded civilians', 'civilians'],
    ['children', 'children'],
    ['syrian soldiers', 'government-forces'],
    ['daesh terrorists', 'opposition-fighters'],
    ['people', 'people'],
    ['buses', 'vehicles'],
    ['unknown things', 'people'],
    // French words under the same classes, joined by "et"/"ou", accents kept
    ['civils blessés', 'civilians'],
    ['femmes et enfants', 'civilians'],
    ['soldats maliens', 'government-forces'],
    ['véhicules', 'vehicles'],
    // negative: "et" inside a word splits nothing ("bete" is no join); an unknown French word is people
    ['habitants de bethléem', 'people'],
  ])('%s → %s', (who, cls) => expect(groupClass(who, lex)).toBe(cls));

  it('people contain civilians contain children; fighters are not civilians', () => {
    expect(compatibleGroups('people', 'children', lex)).toBe(true);
    expect(compatibleGroups('civilians', 'children', lex)).toBe(true);
    expect(compatibleGroups('children', 'women', lex)).toBe(false);
    expect(compatibleGroups('civilians', 'opposition-fighters', lex)).toBe(false);
    expect(compatibleGroups('people', 'government-forces', lex)).toBe(false);
  });
});

// Hand-built documents: the comparison is tested on its own, not through the extraction stages.
type Claim = CompareDoc['claims'][number];
const place = (name: string, id: number, start = 0) => ({ start, end: start + name.length, text: name, name, country: 'SY', lat: 35.8, lon: 36.6, geonameId: id, kind: 'city', admin1: '10', precision: 1 as const, qualifier: null, parent: null, candidates: [], evidence: [] });
function doc(id: string, outlet: string, published: string, text: string, claims: Partial<Claim>[], extra: Partial<CompareDoc> = {}): CompareDoc {
  const p = place('Tal Rifat', 1001, text.indexOf('Tal Rifat'));
  return {
    id, title: null, outlet, url: null, published, referenceDate: published, text,
    claims: claims.map((c) => ({
      start: 0, end: 10, text: '', quantity: { start: 0, end: 2, text: '' }, value: { min: 1, max: 1, approx: false }, category: 'killed', who: 'people',
      source: null, hedged: false, place: { name: p.name, text: p.text, geonameId: p.geonameId, start: p.start, end: p.end }, date: published, dateUntil: null, evidence: [], ...c,
    })) as Claim[],
    places: [p], actors: [], statements: [], dates: [], events: [], framing: [], errors: [],
    ...extra,
  };
}
const src = (name: string) => ({ name, id: null, kind: null, start: null, end: null, via: null });

describe('figure board', () => {
  const docs = [
    doc('a', 'Wire One', '2024-05-01', 'A rocket hit Tal Rifat. The toll was 27.', [{ value: { min: 27, max: 27, approx: false }, source: src('civil defence'), who: 'people' }]),
    doc('b', 'Daily Two', '2024-05-02', 'In Tal Rifat 41 civilians died.', [{ value: { min: 41, max: 41, approx: false }, source: src('health ministry'), who: 'civilians' }]),
    doc('c', 'Weekly Three', '2024-05-03', 'The toll in Tal Rifat rose to 52.', [{ value: { min: 52, max: 52, approx: false }, source: src('monitor'), who: 'people' }]),
    doc('d', 'Daily Two', '2024-05-02', 'Nine soldiers died near Tal Rifat.', [{ value: { min: 9, max: 9, approx: false }, who: 'soldiers' }]),
    doc('e', 'Far Away', '2024-05-02', 'Thirty people died elsewhere.', [{ value: { min: 30, max: 30, approx: false }, place: null }], { places: [{ ...place('Elsewhere', 2002), lat: 10, lon: 10, admin1: '01' }] }),
  ];
  const groups = groupFigures(docs, lex);

  it('keeps a rising toll in one group, read as a timeline, apart from soldiers and from another place', () => {
    expect(groups).toHaveLength(1);
    const g = groups[0];
    expect(g.entries.map((e) => [e.docId, e.value.min])).toEqual([['a', 27], ['b', 41], ['c', 52]]);
    expect(g.rising).toBe(true);
    expect(g.flags).toContain('rising');
    expect(g.spread).toBeCloseTo(52 / 27, 2);
    expect(g.mostConservative.docId).toBe('a');
    expect(g.mostRecent.docId).toBe('c');
    expect(g.entries[1].sentence).toBe('In Tal Rifat 41 civilians died.');
  });

  it('compares a French count with an English one of the same group, and keeps French soldiers apart', () => {
    const mixed = [
      doc('en', 'Wire One', '2024-05-01', 'In Tal Rifat 41 civilians died.', [{ value: { min: 41, max: 41, approx: false }, who: 'civilians' }]),
      doc('fr', 'Journal Deux', '2024-05-02', 'À Tal Rifat, 43 civils ont été tués.', [{ value: { min: 43, max: 43, approx: false }, who: 'civils' }]),
      doc('fr2', 'Journal Deux', '2024-05-02', 'Neuf soldats sont morts près de Tal Rifat.', [{ value: { min: 9, max: 9, approx: false }, who: 'soldats' }]),
    ];
    const gs = groupFigures(mixed, lex);
    expect(gs.map((g) => g.entries.map((e) => e.docId).sort())).toEqual([['en', 'fr']]);
  });

  it('flags an outlier and a denial', () => {
    const more = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 20 died.', [{ value: { min: 20, max: 20, approx: false } }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 22 died.', [{ value: { min: 22, max: 22, approx: false } }]),
      doc('c', 'Three', '2024-05-01', 'In Tal Rifat 150 died.', [{ value: { min: 150, max: 150, approx: false } }]),
      doc('d', 'Four', '2024-05-01', 'The army denied that anyone was killed in Tal Rifat.', [], {
        statements: [{ start: 16, end: 52, direct: false, verb: 'denied', cue: { start: 9, end: 15, text: 'denied' }, speaker: { name: 'army', id: null, start: 4, end: 8, via: null }, evidence: [] }],
      }),
    ];
    const [g] = groupFigures(more, lex);
    expect(g.entries.find((e) => e.docId === 'c')?.outlier).toBe(true);
    expect(g.flags).toEqual(expect.arrayContaining(['outlier', 'denied']));
    expect(g.denials[0]).toMatchObject({ docId: 'd', source: 'army' });
  });

  it('keeps a breakdown ("including five children"), a single death and other vehicles out of the toll', () => {
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 18 civilians lost their lives, five of them children.', [
        { start: 13, end: 41, value: { min: 18, max: 18, approx: false }, who: 'civilians' },
        { start: 52, end: 65, value: { min: 5, max: 5, approx: false }, who: 'children' },
      ]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 20 people died.', [{ value: { min: 20, max: 20, approx: false } }]),
      doc('c', 'Three', '2024-05-02', 'A man died in Tal Rifat.', [{ value: { min: 1, max: 1, approx: false }, who: 'man' }]),
      doc('d', 'Four', '2024-05-01', 'In Tal Rifat 3 tanks burned.', [{ value: { min: 3, max: 3, approx: false }, category: 'vehicles', who: 'tanks' }]),
      doc('e', 'Five', '2024-05-01', 'In Tal Rifat 4 buses left.', [{ value: { min: 4, max: 4, approx: false }, category: 'vehicles', who: 'buses' }]),
    ];
    const groups = groupFigures(set, lex);
    expect(groups).toHaveLength(1);
    expect(groups[0].entries.map((e) => [e.docId, e.value.min])).toEqual([['a', 18], ['b', 20]]);
  });

  it('counts a syndicated copy once but lists it', () => {
    const text = WIRE + ' In Tal Rifat 14 people were killed.';
    const set = [
      doc('w', 'Wire', '2024-05-01', text, [{ value: { min: 14, max: 14, approx: false } }]),
      doc('x', 'Reprint', '2024-05-01', text, [{ value: { min: 14, max: 14, approx: false } }]),
      doc('y', 'Other', '2024-05-01', 'In Tal Rifat 16 people were killed.', [{ value: { min: 16, max: 16, approx: false } }]),
    ];
    const c = compare(set, lex);
    expect(c.duplicates[0].ids).toEqual(['w', 'x']);
    const g = c.figures[0];
    expect(g.entries).toHaveLength(3);
    expect(g.reports).toBe(2);
    expect(g.entries.find((e) => e.docId === 'x')?.copyOf).toBe('w');
  });
});

describe('figure board: parts, rising tolls, places, denials, undated', () => {
  const v = (n: number, approx = false) => ({ min: n, max: n, approx });
  it('shows a part ("including 11 children", "were among the dead") under the toll, never as its figure', () => {
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 58 people were killed, including 11 children.', [
        { start: 13, end: 37, value: v(58), who: 'people' },
        { start: 49, end: 60, quantity: { start: 49, end: 51, text: '11' }, value: v(11), who: 'children' },
      ]),
      doc('b', 'Two', '2024-05-01', 'Eight children were among the dead in Tal Rifat.', [{ start: 0, end: 14, quantity: { start: 0, end: 5, text: 'Eight' }, value: v(8), who: 'children' }]),
      doc('c', 'Three', '2024-05-01', 'At least 72 died in Tal Rifat.', [{ value: v(72) }]),
    ];
    const [g, ...rest] = groupFigures(set, lex);
    expect(rest).toHaveLength(0);
    expect(g.entries.map((e) => e.value.min)).toEqual([58, 72]);
    expect(g.mostConservative.value.min).toBe(58);
    expect(g.parts.map((e) => [e.docId, e.value.min, e.part])).toEqual([['b', 8, true], ['a', 11, true]]);
    expect(g.parts.find((e) => e.docId === 'a')?.partOf).toBe('58 people');
  });

  it('keeps a rising toll (25 → 300 → 400 over four days) one group; a vague early figure and a stray do not lock its range', () => {
    const set = [
      doc('a', 'One', '2024-05-01', 'Several died in Tal Rifat.', [{ value: { min: 3, max: 7, approx: true } }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 25 died.', [{ value: v(25) }]),
      doc('c', 'Three', '2024-05-01', 'In Tal Rifat 27 died.', [{ value: v(27) }]),
      doc('d', 'Four', '2024-05-03', 'In Tal Rifat 300 died.', [{ value: v(300) }]),
      doc('e', 'Five', '2024-05-04', 'In Tal Rifat 400 died.', [{ value: v(400) }]),
      doc('f', 'Six', '2024-05-04', 'In Tal Rifat 380 died.', [{ value: v(380) }]),
    ];
    const groups = groupFigures(set, lex);
    expect(groups).toHaveLength(1);
    const [g] = groups;
    expect(g.entries.map((e) => e.docId).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(g.rising).toBe(true);
    expect(g.entries.find((e) => e.docId === 'a')?.vague).toBe(true);
    expect(g.mostConservative.docId).toBe('b');
    expect(g.mostRecent.value.min).toBeGreaterThanOrEqual(380);
  });

  it('does not join a toll that falls far days later (another strike in the province)', () => {
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 60 died.', [{ value: v(60) }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 58 died.', [{ value: v(58) }]),
      doc('c', 'Three', '2024-05-04', 'In Tal Rifat 12 died.', [{ value: v(12) }]),
      doc('d', 'Four', '2024-05-04', 'In Tal Rifat 14 died.', [{ value: v(14) }]),
    ];
    expect(groupFigures(set, lex).map((g) => g.entries.map((e) => e.docId).sort())).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('names the place reports agree on, at its level, and does not join on one entry placed far away', () => {
    const province = { ...place('Aleppo Governorate', 3002), kind: 'admin1', lat: 36.2, lon: 37.1 };
    const far = { ...place('Deir Hafer', 4004), lat: 36.16, lon: 37.7, admin1: '09' };
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 30 died.', [{ value: v(30) }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 31 died.', [{ value: v(31) }]),
      doc('c', 'Three', '2024-05-01', 'Aleppo Governorate: 30 died.', [{ value: v(30), place: { name: province.name, text: province.text, geonameId: 3002, start: 0, end: 18 } }], { places: [{ ...province, start: 0, end: 18 }] }),
      doc('d', 'Four', '2024-05-01', 'Deir Hafer: 33 died.', [{ value: v(33), place: { name: far.name, text: far.text, geonameId: 4004, start: 0, end: 10 } }], { places: [{ ...far, start: 0, end: 10 }] }),
    ];
    const [g, ...rest] = groupFigures(set, lex);
    expect(rest).toHaveLength(0);
    expect(g.entries.map((e) => e.docId)).toEqual(['a', 'c', 'b']);
    expect([g.place, g.placeLevel]).toEqual(['Tal Rifat', 'town']);
  });

  it('joins a figure placed only at its country to one placed in a town of that country when the two agree, not when they differ', () => {
    const country = { ...place('Syria', 163843), kind: 'country', admin1: null };
    const atCountry = (id: string, n: number) => doc(id, 'Wire ' + id, '2024-05-01', 'Strikes in Syria: ' + n + ' died.', [{ value: v(n), place: { name: 'Syria', text: 'Syria', geonameId: 163843, start: 11, end: 16 } }], { places: [{ ...country, start: 11, end: 16 }] });
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 25 died.', [{ value: v(25) }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 24 died.', [{ value: v(24) }]),
      atCountry('c', 22),
      // negative: a figure far from the group's stays out
      atCountry('d', 3),
    ];
    const groups = groupFigures(set, lex);
    expect(groups.map((g) => g.entries.map((e) => e.docId).sort())).toEqual([['a', 'b', 'c']]);
  });

  it('joins a claim placed only by its document when the document already reports in the group, or when its figure is already there', () => {
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 20 died. Rescuers pulled 11 bodies from the rubble.', [{ value: v(20) }, { start: 30, end: 39, value: v(11), place: null }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 22 died.', [{ value: v(22) }]),
      doc('c', 'Three', '2024-05-01', 'Tal Rifat: elsewhere in the country 7 died.', [{ value: v(7), place: null }]),
      doc('d', 'Four', '2024-05-01', 'Tal Rifat: the toll reached 22.', [{ value: v(22), place: null }]),
    ];
    const [g, ...rest] = groupFigures(set, lex);
    expect(rest).toHaveLength(0);
    expect(g.entries.map((e) => `${e.docId}:${e.value.min}`).sort()).toEqual(['a:11', 'a:20', 'b:22', 'd:22']);
  });

  it('shows denials of responsibility and counter-claims beside the group', () => {
    const st = (text: string, verb: string, speaker: string) => {
      const cue = text.indexOf(verb);
      return { start: cue + verb.length + 1, end: text.length - 1, direct: false, verb, cue: { start: cue, end: cue + verb.length, text: verb }, speaker: { name: speaker, id: null, start: 0, end: speaker.length, via: null }, evidence: [] };
    };
    const deny = 'The ministry denied that its forces struck the clinic in Tal Rifat.';
    const counter = 'The ministry called the attack in Tal Rifat a provocation.';
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 20 died.', [{ value: v(20) }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 22 died.', [{ value: v(22) }]),
      doc('c', 'Three', '2024-05-01', deny, [], { statements: [st(deny, 'denied', 'The ministry')] }),
      doc('d', 'Four', '2024-05-02', counter, [], { statements: [st(counter, 'called', 'The ministry')] }),
      doc('e', 'Five', '2024-05-01', 'The ministry denied reports of a new school term in Tal Rifat.', [], { statements: [st('The ministry denied reports of a new school term in Tal Rifat.', 'denied', 'The ministry')] }),
    ];
    const [g] = groupFigures(set, lex);
    expect(g.denials.map((d) => [d.docId, d.kind])).toEqual([['c', 'responsibility'], ['d', 'counter-claim']]);
    expect(g.flags).toContain('denied');
  });

  it('reports documents without a date instead of dropping them silently', () => {
    const set = [
      doc('a', 'One', '2024-05-01', 'In Tal Rifat 20 died.', [{ value: v(20) }]),
      doc('b', 'Two', '2024-05-01', 'In Tal Rifat 22 died.', [{ value: v(22) }]),
      { ...doc('c', 'Three', '2024-05-01', 'In Tal Rifat 21 died.', [{ value: v(21), date: null }]), published: null, referenceDate: null },
    ];
    const c = compare(set, lex);
    expect(c.undated).toEqual(['c']);
    expect(c.figures[0].entries.map((e) => e.docId)).toEqual(['a', 'b']);
  });
});

describe('framing board', () => {
  const f = (text: string, start: number, id: string, target: string, category = 'label-opposition') => ({ start, end: start + text.length, text, category, target, neutral: 'armed groups', evidence: [{ rule: `framing.${id}`, span: { start, end: start + text.length } }] });
  it('counts labels per outlet by what they name, forms merged, per 100 documents, skipping syndicated copies', () => {
    const docs = [
      doc('a', 'State TV', '2024-05-01', 'terrorists and terrorist groups', [], { framing: [f('terrorists', 0, 'terrorists', 'armed-opposition'), f('terrorist groups', 15, 'terrorists', 'armed-opposition')] }),
      doc('a2', 'State TV', '2024-05-02', 'The army advanced.', [], { framing: [f('army', 4, 'army', 'government', 'label-government')] }),
      doc('b', 'Exile Radio', '2024-05-01', 'rebels', [], { framing: [f('rebels', 0, 'rebels', 'armed-opposition')] }),
      doc('c', 'State TV', '2024-05-01', 'Militants', [], { framing: [f('Militants', 0, 'militants', 'armed-opposition')] }),
    ];
    const board = framingByOutlet(docs, new Set(['c']));
    expect(board.map((o) => [o.outlet, o.documents, o.labels['non-state-armed-groups']])).toEqual([
      ['State TV', 2, { terrorists: 2 }],
      ['Exile Radio', 1, { rebels: 1 }],
    ]);
    expect(board[0].per100['non-state-armed-groups']).toEqual({ terrorists: 100 });
    expect(board[0].labels['state-forces']).toEqual({ army: 1 });
    expect(board[0].examples.terrorists[0]).toMatchObject({ docId: 'a', start: 0, end: 10 });
  });

  it('counts words inside a quotation as the speaker\'s, not the outlet\'s', () => {
    const text = 'The minister said "the terrorists will be crushed" as rebels withdrew.';
    const docs = [doc('a', 'Wire', '2024-05-01', text, [], { framing: [f('terrorists', text.indexOf('terrorists'), 'terrorists', 'armed-opposition'), f('rebels', text.indexOf('rebels'), 'rebels', 'armed-opposition')] })];
    const [o] = framingByOutlet(docs);
    expect(o.labels['non-state-armed-groups']).toEqual({ rebels: 1 });
    expect(o.quoted).toEqual({ terrorists: 1 });
  });

  it.each([
    ['Saudi-backed government forces', 'government', 'state-forces'],
    ['Iran-backed rebels', 'armed-opposition', 'non-state-armed-groups'],
  ])('files a sponsorship label by what it names: %s', (text, target, board) => {
    const second = text.indexOf(' ') + 1;
    const docs = [doc('a', 'Wire', '2024-05-01', text, [], { framing: [f(text.slice(0, second - 1), 0, 'foreign-sponsored', 'armed-opposition', 'label-sponsorship'), f(text.slice(second), second, target === 'government' ? 'government' : 'rebels', target)] })];
    const [o] = framingByOutlet(docs);
    expect(Object.keys(o.labels)).toEqual([board]);
    expect(o.labels[board]['foreign-sponsored']).toBe(1);
  });
});
