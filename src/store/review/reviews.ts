// Review actions: accept, reject or correct an item, or add one the machine missed. Each writes the
// item's current decision (reviews, version + 1) and one history entry, and lays the decision over
// the stored item at once, in one transaction. A caller that says which version it saw gets a
// ReviewConflict (with the current record) when someone else changed the item meanwhile; the version
// test is in the UPDATE's WHERE (and the INSERT's conflict clause), so two writers cannot both win.
import type { Kysely } from 'kysely';
import type { Ledger } from '../sql/schema.js';
import { viewOf } from './fields.js';
import { applyOverlay, itemAt, type OverlayDoc } from './overlay.js';
import { CORRECTABLE, ReviewRequest, type ItemKind, type ReviewRecord, type ReviewResult } from './wire.js';

type Db = Kysely<Ledger>;
type Row = Record<string, unknown>;

/** A review refused: code and HTTP status for the API, field for the message. */
export class ReviewError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

/** Someone else changed the item since the version the caller saw. */
export class ReviewConflict extends ReviewError {
  constructor(readonly current: ReviewRecord | null, seen: number) {
    super(409, 'E_CONFLICT', `the item was changed meanwhile: you saw version ${seen}, it is at version ${current?.version ?? 0}${current ? ` (${current.action} by ${current.user} at ${current.updatedAt})` : ''}; reload it and try again`, 'version');
    this.name = 'ReviewConflict';
  }
}

export interface ReviewInput {
  documentId: string;
  kind: string;
  start: number;
  end: number;
  nth?: number;
  action: string;
  fields?: Record<string, unknown>;
  note?: string;
  version?: number;
  user: string;
}

export function recordOf(r: Row, documentId: string): ReviewRecord {
  return {
    documentId,
    hash: r.doc_hash as string,
    kind: r.kind as ItemKind,
    start: Number(r.start),
    end: Number(r.end),
    nth: Number(r.nth ?? 0),
    action: r.action as ReviewRecord['action'],
    fields: JSON.parse(String(r.fields)),
    note: (r.note as string | null) ?? null,
    version: Number(r.version),
    user: r.user_name as string,
    updatedAt: r.updated_at as string,
  };
}

/** Checks a request's shape and its fields for the kind; throws a ReviewError naming the field. */
export function validate(input: ReviewInput): ReviewRequest & { fields: Record<string, unknown> } {
  const { documentId: _d, user: _u, ...body } = input;
  const req = ReviewRequest.safeParse(body);
  if (!req.success) {
    const i = req.error.issues[0];
    throw new ReviewError(400, 'E_REVIEW_FIELD', `${i.path.join('.') || 'body'}: ${i.message}`, String(i.path[0] ?? ''));
  }
  const v = req.data;
  if (v.end <= v.start) throw new ReviewError(400, 'E_SPAN', `end (${v.end}) must be after start (${v.start})`, 'end');
  const fields = CORRECTABLE[v.kind].safeParse(v.fields ?? {});
  if (!fields.success) {
    const i = fields.error.issues[0];
    throw new ReviewError(400, 'E_REVIEW_FIELD', `fields.${i.path.join('.')}: ${i.message}`, 'fields');
  }
  if (v.action === 'correct' && !Object.keys(fields.data).length) throw new ReviewError(400, 'E_REVIEW_FIELD', 'correct needs at least one field to change', 'fields');
  if ((v.action === 'accept' || v.action === 'reject') && Object.keys(fields.data).length) throw new ReviewError(400, 'E_REVIEW_FIELD', `${v.action} takes no fields (use correct)`, 'fields');
  return { ...v, fields: fields.data as Record<string, unknown> };
}

const ACTION_VERB: Record<string, string> = { accept: 'accept', reject: 'reject', correct: 'correct' };

