// The map, on Leaflet (vendored, offline): Natural Earth country shapes from world-atlas (decoded with
// topojson-client) as a GeoJSON layer, no tiles unless the server was given a --tiles template;
// places as markers sized by claim count and styled by precision, clustered where they overlap
// (leaflet.markercluster); the first view fits the bulk of the claims. Markers and clusters are
// buttons: Tab reaches them, Enter selects a place or zooms into a cluster. The event layer is in
// map-events.js.
import { el } from './dom.js';
import { extentOf, eventPoints, markerRadius, placeLabel, placeTip, unwrapGeometry } from './map-data.js';
import { EventLayer, iconOf, spaceZooms } from './map-events.js';

export { project, coreOf, eventTip, groupTip, eventPoints, eventColor, EVENT_COLORS } from './map-data.js';

/** Place markers whose centres are closer than this (screen pixels) join one cluster. */
const CLUSTER_PX = 40;
/** Place names written beside their markers: the places with most claims, whose markers are not the smallest. */
const LABELS = 25;
const LABEL_MIN_R = 8;
/** The examples' region, shown when there is nothing to fit. */
const DEFAULT_BOUNDS = [[25, 25], [42, 50]];

export class MapView {
  constructor(container, { tiles = null, onSelect = () => {}, onEvent = () => {} } = {}) {
    const L = window.L;
    this.L = L;
    this.container = container;
    this.tiles = tiles;
    this.onSelect = onSelect;
    this.onEvent = onEvent;
    this.places = [];
    this.events = [];
    this.showEvents = false;
    this.selected = null;
    this.map = L.map(container, {
      zoomControl: false, // the panel's own +, − and fit buttons
      minZoom: 1,
      maxZoom: 12,
      zoomSnap: 0.25,
      zoomDelta: 0.5,
      wheelPxPerZoomLevel: 90,
      worldCopyJump: false,
      keyboard: true,
    });
    this.map.attributionControl.setPrefix('<a href="https://leafletjs.com" title="Leaflet, a JavaScript library for interactive maps">Leaflet</a>');
    this.map.createPane('land').style.zIndex = '250';
    if (tiles) {
      container.classList.add('tiled');
      let host = '';
      try {
        host = new URL(tiles.replace(/[{}]/g, '')).host;
      } catch {
        host = 'the --tiles server';
      }
      L.tileLayer(tiles, { maxZoom: 18, attribution: `tiles: ${host}` }).addTo(this.map);
    }
    this.placeLayer = spaceZooms(L.markerClusterGroup({
      maxClusterRadius: CLUSTER_PX,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: true,
      animate: false,
      iconCreateFunction: (c) => this.clusterIcon(c),
    })).addTo(this.map);
    this.eventLayer = new EventLayer(L, this.map, { onEvent: (e) => this.onEvent(e) });
    this.empty = el('div', { class: 'empty', 'aria-live': 'polite' });
    container.append(this.empty);
    // keyboard: a button before the map skips its markers; Tab meets the places with most claims first
    const skip = el('button', { type: 'button', class: 'skip-map' }, 'Skip the map');
    const after = el('span', { tabindex: '-1', class: 'map-end' });
    container.before(skip);
    container.after(after);
    skip.addEventListener('click', () => after.focus());
    this.map.on('moveend zoomend', () => this.sortTabOrder());
    this.map.fitBounds(DEFAULT_BOUNDS);
    new ResizeObserver(() => this.map.invalidateSize()).observe(container);
  }

  async loadBasemap(url = '/vendor/countries-50m.json') {
    const r = await fetch(url);
    const topo = await r.json();
    const fc = window.topojson.feature(topo, topo.objects.countries);
    for (const f of fc.features) f.geometry = unwrapGeometry(f.geometry);
    this.land = this.L.geoJSON(fc, {
      pane: 'land',
      interactive: false,
      style: { className: 'land', weight: 0.7, color: '#b9b5aa', fillColor: '#f1efe8', fillOpacity: 1 },
      attribution: 'Natural Earth',
    }).addTo(this.map);
  }

  setPlaces(places, { fit = true } = {}) {
    this.places = places.filter((p) => p.lat != null && p.lon != null);
    const unplaced = places.length - this.places.length;
    this.empty.textContent = this.places.length ? (unplaced ? `${unplaced} place(s) without coordinates not shown` : '') : 'No places with coordinates for these filters';
    this.render();
    if (fit) this.fit();
  }

  /** Events for the event layer (shown when showEvents is on). */
  setEvents(events, { show = this.showEvents } = {}) {
    this.events = events;
    this.showEvents = show;
    this.render();
  }

