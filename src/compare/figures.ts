// The figure board: claims from many documents that report the same quantity, grouped, with every
// source's figure side by side.
//
// Two claims report the same quantity when they have the same category, compatible counted groups
// (people ⊃ civilians; fighters apart), the same place or one inside the other, and days within
// DAY_WINDOW of each other. Grouping is transitive (union-find over the closest pairs first), so a
// death toll that grows from 25 to 300 to 400 over four days stays one group, read as a timeline.
// A join must keep the group coherent: on one day its precise figures stay within SAME_DAY_SPREAD of
// each other; from one day to a later one a toll may grow (by DAILY_GROWTH a day) but hardly fall.
// Vague figures ("dozens") never set the range. A count of a part ("including 11 children", "11
// children were among the dead") is never the group's figure: it is shown under the toll.
import type { AnalysisRecord } from '../output/record.js';
import type { DuplicateCluster } from './near-duplicates.js';
import { mainPlace } from '../geo/main-place.js';
import { ancestors, compatibleGroups, groupClass, isPartClass, strictlyInside, type GroupLexicon } from './groups.js';
import { isSpecific, samePlace, type FigurePlace, type PlaceLevel, type RegionNameTest } from './figure-place.js';
import { sentenceAround } from './sentence.js';
import { loadFigureCues } from './cues.js';
import type { Denial } from './denials.js';
import { summarise } from './figure-summary.js';
import { isPrecise, point } from './value.js';

export type CompareDoc = AnalysisRecord & { text: string };
export { loadGroupLexicon, groupClass, compatibleGroups, type GroupLexicon } from './groups.js';
export { sentenceAround } from './sentence.js';
export type { RegionNameTest, PlaceLevel } from './figure-place.js';

export interface FigureEntry {
  docId: string;
  outlet: string | null;
  source: string | null;
  hedged: boolean;
  value: { min: number | null; max: number | null; approx: boolean };
  category: string;
  who: string;
  place: string | null;
  date: string | null;
  /** The claim's sentence and the claim's offsets into the document text. */
  sentence: string;
  start: number;
  end: number;
  /** Set when the document is a syndicated copy of another document in the comparison. */
  copyOf?: string;
  outlier?: boolean;
  /** A vague figure ("dozens"): shown, never the group's range, most conservative or outlier. */
  vague?: boolean;
  /** A count of a part of the toll ("including 11 children"); partOf: the whole it breaks down, when the sentence gives it. */
  part?: boolean;
  partOf?: string;
}

export interface FigureGroup {
  id: number;
  category: string;
  group: string;
  /** The place the reports agree on, at the level they agree on. */
  place: string | null;
  placeLevel: PlaceLevel | null;
  from: string | null;
  until: string | null;
  entries: FigureEntry[];
  /** Counts of a part of the toll (children, women), shown under it. */
  parts: FigureEntry[];
  /** Distinct reports (syndicated copies counted once). */
  reports: number;
  outlets: string[];
  sources: string[];
  spread: number | null;
  /** The figures rise with the days: a growing toll, read as a timeline. */
  rising: boolean;
  mostConservative: FigureEntry;
  mostRecent: FigureEntry;
  denials: Denial[];
  flags: string[];
}

export const DAY_WINDOW = 3;
/** Largest ratio between the medians of two parts of a group on one day, and the most a toll may fall later. */
const SAME_DAY_SPREAD = 3;
/** A single figure may join a group at up to this ratio from its median on that day: it is shown, flagged as an outlier. */
const STRAY_SPREAD = 10;
/** How much a toll may grow per day on top of SAME_DAY_SPREAD. */
const DAILY_GROWTH = 3;
/** Longest run of days one group may cover. */
const MAX_DAYS = 7;
/** A claim placed only by its document's main place or its country joins others only on a figure this close. */
const WEAK_MATCH = 0.15;
const DAY = 86_400_000;

export interface Row {
  doc: CompareDoc;
  claim: AnalysisRecord['claims'][number];
  cls: string;
  place: FigurePlace | null;
  /** The place is only the document's main place, or a country. */
  weak: boolean;
  day: number | null;
  /** A count of a part: a breakdown of a larger count in its sentence, or followed by "among the dead". */
  part: boolean;
  /** The larger count in the same sentence that this row breaks down. */
  whole: Row | null;
  /** part, or a class that counts a part of a population (children, women) */
  partish: boolean;
  /** The counted noun, singular ("trucks" → "truck"), for vehicles. */
  head: string;
  v: number;
  /** A figure precise enough to set a group's range ("at least 58", "some 80"; not "dozens"). */
  precise: boolean;
}

