// The comparison boards. The figure board: per group of claims that report the same quantity, its
// flags and summary, a chart of each source's figure over time (one colour per outlet, ranges as
// vertical bars) and the list of entries, each linking to its claim in the article view. The framing
// board: outlets side by side, for each target the labels each outlet uses, and the loaded terms,
// with the neutral alternative on hover. Text from the database is always set as text.
import { el, svg, formatValue, paintCategory, quietChart } from './dom.js';

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
  denied: 'a source denies what is counted, or who did it',
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

const DENIAL_TEXT = { figure: 'denied', responsibility: 'denies responsibility', 'counter-claim': 'counter-claim' };
/** A group's entries shown open; more sit behind "all N entries". */
const OPEN_ENTRIES = 6;

/** The counts of a part of the toll (children, women, medics), under it. */
function partsOf(g, color) {
  return el('div', { class: 'fig-parts', 'data-testid': 'figure-parts' },
    el('span', { class: 'muted' }, 'of whom (parts of the toll, not the toll): '),
    ...g.parts.map((p, i) => {
      const sw = el('span', { class: 'sw' });
      sw.style.background = color(p.outlet);
      return el('span', { class: 'part', 'data-testid': 'figure-part', title: p.sentence }, i ? ' · ' : '', sw, `${formatValue(p.value)} ${p.who}`, el('span', { class: 'muted' }, ` ${p.outlet ?? '—'}${p.partOf ? `, of ${p.partOf}` : ''}`));
    }));
}

