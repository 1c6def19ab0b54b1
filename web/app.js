// The dashboard: filters → map, timeline and claims table; a claim or document opens the article
// view. All state lives in the URL hash (#category=killed&outlet=...&doc=...&claim=2), so a view can
// be shared as a link and the back button works.
import { api, debounce, el, colorOf, opener } from './dom.js';
import { MapView } from './map.js';
import { VIEWS, filterQuery as queryOf, hashOf, readHash as stateOf } from './hash.js';
import { renderClaims, renderEventLegend } from './ledger.js';
import { renderFigureBoard, renderFramingBoard } from './boards.js';
import { renderTimeline } from './timeline.js';
import { renderArticle } from './article.js';
import { buildDocumentFilters, loadDocuments } from './documents.js';
import { attachReview } from './review.js';
import { loadQueue } from './queue.js';

const PAGE = 100;
const BOARD_PAGE = 20;
const MAX_EVENTS = 5000;
const $ = (s) => document.querySelector(s);

let state = readHash();
let map;
let facets = { categories: [], outlets: [], sources: [], days: {} };
let config = {};
let loadSeq = 0;

function readHash() {
  return stateOf(location.hash.slice(1));
}

function writeHash(next) {
  const h = hashOf(next);
  if (location.hash.slice(1) !== h) location.hash = h;
  else onHash();
}

function update(patch) {
  writeHash({ ...state, ...patch });
}

function filterQuery(s = state, opts) {
  return queryOf(s, opts);
}

function showError(e) {
  const box = $('#error');
  if (!e) {
    box.hidden = true;
    return;
  }
  box.textContent = e.message ?? String(e);
  box.hidden = false;
}

// ---- filters form ----

