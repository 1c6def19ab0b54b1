// The article view: the stored text with every item highlighted at its offsets, the rule behind each
// on hover, and the list of items beside it. The text is split at every item boundary into segments;
// each segment is a <span> whose classes say which kinds of item cover it. Text is set with
// textContent only.
import { el, formatValue, PRECISION_TEXT } from './dom.js';

const LAYERS = [
  ['claim', 'claims'],
  ['quantity', 'counts'],
  ['statement', 'statements'],
  ['place', 'places'],
  ['actor', 'actors'],
  ['framing', 'loaded terms'],
  ['date', 'dates'],
];

const rules = (ev) => (ev ?? []).map((e) => e.rule + (e.note ? ` (${e.note})` : '')).join(', ');

/** Every highlightable item of a document, with a description for the tooltip. */
export function itemsOf(doc) {
  const items = [];
  doc.claims.forEach((c, i) => {
    const src = c.source ? ` — source: ${c.source.name}` : ' — no source';
    const place = c.place ? ` — place: ${c.place.name}${c.place.precision ? ` (precision ${c.place.precision})` : ''}` : '';
    items.push({
      kind: 'claim', key: `claim-${i}`, start: c.start, end: c.end, index: i,
      label: `${c.category} ${formatValue(c.value)} ${c.who}`.trim(),
      detail: `claim: ${c.category} ${formatValue(c.value)} ${c.who}${c.hedged ? ' (hedged)' : ''}${src}${place}${c.day ? ` — day ${c.day}` : ''}\nrules: ${rules(c.evidence)}`,
    });
    if (c.quantity) items.push({ kind: 'quantity', key: `claim-${i}`, start: c.quantity.start, end: c.quantity.end, label: c.quantity.text, detail: `count "${c.quantity.text}" = ${formatValue(c.value)}` });
  });
  doc.statements.forEach((s, i) =>
    items.push({
      kind: 'statement', key: `statement-${i}`, start: s.start, end: s.end,
      label: `${s.speaker?.name ?? 'unknown speaker'} ${s.verb}`,
      detail: `statement (${s.direct ? 'direct quote' : 'reported'}, "${s.verb}") by ${s.speaker?.name ?? 'unknown speaker'}\nrules: ${rules(s.evidence)}`,
    }),
  );
  doc.places.forEach((p, i) =>
    items.push({
      kind: 'place', key: `place-${i}`, start: p.start, end: p.end,
      label: `${p.name}${p.country ? ` (${p.country})` : ''}`,
      detail: `place: ${p.name}${p.country ? ` (${p.country})` : ''}, ${p.kind}${p.geonameId ? `, GeoNames ${p.geonameId}` : ', not in the gazetteer'}${p.qualifier ? `, ${p.qualifier}` : ''}\n${PRECISION_TEXT[p.precision] ?? ''}\nrules: ${rules(p.evidence)}`,
    }),
  );
  doc.actors.forEach((a, i) =>
    items.push({
      kind: 'actor', key: `actor-${i}`, start: a.start, end: a.end,
      label: `${a.name}`,
      detail: `actor: ${a.name} [${a.id}] (${a.kind}${a.generic ? ', generic label' : ''}${a.role ? `, ${a.role}` : ''})\nrules: ${rules(a.evidence)}`,
    }),
  );
  doc.framing.forEach((f, i) =>
    items.push({
      kind: 'framing', key: `framing-${i}`, start: f.start, end: f.end,
      label: `${f.text} — ${f.category}`,
      detail: `loaded term: ${f.category}${f.target ? ` for ${f.target}` : ''}${f.neutral ? `; neutral: ${f.neutral}` : ''}\nrules: ${rules(f.evidence)}`,
    }),
  );
  (doc.dates ?? []).forEach((d, i) =>
    items.push({
      kind: 'date', key: `date-${i}`, start: d.start, end: d.end,
      label: `${d.text} → ${d.date}`,
      detail: `date: ${d.date}${d.until ? ` to ${d.until}` : ''} (${d.precision}${d.dateline ? ', dateline' : ''})\nrules: ${rules(d.evidence)}`,
    }),
  );
  const len = doc.text.length;
  return items.filter((it) => Number.isInteger(it.start) && Number.isInteger(it.end) && it.start >= 0 && it.end <= len && it.start < it.end);
}

