// The map: Natural Earth country shapes (world-atlas, decoded with topojson-client) drawn as SVG in
// Web Mercator, markers sized by claim count and styled by precision. Pan by dragging, zoom with the
// wheel or the buttons. An optional raster tile template ({z}/{x}/{y}) is drawn underneath when the
// server was given one; the default needs no network at all.
import { svg, PRECISION_TEXT } from './dom.js';

const TILE = 256;
/** Places drawn before markers that overlap on screen are clustered. */
const CLUSTER_FROM = 60;
/** Markers closer than this (screen pixels) join one cluster. */
const CLUSTER_PX = 26;

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
    let acc = 0, lo = sorted[0][key], hi = sorted[sorted.length - 1][key];
    for (const p of sorted) {
      acc += weight(p);
      if (acc >= total * 0.05) { lo = p[key]; break; }
    }
    acc = 0;
    for (const p of [...sorted].reverse()) {
      acc += weight(p);
      if (acc >= total * 0.05) { hi = p[key]; break; }
    }
    return [lo, hi];
  };
  const [lon0, lon1] = bounds('lon');
  const [lat0, lat1] = bounds('lat');
  const core = places.filter((p) => p.lon >= lon0 && p.lon <= lon1 && p.lat >= lat0 && p.lat <= lat1);
  return core.length ? core : places;
}

/** Greedy screen-space clustering: each place joins the first cluster within CLUSTER_PX, biggest places first. */
export function clusterPlaces(places, unit) {
  const sorted = [...places].sort((a, b) => b.claims - a.claims);
  const groups = [];
  for (const p of sorted) {
    const [x, y] = project(p.lon, p.lat);
    const g = groups.find((k) => Math.hypot(k.x - x, k.y - y) / unit < CLUSTER_PX);
    if (g) g.places.push(p);
    else groups.push({ x, y, places: [p] });
  }
  const singles = [];
  const clusters = [];
  for (const g of groups) {
    if (g.places.length === 1) singles.push(g.places[0]);
    else clusters.push({ center: [g.x, g.y], places: g.places, claims: g.places.reduce((n, p) => n + (p.claims ?? 0), 0) });
  }
  return { singles, clusters };
}
const MAX_LAT = 85.05112878;

/** lon/lat → world pixels at zoom 0 (0..256). */
export function project(lon, lat) {
  const la = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI / 180;
  return [((lon + 180) / 360) * TILE, ((1 - Math.log(Math.tan(la) + 1 / Math.cos(la)) / Math.PI) / 2) * TILE];
}

function ringPath(ring) {
  let d = '';
  let prevLon = null;
  for (let i = 0; i < ring.length; i++) {
    const [lon, lat] = ring[i];
    const [x, y] = project(lon, lat);
    // Break the line where it jumps across the antimeridian.
    d += (i === 0 || (prevLon != null && Math.abs(lon - prevLon) > 180) ? 'M' : 'L') + x.toFixed(3) + ' ' + y.toFixed(3);
    prevLon = lon;
  }
  return d + 'Z';
}

