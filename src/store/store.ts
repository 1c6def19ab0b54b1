// The ledger's storage contract. One implementation per database lives in its own folder
// (src/store/sqlite/, next src/store/postgres/); the same test suite (test/store/suite.ts) runs
// against each. Every method is async so that a network database plugs in without changing callers.
//
// Documents are identified by their content hash (sha256 of the text): the same article text is
// stored once, whatever its id or file. Every item keeps its UTF-16 offsets into the stored text.
import type { z } from 'zod';
import type { Analysis, Document } from '../core/types.js';
import type { StoredAnalysis } from './rows.js';
import type * as wire from './wire.js';
import type { ReviewStore } from './review/review-store.js';

// The records crossing the store's boundary are defined once, as zod schemas, in wire.ts.
export type DocumentSummary = z.infer<typeof wire.DocumentSummary>;
export type StoredPlace = z.infer<typeof wire.StoredPlace>;
export type ClaimRow = z.infer<typeof wire.ClaimRow>;
export type EventRow = z.infer<typeof wire.EventRow>;
/** A place aggregated over documents (one per geonameId, or per name when unresolved). */
export type PlaceAggregate = z.infer<typeof wire.PlaceAggregate>;
export type ActorAggregate = z.infer<typeof wire.ActorAggregate>;
export type TimelineDay = z.infer<typeof wire.TimelineDay>;
export type DocumentDetail = z.infer<typeof wire.DocumentDetail>;
export type StoreStats = z.infer<typeof wire.StoreStats>;
export type Facets = z.infer<typeof wire.Facets>;

/** What putAnalyses did with one analysis. */
export type PutOutcome =
  /** renamedFrom: the record's own id, already taken by another text (stored under `id` instead). */
  | { status: 'added'; id: string; key: number; renamedFrom?: string }
  /** The same text was already stored (by content hash): nothing written. */
  | { status: 'exists'; id: string; key: number }
  /** The same text was already stored and its analysis was replaced (putAnalyses with replace). */
  | { status: 'replaced'; id: string; key: number };

/** Filters shared by claims, events, places and the timeline. Every field is optional. */
export interface ClaimFilter {
  category?: string[];
  /** Source name or id, case-insensitive substring. */
  source?: string;
  /** Outlet, case-insensitive substring. */
  outlet?: string;
  /** Place name or text, case-insensitive substring, or a geonameId. */
  place?: string;
  /** Day range, inclusive, YYYY-MM-DD. */
  since?: string;
  until?: string;
  /** Free text, case-insensitive substring of the claim's sentence text, group or source. */
  q?: string;
  /** One document (its id). */
  document?: string;
  /**
   * Review statuses (pending, accepted, corrected, rejected, added). Absent: every status but
   * rejected (a rejected item is a false alarm, shown only when asked for).
   */
  reviewed?: string[];
}

export interface Paging {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  /** Matching items; claims and documents are counted up to a cap (see COUNT_CAP), with capped set past it. */
  total: number;
  limit: number;
  offset: number;
  items: T[];
  /** More than `total` match: the count stopped there (a count never scans a million rows). */
  capped?: boolean;
}