/** Split the text at every item boundary; each segment lists the items covering it. */
export function segments(text, items) {
  const cuts = new Set([0, text.length]);
  for (const it of items) cuts.add(it.start).add(it.end);
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let k = 0; k < points.length - 1; k++) {
    const a = points[k];
    const b = points[k + 1];
    out.push({ start: a, end: b, items: items.filter((it) => it.start <= a && it.end >= b) });
  }
  return out;
}

export function renderArticle(root, doc, { focusClaim = null } = {}) {
  const title = root.querySelector('#art-title');
  const meta = root.querySelector('#art-meta');
  const layers = root.querySelector('#art-layers');
  const textBox = root.querySelector('#art-text');
  const side = root.querySelector('#art-items');
  title.textContent = doc.title || doc.id;
  meta.replaceChildren(
    [doc.outlet, doc.published && `published ${doc.published}`, doc.referenceDate && doc.referenceDate !== doc.published && `reference date ${doc.referenceDate}`, `id ${doc.id}`].filter(Boolean).join(' · '),
  );
  if (doc.url && /^https?:\/\//i.test(doc.url)) meta.append(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'original'));

  const items = itemsOf(doc);
  // Layer switches.
  layers.replaceChildren(
    ...LAYERS.map(([kind, name]) => {
      const n = items.filter((i) => i.kind === kind).length;
      const box = el('input', { type: 'checkbox', checked: true, 'data-layer': kind });
      box.addEventListener('change', () => textBox.classList.toggle(`hide-${kind}`, !box.checked));
      return el('label', {}, box, el('span', { class: `key ${kind}` }), ` ${name} (${n})`);
    }),
  );
  textBox.className = 'art-text';

  // The text.
  const focusKey = focusClaim != null ? `claim-${focusClaim}` : null;
  const frag = document.createDocumentFragment();
  for (const seg of segments(doc.text, items)) {
    const piece = doc.text.slice(seg.start, seg.end);
    if (!seg.items.length) {
      frag.append(document.createTextNode(piece));
      continue;
    }
    const kinds = [...new Set(seg.items.map((i) => i.kind))];
    const keys = [...new Set(seg.items.map((i) => i.key))];
    const span = el('span', {
      class: ['hl', ...kinds, focusKey && keys.includes(focusKey) ? 'focus' : ''].filter(Boolean).join(' '),
      title: seg.items.map((i) => i.detail).join('\n\n'),
      'data-items': keys.join(' '),
      'data-kinds': kinds.join(' '),
    });
    span.textContent = piece;
    frag.append(span);
  }
  textBox.replaceChildren(frag);

  // The items beside it.
  const highlight = (key, on) => {
    for (const s of textBox.querySelectorAll('span.hl')) if (s.dataset.items.split(' ').includes(key)) s.classList.toggle('hover', on);
  };
  const sections = [];
  for (const [kind, name] of LAYERS) {
    if (kind === 'quantity') continue;
    const list = items.filter((i) => i.kind === kind);
    if (!list.length) continue;
    const ul = el('ul');
    for (const it of list) {
      const li = el('li', { title: it.detail, 'data-key': it.key, class: it.key === focusKey ? 'focus' : '' }, it.label, ' ', el('span', { class: 'rule' }, `[${doc.text.slice(it.start, it.end).slice(0, 40)}]`));
      li.addEventListener('mouseenter', () => highlight(it.key, true));
      li.addEventListener('mouseleave', () => highlight(it.key, false));
      li.addEventListener('click', () => textBox.querySelector(`span.hl[data-items~="${it.key}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
      ul.append(li);
    }
    sections.push(el('h3', {}, `${name} (${list.length})`), ul);
  }
  if (doc.errors?.length) {
    sections.push(el('h3', {}, `stage errors (${doc.errors.length})`), el('ul', {}, ...doc.errors.map((e) => el('li', {}, `${e.stage}: ${e.message}`))));
  }
  if (!items.length) sections.push(el('p', { class: 'muted' }, 'Nothing was found in this article by the current stages.'));
  side.replaceChildren(...sections);
  if (focusKey) requestAnimationFrame(() => textBox.querySelector('span.hl.focus')?.scrollIntoView({ block: 'center' }));
}
