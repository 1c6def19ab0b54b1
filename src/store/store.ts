// The ledger's storage contract. One implementation per database lives in its own folder
// (src/store/sqlite/, next src/store/postgres/); the same test suite (test/store/suite.ts) runs
// against each. Every method is async so that a network database plugs in without changing callers.
//
// Documents are identified by their content hash (sha256 of the text): the same article text is
// stored once, whatever its id or file. Every item keeps its UTF-16 offsets into the stored text.
import type { Analysis, ClaimCategory, Evidence, GeoPrecision } from '../core/types.js';

/** What putAnalyses did with one analysis. */
export type PutOutcome =
  /** renamedFrom: the record's own id, already taken by another text (stored under `id` instead). */
  | { status: 'added'; id: string; key: number; renamedFrom?: string }
  /** The same text was already stored (by content hash): nothing written. */
  | { status: 'exists'; id: string; key: number }
  /** The same text was already stored and its analysis was replaced (putAnalyses with replace). */
  | { status: 'replaced'; id: string; key: number };

export interface DocumentSummary {
  id: string;
  key: number;
  hash: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  referenceDate: string | null;
  ingestedAt: string;
  chars: number;
  counts: { claims: number; places: number; actors: number; statements: number; events: number; framing: number; errors: number };
}

export interface StoredPlace {
  start: number;
  end: number;
  text: string;
  name: string;
  geonameId: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  kind: string;
  admin1: string | null;
  precision: GeoPrecision;
  qualifier: string | null;
  parent: unknown;
  candidates: unknown[];
  evidence: Evidence[];
}

export interface ClaimRow {
  /** Stable id of the claim: "<document id>#<index>". */
  id: string;
  documentId: string;
  index: number;
  start: number;
  end: number;
  text: string;
  quantity: { start: number; end: number; text: string };
  value: { min: number | null; max: number | null; approx: boolean };
  category: ClaimCategory | string;
  who: string;
  source: { name: string; id: string | null; kind: string | null; start: number | null; end: number | null; via: unknown } | null;
  hedged: boolean;
  place: {
    name: string;
    text: string;
    geonameId: number | null;
    qualifier: string | null;
    start: number;
    end: number;
    lat: number | null;
    lon: number | null;
    country: string | null;
    precision: number | null;
  } | null;
  date: string | null;
  dateUntil: string | null;
  /** The day the claim is filed under: its own date, else the document's reference date, else published. */
  day: string | null;
  sentence: number;
  evidence: Evidence[];
  outlet: string | null;
  title: string | null;
  published: string | null;
}

export interface EventRow {
  id: string;
  documentId: string;
  index: number;
  start: number;
  end: number;
  type: string;
  subtype: string;
  actor1: unknown;
  actor2: unknown;
  place: { name: string; geonameId: number | null; country: string | null; lat: number | null; lon: number | null; precision: number } | null;
  date: string | null;
  day: string | null;
  timePrecision: number | null;
  claims: number[];
  fatalities: number | null;
  origin: unknown;
  destination: unknown;
  sources: string[];
  evidence: Evidence[];
  outlet: string | null;
}

/** A place aggregated over documents (one per geonameId, or per name when unresolved). */
export interface PlaceAggregate {
  key: string;
  name: string;
  geonameId: number | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  /** Best (lowest) precision code seen. */
  precision: number;
  kind: string;
  mentions: number;
  documents: number;
  claims: number;
  /** Claims by category. */
  categories: Record<string, number>;
}

export interface ActorAggregate {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  mentions: number;
  documents: number;
  /** Claims this actor is the source of. */
  claims: number;
}

export interface TimelineDay {
  day: string;
  claims: number;
  categories: Record<string, number>;
  /** Sum of the lower bounds, per category. */
  totals: Record<string, number>;
}

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
}

export interface Paging {
  limit?: number;
  offset?: number;
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface DocumentDetail extends DocumentSummary {
  text: string;
  origin: unknown;
  errors: { stage: string; message: string }[];
  places: StoredPlace[];
  actors: unknown[];
  statements: unknown[];
  claims: ClaimRow[];
  events: EventRow[];
  framing: unknown[];
  dates: unknown[];
}

export interface StoreStats {
  documents: number;
  claims: number;
  places: number;
  actors: number;
  statements: number;
  events: number;
  framing: number;
  schemaVersion: number;
}

export interface DocumentFilter extends Paging {
  outlet?: string;
  q?: string;
  since?: string;
  until?: string;
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
   * row and id and gets the new analysis in place of the old one ('replaced').
   */
  putAnalyses(analyses: Analysis[], opts?: { replace?: boolean }): Promise<PutOutcome[]>;
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
  facets(): Promise<{ categories: string[]; outlets: string[]; sources: string[]; days: { min: string | null; max: string | null } }>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}

export const MAX_LIMIT = 1000;
export const DEFAULT_LIMIT = 100;

/** Clamp paging to the allowed range. */
export function normalizePaging(p: Paging = {}): { limit: number; offset: number } {
  const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(p.limit ?? DEFAULT_LIMIT)));
  const offset = Math.max(0, Math.floor(p.offset ?? 0));
  return { limit, offset };
}
