// The SQLite implementation of the Store contract (better-sqlite3: synchronous, so each method does its
// work at once and returns a settled promise). WAL journal: a crash or kill mid-batch leaves the
// last committed batch and nothing of the one in flight.
import Database from 'better-sqlite3';
import type { Analysis, Evidence } from '../../core/types.js';
import {
  normalizePaging,
  type ActorAggregate,
  type ClaimFilter,
  type ClaimRow,
  type DocumentDetail,
  type DocumentFilter,
  type DocumentSummary,
  type EventRow,
  type Page,
  type Paging,
  type PlaceAggregate,
  type PutOutcome,
  type Store,
  type StoreStats,
  type StoredPlace,
  type TimelineDay,
} from '../store.js';
import { ACTOR_COLUMNS, actorRows, analysisRow, claimRows, contentHash, DATE_COLUMNS, dateRows, documentRow, eventRows, FRAMING_COLUMNS, framingRows, fromRow, PLACE_COLUMNS, placeRows, STATEMENT_COLUMNS, statementRows } from '../rows.js';
import { MIGRATIONS } from './migrations.js';

type Row = Record<string, unknown>;
type Db = Database.Database;

const parse = <T = unknown>(s: unknown): T => (s == null ? (null as T) : (JSON.parse(String(s)) as T));
const likeEscape = (s: string) => '%' + s.toLowerCase().replace(/[\\%_]/g, (m) => '\\' + m) + '%';

function insertSql(table: string, cols: string[]): string {
  const quoted = cols.map((c) => (c === 'end' ? '"end"' : c));
  return `INSERT INTO ${table} (${quoted.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})`;
}

const ITEM_TABLES = ['places', 'actors', 'statements', 'claims', 'events', 'framing', 'dates'] as const;

const bool = (col: string) => `json(CASE WHEN ${col} THEN 'true' ELSE 'false' END)`;
const num = (col: string) => `CASE WHEN ${col} = CAST(${col} AS INTEGER) THEN CAST(${col} AS INTEGER) ELSE ${col} END`;
const sub = (col: string, path: string) => `json_extract(${col}, '$.${path}')`;
/** One claim as API JSON, built by SQLite (the same shape as claimRow() builds in JS). */
const CLAIM_JSON = `json_object(
  'id', d.id || '#' || c.idx, 'documentId', d.id, 'index', c.idx, 'start', c.start, 'end', c."end", 'text', c.text,
  'quantity', json(c.quantity),
  'value', json_object('min', ${num('c.value_min')}, 'max', ${num('c.value_max')}, 'approx', ${bool('c.approx')}),
  'category', c.category, 'who', c.who,
  'source', json(CASE WHEN c.source IS NULL OR c.source = 'null' THEN NULL ELSE json_object(
    'name', ${sub('c.source', 'name')}, 'id', ${sub('c.source', 'actorId')}, 'kind', ${sub('c.source', 'kind')},
    'start', ${sub('c.source', 'start')}, 'end', ${sub('c.source', 'end')}, 'via', json(COALESCE(json_extract(c.source, '$.via'), 'null'))) END),
  'hedged', ${bool('c.hedged')},
  'place', json(CASE WHEN c.place IS NULL OR c.place = 'null' THEN NULL ELSE json_object(
    'name', ${sub('c.place', 'name')}, 'text', ${sub('c.place', 'text')}, 'geonameId', ${sub('c.place', 'geonameId')},
    'qualifier', ${sub('c.place', 'qualifier')}, 'start', ${sub('c.place', 'start')}, 'end', ${sub('c.place', 'end')},
    'lat', c.lat, 'lon', c.lon, 'country', c.country, 'precision', c.precision) END),
  'date', c.date, 'dateUntil', c.date_until, 'day', c.day, 'sentence', c.sentence, 'evidence', json(c.evidence),
  'outlet', d.outlet, 'title', d.title, 'published', d.published)`;

export class SqliteStore implements Store {
  readonly kind = 'sqlite';
  readonly location: string;
  readonly db: Db;
  private readonly stmts = new Map<string, Database.Statement>();