function buildFilters() {
  const form = $('#filters');
  const cats = $('#f-categories');
  const known = ['killed', 'injured', 'displaced', 'detained', 'abducted', 'missing', 'trapped', 'affected', 'casualties', 'vehicles', 'other'];
  const present = new Set(facets.categories);
  cats.replaceChildren(
    ...known.map((c) =>
      el('label', { class: present.has(c) ? '' : 'muted', title: present.has(c) ? '' : 'no claims of this category yet' },
        el('input', { type: 'checkbox', name: 'category', value: c, 'data-testid': `cat-${c}` }),
        el('span', { class: 'swatch', 'data-color': c }),
        c),
    ),
  );
  for (const s of cats.querySelectorAll('.swatch')) s.style.background = colorOf(s.dataset.color);
  const outlet = form.elements.namedItem('outlet');
  outlet.replaceChildren(el('option', { value: '' }, 'all outlets'), ...facets.outlets.map((o) => el('option', { value: o }, o)));
  $('#sources').replaceChildren(...facets.sources.map((s) => el('option', { value: s })));

  const apply = () => {
    const fd = new FormData(form);
    update({
      category: fd.getAll('category'),
      source: String(fd.get('source') ?? '').trim(),
      outlet: String(fd.get('outlet') ?? ''),
      place: String(fd.get('place') ?? '').trim(),
      since: String(fd.get('since') ?? ''),
      until: String(fd.get('until') ?? ''),
      q: String(fd.get('q') ?? '').trim(),
      reviewed: String(fd.get('reviewed') ?? ''),
      page: 0,
    });
  };
  const typed = debounce(apply, 300);
  form.addEventListener('change', apply);
  form.addEventListener('input', (e) => {
    if (e.target.type === 'text' || e.target.type === 'search' || !e.target.type) typed();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  form.addEventListener('reset', (e) => {
    e.preventDefault();
    update({ category: [], source: '', outlet: '', place: '', since: '', until: '', q: '', reviewed: '', page: 0 });
  });
}

function syncForm() {
  const form = $('#filters');
  for (const box of form.querySelectorAll('input[name=category]')) box.checked = state.category.includes(box.value);
  for (const k of ['source', 'place', 'since', 'until', 'q', 'reviewed']) {
    const input = form.elements.namedItem(k);
    if (document.activeElement !== input && input.value !== state[k]) input.value = state[k];
  }
  const outlet = form.elements.namedItem('outlet');
  if (state.outlet && ![...outlet.options].some((o) => o.value === state.outlet)) outlet.append(el('option', { value: state.outlet }, state.outlet));
  outlet.value = state.outlet;
}

// ---- the ledger view ----

async function loadLedger() {
  const seq = ++loadSeq;
  const q = filterQuery();
  const claimsQ = new URLSearchParams(q);
  claimsQ.set('limit', String(PAGE));
  claimsQ.set('offset', String(state.page * PAGE));
  try {
    const [claims, places, timeline, events] = await Promise.all([
      api('/api/claims?' + claimsQ),
      api('/api/places?' + q),
      api('/api/timeline?' + filterQuery(state, { days: false })),
      state.events ? loadEvents() : null,
    ]);
    if (seq !== loadSeq) return; // a newer request is on its way
    showError(null);
    renderClaims(claims, {
      query: q,
      config,
      open: (c) => update({ doc: c.documentId, claim: c.index }),
      onReviewed: () => ((lastLedgerKey = null), onHash()),
      showError,
    });
    map.selected = places.items.find((p) => String(p.geonameId ?? p.name) === state.place || p.name === state.place)?.key ?? null;
    map.events = events?.items ?? [];
    map.showEvents = state.events;
    map.setPlaces(places.items, { fit: !state.place });
    renderEventLegend(events);
    renderTimeline($('#timeline'), timeline.days, {
      since: state.since,
      until: state.until,
      onSelect: (day) => update(state.since === day && state.until === day ? { since: '', until: '', page: 0 } : { since: day, until: day, page: 0 }),
    });
    document.body.dataset.loaded = String(seq);
  } catch (e) {
    if (seq === loadSeq) showError(e);
  }
}

/** Events with the filters that apply to them (category and source are claims' own), up to MAX_EVENTS. */
async function loadEvents() {
  const p = new URLSearchParams();
  for (const k of ['outlet', 'place', 'since', 'until']) if (state[k]) p.set(k, state[k]);
  p.set('limit', '1000');
  const first = await api('/api/events?' + p);
  const items = [...first.items];
  while (items.length < Math.min(first.total, MAX_EVENTS)) {
    p.set('offset', String(items.length));
    const next = await api('/api/events?' + p);
    if (!next.items.length) break;
    items.push(...next.items);
  }
  return { total: first.total, items };
}

// ---- documents view ----

// ---- the comparison boards ----

const boardLink = (docId, claim) => {
  const p = new URLSearchParams();
  p.set('view', state.view);
  if (state.fcat) p.set('fcat', state.fcat);
  if (state.min !== 2) p.set('min', String(state.min));
  if (state.fpage) p.set('fpage', String(state.fpage));
  p.set('doc', docId);
  if (claim != null) p.set('claim', String(claim));
  return '#' + p;
};

let boardSeq = 0;
async function loadFigures() {
  const seq = ++boardSeq;
  const form = $('#fig-filters');
  form.elements.namedItem('fcat').value = state.fcat;
  form.elements.namedItem('min').value = String(state.min);
  const q = new URLSearchParams({ limit: String(BOARD_PAGE), offset: String(state.fpage * BOARD_PAGE), minReports: String(state.min) });
  if (state.fcat) q.set('category', state.fcat);
  try {
    const [figures, duplicates] = await Promise.all([api('/api/compare/figures?' + q), api('/api/compare/duplicates')]);
    if (seq !== boardSeq) return;
    showError(null);
    $('#fig-count').textContent = `(${figures.total} group${figures.total === 1 ? '' : 's'} over ${figures.documents} documents)`;
    const from = figures.total ? figures.offset + 1 : 0;
    $('#fig-page-info').textContent = `${from}–${figures.offset + figures.items.length} of ${figures.total}`;
    $('#fig-prev').disabled = figures.offset === 0;
    $('#fig-next').disabled = figures.offset + figures.items.length >= figures.total;
    renderFigureBoard($('#figure-board'), { figures, duplicates, outlets: facets.outlets }, { linkTo: boardLink });
    document.body.dataset.board = 'figures';
  } catch (e) {
    if (seq === boardSeq) showError(e);
  }
}

async function loadFraming() {
  const seq = ++boardSeq;
  try {
    const data = await api('/api/compare/framing');
    if (seq !== boardSeq) return;
    showError(null);
    $('#framing-count').textContent = `(${data.outlets.length} outlets, ${data.documents} documents)`;
    renderFramingBoard($('#framing-board'), data, { linkTo: boardLink });
    document.body.dataset.board = 'framing';
  } catch (e) {
    if (seq === boardSeq) showError(e);
  }
}

function buildBoardFilters() {
  const form = $('#fig-filters');
  const sel = form.elements.namedItem('fcat');
  sel.replaceChildren(el('option', { value: '' }, 'all categories'), ...facets.categories.map((c) => el('option', { value: c }, c)));
  const apply = () => {
    const min = Math.max(1, Math.floor(Number(form.elements.namedItem('min').value)) || 1);
    update({ fcat: sel.value, min, fpage: 0 });
  };
  $('#fig-prev').addEventListener('click', () => { window.scrollTo(0, 0); update({ fpage: Math.max(0, state.fpage - 1) }); });
  $('#fig-next').addEventListener('click', () => { window.scrollTo(0, 0); update({ fpage: state.fpage + 1 }); });
  form.addEventListener('change', apply);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
}

// ---- article view ----

let shownDoc = null;
async function showArticle() {
  const overlay = $('#article');
  if (!state.doc) {
    overlay.hidden = true;
    shownDoc = null;
    return;
  }
  const key = `${state.doc}#${state.claim}`;
  if (shownDoc === key && !overlay.hidden) return;
  try {
    const doc = await api('/api/documents/' + encodeURIComponent(state.doc));
    renderArticle(overlay, doc, { focusClaim: state.claim != null ? Number(state.claim) : null });
    await attachReview(overlay, doc, {
      config,
      onChange: () => {
        shownDoc = null;
        lastLedgerKey = null; // the table shows the reviewed status: fetched again on the next change
        showArticle();
      },
    });
    document.body.dataset.article = `${doc.id}:${Date.now()}`;
    overlay.hidden = false;
    shownDoc = key;
    $('#article-close').focus({ preventScroll: true });
  } catch (e) {
    showError(e);
    overlay.hidden = true;
  }
}

function closeArticle() {
  update({ doc: null, claim: null });
  // back to the row that opened it, for keyboard users
  if (opener.last?.isConnected) opener.last.focus({ preventScroll: true });
}

// ---- wiring ----

let lastLedgerKey = null;
let lastBoardKey = null;
function onHash() {
  state = readHash();
  syncForm();
  for (const v of VIEWS) $('#' + v).hidden = state.view !== v;
  for (const a of document.querySelectorAll('.top nav a[data-view]')) a.classList.toggle('active', a.dataset.view === state.view);
  $('#events-toggle').checked = state.events;
  if (state.view === 'ledger') {
    lastBoardKey = null;
    const key = filterQuery() + '|' + state.page + '|' + state.events;
    if (key !== lastLedgerKey) {
      lastLedgerKey = key;
      loadLedger();
    }
  } else if (state.view === 'figures' || state.view === 'framing') {
    const key = `${state.view}|${state.fcat}|${state.min}|${state.fpage}`;
    if (key !== lastBoardKey) {
      lastBoardKey = key;
      if (state.view === 'figures') loadFigures();
      else loadFraming();
    }
  } else if (state.view === 'review') {
    lastBoardKey = null;
    loadQueue({ update, showError });
  } else {
    lastBoardKey = null;
    loadDocuments({ update, showError });
  }
  showArticle();
}

async function main() {
  try {
    let health;
    [config, health] = await Promise.all([api('/api/config'), api('/api/health')]);
    facets = await api('/api/facets');
    const s = health.stats;
    $('#stats').textContent = `${s.documents.toLocaleString('en-US')} documents · ${s.claims.toLocaleString('en-US')} claims · ${s.places.toLocaleString('en-US')} place mentions`;
    if (!s.documents) {
      const info = $('#info');
      info.textContent = 'The database is empty. Add articles with "sitrep ingest <files or folders>" (or POST them to /api/documents), then reload.';
      info.hidden = false;
    }
    map = new MapView($('#map'), {
      tiles: config.tiles,
      onSelect: (p) => update({ place: state.place === String(p.geonameId ?? p.name) ? '' : String(p.geonameId ?? p.name), page: 0 }),
      onEvent: (e) => update({ doc: e.documentId, claim: null }),
    });
    await map.loadBasemap().catch((e) => showError(new Error('basemap: ' + e.message)));
  } catch (e) {
    showError(e);
    return;
  }
  buildFilters();
  buildBoardFilters();
  buildDocumentFilters({ update, showError });
  $('#events-toggle').addEventListener('change', (e) => update({ events: e.target.checked }));
  $('#prev').addEventListener('click', () => update({ page: Math.max(0, state.page - 1) }));
  $('#next').addEventListener('click', () => update({ page: state.page + 1 }));
  $('#zoom-in').addEventListener('click', () => map.zoom(1.6));
  $('#zoom-out').addEventListener('click', () => map.zoom(1 / 1.6));
  $('#zoom-fit').addEventListener('click', () => map.fit());
  $('#article-close').addEventListener('click', closeArticle);
  $('#article').addEventListener('click', (e) => {
    if (e.target === $('#article')) closeArticle();
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('#article').hidden) closeArticle();
  });
  for (const a of document.querySelectorAll('.top nav a[data-view]')) {
    a.addEventListener('click', (e) => {
      e.preventDefault();
      lastBoardKey = null; // the boards are fetched again: documents may have been added
      update({ view: a.dataset.view, doc: null, claim: null });
    });
  }
  window.addEventListener('hashchange', onHash);
  onHash();
}

main();
