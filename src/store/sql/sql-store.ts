// The Store contract over SQL, written once for SQLite and PostgreSQL with kysely: every query and
// every filter is here, and dialects.ts holds the few things the two databases do differently.
// Writes: one transaction per batch (write-analysis.ts stores each analysis in it).
import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
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
import { ACTOR_COLUMNS, DATE_COLUMNS, FRAMING_COLUMNS, fromRow, PLACE_COLUMNS, STATEMENT_COLUMNS } from '../rows.js';
import type { SqlDialect } from './dialects.js';
import { claimRow, docSummary, eventRow, parseJson, reviewedOf } from './read.js';
import type { ItemTable, Ledger } from './schema.js';
import { whereAll, contains, itemWhere, placeWhere, runFilter, type RunFilter } from './where.js';
import { documentsWithAnalysis, listDocuments } from './list-documents.js';
import { aggregatePlaces, timelineDays } from './aggregate.js';
import { SqlReviews } from '../review/review-store.js';
import { bumpLedgerVersion, kyselyItemWriter, putAnalyses, type ItemWriter } from './write-analysis.js';
import { SqlBoard } from './board.js';

type Row = Record<string, unknown>;

/**
 * A count of the items a filter shows: when rejected items are hidden, all of them less the rejected
 * ones (both quick: the first needs no test of each row, the second reads the partial index), instead
 * of testing the status of every row.
 */
async function exceptRejected(f: RunFilter, count: (f: RunFilter) => Promise<{ n: unknown }>): Promise<number> {
  if (f.noRejected || f.reviewed?.length) return Number((await count(f)).n);
  const [all, rejected] = await Promise.all([count({ ...f, noRejected: true }), count({ ...f, reviewed: ['rejected'] })]);
  return Number(all.n) - Number(rejected.n);
}
type Db = Kysely<Ledger>;
/** Claims c (with documents d when a filter needs them). */
type ClaimQuery = SelectQueryBuilder<Ledger & { c: Ledger['claims']; d: Ledger['documents'] }, 'c' | 'd', object>;
type EventQuery = SelectQueryBuilder<Ledger & { e: Ledger['events']; d: Ledger['documents'] }, 'e' | 'd', object>;

export class SqlStore implements Store {
  readonly kind: string;
  readonly reviews: SqlReviews;
  readonly board: SqlBoard;
  /** How item rows are written (SQLite: its own prepared statements). */
  protected writeItems: ItemWriter = kyselyItemWriter;

