// Compare over what the ledger holds: every stored document with its items, as CompareDocs; and the
// figure board kept in the database (refreshBoard, boardPage), compared again only where it changed.
import type { Store, DocumentDetail, BoardLedger, BoardSpan, BoardGroupRow } from '../store/store.js';
import { DAY_WINDOW, groupFigures, loadGroupLexicon, type CompareDoc, type FigureGroup, type GroupLexicon, type RegionNameTest } from './figures.js';
import { nearDuplicates } from './near-duplicates.js';

const PAGE = 500;

export function detailToCompareDoc(d: DocumentDetail): CompareDoc {
  return {
    id: d.id,
    title: d.title,
    outlet: d.outlet,
    url: d.url,
    published: d.published,
    lang: d.lang ?? 'en',
    referenceDate: d.referenceDate,
    text: d.text,
    // (an item an analyst rejected is a false alarm: not compared)
    claims: d.claims.filter((c) => c.reviewed !== 'rejected').map((c) => ({
      start: c.start,
      end: c.end,
      text: c.text,
      quantity: c.quantity,
      value: c.value,
      category: c.category as CompareDoc['claims'][number]['category'],
      who: c.who,
      source: c.source ? { name: c.source.name, id: c.source.id, kind: c.source.kind as never, start: c.source.start, end: c.source.end, via: c.source.via as never } : null,
      hedged: c.hedged,
      place: c.place ? { name: c.place.name, text: c.place.text, geonameId: c.place.geonameId, qualifier: c.place.qualifier ?? undefined, start: c.place.start, end: c.place.end } : null,
      date: c.date,
      dateUntil: c.dateUntil,
      evidence: c.evidence,
      // (the figure board shows which figures an analyst has checked)
      reviewed: c.reviewed,
    })),
    places: d.places.filter((p) => p.reviewed !== 'rejected').map((p) => ({ ...p, candidates: [] })) as unknown as CompareDoc['places'],
    actors: d.actors as CompareDoc['actors'],
    statements: d.statements as CompareDoc['statements'],
    dates: d.dates as CompareDoc['dates'],
    events: [],
    framing: d.framing as CompareDoc['framing'],
    errors: d.errors,
  };
}

/** Every stored document (optionally of some outlets or days) as a CompareDoc. */
export async function loadCompareDocs(store: Store, filter: { outlet?: string; since?: string; until?: string } = {}): Promise<CompareDoc[]> {
  const out: CompareDoc[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listDocuments({ ...filter, limit: PAGE, offset });
    for (const s of page.items) {
      const d = await store.getDocument(s.id);
      if (d) out.push(detailToCompareDoc(d));
    }
    if (page.items.length < PAGE) break;
  }
  return out;
}

// ---- the figure board in the database ----
//
// A stored document changes the groups of its claims' category on the days around its claims: a group
// links claims at most DAY_WINDOW days apart and spans at most MAX_DAYS (figures.ts), so the groups
// a claim of day d can join or split lie within REACH days of d. A refresh takes the documents
// written or reviewed since the last one, grows each span (d - REACH .. d + REACH, of the categories
// of the claims of day d) until it holds every stored group it touches, and compares again (all the
// categories of a span at once, as groupFigures keeps them apart), with the same groupFigures as
// `sitrep compare`, only the claims of that span: the documents read are those of the span, in a
// few queries per span, never the whole ledger. A span of more than SLAB_CLAIMS claims (a first
// refresh of a large ledger) is compared in pieces of about that many claims cut between days, one
// after the other: a group that would straddle a cut is then two groups (said in the README).