  constructor(file: string, opts: { readonly?: boolean } = {}) {
    this.location = file;
    this.db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
    if (!opts.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
  }

  /** Open (creating the file when needed) and migrate. */
  static async open(file: string, opts: { readonly?: boolean } = {}): Promise<SqliteStore> {
    const s = new SqliteStore(file, opts);
    if (!opts.readonly) await s.migrate();
    else if ((await s.schemaVersion()) === 0) {
      await s.close();
      throw new Error(`${file} is not a sitrep database (no schema); run "sitrep ingest --db ${file} ..." first`);
    }
    return s;
  }

  private stmt(sql: string): Database.Statement {
    let s = this.stmts.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.stmts.set(sql, s);
    }
    return s;
  }

  async migrate(): Promise<number[]> {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const have = new Set((this.db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (have.has(m.version)) continue;
      if (m.rebuild) this.db.pragma('foreign_keys = OFF');
      try {
        this.db.transaction(() => {
          this.db.exec(m.sql);
          if (m.rebuild) {
            const bad = this.db.pragma('foreign_key_check') as unknown[];
            if (bad.length) throw new Error(`migration ${m.version} (${m.name}) broke ${bad.length} foreign keys`);
          }
          this.db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
        }).immediate();
      } finally {
        if (m.rebuild) this.db.pragma('foreign_keys = ON');
      }
      this.stmts.clear();
      applied.push(m.version);
    }
    const latest = Math.max(...MIGRATIONS.map((m) => m.version));
    const current = await this.schemaVersion();
    if (current > latest) throw new Error(`${this.location}: schema version ${current} is newer than this sitrep knows (${latest}); upgrade sitrep`);
    return applied;
  }

  async schemaVersion(): Promise<number> {
    const t = this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
    if (!t) return 0;
    const r = this.db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
    return r.v ?? 0;
  }

  async knownHashes(hashes: string[]): Promise<Set<string>> {
    const found = new Set<string>();
    const q = this.stmt('SELECT 1 FROM documents WHERE hash = ?');
    for (const h of hashes) if (q.get(h)) found.add(h);
    return found;
  }

  async putAnalyses(analyses: Analysis[], opts: { replace?: boolean } = {}): Promise<PutOutcome[]> {
    const byHash = this.stmt('SELECT key, id FROM documents WHERE hash = ?');
    const byId = this.stmt('SELECT 1 FROM documents WHERE id = ?');
    const run = this.db.transaction((list: Analysis[]) => {
      const out: PutOutcome[] = [];
      const now = new Date().toISOString();
      for (const a of list) {
        const hash = contentHash(a.document.text);
        const existing = byHash.get(hash) as { key: number; id: string } | undefined;
        if (existing && !opts.replace) {
          out.push({ status: 'exists', id: existing.id, key: existing.key });
          continue;
        }
        let key: number;
        let id: string;
        if (existing) {
          // Re-analysis: the document row stays (its id and text); the analysis and items are new.
          key = existing.key;
          id = existing.id;
          for (const t of ['analyses', ...ITEM_TABLES]) this.stmt(`DELETE FROM ${t} WHERE doc_key = ?`).run(key);
          this.stmt('UPDATE documents SET reference_date = ? WHERE key = ?').run(a.referenceDate ?? null, key);
        } else {
          // Another text under the same id: keep both, the later one under a suffixed id.
          id = a.document.id;
          if (byId.get(id)) id = `${id}~${hash.slice(0, 8)}`;
          const doc = documentRow(a, hash, id, now);
          key = Number(this.stmt(insertSql('documents', Object.keys(doc))).run(doc).lastInsertRowid);
        }
        const an = { doc_key: key, ...analysisRow(a, now) };
        this.stmt(insertSql('analyses', Object.keys(an))).run(an);
        const tables: [string, Row[]][] = [
          ['places', placeRows(a)],
          ['actors', actorRows(a)],
          ['statements', statementRows(a)],
          ['claims', claimRows(a)],
          ['events', eventRows(a)],
          ['framing', framingRows(a)],
          ['dates', dateRows(a)],
        ];
        for (const [table, rows] of tables) {
          if (!rows.length) continue;
          const ins = this.stmt(insertSql(table, ['doc_key', ...Object.keys(rows[0])]));
          for (const r of rows) ins.run({ doc_key: key, ...r });
        }
        if (existing) out.push({ status: 'replaced', id, key });
        else out.push({ status: 'added', id, key, ...(id !== a.document.id ? { renamedFrom: a.document.id } : {}) });
      }
      return out;
    });
    return run.immediate(analyses);
  }

  // ---- reading ----

  private docSummary(r: Row): DocumentSummary {
    return {
      id: r.id as string,
      key: r.key as number,
      hash: r.hash as string,
      title: (r.title as string) ?? null,
      outlet: (r.outlet as string) ?? null,
      published: (r.published as string) ?? null,
      url: (r.url as string) ?? null,
      referenceDate: (r.reference_date as string) ?? null,
      ingestedAt: r.ingested_at as string,
      chars: r.chars as number,
      counts: {
        claims: (r.n_claims as number) ?? 0,
        places: (r.n_places as number) ?? 0,
        actors: (r.n_actors as number) ?? 0,
        statements: (r.n_statements as number) ?? 0,
        events: (r.n_events as number) ?? 0,
        framing: (r.n_framing as number) ?? 0,
        errors: r.errors ? parse<unknown[]>(r.errors).length : 0,
      },
    };
  }

  async listDocuments(filter: DocumentFilter = {}): Promise<Page<DocumentSummary>> {
    const { limit, offset } = normalizePaging(filter);
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.outlet) {
      where.push("lower(d.outlet) LIKE ? ESCAPE '\\'");
      params.push(likeEscape(filter.outlet));
    }
    if (filter.q) {
      where.push("(lower(d.title) LIKE ? ESCAPE '\\' OR lower(d.id) LIKE ? ESCAPE '\\')");
      params.push(likeEscape(filter.q), likeEscape(filter.q));
    }
    if (filter.since) {
      where.push('d.published >= ?');
      params.push(filter.since);
    }
    if (filter.until) {
      where.push('d.published <= ?');
      params.push(filter.until);
    }
    const w = where.length ? 'WHERE ' + where.join(' AND ') : '';
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM documents d ${w}`).get(...params) as { n: number }).n;
    const rows = this.stmt(
      `SELECT d.key, d.id, d.hash, d.title, d.outlet, d.published, d.url, d.reference_date, d.ingested_at, length(d.text) AS chars, a.*
       FROM documents d LEFT JOIN analyses a ON a.doc_key = d.key ${w}
       ORDER BY d.published DESC, d.key LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as Row[];
    return { total, limit, offset, items: rows.map((r) => this.docSummary(r)) };
  }

