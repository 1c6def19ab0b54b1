// The figure board: claims from many documents that report the same quantity, grouped, with every
// source's figure side by side.
//
// Two claims report the same quantity when they have the same category, compatible counted groups
// (people ⊃ civilians ⊃ children; fighters), the same place or one inside the other (same GeoNames
// id or name, same first-level region, or within PLACE_KM), and days within DAY_WINDOW of each
// other. Grouping is transitive (union-find), so a death toll that grows from 27 to 52 over several
// days stays one group, read as a timeline rather than as a contradiction.
import { readFileSync } from 'node:fs';
import type { AnalysisRecord } from '../output/record.js';
import type { DuplicateCluster } from './near-duplicates.js';
import { loadTranslit, skeletonKey, type Translit } from '../geo/normalize.js';
import { mainPlace } from '../geo/main-place.js';
import { english } from '../lang/index.js';

export type CompareDoc = AnalysisRecord & { text: string };

export interface GroupLexicon {
  /** word → deepest class holding it */
  classOf: Map<string, string>;
  parent: Map<string, string | null>;
}

export function loadGroupLexicon(file = english.data('groups.json')): GroupLexicon {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { classes: Record<string, { parent: string | null; words: string[] }> };
  const parent = new Map<string, string | null>();
  for (const [name, c] of Object.entries(raw.classes)) parent.set(name, c.parent);
  const depth = (c: string): number => {
    const p = parent.get(c);
    return p ? 1 + depth(p) : 0;
  };
  const classOf = new Map<string, string>();
  for (const [name, c] of Object.entries(raw.classes)) {
    for (const w of c.words) {
      const cur = classOf.get(w);
      if (!cur || depth(name) > depth(cur)) classOf.set(w, name);
    }
  }
  return { classOf, parent };
}

/**
 * The class of a counted group: for each conjunct ("women and children", "civilians and patients")
 * its last known word (the head: "injured civilians" → civilians), then the lowest class holding
 * every conjunct.
 */
export function groupClass(who: string, lex: GroupLexicon, category?: string): string {
  const conjuncts = who.toLowerCase().split(/\s*(?:,|\band\b|\bor\b|&)\s*/);
  const classes: string[] = [];
  for (const part of conjuncts) {
    const words = part.match(/[a-z]+(?:-[a-z]+)*/g) ?? [];
    for (let i = words.length - 1; i >= 0; i--) {
      const c = lex.classOf.get(words[i]);
      if (c) {
        classes.push(c);
        break;
      }
    }
  }
  if (!classes.length) return category === 'vehicles' ? 'vehicles' : 'people';
  return classes.reduce((a, b) => lowestCommon(a, b, lex) ?? 'people');
}

function lowestCommon(a: string, b: string, lex: GroupLexicon): string | null {
  const up = ancestors(a, lex);
  return ancestors(b, lex).find((c) => up.includes(c)) ?? null;
}

function ancestors(c: string, lex: GroupLexicon): string[] {
  const out = [c];
  for (let p = lex.parent.get(c); p; p = lex.parent.get(p)) out.push(p);
  return out;
}

export function compatibleGroups(a: string, b: string, lex: GroupLexicon): boolean {
  return ancestors(a, lex).includes(b) || ancestors(b, lex).includes(a);
}

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
}

export interface FigureGroup {
  id: number;
  category: string;
  group: string;
  place: string | null;
  from: string | null;
  until: string | null;
  entries: FigureEntry[];
  /** Distinct reports (syndicated copies counted once). */
  reports: number;
  outlets: string[];
  sources: string[];
  spread: number | null;
  /** The figures rise with the days: a growing toll, read as a timeline. */
  rising: boolean;
  mostConservative: FigureEntry;
  mostRecent: FigureEntry;
  denials: { docId: string; outlet: string | null; source: string | null; sentence: string }[];
  flags: string[];
}

const PLACE_KM = 30;
const DAY_WINDOW = 3;
/** Largest ratio between the highest and lowest figure of one group: a toll may grow, not jump 100-fold. */
const MAX_SPREAD = 15;
/** Longest run of days one group may cover. */
const MAX_DAYS = 7;
const DAY = 86_400_000;

interface Row {
  doc: CompareDoc;
  claim: AnalysisRecord['claims'][number];
  cls: string;
  place: AnalysisRecord['places'][number] | null;
  day: number | null;
  /** A part of a larger count in the same sentence ("18 civilians, including five children"). */
  breakdown: boolean;
  /** The counted noun, singular ("trucks" → "truck"), for vehicles. */
  head: string;
}

