// The comparison boards. The figure board: per group of claims that report the same quantity, its
// flags and summary, a chart of each source's figure over time (one colour per outlet, ranges as
// vertical bars) and the list of entries, each linking to its claim in the article view. The framing
// board: outlets side by side, for each target the labels each outlet uses, and the loaded terms,
// with the neutral alternative on hover. Text from the database is always set as text.
import { el, svg, formatValue, colorOf } from './dom.js';

const PALETTE = ['#1b9e77', '#d95f02', '#7570b3', '#e7298a', '#66a61e', '#b8860b', '#a6761d', '#1f78b4', '#e31a1c', '#6a3d9a', '#4d4d4d', '#17becf'];
const DAY = 86_400_000;
/** Terms shown per framing cell before a "+N more" button. */
const MAX_CHIPS = 8;

/** A stable colour per outlet, from the sorted list of every outlet. */
export function outletColors(outlets) {
  const sorted = [...new Set(outlets.map((o) => o ?? '—'))].sort((a, b) => a.localeCompare(b));
  const m = new Map(sorted.map((o, i) => [o, PALETTE[i % PALETTE.length]]));
  return (o) => m.get(o ?? '—') ?? '#777';
}

const dayNum = (d) => (d ? Date.parse(d + 'T00:00:00Z') : null);
const lo = (v) => v.min ?? v.max ?? 0;
const hi = (v) => v.max ?? v.min ?? 0;

/** A round upper bound for the value axis. */
export function niceMax(x) {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * p >= x) return m * p;
  return 10 * p;
}

const FLAG_TEXT = {
  rising: 'the figures grow with the days: read as a timeline',
  disputed: 'sources give different figures for the same days',
  outlier: 'one figure is more than three times off the median',
  denied: 'a source denies what is counted',
};

/**
 * The chart of one group: x the day, y the figure. Points for exact figures, vertical bars for
 * ranges, a small tick upward for "at least" figures; hollow marks for syndicated copies; lines join
 * an outlet's figures over the days.
 */
