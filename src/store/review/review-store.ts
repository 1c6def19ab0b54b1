// The review layer of a SQL store: actions, history, queue and the overlay, over the store's
// connection and its write transactions. Reached as store.reviews (store.ts ReviewStore).
import type { Kysely } from 'kysely';
import type { Ledger } from '../sql/schema.js';
import { applyAll } from './overlay.js';
import { allHistory, documentReviews, reviewQueue, type QueueOpts } from './read.js';
import { reviewItem, type ReviewInput } from './reviews.js';
import type { DocumentReviews, HistoryEntry, ItemKind, ReviewQueue, ReviewResult } from './wire.js';

type Db = Kysely<Ledger>;

export interface ReviewStore {
  /** One action (accept, reject, correct, add); throws ReviewError (ReviewConflict on a stale version). */
  act(input: ReviewInput): Promise<ReviewResult>;
  /** A document's reviews and history (null: no such document). */
  forDocument(documentId: string, item?: { kind?: ItemKind; start?: number; end?: number; nth?: number }): Promise<DocumentReviews | null>;
  queue(opts?: QueueOpts): Promise<ReviewQueue>;
  history(): AsyncIterable<HistoryEntry & { documentId: string | null; hash: string }>;
  /** Lays every review over the stored items again. */
  applyAll(): Promise<{ documents: number; applied: number }>;
}

export class SqlReviews implements ReviewStore {
  constructor(
    private readonly db: Db,
    private readonly write: <T>(fn: (db: Db) => Promise<T>) => Promise<T>,
  ) {}

  act(input: ReviewInput): Promise<ReviewResult> {
    return this.write((db) => reviewItem(db, input));
  }

  forDocument(documentId: string, item?: { kind?: ItemKind; start?: number; end?: number; nth?: number }): Promise<DocumentReviews | null> {
    return documentReviews(this.db, documentId, item);
  }

  queue(opts: QueueOpts = {}): Promise<ReviewQueue> {
    return reviewQueue(this.db, opts);
  }

  history() {
    return allHistory(this.db);
  }

  applyAll() {
    return this.write((db) => applyAll(db));
  }
}