const singular = (w: string) => w.replace(/(ies)$/, 'y').replace(/(ses|xes|ches|shes)$/, (m) => m.slice(0, -2)).replace(/s$/, '');
const headOf = (who: string) => singular((who.toLowerCase().match(/[a-z]+/g) ?? ['']).pop() ?? '');
const hi = (v: FigureEntry['value']) => v.max ?? v.min ?? 0;
const lo = (v: FigureEntry['value']) => v.min ?? v.max ?? 0;

/** Can two claims be reports of one quantity? (category and day are checked by the caller) */
function sameQuantity(a: Row, b: Row, lex: GroupLexicon): boolean {
  if (a.breakdown || b.breakdown ? a.cls !== b.cls : !compatibleGroups(a.cls, b.cls, lex)) return false;
  // a single person or vehicle is another incident than a toll of many
  if ((hi(a.claim.value) <= 2 && lo(b.claim.value) >= 5) || (hi(b.claim.value) <= 2 && lo(a.claim.value) >= 5)) return false;
  // buses are not tanks
  if (a.claim.category === 'vehicles' && a.head !== b.head) return false;
  return samePlace(a.place, b.place);
}

function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

/** Tells whether a place's name is also the name of a province of its country ("Idlib", "Homs"). */
export type RegionNameTest = (p: NonNullable<Row['place']>) => boolean;

/** A town, village or district: not a country or a region, nor a city named like its province
 * (a report "in Idlib" may mean the province as well as the city). */
function isSpecific(p: Row['place'], regionName?: RegionNameTest): boolean {
  return Boolean(p && !['country', 'admin1', 'admin2', 'region'].includes(p.kind) && !(regionName && regionName(p)));
}

let translit: Translit | null = null;
/** Place names folded as the gazetteer folds them ("Khan Shaykun", "Khān Shaykhūn", "Khan Sheikhoun" meet). */
function nameKeys(p: NonNullable<Row['place']>): string[] {
  translit ??= loadTranslit();
  const keys = new Set<string>();
  for (const n of [p.name, p.text]) {
    const k = translit.key(n);
    if (!k) continue;
    keys.add(k);
    const sk = skeletonKey(k);
    if (sk) keys.add(sk);
  }
  return [...keys];
}