  async getDocument(id: string): Promise<DocumentDetail | null> {
    const r = this.stmt(
      `SELECT d.*, length(d.text) AS chars, a.* FROM documents d LEFT JOIN analyses a ON a.doc_key = d.key WHERE d.id = ?`,
    ).get(id) as Row | undefined;
    if (!r) return null;
    const key = r.key as number;
    const all = (table: string) => this.stmt(`SELECT * FROM ${table} WHERE doc_key = ? ORDER BY idx`).all(key) as Row[];
    const places = all('places').map((p) => fromRow(p, PLACE_COLUMNS) as unknown as StoredPlace);
    const actors = all('actors').map((x) => fromRow(x, ACTOR_COLUMNS));
    const statements = all('statements').map((x) => fromRow(x, STATEMENT_COLUMNS));
    const claims = (
      this.stmt(`SELECT c.*, d.id AS doc_id, d.outlet AS outlet, d.title AS title, d.published AS published FROM claims c JOIN documents d ON d.key = c.doc_key WHERE c.doc_key = ? ORDER BY c.idx`).all(key) as Row[]
    ).map((c) => this.claimRow(c));
    const events = (
      this.stmt(`SELECT e.*, d.id AS doc_id, d.outlet AS outlet FROM events e JOIN documents d ON d.key = e.doc_key WHERE e.doc_key = ? ORDER BY e.idx`).all(key) as Row[]
    ).map((e) => this.eventRow(e));
    const framing = all('framing').map((x) => fromRow(x, FRAMING_COLUMNS));
    const dates = all('dates').map((x) => fromRow(x, DATE_COLUMNS));
    return {
      ...this.docSummary(r),
      text: r.text as string,
      origin: parse(r.origin),
      errors: r.errors ? parse(r.errors) : [],
      places,
      actors,
      statements,
      claims,
      events,
      framing,
      dates,
    };
  }