/** How listDocuments orders: newest or oldest first, by outlet (then newest), most claims first. */
export const DOCUMENT_SORTS = ['published-desc', 'published-asc', 'outlet', 'claims'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

export interface DocumentFilter extends Paging {
  outlet?: string;
  /** Language code, exact ("fr"). */
  lang?: string;
  /** Words of the title or text (full text in the database: all words, the last one as a prefix), or the exact id. */
  q?: string;
  since?: string;
  until?: string;
  /** Default published-desc. */
  sort?: DocumentSort;
}

export interface Store {
  readonly kind: string;
  /** Where it lives, for messages (file path or URL without password). */
  readonly location: string;
  /** Bring the schema up to date (idempotent). Returns the versions applied now. */
  migrate(): Promise<number[]>;
  schemaVersion(): Promise<number>;
  /** Which of these content hashes are already stored. */
  knownHashes(hashes: string[]): Promise<Set<string>>;
  /**
   * Store a batch of analyses in one transaction: each document row with all its items, or nothing.
   * A document whose text is already stored is left as it is ('exists'), or, with replace, keeps its
   * row and id and gets the new analysis in place of the old one ('replaced'). An analysis may come
   * already turned into rows (StoredAnalysis: the analysis worker does it for ingest).
   */
  putAnalyses(analyses: (Analysis | StoredAnalysis)[], opts?: { replace?: boolean }): Promise<PutOutcome[]>;
  /** Documents whose analysis another pipeline version produced (or none recorded), by key, a page at a time. */
  staleDocuments(version: string, page?: { afterKey?: number; limit?: number }): Promise<{ key: number; document: Document }[]>;
  listDocuments(filter?: DocumentFilter): Promise<Page<DocumentSummary>>;
  getDocument(id: string): Promise<DocumentDetail | null>;
  listClaims(filter?: ClaimFilter, paging?: Paging): Promise<Page<ClaimRow>>;
  /** The same page as listClaims, as JSON text built by the database (the API's fast path). */
  listClaimsJson(filter?: ClaimFilter, paging?: Paging): Promise<string>;
  /** All matching claims, in order, for exports (streams in pages internally). */
  iterateClaims(filter?: ClaimFilter): AsyncIterable<ClaimRow>;
  listEvents(filter?: ClaimFilter, paging?: Paging): Promise<Page<EventRow>>;
  iterateEvents(filter?: ClaimFilter): AsyncIterable<EventRow>;
  /** Places with counts; with a filter, only places of documents/claims that match it. */
  listPlaces(filter?: ClaimFilter): Promise<PlaceAggregate[]>;
  listActors(filter?: { q?: string; limit?: number }): Promise<ActorAggregate[]>;
  timeline(filter?: ClaimFilter): Promise<TimelineDay[]>;
  /** Distinct values for the dashboard's filter menus. */
  facets(): Promise<Facets>;
  stats(): Promise<StoreStats>;
  /** The review layer: analysts' decisions, kept apart and laid over every analysis (src/store/review/). */
  readonly reviews: ReviewStore;
  /**
   * A number that changes whenever the ledger's documents or analyses change (any process writing to
   * the same database): caches of whole-ledger answers (the boards) are keyed by it. One row read.
   */
  ledgerVersion(): Promise<number>;
  /** The figure board kept in the database (src/store/sql/board.ts); absent: the board compares every document. */
  readonly board?: BoardLedger;
  close(): Promise<void>;
}

/** A span of days of some categories of claims (days YYYY-MM-DD, inclusive). */
export interface BoardSpan {
  categories: string[];
  from: string;
  until: string;
}

/** What the board has not taken in yet: documents written (each with its mark) and reviews. */
export interface BoardPending {
  dirty: { docKey: number; mark: number }[];
  /** The last review_history row, and the documents reviewed since the board's. */
  reviewSeq: number;
  reviewed: number[];
  /** The board's write count when read: replace() refuses to write over another refresh's work. */
  replaced: number;
}

/** One figure group as the board keeps it. */
export interface BoardGroupRow {
  category: string;
  from: string;
  until: string;
  reports: number;
  entries: number;
  /** The group's summary without its id, JSON text. */
  body: string;
  docKeys: number[];
}

/** The figure board's rows in the database; src/compare/from-store.ts (refreshBoard) keeps them up to date. */
export interface BoardLedger {
  /** The ledger has the board's tables (a ledger opened read-only may be older). */
  available(): Promise<boolean>;
  pending(limit?: number): Promise<BoardPending>;
  /** The days these documents' claims hold now, and the spans of the groups that hold them. */
  spans(docKeys: number[]): Promise<BoardSpan[]>;
  /** The span grown until it holds every group it touches. */
  closure(span: BoardSpan): Promise<BoardSpan>;
  /** Claims of the span per day. */
  dayCounts(span: BoardSpan): Promise<{ day: string; n: number }[]>;
  /** The documents holding the span's claims (only those claims), and those of the days around (their statements: denials). */
  slab(span: BoardSpan, around: { from: string; until: string }): Promise<DocumentDetail[]>;
  /**
   * In one transaction: the groups of the categories inside clear removed, these added; false (and
   * nothing written) when the board was written by another refresh since p was read (p.replaced
   * moves on with each write of this refresh).
   */
  replace(p: BoardPending, clear: BoardSpan | null, groups: BoardGroupRow[]): Promise<boolean>;
  /** What pending() returned is taken in. */
  done(p: BoardPending): Promise<void>;
  /** A page of groups, best ranked first, as stored bodies. */
  page(q: { category: string[]; minReports: number; limit: number; offset: number }): Promise<{ total: number; bodies: string[] }>;
  /** Documents in the ledger, and those with figures but no day. */
  summary(): Promise<{ documents: number; undated: string[] }>;
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;
/** Claims and documents are counted up to this many (or to the end of the page asked for), never further. */
export const COUNT_CAP = 1000;

/** Clamp paging to the allowed range. */
export function normalizePaging(p: Paging = {}): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(p.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(p.offset ?? 0));
  return { limit, offset };
}
