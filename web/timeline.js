// Claims by day: one stacked bar per day (colour by category), every day between the first and the
// last shown so that gaps read as gaps. Clicking a bar selects that day (since = until = day).
import { svg, el, colorOf } from './dom.js';

const DAY = 86400000;
const dayOf = (s) => Date.parse(s + 'T00:00:00Z');
const fmt = (t) => new Date(t).toISOString().slice(0, 10);

export function renderTimeline(container, days, { since, until, onSelect }) {
  container.replaceChildren();
  if (!days.length) {
    container.append(el('div', { class: 'none' }, 'No dated claims for these filters.'));
    return;
  }
  const first = dayOf(days[0].day);
  const last = dayOf(days[days.length - 1].day);
  const n = Math.round((last - first) / DAY) + 1;
  if (n > 3660) {
    // Over ten years: bars would be sub-pixel; keep the outer days only.
    container.append(el('div', { class: 'none' }, `${days.length} days with claims from ${days[0].day} to ${days[days.length - 1].day}.`));
    return;
  }
  const byDay = new Map(days.map((d) => [d.day, d]));
  const W = Math.max(300, Math.round(container.clientWidth || 600));
  const H = 130;
  const top = 6;
  const bottom = 20;
  const bw = W / n;
  const max = Math.max(...days.map((d) => d.claims));
  const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Claims by day' });
  for (let i = 0; i < n; i++) {
    const day = fmt(first + i * DAY);
    const d = byDay.get(day);
    if (!d) continue;
    let y = H - bottom;
    const g = svg('g', { class: 'bar', 'data-day': day, 'data-testid': 'timeline-bar' });
    const title = svg('title');
    title.textContent = `${day}: ${d.claims} claim(s)\n` + Object.entries(d.categories).map(([k, c]) => `${k}: ${c} claim(s), ${Math.round(d.totals[k] ?? 0).toLocaleString('en-US')} people/vehicles at least`).join('\n');
    g.append(title);
    for (const [cat, c] of Object.entries(d.categories).sort()) {
      const h = ((H - top - bottom) * c) / max;
      y -= h;
      const w = Math.min(Math.max(bw * 0.8, 0.8), 48);
      g.append(svg('rect', { x: i * bw + (bw - w) / 2, y, width: w, height: h, fill: colorOf(cat) }));
    }
    if (since && until && day >= since && day <= until) g.append(svg('rect', { class: 'sel', x: i * bw, y: top - 2, width: bw, height: H - bottom - top + 2 }));
    // A full-height invisible target so that thin bars are easy to click.
    g.append(svg('rect', { x: i * bw, y: top, width: bw, height: H - bottom - top, fill: 'transparent' }));
    g.addEventListener('click', () => onSelect(day));
    root.append(g);
  }
  const ticks = Math.min(n, Math.max(2, Math.floor(W / 90)));
  for (let k = 0; k < ticks; k++) {
    const i = ticks === 1 ? 0 : Math.round((k * (n - 1)) / (ticks - 1));
    const t = svg('text', { class: 'axis', x: Math.min(W - 60, i * bw), y: H - 5 });
    t.textContent = fmt(first + i * DAY);
    root.append(t);
  }
  container.append(root);
}
