// The Store contract over SQL, written once for SQLite and PostgreSQL with kysely; dialects.ts holds
// the few things the two databases do differently. Reads: the item lists and a document here, the
// queries they share in item-queries.ts, filters in where.ts, the grouped summaries in summaries.ts.
// Writes: one transaction per batch (write-analysis.ts stores each analysis in it).
import { sql } from 'kysely';
import type { Analysis, Document } from '../../core/types.js';
import {
  COUNT_CAP,
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
import { ACTOR_COLUMNS, DATE_COLUMNS, FRAMING_COLUMNS, fromRow, PLACE_COLUMNS, STATEMENT_COLUMNS, type StoredAnalysis } from '../rows.js';
import type { SqlDialect } from './dialects.js';
import { claimRow, docSummary, eventRow, parseJson, reviewedOf } from './read.js';
import type { ItemTable } from './schema.js';
import { runFilter, type RunFilter } from './where.js';
import { documentsWithAnalysis, listDocuments } from './list-documents.js';
import { ItemQueries, exceptRejected, type ClaimQuery, type Db } from './item-queries.js';
import { facets, listActors, listPlaces, timeline, type Facets } from './summaries.js';
import { SqlReviews } from '../review/review-store.js';
import { bumpLedgerVersion, kyselyItemWriter, putAnalyses, type ItemWriter } from './write-analysis.js';
import { SqlBoard } from './board.js';

type Row = Record<string, unknown>;

export class SqlStore implements Store {
  readonly kind: string;
  readonly reviews: SqlReviews;
  readonly board: SqlBoard;
  /** How item rows are written (SQLite: its own prepared statements). */
  protected writeItems: ItemWriter = kyselyItemWriter;
  private readonly q: ItemQueries;

  constructor(
    readonly db: Db,
    readonly dialect: SqlDialect,
    readonly location: string,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.kind = dialect.name;
    this.q = new ItemQueries(db, dialect);
    this.board = new SqlBoard(db, (fn) => this.write(fn), (t) => dialect.hasTable(db, t));
    // A review changes what the boards show: its write moves the ledger version on, like a stored analysis.
    this.reviews = new SqlReviews(db, (fn) =>
      this.write(async (tx) => {
        const r = await fn(tx);
        await bumpLedgerVersion(tx);
        return r;
      }),
    );
  }

  /** fn inside one write transaction on one connection, committed when it returns. */
  protected async write<T>(fn: (db: Db) => Promise<T>, before: string[] = [], after: string[] = []): Promise<T> {
    return this.db.connection().execute(async (conn) => {
      for (const s of before) await sql.raw(s).execute(conn);
      try {
        await sql.raw(this.dialect.begin).execute(conn);
        try {
          const out = await fn(conn);
          await sql`COMMIT`.execute(conn);
          return out;
        } catch (e) {
          await sql`ROLLBACK`.execute(conn).catch(() => {});
          throw e;
        }
      } finally {
        for (const s of after) await sql.raw(s).execute(conn);
      }
    });
  }

  async migrate(): Promise<number[]> {
    await this.write(async (db) => {
      // Under the lock too: CREATE ... IF NOT EXISTS is not safe against a concurrent twin in PostgreSQL.
      if (this.dialect.migrationLock) await sql.raw(this.dialect.migrationLock).execute(db);
      await sql`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`.execute(db);
    });
    const applied: number[] = [];
    for (const m of this.dialect.migrations) {
      const rebuild = Boolean(m.rebuild && this.dialect.foreignKeyCheck);
      const done = await this.write(
        async (db) => {
          if (this.dialect.migrationLock) await sql.raw(this.dialect.migrationLock).execute(db);
          // Checked under the lock: another process may have applied it meanwhile.
          if (await db.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst()) return false;
          for (const s of this.dialect.statements(m.sql)) await sql.raw(s).execute(db);
          if (rebuild) {
            const bad = (await sql.raw(this.dialect.foreignKeyCheck!).execute(db)).rows;
            if (bad.length) throw new Error(`migration ${m.version} (${m.name}) broke ${bad.length} foreign keys`);
          }
          await db.insertInto('schema_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
          return true;
        },
        rebuild ? this.dialect.rebuildBefore : [],
        rebuild ? this.dialect.rebuildAfter : [],
      );
      if (done) applied.push(m.version);
    }
    const latest = Math.max(...this.dialect.migrations.map((m) => m.version));
    const current = await this.schemaVersion();
    if (current > latest) throw new Error(`${this.location}: schema version ${current} is newer than this sitrep knows (${latest}); upgrade sitrep`);
    return applied;
  }

  async schemaVersion(): Promise<number> {
    if (!(await this.dialect.hasTable(this.db, 'schema_migrations'))) return 0;
    const r = await this.db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst();
    return Number(r?.v ?? 0);
  }

  async knownHashes(hashes: string[]): Promise<Set<string>> {
    if (!hashes.length) return new Set();
    const rows = await this.db.selectFrom('documents').select('hash').where('hash', 'in', hashes).execute();
    return new Set(rows.map((r) => r.hash));
  }

  async putAnalyses(analyses: (Analysis | StoredAnalysis)[], opts: { replace?: boolean } = {}): Promise<PutOutcome[]> {
    return this.write(async (db) => {
      const out = await putAnalyses(db, analyses, new Date().toISOString(), opts.replace ?? false, this.writeItems);
      if (out.some((o) => o.status !== 'exists')) await bumpLedgerVersion(db);
      return out;
    });
  }

  async ledgerVersion(): Promise<number> {
    if (!(await this.hasScaleSchema())) {
      // an older ledger, read-only: its counts stand for its version (negative: never a real one)
      const st = await this.stats();
      return -1 - (st.documents * 1_000_003 + st.claims);
    }
    const r = await this.db.selectFrom('ledger_state').select('version').where('id', '=', 1).executeTakeFirst();
    return Number(r?.version ?? 0);
  }

  async staleDocuments(version: string, page: { afterKey?: number; limit?: number } = {}): Promise<{ key: number; document: Document }[]> {
    const rows = await this.db
      .selectFrom('documents as d')
      .leftJoin('analyses as a', 'a.doc_key', 'd.key')
      .select(['d.key', 'd.id', 'd.text', 'd.title', 'd.outlet', 'd.published', 'd.url'])
      .where((eb) => eb.or([eb('a.pipeline_version', 'is', null), eb('a.pipeline_version', '!=', version)]))
      .where('d.key', '>', page.afterKey ?? 0)
      .orderBy('d.key')
      .limit(Math.max(1, Math.min(10_000, page.limit ?? 1000)))
      .execute();
    return rows.map((r) => ({
      key: r.key,
      document: {
        id: r.id,
        text: r.text,
        ...(r.title != null && { title: r.title }),
        ...(r.outlet != null && { outlet: r.outlet }),
        ...(r.published != null && { published: r.published }),
        ...(r.url != null && { url: r.url }),
      },
    }));
  }

  // ---- reading ----

  async listDocuments(filter: DocumentFilter = {}): Promise<Page<DocumentSummary>> {
    return listDocuments(this.db, this.dialect, filter, await this.hasScaleSchema());
  }

  private scaleSchema: Promise<boolean> | null = null;
  /** Migration 8 (full text, ledger version) is there: a ledger opened read-only may be older. */
  private hasScaleSchema(): Promise<boolean> {
    return (this.scaleSchema ??= this.dialect.hasTable(this.db, 'ledger_state'));
  }

  async getDocument(id: string): Promise<DocumentDetail | null> {
    const r = await documentsWithAnalysis(this.db).select('d.text').where('d.id', '=', id).executeTakeFirst();
    if (!r) return null;
    const key = r.key;
    const items = (table: 'places' | 'actors' | 'statements' | 'framing' | 'dates') =>
      this.db.selectFrom(table).selectAll().where('doc_key', '=', key).orderBy('idx').execute() as Promise<Row[]>;
    const [places, actors, statements, framing, dates] = await Promise.all([items('places'), items('actors'), items('statements'), items('framing'), items('dates')]);
    // (every item, rejected ones too: the article view shows them struck out, to be reconsidered)
    const all: RunFilter = { noRejected: true };
    const claims = await this.q.claimRows(this.q.claims(all).where('c.doc_key', '=', key).orderBy('c.idx'));
    const events = await this.q.eventRows(this.q.events(all).where('e.doc_key', '=', key).orderBy('e.idx'));
    return {
      ...docSummary(r),
      text: r.text,
      origin: parseJson(r.origin),
      errors: r.errors ? parseJson(r.errors) : [],
      places: places.map((p) => ({ ...fromRow(p, PLACE_COLUMNS), reviewed: reviewedOf(p.reviewed) }) as unknown as StoredPlace),
      actors: actors.map((x) => ({ ...fromRow(x, ACTOR_COLUMNS), reviewed: reviewedOf(x.reviewed) })),
      statements: statements.map((x) => ({ ...fromRow(x, STATEMENT_COLUMNS), reviewed: reviewedOf(x.reviewed) })),
      claims,
      events,
      framing: framing.map((x) => fromRow(x, FRAMING_COLUMNS)),
      dates: dates.map((x) => fromRow(x, DATE_COLUMNS)),
    };
  }

  async listClaims(given: ClaimFilter = {}, paging: Paging = {}): Promise<Page<ClaimRow>> {
    const filter = await runFilter(this.db, given, ['claims']);
    const { limit, offset } = normalizePaging(paging);
    // Counted up to the cap (or the page's end) and no further: a count never walks a million rows.
    const cap = Math.max(COUNT_CAP, offset + limit);
    const matching = this.q.claims(filter, 'when needed').select(sql<number>`1`.as('one')).limit(cap + 1).as('m');
    const count = this.db.selectFrom(matching).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // Page the keys first (an index walk), then fetch those rows with their document fields, in the
    // keys' order (ordering by k, not c, lets SQLite look each row up instead of scanning claims).
    const keys = this.q.claimOrder(this.q.claims(filter, 'when needed').select(['c.doc_key', 'c.idx', 'c.day'])).limit(limit).offset(offset).as('k');
    const page = this.db
      .selectFrom(keys)
      .innerJoin('claims as c', (j) => j.onRef('c.doc_key', '=', 'k.doc_key').onRef('c.idx', '=', 'k.idx'))
      .innerJoin('documents as d', 'd.key', 'c.doc_key')
      .orderBy('k.day', (o) => o.desc().nullsLast())
      .orderBy('k.doc_key')
      .orderBy('k.idx');
    // the count and the page at once: on PostgreSQL two connections of the pool, so the slower sets the time
    const [n, items] = await Promise.all([count, this.q.claimRows(page as unknown as ClaimQuery)]);
    const counted = Number(n.n);
    return { total: Math.min(counted, cap), limit, offset, items, ...(counted > cap && { capped: true }) };
  }

  async listClaimsJson(filter: ClaimFilter = {}, paging: Paging = {}): Promise<string> {
    return JSON.stringify(await this.listClaims(filter, paging));
  }

  async *iterateClaims(given: ClaimFilter = {}): AsyncIterable<ClaimRow> {
    const filter = await runFilter(this.db, given, ['claims']);
    const q = this.q.claimOrder(this.q.claims(filter)).selectAll('c').select(['d.id as doc_id', 'd.outlet', 'd.title', 'd.published']);
    for await (const r of q.stream(500)) yield claimRow(r);
  }

  async listEvents(given: ClaimFilter = {}, paging: Paging = {}): Promise<Page<EventRow>> {
    const filter = await runFilter(this.db, given, ['events']);
    const { limit, offset } = normalizePaging(paging);
    const total = { n: await exceptRejected(filter, (f) => this.q.events(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()) };
    const items = await this.q.eventRows(this.q.eventOrder(this.q.events(filter)).limit(limit).offset(offset));
    return { total: Number(total.n), limit, offset, items };
  }

  async *iterateEvents(given: ClaimFilter = {}): AsyncIterable<EventRow> {
    const filter = await runFilter(this.db, given, ['events']);
    const q = this.q.eventOrder(this.q.events(filter)).selectAll('e').select(['d.id as doc_id', 'd.outlet']);
    for await (const r of q.stream(500)) yield eventRow(r);
  }

  listPlaces(given: ClaimFilter = {}): Promise<PlaceAggregate[]> {
    return listPlaces(this.db, this.q, given);
  }

  listActors(filter: { q?: string; limit?: number } = {}): Promise<ActorAggregate[]> {
    return listActors(this.db, filter);
  }

  timeline(given: ClaimFilter = {}): Promise<TimelineDay[]> {
    return timeline(this.db, this.q, given);
  }

  facets(): Promise<Facets> {
    return facets(this.db);
  }

  async stats(): Promise<StoreStats> {
    const n = async (t: 'documents' | ItemTable) => Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const [documents, claims, places, actors, statements, events, framing] = await Promise.all([n('documents'), n('claims'), n('places'), n('actors'), n('statements'), n('events'), n('framing')]);
    return { documents, claims, places, actors, statements, events, framing, schemaVersion: await this.schemaVersion() };
  }

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }
}
