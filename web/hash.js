// The dashboard's state as it lives in the URL hash (#category=killed&outlet=...&doc=...&claim=2):
// read from a hash, written back to one, and the ledger filters as an API query string.

export const VIEWS = ['ledger', 'documents', 'figures', 'framing', 'review'];
const TEXT_FILTERS = ['source', 'outlet', 'place', 'since', 'until', 'q', 'reviewed'];

/** The state a hash (without its "#") describes; anything unknown or malformed takes its default. */
export function readHash(hash) {
  const p = new URLSearchParams(hash);
  return {
    view: VIEWS.includes(p.get('view')) ? p.get('view') : 'ledger',
    events: p.get('events') === '1',
    fcat: p.get('fcat') ?? '',
    min: Math.max(1, Math.floor(Number(p.get('min'))) || 2),
    fpage: Math.max(0, Number(p.get('fpage')) || 0),
    category: p.getAll('category'),
    ...Object.fromEntries(TEXT_FILTERS.map((k) => [k, p.get(k) ?? ''])),
    page: Math.max(0, Number(p.get('page')) || 0),
    doc: p.get('doc'),
    claim: p.get('claim'),
  };
}

/** The hash (without its "#") for a state: defaults are left out, so links stay short. */
export function hashOf(next) {
  const p = new URLSearchParams();
  if (next.view !== 'ledger') p.set('view', next.view);
  if (next.events) p.set('events', '1');
  if (next.fcat) p.set('fcat', next.fcat);
  if (next.min && next.min !== 2) p.set('min', String(next.min));
  if (next.fpage) p.set('fpage', String(next.fpage));
  for (const c of next.category) p.append('category', c);
  for (const k of TEXT_FILTERS) if (next[k]) p.set(k, next[k]);
  if (next.page) p.set('page', String(next.page));
  if (next.doc) p.set('doc', next.doc);
  if (next.claim != null && next.doc) p.set('claim', String(next.claim));
  return p.toString();
}

/** The ledger filters of a state as API query parameters (days: with its since/until). */
export function filterQuery(s, { days = true } = {}) {
  const p = new URLSearchParams();
  for (const c of s.category) p.append('category', c);
  for (const k of ['source', 'outlet', 'place', 'q', 'reviewed']) if (s[k]) p.set(k, s[k]);
  if (days) for (const k of ['since', 'until']) if (s[k]) p.set(k, s[k]);
  return p;
}
