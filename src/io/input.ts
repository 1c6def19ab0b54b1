// Reading articles: .txt (one article), .json (one record or an array), .jsonl (one record per line),
// directories (recursively) and "-" for standard input. Each bad record becomes one SitrepError that
// names the file and line (or record); every other record is still yielded.
import { createReadStream, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { SitrepError, quote } from '../core/errors.js';
import type { Document } from '../core/types.js';

export interface InputOptions {
  /** Applied to records that carry no date of their own (and to .txt files). */
  published?: string;
  outlet?: string;
  /** Language code for records that carry none (else it is detected from the text). */
  lang?: string;
  /** Largest article text accepted, in characters. */
  maxChars?: number;
}

export type InputItem = { ok: true; doc: Document } | { ok: false; error: SitrepError };

/** "fr", "FR", "fr-FR", "fr_CA" → "fr"; null when it is not a language tag. */
export function languageCode(tag: string): string | null {
  const m = /^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$/.exec(tag.trim());
  return m ? m[1].toLowerCase() : null;
}

export const DEFAULT_MAX_CHARS = 2_000_000;
const EXTENSIONS = new Set(['.txt', '.json', '.jsonl', '.ndjson']);

/** Expand paths (directories recursively, sorted) into the files to read. */
export function expandPaths(paths: string[]): { files: string[]; errors: SitrepError[] } {
  const files: string[] = [];
  const errors: SitrepError[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(dir, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (EXTENSIONS.has(extname(name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') {
      files.push('-');
      continue;
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      errors.push(new SitrepError('E_INPUT_NOT_FOUND', 'no such file or directory', { file: p }));
      continue;
    }
    if (st.isDirectory()) walk(p);
    else files.push(p);
  }
  return { files, errors };
}

/** Yields every record of every path, in order, with errors in place of bad records. */
export async function* readInputs(paths: string[], opts: InputOptions = {}): AsyncGenerator<InputItem> {
  const { files, errors } = expandPaths(paths);
  for (const error of errors) yield { ok: false, error };
  for (const file of files) yield* readFile(file, opts);
}

async function* readFile(file: string, opts: InputOptions): AsyncGenerator<InputItem> {
  const ext = file === '-' ? '' : extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') {
    yield* readJsonl(file, opts);
    return;
  }
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readStdin() : readFileSync(file);
  } catch (e) {
    yield { ok: false, error: new SitrepError('E_INPUT_READ', `cannot read: ${(e as Error).message}`, { file }) };
    return;
  }
  const name = file === '-' ? '<stdin>' : file;
  const text = decode(bytes, name);
  if (!text.ok) {
    yield text;
    return;
  }
  const trimmed = text.value.trimStart();
  if (ext === '.json' || (ext === '' && trimmed.startsWith('['))) yield* readJsonDoc(name, text.value, opts);
  else if (ext === '' && trimmed.startsWith('{')) yield* readJsonlText(name, text.value, opts);
  else {
    const id = file === '-' ? 'stdin' : basename(file, extname(file));
    const doc = makeDoc({ id, text: text.value }, opts, { file: name });
    yield doc;
  }
}

function readStdin(): Buffer {
  return readFileSync(0);
}

/** Strict UTF-8 decoding; binary (NUL bytes) and invalid sequences are reported with their line. */
export function decode(bytes: Buffer, file: string): { ok: true; value: string } | { ok: false; error: SitrepError } {
  if (bytes.length === 0) return { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty file', { file }) };
  const probe = bytes.subarray(0, 65536);
  const nul = probe.indexOf(0);
  if (nul >= 0) {
    return { ok: false, error: new SitrepError('E_INPUT_BINARY', `binary file (NUL byte at offset ${nul}), not text`, { file, line: lineOfByte(bytes, nul) }) };
  }
  try {
    let value = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (value.charCodeAt(0) === 0xfeff) value = value.slice(1);
    return { ok: true, value };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return { ok: false, error: new SitrepError('E_INPUT_UTF8', `invalid UTF-8 at byte ${bad}`, { file, line: lineOfByte(bytes, bad) }) };
  }
}

function lineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

function firstInvalidUtf8(b: Buffer): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return b.length;
}

async function* readJsonl(file: string, opts: InputOptions): AsyncGenerator<InputItem> {
  // Streamed line by line so that a large file never sits in memory whole; each line is decoded
  // strictly on its own, so one bad line is one error.
  let stream;
  try {
    statSync(file);
    stream = createReadStream(file);
  } catch (e) {
    yield { ok: false, error: new SitrepError('E_INPUT_READ', `cannot read: ${(e as Error).message}`, { file }) };
    return;
  }
  let pending: Buffer[] = [];
  let lineNo = 0;
  let sawAny = false;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const handle = (buf: Buffer): InputItem | null => {
    lineNo++;
    if (buf.length && buf[buf.length - 1] === 13) buf = buf.subarray(0, buf.length - 1);
    let text: string;
    try {
      text = decoder.decode(buf);
    } catch {
      return { ok: false, error: new SitrepError('E_INPUT_UTF8', `invalid UTF-8 at byte ${firstInvalidUtf8(buf)} of the line`, { file, line: lineNo }) };
    }
    if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (!text.trim()) return null;
    sawAny = true;
    if (text.includes('\u0000')) return { ok: false, error: new SitrepError('E_INPUT_BINARY', 'binary data (NUL byte) in line', { file, line: lineNo }) };
    return parseRecordLine(text, file, lineNo, opts);
  };
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    let from = 0;
    for (let nl = chunk.indexOf(10, from); nl >= 0; nl = chunk.indexOf(10, from)) {
      pending.push(chunk.subarray(from, nl));
      const item = handle(Buffer.concat(pending));
      pending = [];
      if (item) yield item;
      from = nl + 1;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
  }
  if (pending.length) {
    const item = handle(Buffer.concat(pending));
    if (item) yield item;
  }
  if (!sawAny) yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty file: no records', { file }) };
}

function* readJsonlText(file: string, text: string, opts: InputOptions): Generator<InputItem> {
  const lines = text.split('\n');
  let any = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line.trim()) continue;
    any = true;
    yield parseRecordLine(line, file, i + 1, opts);
  }
  if (!any) yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty input: no records', { file }) };
}

