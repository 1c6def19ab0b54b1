// The item queries the ledger's readers share: claims and events under a filter (joined with their
// documents when the filter reads them), their order on a page, and their rows as the Store returns
// them. Used by the store itself (lists, a document's items) and by its summaries (places, timeline).
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { ClaimFilter, ClaimRow, EventRow } from '../store.js';
import type { SqlDialect } from './dialects.js';
import { claimRow, eventRow } from './read.js';
import type { Ledger } from './schema.js';
import { whereAll, itemWhere, type RunFilter } from './where.js';

export type Db = Kysely<Ledger>;
/** Claims c (with documents d when a filter needs them). */
export type ClaimQuery = SelectQueryBuilder<Ledger & { c: Ledger['claims']; d: Ledger['documents'] }, 'c' | 'd', object>;
export type EventQuery = SelectQueryBuilder<Ledger & { e: Ledger['events']; d: Ledger['documents'] }, 'e' | 'd', object>;

/**
 * A count of the items a filter shows: when rejected items are hidden, all of them less the rejected
 * ones (both quick: the first needs no test of each row, the second reads the partial index), instead
 * of testing the status of every row.
 */
export async function exceptRejected(f: RunFilter, count: (f: RunFilter) => Promise<{ n: unknown }>): Promise<number> {
  if (f.noRejected || f.reviewed?.length) return Number((await count(f)).n);
  const [all, rejected] = await Promise.all([count({ ...f, noRejected: true }), count({ ...f, reviewed: ['rejected'] })]);
  return Number(all.n) - Number(rejected.n);
}

export class ItemQueries {
  constructor(
    private readonly db: Db,
    private readonly dialect: SqlDialect,
  ) {}

  /** Claims matching a filter; joined with documents only when the filter reads them. */
  claims(f: ClaimFilter, join: 'always' | 'when needed' = 'always'): ClaimQuery {
    const w = itemWhere(f, 'c', this.dialect);
    const q =
      join === 'always' || w.needsDoc
        ? this.db.selectFrom('claims as c').innerJoin('documents as d', 'd.key', 'c.doc_key')
        : (this.db.selectFrom('claims as c') as unknown as ClaimQuery);
    return whereAll(q, w.conds);
  }

  events(f: ClaimFilter): EventQuery {
    return whereAll(this.db.selectFrom('events as e').innerJoin('documents as d', 'd.key', 'e.doc_key'), itemWhere(f, 'e', this.dialect).conds) as EventQuery;
  }

  async claimRows(q: ClaimQuery): Promise<ClaimRow[]> {
    const rows = await q.selectAll('c').select(['d.id as doc_id', 'd.outlet', 'd.title', 'd.published']).execute();
    return rows.map((r) => claimRow(r));
  }

  async eventRows(q: EventQuery): Promise<EventRow[]> {
    const rows = await q.selectAll('e').select(['d.id as doc_id', 'd.outlet']).execute();
    return rows.map((r) => eventRow(r));
  }

  claimOrder<Q extends SelectQueryBuilder<any, any, any>>(q: Q): Q {
    return q.orderBy('c.day', (o) => o.desc().nullsLast()).orderBy('c.doc_key').orderBy('c.idx') as Q;
  }

  eventOrder(q: EventQuery): EventQuery {
    return q.orderBy('e.day', (o) => o.desc().nullsLast()).orderBy('e.doc_key').orderBy('e.idx');
  }
}
