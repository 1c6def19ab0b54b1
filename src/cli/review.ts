// sitrep review: the review loop from the command line, for scripted and bulk work. Each action is
// the API's (src/store/review/), kept apart from the analysis and laid over it after every reanalysis.
import { createReadStream } from 'node:fs';
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { dbSpec, openStore, storeExists } from '../store/open.js';
import { ReviewError, type ReviewInput } from '../store/review/reviews.js';
import type { Store } from '../store/store.js';
import { exportGold } from './review-gold.js';
import { UsageError, writeOut } from './util.js';
import { Boards } from '../server/boards.js';
import { boardDisagreement } from '../server/review-disagree.js';
import type { Disagreement } from '../store/review/rank.js';

export const REVIEW_HELP = `Usage: sitrep review <action> [options]

Accept, reject or correct what the machine found, or add what it missed. Decisions are kept apart
from the analysis, keyed to the article's text and the item's offsets, and laid over it again after
every reanalysis (sitrep ingest --reanalyse). An item is named by its document id, kind (claim,
place, event, actor, statement) and UTF-16 offsets start end, as the API and exports give them.

Actions:
  accept <doc> <kind> <start> <end>            the item is right
  reject <doc> <kind> <start> <end>            a false alarm: hidden from lists, exports and boards
  correct <doc> <kind> <start> <end> --set F=V...  change fields (claim: min max approx category who
                                               source place day; place: name geonameId country lat lon
                                               precision; event: type subtype actor1 actor2 place day
                                               fatalities; actor: name actorId kind; statement:
                                               speaker verb direct). V is JSON when it parses
                                               (12, null, true), else text.
  add <doc> <kind> <start> <end> [--set F=V...]  an item the machine missed, at these offsets
  apply <actions.jsonl | ->                    many actions, one JSON object a line: {"document",
                                               "kind", "start", "end", "action", "fields"?, "note"?,
                                               "version"?}; a bad line is reported and the rest applied
  reapply                                      lay every decision over the stored items again
  history [--document ID]                      every change (who, when, old, new, note) as JSON Lines
  queue [--document ID] [--limit N] [--json] [--compare]
                                               what to look at next, and how much is done;
                                               --compare: rank up figures whose sources disagree
                                               on the figure board (compares every document: slow
                                               on a large ledger; the server reads its cached board)
  export-gold --out DIR [--document ID] [--complete]
                                               the reviewed documents as a benchmark set in the format
                                               of ../shared/eval (corpus/, gold/, events/); --complete:
                                               only documents with no pending claim or place

Options:
  --db FILE|URL      the ledger (default $SITREP_DB, else ./sitrep.db)
  --user NAME        who reviews (default $SITREP_USER, else the login name)
  --note TEXT        a note kept in the history
  --version N        the version you saw: refused (exit 1) if the item changed since
  --nth N            the Nth item of this kind at these very offsets, from 0 (default 0): two
                     events told in one sentence share its offsets
  -h, --help         this help`;

const ACTIONS = ['accept', 'reject', 'correct', 'add', 'apply', 'reapply', 'history', 'queue', 'export-gold'];

function reviewer(given: string | undefined): string {
  if (given?.trim()) return given.trim();
  if (process.env.SITREP_USER?.trim()) return process.env.SITREP_USER.trim();
  try {
    return userInfo().username || 'analyst';
  } catch {
    return 'analyst';
  }
}

/** --set field=value pairs as fields; a value is JSON when it parses, else text. */
export function parseSets(sets: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of sets) {
    const i = s.indexOf('=');
    if (i < 1) throw new UsageError(`--set wants field=value, got "${s.slice(0, 60)}"`);
    const raw = s.slice(i + 1);
    let v: unknown = raw;
    try {
      v = JSON.parse(raw);
    } catch {
      /* text */
    }
    out[s.slice(0, i)] = v;
  }
  return out;
}

export async function reviewCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      user: { type: 'string' },
      note: { type: 'string' },
      version: { type: 'string' },
      nth: { type: 'string' },
      set: { type: 'string', multiple: true },
      document: { type: 'string' },
      limit: { type: 'string' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      complete: { type: 'boolean', default: false },
      compare: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [action, ...args] = positionals;
  if (values.help || !action) {
    process.stdout.write(REVIEW_HELP + '\n');
    return values.help ? 0 : 2;
  }
  if (!ACTIONS.includes(action)) throw new UsageError(`unknown action "${action.slice(0, 40)}"; known: ${ACTIONS.join(', ')}`);
  const dbPath = dbSpec(values.db);
  if (!storeExists(dbPath)) {
    process.stderr.write(`sitrep review: no database at ${dbPath}; give one with --db\n`);
    return 1;
  }
  const store = await openStore(dbPath);
  try {
    return await run(store, action, args, values, reviewer(values.user));
  } finally {
    await store.close();
  }
}

type Values = { note?: string; version?: string; nth?: string; set?: string[]; document?: string; limit?: string; json: boolean; out?: string; complete: boolean; compare?: boolean };

