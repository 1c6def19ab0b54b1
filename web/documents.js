// The documents view: a page of the documents matching a search, searched (full text), sorted and
// paged by the server (/api/documents?q=&sort=&limit=&offset=), so that any number of documents is
// browsed without loading them all; each row opens its article by click or Enter.
import { api, debounce, el, activate } from './dom.js';

const $ = (s) => document.querySelector(s);
const DOC_PAGE = 50;
let docPage = 0;
/** The latest request: an answer to an older one (the search was typed on) is dropped. */
let asked = 0;

const fmt = (n) => n.toLocaleString('en-US');
/** "1,000+" when the server stopped counting. */
export const countText = (page) => `${fmt(page.total)}${page.capped ? '+' : ''}`;

export async function loadDocuments({ update, showError }) {
  const form = $('#doc-filters');
  const q = form.elements.namedItem('dq').value.trim();
  const sort = form.elements.namedItem('dsort').value;
  const mine = ++asked;
  try {
    const params = new URLSearchParams({ limit: String(DOC_PAGE), offset: String(docPage * DOC_PAGE), sort });
    if (q) params.set('q', q);
    let page = await api(`/api/documents?${params}`);
    if (mine !== asked) return;
    if (!page.items.length && docPage > 0 && !page.capped && page.total > 0) {
      // past the end (the ledger shrank, or the search changed): the last page instead
      docPage = Math.max(0, Math.ceil(page.total / DOC_PAGE) - 1);
      params.set('offset', String(docPage * DOC_PAGE));
      page = await api(`/api/documents?${params}`);
      if (mine !== asked) return;
    }
    const shown = page.items;
    const from = page.offset + 1;
    $('#doc-count').textContent = `(${countText(page)})`;
    $('#doc-page-info').textContent = shown.length ? `${fmt(from)}–${fmt(page.offset + shown.length)} of ${countText(page)}` : 'none';
    $('#doc-prev').disabled = docPage === 0;
    $('#doc-next').disabled = !page.capped && page.offset + shown.length >= page.total;
    $('#doc-table tbody').replaceChildren(
      ...shown.map((d) => {
        const tr = el('tr', { 'data-testid': 'document-row', tabindex: '0', 'aria-label': `${d.published ?? 'undated'}, ${d.outlet ?? 'no outlet'}: ${d.title ?? d.id}. Enter opens the article.` },
          el('td', {}, d.published ?? '—'), el('td', {}, d.outlet ?? '—'), el('td', {}, d.title ?? d.id),
          el('td', { class: 'num' }, d.counts.claims), el('td', { class: 'num' }, d.counts.places), el('td', { class: 'num' }, d.counts.actors));
        activate(tr, () => update({ doc: d.id, claim: null }));
        return tr;
      }),
    );
    if (!shown.length) $('#doc-table tbody').replaceChildren(el('tr', {}, el('td', { colspan: 6, class: 'muted' }, q ? 'No document matches this search.' : 'No documents yet.')));
    document.body.dataset.docsLoaded = String(Date.now());
  } catch (e) {
    if (mine === asked) showError(e);
  }
}

export function buildDocumentFilters(ctx) {
  const form = $('#doc-filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  const search = debounce(() => {
    docPage = 0;
    loadDocuments(ctx);
  }, 250);
  form.elements.namedItem('dq').addEventListener('input', search);
  form.elements.namedItem('dsort').addEventListener('change', () => {
    docPage = 0;
    loadDocuments(ctx);
  });
  $('#doc-prev').addEventListener('click', () => {
    docPage = Math.max(0, docPage - 1);
    loadDocuments(ctx);
  });
  $('#doc-next').addEventListener('click', () => {
    docPage++;
    loadDocuments(ctx);
  });
}
