// Writing one analysis inside a write transaction of SqlStore (sql-store.ts): the document by its
// content hash (INSERT ... ON CONFLICT DO NOTHING, never read-then-write), its analysis and items, the
// analysts' decisions laid over them; and the ledger version that every changing write moves on.
import type { Kysely } from 'kysely';
import type { Analysis } from '../../core/types.js';
import { pipelineVersion } from '../../pipeline/version.js';
import type { PutOutcome } from '../store.js';
import { contentHash, documentRow, storedAnalysis, type StoredAnalysis } from '../rows.js';
import { ITEM_TABLES, type ItemTable, type Ledger } from './schema.js';
import { applyOverlay } from '../review/overlay.js';

type Db = Kysely<Ledger>;
type Row = Record<string, unknown>;

/** Rows per INSERT statement (well under both databases' limits on bound values). */
const INSERT_CHUNK = 200;

/**
 * Writes one document's rows of an item table inside the transaction in hand, each row with the
 * document's key in doc_key; a column a row leaves undefined is NULL. SQLite has its own
 * (sqlite/item-writer.ts: prepared statements kept, no query built per row).
 */
export type ItemWriter = (db: Db, table: ItemTable | 'analyses', key: number, rows: Row[]) => Promise<void> | void;

/** The item writer of any dialect: multi-row INSERTs built with kysely. */
export const kyselyItemWriter: ItemWriter = async (db, table, key, rows) => {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK).map((r) => ({ doc_key: key, ...r }));
    await db.insertInto(table).values(chunk as never).execute();
  }
};

/**
 * Inside a write transaction that changed the ledger: the version moves on when it commits. Last in
 * the transaction, so that concurrent PostgreSQL writers wait on its row only for their commit.
 */
export async function bumpLedgerVersion(db: Db): Promise<void> {
  await db.updateTable('ledger_state').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
}

/**
 * A batch of analyses stored inside one write transaction, in order. What costs a query per document
 * and concerns few of them is asked once for the batch: which texts carry an analyst's reviews (the
 * overlay runs for those only), and the figure board's marks (one upsert at the end).
 */
export async function putAnalyses(db: Db, given: readonly (Analysis | StoredAnalysis)[], now: string, replace: boolean, writeItems: ItemWriter = kyselyItemWriter): Promise<PutOutcome[]> {
  const analyses = given.map(storedAnalysis);
  const hashes = analyses.map((a) => contentHash(a.document.text));
  const reviewed = new Set<string>();
  for (let i = 0; i < hashes.length; i += INSERT_CHUNK) {
    const rows = await db.selectFrom('reviews').select('doc_hash').distinct().where('doc_hash', 'in', hashes.slice(i, i + INSERT_CHUNK)).execute();
    for (const r of rows) reviewed.add(r.doc_hash);
  }
  const out: PutOutcome[] = [];
  for (let i = 0; i < analyses.length; i++) out.push(await putAnalysis(db, analyses[i], now, replace, { hash: hashes[i], reviewed: reviewed.has(hashes[i]), writeItems }));
  await markBoardDirty(db, [...new Set(out.filter((o) => o.status !== 'exists').map((o) => o.key))]);
  return out;
}

/** What putAnalysis is told about its document by the batch (putAnalyses). */
interface PutContext {
  hash: string;
  /** Whether an analyst has reviewed items of this text (the overlay then runs). */
  reviewed: boolean;
  writeItems: ItemWriter;
}

/**
 * One analysis stored inside a write transaction: its text once (by content hash), its analysis and
 * items (the figure board's mark is the caller's: putAnalyses).
 */
async function putAnalysis(db: Db, a: StoredAnalysis, now: string, replace: boolean, ctx: PutContext): Promise<PutOutcome> {
  const { hash } = ctx;
  const byHash = () => db.selectFrom('documents').select(['key', 'id']).where('hash', '=', hash).executeTakeFirst();
  // The text is new unless ON CONFLICT says otherwise; a taken id (another text) gets a suffix.
  let id = a.document.id;
  let inserted: { key: number } | undefined;
  for (let attempt = 0; attempt < 2 && !inserted; attempt++) {
    if (attempt === 1 || (await db.selectFrom('documents').select('key').where('id', '=', id).executeTakeFirst())) id = `${a.document.id}~${hash.slice(0, 8)}`;
    inserted = await db
      .insertInto('documents')
      .values(documentRow(a, hash, id, now))
      .onConflict((oc) => oc.doNothing())
      .returning('key')
      .executeTakeFirst();
    if (!inserted && (await byHash())) break;
  }
  if (inserted) {
    await insertItems(db, inserted.key, a, now, ctx);
    return { status: 'added', id, key: inserted.key, ...(id !== a.document.id ? { renamedFrom: a.document.id } : {}) };
  }
  const existing = await byHash();
  if (!existing) throw new Error(`cannot store "${a.document.id}": its id is taken twice over`);
  if (!replace) return { status: 'exists', id: existing.id, key: existing.key };
  // Re-analysis: the document row stays (its id and text); the analysis and items are new.
  for (const t of ['analyses', ...ITEM_TABLES] as const) await db.deleteFrom(t).where('doc_key', '=', existing.key).execute();
  await db.updateTable('documents').set({ reference_date: a.referenceDate ?? null }).where('key', '=', existing.key).execute();
  await insertItems(db, existing.key, a, now, ctx);
  return { status: 'replaced', id: existing.id, key: existing.key };
}

async function insertItems(db: Db, key: number, a: StoredAnalysis, now: string, ctx: PutContext): Promise<void> {
  await ctx.writeItems(db, 'analyses', key, [{ ...a.analysis, analysed_at: now, pipeline_version: pipelineVersion() }]);
  for (const [table, rows] of a.items) await ctx.writeItems(db, table, key, rows);
  // the analysts' decisions on this text, laid over the new items
  if (ctx.reviewed) await applyOverlay(db, { key, hash: ctx.hash, text: a.document.text, day: a.referenceDate ?? a.document.published ?? null });
}

/** The figure board must compare these documents again (board.ts): their mark moves on. */
export async function markBoardDirty(db: Db, keys: number[]): Promise<void> {
  if (!keys.length) return;
  await db
    .insertInto('board_dirty')
    .values(keys.map((k) => ({ doc_key: k, mark: 0 })))
    .onConflict((oc) => oc.column('doc_key').doUpdateSet((eb) => ({ mark: eb('board_dirty.mark', '+', 1) })))
    .execute();
}
