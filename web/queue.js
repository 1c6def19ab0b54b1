// The review view: what to look at next (GET /api/reviews/queue): first the accepted or corrected
// items a reanalysis no longer produces at their offsets, then pending claims and events, largest
// figures first, moved up when their sources disagree on the figure board or a weak rule guessed
// (each row shows why, as flags), then places; with a counter of what is done. Each row opens its article.
import { api, el, activate } from './dom.js';

const $ = (s) => document.querySelector(s);

export async function loadQueue({ update, showError }) {
  try {
    const q = await api('/api/reviews/queue?limit=200');
    const pct = q.total ? Math.round((100 * q.done) / q.total) : 0;
    $('#queue-count').textContent = `${q.done.toLocaleString('en-US')} of ${q.total.toLocaleString('en-US')} claims, places and events reviewed (${pct}%)${q.needsLook ? ` · ${q.needsLook} need a look` : ''}${q.disagreement === 'not checked' ? ' · sources not compared yet (the figure board is being computed): reload in a moment' : ''}`;
    const rows = q.items.map((i) => {
      const tr = el('tr', { 'data-testid': 'queue-row', 'data-status': i.status, 'data-kind': i.kind, tabindex: '0', class: i.status === 'needs a look' ? 'needs-look' : '' },
        el('td', {}, i.status === 'needs a look' ? el('span', { class: 'badge rejected' }, 'needs a look') : el('span', { class: 'badge' }, 'pending')),
        el('td', {}, i.kind),
        el('td', { class: 'num' }, i.value ?? '—'),
        el('td', { class: 'text' }, i.text.length > 160 ? i.text.slice(0, 157) + '…' : i.text, el('div', { class: 'muted' }, i.reason),
          (i.flags ?? []).length ? el('div', { class: 'flags', 'data-testid': 'queue-flags' }, ...i.flags.map((f) => el('span', { class: `badge flag${f === 'disagrees' ? ' disputed' : ''}`, 'data-flag': f }, f))) : null),
        el('td', {}, i.title ?? i.documentId));
      activate(tr, () => update({ doc: i.documentId, claim: null }));
      return tr;
    });
    $('#queue-table tbody').replaceChildren(...(rows.length ? rows : [el('tr', {}, el('td', { colspan: 5, class: 'muted' }, 'Nothing left to review.'))]));
    showError(null);
  } catch (e) {
    showError(e);
  }
}
