// The input options every reading command shares (analyze, ingest, compare, extract, watch).
import { DEFAULT_MAX_CHARS, languageCode } from '../io/record.js';
import { validDateFormat } from '../io/dates.js';
import { ARTICLE_FIELDS, type ArticleField, type ColumnMap, type InputItem, type InputOptions } from '../io/types.js';
import { UsageError, checkDay } from './util.js';

export const INPUT_OPTIONS = {
  published: { type: 'string' },
  outlet: { type: 'string' },
  lang: { type: 'string' },
  'max-chars': { type: 'string' },
  columns: { type: 'string' },
  'date-format': { type: 'string' },
} as const;

export const INPUT_HELP = `Inputs: files, folders (read recursively), URLs (http/https) and - for standard input. Each is
read by its kind, known from its content, media type or extension: .txt (one article), .json (a
record or an array), .jsonl (one record per line), .csv/.tsv (a header row, one article per row),
.html (the article body and its title, date, outlet, author, language), RSS/Atom feeds (one
article per item) and .pdf.

Input options:
  --published YYYY-MM-DD      publication date for records that carry none (and .txt files)
  --outlet NAME               outlet for records that carry none
  --lang CODE                 language for records that carry none (default: detected per record);
                              a record in a language Sitrep does not read gets no items and a warning
  --max-chars N               largest article accepted (default ${DEFAULT_MAX_CHARS})
  --columns F=COL,...         CSV/TSV: which column holds which field (text, title, published,
                              outlet, url, id, author, lang); the rest are found by name
  --date-format PATTERN       how dates are written, e.g. M/D/YYYY or DD.MM.YYYY`;

export function inputOptions(values: Record<string, unknown>): InputOptions {
  const published = values.published as string | undefined;
  checkDay(published, '--published');
  const langOpt = values.lang as string | undefined;
  const lang = langOpt == null ? undefined : languageCode(langOpt);
  if (lang === null) throw new UsageError(`--lang must be a language code such as "en" or "fr", got "${langOpt}"`);
  let maxChars = DEFAULT_MAX_CHARS;
  const mc = values['max-chars'] as string | undefined;
  if (mc != null) {
    maxChars = Number(mc);
    if (!Number.isInteger(maxChars) || maxChars <= 0) throw new UsageError(`--max-chars must be a positive whole number, got "${mc}"`);
  }
  const dateFormat = values['date-format'] as string | undefined;
  if (dateFormat != null && !validDateFormat(dateFormat)) throw new UsageError(`--date-format needs a year, a month and a day (YYYY, M or MM, D or DD), got "${dateFormat}"`);
  return { published, outlet: values.outlet as string | undefined, lang, maxChars, columns: parseColumns(values.columns as string | undefined), dateFormat };
}

/** "text=article_content,published=date" to a column map; a field name we do not know is a usage error. */
export function parseColumns(spec: string | undefined): ColumnMap | undefined {
  if (!spec) return undefined;
  const out: ColumnMap = {};
  for (const part of spec.split(',')) {
    const eq = part.indexOf('=');
    let field = (eq < 0 ? '' : part.slice(0, eq).trim()) as ArticleField | 'date' | 'source';
    const col = part.slice(eq + 1).trim();
    if (field === 'date') field = 'published';
    if (field === 'source') field = 'outlet';
    if (eq < 0 || !col || !ARTICLE_FIELDS.includes(field as ArticleField)) {
      throw new UsageError(`--columns takes FIELD=COLUMN pairs separated by commas (fields: ${ARTICLE_FIELDS.join(', ')}), got "${part}"`);
    }
    out[field as ArticleField] = col;
  }
  return out;
}

/** Print an input's warnings (a wrong charset, a feed item skipped) to stderr. */
export function reportWarnings(item: InputItem): void {
  if (item.ok && item.warnings) for (const w of item.warnings) process.stderr.write(`sitrep: warning: ${w}\n`);
}
