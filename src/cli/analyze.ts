// sitrep analyze <paths...>: analyse articles and print them (jsonl for machines, table for people).
import { parseArgs } from 'node:util';
import { SitrepError } from '../core/errors.js';
import { readInputs, languageCode, DEFAULT_MAX_CHARS } from '../io/input.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { unreadWarning } from '../lang/index.js';
import { toRecord } from '../output/record.js';
import { formatTable } from '../output/table.js';
import { Progress } from './progress.js';
import { UsageError, writeOut } from './util.js';

export const ANALYZE_HELP = `Usage: sitrep analyze [options] <paths...>

Analyse articles and print claims, places, actors, statements, events and framing.
Paths: .txt (one article, paragraphs one per line), .json (a record or an array of records),
.jsonl (one record per line: {"id", "text", "published"?, "outlet"?, "url"?, "title"?, "lang"?}),
directories (read recursively), or - for standard input.

Options:
  --format table|json|jsonl   output format (default: table on a terminal, jsonl otherwise)
  --published YYYY-MM-DD      publication date for records that carry none (and .txt files)
  --outlet NAME               outlet for records that carry none
  --lang CODE                 language for records that carry none (default: detected per record);
                              a record in a language Sitrep does not read gets an empty analysis and a warning
  --max-chars N               largest article accepted (default ${DEFAULT_MAX_CHARS})
  --timings                   add per-stage timings to json/jsonl records
  --no-color                  no colours in the table
  -h, --help                  this help

Exit status: 0 all records analysed, 1 some records failed (each reported on stderr), 2 usage error.`;

export async function analyzeCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      published: { type: 'string' },
      outlet: { type: 'string' },
      lang: { type: 'string' },
      'max-chars': { type: 'string' },
      timings: { type: 'boolean', default: false },
      'no-color': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(ANALYZE_HELP + '\n');
    return 0;
  }
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'jsonl');
  if (!['table', 'json', 'jsonl'].includes(format)) throw new UsageError(`--format must be table, json or jsonl, got "${format}"`);
  if (values.published && !/^\d{4}-\d{2}-\d{2}$/.test(values.published)) throw new UsageError(`--published must be YYYY-MM-DD, got "${values.published}"`);
  const lang = values.lang == null ? undefined : languageCode(values.lang);
  if (lang === null) throw new UsageError(`--lang must be a language code such as "en" or "fr", got "${values.lang}"`);
  let maxChars = DEFAULT_MAX_CHARS;
  if (values['max-chars'] != null) {
    maxChars = Number(values['max-chars']);
    if (!Number.isInteger(maxChars) || maxChars <= 0) throw new UsageError(`--max-chars must be a positive whole number, got "${values['max-chars']}"`);
  }
  if (positionals.length === 0) throw new UsageError('no input: give one or more files, directories, or - for standard input');

  const pipeline = new Pipeline();
  const progress = new Progress('analyzing', null, Boolean(process.stderr.isTTY) && !process.stdout.isTTY);
  const color = format === 'table' && Boolean(process.stdout.isTTY) && !values['no-color'] && !process.env.NO_COLOR;
  const width = process.stdout.columns ?? 100;
  let done = 0;
  let failed = 0;
  const jsonAll: unknown[] = [];
  for await (const item of readInputs(positionals, { published: values.published, outlet: values.outlet, lang, maxChars })) {
    if (!item.ok) {
      failed++;
      process.stderr.write(`sitrep: ${item.error.toLine()}\n`);
      continue;
    }
    let analysis;
    try {
      analysis = pipeline.analyze(item.doc);
    } catch (e) {
      failed++;
      const o = item.doc.origin;
      process.stderr.write(`sitrep: ${new SitrepError('E_STAGE', `analysis of "${item.doc.id}" failed: ${(e as Error).message}`, { file: o?.file, line: o?.line }).toLine()}\n`);
      continue;
    }
    const unread = unreadWarning(analysis);
    if (unread) process.stderr.write(unread + '\n');
    for (const err of analysis.errors) process.stderr.write(`sitrep: ${item.doc.origin?.file ?? item.doc.id}: stage ${err.stage} failed on "${item.doc.id}": ${err.message}\n`);
    done++;
    if (format === 'jsonl') await writeOut(JSON.stringify(toRecord(analysis, { timings: values.timings })) + '\n');
    else if (format === 'json') jsonAll.push(toRecord(analysis, { timings: values.timings }));
    else await writeOut(formatTable(analysis, { color, width }) + '\n');
    progress.tick(done, failed);
  }
  progress.done();
  if (format === 'json') await writeOut(JSON.stringify(jsonAll, null, 2) + '\n');
  if (failed) process.stderr.write(`sitrep: ${done} analysed, ${failed} failed\n`);
  return failed ? 1 : 0;
}
