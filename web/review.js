// Review controls in the article view: accept, reject or correct each claim, place, event, actor and
// statement; select a span of the text to add an item the machine missed; the history of the
// document's reviews (who, when, what changed, the note). Every action is POSTed to
// /api/documents/{id}/reviews with the version the analyst saw, so a concurrent edit is reported
// (409) instead of overwritten. Text goes in as textContent only.
import { api, el } from './dom.js';

/** The fields a correction may set, per kind (as the API names them), with their input types. */
export const FIELDS = {
  claim: [['min', 'number'], ['max', 'number'], ['category', 'category'], ['who', 'text'], ['source', 'text'], ['place', 'text'], ['day', 'date']],
  place: [['name', 'text'], ['country', 'text'], ['lat', 'number'], ['lon', 'number'], ['precision', 'number']],
  event: [['type', 'text'], ['subtype', 'text'], ['actor1', 'text'], ['actor2', 'text'], ['place', 'text'], ['day', 'date'], ['fatalities', 'number']],
  actor: [['name', 'text'], ['kind', 'text']],
  statement: [['speaker', 'text'], ['verb', 'text']],
};
const CATEGORIES = ['killed', 'injured', 'displaced', 'detained', 'abducted', 'missing', 'trapped', 'affected', 'casualties', 'vehicles', 'other'];
/** A message to show once the article is drawn again (after a conflict). */
let carried = null;
const LIST_OF = { claim: 'claims', place: 'places', event: 'events', actor: 'actors', statement: 'statements' };

/** The current values of an item as the correction fields. */
export function valuesOf(kind, it) {
  if (kind === 'claim') return { min: it.value?.min, max: it.value?.max, category: it.category, who: it.who, source: it.source?.name ?? null, place: it.place?.name ?? null, day: it.day };
  if (kind === 'place') return { name: it.name, country: it.country, lat: it.lat, lon: it.lon, precision: it.precision };
  if (kind === 'event') return { type: it.type, subtype: it.subtype, actor1: it.actor1?.name ?? null, actor2: it.actor2?.name ?? null, place: it.place?.name ?? null, day: it.day, fatalities: it.fatalities };
  if (kind === 'actor') return { name: it.name, kind: it.kind };
  return { speaker: it.speaker?.name ?? it.speaker_name ?? null, verb: it.verb };
}

/** Reads a fields form into the values that changed (empty means null). */
function readFields(form, kind, before = {}) {
  const out = {};
  for (const [name, type] of FIELDS[kind]) {
    const input = form.elements.namedItem(name);
    if (!input) continue;
    const raw = input.value.trim();
    const v = raw === '' ? null : type === 'number' ? Number(raw) : raw;
    if (type === 'number' && raw !== '' && !Number.isFinite(v)) throw new Error(`${name}: not a number`);
    if (v !== (before[name] ?? null)) out[name] = v;
  }
  return out;
}

function fieldsForm(kind, values, onSave, onCancel) {
  const form = el('form', { class: 'review-form', 'data-testid': 'review-form' });
  for (const [name, type] of FIELDS[kind]) {
    const v = values[name];
    const input =
      type === 'category'
        ? el('select', { name }, ...CATEGORIES.map((c) => el('option', { value: c, selected: c === v }, c)))
        : el('input', { name, type: type === 'number' ? 'text' : type, inputmode: type === 'number' ? 'decimal' : null, value: v ?? '' });
    form.append(el('label', {}, name, ' ', input));
  }
  form.append(el('label', { class: 'note' }, 'note ', el('input', { name: 'note', type: 'text', placeholder: 'why (optional)' })));
  const msg = el('span', { class: 'review-msg', role: 'status' });
  form.append(el('button', { type: 'submit', 'data-testid': 'review-save' }, 'Save'), ' ', el('button', { type: 'button', class: 'cancel' }, 'Cancel'), ' ', msg);
  form.querySelector('button.cancel').addEventListener('click', onCancel);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    try {
      onSave(readFields(form, kind, values), form.elements.namedItem('note').value.trim() || undefined).catch((x) => (msg.textContent = x.message));
    } catch (x) {
      msg.textContent = x.message;
    }
  });
  return form;
}

/** The token for writes, asked once per tab when the server wants one. */
function authHeader(config) {
  if (!config?.tokenRequired) return {};
  let t = sessionStorage.getItem('sitrep-token');
  if (!t) {
    t = prompt('This server needs a token to save reviews:') ?? '';
    if (t) sessionStorage.setItem('sitrep-token', t);
  }
  return t ? { authorization: `Bearer ${t}` } : {};
}

/**
 * Adds the review controls to a rendered article (renderArticle's root). onChange() is called after
 * each saved action, to show the document again.
 */
