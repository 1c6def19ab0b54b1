// Numbered schema migrations for the SQLite store. Append only: a released migration is never edited;
// a change is a new entry. Each one runs in its own transaction and is recorded in schema_migrations.
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds a parent table: run with foreign-key enforcement off (SQLite's documented way). */
  rebuild?: boolean;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'ledger tables',
    sql: `
CREATE TABLE documents (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  text TEXT NOT NULL,
  title TEXT,
  outlet TEXT,
  published TEXT,
  url TEXT,
  reference_date TEXT,
  origin TEXT,
  ingested_at TEXT NOT NULL
);

CREATE TABLE analyses (
  doc_key INTEGER PRIMARY KEY REFERENCES documents(key) ON DELETE CASCADE,
  errors TEXT NOT NULL,
  timings TEXT NOT NULL,
  n_claims INTEGER NOT NULL,
  n_places INTEGER NOT NULL,
  n_actors INTEGER NOT NULL,
  n_statements INTEGER NOT NULL,
  n_events INTEGER NOT NULL,
  n_framing INTEGER NOT NULL,
  n_sentences INTEGER NOT NULL,
  analysed_at TEXT NOT NULL
);

CREATE TABLE places (
  doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  name TEXT NOT NULL,
  geoname_id INTEGER,
  country TEXT,
  lat REAL,
  lon REAL,
  kind TEXT NOT NULL,
  admin1 TEXT,
  precision INTEGER NOT NULL,
  qualifier TEXT,
  parent TEXT,
  candidates TEXT NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_key, idx)
);

CREATE TABLE actors (
  doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  country TEXT,
  generic INTEGER NOT NULL,
  role TEXT,
  antecedent TEXT,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_key, idx)
);

CREATE TABLE statements (
  doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  direct INTEGER NOT NULL,
  verb TEXT NOT NULL,
  cue TEXT NOT NULL,
  speaker_name TEXT,
  speaker_id TEXT,
  speaker TEXT,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_key, idx)
);

CREATE TABLE claims (
  doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  quantity TEXT NOT NULL,
  value_min REAL,
  value_max REAL,
  approx INTEGER NOT NULL,
  category TEXT NOT NULL,
  who TEXT NOT NULL,
  source_name TEXT,
  source_id TEXT,
  source TEXT,
  hedged INTEGER NOT NULL,
  place_name TEXT,
  place_geoname_id INTEGER,
  place TEXT,
  lat REAL,
  lon REAL,
  country TEXT,
  precision INTEGER,
  date TEXT,
  date_until TEXT,
  day TEXT,
  sentence INTEGER NOT NULL,
  search TEXT NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_key, idx)
);

CREATE TABLE events (
  doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  type TEXT NOT NULL,
  subtype TEXT NOT NULL,
  actor1 TEXT,
  actor2 TEXT,
  place_name TEXT,
  place TEXT,
  lat REAL,
  lon REAL,
  date TEXT,
  day TEXT,
  time_precision INTEGER,
  claims TEXT NOT NULL,
  fatalities REAL,
  origin TEXT,
  destination TEXT,
  sources TEXT NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_key, idx)
);

CREATE TABLE framing (
  doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  target TEXT,
  neutral TEXT,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_key, idx)
);

CREATE TABLE dates (
  doc_key INTEGER NOT NULL REFERENCES documents(key) ON DELETE CASCADE,
  idx INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  date TEXT NOT NULL,
  until TEXT,
  precision TEXT NOT NULL,
  dateline INTEGER NOT NULL,
  evidence TEXT NOT NULL,
  PRIMARY KEY (doc_key, idx)
);
`,
  },
  {
    version: 2,
    name: 'indexes for listing and filtering',
    sql: `
CREATE INDEX documents_published ON documents (published, key);
CREATE INDEX documents_outlet ON documents (outlet);
CREATE INDEX claims_day ON claims (day DESC, doc_key, idx);
CREATE INDEX claims_category_day ON claims (category, day);
CREATE INDEX claims_source ON claims (source_name);
CREATE INDEX claims_place ON claims (place_geoname_id);
CREATE INDEX places_geoname ON places (geoname_id);
CREATE INDEX places_name ON places (name);
CREATE INDEX actors_actor ON actors (actor_id);
CREATE INDEX events_day ON events (day);
`,
  },
  {
    version: 3,
    name: 'documents: text as the last column',
    // Reading a document's outlet, title or date no longer walks the overflow pages of its text,
    // which made listing 1000 claims (joined to their documents) several times slower.
    rebuild: true,
    sql: `
CREATE TABLE documents_v3 (
  key INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  hash TEXT NOT NULL UNIQUE,
  title TEXT,
  outlet TEXT,
  published TEXT,
  url TEXT,
  reference_date TEXT,
  origin TEXT,
  ingested_at TEXT NOT NULL,
  text TEXT NOT NULL
);
INSERT INTO documents_v3 (key, id, hash, title, outlet, published, url, reference_date, origin, ingested_at, text)
  SELECT key, id, hash, title, outlet, published, url, reference_date, origin, ingested_at, text FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v3 RENAME TO documents;
CREATE INDEX documents_published ON documents (published, key);
CREATE INDEX documents_outlet ON documents (outlet);
`,
  },
  {
    version: 4,
    name: 'claims by category in listing order',
    // Listing one category newest first reads the index in order and stops at the page's end,
    // instead of sorting every claim of the category.
    sql: `
DROP INDEX claims_category_day;
CREATE INDEX claims_category_listing ON claims (category, day DESC, doc_key, idx);
`,
  },
  {
    version: 5,
    name: 'analyses: the document language',
    // The language the analysis took the document to be in (its own lang field, else detected).
    // Beside the counts rather than in documents, whose text is the last column: listing reads it
    // without walking the text's overflow pages. NULL for documents stored before languages.
    sql: `
ALTER TABLE analyses ADD COLUMN lang TEXT;
CREATE INDEX analyses_lang ON analyses (lang);
`,
  },
  {
    version: 6,
    name: 'analyses: the pipeline version that produced each',
    // NULL for analyses stored before: older than any version, so --reanalyse --stale takes them.
    sql: `
ALTER TABLE analyses ADD COLUMN pipeline_version TEXT;
CREATE INDEX analyses_pipeline_version ON analyses (pipeline_version);
`,
  },
  {
    version: 7,
    name: 'review: corrections kept apart, history, reviewed status on items',
    // reviews: the current decision of an analyst on one item, keyed to the document's content hash
    // and the item's span (not to doc_key/idx, which a reanalysis renumbers; nth tells apart items of one
    // kind the analysis gives the same span, as two events told in one sentence); reapplied after every
    // analysis by src/store/review/overlay.ts. review_history: every change, never updated.
    // reviewed on the items: NULL pending, else accepted, corrected, rejected or added; indexed where
    // set (few rows), so that "is anything rejected?" and a status filter are one index look-up.
    sql: `
CREATE TABLE reviews (
  doc_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  nth INTEGER NOT NULL DEFAULT 0,
  action TEXT NOT NULL,
  fields TEXT NOT NULL,
  machine TEXT,
  note TEXT,
  version INTEGER NOT NULL,
  user_name TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (doc_hash, kind, start, "end", nth)
);
CREATE TABLE review_history (
  id INTEGER PRIMARY KEY,
  doc_hash TEXT NOT NULL,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  nth INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL,
  action TEXT NOT NULL,
  old TEXT,
  new TEXT,
  note TEXT,
  user_name TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX review_history_item ON review_history (doc_hash, kind, start, "end", nth, version);
ALTER TABLE claims ADD COLUMN reviewed TEXT;
ALTER TABLE places ADD COLUMN reviewed TEXT;
ALTER TABLE events ADD COLUMN reviewed TEXT;
ALTER TABLE actors ADD COLUMN reviewed TEXT;
ALTER TABLE statements ADD COLUMN reviewed TEXT;
CREATE INDEX claims_reviewed ON claims (reviewed) WHERE reviewed IS NOT NULL;
CREATE INDEX places_reviewed ON places (reviewed) WHERE reviewed IS NOT NULL;
CREATE INDEX events_reviewed ON events (reviewed) WHERE reviewed IS NOT NULL;
`,
  },
  {
    version: 8,
    name: 'ledger at scale: full-text documents, listing indexes, a ledger version',
    // documents_fts: FTS5 over title and text, its content read from documents (external content),
    // kept in step by triggers (each on one line: the script is split at a ';' that ends a line).
    // ledger_state.version: bumped by every write batch, read by the server to key its cached boards.
    sql: `
CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='key', tokenize='unicode61 remove_diacritics 2');
INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text); END;
CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.key, old.title, old.text); END;
CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.key, old.title, old.text); INSERT INTO documents_fts(rowid, title, text) VALUES (new.key, new.title, new.text); END;
CREATE INDEX documents_published_desc ON documents (published DESC, key);
CREATE INDEX documents_outlet_listing ON documents (outlet, published DESC, key);
CREATE INDEX analyses_claims ON analyses (n_claims DESC, doc_key);
CREATE TABLE ledger_state (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL);
INSERT INTO ledger_state (id, version) VALUES (1, 1);
`,
  },
  {
    version: 9,
    name: 'figure board kept in the database: groups, their documents, documents to recompare',
    // board_groups: the figure board's groups, each its summary as JSON text, ranked by reports;
    // board_members: which documents each group holds (a changed document finds its old groups);
    // board_dirty: documents written since the board last compared them (mark moves on with each
    // write, so a refresh clears only the marks it read); board_state.review_seq: the review_history
    // row the board has taken in; board_state.replaced counts the board's writes, so that a refresh that
    // finds another process wrote the board meanwhile stops (its spans may be older) and leaves its documents marked. Every stored document starts dirty: the first board read compares them.
    sql: `
CREATE TABLE board_groups (id INTEGER PRIMARY KEY, category TEXT NOT NULL, day_from TEXT NOT NULL, day_until TEXT NOT NULL, reports INTEGER NOT NULL, entries INTEGER NOT NULL, body TEXT NOT NULL);
CREATE INDEX board_groups_rank ON board_groups (reports DESC, entries DESC, id);
CREATE INDEX board_groups_category_rank ON board_groups (category, reports DESC, entries DESC, id);
CREATE INDEX board_groups_days ON board_groups (category, day_from, day_until);
CREATE TABLE board_members (doc_key INTEGER NOT NULL, group_id INTEGER NOT NULL, PRIMARY KEY (doc_key, group_id));
CREATE INDEX board_members_group ON board_members (group_id);
CREATE TABLE board_dirty (doc_key INTEGER PRIMARY KEY, mark INTEGER NOT NULL);
CREATE TABLE board_state (id INTEGER PRIMARY KEY CHECK (id = 1), review_seq INTEGER NOT NULL, replaced INTEGER NOT NULL DEFAULT 0);
CREATE INDEX documents_reference_date ON documents (reference_date);
INSERT INTO board_state (id, review_seq) SELECT 1, COALESCE(MAX(id), 0) FROM review_history;
INSERT INTO board_dirty (doc_key, mark) SELECT key, 0 FROM documents;
`,
  },
];