/** Days around a changed claim whose groups a refresh compares again (MAX_DAYS of figures.ts). */
const REACH = 7;
/** Most claims compared at once: a longer span is compared in pieces cut between days. */
export const SLAB_CLAIMS = 20_000;
/** Documents taken from board_dirty per round. */
const ROUND = 100_000;
const DAY = 86_400_000;
const shift = (day: string, days: number) => new Date(Date.parse(day.slice(0, 10) + 'T00:00:00Z') + days * DAY).toISOString().slice(0, 10);
const isDay = (d: string) => /^\d{4}-\d{2}-\d{2}/.test(d) && !Number.isNaN(Date.parse(d.slice(0, 10) + 'T00:00:00Z'));

/** The spans merged where their days overlap or touch, their categories joined (one reading of those days' documents). */
export function mergeSpans(spans: BoardSpan[]): BoardSpan[] {
  const out: BoardSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = out[out.length - 1];
    if (last && s.from <= shift(last.until, 1)) {
      if (s.until > last.until) last.until = s.until;
      last.categories = [...new Set([...last.categories, ...s.categories])].sort();
    } else out.push({ ...s, categories: [...new Set(s.categories)].sort() });
  }
  return out;
}

/** The span cut between days into pieces of about `budget` claims. */
export function cutSpan(span: BoardSpan, counts: { day: string; n: number }[], budget = SLAB_CLAIMS): BoardSpan[] {
  const pieces: BoardSpan[] = [];
  let from = span.from, n = 0, prev: string | null = null;
  for (const c of counts) {
    if (n > 0 && n + c.n > budget && prev != null) {
      pieces.push({ categories: span.categories, from, until: prev });
      from = c.day;
      n = 0;
    }
    n += c.n;
    prev = c.day;
  }
  pieces.push({ categories: span.categories, from, until: span.until });
  return pieces;
}

export interface RefreshStats {
  documents: number;
  spans: number;
  pieces: number;
  claims: number;
  groups: number;
  ms: number;
  /** Another process wrote the board meanwhile: this refresh stopped, leaving its documents marked. */
  overtaken?: boolean;
}

/**
 * Bring the board kept in the database up to date with what was written or reviewed since it was
 * last brought up to date. Gives the event loop a turn between spans (yield). Returns what it did.
 */
export async function refreshBoard(
  board: BoardLedger,
  opts: { lex?: GroupLexicon; regionName?: RegionNameTest; region?: () => RegionNameTest; yield?: () => Promise<void>; log?: (m: string) => void } = {},
): Promise<RefreshStats> {
  const t0 = performance.now();
  const lex = opts.lex ?? loadGroupLexicon();
  // (region is called only when something is to be compared: the gazetteer is loaded only then)
  let test: RegionNameTest | undefined = opts.regionName;
  const region = () => (test ??= opts.region?.());
  const stats: RefreshStats = { documents: 0, spans: 0, pieces: 0, claims: 0, groups: 0, ms: 0 };
  for (;;) {
    const p = await board.pending(ROUND);
    const keys = [...new Set([...p.dirty.map((d) => d.docKey), ...p.reviewed])];
    if (keys.length) {
      stats.documents += keys.length;
      const touched = (await board.spans(keys)).filter((s) => isDay(s.from) && isDay(s.until)).map((s) => ({ categories: s.categories, from: shift(s.from, -REACH), until: shift(s.until, REACH) }));
      // grown to whole groups, merged again until no two overlap
      let spans = mergeSpans(touched);
      for (let changed = true; changed; ) {
        const grown = await Promise.all(spans.map((s) => board.closure(s)));
        const merged = mergeSpans(grown);
        changed = merged.length !== spans.length || merged.some((s, i) => s.from !== spans[i].from || s.until !== spans[i].until || s.categories.join() !== spans[i].categories.join());
        spans = merged;
      }
      for (const span of spans) {
        stats.spans++;
        const pieces = cutSpan(span, await board.dayCounts(span));
        for (let i = 0; i < pieces.length; i++) {
          const rows = await compareSpan(board, pieces[i], lex, region());
          stats.pieces++;
          stats.claims += rows.claims;
          stats.groups += rows.groups.length;
          // the first piece clears the whole span: a group straddling two pieces is dropped once
          if (!(await board.replace(p, i === 0 ? span : null, rows.groups))) {
            // another process refreshed meanwhile (what this one read may be older): its documents stay marked
            stats.overtaken = true;
            stats.ms = Math.round(performance.now() - t0);
            opts.log?.('sitrep: figure board: another process brought it up to date meanwhile; this refresh stops');
            return stats;
          }
          await opts.yield?.();
        }
      }
    }
    await board.done(p);
    if (p.dirty.length < ROUND) break;
  }
  stats.ms = Math.round(performance.now() - t0);
  if (stats.documents) opts.log?.(`sitrep: figure board: ${stats.documents} documents changed, ${stats.spans} spans (${stats.pieces} pieces, ${stats.claims} claims) compared again into ${stats.groups} groups in ${stats.ms} ms`);
  return stats;
}

