// JSON (one record or an array of records) and JSON Lines (one record per line, streamed from
// files so a large one never sits in memory whole). Each bad record or line is one error.
import { createReadStream, statSync } from 'node:fs';
import { SitrepError, quote } from '../../core/errors.js';
import { decode, firstInvalidUtf8, makeDoc } from '../record.js';
import type { InputItem, InputOptions, Reader } from '../types.js';

export const jsonReader: Reader = {
  kind: 'json',
  extensions: ['.json'],
  contentTypes: ['application/json'],
  sniff: (head) => /^\s*\[/.test(head),
  *read(src, opts) {
    const text = decode(src.bytes(), src.name);
    if (!text.ok) {
      yield text;
      return;
    }
    // Without the extension, a { at the start may be JSON Lines as well as one record.
    if (src.ext !== '.json' && /^\s*\{/.test(text.value)) yield* readJsonlText(src.name, text.value, opts);
    else yield* readJsonDoc(src.name, text.value, opts);
  },
};

export const jsonlReader: Reader = {
  kind: 'jsonl',
  extensions: ['.jsonl', '.ndjson'],
  contentTypes: ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'],
  sniff: (head) => /^\s*\{/.test(head),
  read(src, opts) {
    if (src.path) return readJsonlFile(src.path, opts);
    const text = decode(src.bytes(), src.name);
    return text.ok ? readJsonlText(src.name, text.value, opts) : [text];
  },
};

async function* readJsonlFile(file: string, opts: InputOptions): AsyncGenerator<InputItem> {
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
  try {
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
  } catch (e) {
    yield { ok: false, error: new SitrepError('E_INPUT_READ', `cannot read: ${(e as Error).message}`, { file, line: lineNo + 1 }) };
    return;
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

/** JSON.parse that reports nesting too deep for this process as a parse error, not a crash. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    if (e instanceof RangeError) return { ok: false, message: 'nested too deep to read' };
    return { ok: false, message: (e as Error).message };
  }
}

function parseRecordLine(line: string, file: string, lineNo: number, opts: InputOptions): InputItem {
  const rec = parseJson(line);
  if (!rec.ok) return { ok: false, error: new SitrepError('E_INPUT_JSON', `not JSON (${rec.message}): ${quote(line, 40)}`, { file, line: lineNo }) };
  return makeDoc(rec.value, opts, { file, line: lineNo });
}

function* readJsonDoc(file: string, text: string, opts: InputOptions): Generator<InputItem> {
  if (!text.trim()) {
    yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty file', { file }) };
    return;
  }
  const data = parseJson(text);
  if (!data.ok) {
    const pos = /position (\d+)/.exec(data.message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : undefined;
    yield { ok: false, error: new SitrepError('E_INPUT_JSON', `not JSON: ${data.message}`, { file, line }) };
    return;
  }
  const value = data.value;
  if (Array.isArray(value)) {
    if (value.length === 0) yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty array: no records', { file }) };
    for (let i = 0; i < value.length; i++) yield makeDoc(value[i], opts, { file, record: i });
  } else yield makeDoc(value, opts, { file });
}