/** The figure board: groups, with their chart and entries. linkTo(docId, claim) gives a hash link. */
export function renderFigureBoard(root, { figures, duplicates, outlets }, { linkTo }) {
  const color = outletColors([...outlets, ...figures.items.flatMap((g) => g.outlets)]);
  const out = [];
  if (figures.undated?.length) {
    out.push(el('p', { class: 'muted', 'data-testid': 'undated' }, `${figures.undated.length} document${figures.undated.length === 1 ? '' : 's'} without a date ${figures.undated.length === 1 ? 'was' : 'were'} left out.`));
  }
  if (duplicates?.items?.length) {
    const list = duplicates.items.flatMap((d, i) => [i ? '; ' : '', d.documents.map((x) => `${x.outlet ?? x.id}${x.published ? ` (${x.published})` : ''}`).join(' = ')]);
    // a long list of copies is folded: the groups come first
    out.push(duplicates.items.length > 5
      ? el('details', { class: 'dups', 'data-testid': 'duplicates' }, el('summary', {}, el('b', {}, `Syndicated copies (counted once): ${duplicates.items.length} clusters`)), ...list)
      : el('p', { class: 'dups', 'data-testid': 'duplicates' }, el('b', {}, 'Syndicated copies (counted once): '), ...list));
  }
  if (!figures.items.length) out.push(el('p', { class: 'muted empty-board' }, 'No figure is reported by several documents for these settings.'));
  for (const g of figures.items) {
    const span = g.from && g.until && g.from !== g.until ? `${g.from} → ${g.until}` : g.from ?? 'no day';
    const cat = el('span', { class: 'cat' }, g.category);
    paintCategory(cat, g.category);
    const head = el('header', {},
      el('h3', {}, cat, ` ${g.group} · ${g.place ?? 'no place'}${g.placeLevel && g.placeLevel !== 'town' ? ` (${g.placeLevel})` : ''} · ${span}`),
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
      (g.parts ?? []).length ? partsOf(g, color) : null,
      ...g.denials.map((d) => el('div', { class: 'denial', 'data-testid': 'denial', 'data-kind': d.kind ?? 'figure' }, el('span', { class: 'flag denied' }, DENIAL_TEXT[d.kind] ?? 'denied'), ` ${d.source ?? 'unnamed'} (${d.outlet ?? '—'}): `, el('q', {}, d.sentence.length > 220 ? d.sentence.slice(0, 217) + '…' : d.sentence))),
    );
    const rows = g.entries.map((e) => {
      const marks = [e.copyOf ? el('span', { class: 'mark copy', title: `syndicated copy of ${e.copyOf}; counted once` }, 'copy') : null, e.outlier ? el('span', { class: 'mark outlier', title: 'more than three times off the median of its days' }, 'outlier') : null, e.vague ? el('span', { class: 'mark copy', title: 'a vague figure: never the range or the most conservative figure' }, 'vague') : null, e.reviewed && e.reviewed !== 'pending' ? el('span', { class: `badge ${e.reviewed}`, title: 'checked by an analyst', 'data-testid': 'entry-reviewed' }, e.reviewed) : null];
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
    const entries = el('div', { class: 'table-scroll' }, table);
    if (rows.length > OPEN_ENTRIES) {
      // the first entries open, the rest behind a button: a page of groups stays short
      for (const r of rows.slice(OPEN_ENTRIES)) r.hidden = true;
      const more = el('button', { type: 'button', class: 'more fig-more', 'aria-expanded': 'false', 'data-testid': 'figure-more' }, `show all ${rows.length} entries`);
      more.addEventListener('click', () => {
        const open = more.getAttribute('aria-expanded') !== 'true';
        for (const r of rows.slice(OPEN_ENTRIES)) r.hidden = !open;
        more.setAttribute('aria-expanded', String(open));
        more.textContent = open ? `show the first ${OPEN_ENTRIES} entries` : `show all ${rows.length} entries`;
      });
      entries.append(more);
    }
    out.push(el('section', { class: 'fig-group', 'data-testid': 'figure-group', 'data-category': g.category, 'data-group': g.group, 'aria-label': `${g.category} ${g.group} ${g.place ?? ''}` },
      head,
      el('div', { class: 'fig-body' }, el('div', { class: 'fig-plot' }, figureChart(g, color), legend), summary),
      entries));
  }
  root.replaceChildren(...out);
}

const termName = (id) => id.replace(/-/g, ' ');

/** The framing chart of one target: per outlet (every one), its loaded words per 100 documents, stacked by word. */
export function framingChart(data, target) {
  const Plot = globalThis.Plot;
  const neutral = new Set(data.neutralTerms ?? []);
  const rows = data.outlets.flatMap((o) => Object.entries(o.per100?.[target] ?? {}).filter(([id]) => !neutral.has(id)).map(([id, n]) => ({ outlet: o.outlet, term: termName(id), n })));
  if (!rows.length || !Plot) return null;
  const totals = new Map();
  for (const r of rows) totals.set(r.term, (totals.get(r.term) ?? 0) + r.n);
  // the eight words used most get a colour of their own; the rest are "other"
  const top = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t]) => t);
  const shown = rows.map((r) => (top.includes(r.term) ? r : { ...r, term: 'other' }));
  const outlets = data.outlets.map((o) => o.outlet);
  const chart = Plot.plot({
    width: Math.min(520, Math.max(300, globalThis.innerWidth - 40)),
    height: 30 + 22 * outlets.length,
    marginLeft: Math.min(160, 8 + 7 * Math.max(...outlets.map((o) => o.length))),
    style: { fontSize: '11px', background: 'transparent' },
    x: { label: 'uses per 100 documents', grid: true },
    y: { label: null, domain: outlets },
    color: { legend: true, domain: [...top, ...(shown.some((r) => r.term === 'other') ? ['other'] : [])], scheme: 'tableau10' },
    marks: [Plot.barX(shown, Plot.stackX({ y: 'outlet', x: 'n', fill: 'term', title: (r) => `${r.outlet}: ${r.term} ${r.n} per 100 documents` })), Plot.ruleX([0])],
  });
  const fig = el('figure', { class: 'framing-chart', 'data-testid': 'framing-chart', 'data-target': target });
  quietChart(chart, `${data.targetNames?.[target] ?? target}: loaded words per 100 documents, by outlet`);
  fig.append(el('figcaption', {}, data.targetNames?.[target] ?? target), chart);
  return fig;
}

