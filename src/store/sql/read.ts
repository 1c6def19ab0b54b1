// Rows read from either database, turned into the records the Store contract returns. Each mapping
// is written once; the JSON columns are JSON text in both databases.
import type { ClaimRow, DocumentSummary, EventRow } from '../store.js';

type Row = Record<string, unknown>;

export const parseJson = <T = unknown>(s: unknown): T => (s == null ? (null as T) : (JSON.parse(String(s)) as T));
const str = (v: unknown) => (v == null ? null : (v as string));
const num = (v: unknown) => (v == null ? null : Number(v));
/** The reviewed column (NULL: no analyst has acted) as the wire's status. */
export const reviewedOf = (v: unknown): ClaimRow['reviewed'] => (v == null ? 'pending' : (v as ClaimRow['reviewed']));

export function docSummary(r: Row): DocumentSummary {
  return {
    id: r.id as string,
    key: Number(r.key),
    hash: r.hash as string,
    title: str(r.title),
    outlet: str(r.outlet),
    published: str(r.published),
    url: str(r.url),
    referenceDate: str(r.reference_date),
    lang: str(r.lang),
    ingestedAt: r.ingested_at as string,
    chars: Number(r.chars),
    counts: {
      claims: num(r.n_claims) ?? 0,
      places: num(r.n_places) ?? 0,
      actors: num(r.n_actors) ?? 0,
      statements: num(r.n_statements) ?? 0,
      events: num(r.n_events) ?? 0,
      framing: num(r.n_framing) ?? 0,
      errors: r.errors ? parseJson<unknown[]>(r.errors).length : 0,
    },
  };
}

/** A claim row (claims c with doc_id, outlet, title, published of its document). */
export function claimRow(c: Row): ClaimRow {
  const place = parseJson<ClaimRow['place']>(c.place);
  const source = parseJson<Row | null>(c.source);
  return {
    id: `${c.doc_id}#${c.idx}`,
    documentId: c.doc_id as string,
    index: c.idx as number,
    start: c.start as number,
    end: c.end as number,
    text: c.text as string,
    quantity: parseJson(c.quantity),
    value: { min: num(c.value_min), max: num(c.value_max), approx: Boolean(c.approx) },
    category: c.category as string,
    who: c.who as string,
    source: source
      ? {
          name: source.name as string,
          id: (source.actorId as string) ?? null,
          kind: (source.kind as string) ?? null,
          start: (source.start as number) ?? null,
          end: (source.end as number) ?? null,
          via: source.via ?? null,
        }
      : null,
    hedged: Boolean(c.hedged),
    place: place
      ? {
          name: place.name,
          text: place.text,
          geonameId: place.geonameId ?? null,
          qualifier: place.qualifier ?? null,
          start: place.start,
          end: place.end,
          lat: num(c.lat),
          lon: num(c.lon),
          country: str(c.country),
          precision: num(c.precision),
        }
      : null,
    date: str(c.date),
    dateUntil: str(c.date_until),
    day: str(c.day),
    sentence: c.sentence as number,
    evidence: parseJson(c.evidence),
    outlet: str(c.outlet),
    title: str(c.title),
    published: str(c.published),
    reviewed: reviewedOf(c.reviewed),
  };
}

/** An event row (events e with doc_id and outlet of its document). */
export function eventRow(e: Row): EventRow {
  return {
    id: `${e.doc_id}#${e.idx}`,
    documentId: e.doc_id as string,
    index: e.idx as number,
    start: e.start as number,
    end: e.end as number,
    type: e.type as string,
    subtype: e.subtype as string,
    actor1: parseJson(e.actor1),
    actor2: parseJson(e.actor2),
    place: parseJson(e.place),
    date: str(e.date),
    day: str(e.day),
    timePrecision: num(e.time_precision),
    claims: parseJson(e.claims),
    fatalities: num(e.fatalities),
    origin: parseJson(e.origin),
    destination: parseJson(e.destination),
    sources: parseJson(e.sources),
    evidence: parseJson(e.evidence),
    outlet: str(e.outlet),
    reviewed: reviewedOf(e.reviewed),
  };
}
