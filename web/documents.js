// The documents view: every document matching a search (fetched from /api/documents in pages, no
// cap), sorted in the page, shown 50 at a time; each row opens its article by click or Enter.
import { api, debounce, el, activate } from './dom.js';

const $ = (s) => document.querySelector(s);
const DOC_PAGE = 50;
let docCache = { q: null, items: [] };
let docPage = 0;

/** Every document matching the search (fetched in pages, no cap), sorted here, shown a page at a time. */
export async function loadDocuments({ update, showError }) {
  const form = $('#doc-filters');
  const q = form.elements.namedItem('dq').value.trim();
  try {
    if (docCache.q !== q) {
      const items = [];
      for (let offset = 0; ; offset += 500) {
        const page = await api(`/api/documents?limit=500&offset=${offset}${q ? '&q=' + encodeURIComponent(q) : ''}`);
        items.push(...page.items);
        if (page.items.length < 500 || items.length >= page.total) break;
      }
      docCache = { q, items };
      docPage = 0;
    }
    const sort = form.elements.namedItem('dsort').value;
    const cmp = {
      'published-desc': (a, b) => (b.published ?? '').localeCompare(a.published ?? ''),
      'published-asc': (a, b) => (a.published ?? '').localeCompare(b.published ?? ''),
      outlet: (a, b) => (a.outlet ?? '').localeCompare(b.outlet ?? '') || (b.published ?? '').localeCompare(a.published ?? ''),
      claims: (a, b) => b.counts.claims - a.counts.claims,
    }[sort];
    const all = [...docCache.items].sort(cmp);
    const pages = Math.max(1, Math.ceil(all.length / DOC_PAGE));
    docPage = Math.min(docPage, pages - 1);
    const shown = all.slice(docPage * DOC_PAGE, (docPage + 1) * DOC_PAGE);
    $('#doc-count').textContent = `(${all.length.toLocaleString('en-US')})`;
    $('#doc-page-info').textContent = all.length ? `${docPage * DOC_PAGE + 1}–${docPage * DOC_PAGE + shown.length} of ${all.length.toLocaleString('en-US')}` : 'none';
    $('#doc-prev').disabled = docPage === 0;
    $('#doc-next').disabled = docPage >= pages - 1;
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
    showError(e);
  }
}

export function buildDocumentFilters(ctx) {
  const form = $('#doc-filters');
  form.addEventListener('submit', (e) => e.preventDefault());
  form.elements.namedItem('dq').addEventListener('input', debounce(() => loadDocuments(ctx), 250));
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