function samePlace(a: Row['place'], b: Row['place']): boolean {
  if (!a || !b) return false;
  if (a.geonameId != null && a.geonameId === b.geonameId) return true;
  if (a.name.toLowerCase() === b.name.toLowerCase()) return true;
  const kb = nameKeys(b);
  if (nameKeys(a).some((k) => kb.includes(k))) return true;
  if (a.country && a.country === b.country) {
    // one inside the other: a region and a place in it
    const region = (p: NonNullable<Row['place']>) => p.kind === 'admin1' || p.kind === 'region';
    if ((region(a) || region(b)) && a.admin1 && a.admin1 === b.admin1) return true;
  }
  if (a.lat != null && a.lon != null && b.lat != null && b.lon != null && a.kind !== 'country' && b.kind !== 'country') {
    return km({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) <= PLACE_KM;
  }
  return false;
}

export function sentenceAround(text: string, start: number, end: number): string {
  let s = start;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
  let e = end;
  while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
  if (e < text.length && text[e] !== '\n') e++;
  return text.slice(s, e).trim();
}

const dayOf = (d: string | null | undefined) => (d ? Date.parse(d + 'T00:00:00Z') : null);
const point = (v: FigureEntry['value']) => v.min ?? v.max ?? 0;

export function groupFigures(docs: CompareDoc[], lex: GroupLexicon, clusters: DuplicateCluster[] = [], regionName?: RegionNameTest): FigureGroup[] {
  const copyOf = new Map<string, string>();
  for (const c of clusters) for (const id of c.ids.slice(1)) copyOf.set(id, c.ids[0]);
  const rows: Row[] = [];
  for (const doc of docs) {
    // claims without a place fall back to the document's main place
    const fallback = mainPlace(doc.places);
    const docRows: Row[] = [];
    for (const claim of doc.claims) {
      const place = (claim.place && doc.places.find((p) => p.start === claim.place!.start)) || fallback;
      docRows.push({ doc, claim, cls: groupClass(claim.who, lex, claim.category), place, day: dayOf(claim.date ?? doc.referenceDate ?? doc.published), breakdown: false, head: headOf(claim.who) });
    }
    // parts of a larger count in the same sentence
    for (const r of docRows) {
      r.breakdown = docRows.some(
        (o) =>
          o !== r &&
          o.claim.category === r.claim.category &&
          o.cls !== r.cls &&
          compatibleGroups(o.cls, r.cls, lex) &&
          ancestors(r.cls, lex).includes(o.cls) &&
          lo(o.claim.value) > hi(r.claim.value) &&
          sentenceAround(doc.text, o.claim.start, o.claim.end) === sentenceAround(doc.text, r.claim.start, r.claim.end),
      );
    }
    rows.push(...docRows);
  }
  // Candidate pairs, closest first (same place and day, similar figures), then joined while the
  // joined group stays coherent: groups that name towns share one, its figures within MAX_SPREAD of each
  // other and its days within MAX_DAYS. Without these limits a region ("Idlib province") would chain
  // every town in it into one group.
  const parent = rows.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const state = rows.map((r) => ({
    // only places the gazetteer placed constrain a group; an unresolved name is weak evidence
    towns: isSpecific(r.place, regionName) && r.place!.geonameId != null ? [r.place!] : [],
    lo: point(r.claim.value) || Infinity,
    hi: point(r.claim.value) || 0,
    from: r.day ?? Infinity,
    until: r.day ?? -Infinity,
  }));
  const byCategory = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byCategory.get(r.claim.category) ?? [];
    list.push(i);
    byCategory.set(r.claim.category, list);
  });
  const pairs: [number, number, number][] = [];
  for (const list of byCategory.values()) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = rows[list[x]], b = rows[list[y]];
        if (a.doc === b.doc && a.claim.start === b.claim.start) continue;
        if (a.day == null || b.day == null || Math.abs(a.day - b.day) > DAY_WINDOW * DAY) continue;
        if (!sameQuantity(a, b, lex)) continue;
        const exact = a.place && b.place && (a.place.geonameId ?? a.place.name) === (b.place.geonameId ?? b.place.name) ? 0 : 1;
        const pa = point(a.claim.value) || 1, pb = point(b.claim.value) || 1;
        pairs.push([list[x], list[y], exact + Math.abs(a.day - b.day) / DAY / 2 + Math.abs(Math.log(pa / pb))]);
      }
    }
  }
  pairs.sort((p, q) => p[2] - q[2]);
  for (const [i, j] of pairs) {
    const ri = find(i), rj = find(j);
    if (ri === rj) continue;
    const A = state[ri], B = state[rj];
    const lo = Math.min(A.lo, B.lo), hi = Math.max(A.hi, B.hi);
    if (hi > 0 && lo !== Infinity && hi / lo > MAX_SPREAD) continue;
    if (Math.max(A.until, B.until) - Math.min(A.from, B.from) > MAX_DAYS * DAY) continue;
    // two groups that each name towns must share one (a stray misplaced town does not split them)
    if (A.towns.length && B.towns.length && !A.towns.some((t) => B.towns.some((u) => samePlace(t, u)))) continue;
    parent[ri] = rj;
    state[rj] = { towns: [...B.towns, ...A.towns.filter((t) => !B.towns.some((u) => u.geonameId === t.geonameId && u.name === t.name))], lo, hi, from: Math.min(A.from, B.from), until: Math.max(A.until, B.until) };
  }
  const members = new Map<number, number[]>();
  rows.forEach((_, i) => {
    const r = find(i);
    const m = members.get(r);
    if (m) m.push(i);
    else members.set(r, [i]);
  });
  const groups: FigureGroup[] = [];
  for (const idx of members.values()) {
    const docIds = new Set(idx.map((i) => rows[i].doc.id));
    if (docIds.size < 2) continue; // a figure only one document gives is no comparison
    const entries: FigureEntry[] = idx.map((i) => {
      const { doc, claim, place, day } = rows[i];
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
      };
    });
    entries.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || point(a.value) - point(b.value));
    groups.push(summarise(groups.length + 1, idx.map((i) => rows[i]), entries, docs, lex, regionName));
  }
  groups.sort((a, b) => b.reports - a.reports || b.entries.length - a.entries.length);
  groups.forEach((g, i) => (g.id = i + 1));
  return groups;
}

