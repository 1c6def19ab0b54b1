// The review records on the wire, defined once with zod: what the store returns, the API sends and
// accepts (OpenAPI is generated from these), and the dashboard and the CLI read.
import { z } from 'zod';
import { CATEGORIES } from '../filters.js';

const int = z.number().int();
const nnum = z.number().nullable();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day YYYY-MM-DD');
const name = z.string().trim().min(1).max(300);

export const ITEM_KINDS = ['claim', 'place', 'event', 'actor', 'statement'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export const ACTIONS = ['accept', 'reject', 'correct', 'add'] as const;
export type ReviewActionName = (typeof ACTIONS)[number];

/** The fields a correction may set, per kind; every field optional, nothing else allowed. */
export const CORRECTABLE = {
  claim: z.strictObject({
    min: nnum.optional(),
    max: nnum.optional(),
    approx: z.boolean().optional(),
    category: z.enum(CATEGORIES).optional(),
    who: z.string().max(300).optional(),
    source: name.nullable().optional(),
    place: name.nullable().optional(),
    day: day.nullable().optional(),
  }),
  place: z.strictObject({
    name: name.optional(),
    geonameId: int.nullable().optional(),
    country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 code').nullable().optional(),
    lat: z.number().min(-90).max(90).nullable().optional(),
    lon: z.number().min(-180).max(180).nullable().optional(),
    precision: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  }),
  event: z.strictObject({
    type: name.optional(),
    subtype: z.string().max(300).optional(),
    actor1: name.nullable().optional(),
    actor2: name.nullable().optional(),
    place: name.nullable().optional(),
    day: day.nullable().optional(),
    fatalities: z.number().min(0).nullable().optional(),
  }),
  actor: z.strictObject({ name: name.optional(), actorId: name.optional(), kind: z.enum(['person', 'organization', 'group', 'other']).optional() }),
  statement: z.strictObject({ speaker: name.nullable().optional(), verb: z.string().max(100).optional(), direct: z.boolean().optional() }),
} as const;

/** One review action as the API takes it (the document is in the path). */
export const ReviewRequest = z
  .strictObject({
    kind: z.enum(ITEM_KINDS),
    start: int.min(0),
    end: int.min(1),
    nth: int.min(0).max(99).optional().meta({ description: 'Which of the items of this kind at this very span, 0 (the default) the first: two events told in one sentence share its span' }),
    action: z.enum(ACTIONS),
    fields: z.record(z.string(), z.unknown()).optional().meta({ description: 'correct/add: the corrected fields of the kind (claim: min, max, approx, category, who, source, place, day; place: name, geonameId, country, lat, lon, precision; event: type, subtype, actor1, actor2, place, day, fatalities; actor: name, actorId, kind; statement: speaker, verb, direct)' }),
    note: z.string().max(2000).optional(),
    version: int.min(0).optional().meta({ description: 'The version the analyst saw (0: never reviewed); a different current version answers 409 with it' }),
  })
  .meta({ id: 'ReviewRequest' });

export const ReviewRecord = z
  .object({
    documentId: z.string(),
    hash: z.string(),
    kind: z.enum(ITEM_KINDS),
    start: int,
    end: int,
    nth: int,
    action: z.enum(ACTIONS),
    fields: z.record(z.string(), z.unknown()),
    note: z.string().nullable(),
    version: int,
    user: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Review' });

export const HistoryEntry = z
  .object({
    kind: z.enum(ITEM_KINDS),
    start: int,
    end: int,
    nth: int,
    version: int,
    action: z.enum(ACTIONS),
    old: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The item before (null: it did not exist)' }),
    new: z.record(z.string(), z.unknown()).nullable(),
    note: z.string().nullable(),
    user: z.string(),
    at: z.string(),
  })
  .meta({ id: 'ReviewHistoryEntry' });

export const ReviewResult = z
  .object({ review: ReviewRecord, item: z.record(z.string(), z.unknown()).nullable().meta({ description: 'The item as it reads now' }) })
  .meta({ id: 'ReviewResult' });

export const DocumentReviews = z
  .object({ reviews: z.array(ReviewRecord), history: z.array(HistoryEntry) })
  .meta({ id: 'DocumentReviews' });

export const QueueItem = z
  .object({
    documentId: z.string(),
    title: z.string().nullable(),
    kind: z.enum(ITEM_KINDS),
    start: int,
    end: int,
    nth: int,
    text: z.string(),
    status: z.enum(['pending', 'needs a look']),
    reason: z.string(),
    flags: z.array(z.string()).meta({ description: 'Why it ranks where it does: disagrees (the figure board shows its reports disagreeing), weak rule, hedged, approximate, no source, needs a look' }),
    value: nnum.meta({ description: 'The figure (claims: the upper bound; events: fatalities)' }),
    review: ReviewRecord.nullable(),
  })
  .meta({ id: 'ReviewQueueItem' });

export const ReviewQueue = z
  .object({
    done: int.meta({ description: 'Claims, places and events an analyst has acted on' }),
    total: int,
    needsLook: int,
    disagreement: z.enum(['checked', 'not checked']).meta({ description: 'Whether claims were checked against the figure board for disagreeing sources' }),
    items: z.array(QueueItem),
  })
  .meta({ id: 'ReviewQueue' });

export type ReviewRequest = z.infer<typeof ReviewRequest>;
export type ReviewRecord = z.infer<typeof ReviewRecord>;
export type HistoryEntry = z.infer<typeof HistoryEntry>;
export type ReviewResult = z.infer<typeof ReviewResult>;
export type DocumentReviews = z.infer<typeof DocumentReviews>;
export type QueueItem = z.infer<typeof QueueItem>;
export type ReviewQueue = z.infer<typeof ReviewQueue>;

export const REVIEW_SCHEMAS = { ReviewRequest, Review: ReviewRecord, ReviewHistoryEntry: HistoryEntry, ReviewResult, DocumentReviews, ReviewQueueItem: QueueItem, ReviewQueue } as const;