/** The framing board: a chart per target, then a table with a column per outlet (labels by target, then each category of loaded terms). */
export function renderFramingBoard(root, data, { linkTo }) {
  const outlets = data.outlets;
  if (!outlets.length) {
    root.replaceChildren(el('p', { class: 'muted empty-board' }, 'No documents yet.'));
    return;
  }
  const neutralTerms = new Set(data.neutralTerms ?? []);
  const chip = (o, term, n, per100) => {
    const neutral = o.neutral[term];
    const ex = o.examples[term]?.[0];
    const quoted = o.quoted?.[term];
    const isNeutral = neutralTerms.has(term);
    const title = `${termName(term)} ×${n}${per100 != null ? ` (${per100} per 100 documents)` : ''}${isNeutral ? '\na neutral name' : neutral ? `\nneutral alternative: ${neutral}` : ''}${quoted ? `\n+${quoted} inside quotations (the speakers' words)` : ''}${ex ? `\n“${ex.sentence.slice(0, 200)}”` : ''}`;
    return el('a', { class: `term${isNeutral ? ' is-neutral' : neutral ? ' has-neutral' : ''}`, title, href: ex ? linkTo(ex.docId, null) : undefined, 'data-testid': 'framing-label', 'data-term': term, 'data-neutral': neutral ?? '' }, termName(term), el('b', {}, String(per100 ?? n)));
  };
  const cells = (table, key) =>
    outlets.map((o) => {
      const entries = Object.entries(o[table][key] ?? {}).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const td = el('td', { 'data-testid': 'framing-cell', 'data-outlet': o.outlet, [`data-${table === 'labels' ? 'target' : 'category'}`]: key });
      if (!entries.length) td.append(el('span', { class: 'muted' }, '—'));
      const per = (t) => (table === 'labels' ? o.per100?.[key]?.[t] : undefined);
      const shown = entries.length > MAX_CHIPS + 2 ? MAX_CHIPS : entries.length;
      td.append(...entries.slice(0, shown).map(([t, n]) => chip(o, t, n, per(t))));
      if (shown < entries.length) {
        const more = el('button', { type: 'button', class: 'more', title: 'show every term' }, `+${entries.length - shown} more`);
        more.addEventListener('click', () => more.replaceWith(...entries.slice(shown).map(([t, n]) => chip(o, t, n, per(t)))));
        td.append(more);
      }
      return td;
    });
  const order = Object.keys(data.targetNames ?? {});
  const rank = (t) => (order.includes(t) ? order.indexOf(t) : order.length);
  const head = el('tr', {}, el('th', { scope: 'col' }, 'outlet →'), ...outlets.map((o) => el('th', { scope: 'col', 'data-outlet': o.outlet }, o.outlet, el('span', { class: 'docs' }, `${o.documents} doc${o.documents === 1 ? '' : 's'}`))));
  const body = [];
  body.push(el('tr', { class: 'section' }, el('th', { colspan: outlets.length + 1 }, 'How each outlet names… (uses per 100 documents; grey: a neutral name)')));
  for (const t of [...data.targets].sort((a, b) => rank(a) - rank(b))) body.push(el('tr', { 'data-target': t }, el('th', { class: 'rowhead', scope: 'row' }, data.targetNames?.[t] ?? t), ...cells('labels', t)));
  body.push(el('tr', { class: 'section' }, el('th', { colspan: outlets.length + 1 }, 'Loaded terms by kind (counts; hover for the neutral alternative)')));
  for (const k of data.categories) body.push(el('tr', { 'data-category': k }, el('th', { class: 'rowhead', scope: 'row' }, k), ...cells('terms', k)));
  const charts = [...data.targets].sort((a, b) => rank(a) - rank(b)).map((t) => framingChart(data, t)).filter(Boolean);
  root.replaceChildren(
    el('div', { class: 'framing-charts' }, ...charts),
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': 'Framing table, every outlet' }, el('table', { class: 'framing-table', 'data-testid': 'framing-table' }, el('thead', {}, head), el('tbody', {}, ...body))),
  );
}
