// sitrep analyze <paths...>: analyse articles and print them (jsonl for machines, table for people).
import { parseArgs } from 'node:util';
import { SitrepError } from '../core/errors.js';
import type { InputOptions } from '../io/types.js';
import { ANALYZE_OPTIONS } from './analyze-options.js';
import { INPUT_HELP, INPUT_OPTIONS, inputOptions, reportWarnings } from './input-options.js';
import { unreadWarning } from '../lang/index.js';
import { AnalysisPool, DEFAULT_DOC_TIMEOUT_S, defaultJobs } from '../store/ingest/pool.js';
import { InlineAnalyzer, inlineInputs } from '../store/ingest/inline.js';
import { toRecord } from '../output/record.js';
import { Progress } from './progress.js';
import { UsageError, positiveInt, positiveSeconds, writeOut } from './util.js';
import type { Analysis, Document } from '../core/types.js';

export const ANALYZE_HELP = `Usage: sitrep analyze [options] <paths...>

Analyse articles and print claims, places, actors, statements, events and framing.
JSON records: {"id", "text", "published"?, "outlet"?, "url"?, "title"?, "lang"?}.

${INPUT_HELP}

Options:
  --format table|json|jsonl   output format (default: table on a terminal, jsonl otherwise)
  --timings                   add per-stage timings to json/jsonl records
  --doc-timeout SECONDS       give up a document whose analysis takes longer (default ${DEFAULT_DOC_TIMEOUT_S});
                              it is reported as failed and the others go on
  --jobs N                    documents analysed at once, each in its own worker thread
                              (default: one per core but one, 1 to 8); printed in input order
  --no-color                  no colours in the table
  -h, --help                  this help

Exit status: 0 all records analysed, 1 some records failed (each reported on stderr), 2 usage error.`;

export async function analyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...INPUT_OPTIONS,
      ...ANALYZE_OPTIONS,
    },
  });
  if (values.help) {
    process.stdout.write(ANALYZE_HELP + '\n');
    return 0;
  }
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'jsonl');
  if (!['table', 'json', 'jsonl'].includes(format)) throw new UsageError(`--format must be table, json or jsonl, got "${format}"`);
  const inputs = inputOptions(values);
  const docTimeout = positiveSeconds(values['doc-timeout'], '--doc-timeout', DEFAULT_DOC_TIMEOUT_S);
  const jobs = positiveInt(values.jobs, '--jobs', defaultJobs());
  if (positionals.length === 0) throw new UsageError('no input: give one or more files, directories, or - for standard input');

  // Analysis runs in worker threads with a time limit per document (a stage stuck on some text
  // fails that document, not the run). The first one starts now and loads its resources while the
  // input is read. A small input (one article) is analysed in this thread, under the same time
  // limit (inline.ts): a worker thread would cost more to start than the analysis takes.
  const analyzer = values.jobs === undefined && inlineInputs(positionals) ? new InlineAnalyzer(docTimeout * 1000) : new AnalysisPool(jobs, docTimeout * 1000);
  analyzer.warm();
  try {
    // the readers (HTML, PDF, feeds...) load while the worker loads its resources, not before; the
    // table's code only for a table
    const [{ readInputs }, formatTable] = await Promise.all([
      import('../io/input.js'),
      format === 'table' ? import('../output/table.js').then((m) => m.formatTable) : null,
    ]);
    return await analyzeAll(positionals, values, inputs, format, analyzer, readInputs, formatTable);
  } finally {
    await analyzer.close();
  }
}

async function analyzeAll(
  positionals: string[],
  values: { timings: boolean; 'no-color': boolean },
  inputs: InputOptions,
  format: string,
  analyzer: AnalysisPool | InlineAnalyzer,
  readInputs: typeof import('../io/input.js').readInputs,
  formatTable: typeof import('../output/table.js').formatTable | null,
): Promise<number> {
  const progress = new Progress('analyzing', null, Boolean(process.stderr.isTTY) && !process.stdout.isTTY);
  const color = format === 'table' && Boolean(process.stdout.isTTY) && !values['no-color'] && !process.env.NO_COLOR;
  const width = process.stdout.columns ?? 100;
  let done = 0;
  let failed = 0;
  const jsonAll: unknown[] = [];
  // Each document is printed once it is analysed and every document before it is printed (input
  // order); up to analyzer.window are in analysis at once.
  const print = async (doc: Document, pending: Promise<Analysis>) => {
    let analysis;
    try {
      analysis = await pending;
    } catch (e) {
      failed++;
      const o = doc.origin;
      process.stderr.write(`sitrep: ${new SitrepError('E_STAGE', `analysis of "${doc.id}" failed: ${(e as Error).message}`, { file: o?.file, line: o?.line }).toLine()}\n`);
      return;
    }
    const unread = unreadWarning(analysis);
    if (unread) process.stderr.write(unread + '\n');
    for (const err of analysis.errors) process.stderr.write(`sitrep: ${doc.origin?.file ?? doc.id}: stage ${err.stage} failed on "${doc.id}": ${err.message}\n`);
    done++;
    if (format === 'jsonl') await writeOut(JSON.stringify(toRecord(analysis, { timings: values.timings })) + '\n');
    else if (format === 'json') jsonAll.push(toRecord(analysis, { timings: values.timings }));
    else await writeOut(formatTable!(analysis, { color, width }) + '\n');
    progress.tick(done, failed);
  };
  let printed: Promise<void> = Promise.resolve();
  const queued: Promise<void>[] = [];
  for await (const item of readInputs(positionals, inputs)) {
    if (!item.ok) {
      failed++;
      process.stderr.write(`sitrep: ${item.error.toLine()}\n`);
      continue;
    }
    reportWarnings(item);
    const doc = item.doc;
    const analysis = analyzer.analyze(doc);
    printed = printed.then(() => print(doc, analysis));
    queued.push(printed);
    while (queued.length >= analyzer.window) await queued.shift();
  }
  await printed;
  progress.done();
  if (format === 'json') await writeOut(JSON.stringify(jsonAll, null, 2) + '\n');
  if (failed) process.stderr.write(`sitrep: ${done} analysed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
