// sitrep watch <feeds.txt | urls...>: poll feeds and pages, and store each new article in the ledger.
// New means a link not stored yet and a text not stored yet (content hash). A feed that is down or
// broken is one line in the log and is tried again at the next poll; Ctrl-C or SIGTERM stops after
// the article in hand.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { SitrepError } from '../core/errors.js';
import type { Analysis } from '../core/types.js';
import { Fetcher, fetchSource } from '../io/fetch.js';
import { isUrl } from '../io/paths.js';
import { readSource } from '../io/input.js';
import type { InputOptions } from '../io/types.js';
import { AnalysisWorker, DEFAULT_DOC_TIMEOUT_S } from '../store/ingest/pool.js';
import { DEFAULT_DB, openStore, StoreOpenError } from '../store/open.js';
import { contentHash } from '../store/rows.js';
import type { Store } from '../store/store.js';
import { INPUT_OPTIONS, inputOptions } from './input-options.js';
import { UsageError, positiveSeconds } from './util.js';

export const WATCH_HELP = `Usage: sitrep watch [options] <feeds.txt | urls...>

Poll RSS/Atom feeds and web pages and store every new article (analysed) in the ledger. A file
argument lists URLs, one per line (# starts a comment). An article is new when neither its link nor
its text (content hash) is stored. Unchanged feeds cost one conditional request (ETag,
Last-Modified). One log line per poll on stderr; Ctrl-C or SIGTERM stops cleanly.

Options:
  --db FILE               database file (default ./${DEFAULT_DB})
  --every DURATION        time between polls: 30s, 15m, 1h (default 15m)
  --once                  poll once and stop
  --doc-timeout SECONDS   give up a document whose analysis takes longer (default 60)
  --published, --outlet, --max-chars: as for sitrep analyze
  -h, --help              this help`;

export function parseDuration(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(s.trim());
  if (!m) throw new UsageError(`--every takes a duration such as 30s, 15m or 1h, got "${s}"`);
  const n = Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000);
  if (n < 1000) throw new UsageError(`--every must be at least 1s, got "${s}"`);
  return n;
}

/** The URLs to watch: URLs given, and the lines of files that list them. */
export function watchTargets(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    if (isUrl(a)) {
      out.push(a);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(a, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read the list of feeds ${a}: ${(e as Error).message}`);
    }
    text.split('\n').forEach((line, i) => {
      const t = line.replace(/#.*/, '').trim();
      if (!t) return;
      if (!isUrl(t)) throw new UsageError(`${a}:${i + 1}: not an http(s) URL: "${t}"`);
      out.push(t);
    });
  }
  if (!out.length) throw new UsageError('nothing to watch: give feed URLs or a file listing them');
  return out;
}

export async function watchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      db: { type: 'string' },
      every: { type: 'string', default: '15m' },
      once: { type: 'boolean', default: false },
      'doc-timeout': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(WATCH_HELP + '\n');
    return 0;
  }
  const every = parseDuration(values.every);
  const targets = watchTargets(positionals);
  const docTimeout = positiveSeconds(values['doc-timeout'], '--doc-timeout', DEFAULT_DOC_TIMEOUT_S);
  const dbPath = values.db ?? DEFAULT_DB;
  let store: Store;
  try {
    store = await openStore(dbPath);
  } catch (e) {
    process.stderr.write(`sitrep watch: ${(e as Error).message}\n`);
    return e instanceof StoreOpenError ? 1 : 70;
  }
  // Test aid: a short pacing and stall limit for the local test server.
  const fetcher = new Fetcher(process.env.SITREP_FETCH_FAST ? { perHostMs: 0, stallMs: 2000, timeoutMs: 5000 } : {});
  const analyzer = new AnalysisWorker(docTimeout * 1000);
  const seen = await storedUrls(store);
  let stopping = false;
  let wake: (() => void) | null = null;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('sitrep watch: stopping\n');
    wake?.();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const opts: InputOptions = { ...inputOptions(values), fetcher, seenUrl: (u) => seen.has(u) };
  let poll = 0;
  try {
    while (!stopping) {
      poll++;
      const t0 = Date.now();
      const r = await pollOnce(targets, opts, store, analyzer, seen, () => stopping);
      const next = new Date(t0 + every);
      process.stderr.write(
        `sitrep watch: poll ${poll} at ${new Date(t0).toISOString().slice(0, 19)}Z: ${targets.length} sources, ${r.added} new, ${r.known} known, ${r.unchanged} unchanged, ${r.failed} failed in ${((Date.now() - t0) / 1000).toFixed(1)}s` +
          (values.once || stopping ? '\n' : `; next at ${next.toISOString().slice(11, 19)}Z\n`),
      );
      if (values.once) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, next.getTime() - Date.now()));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = null;
    }
  } finally {
    await analyzer.close();
    await store.close();
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  return 0;
}

async function storedUrls(store: Store): Promise<Set<string>> {
  const urls = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await store.listDocuments({ limit: 1000, offset });
    for (const d of page.items) if (d.url) urls.add(d.url);
    if (page.items.length < 1000) break;
  }
  return urls;
}

interface PollResult {
  added: number;
  known: number;
  unchanged: number;
  failed: number;
}

/** One poll over every target: new articles analysed and stored. */
export async function pollOnce(targets: string[], opts: InputOptions, store: Store, analyzer: AnalysisWorker, seen: Set<string>, stopping: () => boolean): Promise<PollResult> {
  const r: PollResult = { added: 0, known: 0, unchanged: 0, failed: 0 };
  const fail = (e: SitrepError) => {
    r.failed++;
    process.stderr.write(`sitrep watch: ${e.toLine()}\n`);
  };
  for (const url of targets) {
    if (stopping()) break;
    const got = await fetchSource(url, opts);
    if (!got.ok) {
      fail(got.error);
      continue;
    }
    if (got.fetched.notModified) {
      r.unchanged++;
      continue;
    }
    const batch: Analysis[] = [];
    for await (const item of readSource(got.source, opts)) {
      if (stopping()) break;
      if (!item.ok) {
        fail(item.error);
        continue;
      }
      for (const w of item.warnings ?? []) process.stderr.write(`sitrep watch: warning: ${w}\n`);
      const doc = item.doc;
      if (doc.url && seen.has(doc.url)) {
        r.known++;
        continue;
      }
      const hash = contentHash(doc.text);
      if ((await store.knownHashes([hash])).size) {
        r.known++;
        if (doc.url) seen.add(doc.url);
        continue;
      }
      try {
        batch.push(await analyzer.analyze(doc));
      } catch (e) {
        fail(new SitrepError('E_STAGE', `analysis of "${doc.id}" failed: ${(e as Error).message}`, { file: url }));
        continue;
      }
      if (doc.url) seen.add(doc.url);
    }
    if (batch.length) {
      try {
        for (const o of await store.putAnalyses(batch)) {
          if (o.status === 'added') r.added++;
          else r.known++;
        }
      } catch (e) {
        fail(new SitrepError('E_STAGE', `cannot store ${batch.length} articles: ${(e as Error).message}`, { file: url }));
      }
    }
  }
  return r;
}
