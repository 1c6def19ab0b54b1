// Tiny DOM helpers. Text always goes in as textContent (never innerHTML), so article text and
// anything else from the database is shown escaped.
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** el('td', {class: 'num', title: 'x'}, 'text', childNode...) */
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  for (const c of children) if (c != null && c !== false) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

export function svg(tag, attrs = {}) {
  const e = document.createElementNS(SVG_NS, tag);
  setAttrs(e, attrs);
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'text') e.textContent = String(v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
}

export async function api(path) {
  const r = await fetch(path, { headers: { accept: 'application/json' } });
  let body;
  try {
    body = await r.json();
  } catch {
    throw new Error(`${path}: ${r.status} ${r.statusText}`);
  }
  if (!r.ok) throw new Error(body?.error?.message ?? `${path}: ${r.status}`);
  return body;
}

export function debounce(fn, ms) {
  let t;
  return (...a) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...a), ms);
  };
}

export const CATEGORY_COLORS = {
  killed: '#b2182b', injured: '#ef8a62', displaced: '#2166ac', detained: '#7b3294', abducted: '#c2a5cf',
  missing: '#5aae61', trapped: '#8c510a', affected: '#67a9cf', casualties: '#d6604d', vehicles: '#4d4d4d', other: '#999999',
};
export const colorOf = (cat) => CATEGORY_COLORS[cat] ?? '#999999';

/** Black or white, whichever reads better on a #rrggbb background (WCAG contrast). */
export function textOn(hex) {
  const lum = (c) => {
    const v = parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000';
  const L = 0.2126 * lum(m[1]) + 0.7152 * lum(m[2]) + 0.0722 * lum(m[3]);
  return (L + 0.05) / 0.05 >= 1.05 / (L + 0.05) ? '#000' : '#fff';
}

/** A category badge: its colour as background, text in black or white to stay readable. */
export function paintCategory(node, category) {
  const bg = colorOf(category);
  node.style.background = bg;
  node.style.color = textOn(bg);
  return node;
}

/** Plot labels its inner groups with aria-label, which SVG groups without a role may not carry: the chart as a whole is one labelled image. */
export function quietChart(chart, label) {
  const svgRoot = chart.tagName?.toLowerCase() === 'svg' ? chart : chart.querySelector('svg');
  for (const n of chart.querySelectorAll('[aria-label]')) if (n !== svgRoot) n.removeAttribute('aria-label');
  if (svgRoot) {
    svgRoot.setAttribute('role', 'img');
    svgRoot.setAttribute('aria-label', label);
  }
  return chart;
}

export const PRECISION_TEXT = { 1: 'precision 1: the place itself', 2: 'precision 2: near or part of it', 3: 'precision 3: only its region' };

export function formatValue(v) {
  if (!v) return '';
  const n = (x) => (x == null ? '' : Number(x).toLocaleString('en-US'));
  let s;
  if (v.min != null && v.max != null && v.min !== v.max) s = `${n(v.min)}–${n(v.max)}`;
  else if (v.min != null && v.max == null) s = `≥${n(v.min)}`;
  else if (v.min == null && v.max != null) s = `≤${n(v.max)}`;
  else s = n(v.min ?? v.max);
  return (v.approx ? '≈' : '') + s;
}

/** The row that opened the article last: the focus goes back to it when the article closes. */
export const opener = { last: null };

/** A row that opens something: by click, and by Enter or Space when focused (rows carry tabindex 0). */
export function activate(row, open) {
  const go = () => {
    opener.last = row;
    open();
  };
  row.addEventListener('click', go);
  row.addEventListener('keydown', (e) => {
    if (e.target !== row || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    go();
  });
}
