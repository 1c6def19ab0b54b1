// Reading articles: the reader registry. Each input (a file, a folder walked recursively, a URL or
// "-" for standard input) goes to one reader, chosen by its content (a PDF, a feed or an HTML page
// is known by its first bytes, whatever its name), then its media type (URLs) and extension, then
// by sniffing again (JSON, JSON Lines), else as plain text. Each bad record or input becomes one
// SitrepError naming it; every other record is still yielded.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { SitrepError } from '../core/errors.js';
import { expandPaths as expand, isUrl } from './paths.js';
import { csvReader } from './readers/csv.js';
import { jsonlReader, jsonReader } from './readers/json.js';
import { FEED_KIND, HTML_KIND, lazyReader } from './readers/markup-kinds.js';
import { pdfReader } from './readers/pdf.js';
import { textReader } from './readers/text.js';
import type { InputItem, InputOptions, Reader, Source } from './types.js';

export { DEFAULT_MAX_CHARS, decode, makeDoc, languageCode, isCalendarDay } from './record.js';
export type { Article, InputItem, InputOptions } from './types.js';

// (pages and feeds: their parser loads when one is read)
const htmlReader = lazyReader(HTML_KIND, async () => (await import('./readers/html.js')).htmlReader);
const feedReader = lazyReader(FEED_KIND, async () => (await import('./readers/feed.js')).feedReader);

/** Every reader; the first three are known by their first bytes and are tried before extensions. */
export const READERS: Reader[] = [pdfReader, feedReader, htmlReader, jsonReader, jsonlReader, csvReader, textReader];
const STRONG = [pdfReader, feedReader, htmlReader];
const WEAK = [jsonReader, jsonlReader];

export const EXTENSIONS = new Set(READERS.flatMap((r) => r.extensions));

/** Expand paths (directories recursively, sorted) into the inputs to read. */
export function expandPaths(paths: string[]): { files: string[]; errors: SitrepError[] } {
  return expand(paths, EXTENSIONS);
}

/** The reader for a source: by content first, then media type and extension. */
export function chooseReader(src: Source): Reader {
  const head = (src.head ? src.head() : src.bytes().subarray(0, 4096)).toString('latin1');
  for (const r of STRONG) if (r.sniff?.(head)) return r;
  const type = src.contentType?.split(';')[0].trim().toLowerCase();
  if (type) for (const r of READERS) if (r.contentTypes.includes(type)) return r;
  if (src.ext) for (const r of READERS) if (r.extensions.includes(src.ext)) return r;
  for (const r of WEAK) if (r.sniff?.(head)) return r;
  return textReader;
}

/** A file or standard input as a Source, its bytes read on first use. */
export function fileSource(file: string): Source {
  let bytes: Buffer | undefined;
  const stdin = file === '-';
  const load = () => (bytes ??= stdin ? readFileSync(0) : readFileSync(file));
  return {
    name: stdin ? '<stdin>' : file,
    path: stdin ? undefined : file,
    ext: stdin ? '' : extname(file).toLowerCase(),
    bytes: load,
    head: () => (stdin || bytes ? load().subarray(0, 4096) : readHead(file)),
  };
}

function readHead(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.subarray(0, readSync(fd, buf, 0, 4096, 0));
  } finally {
    closeSync(fd);
  }
}

/** Yields every record of every path, in order, with errors in place of bad records. */
export async function* readInputs(paths: string[], opts: InputOptions = {}): AsyncGenerator<InputItem> {
  const { files, errors } = expandPaths(paths);
  for (const error of errors) yield { ok: false, error };
  for (const file of files) yield* readOne(file, opts);
}

/** One input: a URL (fetched), standard input or a file. */
export async function* readOne(input: string, opts: InputOptions): AsyncGenerator<InputItem> {
  let src: Source;
  if (isUrl(input)) {
    const { fetchSource } = await import('./fetch.js');
    const got = await fetchSource(input, opts);
    if (!got.ok) {
      yield got;
      return;
    }
    src = got.source;
  } else {
    src = fileSource(input);
    try {
      src.head!();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const msg = code === 'EISDIR' ? 'is a folder' : code === 'ENOENT' ? 'no such file or directory' : `cannot read: ${(e as Error).message}`;
      yield { ok: false, error: new SitrepError(code === 'ENOENT' ? 'E_INPUT_NOT_FOUND' : 'E_INPUT_READ', msg, { file: src.name }) };
      return;
    }
  }
  yield* readSource(src, opts);
}

/** Read a source with its reader; a reader that throws is reported as one error naming the input. */
export async function* readSource(src: Source, opts: InputOptions): AsyncGenerator<InputItem> {
  const reader = chooseReader(src);
  try {
    yield* reader.read(src, opts);
  } catch (e) {
    const msg = e instanceof RangeError ? 'nested too deep to read' : (e as Error).message;
    yield { ok: false, error: new SitrepError('E_INPUT_READ', `cannot read as ${reader.kind}: ${msg}`, { file: src.name }) };
  }
}
