// The ledger's summaries: places, actors, the timeline and the filters' values, each one grouped
// query (or a few) under the same filters as the item lists.
import { sql, type SqlBool } from 'kysely';
import type { ActorAggregate, ClaimFilter, PlaceAggregate, TimelineDay } from '../store.js';
import { aggregatePlaces, timelineDays } from './aggregate.js';
import type { Db, ItemQueries } from './item-queries.js';
import { contains, placeWhere, runFilter, whereAll } from './where.js';

export interface Facets {
  categories: string[];
  outlets: string[];
  sources: string[];
  days: { min: string | null; max: string | null };
}

/** Places with their mentions and the claims made at them, under a filter. */
export async function listPlaces(db: Db, q: ItemQueries, given: ClaimFilter): Promise<PlaceAggregate[]> {
  const filter = await runFilter(db, given, ['places', 'claims']);
  const placeKey = sql<string>`COALESCE(CAST(p.geoname_id AS TEXT), 'name:' || lower(p.name))`;
  // Mentions, per place key, in the documents the document-level filters allow.
  const mentions = await whereAll(db.selectFrom('places as p').innerJoin('documents as d', 'd.key', 'p.doc_key'), placeWhere(filter))
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
  const claimAgg = await q.claims(filter, 'when needed')
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

/** Actors by mentions, with the claims they are the source of. */
export async function listActors(db: Db, filter: { q?: string; limit?: number }): Promise<ActorAggregate[]> {
  const limit = Math.max(1, Math.min(1000, filter.limit ?? 200));
  const rows = await db
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

/** Claims per day and category under a filter. */
export async function timeline(db: Db, q: ItemQueries, given: ClaimFilter): Promise<TimelineDay[]> {
  const filter = await runFilter(db, given, ['claims']);
  const rows = await q.claims(filter, 'when needed')
    .where('c.day', 'is not', null)
    .select((eb) => ['c.day', 'c.category', eb.fn.countAll().as('n'), eb.fn.sum(sql<number>`COALESCE(c.value_min, c.value_max, 0)`).as('total')])
    .groupBy(['c.day', 'c.category'])
    .orderBy('c.day')
    .execute();
  return timelineDays(rows);
}

/** The values the filters offer: categories, outlets, the most frequent sources, the span of days. */
export async function facets(db: Db): Promise<Facets> {
  const [categories, outlets, sources, range] = await Promise.all([
    db.selectFrom('claims').select('category as v').distinct().orderBy('v').execute(),
    db.selectFrom('documents').select('outlet as v').distinct().where('outlet', 'is not', null).orderBy('v').execute(),
    db
      .selectFrom('claims')
      .select('source_name as v')
      .where('source_name', 'is not', null)
      .groupBy('source_name')
      .orderBy(sql`COUNT(*)`, 'desc')
      .orderBy('source_name')
      .limit(200)
      .execute(),
    db.selectFrom('claims').select((eb) => [eb.fn.min('day').as('min'), eb.fn.max('day').as('max')]).executeTakeFirstOrThrow(),
  ]);
  return {
    categories: categories.map((r) => r.v),
    outlets: outlets.map((r) => r.v as string),
    sources: sources.map((r) => r.v as string),
    days: { min: range.min ?? null, max: range.max ?? null },
  };
}
