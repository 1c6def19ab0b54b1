// The map's pure helpers (web/map-data.js), without a browser: the base layer's rings made continuous
// across the antimeridian, the extent a first view fits, movement arcs and event groups. The browser
// tests beside this file drive the Leaflet map itself.
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JS module of the dashboard
import { arc, extentOf, eventGroups, markerRadius, movePairs, project, unwrapRing } from '../../web/map-data.js';

type Pt = [number, number];

describe('unwrapRing', () => {
  it('makes a ring that crosses the antimeridian continuous, so no band is drawn across the map', () => {
    const ring: Pt[] = [[178, -16], [-179, -16], [-179, -17], [178, -17], [178, -16]];
    expect(unwrapRing(ring)).toEqual([[178, -16], [181, -16], [181, -17], [178, -17], [178, -16]]);
  });
  it('leaves ordinary rings and rings around a pole as they are', () => {
    const ordinary: Pt[] = [[36, 35], [37, 35], [37, 36], [36, 35]];
    expect(unwrapRing(ordinary)).toEqual(ordinary);
    const polar: Pt[] = [[-180, -70], [-60, -75], [60, -72], [180, -70], [-180, -70]];
    expect(unwrapRing(polar)).toEqual(polar);
  });
});

describe('extentOf', () => {
  const town = (name: string, lon: number, lat: number, claims: number) => ({ name, lon, lat, claims });
  it('fits the bulk of the claims, not a far capital mentioned once', () => {
    const places = [...Array.from({ length: 30 }, (_, i) => town(`t${i}`, 36 + i * 0.02, 35 + i * 0.01, 10)), town('far', -77, 38.9, 1)];
    const [[s, w], [n, e]] = extentOf(places);
    expect(w).toBeGreaterThan(30);
    expect(e).toBeLessThan(40);
    expect(s).toBeGreaterThan(30);
    expect(n).toBeLessThan(40);
  });
  it('is at least minSpan degrees wide and high, takes event points, and is null with nothing to show', () => {
    const [[s, w], [n, e]] = extentOf([town('a', 36.6, 35.8, 3)], [], 2);
    expect(e - w).toBeCloseTo(2);
    expect(n - s).toBeCloseTo(2);
    const [, [, east]] = extentOf([town('a', 36.6, 35.8, 3)], [[40, 36]]);
    expect(east).toBeGreaterThanOrEqual(40);
    // the bulk of the events too: one reported in Washington does not open the map on the world
    const events: Pt[] = [...Array.from({ length: 40 }, (_, i): Pt => [36 + i * 0.05, 35 + i * 0.02]), [-77, 38.9]];
    const [[, west]] = extentOf([town('a', 36.6, 35.8, 3)], events);
    expect(west).toBeGreaterThan(30);
    expect(extentOf([], [])).toBeNull();
  });
});

describe('movements and events', () => {
  const A = { name: 'Ariha', lat: 35.8, lon: 36.6 };
  const B = { name: 'Bab al-Hawa', lat: 36.2, lon: 36.7 };
  const move = (o: object, d: object) => ({ type: 'Movements', subtype: 'Displacement', origin: o, destination: d, place: o });
  it('draws one arc per origin→destination pair, from the origin to the destination, arriving in its direction', () => {
    const pairs = movePairs([move(A, B), move(A, B), move(B, A), move(A, A), move(A, { name: 'x', lat: null, lon: null })]);
    expect(pairs.map((l: unknown[]) => l.length)).toEqual([2, 1]);
    const { points, angle } = arc(A, B);
    expect(points[0][0]).toBeCloseTo(A.lat, 6);
    expect(points[0][1]).toBeCloseTo(A.lon, 6);
    expect(points[points.length - 1][0]).toBeCloseTo(B.lat, 6);
    expect(points[points.length - 1][1]).toBeCloseTo(B.lon, 6);
    // B is north of A: the arrow points up the screen (about -90°), bent to the left so a bit to the east
    expect(angle).toBeLessThan(-45);
    expect(angle).toBeGreaterThan(-135);
    // the arc leaves the straight line (the way back does not hide the way out)
    const mid = points[Math.floor(points.length / 2)];
    const [mx] = project(mid[1], mid[0]);
    const [ax] = project(A.lon, A.lat);
    const [bx] = project(B.lon, B.lat);
    expect(Math.abs(mx - (ax + bx) / 2)).toBeGreaterThan(0.001);
  });
  it('groups placed events by place, then by type in the legend order', () => {
    const ev = (type: string, place: object | null) => ({ type, subtype: 's', place });
    const groups = eventGroups([ev('Movements', A), ev('Battles', A), ev('Battles', A), ev('Protests', B), ev('Battles', null)]);
    expect(groups.map((g: { place: { name: string }; groups: { type: string }[][] }) => [g.place.name, g.groups.map((l) => `${l[0].type} ${l.length}`)])).toEqual([
      ['Ariha', ['Battles 2', 'Movements 1']],
      ['Bab al-Hawa', ['Protests 1']],
    ]);
  });
  it('sizes place markers by claims, bigger for a region', () => {
    expect(markerRadius({ claims: 15, precision: 1 }, 15)).toBe(22);
    expect(markerRadius({ claims: 0, precision: 1 }, 15)).toBe(4);
    expect(markerRadius({ claims: 15, precision: 3 }, 15)).toBe(27.5);
  });
});