function summarise(id: number, rows: Row[], entries: FigureEntry[], docs: CompareDoc[], lex: GroupLexicon, regionName?: RegionNameTest): FigureGroup {
  const originals = entries.filter((e) => !e.copyOf);
  const reports = new Set(originals.map((e) => e.docId)).size;
  const values = originals.map((e) => point(e.value)).filter((v) => v > 0);
  const min = values.length ? Math.min(...values) : null;
  const max = values.length ? Math.max(...values) : null;
  const sortedVals = [...values].sort((a, b) => a - b);
  const median = sortedVals.length ? sortedVals[Math.floor(sortedVals.length / 2)] : 0;
  const flags: string[] = [];
  if (values.length >= 3) {
    for (const e of originals) {
      const v = point(e.value);
      if (v > 3 * median || v * 3 < median) {
        e.outlier = true;
        if (!flags.includes('outlier')) flags.push('outlier');
      }
    }
  }
  // rising: per day, the largest figure; days in order never fall and rise at least once
  const perDay = new Map<string, number>();
  for (const e of originals) if (e.date) perDay.set(e.date, Math.max(perDay.get(e.date) ?? 0, point(e.value)));
  const days = [...perDay.keys()].sort();
  let rising = days.length >= 2;
  for (let i = 1; i < days.length; i++) if (perDay.get(days[i])! < perDay.get(days[i - 1])!) rising = false;
  if (rising && perDay.get(days[0]) === perDay.get(days[days.length - 1])) rising = false;
  if (rising) flags.push('rising');
  else if (min != null && max != null && max > min && !flags.includes('outlier')) flags.push('disputed');
  const lowest = (e: FigureEntry) => e.value.min ?? e.value.max ?? Infinity;
  const pool = originals.length ? originals : entries;
  const mostConservative = pool.reduce((a, b) => (lowest(b) < lowest(a) ? b : a));
  const mostRecent = pool.reduce((a, b) => ((b.date ?? '') >= (a.date ?? '') ? b : a));
  const denials = findDenials(rows, docs, lex);
  if (denials.length) flags.push('denied');
  const first = rows[0];
  const dates = entries.map((e) => e.date).filter((d): d is string => Boolean(d)).sort();
  return {
    id,
    category: first.claim.category,
    group: rows.reduce((best, r) => (ancestors(r.cls, lex).length < ancestors(best, lex).length ? r.cls : best), first.cls),
    place: mostNamedPlace(rows, regionName),
    from: dates[0] ?? null,
    until: dates[dates.length - 1] ?? null,
    entries,
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

/** The group's place: the one its claims name most, towns before regions and countries. */
function mostNamedPlace(rows: Row[], regionName?: RegionNameTest): string | null {
  const n = new Map<string, number>();
  for (const r of rows) {
    if (!r.place) continue;
    const w = r.place.kind === 'country' ? 0.1 : isSpecific(r.place, regionName) ? 1 : 0.3;
    n.set(r.place.name, (n.get(r.place.name) ?? 0) + w);
  }
  let best: string | null = null;
  let bestN = 0;
  for (const [name, c] of n) if (c > bestN) [best, bestN] = [name, c];
  return best;
}

const DENY = /\b(den(y|ies|ied|ying)|dismiss(ed|es)?|reject(ed|s)?|refut(ed|es)|fabricat(ed|ion))\b/i;

/** Statements that deny what the group counts: a denial verb, in a document about the same place and days, naming the group or its category. */
function findDenials(rows: Row[], docs: CompareDoc[], lex: GroupLexicon): FigureGroup['denials'] {
  const out: FigureGroup['denials'] = [];
  const cls = new Set(rows.map((r) => r.cls));
  const categoryWord: Record<string, RegExp> = {
    killed: /\b(kill|dead|death|died|martyr)/i,
    injured: /\b(injur|wound|hurt)/i,
    displaced: /\b(fled|flee|displac|evacuat)/i,
  };
  const cat = rows[0].claim.category;
  const days = rows.map((r) => r.day).filter((d): d is number => d != null);
  for (const doc of docs) {
    for (const st of doc.statements) {
      const cueText = doc.text.slice(st.cue.start, st.cue.end);
      if (!DENY.test(st.verb) && !DENY.test(cueText)) continue;
      const content = doc.text.slice(st.start, st.end);
      const words = content.toLowerCase().match(/[a-z]+/g) ?? [];
      const mentionsGroup = words.some((w) => {
        const c = lex.classOf.get(w);
        return c != null && [...cls].some((k) => compatibleGroups(c, k, lex));
      });
      const mentionsCategory = categoryWord[cat]?.test(content) ?? false;
      // a denial of deaths is no denial of a displacement figure
      if (!mentionsCategory) continue;
      if (!mentionsGroup && !/\b(claims?|reports?|figures?|toll|numbers?|anyone|anybody|nobody|no one|casualties)\b/i.test(content)) continue;
      const day = dayOf(doc.referenceDate ?? doc.published);
      if (day != null && days.length && !days.some((d) => Math.abs(d - day) <= DAY_WINDOW * DAY)) continue;
      const docPlaces = doc.places;
      if (!rows.some((r) => docPlaces.some((p) => samePlace(p, r.place)))) continue;
      out.push({ docId: doc.id, outlet: doc.outlet, source: st.speaker?.name ?? null, sentence: sentenceAround(doc.text, st.start, st.end) });
    }
  }
  return out;
}
