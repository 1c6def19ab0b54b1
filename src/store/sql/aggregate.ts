// Folding the grouped rows of listPlaces and timeline into the records the Store returns (the
// grouping itself is done by the database).
import type { PlaceAggregate, TimelineDay } from '../store.js';

type Row = Record<string, unknown>;
const num = (v: unknown) => (v == null ? null : Number(v));

/** Places from mentions (per place key) and claim counts (per place key and category). */
export function aggregatePlaces(mentions: Row[], claimAgg: Row[], claimOnly: boolean): PlaceAggregate[] {
  const out = new Map<string, PlaceAggregate>();
  for (const m of mentions) {
    out.set(m.k as string, {
      key: m.k as string,
      name: m.name as string,
      geonameId: num(m.geoname_id),
      country: (m.country as string) ?? null,
      lat: num(m.lat),
      lon: num(m.lon),
      precision: num(m.precision) ?? 3,
      kind: m.kind as string,
      mentions: Number(m.mentions),
      documents: Number(m.documents),
      reviewed: Number(m.reviewed ?? 0),
      claims: 0,
      categories: {},
    });
  }
  for (const c of claimAgg) {
    let p = out.get(c.k as string);
    if (!p) {
      p = {
        key: c.k as string,
        name: c.name as string,
        geonameId: /^\d+$/.test(String(c.k)) ? Number(c.k) : null,
        country: (c.country as string) ?? null,
        lat: num(c.lat),
        lon: num(c.lon),
        precision: num(c.precision) ?? 3,
        kind: 'unknown',
        mentions: 0,
        documents: Number(c.documents),
        reviewed: 0,
        claims: 0,
        categories: {},
      };
      out.set(p.key, p);
    }
    const n = Number(c.n);
    p.claims += n;
    p.categories[c.category as string] = (p.categories[c.category as string] ?? 0) + n;
  }
  let list = [...out.values()];
  if (claimOnly) list = list.filter((p) => p.claims > 0);
  return list.sort((a, b) => b.claims - a.claims || b.mentions - a.mentions || a.name.localeCompare(b.name));
}

/** Days in order, from (day, category, n, total) rows sorted by day. */
export function timelineDays(rows: Row[]): TimelineDay[] {
  const days = new Map<string, TimelineDay>();
  for (const r of rows) {
    const day = r.day as string;
    let d = days.get(day);
    if (!d) days.set(day, (d = { day, claims: 0, categories: {}, totals: {} }));
    const n = Number(r.n);
    d.claims += n;
    d.categories[r.category as string] = n;
    d.totals[r.category as string] = Number(r.total ?? 0);
  }
  return [...days.values()];
}