function geometryPath(g) {
  if (!g) return '';
  if (g.type === 'Polygon') return g.coordinates.map(ringPath).join('');
  if (g.type === 'MultiPolygon') return g.coordinates.map((p) => p.map(ringPath).join('')).join('');
  return '';
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

export class MapView {
  constructor(container, { tiles = null, onSelect = () => {}, onEvent = () => {} } = {}) {
    this.container = container;
    this.tiles = tiles;
    this.onSelect = onSelect;
    this.onEvent = onEvent;
    this.places = [];
    this.events = [];
    this.showEvents = false;
    this.selected = null;
    this.view = { x: 0, y: 0, w: TILE, h: TILE };
    this.root = svg('svg', { role: 'img', 'aria-label': 'Map of places with claims' });
    this.tileLayer = svg('g', { class: 'tiles' });
    this.landLayer = svg('g', { class: 'land-layer' });
    this.markerLayer = svg('g', { class: 'markers' });
    this.labelLayer = svg('g', { class: 'labels' });
    this.eventLayer = svg('g', { class: 'events', 'data-testid': 'event-layer' });
    this.root.append(this.tileLayer, this.landLayer, this.markerLayer, this.labelLayer, this.eventLayer);
    this.empty = document.createElement('div');
    this.empty.className = 'empty';
    container.append(this.root, this.empty);
    if (tiles) container.classList.add('tiled');
    this.bind();
    new ResizeObserver(() => this.render()).observe(container);
  }

  async loadBasemap(url = '/vendor/countries-50m.json') {
    const r = await fetch(url);
    const topo = await r.json();
    const fc = window.topojson.feature(topo, topo.objects.countries);
    const d = fc.features.map((f) => geometryPath(f.geometry)).join('');
    this.landLayer.replaceChildren(svg('path', { class: 'land', d }));
  }

  setPlaces(places, { fit = true } = {}) {
    this.places = places.filter((p) => p.lat != null && p.lon != null);
    const unplaced = places.length - this.places.length;
    this.empty.textContent = this.places.length ? (unplaced ? `${unplaced} place(s) without coordinates not shown` : '') : 'No places with coordinates for these filters';
    if (fit) this.fit();
    else this.render();
  }

  /** Events for the event layer (shown when showEvents is on). */
  setEvents(events, { show = this.showEvents } = {}) {
    this.events = events;
    this.showEvents = show;
    this.render();
  }

  fit() {
    // Fit the places with claims; all places when none has any; and the events when they are shown.
    const withClaims = this.places.filter((p) => p.claims > 0);
    const pts = coreOf(withClaims.length ? withClaims : this.places).map((p) => project(p.lon, p.lat));
    if (this.showEvents) for (const [lon, lat] of eventPoints(this.events)) pts.push(project(lon, lat));
    if (!pts.length) {
      // The Levant by default: the examples' region.
      const [x0, y0] = project(25, 42);
      const [x1, y1] = project(50, 25);
      this.setView(x0, y0, x1 - x0, y1 - y0);
      return;
    }
    this.fitPoints(pts, 1.4);
  }

  /** Fit the view to world points, never narrower than minSpan world units. */
  fitPoints(pts, minSpan) {
    let [minX, minY] = pts[0];
    let [maxX, maxY] = pts[0];
    for (const [x, y] of pts) {
      minX = Math.min(minX, x); maxX = Math.max(maxX, x);
      minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    const w = Math.max(maxX - minX, minSpan);
    const h = Math.max(maxY - minY, minSpan);
    const cx = (minX + maxX) / 2;
    const cy = (minY + maxY) / 2;
    this.setView(cx - w * 0.8, cy - h * 0.8, w * 1.6, h * 1.6);
  }

  setView(x, y, w, h) {
    const r = this.container.getBoundingClientRect();
    const aspect = r.width && r.height ? r.width / r.height : 1.5;
    if (w / h > aspect) {
      const nh = w / aspect;
      y -= (nh - h) / 2;
      h = nh;
    } else {
      const nw = h * aspect;
      x -= (nw - w) / 2;
      w = nw;
    }
    w = Math.min(Math.max(w, 0.02), TILE * 1.5);
    h = w / aspect;
    this.view = { x, y, w, h };
    this.render();
  }

  zoom(factor, cx = this.view.x + this.view.w / 2, cy = this.view.y + this.view.h / 2) {
    const { x, y, w, h } = this.view;
    const nw = w / factor;
    const nh = h / factor;
    this.setView(cx - ((cx - x) / w) * nw, cy - ((cy - y) / h) * nh, nw, nh);
  }

  /** Screen pixels → world units at the current view. */
  unit() {
    const r = this.container.getBoundingClientRect();
    return r.width ? this.view.w / r.width : 1;
  }

  render() {
    const { x, y, w, h } = this.view;
    this.root.setAttribute('viewBox', `${x} ${y} ${w} ${h}`);
    const u = this.unit();
    const markers = [];
    const labels = [];
    const max = Math.max(1, ...this.places.map((p) => p.claims));
    // Many places: those whose markers would overlap on screen are drawn as one cluster (click to zoom in).
    const { singles, clusters } = this.places.length > CLUSTER_FROM ? clusterPlaces(this.places, u) : { singles: this.places, clusters: [] };
    for (const k of clusters) {
      const [px, py] = k.center;
      const r = 9 + 14 * Math.sqrt(k.claims / Math.max(max, k.claims));
      const g = svg('g', { class: 'cluster', 'data-testid': 'cluster', 'data-places': k.places.length, 'data-claims': k.claims, tabindex: 0, role: 'button', 'aria-label': `${k.places.length} places, ${k.claims} claims: zoom in` });
      g.append(svg('circle', { cx: px, cy: py, r: r * u }));
      const t = svg('text', { x: px, y: py + 4 * u, 'font-size': 11 * u, 'text-anchor': 'middle' });
      t.textContent = String(k.places.length);
      const title = svg('title');
      title.textContent = `${k.places.length} places, ${k.claims} claim(s): ${k.places.slice(0, 6).map((p) => p.name).join(', ')}${k.places.length > 6 ? '…' : ''}\nclick to zoom in`;
      g.append(t, title);
      const zoomIn = (e) => {
        e.stopPropagation();
        this.fitPoints(k.places.map((p) => project(p.lon, p.lat)), 0.2);
      };
      g.addEventListener('click', zoomIn);
      g.addEventListener('keydown', (e) => e.key === 'Enter' && zoomIn(e));
      markers.push(g);
    }
    // Big markers first so that small ones stay clickable on top.
    const sorted = [...singles].sort((a, b) => b.claims - a.claims);
    for (const p of sorted) {
      const [px, py] = project(p.lon, p.lat);
      const r = (p.claims ? 5 + 17 * Math.sqrt(p.claims / max) : 4) * (p.precision === 3 ? 1.25 : 1);
      const c = svg('circle', {
        cx: px, cy: py, r: r * u,
        class: `marker p${p.precision ?? 3}${p.claims ? '' : ' nocl'}${this.selected === p.key ? ' selected' : ''}`,
        'data-testid': 'marker',
        'data-place': p.name,
        'data-claims': p.claims,
        tabindex: 0,
      });
      const title = svg('title');
      const cats = Object.entries(p.categories ?? {}).map(([k, n]) => `${k} ${n}`).join(', ');
      title.textContent = `${p.name}${p.country ? ` (${p.country})` : ''}\n${p.claims} claim(s)${cats ? ': ' + cats : ''}\n${p.mentions} mention(s) in ${p.documents} document(s)\n${PRECISION_TEXT[p.precision] ?? ''}`;
      c.append(title);
      c.addEventListener('click', (e) => {
        e.stopPropagation();
        this.onSelect(p);
      });
      c.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.onSelect(p);
      });
      markers.push(c);
      if (p.claims) {
        const t = svg('text', { x: px + (r + 3) * u, y: py + 4 * u, class: 'label', 'font-size': 11 * u, 'stroke-width': 3 * u });
        t.textContent = p.name;
        labels.push(t);
      }
    }
    this.markerLayer.replaceChildren(...markers);
    this.labelLayer.replaceChildren(...labels.slice(0, 40));
    this.renderEvents(u);
    if (this.tiles) this.renderTiles();
  }

  /** Movements as curved arrows from origin to destination, then a diamond per event at its place. */
  renderEvents(u) {
    this.container.classList.toggle('with-events', this.showEvents);
    if (!this.showEvents) {
      this.eventLayer.replaceChildren();
      return;
    }
    const out = [];
    // movements between the same two places are one arrow, thicker with their number
    const pairs = new Map();
    for (const e of this.events) {
      const a = e.origin, b = e.destination;
      if (a?.lat == null || a?.lon == null || b?.lat == null || b?.lon == null) continue;
      const k = `${a.lat},${a.lon}>${b.lat},${b.lon}`;
      if (!pairs.has(k)) pairs.set(k, []);
      pairs.get(k).push(e);
    }
    for (const list of pairs.values()) {
      const e = list[0];
      const a = e.origin, b = e.destination;
      const [x0, y0] = project(a.lon, a.lat);
      const [x1, y1] = project(b.lon, b.lat);
      const len = Math.hypot(x1 - x0, y1 - y0);
      if (len < 3 * u) continue;
      // bend to the left of the direction, so that a return trip does not hide the way out
      const cx = (x0 + x1) / 2 - ((y1 - y0) / len) * len * 0.18;
      const cy = (y0 + y1) / 2 + ((x1 - x0) / len) * len * 0.18;
      const head = (10 + 2 * Math.log2(list.length)) * u;
      const tx = x1 - cx, ty = y1 - cy;
      const tl = Math.hypot(tx, ty) || 1;
      const ux = tx / tl, uy = ty / tl;
      const g = svg('g', { class: 'move', 'data-testid': 'move-arrow', 'data-from': a.name, 'data-to': b.name, 'data-count': list.length, tabindex: 0 });
      const line = svg('path', { d: `M${x0} ${y0}Q${cx} ${cy} ${x1 - ux * head * 0.8} ${y1 - uy * head * 0.8}`, class: 'move-line' });
      if (list.length > 1) line.style.strokeWidth = `${Math.min(9, 2.5 + 1.5 * Math.log2(list.length))}px`;
      g.append(
        line,
        svg('path', { d: `M${x1} ${y1}L${x1 - ux * head - uy * head * 0.5} ${y1 - uy * head + ux * head * 0.5}L${x1 - ux * head + uy * head * 0.5} ${y1 - uy * head - ux * head * 0.5}Z`, class: 'move-head' }),
        svg('circle', { cx: x0, cy: y0, r: 3 * u, class: 'move-origin' }),
      );
      const t = svg('title');
      t.textContent = `${eventTip(e)}${list.length > 1 ? `\n…and ${list.length - 1} more movement(s) on this way` : ''}
from ${a.name} to ${b.name}`;
      g.append(t);
      const open = (ev) => {
        ev.stopPropagation();
        this.onEvent(e);
      };
      g.addEventListener('click', open);
      g.addEventListener('keydown', (ev) => ev.key === 'Enter' && open(ev));
      out.push(g);
    }
    // one diamond per event type at each place (sized by how many), set in a small ring around the place
    // with many events, places whose rings would overlap on screen share one (cells of CLUSTER_PX)
    const byPlace = new Map();
    const cell = this.events.length > CLUSTER_FROM ? CLUSTER_PX * u : 0;
    for (const e of this.events) {
      if (e.place?.lat == null || e.place?.lon == null) continue;
      let k = `${e.place.lat},${e.place.lon}`;
      if (cell) {
        const [px, py] = project(e.place.lon, e.place.lat);
        k = `${Math.floor(px / cell)},${Math.floor(py / cell)}`;
      }
      if (!byPlace.has(k)) byPlace.set(k, new Map());
      const types = byPlace.get(k);
      if (!types.has(e.type)) types.set(e.type, []);
      types.get(e.type).push(e);
    }
    for (const types of byPlace.values()) {
      const groups = [...types.values()].sort((a, b) => typeOrder(a[0].type) - typeOrder(b[0].type));
      const first = groups[0][0];
      const [px, py] = project(first.place.lon, first.place.lat);
      const ring = groups.length > 1 ? (9 + groups.length * 2) * u : 0;
      groups.forEach((list, i) => {
        const ang = (2 * Math.PI * i) / groups.length - Math.PI / 2;
        const x = px + Math.cos(ang) * ring, y = py + Math.sin(ang) * ring;
        const s = Math.min(14, 5.5 + 2 * Math.sqrt(list.length - 1)) * u;
        const d = svg('path', {
          d: `M${x} ${y - s}L${x + s} ${y}L${x} ${y + s}L${x - s} ${y}Z`,
          class: 'event-marker',
          fill: eventColor(list[0].type),
          'data-testid': 'event-marker',
          'data-type': list[0].type,
          'data-count': list.length,
          tabindex: 0,
        });
        const t = svg('title');
        t.textContent = list.length === 1 ? eventTip(list[0]) : groupTip(list);
        d.append(t);
        const open = () => this.onEvent(list[0]);
        d.addEventListener('click', (ev) => {
          ev.stopPropagation();
          open();
        });
        d.addEventListener('keydown', (ev) => {
          if (ev.key === 'Enter') open();
        });
        out.push(d);
      });
    }
    this.eventLayer.replaceChildren(...out);
  }

  renderTiles() {
    const r = this.container.getBoundingClientRect();
    if (!r.width) return;
    const z = Math.max(0, Math.min(18, Math.round(Math.log2((r.width / this.view.w) * 1))));
    const n = 2 ** z;
    const size = TILE / n;
    const { x, y, w, h } = this.view;
    const imgs = [];
    for (let tx = Math.floor(x / size); tx <= Math.floor((x + w) / size); tx++) {
      for (let ty = Math.max(0, Math.floor(y / size)); ty <= Math.min(n - 1, Math.floor((y + h) / size)); ty++) {
        const wx = ((tx % n) + n) % n;
        const href = this.tiles.replace('{z}', z).replace('{x}', wx).replace('{y}', ty);
        imgs.push(svg('image', { href, x: tx * size, y: ty * size, width: size, height: size, preserveAspectRatio: 'none' }));
      }
    }
    this.tileLayer.replaceChildren(...imgs.slice(0, 200));
  }

  bind() {
    let drag = null;
    this.container.addEventListener('pointerdown', (e) => {
      if (e.target.classList?.contains('marker') || e.target.closest?.('.events')) return;
      drag = { sx: e.clientX, sy: e.clientY, view: { ...this.view } };
      this.container.setPointerCapture(e.pointerId);
      this.container.classList.add('dragging');
    });
    this.container.addEventListener('pointermove', (e) => {
      if (!drag) return;
      const u = this.unit();
      this.view = { ...drag.view, x: drag.view.x - (e.clientX - drag.sx) * u, y: drag.view.y - (e.clientY - drag.sy) * u };
      this.render();
    });
    const end = () => {
      drag = null;
      this.container.classList.remove('dragging');
    };
    this.container.addEventListener('pointerup', end);
    this.container.addEventListener('pointercancel', end);
    this.container.addEventListener(
      'wheel',
      (e) => {
        e.preventDefault();
        const r = this.container.getBoundingClientRect();
        const u = this.unit();
        const cx = this.view.x + (e.clientX - r.left) * u;
        const cy = this.view.y + (e.clientY - r.top) * u;
        this.zoom(e.deltaY < 0 ? 1.25 : 0.8, cx, cy);
      },
      { passive: false },
    );
  }
}