async function run(store: Store, action: string, args: string[], values: Values, user: string): Promise<number> {
  if (['accept', 'reject', 'correct', 'add'].includes(action)) {
    if (args.length !== 4) throw new UsageError(`${action} needs <doc> <kind> <start> <end>, got ${args.length} argument(s)`);
    const [documentId, kind, start, end] = args;
    for (const [n, v] of [['start', start], ['end', end]]) if (!/^\d{1,9}$/.test(v)) throw new UsageError(`${n} must be a whole number, got "${v.slice(0, 20)}"`);
    if (values.nth != null && !/^\d{1,2}$/.test(values.nth)) throw new UsageError(`--nth must be a whole number below 100, got "${values.nth.slice(0, 20)}"`);
    if (values.version != null && !/^\d{1,9}$/.test(values.version)) throw new UsageError(`--version must be a whole number, got "${values.version.slice(0, 20)}"`);
    const fields = parseSets(values.set ?? []);
    const input: ReviewInput = { documentId, kind, start: Number(start), end: Number(end), action, user, ...(Object.keys(fields).length && { fields }), ...(values.note != null && { note: values.note }), ...(values.version != null && { version: Number(values.version) }), ...(values.nth != null && { nth: Number(values.nth) }) };
    try {
      const out = await store.reviews.act(input);
      process.stdout.write(JSON.stringify(out) + '\n');
      return 0;
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      process.stderr.write(`sitrep review ${action}: ${e.message}\n`);
      return 1;
    }
  }
  if (action === 'apply') return applyFile(store, args[0], user);
  if (action === 'reapply') {
    const r = await store.reviews.applyAll();
    process.stderr.write(`sitrep review: ${r.applied} decisions laid over ${r.documents} documents\n`);
    return 0;
  }
  if (action === 'history') {
    for await (const h of store.reviews.history()) if (!values.document || h.documentId === values.document) await writeOut(JSON.stringify(h) + '\n');
    return 0;
  }
  if (action === 'queue') {
    if (values.limit != null && !/^\d{1,4}$/.test(values.limit)) throw new UsageError(`--limit must be a whole number, got "${values.limit.slice(0, 20)}"`);
    const q = await store.reviews.queue({ limit: values.limit ? Number(values.limit) : 50, document: values.document, disagree: values.compare ? await boardDisagreements(store) : undefined });
    if (values.json) process.stdout.write(JSON.stringify(q) + '\n');
    else {
      process.stdout.write(`${q.done} of ${q.total} claims, places and events reviewed; ${q.needsLook} need a look\n`);
      for (const i of q.items) process.stdout.write(`${i.status === 'needs a look' ? '!' : '-'} ${i.documentId} ${i.kind} ${i.start}-${i.end}${i.nth ? ` (number ${i.nth + 1} there)` : ''}${i.value != null ? ` [${i.value}]` : ''} ${i.reason}: ${i.text.replace(/\s+/g, ' ').slice(0, 100)}\n`);
    }
    return 0;
  }
  // export-gold
  if (!values.out) throw new UsageError('export-gold needs --out DIR');
  const r = await exportGold(store, values.out, { document: values.document, complete: values.complete });
  for (const s of r.skipped) process.stderr.write(`sitrep review export-gold: left out ${s}\n`);
  process.stderr.write(`sitrep review export-gold: ${r.written.length} documents written to ${values.out} (corpus/, gold/, events/)\n`);
  return 0;
}

/** Many actions from JSON Lines; a bad line is one message naming it, the others are applied. */
async function applyFile(store: Store, file: string | undefined, user: string): Promise<number> {
  if (!file) throw new UsageError('apply needs a JSON Lines file of actions, or - for standard input');
  const lines = createInterface({ input: file === '-' ? process.stdin : createReadStream(file), crlfDelay: Infinity });
  let n = 0;
  let ok = 0;
  let bad = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line);
      if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('not a JSON object');
      if (typeof rec.document !== 'string') throw new Error('field "document": a document id is needed');
    } catch (e) {
      bad++;
      process.stderr.write(`sitrep review apply: ${file}:${n}: ${(e as Error).message}\n`);
      continue;
    }
    // (the reviewer is the one running the command: a line cannot name another)
    const { document, ...rest } = rec;
    try {
      await store.reviews.act({ ...(rest as object), documentId: document as string, user } as ReviewInput);
      ok++;
    } catch (e) {
      if (!(e instanceof ReviewError)) throw e;
      bad++;
      process.stderr.write(`sitrep review apply: ${file}:${n}: ${e.message}\n`);
    }
  }
  process.stderr.write(`sitrep review apply: ${ok} applied, ${bad} refused\n`);
  return bad ? 1 : 0;
}

/** The disagreeing figures of the figure board, computed here (review queue --compare). */
async function boardDisagreements(store: Store): Promise<Disagreement[]> {
  const boards = new Boards(store, { inThread: true });
  try {
    return (await boardDisagreement(boards, 24 * 3600_000)()) ?? [];
  } finally {
    await boards.close();
  }
}
