// CSV and TSV exports: a header row, one article per row. The text, title, date, outlet, url, id,
// author and language columns are found by name or given with --columns text=article_content,...;
// dates such as 4/20/2017 are read with --date-format (or the column's own values when they decide
// between month-first and day-first).
import { basename, extname } from 'node:path';
import { SitrepError, quote } from '../../core/errors.js';
import { parseCsvRows } from '../csv.js';
import { guessSlashedFormat, parseDate } from '../dates.js';
import { decode, finishArticle } from '../record.js';
import { ARTICLE_FIELDS, type Article, type ArticleField, type ColumnMap, type InputItem, type Reader } from '../types.js';

// Header names (lower case, letters and digits only) that mean each field, in order of preference.
const NAMES: Record<ArticleField, string[]> = {
  text: ['text', 'articlecontent', 'content', 'body', 'articlebody', 'articletext', 'fulltext', 'maintext', 'article', 'story'],
  title: ['title', 'headline', 'articletitle', 'heading'],
  published: ['published', 'date', 'publishdate', 'publisheddate', 'publishedat', 'datepublished', 'pubdate', 'publicationdate', 'seendate', 'datetime', 'timestamp'],
  outlet: ['outlet', 'source', 'sourcename', 'publisher', 'sitename', 'site', 'media', 'newspaper', 'domain'],
  url: ['url', 'link', 'sourceurl', 'articleurl', 'permalink', 'href'],
  id: ['id', 'unitid', 'docid', 'articleid', 'documentid', 'guid', 'uid'],
  author: ['author', 'authors', 'byline', 'writer'],
  lang: ['lang', 'language', 'locale'],
};

const norm = (h: string) => h.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** The column index of each field: the --columns given, else found by name. */
export function mapColumns(header: string[], given: ColumnMap = {}): { map: Partial<Record<ArticleField, number>>; missing: string[] } {
  const map: Partial<Record<ArticleField, number>> = {};
  const missing: string[] = [];
  const normed = header.map(norm);
  for (const f of ARTICLE_FIELDS) {
    const want = given[f];
    if (want != null) {
      let k = header.indexOf(want);
      if (k < 0) k = normed.indexOf(norm(want));
      if (k < 0) missing.push(`${f}=${want}`);
      else map[f] = k;
      continue;
    }
    for (const name of NAMES[f]) {
      const k = normed.indexOf(name);
      if (k >= 0 && !Object.values(map).includes(k)) {
        map[f] = k;
        break;
      }
    }
  }
  return { map, missing };
}

function delimiterOf(src: { ext: string }, firstLine: string): string {
  if (src.ext === '.tsv' || src.ext === '.tab') return '\t';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const best = [',', '\t', ';', '|'].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ',';
}

export const csvReader: Reader = {
  kind: 'csv',
  extensions: ['.csv', '.tsv', '.tab'],
  contentTypes: ['text/csv', 'text/tab-separated-values', 'application/csv'],
  *read(src, opts): Iterable<InputItem> {
    const file = src.name;
    const text = decode(src.bytes(), file);
    if (!text.ok) {
      yield text;
      return;
    }
    const nl = text.value.indexOf('\n');
    const rows = parseCsvRows(text.value, delimiterOf(src, nl < 0 ? text.value : text.value.slice(0, nl)));
    const head = rows.shift();
    if (!head || rows.length === 0) {
      yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'no rows under the header', { file }) };
      return;
    }
    const header = head.cells.map((h) => h.trim());
    const { map, missing } = mapColumns(header, opts.columns);
    if (missing.length || map.text == null) {
      const what = missing.length ? `no column ${missing.map((m) => quote(m.split('=')[1])).join(', ')} (from --columns ${missing.join(',')})` : 'no text column found by name';
      yield { ok: false, error: new SitrepError('E_INPUT_FIELD', `${what}; the header has ${header.map((h) => quote(h, 30)).join(', ')}: name the text column with --columns text=NAME`, { file, line: 1 }) };
      return;
    }
    const dateCol = map.published;
    const dateFormat = opts.dateFormat ?? (dateCol != null ? guessSlashedFormat(rows.map((r) => r.cells[dateCol] ?? '')) : undefined);
    const base = src.path ? basename(src.path, extname(src.path)) : src.url ?? 'stdin';
    for (const row of rows) {
      const cell = (f: ArticleField) => (map[f] != null ? (row.cells[map[f]!] ?? '').trim() : '');
      const where = { file, line: row.line };
      if (row.cells.length !== header.length) {
        yield { ok: false, error: new SitrepError('E_INPUT_FIELD', `the row has ${row.cells.length} fields, the header ${header.length}`, where) };
        continue;
      }
      const doc: Article = { id: cell('id') || `${base}:${row.line}`, text: row.cells[map.text].trim(), from: { text: `column ${header[map.text]}` } };
      for (const f of ['title', 'outlet', 'url', 'author', 'lang'] as const) {
        const v = cell(f);
        if (v) {
          doc[f] = v;
          doc.from![f] = `column ${header[map[f]!]}`;
        }
      }
      if (cell('id')) doc.from!.id = `column ${header[map.id!]}`;
      const date = cell('published');
      if (date) {
        const d = parseDate(date, dateFormat);
        if (!d) {
          const hint = /^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(date) ? ': give --date-format, e.g. M/D/YYYY or D/M/YYYY' : '';
          yield { ok: false, error: new SitrepError('E_INPUT_FIELD', `not a date: ${quote(date, 30)}${hint}`, { ...where, field: header[dateCol!] }) };
          continue;
        }
        doc.published = d;
        doc.from!.published = `column ${header[dateCol!]}`;
      }
      yield finishArticle(doc, opts, where);
    }
  },
};
