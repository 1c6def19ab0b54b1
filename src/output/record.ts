// The machine-readable record of one analysis: the fields ../shared/eval/CONTRACT.md requires
// (id; claims with start/end/value/category/source/date; places; actors; statements) and more
// (evidence, hedging, counted group, precision codes, events, framing).
import type { Analysis } from '../core/types.js';
import { publishedPlaces } from '../stages/places/published.js';

const r2 = (x: number | null | undefined) => (x == null ? null : Math.round(x * 1e5) / 1e5);

export function toRecord(a: Analysis, opts: { timings?: boolean } = {}) {
  const d = a.document;
  const text = d.text;
  return {
    id: d.id,
    title: d.title ?? null,
    outlet: d.outlet ?? null,
    url: d.url ?? null,
    published: d.published ?? null,
    lang: a.lang,
    referenceDate: a.referenceDate,
    claims: a.claims.map((c) => ({
      start: c.start,
      end: c.end,
      text: text.slice(c.start, c.end),
      quantity: c.quantity,
      value: c.value,
      category: c.category,
      who: c.who,
      source: c.source ? { name: c.source.name, id: c.source.actorId ?? null, kind: c.source.kind ?? null, start: c.source.start ?? null, end: c.source.end ?? null, via: c.source.via ?? null } : null,
      hedged: c.hedged,
      place: c.place,
      date: c.date,
      dateUntil: c.dateUntil ?? null,
      evidence: c.evidence,
    })),
    // (a state acting as an organisation, "the Government of Iraq", is an actor: see publishedPlaces)
    places: publishedPlaces(a.places, text).map((p) => ({
      start: p.start,
      end: p.end,
      text: p.text,
      name: p.name,
      country: p.country,
      lat: r2(p.lat),
      lon: r2(p.lon),
      geonameId: p.geonameId,
      kind: p.kind,
      admin1: p.admin1 ?? null,
      precision: p.precision,
      qualifier: p.qualifier ?? null,
      parent: p.parent ?? null,
      candidates: p.candidates.slice(0, 5),
      evidence: p.evidence,
    })),
    actors: a.actors.map((x) => ({
      start: x.start,
      end: x.end,
      text: x.text,
      id: x.id,
      name: x.name,
      kind: x.kind,
      country: x.country ?? null,
      generic: x.generic ?? false,
      role: x.role ?? null,
      antecedent: x.antecedent ?? null,
      evidence: x.evidence,
    })),
    statements: a.statements.map((s) => ({
      start: s.start,
      end: s.end,
      direct: s.direct,
      verb: s.verb,
      cue: s.cue,
      speaker: s.speaker ? { name: s.speaker.name, id: s.speaker.actorId ?? null, start: s.speaker.start, end: s.speaker.end, via: s.speaker.via ?? null } : null,
      evidence: s.evidence,
    })),
    dates: a.dates.map((x) => ({ start: x.start, end: x.end, text: x.text, date: x.date, until: x.until ?? null, precision: x.precision, dateline: x.dateline ?? false, evidence: x.evidence })),
    events: a.events,
    framing: a.framing,
    errors: a.errors,
    ...(opts.timings ? { timings: a.timings } : {}),
  };
}

export type AnalysisRecord = ReturnType<typeof toRecord>;