export async function attachReview(root, doc, { config = {}, onChange }) {
  const side = root.querySelector('#art-items');
  const textBox = root.querySelector('#art-text');
  const writable = config.writable !== false;
  const reviews = await api(`/api/documents/${encodeURIComponent(doc.id)}/reviews`);
  const keyOf = (kind, start, end, nth = 0) => `${kind}:${start}:${end}:${nth}`;
  const versionOf = new Map(reviews.reviews.map((r) => [keyOf(r.kind, r.start, r.end, r.nth), r.version]));
  /** Which of the items of its kind at its very span an item is (two events of one sentence share it). */
  const nthOf = (kind, it) => doc[LIST_OF[kind]].filter((x) => x.start === it.start && x.end === it.end).indexOf(it);
  const msg = el('p', { class: 'review-msg', role: 'status', 'data-testid': 'review-msg' });

  const send = async (body) => {
    const r = await fetch(`/api/documents/${encodeURIComponent(doc.id)}/reviews`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeader(config) },
      body: JSON.stringify({ ...body, version: versionOf.get(keyOf(body.kind, body.start, body.end, body.nth)) ?? 0 }),
    });
    const out = await r.json().catch(() => ({}));
    if (r.status === 409) {
      const c = out.current;
      carried = `Not saved: ${c ? `${c.user} ${c.action}ed it meanwhile (version ${c.version})` : 'it changed meanwhile'}; the article is shown again as it is now.`;
      onChange();
      return;
    }
    if (!r.ok) throw new Error(out?.error?.message ?? `${r.status}`);
    onChange();
  };

  // Controls beside each item of the lists renderArticle made (keys like "claim-3").
  for (const li of side.querySelectorAll('li[data-key]')) {
    const [kind, i] = li.dataset.key.split('-');
    const it = doc[LIST_OF[kind]]?.[Number(i)];
    if (!it || !FIELDS[kind]) continue;
    li.append(controls(kind, it));
    if (it.reviewed === 'rejected') li.classList.add('rejected');
  }
  // Events have no highlight layer: listed here with their controls.
  if (doc.events?.length) {
    side.append(
      el('h3', {}, `events (${doc.events.length})`),
      el('ul', {}, ...doc.events.map((e) => el('li', { 'data-key': `event-${e.index}`, title: doc.text.slice(e.start, e.end) }, `${e.type}${e.subtype ? ' / ' + e.subtype : ''}${e.place ? ' · ' + e.place.name : ''}${e.fatalities != null ? ` · ${e.fatalities} killed` : ''}`, controls('event', e)))),
    );
  }
  side.prepend(msg);
  if (carried) [msg.textContent, carried] = [carried, null];
  side.append(historyPanel(reviews.history, doc.text));
  if (writable) watchSelection(textBox, doc, send, msg);

  function controls(kind, it) {
    const status = it.reviewed ?? 'pending';
    const nth = nthOf(kind, it);
    const box = el('span', { class: 'review', 'data-testid': 'review-controls', 'data-kind': kind, 'data-start': it.start, 'data-end': it.end, 'data-nth': nth, 'data-reviewed': status });
    box.append(el('span', { class: `badge ${status}`, 'data-testid': 'review-status' }, status));
    if (!writable) return box;
    const act = (action) => send({ kind, start: it.start, end: it.end, nth, action }).catch((x) => (msg.textContent = x.message));
    const btn = (label, title, fn, testid) => {
      const b = el('button', { type: 'button', title, 'aria-label': title, 'data-testid': testid }, label);
      b.addEventListener('click', (e) => {
        e.stopPropagation();
        fn();
      });
      return b;
    };
    box.append(
      btn('✓', 'Accept: the machine is right', () => act('accept'), 'review-accept'),
      btn('✗', 'Reject: a false alarm', () => act('reject'), 'review-reject'),
      btn('✎', 'Correct fields', () => {
        const values = valuesOf(kind, it);
        const form = fieldsForm(kind, values, (fields, note) => {
          if (!Object.keys(fields).length) throw new Error('nothing changed');
          return send({ kind, start: it.start, end: it.end, nth, action: 'correct', fields, note });
        }, () => form.remove());
        box.after(form);
        form.querySelector('input, select')?.focus();
      }, 'review-correct'),
    );
    return box;
  }
}

/** Offsets of the selection inside the article text (the text box holds exactly doc.text). */
export function selectionSpan(textBox) {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || !sel.rangeCount) return null;
  const r = sel.getRangeAt(0);
  if (!textBox.contains(r.startContainer) || !textBox.contains(r.endContainer)) return null;
  const pre = document.createRange();
  pre.setStart(textBox, 0);
  pre.setEnd(r.startContainer, r.startOffset);
  const start = pre.toString().length;
  return { start, end: start + r.toString().length };
}

