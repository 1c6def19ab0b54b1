// Turns an Analysis into flat rows, one object per table row, shared by every store implementation.
// Nested parts (evidence, candidates, via...) become JSON text; the columns that filters and indexes
// use are flat. Claims are denormalised with their place's coordinates and precision and the day
// they are filed under, so listing and mapping claims never needs a join on places.
import { createHash } from 'node:crypto';
import type { Analysis, Claim, Document, Place } from '../core/types.js';
import { publishedPlaces } from '../stages/places/published.js';
import type { ItemTable } from './sql/schema.js';

type Row = Record<string, unknown>;

/**
 * An analysis as the ledger stores it: its document, what the ingest reports of it, and the rows of
 * its analysis and items, built by the same functions as below. The analysis worker builds it
 * (pool.ts: AnalysisPool.prepare), so that the thread writing the ledger only inserts rows: parsing
 * the whole analysis back and turning it into rows there held it for longer than the inserts did.
 */
export interface StoredAnalysis {
  stored: true;
  document: Document;
  lang: string;
  referenceDate: string | null;
  errors: Analysis['errors'];
  /** The analyses row, but for the time and the pipeline version, which the writer adds. */
  analysis: Row;
  /** Each item table's rows, in the order they are written; tables without rows left out. */
  items: [ItemTable, Row[]][];
}

/** The rows of an analysis (see StoredAnalysis); one already in that form is given back as it is. */
export function storedAnalysis(a: Analysis | StoredAnalysis): StoredAnalysis {
  if ('stored' in a) return a;
  const places = placeRows(a);
  const items: [ItemTable, Row[]][] = [
    ['places', places],
    ['actors', actorRows(a)],
    ['statements', statementRows(a)],
    ['claims', claimRows(a)],
    ['events', eventRows(a)],
    ['framing', framingRows(a)],
    ['dates', dateRows(a)],
  ];
  return {
    stored: true,
    document: a.document,
    lang: a.lang,
    referenceDate: a.referenceDate,
    errors: a.errors,
    analysis: analysisRow(a, places.length),
    items: items.filter(([, rows]) => rows.length > 0),
  };
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
const bool = (v: boolean | undefined) => (v ? 1 : 0);

/** The place a claim refers to: same span, else same geonameId, else same name. */
export function placeOfClaim(a: Analysis, c: Claim): Place | null {
  const p = c.place;
  if (!p) return null;
  return (
    a.places.find((x) => x.start === p.start && x.end === p.end) ??
    (p.geonameId != null ? a.places.find((x) => x.geonameId === p.geonameId) : undefined) ??
    a.places.find((x) => x.name === p.name) ??
    null
  );
}

export function documentRow(a: Pick<Analysis, 'document' | 'referenceDate'>, hash: string, id: string, now: string) {
  const d = a.document;
  return {
    id,
    hash,
    text: d.text,
    title: d.title ?? null,
    outlet: d.outlet ?? null,
    published: d.published ?? null,
    url: d.url ?? null,
    reference_date: a.referenceDate ?? null,
    origin: json(d.origin ?? null),
    ingested_at: now,
  };
}

/** nPlaces: how many places are stored for it (placeRows); the writer adds analysed_at and pipeline_version. */
function analysisRow(a: Analysis, nPlaces: number) {
  return {
    lang: a.lang,
    errors: JSON.stringify(a.errors),
    timings: JSON.stringify(a.timings),
    n_claims: a.claims.length,
    n_places: nPlaces,
    n_actors: a.actors.length,
    n_statements: a.statements.length,
    n_events: a.events.length,
    n_framing: a.framing.length,
    n_sentences: a.sentences.length,
  };
}

/** How a field is kept in its column: as it is (absent as NULL), as 0/1, or as JSON text (an absent
 * object as "null", an absent list as "[]"). */
type Codec = 'value' | 'bool' | 'json' | 'list';

/** The columns of a table that each hold one field of an item, in order: [column, field, codec]. Rows are
 * written and read back by the same list, so the two directions cannot drift apart. */
export type Columns = readonly (readonly [column: string, field: string, codec: Codec])[];

export const PLACE_COLUMNS: Columns = [
  ['start', 'start', 'value'],
  ['end', 'end', 'value'],
  ['text', 'text', 'value'],
  ['name', 'name', 'value'],
  ['geoname_id', 'geonameId', 'value'],
  ['country', 'country', 'value'],
  ['lat', 'lat', 'value'],
  ['lon', 'lon', 'value'],
  ['kind', 'kind', 'value'],
  ['admin1', 'admin1', 'value'],
  ['precision', 'precision', 'value'],
  ['qualifier', 'qualifier', 'value'],
  ['parent', 'parent', 'json'],
  ['candidates', 'candidates', 'list'],
  ['evidence', 'evidence', 'list'],
];

export const ACTOR_COLUMNS: Columns = [
  ['start', 'start', 'value'],
  ['end', 'end', 'value'],
  ['text', 'text', 'value'],
  ['actor_id', 'id', 'value'],
  ['name', 'name', 'value'],
  ['kind', 'kind', 'value'],
  ['country', 'country', 'value'],
  ['generic', 'generic', 'bool'],
  ['role', 'role', 'value'],
  ['antecedent', 'antecedent', 'json'],
  ['evidence', 'evidence', 'list'],
];

export const STATEMENT_COLUMNS: Columns = [
  ['start', 'start', 'value'],
  ['end', 'end', 'value'],
  ['direct', 'direct', 'bool'],
  ['verb', 'verb', 'value'],
  ['cue', 'cue', 'json'],
  ['speaker', 'speaker', 'json'],
  ['evidence', 'evidence', 'list'],
];

export const FRAMING_COLUMNS: Columns = [
  ['start', 'start', 'value'],
  ['end', 'end', 'value'],
  ['text', 'text', 'value'],
  ['category', 'category', 'value'],
  ['target', 'target', 'value'],
  ['neutral', 'neutral', 'value'],
  ['evidence', 'evidence', 'list'],
];

export const DATE_COLUMNS: Columns = [
  ['start', 'start', 'value'],
  ['end', 'end', 'value'],
  ['text', 'text', 'value'],
  ['date', 'date', 'value'],
  ['until', 'until', 'value'],
  ['precision', 'precision', 'value'],
  ['dateline', 'dateline', 'bool'],
  ['evidence', 'evidence', 'list'],
];

/** The row of item number idx: its fields put into their columns. */
function toRow(idx: number, item: object, columns: Columns): Record<string, unknown> {
  const x = item as Record<string, unknown>;
  const row: Record<string, unknown> = { idx };
  for (const [column, field, codec] of columns) {
    const v = x[field];
    row[column] = codec === 'value' ? (v ?? null) : codec === 'bool' ? bool(v as boolean | undefined) : codec === 'json' ? JSON.stringify(v ?? null) : JSON.stringify(v ?? []);
  }
  return row;
}

/** An item read back from its row (the inverse of toRow; columns not in the list are left out). */
export function fromRow(row: Record<string, unknown>, columns: Columns): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, field, codec] of columns) {
    const v = row[column];
    out[field] = codec === 'value' ? (v ?? null) : codec === 'bool' ? Boolean(v) : v == null ? null : JSON.parse(String(v));
  }
  return out;
}

