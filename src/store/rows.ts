// Turns an Analysis into flat rows, one object per table row, shared by every store implementation.
// Nested parts (evidence, candidates, via...) become JSON text; the columns that filters and indexes
// use are flat. Claims are denormalised with their place's coordinates and precision and the day
// they are filed under, so listing and mapping claims never needs a join on places.
import { createHash } from 'node:crypto';
import type { Analysis, Claim, Place } from '../core/types.js';

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

export function documentRow(a: Analysis, hash: string, id: string, now: string) {
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

export function analysisRow(a: Analysis, now: string) {
  return {
    errors: JSON.stringify(a.errors),
    timings: JSON.stringify(a.timings),
    n_claims: a.claims.length,
    n_places: a.places.length,
    n_actors: a.actors.length,
    n_statements: a.statements.length,
    n_events: a.events.length,
    n_framing: a.framing.length,
    n_sentences: a.sentences.length,
    analysed_at: now,
  };
}

export function placeRows(a: Analysis) {
  return a.places.map((p, idx) => ({
    idx,
    start: p.start,
    end: p.end,
    text: p.text,
    name: p.name,
    geoname_id: p.geonameId,
    country: p.country,
    lat: p.lat,
    lon: p.lon,
    kind: p.kind,
    admin1: p.admin1 ?? null,
    precision: p.precision,
    qualifier: p.qualifier ?? null,
    parent: json(p.parent ?? null),
    candidates: JSON.stringify((p.candidates ?? []).slice(0, 5)),
    evidence: JSON.stringify(p.evidence ?? []),
  }));
}

export function actorRows(a: Analysis) {
  return a.actors.map((x, idx) => ({
    idx,
    start: x.start,
    end: x.end,
    text: x.text,
    actor_id: x.id,
    name: x.name,
    kind: x.kind,
    country: x.country ?? null,
    generic: bool(x.generic),
    role: x.role ?? null,
    antecedent: json(x.antecedent ?? null),
    evidence: JSON.stringify(x.evidence ?? []),
  }));
}

export function statementRows(a: Analysis) {
  return a.statements.map((s, idx) => ({
    idx,
    start: s.start,
    end: s.end,
    direct: bool(s.direct),
    verb: s.verb,
    cue: JSON.stringify(s.cue),
    speaker_name: s.speaker?.name ?? null,
    speaker_id: s.speaker?.actorId ?? null,
    speaker: json(s.speaker ?? null),
    evidence: JSON.stringify(s.evidence ?? []),
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
  return a.framing.map((f, idx) => ({
    idx,
    start: f.start,
    end: f.end,
    text: f.text,
    category: f.category,
    target: f.target ?? null,
    neutral: f.neutral ?? null,
    evidence: JSON.stringify(f.evidence ?? []),
  }));
}

export function dateRows(a: Analysis) {
  return a.dates.map((x, idx) => ({
    idx,
    start: x.start,
    end: x.end,
    text: x.text,
    date: x.date,
    until: x.until ?? null,
    precision: x.precision,
    dateline: bool(x.dateline),
    evidence: JSON.stringify(x.evidence ?? []),
  }));
}