const singular = (w: string) => w.replace(/(ies)$/, 'y').replace(/(ses|xes|ches|shes)$/, (m) => m.slice(0, -2)).replace(/s$/, '');
const headOf = (who: string) => singular((who.toLowerCase().match(/[a-z]+/g) ?? ['']).pop() ?? '');
const hi = (v: FigureEntry['value']) => v.max ?? v.min ?? 0;
const lo = (v: FigureEntry['value']) => v.min ?? v.max ?? 0;
const dayOf = (d: string | null | undefined) => (d ? Date.parse(d + 'T00:00:00Z') : null);

/** Can two claims be reports of one quantity? (category and day are checked by the caller) */
function sameQuantity(a: Row, b: Row, lex: GroupLexicon): boolean {
  // parts group only with counts of the same part; wholes with compatible wholes
  if (a.partish || b.partish ? !(a.partish && b.partish && a.cls === b.cls) : !compatibleGroups(a.cls, b.cls, lex)) return false;
  // a single person or vehicle is another incident than a toll of many
  if ((hi(a.claim.value) <= 2 && lo(b.claim.value) >= 5) || (hi(b.claim.value) <= 2 && lo(a.claim.value) >= 5)) return false;
  // buses are not tanks
  if (a.claim.category === 'vehicles' && a.head !== b.head) return false;
  if (samePlace(a.place, b.place)) return true;
  // (placed only at its country, a figure joins one of a place there only when the two agree)
  return (countryHolds(a.place, b.place) || countryHolds(b.place, a.place)) && a.v > 0 && b.v > 0 && near(a.v, b.v);
}

/** "22 dead in a town in the north of Syria" beside "24 dead in Tal Rifat": a figure placed
 * only at its country may be one reported in a place of that country (the group's values still have to agree). */
function countryHolds(c: FigurePlace | null, p: FigurePlace | null): boolean {
  return !!c && !!p && c.kind === 'country' && p.kind !== 'country' && !!c.country && c.country === p.country;
}

/** Documents that report figures but carry no date: left out of the board, and said so. */
export function undatedDocuments(docs: CompareDoc[]): string[] {
  return docs.filter((d) => d.claims.length && d.claims.every((c) => dayOf(c.date ?? d.referenceDate ?? d.published) == null)).map((d) => d.id);
}

function rowsOf(doc: CompareDoc, lex: GroupLexicon): Row[] {
  const cues = loadFigureCues();
  // claims without a place fall back to the document's main place (weak evidence)
  const fallback = mainPlace(doc.places);
  const rows: Row[] = doc.claims.map((claim) => {
    const own = (claim.place && doc.places.find((p) => p.start === claim.place!.start)) || null;
    const place = own ?? fallback;
    const cls = groupClass(claim.who, lex, claim.category);
    return { doc, claim, cls, place, weak: !own || own.kind === 'country', day: dayOf(claim.date ?? doc.referenceDate ?? doc.published), part: false, whole: null, partish: false, head: headOf(claim.who), v: point(claim.value), precise: isPrecise(claim.value) };
  });
  const sentences = rows.map((r) => sentenceAround(doc.text, r.claim.start, r.claim.end));
  rows.forEach((r, i) => {
    // a part of a larger count of a broader group in the same sentence ("58 people, including 11 children")
    r.whole = rows.find((o, j) => o !== r && o.claim.category === r.claim.category && strictlyInside(r.cls, o.cls, lex) && lo(o.claim.value) > hi(r.claim.value) && sentences[j] === sentences[i]) ?? null;
    // "11 children were among the dead": a part of a toll the sentence does not give
    const qEnd = r.claim.quantity?.end ?? r.claim.start;
    const after = doc.text.slice(qEnd, Math.max(r.claim.end, qEnd) + 50).split(/[,.;:!?\n]/)[0];
    r.part = r.whole != null || cues.partAfter.test(after);
    r.partish = r.part || isPartClass(r.cls, lex);
  });
  return rows;
}

interface State {
  towns: FigurePlace[];
  /** day → the precise figures of that day */
  days: Map<number, number[]>;
  values: number[];
  strong: boolean;
  /** documents of the group's claims */
  docs: Set<string>;
  from: number;
  until: number;
}

