// The ledger's tables as kysely sees them, the same for SQLite and PostgreSQL (the migrations of each,
// sqlite/migrations.ts and postgres/migrations.ts, create exactly these columns). JSON parts are kept as
// JSON text in both databases, and flags as 0/1, so that rows.ts reads and writes them one way.
import type { Generated } from 'kysely';

type Int = number;
type Real = number | null;
type Json = string;

export interface DocumentsTable {
  key: Generated<Int>;
  id: string;
  hash: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  reference_date: string | null;
  origin: Json | null;
  ingested_at: string;
  text: string;
}

export interface AnalysesTable {
  doc_key: Int;
  /** The language the analysis read the document in (NULL: stored before languages). */
  lang: string | null;
  errors: Json;
  timings: Json;
  n_claims: Int;
  n_places: Int;
  n_actors: Int;
  n_statements: Int;
  n_events: Int;
  n_framing: Int;
  n_sentences: Int;
  analysed_at: string;
  /** pipelineVersion() of the process that analysed (NULL: stored before versions were kept). */
  pipeline_version: string | null;
}

interface Item {
  doc_key: Int;
  idx: Int;
  start: Int;
  end: Int;
}

export interface PlacesTable extends Item {
  /** Review status (migration 7): NULL pending, else accepted, corrected, rejected, added. */
  reviewed: string | null;
  text: string;
  name: string;
  geoname_id: Int | null;
  country: string | null;
  lat: Real;
  lon: Real;
  kind: string;
  admin1: string | null;
  precision: Int;
  qualifier: string | null;
  parent: Json | null;
  candidates: Json;
  evidence: Json;
}

export interface ActorsTable extends Item {
  /** Review status (migration 7): NULL pending, else accepted, corrected, rejected, added. */
  reviewed: string | null;
  text: string;
  actor_id: string;
  name: string;
  kind: string;
  country: string | null;
  generic: Int;
  role: string | null;
  antecedent: Json | null;
  evidence: Json;
}

export interface StatementsTable extends Item {
  /** Review status (migration 7): NULL pending, else accepted, corrected, rejected, added. */
  reviewed: string | null;
  direct: Int;
  verb: string;
  cue: Json;
  speaker_name: string | null;
  speaker_id: string | null;
  speaker: Json | null;
  evidence: Json;
}

export interface ClaimsTable extends Item {
  /** Review status (migration 7): NULL pending, else accepted, corrected, rejected, added. */
  reviewed: string | null;
  text: string;
  quantity: Json;
  value_min: Real;
  value_max: Real;
  approx: Int;
  category: string;
  who: string;
  source_name: string | null;
  source_id: string | null;
  source: Json | null;
  hedged: Int;
  place_name: string | null;
  place_geoname_id: Int | null;
  place: Json | null;
  lat: Real;
  lon: Real;
  country: string | null;
  precision: Int | null;
  date: string | null;
  date_until: string | null;
  day: string | null;
  sentence: Int;
  search: string;
  evidence: Json;
}

export interface EventsTable extends Item {
  /** Review status (migration 7): NULL pending, else accepted, corrected, rejected, added. */
  reviewed: string | null;
  type: string;
  subtype: string;
  actor1: Json | null;
  actor2: Json | null;
  place_name: string | null;
  place: Json | null;
  lat: Real;
  lon: Real;
  date: string | null;
  day: string | null;
  time_precision: Int | null;
  claims: Json;
  fatalities: Real;
  origin: Json | null;
  destination: Json | null;
  sources: Json;
  evidence: Json;
}

export interface FramingTable extends Item {
  text: string;
  category: string;
  target: string | null;
  neutral: string | null;
  evidence: Json;
}

export interface DatesTable extends Item {
  text: string;
  date: string;
  until: string | null;
  precision: string;
  dateline: Int;
  evidence: Json;
}

/** An analyst's current decision on one item (src/store/review/). */
export interface ReviewsTable {
  doc_hash: string;
  kind: string;
  start: Int;
  end: Int;
  /** Which of the items of this kind at this very span (0 the first, in the analysis' order). */
  nth: Int;
  action: string;
  fields: Json;
  /** The machine's values of the correctable columns, to restore before reapplying. */
  machine: Json | null;
  note: string | null;
  version: Int;
  user_name: string;
  updated_at: string;
}

export interface ReviewHistoryTable {
  id: Generated<Int>;
  doc_hash: string;
  kind: string;
  start: Int;
  end: Int;
  nth: Int;
  version: Int;
  action: string;
  old: Json | null;
  new: Json | null;
  note: string | null;
  user_name: string;
  at: string;
}

/** One row (id 1): version moves on with every write batch that changed the ledger (migration 8). */
export interface LedgerStateTable {
  id: Int;
  version: Int;
}

/** The figure board kept in the database (migration 9; src/store/sql/board.ts). */
export interface BoardGroupsTable {
  id: Generated<Int>;
  category: string;
  day_from: string;
  day_until: string;
  /** Distinct reports (syndicated copies once) and entries: the board's ranking. */
  reports: Int;
  entries: Int;
  /** The group's summary (FigureGroup without its id) as JSON text. */
  body: Json;
}

export interface BoardMembersTable {
  doc_key: Int;
  group_id: Int;
}

/** A document written since the board last compared it; mark moves on with each write. */
export interface BoardDirtyTable {
  doc_key: Int;
  mark: Int;
}

export interface BoardStateTable {
  id: Int;
  /** The last review_history row the board has taken in. */
  review_seq: Int;
  /** Moves on with every write of board groups: a refresh that finds it moved by another stops. */
  replaced: Int;
}

export interface SchemaMigrationsTable {
  version: Int;
  name: string;
  applied_at: string;
}

export interface Ledger {
  documents: DocumentsTable;
  analyses: AnalysesTable;
  places: PlacesTable;
  actors: ActorsTable;
  statements: StatementsTable;
  claims: ClaimsTable;
  events: EventsTable;
  framing: FramingTable;
  dates: DatesTable;
  reviews: ReviewsTable;
  review_history: ReviewHistoryTable;
  schema_migrations: SchemaMigrationsTable;
  ledger_state: LedgerStateTable;
  board_groups: BoardGroupsTable;
  board_members: BoardMembersTable;
  board_dirty: BoardDirtyTable;
  board_state: BoardStateTable;
}

export const ITEM_TABLES = ['places', 'actors', 'statements', 'claims', 'events', 'framing', 'dates'] as const;
export type ItemTable = (typeof ITEM_TABLES)[number];
