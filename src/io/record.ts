// Turning what a reader found into a valid article: strict UTF-8 decoding of text inputs, the
// validation of JSON records (makeDoc) and the checks every article passes (finishArticle).
import { basename, extname } from 'node:path';
import { SitrepError, quote } from '../core/errors.js';
import { parseDate } from './dates.js';
import type { Article, InputItem, InputOptions } from './types.js';

export const DEFAULT_MAX_CHARS = 2_000_000;

/** "fr", "FR", "fr-FR", "fr_CA" → "fr"; null when it is not a language tag. */
export function languageCode(tag: string): string | null {
  const m = /^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*$/.exec(tag.trim());
  return m ? m[1].toLowerCase() : null;
}

const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** 2016-02-31 parses (it rolls over to March 2) but is no day: checked by hand. */
export const isCalendarDay = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

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

export function lineOfByte(bytes: Buffer, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

export function firstInvalidUtf8(b: Buffer): number {
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

export interface Where {
  file: string;
  line?: number;
  record?: number;
}

/** The id an input gives a record that names none: the file's base name, with its line or index. */
export function defaultId(where: Where): string {
  const file = where.file;
  const base = /^https?:/i.test(file) ? file : basename(file, extname(file));
  return where.line != null ? `${base}:${where.line}` : where.record != null ? `${base}:${where.record}` : base;
}

/** Validate one JSON record and turn it into an article. */
export function makeDoc(rec: unknown, opts: InputOptions, where: Where): InputItem {
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
  let id: string;
  if (r.id == null) id = defaultId(where);
  else if (typeof r.id === 'string' || typeof r.id === 'number') {
    id = String(r.id);
    // an empty id could not be asked for again (GET /api/documents/)
    if (!id.trim()) return fail('E_INPUT_FIELD', 'id', 'must not be empty (leave it out to have one made)');
    // "." and ".." are path segments a URL drops (GET /api/documents/. is GET /api/documents/)
    if (id === '.' || id === '..') return fail('E_INPUT_FIELD', 'id', `must not be ${quote(id, 5)}: a URL could not name it (leave it out to have one made)`);
  } else return fail('E_INPUT_FIELD', 'id', `must be a string or a number, got ${quote(r.id, 30)}`);
  const doc: Article = { id, text: r.text, origin: { file, line } };
  const published = r.published ?? r.date;
  if (published != null && published !== '') {
    const day = typeof published === 'string' ? parseDate(published, opts.dateFormat) : null;
    if (!day) {
      const m = typeof published === 'string' ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null;
      if (m && !isCalendarDay(+m[1], +m[2], +m[3])) return fail('E_INPUT_FIELD', 'published', `is not a day of the calendar: ${quote(published, 30)} (month ${m[2]} of ${m[1]} has ${daysInMonth(+m[1], +Math.min(12, Math.max(1, +m[2])))} days)`);
      return fail('E_INPUT_FIELD', 'published', `must be a date YYYY-MM-DD, got ${quote(published, 30)}`);
    }
    doc.published = day;
  }
  for (const key of ['outlet', 'url', 'title', 'author', 'lang'] as const) {
    const v = r[key];
    if (v == null) continue;
    if (typeof v !== 'string') return fail('E_INPUT_FIELD', key, `must be a string, got ${quote(v, 30)}`);
    if (key === 'lang') {
      if (v === '') continue;
      const code = languageCode(v);
      if (!code) return fail('E_INPUT_FIELD', 'lang', `must be a language code such as "en" or "fr-FR", got ${quote(v, 30)}`);
      doc.lang = code;
      continue;
    }
    doc[key] = v;
  }
  const checked = finishArticle(doc, opts, where);
  if (!checked.ok && checked.error.field && at) return { ok: false, error: new SitrepError(checked.error.code, checked.error.message, { file, line, field: at + checked.error.field }) };
  return checked;
}

/** The checks every article passes, whatever its reader: text present, not too large, no NUL; defaults applied. */
export function finishArticle(doc: Article, opts: InputOptions, where: Where): InputItem {
  const fail = (code: 'E_INPUT_EMPTY' | 'E_INPUT_TOO_LARGE' | 'E_INPUT_FIELD', msg: string): InputItem => ({
    ok: false,
    error: new SitrepError(code, msg, { file: where.file, line: where.line, field: 'text' }),
  });
  if (!doc.text.trim()) return fail('E_INPUT_EMPTY', 'empty article text');
  const max = opts.maxChars ?? DEFAULT_MAX_CHARS;
  if (doc.text.length > max) return fail('E_INPUT_TOO_LARGE', `article text has ${doc.text.length} characters, more than the limit of ${max} (--max-chars)`);
  if (doc.text.includes('\u0000')) return fail('E_INPUT_FIELD', 'binary data (NUL character) in the text');
  if (doc.published == null && opts.published) {
    doc.published = opts.published;
    (doc.from ??= {}).published = '--published';
  }
  if (doc.outlet == null && opts.outlet) {
    doc.outlet = opts.outlet;
    (doc.from ??= {}).outlet = '--outlet';
  }
  // a page's or a feed's own tag ("en-US") as a code; one that is none is dropped (detection decides)
  if (doc.lang != null) {
    const code = languageCode(doc.lang);
    if (code) doc.lang = code;
    else delete doc.lang;
  }
  if (doc.lang == null && opts.lang) {
    doc.lang = opts.lang;
    (doc.from ??= {}).lang = '--lang';
  }
  doc.origin ??= { file: where.file, line: where.line };
  return { ok: true, doc };
}
