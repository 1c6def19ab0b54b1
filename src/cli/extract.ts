// sitrep extract <inputs...>: read any input into article records and print them, without analysis.
import { parseArgs } from 'node:util';
import { readInputs } from '../io/input.js';
import type { Article } from '../io/types.js';
import { INPUT_HELP, INPUT_OPTIONS, inputOptions, reportWarnings } from './input-options.js';
import { UsageError, writeOut } from './util.js';

export const EXTRACT_HELP = `Usage: sitrep extract [options] <inputs...>

Read articles from any input and print them as records, without analysing them: id, url, title,
text, published, outlet, author, lang and, under "from", where each field came from.

${INPUT_HELP}

Options:
  --format jsonl|json         one record per line (default) or one JSON array
  -h, --help                  this help

Exit status: 0 every input read, 1 some inputs or records failed (each reported on stderr), 2 usage error.`;

/** The record printed for an article: fixed keys, null when unknown. */
export function articleRecord(a: Article): Record<string, unknown> {
  return {
    id: a.id,
    url: a.url ?? null,
    title: a.title ?? null,
    text: a.text,
    published: a.published ?? null,
    outlet: a.outlet ?? null,
    author: a.author ?? null,
    lang: a.lang ?? null,
    from: a.from ?? {},
  };
}

export async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...INPUT_OPTIONS, format: { type: 'string', default: 'jsonl' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(EXTRACT_HELP + '\n');
    return 0;
  }
  if (values.format !== 'jsonl' && values.format !== 'json') throw new UsageError(`--format must be jsonl or json, got "${values.format}"`);
  if (positionals.length === 0) throw new UsageError('no input: give one or more files, folders, URLs, or - for standard input');
  const opts = inputOptions(values);
  let done = 0;
  let failed = 0;
  const all: unknown[] = [];
  for await (const item of readInputs(positionals, opts)) {
    if (!item.ok) {
      failed++;
      process.stderr.write(`sitrep: ${item.error.toLine()}\n`);
      continue;
    }
    reportWarnings(item);
    done++;
    if (values.format === 'json') all.push(articleRecord(item.doc));
    else await writeOut(JSON.stringify(articleRecord(item.doc)) + '\n');
  }
  if (values.format === 'json') await writeOut(JSON.stringify(all, null, 2) + '\n');
  if (failed) process.stderr.write(`sitrep extract: ${done} read, ${failed} failed\n`);
  return failed ? 1 : 0;
}