  /** Fit the bulk of the places with claims, and the events when they are shown. */
  fit() {
    const box = extentOf(this.places, this.showEvents ? eventPoints(this.events) : []);
    // more room at the bottom, where the attribution is
    this.map.fitBounds(box ?? DEFAULT_BOUNDS, { paddingTopLeft: [24, 24], paddingBottomRight: [24, 40], maxZoom: 10, animate: false });
  }

  zoom(factor) {
    // without animation, so that quick clicks add up
    this.map.setZoom(this.map.getZoom() + Math.log2(factor), { animate: false });
  }

  render() {
    this.renderPlaces();
    this.container.classList.toggle('with-events', this.showEvents);
    this.eventLayer.render(this.showEvents ? this.events : []);
    this.sortTabOrder();
  }

  /**
   * Puts the marker pane's buttons in order of claims, most first (places and clusters), then the
   * events, so that Tab meets the weightiest first. Stacking is unchanged: Leaflet gives every marker
   * its own z-index.
   */
  sortTabOrder() {
    const pane = this.map.getPane('markerPane');
    const icons = [...pane.children];
    const rank = (e) => (e.hasAttribute('data-claims') ? Number(e.getAttribute('data-claims')) : -1);
    const sorted = [...icons].sort((a, b) => rank(b) - rank(a));
    if (sorted.every((e, i) => e === icons[i])) return;
    const focused = document.activeElement;
    pane.append(...sorted);
    if (focused && pane.contains(focused) && document.activeElement !== focused) focused.focus({ preventScroll: true });
  }

  renderPlaces() {
    const L = this.L;
    const max = Math.max(1, ...this.places.map((p) => p.claims));
    const few = this.places.length <= 20;
    const labelled = (this.labelled = new Set(
      this.places.filter((p) => p.claims && (few || markerRadius(p, max) >= LABEL_MIN_R)).sort((a, b) => b.claims - a.claims).slice(0, LABELS),
    ));
    const markers = this.places.map((p) => {
      const r = markerRadius(p, max);
      const d = Math.round(2 * r);
      const icon = iconOf(L, {
        className: `place-marker p${p.precision ?? 3}${p.claims ? '' : ' nocl'}${this.selected != null && this.selected === p.key ? ' selected' : ''}`,
        size: [d, d],
        anchor: [d / 2, d / 2],
        attrs: { 'data-testid': 'marker', 'data-place': p.name, 'data-claims': p.claims, 'data-r': r.toFixed(2), 'aria-label': placeLabel(p) },
        build: (div) => {
          if (labelled.has(p)) div.append(el('span', { class: 'place-label', 'aria-hidden': 'true' }, p.name));
        },
      });
      // small markers above big ones, so that each stays clickable
      const m = L.marker([p.lat, p.lon], { icon, title: placeTip(p), keyboard: true, zIndexOffset: Math.round(1000 - r * 40), place: p });
      m.on('click', () => this.onSelect(p));
      m.on('keydown', (e) => {
        if (e.originalEvent.key === 'Enter' || e.originalEvent.key === ' ') {
          e.originalEvent.preventDefault();
          this.onSelect(p);
        }
      });
      return m;
    });
    this.placeLayer.clearLayers();
    this.placeLayer.addLayers(markers);
  }

  /**
   * A cluster of places: a circle sized by their claims, with how many places it holds, or beside it
   * the name of its place with most claims ("Ariha +1") when that one would have a label. The visible
   * text starts the accessible name.
   */
  clusterIcon(cluster) {
    const places = cluster.getAllChildMarkers().map((m) => m.options.place);
    const claims = places.reduce((n, p) => n + (p.claims ?? 0), 0);
    const max = Math.max(1, ...this.places.map((p) => p.claims));
    const d = Math.round(2 * (10 + 10 * Math.sqrt(Math.min(1, claims / max))));
    places.sort((a, b) => b.claims - a.claims);
    const names = places.map((p) => p.name);
    const head = `${places.length} places, ${claims} claim(s): ${names.slice(0, 6).join(', ')}${names.length > 6 ? '…' : ''}`;
    const label = this.labelled?.has(places[0]) ? `${places[0].name} +${places.length - 1}` : null;
    return iconOf(this.L, {
      className: 'place-cluster',
      size: [d, d],
      anchor: [d / 2, d / 2],
      attrs: { 'data-testid': 'cluster', 'data-places': places.length, 'data-claims': claims, title: `${head}\nclick to zoom in`, 'aria-label': `${label ? label + ': ' : ''}${head}. Enter zooms in` },
      build: (div) => div.append(label ? el('span', { class: 'place-label' }, label) : el('span', { class: 'count' }, String(places.length))),
    });
  }
}
