// The review overlay: an analyst's decisions (table reviews, keyed to the document's content hash and
// the item's span) laid over the machine's items. Run inside the transaction that stores an analysis
// (every analysis and reanalysis: a corrected item stays corrected, a rejected one stays hidden, an
// added one stays), and after each review action for the item it names.
//
// The item's row is the machine's output with the correction on top. The machine's values of the
// columns a correction may change are kept in reviews.machine, taken from the row while it is still
// fresh (reviewed IS NULL, just written by the analysis), and restored before a decision is applied
// again, so that changing one's mind (corrected → accepted) brings back what the machine said.
// An accepted or corrected item that the analysis no longer produces at that span is left as it is:
// the queue (read.ts) shows it as needing a look.
import { sql, type Kysely } from 'kysely';
import type { Ledger } from '../sql/schema.js';
import { recount, sentenceIndexAt } from './counts.js';
import { addedRow, columnsOf, TABLE_OF, TOUCHED, type PlaceLookup } from './fields.js';
import type { ItemKind } from './wire.js';

type Db = Kysely<Ledger>;
type Row = Record<string, unknown>;

/** What the overlay needs of the document: its row key, content hash, text and filing day. */
export interface OverlayDoc {
  key: number;
  hash: string;
  text: string;
  day: string | null;
}

export const STATUS_OF: Record<string, string> = { accept: 'accepted', reject: 'rejected', correct: 'corrected', add: 'added' };

/** The nth item of a kind at exactly this span in a stored document (0 the first, in the analysis' order). */
export async function itemAt(db: Db, kind: ItemKind, docKey: number, start: number, end: number, nth = 0): Promise<Row | undefined> {
  return (await db
    .selectFrom(TABLE_OF[kind])
    .selectAll()
    .where('doc_key', '=', docKey)
    .where('start', '=', start)
    .where('end', '=', end)
    .orderBy('idx')
    .limit(1)
    .offset(nth)
    .executeTakeFirst()) as Row | undefined;
}

/** Applies every review of the document (or only the one at `only`) to its stored items. */
export async function applyOverlay(db: Db, doc: OverlayDoc, only?: { kind: ItemKind; start: number; end: number; nth: number }): Promise<number> {
  let q = db.selectFrom('reviews').selectAll().where('doc_hash', '=', doc.hash);
  if (only) q = q.where('kind', '=', only.kind).where('start', '=', only.start).where('end', '=', only.end).where('nth', '=', only.nth);
  // (in span order, nth last: an added item takes the next free place at its span)
  q = q.orderBy('start').orderBy('end').orderBy('kind').orderBy('nth');
  const reviews = await q.execute();
  if (!reviews.length) return 0;
  let places: Row[] | null = null;
  const lookup: PlaceLookup = (name) => {
    const n = name.toLowerCase();
    return places!.find((p) => String(p.name).toLowerCase() === n) ?? places!.find((p) => String(p.text).toLowerCase() === n);
  };
  if (reviews.some((r) => r.kind === 'claim' || r.kind === 'event')) {
    places = (await db.selectFrom('places').selectAll().where('doc_key', '=', doc.key).orderBy('idx').execute()) as Row[];
  }
  let applied = 0;
  const touched = new Set<ItemKind>();
  for (const r of reviews) {
    if (!(r.kind in TABLE_OF)) continue;
    if (await applyOne(db, doc, r as unknown as StoredReview, lookup)) {
      applied++;
      touched.add(r.kind as ItemKind);
    }
  }
  await recount(db, doc.key, touched);
  return applied;
}

interface StoredReview {
  doc_hash: string;
  kind: ItemKind;
  start: number;
  end: number;
  nth: number;
  action: string;
  fields: string;
  machine: string | null;
}

async function applyOne(db: Db, doc: OverlayDoc, r: StoredReview, lookup: PlaceLookup): Promise<boolean> {
  const table = TABLE_OF[r.kind];
  const fields = JSON.parse(r.fields) as Row;
  const row = await itemAt(db, r.kind, doc.key, r.start, r.end, Number(r.nth));
  if (!row) {
    if (r.action !== 'add') return false; // no longer produced, or moved: the queue shows it
    const last = await db.selectFrom(table).select((eb) => eb.fn.max('idx').as('m')).where('doc_key', '=', doc.key).executeTakeFirst();
    const base = addedRow(r.kind, r, doc.text, doc.day);
    if (r.kind === 'claim') base.sentence = await sentenceIndexAt(db, doc.key, doc.text, r.start);
    const values = { doc_key: doc.key, idx: Number(last?.m ?? -1) + 1, ...base, ...columnsOf(r.kind, fields, base, lookup), reviewed: 'added' };
    await db.insertInto(table).values(values as never).execute();
    return true;
  }
  let machine: Row | null = r.machine ? (JSON.parse(r.machine) as Row) : null;
  if (row.reviewed == null) {
    // Fresh from the analysis: these are the machine's values now.
    machine = Object.fromEntries(TOUCHED[r.kind].map((c) => [c, row[c] ?? null]));
    await db
      .updateTable('reviews')
      .set({ machine: JSON.stringify(machine) })
      .where('doc_hash', '=', r.doc_hash)
      .where('kind', '=', r.kind)
      .where('start', '=', r.start)
      .where('end', '=', r.end)
      .where('nth', '=', r.nth)
      .execute();
  }
  const restored = { ...row, ...(machine ?? {}) };
  const set: Row = { ...(machine ?? {}) };
  if (r.action === 'correct' || r.action === 'add') Object.assign(set, columnsOf(r.kind, fields, restored, lookup));
  set.reviewed = STATUS_OF[r.action];
  await db
    .updateTable(table)
    .set(set as never)
    .where('doc_key', '=', doc.key)
    .where('idx', '=', row.idx as number)
    .execute();
  return true;
}

/** Applies the overlay to every stored document that has reviews (`sitrep review apply`). */
export async function applyAll(db: Db): Promise<{ documents: number; applied: number }> {
  const docs = await db
    .selectFrom('documents as d')
    .leftJoin('analyses as a', 'a.doc_key', 'd.key')
    .select(['d.key', 'd.hash', 'd.text', 'd.reference_date', 'd.published'])
    .where(sql<boolean>`EXISTS (SELECT 1 FROM reviews r WHERE r.doc_hash = d.hash)`)
    .execute();
  let applied = 0;
  for (const d of docs) applied += await applyOverlay(db, { key: d.key, hash: d.hash, text: d.text, day: d.reference_date ?? d.published ?? null });
  return { documents: docs.length, applied };
}