/** The groups of one span's claims, as the board keeps them. */
async function compareSpan(board: BoardLedger, span: BoardSpan, lex: GroupLexicon, regionName?: RegionNameTest): Promise<{ claims: number; groups: BoardGroupRow[] }> {
  const details = await board.slab(span, { from: shift(span.from, -DAY_WINDOW), until: shift(span.until, DAY_WINDOW) });
  const docs = details.map(detailToCompareDoc);
  // (copies of one another report the same claims: only the documents holding the span's claims can be copies that count)
  const duplicates = nearDuplicates(docs.filter((d) => d.claims.length).map((d) => ({ id: d.id, text: d.text, published: d.published })));
  const figures = groupFigures(docs, lex, duplicates, regionName);
  const keyOf = new Map(details.map((d) => [d.id, d.key]));
  const claimOf = new Map(details.flatMap((d) => d.claims.map((c) => [`${d.id} ${c.start} ${c.end}`, c] as const)));
  const ref = (e: { docId: string; start: number; end: number }) => claimOf.get(`${e.docId} ${e.start} ${e.end}`);
  const groups = figures.map((g): BoardGroupRow => {
    const { id: _id, ...rest } = g;
    const body: Omit<FigureGroup, 'id'> = {
      ...rest,
      entries: g.entries.map((e) => ({ ...e, claim: ref(e)?.index ?? null, reviewed: ref(e)?.reviewed ?? 'pending' })),
      mostConservative: { ...g.mostConservative, claim: ref(g.mostConservative)?.index ?? null } as FigureGroup['mostConservative'],
      mostRecent: { ...g.mostRecent, claim: ref(g.mostRecent)?.index ?? null } as FigureGroup['mostRecent'],
    };
    const days = g.entries.map((e) => e.date).filter((d): d is string => d != null).sort();
    return {
      category: g.category,
      from: g.from ?? days[0] ?? span.from,
      until: g.until ?? days[days.length - 1] ?? span.until,
      reports: g.reports,
      entries: g.entries.length,
      body: JSON.stringify(body),
      docKeys: [...new Set([...g.entries, ...g.parts].map((e) => keyOf.get(e.docId)).filter((k): k is number => k != null))],
    };
  });
  return { claims: docs.reduce((n, d) => n + d.claims.length, 0), groups };
}

/** A page of the board kept in the database, as the API's figure board answer (JSON text): ids are ranks. */
export async function boardPage(board: BoardLedger, q: { category: string[]; minReports: number; limit: number; offset: number }, computedAt: string): Promise<string> {
  const [{ total, bodies }, { documents, undated }] = await Promise.all([board.page(q), board.summary()]);
  const items = bodies.map((b, i) => `{"id":${q.offset + i + 1},${b.slice(1)}`);
  return `{"documents":${documents},"undated":${JSON.stringify(undated)},"computedAt":${JSON.stringify(computedAt)},"total":${total},"limit":${q.limit},"offset":${q.offset},"items":[${items.join(',')}]}`;
}
