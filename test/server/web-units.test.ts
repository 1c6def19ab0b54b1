// The dashboard's pure functions (web/*.js), without a browser: how the article text is cut into
// highlight segments, how counts are written, and the map projection.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the dashboard
import { segments, itemsOf } from '../../web/article.js';
// @ts-expect-error plain JS module of the dashboard
import { formatValue } from '../../web/dom.js';
// @ts-expect-error plain JS module of the dashboard
import { project } from '../../web/map.js';

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
