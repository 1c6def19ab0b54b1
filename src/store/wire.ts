// The wire schema: the records the store returns, the API sends and the dashboard reads, defined once
// with zod. store.ts takes its types from here (z.infer) and the OpenAPI document
// (src/server/openapi.ts) is generated from these schemas, so the three cannot drift apart.
import { z } from 'zod';
import { CATEGORIES } from './filters.js';

const int = z.number().int();
const nint = int.nullable();
const nnum = z.number().nullable();
const nstr = z.string().nullable();

export const Span = z.object({ start: int, end: int });
export const Evidence = z.object({ rule: z.string(), span: Span, note: z.string().optional() });
const evidence = z.array(Evidence);
/** An item's review status (src/store/review/): pending until an analyst acts on it. */
export const REVIEWED = ['pending', 'accepted', 'corrected', 'rejected', 'added'] as const;
export const Reviewed = z.enum(REVIEWED).meta({ description: 'pending (no analyst has acted), accepted, corrected, rejected (a false alarm, hidden from lists unless asked for) or added (missed by the machine)' });
const precision = z.union([z.literal(1), z.literal(2), z.literal(3)]).meta({ description: 'ACLED-style: 1 the place itself, 2 near or part of it, 3 its region' });

export const DocumentSummary = z
  .object({
    id: z.string(),
    key: int.meta({ description: 'The row key inside this ledger' }),
    hash: z.string().meta({ description: 'sha256 of the text; the same text is stored once' }),
    title: nstr,
    outlet: nstr,
    published: nstr,
    url: nstr,
    referenceDate: nstr,
    lang: nstr.meta({ description: 'Language code the document was read in (its own lang, else detected); a language Sitrep does not read gives no items' }),
    ingestedAt: z.string(),
    chars: int,
    counts: z.object({ claims: int, places: int, actors: int, statements: int, events: int, framing: int, errors: int }),
  })
  .meta({ id: 'DocumentSummary' });

export const StoredPlace = z
  .object({
    start: int,
    end: int,
    text: z.string(),
    name: z.string(),
    geonameId: nint,
    country: nstr,
    lat: nnum,
    lon: nnum,
    kind: z.string(),
    admin1: nstr,
    precision,
    qualifier: nstr,
    parent: z.unknown(),
    candidates: z.array(z.unknown()),
    evidence,
    reviewed: Reviewed,
  })
  .meta({ id: 'Place' });

export const ClaimRow = z
  .object({
    id: z.string().meta({ description: '<document id>#<index>' }),
    documentId: z.string(),
    index: int,
    start: int,
    end: int,
    text: z.string(),
    quantity: z.object({ start: int, end: int, text: z.string() }),
    value: z.object({ min: nnum, max: nnum, approx: z.boolean() }),
    category: z.string().meta({ description: `One of ${CATEGORIES.join(', ')}` }),
    who: z.string(),
    source: z.object({ name: z.string(), id: nstr, kind: nstr, start: nint, end: nint, via: z.unknown() }).nullable(),
    hedged: z.boolean(),
    place: z
      .object({ name: z.string(), text: z.string(), geonameId: nint, qualifier: nstr, start: int, end: int, lat: nnum, lon: nnum, country: nstr, precision: nint })
      .nullable(),
    date: nstr,
    dateUntil: nstr,
    day: nstr.meta({ description: 'The day the claim is filed under: its own date, else its article’s reference date, else published' }),
    sentence: int,
    evidence,
    outlet: nstr,
    title: nstr,
    published: nstr,
    reviewed: Reviewed,
  })
  .meta({ id: 'Claim' });

const movementEnd = z.looseObject({ name: z.string(), geonameId: nint.optional(), lat: nnum.optional(), lon: nnum.optional() }).nullable();

