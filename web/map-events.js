// The map's event layer: one diamond per event type at each place (sized by how many, set in a small
// ring around the place when it has several types), clustered where they overlap once there are many;
// movements as curved lines from origin to destination with an arrowhead, one per origin→destination
// pair (thicker with their number). Diamonds and arrowheads are buttons that open the event's article.
import { arc, eventColor, eventGroups, eventTip, groupTip, movePairs } from './map-data.js';

let NodeIcon;
/** A Leaflet DivIcon built from DOM nodes (never HTML strings), with attributes on its element. */
export function iconOf(L, { className, size, anchor, attrs = {}, build }) {
  NodeIcon ??= L.DivIcon.extend({
    createIcon() {
      const div = document.createElement('div');
      for (const [k, v] of Object.entries(this.options.attrs)) if (v != null) div.setAttribute(k, String(v));
      this.options.build?.(div);
      this._setIconStyles(div, 'icon');
      return div;
    },
  });
  return new NodeIcon({ className, iconSize: size, iconAnchor: anchor, attrs, build });
}

/** Space on a cluster zooms into it as Enter does (markercluster only listens to Enter). */
export function spaceZooms(group) {
  group.on('clusterkeydown', (e) => {
    if (e.originalEvent.key === ' ') {
      e.originalEvent.preventDefault();
      e.layer.zoomToBounds();
    }
  });
  return group;
}

/** More event markers than this are clustered. */
const CLUSTER_FROM = 60;

export class EventLayer {
  constructor(L, map, { onEvent }) {
    this.L = L;
    this.map = map;
    this.onEvent = onEvent;
    this.lines = L.layerGroup().addTo(map);
    this.heads = L.layerGroup().addTo(map);
    this.plain = L.layerGroup().addTo(map);
    this.clustered = spaceZooms(L.markerClusterGroup({
      maxClusterRadius: 36,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      animate: false,
      iconCreateFunction: (c) => this.clusterIcon(c),
    })).addTo(map);
  }

  /** Draws these events (none: clears the layer). */
  render(events) {
    this.lines.clearLayers();
    this.heads.clearLayers();
    this.plain.clearLayers();
    this.clustered.clearLayers();
    if (!events.length) return;
    for (const list of movePairs(events)) this.drawMove(list);
    const markers = [];
    for (const { place, groups } of eventGroups(events)) {
      groups.forEach((list, i) => markers.push(this.eventMarker(place, list, i, groups.length)));
    }
    if (markers.length > CLUSTER_FROM) this.clustered.addLayers(markers);
    else for (const m of markers) this.plain.addLayer(m);
  }

  /** A button that calls open on click, Enter or Space. */
  button(m, open) {
    m.on('click', open);
    m.on('keydown', (e) => {
      if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
        e.originalEvent.preventDefault();
        open();
      }
    });
    return m;
  }

  eventMarker(place, list, i, n) {
    const type = list[0].type;
    const half = Math.round(Math.min(14, 5.5 + 2 * Math.sqrt(list.length - 1)));
    const ring = n > 1 ? 9 + n * 2 : 0;
    const ang = (2 * Math.PI * i) / n - Math.PI / 2;
    const box = 2 * half + 2;
    const tip = list.length === 1 ? eventTip(list[0]) : groupTip(list);
    const icon = iconOf(this.L, {
      className: 'event-marker',
      size: [box, box],
      anchor: [box / 2 - Math.cos(ang) * ring, box / 2 - Math.sin(ang) * ring],
      attrs: { 'data-testid': 'event-marker', 'data-type': type, 'data-count': list.length, 'aria-label': `${tip.split('\n')[0]}${list.length === 1 ? ` at ${place.name}` : ''}. Enter opens the article` },
      build: (div) => {
        const d = document.createElement('span');
        d.className = 'diamond';
        d.style.background = eventColor(type);
        div.append(d);
      },
    });
    const m = this.L.marker([place.lat, place.lon], { icon, title: tip, keyboard: true, zIndexOffset: 2000, events: list });
    return this.button(m, () => this.onEvent(list[0]));
  }

  drawMove(list) {
    const L = this.L;
    const e = list[0];
    const a = e.origin, b = e.destination;
    const { points, angle } = arc(a, b);
    const weight = list.length > 1 ? Math.min(9, 2.5 + 1.5 * Math.log2(list.length)) : 2.5;
    const open = () => this.onEvent(e);
    const title = `${eventTip(e)}${list.length > 1 ? `\n…and ${list.length - 1} more movement(s) on this way` : ''}\nfrom ${a.name} to ${b.name}`;
    const line = L.polyline(points, { className: 'move-line', weight, interactive: true, bubblingMouseEvents: false }).addTo(this.lines);
    line.on('click', open);
    const svgTitle = document.createElementNS('http://www.w3.org/2000/svg', 'title');
    svgTitle.textContent = title;
    line.getElement()?.append(svgTitle);
    L.circleMarker(points[0], { className: 'move-origin', radius: 3, weight: 1.5, interactive: false }).addTo(this.lines);
    const size = 14 + Math.round(2 * Math.log2(list.length));
    const icon = iconOf(L, {
      className: 'move-arrow',
      size: [size, size],
      anchor: [size / 2, size / 2],
      attrs: { 'data-testid': 'move-arrow', 'data-from': a.name, 'data-to': b.name, 'data-count': list.length, 'aria-label': `Movement from ${a.name} to ${b.name}${list.length > 1 ? ` (${list.length})` : ''}: ${e.subtype}. Enter opens the article` },
      build: (div) => {
        const head = document.createElement('span');
        head.className = 'move-head';
        // the tip of the triangle on the destination
        head.style.transform = `rotate(${angle.toFixed(1)}deg) translateX(-${Math.round(size / 2.5)}px)`;
        div.append(head);
      },
    });
    this.heads.addLayer(this.button(L.marker(points[points.length - 1], { icon, title, keyboard: true, zIndexOffset: 3000 }), open));
  }

  /** A cluster of event markers: how many events, in the colour of the most frequent type. */
  clusterIcon(cluster) {
    const lists = cluster.getAllChildMarkers().map((m) => m.options.events);
    const byType = new Map();
    for (const list of lists) byType.set(list[0].type, (byType.get(list[0].type) ?? 0) + list.length);
    const total = [...byType.values()].reduce((s, k) => s + k, 0);
    const types = [...byType].sort((x, y) => y[1] - x[1]);
    const d = Math.round(22 + 6 * Math.log10(total));
    const text = `${total} events: ${types.map(([t, k]) => `${t} ${k}`).join(', ')}`;
    return iconOf(this.L, {
      className: 'event-cluster',
      size: [d, d],
      anchor: [d / 2, d / 2],
      attrs: { 'data-testid': 'event-cluster', 'data-count': total, title: `${text}\nclick to zoom in`, 'aria-label': `${text}. Enter zooms in` },
      build: (div) => {
        div.style.borderColor = eventColor(types[0][0]);
        const s = document.createElement('span');
        s.setAttribute('aria-hidden', 'true');
        s.textContent = String(total);
        div.append(s);
      },
    });
  }
}
