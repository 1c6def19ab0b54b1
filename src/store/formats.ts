// Export formats shared by `sitrep export` and GET /api/export: one flat record per claim, place or
// event (the CSV columns), GeoJSON features, and the row streams themselves.
import type { ClaimFilter, ClaimRow, EventRow, PlaceAggregate, Store } from './store.js';
import { loadRegionNames, type RegionNames } from '../geo/regions.js';

export type Row = { t: 'claim'; v: ClaimRow } | { t: 'event'; v: EventRow } | { t: 'place'; v: PlaceAggregate };

export type Format = 'csv' | 'geojson' | 'jsonl';
/** Formats of `sitrep export`: the API's, and ACLED-style CSV of events. */
export type ExportFormat = Format | 'acled';

/**
 * The columns of `--format acled` (events only): ACLED's full export column set, in its order and
 * names, so that a sheet of ACLED's own rows and ours line up.
 */
export const ACLED_COLUMNS = [
  'event_id_cnty', 'event_date', 'year', 'time_precision', 'disorder_type', 'event_type', 'sub_event_type',
  'actor1', 'assoc_actor_1', 'inter1', 'actor2', 'assoc_actor_2', 'inter2', 'interaction', 'civilian_targeting',
  'iso', 'region', 'country', 'admin1', 'admin2', 'admin3', 'location', 'latitude', 'longitude', 'geo_precision',
  'source', 'source_scale', 'notes', 'fatalities', 'tags', 'timestamp',
] as const;

const nameOf = (a: unknown) => (a && typeof a === 'object' && 'name' in a ? String((a as { name: unknown }).name) : null);

/** ACLED's disorder type of an event type (Movements are ours, not ACLED's: left empty). */
const DISORDER: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Riots: 'Political violence; Demonstrations',
  Protests: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

/**
 * One event as an ACLED row: event_id_cnty the country code and our event id; event_date YYYY-MM-DD
 * and its year; time_precision 1 day, 2 week, 3 month; disorder type from the event type; the event
 * type and sub-type; actor 1 the side that acted and actor 2 the side acted upon, by name (the
 * associated actors, inter codes and interaction are left empty: we do not classify actors into
 * ACLED's inter codes); civilian_targeting for violence against civilians; iso left empty (ACLED's
 * numeric code: we keep alpha-2 in event_id_cnty); country and admin1 by name; admin2 the place's own
 * name when it is a second-level region (the gazetteer keeps no second-level code for towns, so it is
 * empty otherwise); location, coordinates and geo_precision 1 the place itself, 2 near or part of it,
 * 3 its region; source the outlet; notes who reported it, the movement's origin and destination,
 * and where in which document the evidence is; fatalities by the conservative rule (the lowest
 * credible figure); timestamp the event's day as Unix seconds.
 */
export function acledRecord(e: EventRow, names: RegionNames): Record<string, Cell> {
  const p = e.place as (EventRow['place'] & { admin1?: string | null; kind?: string }) | null;
  const origin = nameOf(e.origin);
  const destination = nameOf(e.destination);
  const notes = [
    `${e.subtype}${origin || destination ? `: ${origin ?? '?'} -> ${destination ?? '?'}` : ''}`,
    e.sources.length ? `reported by ${e.sources.join('; ')}` : null,
    `document ${e.documentId} [${e.start}-${e.end}]; rules ${e.evidence.map((x) => x.rule).join(' ')}`,
    e.reviewed !== 'pending' ? `reviewed: ${e.reviewed}` : null,
  ].filter(Boolean).join('. ');
  const date = e.date ?? e.day;
  return {
    event_id_cnty: `${p?.country ?? 'XX'}${e.id}`,
    event_date: date,
    year: date ? Number(date.slice(0, 4)) : null,
    time_precision: e.timePrecision,
    disorder_type: DISORDER[e.type] ?? null,
    event_type: e.type,
    sub_event_type: e.subtype,
    actor1: nameOf(e.actor1),
    assoc_actor_1: null,
    inter1: null,
    actor2: nameOf(e.actor2),
    assoc_actor_2: null,
    inter2: null,
    interaction: null,
    civilian_targeting: e.type === 'Violence against civilians' ? 'Civilian targeting' : null,
    iso: null,
    region: null,
    country: names.country(p?.country) ?? p?.country ?? null,
    admin1: names.admin1(p?.country, p?.admin1) ?? null,
    admin2: p?.kind === 'admin2' ? p.name : null,
    admin3: null,
    location: p?.name ?? null,
    latitude: p?.lat ?? null,
    longitude: p?.lon ?? null,
    geo_precision: p?.precision ?? null,
    source: e.outlet,
    source_scale: null,
    notes,
    fatalities: e.fatalities ?? 0,
    tags: null,
    timestamp: date ? Math.floor(Date.parse(date + 'T00:00:00Z') / 1000) : null,
  };
}
export type What = 'claims' | 'places' | 'events';