export function figureChart(group, colorOf) {
  const W = 380, H = 170, L = 44, R = 12, T = 10, B = 26;
  const entries = group.entries.filter((e) => e.date && (e.value.min != null || e.value.max != null));
  const days = entries.map((e) => dayNum(e.date));
  let d0 = Math.min(...days), d1 = Math.max(...days);
  if (!entries.length) d0 = d1 = 0;
  if (d0 === d1) {
    d0 -= DAY;
    d1 += DAY;
  }
  // half a day of room on both sides, for the marks set side by side
  const pad = (d1 - d0) * 0.08;
  const ymax = niceMax(Math.max(1, ...entries.map((e) => hi(e.value))));
  const x = (d) => L + ((d - d0 + pad) / (d1 - d0 + 2 * pad)) * (W - L - R);
  const y = (v) => T + (1 - v / ymax) * (H - T - B);
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'fig-chart', role: 'img', 'aria-label': `figures over time: ${group.category} ${group.group}`, 'data-testid': 'figure-chart' });
  // axes and grid
  for (const v of [0, ymax / 2, ymax]) {
    root.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), class: 'grid' }));
    const t = svg('text', { x: L - 5, y: y(v) + 3.5, class: 'tick', 'text-anchor': 'end' });
    t.textContent = Number(v).toLocaleString('en-US');
    root.append(t);
  }
  const nDays = Math.round((d1 - d0) / DAY);
  const step = Math.max(1, Math.ceil(nDays / 6));
  for (let d = d0; d <= d1; d += step * DAY) {
    root.append(svg('line', { x1: x(d), x2: x(d), y1: H - B, y2: H - B + 4, class: 'axis' }));
    const t = svg('text', { x: x(d), y: H - B + 15, class: 'tick', 'text-anchor': 'middle' });
    t.textContent = new Date(d).toISOString().slice(5, 10);
    root.append(t);
  }
  root.append(svg('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'axis' }));
  // several outlets on one day sit side by side
  const outlets = [...new Set(entries.map((e) => e.outlet ?? '—'))];
  const spread = Math.min(8, 60 / Math.max(1, outlets.length));
  const px = (e) => x(dayNum(e.date)) + (outlets.indexOf(e.outlet ?? '—') - (outlets.length - 1) / 2) * spread;
  // an outlet's figures over the days
  for (const o of outlets) {
    const own = entries.filter((e) => (e.outlet ?? '—') === o && !e.copyOf).sort((a, b) => dayNum(a.date) - dayNum(b.date) || lo(a.value) - lo(b.value));
    if (own.length < 2 || new Set(own.map((e) => e.date)).size < 2) continue;
    root.append(svg('polyline', { points: own.map((e) => `${px(e).toFixed(1)},${y(lo(e.value)).toFixed(1)}`).join(' '), class: 'trend', stroke: colorOf(o) }));
  }
  for (const e of entries) {
    const c = colorOf(e.outlet);
    const cx = px(e);
    const tip = svg('title');
    tip.textContent = `${e.outlet ?? '—'} · ${e.source ?? (e.hedged ? 'hedged, no source' : 'no source')}\n${e.date}: ${formatValue(e.value)} ${e.who}${e.copyOf ? `\nsyndicated copy of ${e.copyOf}` : ''}${e.outlier ? '\noutlier' : ''}`;
    const cls = `${e.copyOf ? 'copy' : ''}${e.outlier ? ' outlier' : ''}`;
    let mark;
    if (e.value.min != null && e.value.max != null && e.value.max !== e.value.min) {
      mark = svg('g', { class: `range ${cls}`, 'data-testid': 'fig-range', 'data-outlet': e.outlet ?? '' });
      mark.append(
        svg('line', { x1: cx, x2: cx, y1: y(e.value.min), y2: y(e.value.max), stroke: c, 'stroke-width': 4 }),
        svg('line', { x1: cx - 4, x2: cx + 4, y1: y(e.value.min), y2: y(e.value.min), stroke: c, 'stroke-width': 1.5 }),
        svg('line', { x1: cx - 4, x2: cx + 4, y1: y(e.value.max), y2: y(e.value.max), stroke: c, 'stroke-width': 1.5 }),
      );
    } else {
      mark = svg('g', { class: `point ${cls}`, 'data-testid': 'fig-point', 'data-outlet': e.outlet ?? '' });
      const v = lo(e.value);
      if (e.value.max == null && e.value.min != null) mark.append(svg('line', { x1: cx, x2: cx, y1: y(v), y2: y(v) - 9, stroke: c, 'stroke-width': 1.5 }));
      if (e.outlier) mark.append(svg('circle', { cx, cy: y(v), r: 7.5, class: 'outlier-ring' }));
      mark.append(svg('circle', { cx, cy: y(v), r: 4.2, fill: e.copyOf ? '#fff' : c, stroke: c, 'stroke-width': 1.8 }));
    }
    mark.append(tip);
    root.append(mark);
  }
  return root;
}

function entrySummary(label, e) {
  if (!e) return null;
  return el('div', { class: 'fig-sum' }, el('span', { class: 'muted' }, label + ' '), el('b', {}, formatValue(e.value)), ` ${e.outlet ?? '—'}${e.source ? ` · ${e.source}` : ''}${e.date ? ` · ${e.date}` : ''}`);
}

/** The figure board: groups, with their chart and entries. linkTo(docId, claim) gives a hash link. */
export function renderFigureBoard(root, { figures, duplicates, outlets }, { linkTo }) {
  const color = outletColors([...outlets, ...figures.items.flatMap((g) => g.outlets)]);
  const out = [];
  if (duplicates?.items?.length) {
    out.push(
      el('p', { class: 'dups', 'data-testid': 'duplicates' }, el('b', {}, 'Syndicated copies (counted once): '),
        ...duplicates.items.flatMap((d, i) => [i ? '; ' : '', d.documents.map((x) => `${x.outlet ?? x.id}${x.published ? ` (${x.published})` : ''}`).join(' = ')])),
    );
  }
  if (!figures.items.length) out.push(el('p', { class: 'muted empty-board' }, 'No figure is reported by several documents for these settings.'));
  for (const g of figures.items) {
    const span = g.from && g.until && g.from !== g.until ? `${g.from} → ${g.until}` : g.from ?? 'no day';
    const cat = el('span', { class: 'cat' }, g.category);
    cat.style.background = colorOf(g.category);
    const head = el('header', {},
      el('h3', {}, cat, ` ${g.group} · ${g.place ?? 'no place'} · ${span}`),
      el('div', { class: 'flags' }, ...g.flags.map((f) => el('span', { class: `flag ${f}`, title: FLAG_TEXT[f] ?? f, 'data-testid': 'flag' }, f))),
      el('div', { class: 'fig-meta' }, `${g.reports} report${g.reports === 1 ? '' : 's'} · ${g.outlets.length} outlet${g.outlets.length === 1 ? '' : 's'} · spread ${g.spread != null ? g.spread + '×' : '—'}`),
    );
    const legend = el('div', { class: 'fig-legend' },
      ...g.outlets.map((o) => {
        const sw = el('span', { class: 'sw' });
        sw.style.background = color(o);
        return el('span', {}, sw, o);
      }),
      el('span', { class: 'muted' }, '○ copy · ┃ range · ⊙ outlier'));
    const summary = el('div', { class: 'fig-side' },
      entrySummary('most conservative', g.mostConservative),
      entrySummary('most recent', g.mostRecent),
      ...g.denials.map((d) => el('div', { class: 'denial' }, el('span', { class: 'flag denied' }, 'denied'), ` ${d.source ?? 'unnamed'} (${d.outlet ?? '—'}): `, el('q', {}, d.sentence.length > 220 ? d.sentence.slice(0, 217) + '…' : d.sentence))),
    );
    const rows = g.entries.map((e) => {
      const marks = [e.copyOf ? el('span', { class: 'mark copy', title: `syndicated copy of ${e.copyOf}; counted once` }, 'copy') : null, e.outlier ? el('span', { class: 'mark outlier', title: 'more than three times off the median' }, 'outlier') : null];
      const sw = el('span', { class: 'sw' });
      sw.style.background = color(e.outlet);
      const href = linkTo(e.docId, e.claim);
      return el('tr', { 'data-testid': 'figure-entry', 'data-outlet': e.outlet ?? '', class: e.copyOf ? 'is-copy' : '' },
        el('td', { class: 'day' }, e.date ?? '—'),
        el('td', {}, sw, e.outlet ?? '—'),
        el('td', { class: 'src' }, e.source ?? el('span', { class: 'muted' }, e.hedged ? 'hedged' : 'none given')),
        el('td', { class: 'num' }, formatValue(e.value), el('span', { class: 'who' }, e.who)),
        el('td', { class: 'sent' }, el('a', { href, title: 'open the article at this claim', 'data-testid': 'entry-link' }, e.sentence.length > 260 ? e.sentence.slice(0, 257) + '…' : e.sentence), ...marks));
    });
    const table = el('table', { class: 'fig-entries' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Day'), el('th', {}, 'Outlet'), el('th', {}, 'Source'), el('th', { class: 'num' }, 'Figure'), el('th', {}, 'Sentence'))),
      el('tbody', {}, ...rows));
    out.push(el('section', { class: 'fig-group', 'data-testid': 'figure-group', 'data-category': g.category, 'data-group': g.group },
      head,
      el('div', { class: 'fig-body' }, el('div', { class: 'fig-plot' }, figureChart(g, color), legend), summary),
      table));
  }
  root.replaceChildren(...out);
}

/** The framing board: a column per outlet; rows for each target's labels, then each category of loaded terms. */
export function renderFramingBoard(root, data, { linkTo }) {
  const outlets = data.outlets;
  if (!outlets.length) {
    root.replaceChildren(el('p', { class: 'muted empty-board' }, 'No documents yet.'));
    return;
  }
  const chip = (o, term, n) => {
    const neutral = o.neutral[term];
    const ex = o.examples[term]?.[0];
    const title = `${term} ×${n}${neutral ? `\nneutral alternative: ${neutral}` : ''}${ex ? `\n“${ex.sentence.slice(0, 200)}”` : ''}`;
    const a = el('a', { class: `term${neutral ? ' has-neutral' : ''}`, title, href: ex ? linkTo(ex.docId, null) : undefined, 'data-testid': 'framing-label', 'data-term': term, 'data-neutral': neutral ?? '' }, term, el('b', {}, String(n)));
    return a;
  };
  const cells = (table, key) =>
    outlets.map((o) => {
      const entries = Object.entries(o[table][key] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const td = el('td', { 'data-testid': 'framing-cell', 'data-outlet': o.outlet, [`data-${table === 'labels' ? 'target' : 'category'}`]: key });
      if (!entries.length) td.append(el('span', { class: 'muted' }, '—'));
      const shown = entries.length > MAX_CHIPS + 2 ? MAX_CHIPS : entries.length;
      td.append(...entries.slice(0, shown).map(([t, n]) => chip(o, t, n)));
      if (shown < entries.length) {
        const more = el('button', { type: 'button', class: 'more', title: 'show every term' }, `+${entries.length - shown} more`);
        more.addEventListener('click', () => more.replaceWith(...entries.slice(shown).map(([t, n]) => chip(o, t, n))));
        td.append(more);
      }
      return td;
    });
  const head = el('tr', {}, el('th', {}, ''), ...outlets.map((o) => el('th', { 'data-outlet': o.outlet }, o.outlet, el('span', { class: 'docs' }, `${o.documents} doc${o.documents === 1 ? '' : 's'}`))));
  const body = [];
  body.push(el('tr', { class: 'section' }, el('th', { colspan: outlets.length + 1 }, 'How each outlet names… (labels by target)')));
  for (const t of data.targets) body.push(el('tr', { 'data-target': t }, el('th', { class: 'rowhead' }, t), ...cells('labels', t)));
  body.push(el('tr', { class: 'section' }, el('th', { colspan: outlets.length + 1 }, 'Loaded terms (hover for the neutral alternative)')));
  for (const k of data.categories) body.push(el('tr', { 'data-category': k }, el('th', { class: 'rowhead' }, k), ...cells('terms', k)));
  root.replaceChildren(
    el('div', { class: 'table-scroll' }, el('table', { class: 'framing-table', 'data-testid': 'framing-table' }, el('thead', {}, head), el('tbody', {}, ...body))),
  );
}
