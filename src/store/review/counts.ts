// What the overlay keeps true besides the items: an added claim's sentence index (read from the
// span, with the sentence splitter of the document's language), and the document's stored item
// counts (analyses.n_*), which count what the lists show: additions in, rejections out.
import type { Kysely } from 'kysely';
import { languageOf } from '../../lang/index.js';
import { loadSentenceLexicon, splitSentences, type SentenceLexicon } from '../../stages/sentences/index.js';
import type { Ledger } from '../sql/schema.js';
import { TABLE_OF } from './fields.js';
import type { ItemKind } from './wire.js';

type Db = Kysely<Ledger>;

const lexicons = new Map<string, SentenceLexicon>();

/** The index of the sentence holding `offset` (the last sentence starting at or before it; 0 for none). */
export async function sentenceIndexAt(db: Db, docKey: number, text: string, offset: number): Promise<number> {
  const a = await db.selectFrom('analyses').select('lang').where('doc_key', '=', docKey).executeTakeFirst();
  const lang = languageOf({ lang: a?.lang ?? 'en' });
  let lex = lexicons.get(lang.code);
  if (!lex) lexicons.set(lang.code, (lex = loadSentenceLexicon(lang)));
  let index = 0;
  for (const s of splitSentences(text, lex)) {
    if (s.start > offset) break;
    index = s.index;
  }
  return index;
}

const COUNT_OF: Record<ItemKind, 'n_claims' | 'n_places' | 'n_actors' | 'n_statements' | 'n_events'> = {
  claim: 'n_claims',
  place: 'n_places',
  actor: 'n_actors',
  statement: 'n_statements',
  event: 'n_events',
};

/** Sets the document's counts of these kinds to its items that are not rejected. */
export async function recount(db: Db, docKey: number, kinds: Iterable<ItemKind>): Promise<void> {
  const set: Record<string, number> = {};
  for (const kind of new Set(kinds)) {
    const r = await db
      .selectFrom(TABLE_OF[kind])
      .select((eb) => eb.fn.countAll().as('n'))
      .where('doc_key', '=', docKey)
      .where((eb) => eb.or([eb('reviewed', 'is', null), eb('reviewed', '<>', 'rejected')]))
      .executeTakeFirstOrThrow();
    set[COUNT_OF[kind]] = Number(r.n);
  }
  if (Object.keys(set).length) await db.updateTable('analyses').set(set).where('doc_key', '=', docKey).execute();
}
