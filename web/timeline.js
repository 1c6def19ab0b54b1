// Claims by day, drawn with Observable Plot (vendored, offline): one stacked bar per day (colour by
// category), a time axis and a count axis. Clicking a bar, or Enter on it, selects that day
// (since = until = day).
import { el, colorOf, quietChart } from './dom.js';

const DAY = 86400000;
const dayOf = (s) => Date.parse(s + 'T00:00:00Z');

/** One row per day and category, in day order (the order Plot draws the bars in). */
export function timelineRows(days) {
  return days.flatMap((d) => Object.entries(d.categories).sort().map(([category, claims]) => ({ day: d.day, date: new Date(dayOf(d.day)), category, claims, total: d.claims })));
}

export function renderTimeline(container, days, { since, until, onSelect }) {
  container.replaceChildren();
  if (!days.length) {
    container.append(el('div', { class: 'none' }, 'No dated claims for these filters.'));
    return;
  }
  const Plot = globalThis.Plot;
  const rows = timelineRows(days);
  const first = dayOf(days[0].day);
  const last = dayOf(days[days.length - 1].day);
  const W = Math.max(300, Math.round(container.clientWidth || 600));
  const n = Math.round((last - first) / DAY) + 1;
  const categories = [...new Set(rows.map((r) => r.category))].sort();
  const chart = Plot.plot({
    width: W,
    height: 150,
    marginLeft: 40,
    marginBottom: 28,
    style: { fontSize: '11px', background: 'transparent' },
    x: { type: 'utc', label: null, domain: [new Date(first - DAY / 2), new Date(last + DAY / 2)], ticks: Math.max(2, Math.min(8, Math.floor(W / 110))) },
    y: { label: 'claims', grid: true, ticks: 4, tickFormat: 'd' },
    color: { domain: categories, range: categories.map(colorOf) },
    marks: [
      Plot.rectY(rows, Plot.stackY({ x1: (r) => new Date(dayOf(r.day) - (DAY * 0.4)), x2: (r) => new Date(dayOf(r.day) + DAY * 0.4), y: 'claims', fill: 'category', title: (r) => `${r.day}: ${r.claims} ${r.category} claim(s) of ${r.total}`, insetLeft: n > 200 ? 0 : 0.5, insetRight: n > 200 ? 0 : 0.5 })),
      Plot.ruleY([0]),
    ],
  });
  quietChart(chart, `Claims by day, ${days[0].day} to ${days[days.length - 1].day}`);
  // each bar selects its day; bars are also buttons for the keyboard
  // (each bar's day is read from its title, which Plot writes as a child)
  for (const rect of chart.querySelectorAll('rect')) {
    const day = rect.querySelector('title')?.textContent?.slice(0, 10);
    if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) continue;
    rect.setAttribute('data-day', day);
    rect.setAttribute('data-testid', 'timeline-bar');
    if (since && until && day >= since && day <= until) rect.classList.add('sel');
    rect.addEventListener('click', () => onSelect(day));
  }
  container.append(chart);
  // the keyboard way to pick a day: a compact select under the chart
  const pick = el('select', { 'aria-label': 'Select a day', class: 'day-pick', 'data-testid': 'timeline-day' }, el('option', { value: '' }, 'pick a day…'), ...days.map((d) => el('option', { value: d.day }, `${d.day} (${d.claims})`)));
  if (since && since === until) pick.value = since;
  pick.addEventListener('change', () => pick.value && onSelect(pick.value));
  container.append(pick);
}