  constructor(
    readonly db: Db,
    readonly dialect: SqlDialect,
    readonly location: string,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.kind = dialect.name;
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

  async putAnalyses(analyses: Analysis[], opts: { replace?: boolean } = {}): Promise<PutOutcome[]> {
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
    const claims = await this.claimRows(this.claims(all).where('c.doc_key', '=', key).orderBy('c.idx'));
    const events = await this.eventRows(this.events(all).where('e.doc_key', '=', key).orderBy('e.idx'));
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

  /** Claims matching a filter; joined with documents only when the filter reads them. */
  private claims(f: ClaimFilter, join: 'always' | 'when needed' = 'always'): ClaimQuery {
    const w = itemWhere(f, 'c', this.dialect);
    const q =
      join === 'always' || w.needsDoc
        ? this.db.selectFrom('claims as c').innerJoin('documents as d', 'd.key', 'c.doc_key')
        : (this.db.selectFrom('claims as c') as unknown as ClaimQuery);
    return whereAll(q, w.conds);
  }

  private events(f: ClaimFilter): EventQuery {
    return whereAll(this.db.selectFrom('events as e').innerJoin('documents as d', 'd.key', 'e.doc_key'), itemWhere(f, 'e', this.dialect).conds) as EventQuery;
  }

  private async claimRows(q: ClaimQuery): Promise<ClaimRow[]> {
    const rows = await q.selectAll('c').select(['d.id as doc_id', 'd.outlet', 'd.title', 'd.published']).execute();
    return rows.map((r) => claimRow(r));
  }

  private async eventRows(q: EventQuery): Promise<EventRow[]> {
    const rows = await q.selectAll('e').select(['d.id as doc_id', 'd.outlet']).execute();
    return rows.map((r) => eventRow(r));
  }

  private claimOrder<Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q {
    return q.orderBy('c.day', (o) => o.desc().nullsLast()).orderBy('c.doc_key').orderBy('c.idx') as Q;
  }

  async listClaims(given: ClaimFilter = {}, paging: Paging = {}): Promise<Page<ClaimRow>> {
    const filter = await runFilter(this.db, given, ['claims']);
    const { limit, offset } = normalizePaging(paging);
    // Counted up to the cap (or the page's end) and no further: a count never walks a million rows.
    const cap = Math.max(COUNT_CAP, offset + limit);
    const matching = this.claims(filter, 'when needed').select(sql<number>`1`.as('one')).limit(cap + 1).as('m');
    const count = this.db.selectFrom(matching).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // Page the keys first (an index walk), then fetch those rows with their document fields, in the
    // keys' order (ordering by k, not c, lets SQLite look each row up instead of scanning claims).
    const keys = this.claimOrder(this.claims(filter, 'when needed').select(['c.doc_key', 'c.idx', 'c.day'])).limit(limit).offset(offset).as('k');
    const page = this.db
      .selectFrom(keys)
      .innerJoin('claims as c', (j) => j.onRef('c.doc_key', '=', 'k.doc_key').onRef('c.idx', '=', 'k.idx'))
      .innerJoin('documents as d', 'd.key', 'c.doc_key')
      .orderBy('k.day', (o) => o.desc().nullsLast())
      .orderBy('k.doc_key')
      .orderBy('k.idx');
    // the count and the page at once: on PostgreSQL two connections of the pool, so the slower sets the time
    const [n, items] = await Promise.all([count, this.claimRows(page as unknown as ClaimQuery)]);
    const counted = Number(n.n);
    return { total: Math.min(counted, cap), limit, offset, items, ...(counted > cap && { capped: true }) };
  }

  async listClaimsJson(filter: ClaimFilter = {}, paging: Paging = {}): Promise<string> {
    return JSON.stringify(await this.listClaims(filter, paging));
  }

  async *iterateClaims(given: ClaimFilter = {}): AsyncIterable<ClaimRow> {
    const filter = await runFilter(this.db, given, ['claims']);
    const q = this.claimOrder(this.claims(filter)).selectAll('c').select(['d.id as doc_id', 'd.outlet', 'd.title', 'd.published']);
    for await (const r of q.stream(500)) yield claimRow(r);
  }

  async listEvents(given: ClaimFilter = {}, paging: Paging = {}): Promise<Page<EventRow>> {
    const filter = await runFilter(this.db, given, ['events']);
    const { limit, offset } = normalizePaging(paging);
    const total = { n: await exceptRejected(filter, (f) => this.events(f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()) };
    const items = await this.eventRows(this.eventOrder(this.events(filter)).limit(limit).offset(offset));
    return { total: Number(total.n), limit, offset, items };
  }

  private eventOrder(q: EventQuery): EventQuery {
    return q.orderBy('e.day', (o) => o.desc().nullsLast()).orderBy('e.doc_key').orderBy('e.idx');
  }

  async *iterateEvents(given: ClaimFilter = {}): AsyncIterable<EventRow> {
    const filter = await runFilter(this.db, given, ['events']);
    const q = this.eventOrder(this.events(filter)).selectAll('e').select(['d.id as doc_id', 'd.outlet']);
    for await (const r of q.stream(500)) yield eventRow(r);
  }

  async listPlaces(given: ClaimFilter = {}): Promise<PlaceAggregate[]> {
    const filter = await runFilter(this.db, given, ['places', 'claims']);
    const placeKey = sql<string>`COALESCE(CAST(p.geoname_id AS TEXT), 'name:' || lower(p.name))`;
    // Mentions, per place key, in the documents the document-level filters allow.
    const mentions = await whereAll(this.db.selectFrom('places as p').innerJoin('documents as d', 'd.key', 'p.doc_key'), placeWhere(filter))
      .select((eb) => [
        placeKey.as('k'),
        eb.fn.min('p.name').as('name'),
        eb.fn.max('p.geoname_id').as('geoname_id'),
        eb.fn.max('p.country').as('country'),
        eb.fn.avg('p.lat').as('lat'),
        eb.fn.avg('p.lon').as('lon'),
        eb.fn.min('p.precision').as('precision'),
        eb.fn.min('p.kind').as('kind'),
        eb.fn.countAll().as('mentions'),
        eb.fn.count('p.doc_key').distinct().as('documents'),
        eb.fn.sum(sql<number>`CASE WHEN p.reviewed IS NULL THEN 0 ELSE 1 END`).as('reviewed'),
      ])
      .groupBy(placeKey)
      .execute();
    const claimKey = sql<string>`COALESCE(CAST(c.place_geoname_id AS TEXT), 'name:' || lower(c.place_name))`;
    const claimAgg = await this.claims(filter, 'when needed')
      .where('c.place_name', 'is not', null)
      .select((eb) => [
        claimKey.as('k'),
        'c.category',
        eb.fn.countAll().as('n'),
        eb.fn.min('c.place_name').as('name'),
        eb.fn.avg('c.lat').as('lat'),
        eb.fn.avg('c.lon').as('lon'),
        eb.fn.min('c.precision').as('precision'),
        eb.fn.max('c.country').as('country'),
        eb.fn.count('c.doc_key').distinct().as('documents'),
      ])
      .groupBy([claimKey, 'c.category'])
      .execute();
    const claimOnly = Boolean(filter.category?.length || filter.source || filter.q || filter.since || filter.until);
    return aggregatePlaces(mentions, claimAgg, claimOnly);
  }

  async listActors(filter: { q?: string; limit?: number } = {}): Promise<ActorAggregate[]> {
    const limit = Math.max(1, Math.min(1000, filter.limit ?? 200));
    const rows = await this.db
      .selectFrom('actors as a')
      .$if(Boolean(filter.q), (q) => q.where(sql<SqlBool>`(${contains('a.name', filter.q!)} OR ${contains('a.actor_id', filter.q!)})`))
      .select((eb) => [
        'a.actor_id as id',
        eb.fn.min('a.name').as('name'),
        eb.fn.min('a.kind').as('kind'),
        eb.fn.max('a.country').as('country'),
        eb.fn.countAll().as('mentions'),
        eb.fn.count('a.doc_key').distinct().as('documents'),
        eb.selectFrom('claims as c').select((e2) => e2.fn.countAll().as('n')).whereRef('c.source_id', '=', 'a.actor_id').as('claims'),
      ])
      .groupBy('a.actor_id')
      .orderBy('mentions', 'desc')
      .orderBy('name')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      country: r.country ?? null,
      mentions: Number(r.mentions),
      documents: Number(r.documents),
      claims: Number(r.claims ?? 0),
    }));
  }