function stateOf(r: Row, regionName?: RegionNameTest): State {
  const days = new Map<number, number[]>();
  if (r.precise && r.day != null && r.v > 0) days.set(r.day, [r.v]);
  return {
    // only places the gazetteer placed, named by the claim itself, constrain a group
    towns: !r.weak && isSpecific(r.place, regionName) && r.place!.geonameId != null ? [r.place!] : [],
    days,
    values: r.precise && r.v > 0 ? [r.v] : [],
    strong: !r.weak,
    docs: new Set([r.doc.id]),
    from: r.day ?? Infinity,
    until: r.day ?? -Infinity,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const near = (v: number, w: number) => Math.abs(v - w) <= WEAK_MATCH * Math.max(v, w);

/**
 * Can two groups be one quantity over time? Each day is read by its median, so one stray figure
 * does not lock a group's range: on one day the medians stay within SAME_DAY_SPREAD of each other;
 * a later day's may grow by DAILY_GROWTH a day, and may fall by SAME_DAY_SPREAD at most.
 */
function coherent(A: State, B: State): boolean {
  if (Math.max(A.until, B.until) - Math.min(A.from, B.from) > MAX_DAYS * DAY) return false;
  // two groups that each name towns must share one (a stray misplaced town does not split them)
  if (A.towns.length && B.towns.length && !A.towns.some((t) => B.towns.some((u) => samePlace(t, u)))) return false;
  // claims placed only by their document or country join others on a figure already there, or
  // when their document already reports in the group (its main place is then the group's)
  if (!A.strong || !B.strong) {
    const [weak, other] = !A.strong ? [A, B] : [B, A];
    const sameDocs = other.strong && [...weak.docs].every((d) => other.docs.has(d));
    if (!sameDocs && weak.values.length && other.values.length) {
      const matched = weak.values.filter((v) => other.values.some((w) => near(v, w))).length;
      if (matched * 2 < weak.values.length || (!other.strong && matched < weak.values.length)) return false;
    }
  }
  if (A.values.length && B.values.length) {
    const ma = median(A.values), mb = median(B.values);
    if ((ma <= 2 && mb >= 5) || (mb <= 2 && ma >= 5)) return false; // one or two dead are another incident than a toll
  }
  for (const [da, a] of A.days) {
    const ma = median(a);
    for (const [db, b] of B.days) {
      const mb = median(b);
      if (da === db) {
        const limit = a.length === 1 || b.length === 1 ? STRAY_SPREAD : SAME_DAY_SPREAD;
        if (Math.max(ma, mb) > limit * Math.min(ma, mb)) return false;
        continue;
      }
      const [early, late, gap] = da < db ? [ma, mb, (db - da) / DAY] : [mb, ma, (da - db) / DAY];
      if (late * SAME_DAY_SPREAD < early) return false; // a toll hardly falls
      if (late > early * SAME_DAY_SPREAD * DAILY_GROWTH ** gap) return false;
    }
  }
  return true;
}

function mergeStates(A: State, B: State): State {
  const days = new Map(B.days);
  for (const [d, a] of A.days) days.set(d, [...(days.get(d) ?? []), ...a]);
  return {
    towns: [...B.towns, ...A.towns.filter((t) => !B.towns.some((u) => u.geonameId === t.geonameId && u.name === t.name))],
    days,
    values: [...B.values, ...A.values],
    strong: A.strong || B.strong,
    docs: new Set([...A.docs, ...B.docs]),
    from: Math.min(A.from, B.from),
    until: Math.max(A.until, B.until),
  };
}

/** Union-find over the candidate pairs, closest first (same place and day, similar figures). */
function cluster(rows: Row[], lex: GroupLexicon, regionName?: RegionNameTest): number[][] {
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const state = rows.map((r) => stateOf(r, regionName));
  const byCategory = new Map<string, number[]>();
  rows.forEach((r, i) => {
    if (r.day == null) return;
    const list = byCategory.get(r.claim.category) ?? [];
    list.push(i);
    byCategory.set(r.claim.category, list);
  });
  const pairs: [number, number, number][] = [];
  for (const list of byCategory.values()) {
    // in day order, each row meets only the rows of the next DAY_WINDOW days (not every row of its category)
    const byDay = [...list].sort((i, j) => rows[i].day! - rows[j].day! || i - j);
    for (let x = 0; x < byDay.length; x++) {
      for (let y = x + 1; y < byDay.length; y++) {
        const [i, j] = byDay[x] < byDay[y] ? [byDay[x], byDay[y]] : [byDay[y], byDay[x]];
        const a = rows[i], b = rows[j];
        if (Math.abs(a.day! - b.day!) > DAY_WINDOW * DAY) break;
        if (a.doc === b.doc && a.claim.start === b.claim.start) continue;
        if (!sameQuantity(a, b, lex)) continue;
        const exact = a.place && b.place && (a.place.geonameId ?? a.place.name) === (b.place.geonameId ?? b.place.name) ? 0 : 1;
        const pa = a.v || 1, pb = b.v || 1;
        pairs.push([i, j, exact + (a.weak || b.weak ? 0.5 : 0) + Math.abs(a.day! - b.day!) / DAY / 2 + Math.abs(Math.log(pa / pb))]);
      }
    }
  }
  // closest first; among equals in row order, as when every pair of rows was met in row order
  pairs.sort((p, q) => p[2] - q[2] || p[0] - q[0] || p[1] - q[1]);
  for (const [i, j] of pairs) {
    const ri = find(i), rj = find(j);
    if (ri === rj || !coherent(state[ri], state[rj])) continue;
    parent[ri] = rj;
    state[rj] = mergeStates(state[ri], state[rj]);
  }
  const members = new Map<number, number[]>();
  rows.forEach((r, i) => {
    if (r.day == null) return;
    const root = find(i);
    const m = members.get(root);
    if (m) m.push(i);
    else members.set(root, [i]);
  });
  return [...members.values()];
}

/** The whole group a cluster of part counts belongs under: the one holding their wholes, else one at the same place and days. */
function homeOf(parts: Row[], wholes: Row[][], lex: GroupLexicon): number {
  const votes = new Map<number, number>();
  const groupOf = new Map<Row, number>();
  wholes.forEach((g, k) => g.forEach((r) => groupOf.set(r, k)));
  for (const p of parts) {
    const k = p.whole ? groupOf.get(p.whole) : undefined;
    if (k != null) votes.set(k, (votes.get(k) ?? 0) + 2);
  }
  if (!votes.size) {
    wholes.forEach((g, k) => {
      const n = parts.filter((p) => g.some((r) => r.claim.category === p.claim.category && strictlyInside(p.cls, r.cls, lex) && Math.abs(r.day! - p.day!) <= DAY_WINDOW * DAY && samePlace(r.place, p.place))).length;
      if (n) votes.set(k, n * 1000 + g.length);
    });
  }
  let best = -1, bestN = 0;
  for (const [k, n] of votes) if (n > bestN) [best, bestN] = [k, n];
  return best;
}

export function groupFigures(docs: CompareDoc[], lex: GroupLexicon, clusters: DuplicateCluster[] = [], regionName?: RegionNameTest): FigureGroup[] {
  const copyOf = new Map<string, string>();
  for (const c of clusters) for (const id of c.ids.slice(1)) copyOf.set(id, c.ids[0]);
  const rows = docs.flatMap((d) => rowsOf(d, lex));
  const clustered = cluster(rows, lex, regionName).map((idx) => idx.map((i) => rows[i]));
  const docCount = (g: Row[]) => new Set(g.map((r) => r.doc.id)).size;
  // groups of wholes reported by two documents or more; parts go under the toll they break down
  const wholes = clustered.filter((g) => !g[0].partish && docCount(g) >= 2);
  const partsOf = wholes.map((): Row[] => []);
  const standalone: Row[][] = [];
  for (const g of clustered) {
    if (!g[0].partish) continue;
    const home = homeOf(g, wholes, lex);
    if (home >= 0) partsOf[home].push(...g);
    // a count of children only, from several outlets, is a quantity of its own
    else if (docCount(g) >= 2 && g.some((r) => !r.part)) standalone.push(g);
  }
  const groups: FigureGroup[] = [];
  const all: [Row[], Row[]][] = [...wholes.map((g, k): [Row[], Row[]] => [g, partsOf[k]]), ...standalone.map((g): [Row[], Row[]] => [g, []])];
  for (const [members, parts] of all) {
    groups.push(summarise(groups.length + 1, members, parts, docs, lex, { copyOf, regionName, dayWindow: DAY_WINDOW }));
  }
  groups.sort((a, b) => b.reports - a.reports || b.entries.length - a.entries.length);
  groups.forEach((g, i) => (g.id = i + 1));
  return groups;
}

export { ancestors };