  private claimRow(c: Row): ClaimRow {
    const place = parse<ClaimRow['place']>(c.place);
    const source = parse<Row | null>(c.source);
    return {
      id: `${c.doc_id}#${c.idx}`,
      documentId: c.doc_id as string,
      index: c.idx as number,
      start: c.start as number,
      end: c.end as number,
      text: c.text as string,
      quantity: parse(c.quantity),
      value: { min: (c.value_min as number) ?? null, max: (c.value_max as number) ?? null, approx: Boolean(c.approx) },
      category: c.category as string,
      who: c.who as string,
      source: source
        ? {
            name: source.name as string,
            id: (source.actorId as string) ?? null,
            kind: (source.kind as string) ?? null,
            start: (source.start as number) ?? null,
            end: (source.end as number) ?? null,
            via: source.via ?? null,
          }
        : null,
      hedged: Boolean(c.hedged),
      place: place
        ? {
            name: place.name,
            text: place.text,
            geonameId: place.geonameId ?? null,
            qualifier: place.qualifier ?? null,
            start: place.start,
            end: place.end,
            lat: (c.lat as number) ?? null,
            lon: (c.lon as number) ?? null,
            country: (c.country as string) ?? null,
            precision: (c.precision as number) ?? null,
          }
        : null,
      date: (c.date as string) ?? null,
      dateUntil: (c.date_until as string) ?? null,
      day: (c.day as string) ?? null,
      sentence: c.sentence as number,
      evidence: parse(c.evidence),
      outlet: (c.outlet as string) ?? null,
      title: (c.title as string) ?? null,
      published: (c.published as string) ?? null,
    };
  }

  private eventRow(e: Row): EventRow {
    return {
      id: `${e.doc_id}#${e.idx}`,
      documentId: e.doc_id as string,
      index: e.idx as number,
      start: e.start as number,
      end: e.end as number,
      type: e.type as string,
      subtype: e.subtype as string,
      actor1: parse(e.actor1),
      actor2: parse(e.actor2),
      place: parse(e.place),
      date: (e.date as string) ?? null,
      day: (e.day as string) ?? null,
      timePrecision: (e.time_precision as number) ?? null,
      claims: parse(e.claims),
      fatalities: (e.fatalities as number) ?? null,
      origin: parse(e.origin),
      destination: parse(e.destination),
      sources: parse(e.sources),
      evidence: parse(e.evidence),
      outlet: (e.outlet as string) ?? null,
    };
  }

  /** WHERE clause over claims c joined with documents d. */
  private claimWhere(f: ClaimFilter = {}, alias = 'c'): { sql: string; params: unknown[]; needsDoc: boolean } {
    const where: string[] = [];
    const params: unknown[] = [];
    let needsDoc = false;
    if (f.category?.length) {
      where.push(`${alias}.category IN (${f.category.map(() => '?').join(', ')})`);
      params.push(...f.category);
    }
    if (alias === 'c' && f.source) {
      where.push(`(lower(c.source_name) LIKE ? ESCAPE '\\' OR lower(c.source_id) LIKE ? ESCAPE '\\')`);
      params.push(likeEscape(f.source), likeEscape(f.source));
    }
    if (f.outlet) {
      needsDoc = true;
      where.push(`lower(d.outlet) LIKE ? ESCAPE '\\'`);
      params.push(likeEscape(f.outlet));
    }
    if (f.place) {
      if (/^\d+$/.test(f.place)) {
        where.push(alias === 'c' ? 'c.place_geoname_id = ?' : `json_extract(${alias}.place, '$.geonameId') = ?`);
        params.push(Number(f.place));
      } else {
        where.push(`lower(${alias}.place_name) LIKE ? ESCAPE '\\'`);
        params.push(likeEscape(f.place));
      }
    }
    if (f.since) {
      where.push(`${alias}.day >= ?`);
      params.push(f.since);
    }
    if (f.until) {
      where.push(`${alias}.day <= ?`);
      params.push(f.until);
    }
    if (f.q) {
      if (alias === 'c') {
        where.push(`c.search LIKE ? ESCAPE '\\'`);
        params.push(likeEscape(f.q));
      } else {
        needsDoc = true;
        where.push(`(lower(${alias}.type) LIKE ? ESCAPE '\\' OR lower(${alias}.subtype) LIKE ? ESCAPE '\\' OR lower(d.title) LIKE ? ESCAPE '\\')`);
        params.push(likeEscape(f.q), likeEscape(f.q), likeEscape(f.q));
      }
    }
    if (f.document) {
      needsDoc = true;
      where.push('d.id = ?');
      params.push(f.document);
    }
    return { sql: where.length ? 'WHERE ' + where.join(' AND ') : '', params, needsDoc };
  }