export function placeRows(a: Analysis) {
  // the places the JSON record lists (a state acting as an organisation is an actor: publishedPlaces);
  // five candidates are kept, as the resolver gives
  return publishedPlaces(a.places, a.document.text).map((p, idx) => toRow(idx, { ...p, candidates: (p.candidates ?? []).slice(0, 5) }, PLACE_COLUMNS));
}

export function actorRows(a: Analysis) {
  return a.actors.map((x, idx) => toRow(idx, x, ACTOR_COLUMNS));
}

export function statementRows(a: Analysis) {
  return a.statements.map((s, idx) => ({
    ...toRow(idx, s, STATEMENT_COLUMNS),
    // the speaker's name and id apart, for filters
    speaker_name: s.speaker?.name ?? null,
    speaker_id: s.speaker?.actorId ?? null,
  }));
}

export function claimRows(a: Analysis) {
  const d = a.document;
  return a.claims.map((c, idx) => {
    const place = placeOfClaim(a, c);
    const text = d.text.slice(c.start, c.end);
    const search = [text, c.who, c.source?.name, c.place?.name, c.place?.text].filter(Boolean).join(' \u0001 ').toLowerCase();
    return {
      idx,
      start: c.start,
      end: c.end,
      text,
      quantity: JSON.stringify(c.quantity),
      value_min: c.value.min,
      value_max: c.value.max,
      approx: bool(c.value.approx),
      category: c.category,
      who: c.who,
      source_name: c.source?.name ?? null,
      source_id: c.source?.actorId ?? null,
      source: json(c.source ?? null),
      hedged: bool(c.hedged),
      place_name: c.place?.name ?? null,
      place_geoname_id: c.place?.geonameId ?? null,
      place: json(c.place ?? null),
      lat: place?.lat ?? null,
      lon: place?.lon ?? null,
      country: place?.country ?? null,
      precision: place?.precision ?? null,
      date: c.date,
      date_until: c.dateUntil ?? null,
      day: c.date ?? a.referenceDate ?? d.published ?? null,
      sentence: c.sentence,
      search,
      evidence: JSON.stringify(c.evidence ?? []),
    };
  });
}

export function eventRows(a: Analysis) {
  const d = a.document;
  return a.events.map((e, idx) => ({
    idx,
    start: e.start,
    end: e.end,
    type: e.type,
    subtype: e.subtype,
    actor1: json(e.actor1 ?? null),
    actor2: json(e.actor2 ?? null),
    place_name: e.place?.name ?? null,
    place: json(e.place ?? null),
    lat: e.place?.lat ?? null,
    lon: e.place?.lon ?? null,
    date: e.date ?? null,
    day: e.date ?? a.referenceDate ?? d.published ?? null,
    time_precision: e.timePrecision ?? null,
    claims: JSON.stringify(e.claims ?? []),
    fatalities: e.fatalities ?? null,
    origin: json(e.origin ?? null),
    destination: json(e.destination ?? null),
    sources: JSON.stringify(e.sources ?? []),
    evidence: JSON.stringify(e.evidence ?? []),
  }));
}

export function framingRows(a: Analysis) {
  return a.framing.map((f, idx) => toRow(idx, f, FRAMING_COLUMNS));
}

export function dateRows(a: Analysis) {
  return a.dates.map((x, idx) => toRow(idx, x, DATE_COLUMNS));
}
