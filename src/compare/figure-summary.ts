// One figure group's summary: entries in day order, parts under the toll, outliers, spread, rising,
// most conservative and most recent figure, agreed place, denials beside it.
import type { CompareDoc, FigureEntry, FigureGroup, Row } from './figures.js';
import { isPrecise, point } from './value.js';
import { ancestors, type GroupLexicon } from './groups.js';
import { agreedPlace, type RegionNameTest } from './figure-place.js';
import { findDenials } from './denials.js';
import { sentenceAround } from './sentence.js';
import { formatValue } from '../output/table.js';

function entryOf(r: Row, copyOf: Map<string, string>): FigureEntry {
  const { doc, claim, place, day } = r;
  return {
    docId: doc.id,
    outlet: doc.outlet,
    source: claim.source?.name ?? null,
    hedged: claim.hedged,
    value: claim.value,
    category: claim.category,
    who: claim.who,
    place: place?.name ?? null,
    date: day != null ? new Date(day).toISOString().slice(0, 10) : null,
    sentence: sentenceAround(doc.text, claim.start, claim.end),
    start: claim.start,
    end: claim.end,
    ...(copyOf.has(doc.id) ? { copyOf: copyOf.get(doc.id) } : {}),
    ...(isPrecise(claim.value) ? {} : { vague: true }),
  };
}

const byDay = (a: FigureEntry, b: FigureEntry) => (a.date ?? '').localeCompare(b.date ?? '') || point(a.value) - point(b.value);

export function summarise(id: number, rows: Row[], partRows: Row[], docs: CompareDoc[], lex: GroupLexicon, opts: { copyOf: Map<string, string>; regionName?: RegionNameTest; dayWindow: number }): FigureGroup {
  const entries = rows.map((r) => entryOf(r, opts.copyOf)).sort(byDay);
  const parts = partRows
    .map((r) => ({ ...entryOf(r, opts.copyOf), part: true, ...(r.whole ? { partOf: `${formatValue(r.whole.claim.value)} ${r.whole.claim.who}` } : {}) }))
    .sort(byDay);
  const originals = entries.filter((e) => !e.copyOf);
  const reports = new Set(originals.map((e) => e.docId)).size;
  const precise = originals.filter((e) => !e.vague && point(e.value) > 0);
  // an outlier stands far from the figures given the same day or the day next to it (a toll may rise)
  const DAY = 86_400_000;
  const dayNo = (e: FigureEntry) => (e.date ? Date.parse(e.date) / DAY : NaN);
  const flags: string[] = [];
  for (const e of precise) {
    const near = precise.filter((o) => Math.abs(dayNo(o) - dayNo(e)) <= 1).map((o) => point(o.value)).sort((a, b) => a - b);
    if (near.length < 3) continue;
    const median = near[Math.floor(near.length / 2)];
    const v = point(e.value);
    if (v > 3 * median || v * 3 < median) {
      e.outlier = true;
      if (!flags.includes('outlier')) flags.push('outlier');
    }
  }
  const inRange = precise.filter((e) => !e.outlier);
  const min = inRange.length ? Math.min(...inRange.map((e) => point(e.value))) : null;
  const max = inRange.length ? Math.max(...inRange.map((e) => point(e.value))) : null;
  // rising: per day, the largest figure; days in order never fall and rise at least once
  const perDay = new Map<string, number>();
  for (const e of inRange) if (e.date) perDay.set(e.date, Math.max(perDay.get(e.date) ?? 0, point(e.value)));
  const days = [...perDay.keys()].sort();
  let rising = days.length >= 2;
  for (let i = 1; i < days.length; i++) if (perDay.get(days[i])! < perDay.get(days[i - 1])!) rising = false;
  if (rising && perDay.get(days[0]) === perDay.get(days[days.length - 1])) rising = false;
  if (rising) flags.push('rising');
  else if (min != null && max != null && max > min) flags.push('disputed');
  const lowest = (e: FigureEntry) => e.value.min ?? e.value.max ?? Infinity;
  const pool = inRange.length ? inRange : originals.length ? originals : entries;
  const mostConservative = pool.reduce((a, b) => (lowest(b) < lowest(a) ? b : a));
  const mostRecent = pool.reduce((a, b) => ((b.date ?? '') >= (a.date ?? '') ? b : a));
  const denials = findDenials(
    { category: rows[0].claim.category, classes: new Set(rows.map((r) => r.cls)), days: rows.map((r) => r.day).filter((d): d is number => d != null), places: rows.map((r) => r.place) },
    docs,
    lex,
    opts.dayWindow,
  );
  if (denials.length) flags.push('denied');
  const where = agreedPlace(rows.map((r) => ({ docId: r.doc.id, place: r.place, weak: r.weak })), opts.regionName);
  const dates = entries.map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
  return {
    id,
    category: rows[0].claim.category,
    group: rows.reduce((best, r) => (ancestors(r.cls, lex).length < ancestors(best, lex).length ? r.cls : best), rows[0].cls),
    place: where.place,
    placeLevel: where.level,
    from: dates[0] ?? null,
    until: dates[dates.length - 1] ?? null,
    entries,
    parts,
    reports,
    outlets: [...new Set(entries.map((e) => e.outlet ?? '—'))],
    sources: [...new Set(entries.map((e) => e.source ?? (e.hedged ? '(hedged)' : '(no source)')))],
    spread: min && max ? Math.round((max / min) * 100) / 100 : null,
    rising,
    mostConservative,
    mostRecent,
    denials,
    flags,
  };
}