/** The rows of one export, in order. */
export async function* rowsOf(store: Store, what: What, filter: ClaimFilter): AsyncIterable<Row> {
  if (what === 'claims') yield* tag('claim', store.iterateClaims(filter));
  else if (what === 'events') yield* tag('event', store.iterateEvents(filter));
  else yield* tag('place', listToIter(await store.listPlaces(filter)));
}

async function* tag<T extends Row['t']>(t: T, it: AsyncIterable<unknown>): AsyncIterable<Row> {
  for await (const v of it) yield { t, v } as Row;
}
async function* listToIter<T>(list: T[]): AsyncIterable<T> {
  yield* list;
}

export function emptyOf(what: What): Row {
  if (what === 'places') return { t: 'place', v: { key: '', name: '', geonameId: null, country: null, lat: null, lon: null, precision: 3, kind: '', mentions: 0, documents: 0, reviewed: 0, claims: 0, categories: {} } };
  if (what === 'events')
    return { t: 'event', v: { id: '', documentId: '', index: 0, start: 0, end: 0, type: '', subtype: '', actor1: null, actor2: null, place: null, date: null, day: null, timePrecision: null, claims: [], fatalities: null, origin: null, destination: null, sources: [], evidence: [], outlet: null, reviewed: 'pending' } };
  return {
    t: 'claim',
    v: { id: '', documentId: '', index: 0, start: 0, end: 0, text: '', quantity: { start: 0, end: 0, text: '' }, value: { min: null, max: null, approx: false }, category: '', who: '', source: null, hedged: false, place: null, date: null, dateUntil: null, day: null, sentence: 0, evidence: [], outlet: null, title: null, published: null, reviewed: 'pending' },
  };
}

type Cell = string | number | boolean | null;

/** One flat record per row, the CSV columns. */
export function flatten(r: Row): Record<string, Cell> {
  if (r.t === 'claim') {
    const c = r.v;
    return {
      id: c.id,
      document: c.documentId,
      outlet: c.outlet,
      published: c.published,
      day: c.day,
      date: c.date,
      category: c.category,
      value_min: c.value.min,
      value_max: c.value.max,
      approx: c.value.approx,
      who: c.who,
      source: c.source?.name ?? null,
      hedged: c.hedged,
      place: c.place?.name ?? null,
      geoname_id: c.place?.geonameId ?? null,
      lat: c.place?.lat ?? null,
      lon: c.place?.lon ?? null,
      precision: c.place?.precision ?? null,
      quantity: c.quantity.text,
      text: c.text,
      start: c.start,
      end: c.end,
      rules: c.evidence.map((e) => e.rule).join(' '),
      reviewed: c.reviewed,
    };
  }
  if (r.t === 'event') {
    const e = r.v;
    return {
      id: e.id,
      document: e.documentId,
      outlet: e.outlet,
      day: e.day,
      date: e.date,
      type: e.type,
      subtype: e.subtype,
      actor1: nameOf(e.actor1),
      actor2: nameOf(e.actor2),
      place: e.place?.name ?? null,
      lat: e.place?.lat ?? null,
      lon: e.place?.lon ?? null,
      precision: e.place?.precision ?? null,
      fatalities: e.fatalities,
      sources: e.sources.join('; '),
      claims: e.claims.join(' '),
      start: e.start,
      end: e.end,
      reviewed: e.reviewed,
    };
  }
  const p = r.v;
  return {
    name: p.name,
    geoname_id: p.geonameId,
    country: p.country,
    lat: p.lat,
    lon: p.lon,
    precision: p.precision,
    kind: p.kind,
    mentions: p.mentions,
    documents: p.documents,
    reviewed: p.reviewed,
    claims: p.claims,
    categories: Object.entries(p.categories)
      .map(([k, n]) => `${k}:${n}`)
      .join(' '),
  };
}