/** Performs one review action inside the write transaction `db`. */
export async function reviewItem(db: Db, input: ReviewInput): Promise<ReviewResult> {
  const v = validate(input);
  const d = await db.selectFrom('documents').select(['key', 'hash', 'text', 'reference_date', 'published']).where('id', '=', input.documentId).executeTakeFirst();
  if (!d) throw new ReviewError(404, 'E_NOT_FOUND', `no document with id "${input.documentId.slice(0, 80)}"`, 'documentId');
  if (v.end > d.text.length) throw new ReviewError(400, 'E_SPAN', `the span ${v.start}-${v.end} is outside the text (${d.text.length} characters)`, 'end');
  const doc: OverlayDoc = { key: d.key, hash: d.hash, text: d.text, day: d.reference_date ?? d.published ?? null };
  const nth = v.nth ?? 0;
  const key = (q: any) => q.where('doc_hash', '=', d.hash).where('kind', '=', v.kind).where('start', '=', v.start).where('end', '=', v.end).where('nth', '=', nth);
  const existing = (await key(db.selectFrom('reviews').selectAll()).executeTakeFirst()) as Row | undefined;
  const before = await itemAt(db, v.kind, d.key, v.start, v.end, nth);
  if (v.version !== undefined && v.version !== Number(existing?.version ?? 0)) throw new ReviewConflict(existing ? recordOf(existing, input.documentId) : null, v.version);
  if (v.action !== 'add' && !before && !existing) {
    throw new ReviewError(404, 'E_NO_ITEM', `no ${v.kind}${nth ? ` number ${nth + 1}` : ''} at ${v.start}-${v.end} in "${input.documentId.slice(0, 80)}" to ${ACTION_VERB[v.action]}`, 'start');
  }
  // What the decision becomes: corrections gather (value today, source tomorrow); an item the analyst
  // added stays an addition when corrected; adding where the machine has the item corrects it.
  const prevAction = existing?.action as string | undefined;
  const prevFields = existing ? (JSON.parse(String(existing.fields)) as Row) : {};
  let action: string = v.action;
  let fields: Row = v.fields;
  if (v.action === 'correct' || v.action === 'add') {
    if (prevAction === 'correct' || prevAction === 'add') fields = { ...prevFields, ...fields };
    if (v.action === 'correct' && prevAction === 'add') action = 'add';
    if (v.action === 'add' && before && before.reviewed !== 'added' && prevAction !== 'add') action = 'correct';
  } else if (v.action === 'accept' && prevAction === 'add') {
    // accepting an item one added confirms it: it stays an addition (else a reanalysis would drop it)
    action = 'add';
    fields = prevFields;
  } else fields = {};
  const version = Number(existing?.version ?? 0) + 1;
  const now = new Date().toISOString();
  const values = { action, fields: JSON.stringify(fields), note: v.note ?? null, version, user_name: input.user, updated_at: now };
  if (existing) {
    const r = await key(db.updateTable('reviews').set(values)).where('version', '=', Number(existing.version)).executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw await conflict(db, key, input.documentId, v.version ?? Number(existing.version));
  } else {
    const r = await db
      .insertInto('reviews')
      .values({ doc_hash: d.hash, kind: v.kind, start: v.start, end: v.end, nth, machine: null, ...values })
      .onConflict((oc) => oc.doNothing())
      .returning('version')
      .executeTakeFirst();
    if (!r) throw await conflict(db, key, input.documentId, v.version ?? 0);
  }
  await applyOverlay(db, doc, { kind: v.kind, start: v.start, end: v.end, nth });
  const after = await itemAt(db, v.kind, d.key, v.start, v.end, nth);
  const old = before ? { ...viewOf(v.kind, before), reviewed: before.reviewed ?? 'pending' } : null;
  const now_ = after ? { ...viewOf(v.kind, after), reviewed: after.reviewed ?? 'pending' } : null;
  await db
    .insertInto('review_history')
    .values({ doc_hash: d.hash, kind: v.kind, start: v.start, end: v.end, nth, version, action, old: old && JSON.stringify(old), new: now_ && JSON.stringify(now_), note: v.note ?? null, user_name: input.user, at: now })
    .execute();
  const saved = (await key(db.selectFrom('reviews').selectAll()).executeTakeFirstOrThrow()) as Row;
  return { review: recordOf(saved, input.documentId), item: now_ };
}

async function conflict(db: Db, key: (q: any) => any, documentId: string, seen: number): Promise<ReviewConflict> {
  const cur = (await key(db.selectFrom('reviews').selectAll()).executeTakeFirst()) as Row | undefined;
  return new ReviewConflict(cur ? recordOf(cur, documentId) : null, seen);
}