function parseRecordLine(line: string, file: string, lineNo: number, opts: InputOptions): InputItem {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return { ok: false, error: new SitrepError('E_INPUT_JSON', `not JSON (${(e as Error).message}): ${quote(line, 40)}`, { file, line: lineNo }) };
  }
  return makeDoc(rec, opts, { file, line: lineNo });
}

function* readJsonDoc(file: string, text: string, opts: InputOptions): Generator<InputItem> {
  if (!text.trim()) {
    yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty file', { file }) };
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    yield { ok: false, error: new SitrepError('E_INPUT_JSON', `not JSON: ${msg}`, { file, line }) };
    return;
  }
  if (Array.isArray(data)) {
    if (data.length === 0) yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty array: no records', { file }) };
    for (let i = 0; i < data.length; i++) yield makeDoc(data[i], opts, { file, record: i });
  } else yield makeDoc(data, opts, { file });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** Validate one record and turn it into a Document. */
export function makeDoc(rec: unknown, opts: InputOptions, where: { file: string; line?: number; record?: number }): InputItem {
  const file = where.file;
  const line = where.line;
  const at = where.record != null ? `[${where.record}].` : '';
  const fail = (code: 'E_INPUT_FIELD' | 'E_INPUT_EMPTY' | 'E_INPUT_TOO_LARGE', field: string | undefined, msg: string): InputItem => ({
    ok: false,
    error: new SitrepError(code, msg, { file, line, field: field ? at + field : undefined }),
  });
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) return fail('E_INPUT_FIELD', undefined, `a record must be a JSON object, got ${quote(rec, 30)}`);
  const r = rec as Record<string, unknown>;
  if (!('text' in r)) return fail('E_INPUT_FIELD', 'text', 'missing: every record needs the article text');
  if (typeof r.text !== 'string') return fail('E_INPUT_FIELD', 'text', `must be a string, got ${quote(r.text, 30)}`);
  if (!r.text.trim()) return fail('E_INPUT_EMPTY', 'text', 'empty article text');
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (r.text.length > max) return fail('E_INPUT_TOO_LARGE', 'text', `article text has ${r.text.length} characters, more than the limit of ${max} (--max-chars)`);
  if (r.text.includes('\u0000')) return fail('E_INPUT_FIELD', 'text', 'binary data (NUL character) in the text');
  let id: string;
  if (r.id == null) {
    const base = basename(file, extname(file));
    id = where.line != null ? `${base}:${where.line}` : where.record != null ? `${base}:${where.record}` : base;
  } else if (typeof r.id === 'string' || typeof r.id === 'number') id = String(r.id);
  else return fail('E_INPUT_FIELD', 'id', `must be a string or a number, got ${quote(r.id, 30)}`);
  const doc: Document = { id, text: r.text, origin: { file, line } };
  const published = r.published ?? r.date;
  if (published != null && published !== '') {
    const m = typeof published === 'string' ? DATE.exec(published) : null;
    if (!m || Number.isNaN(Date.parse(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`))) return fail('E_INPUT_FIELD', 'published', `must be a date YYYY-MM-DD, got ${quote(published, 30)}`);
    doc.published = `${m[1]}-${m[2]}-${m[3]}`;
  } else if (opts.published) doc.published = opts.published;
  for (const key of ['outlet', 'url', 'title'] as const) {
    const v = r[key];
    if (v == null) continue;
    if (typeof v !== 'string') return fail('E_INPUT_FIELD', key, `must be a string, got ${quote(v, 30)}`);
    doc[key] = v;
  }
  if (doc.outlet == null && opts.outlet) doc.outlet = opts.outlet;
  if (r.lang != null && r.lang !== '') {
    const code = typeof r.lang === 'string' ? languageCode(r.lang) : null;
    if (!code) return fail('E_INPUT_FIELD', 'lang', `must be a language code such as "en" or "fr-FR", got ${quote(r.lang, 30)}`);
    doc.lang = code;
  } else if (opts.lang) doc.lang = opts.lang;
  return { ok: true, doc };
}