  async timeline(given: ClaimFilter = {}): Promise<TimelineDay[]> {
    const filter = await runFilter(this.db, given, ['claims']);
    const rows = await this.claims(filter, 'when needed')
      .where('c.day', 'is not', null)
      .select((eb) => ['c.day', 'c.category', eb.fn.countAll().as('n'), eb.fn.sum(sql<number>`COALESCE(c.value_min, c.value_max, 0)`).as('total')])
      .groupBy(['c.day', 'c.category'])
      .orderBy('c.day')
      .execute();
    return timelineDays(rows);
  }

  async facets() {
    const [categories, outlets, sources, range] = await Promise.all([
      this.db.selectFrom('claims').select('category as v').distinct().orderBy('v').execute(),
      this.db.selectFrom('documents').select('outlet as v').distinct().where('outlet', 'is not', null).orderBy('v').execute(),
      this.db
        .selectFrom('claims')
        .select('source_name as v')
        .where('source_name', 'is not', null)
        .groupBy('source_name')
        .orderBy(sql`COUNT(*)`, 'desc')
        .orderBy('source_name')
        .limit(200)
        .execute(),
      this.db.selectFrom('claims').select((eb) => [eb.fn.min('day').as('min'), eb.fn.max('day').as('max')]).executeTakeFirstOrThrow(),
    ]);
    return {
      categories: categories.map((r) => r.v),
      outlets: outlets.map((r) => r.v as string),
      sources: sources.map((r) => r.v as string),
      days: { min: range.min ?? null, max: range.max ?? null },
    };
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
