import { describe, expect, it } from 'vitest';
import { BOM, emptyOf, toFeature, writeExport, type Row } from '../../src/store/formats.js';

async function* rows(list: Row[]): AsyncIterable<Row> {
  yield* list;
}
async function render(list: Row[], format: 'csv' | 'geojson', what: 'claims' | 'events', opts?: { bom?: boolean }) {
  let out = '';
  const r = await writeExport(rows(list), format, what, (s) => void (out += s), opts);
  return { out, ...r };
}

const claim = (): Row => {
  const r = emptyOf('claims') as Extract<Row, { t: 'claim' }>;
  return { t: 'claim', v: { ...r.v, id: 'c1', documentId: 'd1', category: 'killed', who: 'civilians', text: 'Zwölf Zivilisten in Ḩamāh' } };
};
const event = (origin: unknown, destination: unknown): Row => {
  const r = emptyOf('events') as Extract<Row, { t: 'event' }>;
  return { t: 'event', v: { ...r.v, id: 'e1', documentId: 'd1', type: 'movement', subtype: 'displacement', origin, destination, place: { name: 'Camp', geonameId: null, country: 'SY', lat: 36.2, lon: 36.7, precision: 1 } } };
};

describe('CSV export', () => {
  it('starts with a UTF-8 byte order mark only when asked', async () => {
    const withBom = await render([claim()], 'csv', 'claims', { bom: true });
    expect(withBom.out.startsWith(BOM + 'id,')).toBe(true);
    expect(withBom.out).toContain('Zwölf Zivilisten in Ḩamāh');
    const plain = await render([claim()], 'csv', 'claims');
    expect(plain.out.startsWith('id,')).toBe(true);
  });

  it('never puts a byte order mark in GeoJSON', async () => {
    const g = await render([event(null, null)], 'geojson', 'events', { bom: true });
    expect(g.out.startsWith('{')).toBe(true);
  });
});

describe('GeoJSON movements', () => {
  it('draws a movement with both ends placed as a LineString from origin to destination', () => {
    const f = toFeature(event({ name: 'Ariha', geonameId: 1, lat: 35.8, lon: 36.6 }, { name: 'Atmeh', geonameId: 2, lat: 36.3, lon: 36.7 })) as { geometry: { type: string; coordinates: number[][] }; properties: Record<string, unknown> };
    expect(f.geometry).toEqual({ type: 'LineString', coordinates: [[36.6, 35.8], [36.7, 36.3]] });
    expect(f.properties).toMatchObject({ origin: 'Ariha', destination: 'Atmeh', subtype: 'displacement' });
  });

  it.each([
    ['no destination', { name: 'Ariha', geonameId: 1, lat: 35.8, lon: 36.6 }, null],
    ['an unplaced origin', { name: 'somewhere', geonameId: null, lat: null, lon: null }, { name: 'Atmeh', geonameId: 2, lat: 36.3, lon: 36.7 }],
  ])('keeps a Point at the event place with %s', (_why, origin, destination) => {
    const f = toFeature(event(origin, destination)) as { geometry: { type: string; coordinates: number[] } };
    expect(f.geometry).toEqual({ type: 'Point', coordinates: [36.7, 36.2] });
  });
});
