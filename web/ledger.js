// The ledger view's parts drawn from API answers: the claims table with its pager and export links,
// and the legend of the events shown on the map.
import { activate, el, formatValue, paintCategory, PRECISION_TEXT } from './dom.js';
import { EVENT_COLORS } from './map.js';
import { countText } from './documents.js';
import { quickReview } from './review.js';

const $ = (s) => document.querySelector(s);

/** Points the export links at the current filters (query: URLSearchParams of the ledger filters). */
export function updateExportLinks(query) {
  for (const a of document.querySelectorAll('#exports a')) {
    const p = new URLSearchParams(query);
    p.set('format', a.dataset.format);
    p.set('what', a.dataset.what);
    a.href = '/api/export?' + p;
  }
}

/**
 * One page of claims in the table. opts: query (the filters, for the export links), config (the
 * server's), open(claim) when a row is chosen, onReviewed() after a quick review, showError.
 */
export function renderClaims(page, { query, config, open, onReviewed, showError }) {
  updateExportLinks(query);
  const tbody = $('#claims tbody');
  // the server counts claims up to 1,000 (capped: "1,000+"), never a million rows
  $('#claim-count').textContent = `(${countText(page)})`;
  const from = page.total ? page.offset + 1 : 0;
  $('#page-info').textContent = `${from}–${page.offset + page.items.length} of ${countText(page)}`;
  $('#prev').disabled = page.offset === 0;
  $('#next').disabled = !page.capped && page.offset + page.items.length >= page.total;
  if (!page.items.length) {
    tbody.replaceChildren(el('tr', {}, el('td', { colspan: 7, class: 'muted' }, page.total ? 'No claims on this page.' : 'No claims match these filters.')));
    return;
  }
  tbody.replaceChildren(...page.items.map((c) => claimRow(c, { config, open, onReviewed, showError })));
}

function claimRow(c, { config, open, onReviewed, showError }) {
  const cat = el('span', { class: 'cat' }, c.category);
  paintCategory(cat, c.category);
  const place = c.place
    ? el('span', {}, c.place.name, c.place.precision ? el('span', { class: 'prec', title: PRECISION_TEXT[c.place.precision] ?? '' }, ` p${c.place.precision}`) : null)
    : el('span', { class: 'muted' }, '—');
  const tr = el(
    'tr',
    { 'data-testid': 'claim-row', 'data-claim': c.id, 'data-category': c.category, tabindex: '0', title: `${c.title ?? c.documentId}\nrules: ${c.evidence.map((e) => e.rule).join(', ')}` },
    el('td', { class: 'day' }, c.day ?? '—'),
    el('td', {}, cat, c.hedged ? el('div', { class: 'hedged' }, 'hedged') : null, c.reviewed !== 'pending' ? el('div', { class: `badge ${c.reviewed}`, 'data-testid': 'claim-reviewed' }, c.reviewed) : null, config.writable ? quickReview(c, { config, onDone: onReviewed, showError }) : null),
    el('td', { class: 'num' }, formatValue(c.value), el('span', { class: 'who' }, c.who)),
    el('td', { class: 'src' }, c.source?.name ?? el('span', { class: 'muted' }, 'none given')),
    el('td', {}, place),
    el('td', {}, c.outlet ?? '—'),
    el('td', { class: 'text' }, c.text.length > 160 ? c.text.slice(0, 157) + '…' : c.text),
  );
  activate(tr, () => open(c));
  return tr;
}

/** The legend under the map when events are shown (events: { total, items } or null). */
export function renderEventLegend(events) {
  const box = $('#event-legend');
  box.hidden = !events;
  if (!events) return box.replaceChildren();
  const types = new Set(events.items.map((e) => e.type));
  const placed = events.items.filter((e) => e.place?.lat != null).length;
  const moves = events.items.filter((e) => e.origin?.lat != null && e.destination?.lat != null).length;
  const keys = Object.keys(EVENT_COLORS).filter((t) => types.has(t)).map((t) => {
    const d = el('span', { class: 'ev-key' });
    d.style.background = EVENT_COLORS[t];
    return el('span', { class: 'ev-item' }, d, t);
  });
  box.replaceChildren(
    el('span', {}, `Events: ${events.total}${events.total > events.items.length ? ` (first ${events.items.length})` : ''}, ${placed} placed. `),
    ...keys,
    el('span', { class: 'ev-item' }, el('span', { class: 'mv-key' }, '⟶'), `movement, origin to destination (${moves})`),
  );
}
