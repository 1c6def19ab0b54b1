// The shapes shared by every reader: what a reader is given (a Source), what it yields (an
// InputItem: an article or one error naming the input), and the options every reader honours.
import type { SitrepError } from '../core/errors.js';
import type { Document } from '../core/types.js';

/** An article as read, before analysis: the Document plus what the readers learn besides. */
export interface Article extends Document {
  author?: string;
  /** BCP 47 language tag when the input says it (html lang, feed language, a column). */
  lang?: string;
  /** Where each field came from, e.g. { title: 'og:title', published: 'json-ld datePublished' }. */
  from?: Record<string, string>;
}

export type InputItem = { ok: true; doc: Article; warnings?: string[] } | { ok: false; error: SitrepError };

/** Which CSV column holds which field: text, title, published, outlet, url, id, author, lang. */
export type ColumnMap = Partial<Record<ArticleField, string>>;
export type ArticleField = 'id' | 'text' | 'title' | 'published' | 'outlet' | 'url' | 'author' | 'lang';
export const ARTICLE_FIELDS: ArticleField[] = ['id', 'text', 'title', 'published', 'outlet', 'url', 'author', 'lang'];

export interface InputOptions {
  /** Applied to records that carry no date of their own (and to .txt files). */
  published?: string;
  outlet?: string;
  /** Language code for records that carry none (else it is detected from the text). */
  lang?: string;
  /** Largest article text accepted, in characters. */
  maxChars?: number;
  /** CSV/TSV: columns named by the user (the rest are found by name). */
  columns?: ColumnMap;
  /** How to read dates such as 4/20/2017: a pattern of YYYY, MM/M, DD/D and separators. */
  dateFormat?: string;
  /** Fetching URLs (and feed items' links); absent: URLs are read with default settings. */
  fetcher?: import('./fetch.js').Fetcher;
  /** Feeds: fetch each item's page when the feed carries only a summary (default true). */
  followLinks?: boolean;
  /** Feeds: items whose link this says is already stored are skipped before their page is fetched. */
  seenUrl?: (url: string) => boolean;
}

/** One input to read: a file, standard input or a fetched URL. */
export interface Source {
  /** How errors name it: the path, the URL or <stdin>. */
  name: string;
  /** The file path, when it is a file (lets a reader stream it). */
  path?: string;
  url?: string;
  /** Lower-case extension with its dot, or ''. */
  ext: string;
  /** From the HTTP response. */
  contentType?: string;
  /** The bytes, loaded on first use. */
  bytes(): Buffer;
  /** The first bytes (up to 4 KB) for sniffing, without loading a large file whole. */
  head?(): Buffer;
}

export interface Reader {
  /** Short name, also the value of `from.text`, e.g. 'html'. */
  kind: string;
  extensions: string[];
  /** Media types (without parameters) the reader takes. */
  contentTypes: string[];
  /** True when the start of the content looks like this format (decoded as latin1, up to 4 KB). */
  sniff?(head: string): boolean;
  read(src: Source, opts: InputOptions): AsyncIterable<InputItem> | Iterable<InputItem>;
}
