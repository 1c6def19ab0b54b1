// What an analyst may correct on each kind of item, written once per kind: the fields a correction
// names (wire names, validated by wire.ts), the columns they change, how a row reads as those fields
// (for the history and the gold export), and the columns of an item the machine missed.
import type { ItemKind } from './wire.js';

type Row = Record<string, unknown>;
type Fields = Record<string, unknown>;

export const TABLE_OF: Record<ItemKind, 'claims' | 'places' | 'events' | 'actors' | 'statements'> = {
  claim: 'claims',
  place: 'places',
  event: 'events',
  actor: 'actors',
  statement: 'statements',
};

/** The columns a correction of each kind may change: the machine's values of these are kept to restore. */
export const TOUCHED: Record<ItemKind, readonly string[]> = {
  claim: ['value_min', 'value_max', 'approx', 'category', 'who', 'source_name', 'source_id', 'source', 'place_name', 'place_geoname_id', 'place', 'lat', 'lon', 'country', 'precision', 'date', 'day', 'search'],
  place: ['name', 'geoname_id', 'country', 'lat', 'lon', 'precision'],
  event: ['type', 'subtype', 'actor1', 'actor2', 'place_name', 'place', 'lat', 'lon', 'date', 'day', 'fatalities'],
  actor: ['name', 'actor_id', 'kind'],
  statement: ['speaker_name', 'speaker_id', 'speaker', 'verb', 'direct'],
};

const json = (v: unknown) => JSON.stringify(v);
const nameIn = (s: unknown): string | null => {
  if (s == null) return null;
  try {
    const v = JSON.parse(String(s));
    return v && typeof v === 'object' && typeof v.name === 'string' ? v.name : null;
  } catch {
    return null;
  }
};

/** The item as the fields a correction names (what the history shows and the gold export writes). */
export function viewOf(kind: ItemKind, r: Row): Fields {
  switch (kind) {
    case 'claim':
      return { min: r.value_min ?? null, max: r.value_max ?? null, approx: Boolean(r.approx), category: r.category, who: r.who, source: r.source_name ?? null, place: r.place_name ?? null, day: r.day ?? null };
    case 'place':
      return { name: r.name, geonameId: r.geoname_id ?? null, country: r.country ?? null, lat: r.lat ?? null, lon: r.lon ?? null, precision: r.precision };
    case 'event':
      return { type: r.type, subtype: r.subtype, actor1: nameIn(r.actor1), actor2: nameIn(r.actor2), place: r.place_name ?? null, day: r.day ?? null, fatalities: r.fatalities ?? null };
    case 'actor':
      return { name: r.name, actorId: r.actor_id, kind: r.kind };
    case 'statement':
      return { speaker: r.speaker_name ?? null, verb: r.verb, direct: Boolean(r.direct) };
  }
}

/** A place of the same document named like this (name or text, any case), to borrow its coordinates. */
export type PlaceLookup = (name: string) => Row | undefined;

/** The column values that carry these corrected fields, for a row that reads as `row` now. */
export function columnsOf(kind: ItemKind, f: Fields, row: Row, place: PlaceLookup): Row {
  const out: Row = {};
  const has = (k: string) => Object.prototype.hasOwnProperty.call(f, k);
  if (kind === 'claim') {
    if (has('min')) out.value_min = f.min;
    if (has('max')) out.value_max = f.max;
    if (has('approx')) out.approx = f.approx ? 1 : 0;
    if (has('category')) out.category = f.category;
    if (has('who')) out.who = f.who;
    if (has('source')) Object.assign(out, { source_name: f.source ?? null, source_id: null, source: f.source == null ? null : json({ name: f.source }) });
    if (has('place')) {
      const p = f.place == null ? undefined : place(String(f.place));
      const name = f.place == null ? null : String(f.place);
      Object.assign(out, {
        place_name: name,
        place_geoname_id: p?.geoname_id ?? null,
        place: name == null ? null : json({ name, text: p?.text ?? name, geonameId: p?.geoname_id ?? null, start: p?.start ?? row.start, end: p?.end ?? row.end }),
        lat: p?.lat ?? null,
        lon: p?.lon ?? null,
        country: p?.country ?? null,
        precision: p?.precision ?? null,
      });
    }
    if (has('day')) Object.assign(out, { day: f.day, date: f.day });
    const m = { ...row, ...out };
    out.search = [m.text, m.who, m.source_name, m.place_name].filter(Boolean).join(' \u0001 ').toLowerCase();
  } else if (kind === 'place') {
    for (const [field, col] of [['name', 'name'], ['geonameId', 'geoname_id'], ['country', 'country'], ['lat', 'lat'], ['lon', 'lon'], ['precision', 'precision']]) if (has(field)) out[col] = f[field];
  } else if (kind === 'event') {
    for (const k of ['type', 'subtype', 'fatalities']) if (has(k)) out[k] = f[k];
    for (const k of ['actor1', 'actor2']) if (has(k)) out[k] = f[k] == null ? null : json({ name: f[k] });
    if (has('place')) {
      const p = f.place == null ? undefined : place(String(f.place));
      const name = f.place == null ? null : String(f.place);
      Object.assign(out, {
        place_name: name,
        place: name == null ? null : json({ name, geonameId: p?.geoname_id ?? null, country: p?.country ?? null, lat: p?.lat ?? null, lon: p?.lon ?? null, precision: p?.precision ?? 3 }),
        lat: p?.lat ?? null,
        lon: p?.lon ?? null,
      });
    }
    if (has('day')) Object.assign(out, { day: f.day, date: f.day });
  } else if (kind === 'actor') {
    if (has('name')) out.name = f.name;
    if (has('actorId')) out.actor_id = f.actorId;
    if (has('kind')) out.kind = f.kind;
  } else {
    if (has('speaker')) Object.assign(out, { speaker_name: f.speaker ?? null, speaker_id: null, speaker: f.speaker == null ? null : json({ name: f.speaker }) });
    if (has('verb')) out.verb = f.verb;
    if (has('direct')) out.direct = f.direct ? 1 : 0;
  }
  return out;
}

/** The row of an item the machine missed, before its corrected fields: what the span alone says. */
export function addedRow(kind: ItemKind, span: { start: number; end: number }, text: string, day: string | null): Row {
  const t = text.slice(span.start, span.end);
  const evidence = json([{ rule: 'review:added', span }]);
  const base = { start: span.start, end: span.end, evidence };
  switch (kind) {
    case 'claim':
      return { ...base, text: t, quantity: json({ ...span, text: t }), value_min: null, value_max: null, approx: 0, category: 'other', who: '', source_name: null, source_id: null, source: null, hedged: 0, place_name: null, place_geoname_id: null, place: null, lat: null, lon: null, country: null, precision: null, date: null, date_until: null, day, sentence: 0, search: t.toLowerCase() };
    case 'place':
      return { ...base, text: t, name: t, geoname_id: null, country: null, lat: null, lon: null, kind: 'unresolved', admin1: null, precision: 1, qualifier: null, parent: null, candidates: '[]' };
    case 'event':
      return { ...base, type: 'Violence against civilians', subtype: '', actor1: null, actor2: null, place_name: null, place: null, lat: null, lon: null, date: null, day, time_precision: null, claims: '[]', fatalities: null, origin: null, destination: null, sources: '[]' };
    case 'actor':
      return { ...base, text: t, actor_id: t.toUpperCase().replace(/\W+/g, '_'), name: t, kind: 'other', country: null, generic: 0, role: null, antecedent: null };
    case 'statement':
      return { ...base, direct: 0, verb: '', cue: 'null', speaker_name: null, speaker_id: null, speaker: null };
  }
}
