// The dashboard's pure functions (web/*.js), without a browser: how the article text is cut into
// highlight segments, how counts are written, and the map projection.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the dashboard
import { segments, itemsOf } from '../../web/article.js';
// @ts-expect-error plain JS module of the dashboard
import { formatValue } from '../../web/dom.js';
// @ts-expect-error plain JS module of the dashboard
import { project, eventTip, groupTip, eventPoints, eventColor } from '../../web/map.js';
// @ts-expect-error plain JS module of the dashboard
import { niceMax, outletColors } from '../../web/boards.js';
// @ts-expect-error plain JS module of the dashboard
import { nthByIndex } from '../../web/review.js';

type Seg = { start: number; end: number; items: { kind: string }[] };

describe('article segments', () => {
  const text = 'Shelling killed 12 people in Ariha, activists said.';
  const items = [
    { kind: 'statement', key: 's', start: 0, end: 34 },
    { kind: 'claim', key: 'c', start: 9, end: 25 },
    { kind: 'quantity', key: 'c', start: 16, end: 18 },
    { kind: 'place', key: 'p', start: 29, end: 34 },
  ];
  it('cuts at every boundary and covers the text exactly once', () => {
    const segs: Seg[] = segments(text, items);
    expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    const at = (s: string) => segs.find((g) => text.slice(g.start, g.end) === s)!;
    expect(at('12').items.map((i) => i.kind).sort()).toEqual(['claim', 'quantity', 'statement']);
    expect(at('Ariha').items.map((i) => i.kind).sort()).toEqual(['place', 'statement']);
    expect(at(', activists said.').items).toEqual([]);
  });
  it('drops items whose offsets fall outside the text', () => {
    const doc = { text: 'abc', claims: [], statements: [], actors: [], framing: [], dates: [], places: [{ start: 1, end: 9, name: 'x', precision: 1, evidence: [] }, { start: 0, end: 2, name: 'ab', precision: 1, evidence: [] }] };
    expect(itemsOf(doc).map((i: { start: number }) => i.start)).toEqual([0]);
  });
});

describe('formatValue', () => {
  it('writes exact, open, ranged and approximate counts', () => {
    expect(formatValue({ min: 18, max: 18, approx: false })).toBe('18');
    expect(formatValue({ min: 41, max: null, approx: false })).toBe('≥41');
    expect(formatValue({ min: 300, max: 400, approx: false })).toBe('300–400');
    expect(formatValue({ min: 3000, max: 3000, approx: true })).toBe('≈3,000');
  });
});

describe('map projection', () => {
  it('is Web Mercator in 256-pixel world units', () => {
    expect(project(0, 0)).toEqual([128, 128]);
    const [x, y] = project(-180, 85.05112878);
    expect(x).toBeCloseTo(0, 6);
    expect(y).toBeCloseTo(0, 3);
  });
});

describe('figure board helpers', () => {
  it('rounds the value axis up to a readable number', () => {
    expect(niceMax(26)).toBe(30);
    expect(niceMax(41)).toBe(50);
    expect(niceMax(99)).toBe(100);
    expect(niceMax(5400)).toBe(6000);
    expect(niceMax(0)).toBe(1);
  });
  it('gives each outlet one colour whatever the order it is met in', () => {
    const a = outletColors(['Levant Wire', 'Damascus Daily', null]);
    const b = outletColors(['Damascus Daily', null, 'Levant Wire']);
    expect(a('Levant Wire')).toBe(b('Levant Wire'));
    expect(a('Levant Wire')).not.toBe(a('Damascus Daily'));
    expect(a(null)).toBe(b(null));
  });
});

describe('event layer helpers', () => {
  const strike = { type: 'Explosions/Remote violence', subtype: 'Air/drone strike', actor1: { id: 'SYR_GOV', name: 'Syrian government' }, actor2: null, date: '2024-03-11', day: '2024-03-11', fatalities: 18, place: { name: 'Ariha', lat: 35.8, lon: 36.6, precision: 1 }, outlet: 'Levant Wire', origin: null, destination: null };
  const move = { type: 'Movements', subtype: 'Displacement', actor1: null, actor2: null, date: null, day: '2024-03-14', fatalities: null, place: { name: 'Ariha', lat: 35.8, lon: 36.6, precision: 1 }, origin: { name: 'Ariha', lat: 35.8, lon: 36.6 }, destination: { name: 'Turkey', lat: 38.9, lon: 35.3 } };
  it('writes a tooltip with type, sub-type, actors, day and fatalities', () => {
    const t = eventTip(strike);
    expect(t).toMatch(/^Explosions\/Remote violence — Air\/drone strike\n/);
    expect(t).toContain('actors: Syrian government');
    expect(t).toContain('day: 2024-03-11');
    expect(t).toContain('fatalities: 18');
    expect(eventTip(move)).toContain('day: 2024-03-14 (article date)');
  });
  it('sums up several events of one type at one place', () => {
    const t = groupTip([strike, { ...strike, subtype: 'Shelling/artillery/missile attack', date: '2024-03-13', fatalities: 7 }]);
    expect(t).toMatch(/^2 events at Ariha: Explosions\/Remote violence/);
    expect(t).toContain('days 2024-03-11 to 2024-03-13');
    expect(t).toContain('Air/drone strike 1');
  });
  it('collects every coordinate drawn, and colours by type', () => {
    expect(eventPoints([strike, move])).toEqual([[36.6, 35.8], [36.6, 35.8], [36.6, 35.8], [35.3, 38.9]]);
    expect(eventColor('Battles')).not.toBe(eventColor('Movements'));
    expect(eventColor('Something else')).toBe('#999');
  });
});

describe('the nth of a claims-table row', () => {
  it('counts the claims of the document at the same span before it, by index', () => {
    const claims = [
      { index: 0, start: 0, end: 10 },
      { index: 1, start: 12, end: 30 },
      { index: 2, start: 12, end: 30 },
      { index: 3, start: 40, end: 50 },
    ];
    expect(nthByIndex(claims, { index: 2, start: 12, end: 30 })).toBe(1);
    expect(nthByIndex(claims, { index: 1, start: 12, end: 30 })).toBe(0);
    expect(nthByIndex(claims, { index: 3, start: 40, end: 50 })).toBe(0);
    expect(nthByIndex([], { index: 3, start: 40, end: 50 })).toBe(0);
  });
});
