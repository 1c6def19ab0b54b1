// The board answers (figure board, framing board, syndicated copies) built from a comparison of
// every stored document: what the worker thread (board-worker.ts) computes, or this thread when no
// worker can be had. Each answer is JSON serialised once and gzipped once, then served from memory.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { compare, regionNameTest, type CompareDoc, type Comparison } from '../compare/index.js';
import type { RegionNameTest } from '../compare/figures.js';
import { framingMeta } from '../compare/framing.js';
import { loadGazetteer } from '../geo/gazetteer.js';

export type BoardQuery =
  | { board: 'figures'; category: string[]; minReports: number; limit: number; offset: number }
  | { board: 'framing' }
  | { board: 'duplicates' };

export interface BoardBody {
  body: Buffer;
  gz: Buffer;
  /** The body's SHA-1, base64url (the entity tag is made of it). */
  hash: string;
}

export type BoardComparison = Comparison & { computedAt: string };

let regionName: RegionNameTest | null = null;

/** The comparison of these documents, each figure entry naming its claim (for links to the article view). */
export function computeComparison(docs: CompareDoc[], log?: (m: string) => void): BoardComparison {
  const c = compare(docs, undefined, { regionName: boardRegionName(log) });
  const claimsOf = new Map(docs.map((d) => [d.id, d.claims]));
  const outletOf = new Map(docs.map((d) => [d.id, { outlet: d.outlet, title: d.title ?? null, published: d.published }]));
  const figures = c.figures.map((g) => ({
    ...g,
    entries: g.entries.map((e) => {
      const claim = indexOfClaim(claimsOf.get(e.docId), e.start, e.end);
      return { ...e, claim, reviewed: reviewedClaim(claimsOf.get(e.docId), claim) };
    }),
    mostConservative: { ...g.mostConservative, claim: indexOfClaim(claimsOf.get(g.mostConservative.docId), g.mostConservative.start, g.mostConservative.end) },
    mostRecent: { ...g.mostRecent, claim: indexOfClaim(claimsOf.get(g.mostRecent.docId), g.mostRecent.start, g.mostRecent.end) },
  }));
  const duplicates = c.duplicates.map((d) => ({ ...d, documents: d.ids.map((id) => ({ id, ...(outletOf.get(id) ?? { outlet: null, title: null, published: null }) })) }));
  return { ...c, figures, duplicates, computedAt: new Date().toISOString() };
}

/** Whether an analyst checked the figure: the claim's review status, 'pending' when none. */
export function reviewedClaim(claims: object[] | undefined, index: number | null): string {
  const c = index == null ? undefined : (claims?.[index] as { reviewed?: string } | undefined);
  return c?.reviewed ?? 'pending';
}

function indexOfClaim(claims: { start: number; end: number }[] | undefined, start: number, end: number): number | null {
  const i = claims?.findIndex((c) => c.start === start && c.end === end) ?? -1;
  return i >= 0 ? i : null;
}

/** One board's answer as a record. */
export function boardAnswer(c: BoardComparison, q: BoardQuery): unknown {
  switch (q.board) {
    case 'figures': {
      const all = c.figures.filter((g) => g.reports >= q.minReports && (!q.category.length || q.category.includes(g.category)));
      return { documents: c.documents, undated: c.undated, computedAt: c.computedAt, total: all.length, limit: q.limit, offset: q.offset, items: all.slice(q.offset, q.offset + q.limit) };
    }
    case 'framing': {
      const targets = [...new Set(c.framing.flatMap((o) => Object.keys(o.labels)))].sort();
      const categories = [...new Set(c.framing.flatMap((o) => Object.keys(o.terms)))].sort();
      return { documents: c.documents, computedAt: c.computedAt, targets, categories, targetNames: framingMeta().targets, neutralTerms: framingMeta().neutralTerms, outlets: c.framing };
    }
    case 'duplicates':
      return { documents: c.documents, computedAt: c.computedAt, total: c.duplicates.length, items: c.duplicates };
  }
}

/** The answer serialised, gzipped (level 6: a few ms for the figure board, a tenth of its size) and hashed (the ETag). */
export function boardBody(c: BoardComparison, q: BoardQuery): BoardBody {
  return textBody(JSON.stringify(boardAnswer(c, q)));
}

/** An answer already serialised (the figure board kept in the database), gzipped and hashed. */
export function textBody(text: string): BoardBody {
  const body = Buffer.from(text, 'utf8');
  return { body, gz: gzipSync(body, { level: 6 }), hash: createHash('sha1').update(body).digest('base64url') };
}

/** The gazetteer's test of region names, loaded once per thread. */
export function boardRegionName(log?: (m: string) => void): RegionNameTest {
  return (regionName ??= regionNameTest(loadGazetteer({ log })));
}