export function csvCell(v: Cell): string {
  if (v == null) return '';
  let s = String(v);
  // A cell starting with = + - @ (or tab/CR) runs as a formula in spreadsheets: neutralise it.
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

type End = { lat?: number | null; lon?: number | null } | null | undefined;
const coords = (p: unknown): [number, number] | null => {
  const e = p as End;
  return e && typeof e.lat === 'number' && typeof e.lon === 'number' ? [e.lon, e.lat] : null;
};

/** A feature per row: a movement with both ends placed is a LineString from origin to destination, anything else a Point. */
export function toFeature(r: Row): object | null {
  if (r.t === 'event') {
    const from = coords(r.v.origin), to = coords(r.v.destination);
    if (from && to) return { type: 'Feature', geometry: { type: 'LineString', coordinates: [from, to] }, properties: { ...flatten(r), origin: nameOf(r.v.origin), destination: nameOf(r.v.destination) } };
  }
  let lat: number | null | undefined;
  let lon: number | null | undefined;
  if (r.t === 'claim') ({ lat, lon } = r.v.place ?? {});
  else if (r.t === 'event') ({ lat, lon } = r.v.place ?? {});
  else ({ lat, lon } = r.v);
  if (lat == null || lon == null) return null;
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [lon, lat] }, properties: r.t === 'claim' ? flatten(r) : r.t === 'event' ? flatten(r) : { ...flatten(r), categories: r.v.categories } };
}


/** A UTF-8 byte order mark: spreadsheet programs read a CSV that starts with one as UTF-8. */
export const BOM = '\uFEFF';

/**
 * Write rows in a format through write(); returns how many were written and left out (no coordinates).
 * opts.bom: start a CSV with a UTF-8 byte order mark.
 */
export async function writeExport(rows: AsyncIterable<Row>, format: ExportFormat, what: What, write: (s: string) => Promise<void> | void, opts: { bom?: boolean } = {}): Promise<{ written: number; unplaced: number }> {
  let written = 0;
  let unplaced = 0;
  let header = false;
  if (opts.bom && format === 'csv') await write(BOM);
  if (format === 'geojson') await write('{"type":"FeatureCollection","features":[\n');
  if (format === 'acled') {
    if (what !== 'events') throw new Error('the acled format exports events only');
    const names = loadRegionNames();
    await write(ACLED_COLUMNS.join(',') + '\r\n');
    for await (const r of rows) {
      if (r.t !== 'event') continue;
      const rec = acledRecord(r.v, names);
      await write(ACLED_COLUMNS.map((k) => csvCell(rec[k])).join(',') + '\r\n');
      written++;
    }
    return { written, unplaced };
  }
  for await (const r of rows) {
    if (format === 'jsonl') await write(JSON.stringify(r.v) + '\n');
    else if (format === 'csv') {
      const flat = flatten(r);
      if (!header) {
        await write(Object.keys(flat).map(csvCell).join(',') + '\r\n');
        header = true;
      }
      await write(Object.values(flat).map(csvCell).join(',') + '\r\n');
    } else {
      const feature = toFeature(r);
      if (!feature) {
        unplaced++;
        continue;
      }
      await write((written ? ',\n' : '') + JSON.stringify(feature));
    }
    written++;
  }
  if (format === 'geojson') await write('\n]}\n');
  else if (format === 'csv' && !header) await write(Object.keys(flatten(emptyOf(what))).map(csvCell).join(',') + '\r\n');
  return { written, unplaced };
}
