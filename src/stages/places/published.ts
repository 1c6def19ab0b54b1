// The places an article's record lists (publishedPlaces), apart from the stage that marks a state acting as
// an organisation (./state-actor.ts): every output of an analysis (sitrep analyze's records, the store's
// rows) calls it, and it needs nothing of the gazetteer, which a command's own thread must not load.
import type { Place } from '../../core/types.js';

/** The evidence rule of a state acting as an organisation ("the Government of Iraq", "Russia must"). */
export const STATE_RULE = 'places.state';

/** Is the place a state acting as an organisation rather than a place? */
export function isStateUse(p: Place): boolean {
  return p.evidence.some((e) => e.rule === STATE_RULE);
}

/**
 * The places an article's record lists, one record per place mention used as a place: a state acting as an
 * organisation is an actor, and a country after a comma that only says where the place before it is
 * ("Palmyra, Syria") is part of that place's mention. Either is kept as a record of its own
 * only when the article names that place nowhere else under that name (GUIDELINES: every distinct place named
 * has a record).
 */
export function publishedPlaces(places: readonly Place[], text: string): Place[] {
  const key = (p: Place) => p.text.toLowerCase();
  const absorbed = new Map<Place, Place>();
  const sorted = [...places].sort((x, y) => x.start - y.start);
  sorted.forEach((p, k) => {
    const host = k > 0 ? sorted[k - 1] : undefined;
    if (host && !isStateUse(host) && inApposition(host, p, text)) absorbed.set(p, host);
  });
  const secondary = (p: Place) => isStateUse(p) || absorbed.has(p);
  const named = new Set<string>();
  for (const p of places) if (!secondary(p)) named.add(key(p));
  // the first secondary mention of a place not otherwise named stays a record
  const first = new Set<Place>();
  const seen = new Set<string>();
  for (const p of places) {
    if (!secondary(p) || named.has(key(p)) || seen.has(key(p))) continue;
    seen.add(key(p));
    first.add(p);
  }
  // (the place a country in apposition qualifies keeps its own span: "Palmyra" of "Palmyra, Syria")
  const out = places.filter((p) => !secondary(p) || first.has(p));
  return out;
}

/** "Palmyra, Syria", "Urem al-Kubra, northern Syria": the second place, after a comma, is the country holding the first. */
function inApposition(a: Place, b: Place, text: string): boolean {
  const q = b.evidence.find((e) => e.rule === 'places.qualifier');
  const bStart = q?.span && q.span.start < b.start ? q.span.start : b.start;
  if (bStart <= a.end || !/^,\s*$/.test(text.slice(a.end, bStart))) return false;
  if (a.kind === 'country' || !a.country || a.country !== b.country) return false;
  // (a country only: a region's name is often part of a facility's elsewhere, "the University of Illinois")
  return b.kind === 'country';
}