function watchSelection(textBox, doc, send, msg) {
  // (the text box outlives a redraw: one bar and one listener, replaced each time)
  textBox.parentElement.querySelector('.add-bar')?.remove();
  const bar = el('div', { class: 'add-bar', 'data-testid': 'add-bar', hidden: true });
  textBox.before(bar);
  textBox.onmouseup = () => {
    const span = selectionSpan(textBox);
    if (!span || span.end - span.start < 1) return;
    bar.hidden = false;
    const kinds = Object.keys(FIELDS);
    bar.replaceChildren(`Add “${doc.text.slice(span.start, span.end).slice(0, 60)}” as `, ...kinds.map((kind) => {
      const b = el('button', { type: 'button', 'data-testid': `add-${kind}` }, kind);
      b.addEventListener('click', () => {
        // a new item beside any the machine has at these very offsets
        const nth = (doc[LIST_OF[kind]] ?? []).filter((x) => x.start === span.start && x.end === span.end).length;
        const form = fieldsForm(kind, {}, (fields, note) => send({ kind, ...span, nth, action: 'add', fields, note }), () => (bar.hidden = true));
        bar.replaceChildren(`New ${kind} at ${span.start}–${span.end}: “${doc.text.slice(span.start, span.end).slice(0, 60)}”`, form);
        form.querySelector('input, select')?.focus();
      });
      return b;
    }));
  };
  msg.textContent ||= 'Select words in the text to add an item the machine missed.';
}

const shown = (x) => (x == null ? '—' : String(x));
/** What a correction changed ("min: 7 → 9, source: council → Civil Defence"), or an added item's fields. */
export function describeChange(old, now) {
  const keys = Object.keys(now ?? {}).filter((k) => k !== 'reviewed' && (!old || shown(old[k]) !== shown(now[k])));
  return keys.map((k) => (old ? `${k}: ${shown(old[k])} → ${shown(now[k])}` : `${k}: ${shown(now[k])}`)).join(', ');
}

function historyPanel(history, text) {
  const ul = el('ul', { class: 'history', 'data-testid': 'review-history' });
  for (const h of [...history].reverse()) {
    ul.append(
      el('li', { 'data-testid': 'history-entry', 'data-action': h.action, 'data-user': h.user },
        el('strong', {}, h.user), ` ${h.action}ed the ${h.kind} “${text.slice(h.start, h.end).slice(0, 50)}” · ${h.at.slice(0, 16).replace('T', ' ')}`,
        h.action === 'correct' || h.action === 'add' ? el('div', { class: 'rule' }, describeChange(h.old, h.new)) : null,
        h.note ? el('div', { class: 'note' }, `note: ${h.note}`) : null),
    );
  }
  if (!history.length) ul.append(el('li', { class: 'muted' }, 'No reviews yet.'));
  return el('section', { class: 'history-panel' }, el('h3', {}, `review history (${history.length})`), ul);
}

/** An item's nth: its place among the document's items of its kind at the same span (by index, in the document's order). */
export function nthByIndex(items, it) {
  const n = items.filter((x) => x.start === it.start && x.end === it.end).findIndex((x) => x.index === it.index);
  return Math.max(0, n);
}

/** ✓ and ✗ for a row of the claims table: the item's current version is read first, then sent. */
export function quickReview(c, { config, onDone, showError }) {
  const box = el('div', { class: 'review quick', 'data-testid': 'row-review' });
  for (const [label, action, title] of [['✓', 'accept', 'Accept this claim'], ['✗', 'reject', 'Reject: a false alarm']]) {
    const b = el('button', { type: 'button', title, 'aria-label': title, 'data-testid': `row-${action}` }, label);
    b.addEventListener('keydown', (e) => e.stopPropagation());
    b.addEventListener('click', async (e) => {
      e.stopPropagation();
      try {
        const doc = `/api/documents/${encodeURIComponent(c.documentId)}`;
        // two claims may share a span: act on this one (its nth among the document's claims there)
        const nth = nthByIndex((await api(doc)).claims ?? [], c);
        const seen = await api(`${doc}/reviews?kind=claim&start=${c.start}&end=${c.end}&nth=${nth}`);
        const r = await fetch(`${doc}/reviews`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeader(config) },
          body: JSON.stringify({ kind: 'claim', start: c.start, end: c.end, nth, action, version: seen.reviews[0]?.version ?? 0 }),
        });
        if (!r.ok) throw new Error((await r.json().catch(() => null))?.error?.message ?? `${r.status}`);
        onDone();
      } catch (x) {
        showError(x);
      }
    });
    box.append(b);
  }
  return box;
}