export const EventRow = z
  .object({
    id: z.string(),
    documentId: z.string(),
    index: int,
    start: int,
    end: int,
    type: z.string().meta({ description: 'ACLED event type, or "Movements"' }),
    subtype: z.string(),
    actor1: z.unknown(),
    actor2: z.unknown(),
    place: z.object({ name: z.string(), geonameId: nint, country: nstr, lat: nnum, lon: nnum, precision: int }).nullable(),
    date: nstr,
    day: nstr,
    timePrecision: nint,
    claims: z.array(int),
    fatalities: nnum,
    origin: movementEnd.meta({ description: 'Movements: where people left from' }),
    destination: movementEnd.meta({ description: 'Movements: where people went' }),
    sources: z.array(z.string()),
    evidence,
    outlet: nstr,
    reviewed: Reviewed,
  })
  .meta({ id: 'Event' });

export const DocumentDetail = DocumentSummary.extend({
  text: z.string().meta({ description: 'The article text, unmodified; every offset points into it.' }),
  origin: z.unknown(),
  errors: z.array(z.object({ stage: z.string(), message: z.string() })),
  places: z.array(StoredPlace),
  actors: z.array(z.unknown()),
  statements: z.array(z.unknown()),
  claims: z.array(ClaimRow),
  events: z.array(EventRow),
  framing: z.array(z.unknown()),
  dates: z.array(z.unknown()),
}).meta({ id: 'DocumentDetail' });

export const PlaceAggregate = z
  .object({
    key: z.string(),
    name: z.string(),
    geonameId: nint,
    country: nstr,
    lat: nnum,
    lon: nnum,
    precision: int.meta({ description: 'Best (lowest) precision code seen' }),
    kind: z.string(),
    mentions: int,
    documents: int,
    reviewed: int.meta({ description: 'Mentions an analyst has acted on (accepted, corrected, added; rejected ones when the reviewed filter asks for them)' }),
    claims: int,
    categories: z.record(z.string(), int).meta({ description: 'Claims by category' }),
  })
  .meta({ id: 'PlaceAggregate' });

export const ActorAggregate = z
  .object({ id: z.string(), name: z.string(), kind: z.string(), country: nstr, mentions: int, documents: int, claims: int.meta({ description: 'Claims this actor is the source of' }) })
  .meta({ id: 'ActorAggregate' });

export const TimelineDay = z
  .object({
    day: z.string(),
    claims: int,
    categories: z.record(z.string(), int),
    totals: z.record(z.string(), z.number()).meta({ description: 'Sum of the lower bounds, per category' }),
  })
  .meta({ id: 'TimelineDay' });

export const Facets = z
  .object({ categories: z.array(z.string()), outlets: z.array(z.string()), sources: z.array(z.string()), days: z.object({ min: nstr, max: nstr }) })
  .meta({ id: 'Facets' });

export const StoreStats = z
  .object({ documents: int, claims: int, places: int, actors: int, statements: int, events: int, framing: int, schemaVersion: int })
  .meta({ id: 'StoreStats' });

export const ApiError = z
  .object({ error: z.object({ status: int, code: z.string(), message: z.string(), field: z.string().optional() }) })
  .meta({ id: 'Error' });

export const NewDocument = z
  .strictObject({
    id: z.union([z.string(), z.number()]).optional(),
    text: z.string().min(1),
    published: z.string().meta({ format: 'date' }).optional(),
    outlet: z.string().optional(),
    url: z.string().optional(),
    title: z.string().optional(),
    lang: z.string().optional().meta({ description: 'Language code ("en", "fr"); detected when absent' }),
  })
  .meta({ id: 'NewDocument' });

// The comparison boards (src/compare), as the API sends them.
export const FigureEntry = z
  .object({
    docId: z.string(),
    claim: nint.optional().meta({ description: 'Index of the claim in its document (GET /api/documents/{id} → claims[claim])' }),
    outlet: nstr,
    source: nstr,
    hedged: z.boolean(),
    value: z.object({ min: nnum, max: nnum, approx: z.boolean() }),
    category: z.string(),
    who: z.string(),
    place: nstr,
    date: nstr,
    sentence: z.string(),
    start: int,
    end: int,
    copyOf: z.string().optional().meta({ description: 'Set on a syndicated copy: the id of the document it copies' }),
    reviewed: Reviewed.optional().meta({ description: 'Whether an analyst has checked this figure (the claim’s review status)' }),
    outlier: z.boolean().optional(),
    vague: z.boolean().optional().meta({ description: 'A vague figure ("dozens"): never the range, the most conservative figure or an outlier' }),
    part: z.boolean().optional().meta({ description: 'A count of a part of the toll ("including 11 children")' }),
    partOf: z.string().optional().meta({ description: 'The whole a part breaks down, when its sentence gives it ("58 people")' }),
  })
  .meta({ id: 'FigureEntry' });