  async listClaims(filter: ClaimFilter = {}, paging: Paging = {}): Promise<Page<ClaimRow>> {
    const { limit, offset } = normalizePaging(paging);
    const w = this.claimWhere(filter);
    const join = w.needsDoc ? 'JOIN documents d ON d.key = c.doc_key' : '';
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM claims c ${join} ${w.sql}`).get(...w.params) as { n: number }).n;
    // Page the keys first (index only), then fetch the rows with their document fields.
    const rows = this.stmt(
      `SELECT c.*, d.id AS doc_id, d.outlet AS outlet, d.title AS title, d.published AS published
       FROM (SELECT c.doc_key, c.idx FROM claims c ${join} ${w.sql} ORDER BY c.day DESC, c.doc_key, c.idx LIMIT ? OFFSET ?) k
       JOIN claims c ON c.doc_key = k.doc_key AND c.idx = k.idx
       JOIN documents d ON d.key = c.doc_key
       ORDER BY c.day DESC, c.doc_key, c.idx`,
    ).all(...w.params, limit, offset) as Row[];
    return { total, limit, offset, items: rows.map((r) => this.claimRow(r)) };
  }

  async listClaimsJson(filter: ClaimFilter = {}, paging: Paging = {}): Promise<string> {
    const { limit, offset } = normalizePaging(paging);
    const w = this.claimWhere(filter);
    const join = w.needsDoc ? 'JOIN documents d ON d.key = c.doc_key' : '';
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM claims c ${join} ${w.sql}`).get(...w.params) as { n: number }).n;
    const items = this.stmt(
      `SELECT ${CLAIM_JSON}
       FROM (SELECT c.doc_key, c.idx FROM claims c ${join} ${w.sql} ORDER BY c.day DESC, c.doc_key, c.idx LIMIT ? OFFSET ?) k
       JOIN claims c ON c.doc_key = k.doc_key AND c.idx = k.idx
       JOIN documents d ON d.key = c.doc_key
       ORDER BY c.day DESC, c.doc_key, c.idx`,
    )
      .pluck()
      .all(...w.params, limit, offset) as string[];
    return `{"total":${total},"limit":${limit},"offset":${offset},"items":[${items.join(',')}]}`;
  }

  async *iterateClaims(filter: ClaimFilter = {}): AsyncIterable<ClaimRow> {
    const w = this.claimWhere(filter);
    const it = this.db
      .prepare(
        `SELECT c.*, d.id AS doc_id, d.outlet AS outlet, d.title AS title, d.published AS published
         FROM claims c JOIN documents d ON d.key = c.doc_key ${w.sql} ORDER BY c.day DESC, c.doc_key, c.idx`,
      )
      .iterate(...w.params) as IterableIterator<Row>;
    for (const r of it) yield this.claimRow(r);
  }

  async listEvents(filter: ClaimFilter = {}, paging: Paging = {}): Promise<Page<EventRow>> {
    const { limit, offset } = normalizePaging(paging);
    const w = this.claimWhere(filter, 'e');
    const total = (this.stmt(`SELECT COUNT(*) AS n FROM events e JOIN documents d ON d.key = e.doc_key ${w.sql}`).get(...w.params) as { n: number }).n;
    const rows = this.stmt(
      `SELECT e.*, d.id AS doc_id, d.outlet AS outlet FROM events e JOIN documents d ON d.key = e.doc_key ${w.sql}
       ORDER BY e.day DESC, e.doc_key, e.idx LIMIT ? OFFSET ?`,
    ).all(...w.params, limit, offset) as Row[];
    return { total, limit, offset, items: rows.map((r) => this.eventRow(r)) };
  }

  async *iterateEvents(filter: ClaimFilter = {}): AsyncIterable<EventRow> {
    const w = this.claimWhere(filter, 'e');
    const it = this.db
      .prepare(`SELECT e.*, d.id AS doc_id, d.outlet AS outlet FROM events e JOIN documents d ON d.key = e.doc_key ${w.sql} ORDER BY e.day DESC, e.doc_key, e.idx`)
      .iterate(...w.params) as IterableIterator<Row>;
    for (const r of it) yield this.eventRow(r);
  }

  async listPlaces(filter: ClaimFilter = {}): Promise<PlaceAggregate[]> {
    const claimOnly = Boolean(filter.category?.length || filter.source || filter.q || filter.since || filter.until);
    // Mentions, per place key, in the documents the document-level filters allow.
    const pw: string[] = [];
    const pp: unknown[] = [];
    if (filter.outlet) {
      pw.push(`lower(d.outlet) LIKE ? ESCAPE '\\'`);
      pp.push(likeEscape(filter.outlet));
    }
    if (filter.document) {
      pw.push('d.id = ?');
      pp.push(filter.document);
    }
    if (filter.place) {
      if (/^\d+$/.test(filter.place)) {
        pw.push('p.geoname_id = ?');
        pp.push(Number(filter.place));
      } else {
        pw.push(`lower(p.name) LIKE ? ESCAPE '\\'`);
        pp.push(likeEscape(filter.place));
      }
    }
    const mentions = this.stmt(
      `SELECT COALESCE(CAST(p.geoname_id AS TEXT), 'name:' || lower(p.name)) AS k,
              MIN(p.name) AS name, MAX(p.geoname_id) AS geoname_id, MAX(p.country) AS country,
              AVG(p.lat) AS lat, AVG(p.lon) AS lon, MIN(p.precision) AS precision, MIN(p.kind) AS kind,
              COUNT(*) AS mentions, COUNT(DISTINCT p.doc_key) AS documents
       FROM places p JOIN documents d ON d.key = p.doc_key ${pw.length ? 'WHERE ' + pw.join(' AND ') : ''}
       GROUP BY k`,
    ).all(...pp) as Row[];
    const w = this.claimWhere(filter);
    const claimAgg = this.stmt(
      `SELECT COALESCE(CAST(c.place_geoname_id AS TEXT), 'name:' || lower(c.place_name)) AS k, c.category AS category, COUNT(*) AS n,
              MIN(c.place_name) AS name, AVG(c.lat) AS lat, AVG(c.lon) AS lon, MIN(c.precision) AS precision, MAX(c.country) AS country,
              COUNT(DISTINCT c.doc_key) AS documents
       FROM claims c ${w.needsDoc ? 'JOIN documents d ON d.key = c.doc_key' : ''} ${w.sql ? w.sql + ' AND' : 'WHERE'} c.place_name IS NOT NULL
       GROUP BY k, c.category`,
    ).all(...w.params) as Row[];
    const out = new Map<string, PlaceAggregate>();
    for (const m of mentions) {
      out.set(m.k as string, {
        key: m.k as string,
        name: m.name as string,
        geonameId: (m.geoname_id as number) ?? null,
        country: (m.country as string) ?? null,
        lat: (m.lat as number) ?? null,
        lon: (m.lon as number) ?? null,
        precision: (m.precision as number) ?? 3,
        kind: m.kind as string,
        mentions: m.mentions as number,
        documents: m.documents as number,
        claims: 0,
        categories: {},
      });
    }
    for (const c of claimAgg) {
      let p = out.get(c.k as string);
      if (!p) {
        p = {
          key: c.k as string,
          name: c.name as string,
          geonameId: /^\d+$/.test(String(c.k)) ? Number(c.k) : null,
          country: (c.country as string) ?? null,
          lat: (c.lat as number) ?? null,
          lon: (c.lon as number) ?? null,
          precision: (c.precision as number) ?? 3,
          kind: 'unknown',
          mentions: 0,
          documents: c.documents as number,
          claims: 0,
          categories: {},
        };
        out.set(p.key, p);
      }
      p.claims += c.n as number;
      p.categories[c.category as string] = (p.categories[c.category as string] ?? 0) + (c.n as number);
    }
    let list = [...out.values()];
    if (claimOnly) list = list.filter((p) => p.claims > 0);
    return list.sort((a, b) => b.claims - a.claims || b.mentions - a.mentions || a.name.localeCompare(b.name));
  }

  async listActors(filter: { q?: string; limit?: number } = {}): Promise<ActorAggregate[]> {
    const limit = Math.max(1, Math.min(1000, filter.limit ?? 200));
    const where = filter.q ? `WHERE lower(a.name) LIKE ? ESCAPE '\\' OR lower(a.actor_id) LIKE ? ESCAPE '\\'` : '';
    const params = filter.q ? [likeEscape(filter.q), likeEscape(filter.q)] : [];
    const rows = this.stmt(
      `SELECT a.actor_id AS id, MIN(a.name) AS name, MIN(a.kind) AS kind, MAX(a.country) AS country,
              COUNT(*) AS mentions, COUNT(DISTINCT a.doc_key) AS documents,
              (SELECT COUNT(*) FROM claims c WHERE c.source_id = a.actor_id) AS claims
       FROM actors a ${where} GROUP BY a.actor_id ORDER BY mentions DESC, name LIMIT ?`,
    ).all(...params, limit) as Row[];
    return rows.map((r) => ({
      id: r.id as string,
      name: r.name as string,
      kind: r.kind as string,
      country: (r.country as string) ?? null,
      mentions: r.mentions as number,
      documents: r.documents as number,
      claims: r.claims as number,
    }));
  }

  async timeline(filter: ClaimFilter = {}): Promise<TimelineDay[]> {
    const w = this.claimWhere(filter);
    const rows = this.stmt(
      `SELECT c.day AS day, c.category AS category, COUNT(*) AS n, SUM(COALESCE(c.value_min, c.value_max, 0)) AS total
       FROM claims c ${w.needsDoc ? 'JOIN documents d ON d.key = c.doc_key' : ''} ${w.sql ? w.sql + ' AND' : 'WHERE'} c.day IS NOT NULL
       GROUP BY c.day, c.category ORDER BY c.day`,
    ).all(...w.params) as Row[];
    const days = new Map<string, TimelineDay>();
    for (const r of rows) {
      const day = r.day as string;
      let d = days.get(day);
      if (!d) days.set(day, (d = { day, claims: 0, categories: {}, totals: {} }));
      d.claims += r.n as number;
      d.categories[r.category as string] = r.n as number;
      d.totals[r.category as string] = r.total as number;
    }
    return [...days.values()];
  }

  async facets() {
    const col = (sql: string) => (this.stmt(sql).all() as { v: string }[]).map((r) => r.v);
    const range = this.stmt('SELECT MIN(day) AS min, MAX(day) AS max FROM claims').get() as { min: string | null; max: string | null };
    return {
      categories: col('SELECT DISTINCT category AS v FROM claims ORDER BY v'),
      outlets: col('SELECT DISTINCT outlet AS v FROM documents WHERE outlet IS NOT NULL ORDER BY v'),
      sources: col('SELECT source_name AS v FROM claims WHERE source_name IS NOT NULL GROUP BY source_name ORDER BY COUNT(*) DESC LIMIT 200'),
      days: { min: range.min, max: range.max },
    };
  }

  async stats(): Promise<StoreStats> {
    const n = (t: string) => (this.stmt(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    return {
      documents: n('documents'),
      claims: n('claims'),
      places: n('places'),
      actors: n('actors'),
      statements: n('statements'),
      events: n('events'),
      framing: n('framing'),
      schemaVersion: await this.schemaVersion(),
    };
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    // Leave the file in rollback-journal mode when no one else has it open: a WAL database can be
    // opened read-only only where its -shm file can be created, so a read-only copy or folder could
    // not be read at all. The next writer turns WAL on again.
    if (!this.db.readonly && this.location !== ':memory:') {
      try {
        this.db.pragma('busy_timeout = 0');
        this.db.pragma('journal_mode = DELETE');
      } catch {
        // another connection is open: it stays in WAL mode, as before
      }
    }
    this.db.close();
  }
}

export { ITEM_TABLES };
