// What the map draws, computed without a browser or Leaflet (so node tests can import it): the extent
// a first view shows, marker sizes and tooltips, event groups and the curved origin→destination
// arrows of movements, in Web Mercator.
import { PRECISION_TEXT } from './dom.js';

const TILE = 256;
const MAX_LAT = 85.05112878;

/** lon/lat → world pixels at zoom 0 (0..256), Web Mercator as Leaflet's EPSG:3857. */
export function project(lon, lat) {
  const la = (Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180;
  return [((lon + 180) / 360) * TILE, ((1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2) * TILE];
}

/** world pixels at zoom 0 → [lon, lat] (the inverse of project). */
export function unproject(x, y) {
  const lon = (x / TILE) * 360 - 180;
  const n = Math.PI - (2 * Math.PI * y) / TILE;
  return [lon, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}

/**
 * A ring with its longitudes made continuous: world-atlas cuts nothing at the antimeridian (its shapes
 * are for spherical projections), so a ring that crosses it (Chukotka, Fiji) jumps by 360° and a flat
 * map would draw a band across the world. A ring around a pole (Antarctica) is left as it is.
 */
export function unwrapRing(ring) {
  let offset = 0;
  let prev = null;
  const out = ring.map(([lon, lat]) => {
    if (prev != null && lon - prev > 180) offset -= 360;
    else if (prev != null && prev - lon > 180) offset += 360;
    prev = lon;
    return [lon + offset, lat];
  });
  return offset === 0 ? out : ring;
}

/** A GeoJSON Polygon or MultiPolygon with its rings unwrapped (see unwrapRing). */
export function unwrapGeometry(g) {
  if (g?.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g?.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

/**
 * The places a first view should show: with many places, those inside the box that holds the middle
 * 90% of claims on each axis, so that a few far-away mentions (a capital abroad) do not zoom the map
 * out to the whole world.
 */
export function coreOf(places) {
  if (places.length <= 20) return places;
  const weight = (p) => Math.max(1, p.claims ?? 0);
  const total = places.reduce((n, p) => n + weight(p), 0);
  const bounds = (key) => {
    const sorted = [...places].sort((a, b) => a[key] - b[key]);
    const edge = (list) => {
      let acc = 0;
      for (const p of list) {
        acc += weight(p);
        if (acc >= total * 0.05) return p[key];
      }
      return list[list.length - 1][key];
    };
    return [edge(sorted), edge([...sorted].reverse())];
  };
  const [lon0, lon1] = bounds('lon');
  const [lat0, lat1] = bounds('lat');
  const core = places.filter((p) => p.lon >= lon0 && p.lon <= lon1 && p.lat >= lat0 && p.lat <= lat1);
  return core.length ? core : places;
}

/**
 * The box [[south, west], [north, east]] a first view fits: the core of the places with claims (all
 * places when none has any), and the core of the events' points when they are shown (a few events
 * reported abroad do not zoom out to the world either); at least minSpan degrees wide and high. null
 * when there is nothing to show.
 */
export function extentOf(places, eventPts = [], minSpan = 2) {
  const withClaims = places.filter((p) => p.claims > 0);
  const pts = coreOf(withClaims.length ? withClaims : places).map((p) => [p.lon, p.lat]);
  pts.push(...coreOf(eventPts.map(([lon, lat]) => ({ lon, lat, claims: 1 }))).map((p) => [p.lon, p.lat]));
  if (!pts.length) return null;
  let [w, s] = pts[0];
  let [e, n] = pts[0];
  for (const [lon, lat] of pts) {
    w = Math.min(w, lon); e = Math.max(e, lon);
    s = Math.min(s, lat); n = Math.max(n, lat);
  }
  const grow = (lo, hi) => {
    const pad = Math.max(0, minSpan - (hi - lo)) / 2;
    return [lo - pad, hi + pad];
  };
  [w, e] = grow(w, e);
  [s, n] = grow(s, n);
  return [[Math.max(-MAX_LAT, s), w], [Math.min(MAX_LAT, n), e]];
}

/** A place marker's radius in pixels: by claims (relative to the most), bigger when it only names a region. */
export function markerRadius(p, max) {
  return (p.claims ? 5 + 17 * Math.sqrt(p.claims / Math.max(1, max)) : 4) * (p.precision === 3 ? 1.25 : 1);
}

/** A place marker's tooltip: name, country, claims by category, mentions and precision. */
export function placeTip(p) {
  const cats = Object.entries(p.categories ?? {}).map(([k, n]) => `${k} ${n}`).join(', ');
  return `${p.name}${p.country ? ` (${p.country})` : ''}\n${p.claims} claim(s)${cats ? ': ' + cats : ''}\n${p.mentions ?? 0} mention(s) in ${p.documents ?? 0} document(s)\n${PRECISION_TEXT[p.precision] ?? ''}`;
}

/** What a screen reader says for a place marker. */
export function placeLabel(p) {
  return `${p.name}${p.country ? `, ${p.country}` : ''}: ${p.claims} claim(s), precision ${p.precision ?? 3}. Enter filters the claims by this place`;
}

export const EVENT_COLORS = {
  Battles: '#d7301f',
  'Explosions/Remote violence': '#f08c00',
  'Violence against civilians': '#7a0177',
  Protests: '#1d91c0',
  Riots: '#238b45',
  'Strategic developments': '#636363',
  Movements: '#2166ac',
};
export const eventColor = (type) => EVENT_COLORS[type] ?? '#999';

const actorName = (a) => (a && typeof a === 'object' ? a.name ?? a.id : a) ?? null;

/** The tooltip of an event: type and sub-type, actors, day, fatalities, place, outlet. */
export function eventTip(e) {
  const actors = [actorName(e.actor1), actorName(e.actor2)].filter(Boolean);
  const lines = [
    `${e.type} — ${e.subtype}`,
    actors.length ? `actors: ${actors.join(' vs ')}` : 'actors: not named',
    `day: ${e.date ?? e.day ?? 'unknown'}${e.date ? '' : ' (article date)'}`,
    e.fatalities != null ? `fatalities: ${Number(e.fatalities).toLocaleString('en-US')}` : null,
    e.place ? `place: ${e.place.name}${e.place.precision ? ` (precision ${e.place.precision})` : ''}` : null,
    e.outlet ? `reported by ${e.outlet}` : null,
  ];
  return lines.filter(Boolean).join('\n');
}

const typeOrder = (t) => {
  const i = Object.keys(EVENT_COLORS).indexOf(t);
  return i < 0 ? 99 : i;
};

/** The tooltip of several events of one type at one place: counts, days, fatalities, the first few. */
export function groupTip(list) {
  const days = list.map((e) => e.date ?? e.day).filter(Boolean).sort();
  const subtypes = new Map();
  for (const e of list) subtypes.set(e.subtype, (subtypes.get(e.subtype) ?? 0) + 1);
  const fat = list.reduce((n, e) => n + (e.fatalities ?? 0), 0);
  const lines = [
    `${list.length} events at ${list[0].place?.name ?? '?'}: ${list[0].type}`,
    [...subtypes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', '),
    days.length ? `days ${days[0]}${days[days.length - 1] !== days[0] ? ` to ${days[days.length - 1]}` : ''}` : null,
    fat ? `fatalities reported (sum over the events, may count one toll twice): ${fat.toLocaleString('en-US')}` : null,
  ];
  for (const e of list.slice(0, 6)) {
    const actors = [actorName(e.actor1), actorName(e.actor2)].filter(Boolean).join(' vs ');
    lines.push(`• ${e.date ?? e.day ?? '?'} ${e.subtype}${actors ? ` — ${actors}` : ''}${e.fatalities != null ? ` — ${e.fatalities} killed` : ''}${e.outlet ? ` (${e.outlet})` : ''}`);
  }
  if (list.length > 6) lines.push(`… and ${list.length - 6} more`);
  return lines.filter(Boolean).join('\n');
}

/** Every coordinate an event layer draws (places, origins, destinations). */
export function eventPoints(events) {
  const pts = [];
  for (const e of events) {
    for (const p of [e.place, e.origin, e.destination]) if (p?.lat != null && p?.lon != null) pts.push([p.lon, p.lat]);
  }
  return pts;
}

/**
 * The placed events grouped by place, then by type (in the legend's order): [{ place, groups: [[event…]…] }].
 */
export function eventGroups(events) {
  const byPlace = new Map();
  for (const e of events) {
    if (e.place?.lat == null || e.place?.lon == null) continue;
    const k = `${e.place.lat},${e.place.lon}`;
    if (!byPlace.has(k)) byPlace.set(k, { place: e.place, types: new Map() });
    const types = byPlace.get(k).types;
    if (!types.has(e.type)) types.set(e.type, []);
    types.get(e.type).push(e);
  }
  return [...byPlace.values()].map(({ place, types }) => ({ place, groups: [...types.values()].sort((a, b) => typeOrder(a[0].type) - typeOrder(b[0].type)) }));
}

/** Movements with both ends placed, one list per origin→destination pair. */
export function movePairs(events) {
  const pairs = new Map();
  for (const e of events) {
    const a = e.origin, b = e.destination;
    if (a?.lat == null || a?.lon == null || b?.lat == null || b?.lon == null) continue;
    if (a.lat === b.lat && a.lon === b.lon) continue;
    const k = `${a.lat},${a.lon}>${b.lat},${b.lon}`;
    if (!pairs.has(k)) pairs.set(k, []);
    pairs.get(k).push(e);
  }
  return [...pairs.values()];
}

/**
 * The curve of a movement: a quadratic arc bent to the left of its direction (so that a return trip
 * does not hide the way out), as [lat, lon] points, and the direction it arrives in (degrees
 * clockwise from east on screen).
 */
export function arc(a, b, steps = 24) {
  const [x0, y0] = project(a.lon, a.lat);
  const [x1, y1] = project(b.lon, b.lat);
  const len = Math.hypot(x1 - x0, y1 - y0) || 1e-9;
  const cx = (x0 + x1) / 2 - (y1 - y0) * 0.18;
  const cy = (y0 + y1) / 2 + (x1 - x0) * 0.18;
  const points = [];
  for (let i = 0; i <= steps; i++) {
    const t = i / steps;
    const x = (1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1;
    const y = (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1;
    const [lon, lat] = unproject(x, y);
    points.push([lat, lon]);
  }
  return { points, angle: (Math.atan2(y1 - cy, x1 - cx) * 180) / Math.PI, length: len };
}