export const FigureGroup = z
  .object({
    id: int,
    category: z.string(),
    group: z.string().meta({ description: 'The widest counted group of the entries (people, civilians, fighters...)' }),
    place: nstr.meta({ description: 'The place the reports agree on, at the level they agree on' }),
    placeLevel: z.enum(['town', 'province', 'country']).nullable(),
    from: nstr,
    until: nstr,
    entries: z.array(FigureEntry),
    parts: z.array(FigureEntry).meta({ description: 'Counts of a part of the toll (children, women, medics), shown under it' }),
    reports: int.meta({ description: 'Distinct reports, syndicated copies counted once' }),
    outlets: z.array(z.string()),
    sources: z.array(z.string()),
    spread: nnum.meta({ description: 'Highest figure / lowest figure' }),
    rising: z.boolean(),
    mostConservative: FigureEntry,
    mostRecent: FigureEntry,
    denials: z.array(z.object({ docId: z.string(), outlet: nstr, source: nstr, sentence: z.string(), kind: z.enum(['figure', 'responsibility', 'counter-claim']) })),
    flags: z.array(z.string()).meta({ description: 'rising, disputed, outlier, denied' }),
  })
  .meta({ id: 'FigureGroup', description: 'Claims from several documents that report the same quantity (category, compatible counted group, same place, overlapping days)' });

const framingExample = z.object({ docId: z.string(), start: int, end: int, text: z.string(), sentence: z.string() });
export const OutletFraming = z
  .object({
    outlet: z.string(),
    documents: int.meta({ description: 'Documents of the outlet, syndicated copies left out' }),
    labels: z.record(z.string(), z.record(z.string(), int)).meta({ description: 'board target ("state-forces", "non-state-armed-groups", "foreign-forces", "civilians", "events") → term id (forms merged) → uses in the outlet’s own words' }),
    per100: z.record(z.string(), z.record(z.string(), z.number())).meta({ description: 'the same, per 100 documents of the outlet' }),
    quoted: z.record(z.string(), int).meta({ description: 'term id → uses inside quotations (the speakers’ words, not counted as the outlet’s)' }),
    terms: z.record(z.string(), z.record(z.string(), int)).meta({ description: 'lexicon category → term id → count' }),
    neutral: z.record(z.string(), z.string()).meta({ description: 'term id → the neutral alternative' }),
    examples: z.record(z.string(), z.array(framingExample)).meta({ description: 'term → up to 3 examples' }),
  })
  .meta({ id: 'OutletFraming' });

export const DuplicateCluster = z
  .object({
    ids: z.array(z.string()).meta({ description: 'The original first, then its copies' }),
    similarity: z.record(z.string(), z.number()),
    documents: z.array(z.object({ id: z.string(), outlet: nstr, title: nstr, published: nstr })).optional(),
  })
  .meta({ id: 'DuplicateCluster' });

/** A page of items. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ total: int, limit: int, offset: int, items: z.array(item), capped: z.boolean().optional().meta({ description: 'More than total match: the count stopped there' }) });

/** Every named schema, for the OpenAPI document's components. */
export const WIRE_SCHEMAS = {
  Error: ApiError,
  DocumentSummary,
  DocumentDetail,
  Place: StoredPlace,
  Claim: ClaimRow,
  Event: EventRow,
  FigureEntry,
  FigureGroup,
  OutletFraming,
  DuplicateCluster,
  PlaceAggregate,
  ActorAggregate,
  TimelineDay,
  Facets,
  StoreStats,
  NewDocument,
} as const;
