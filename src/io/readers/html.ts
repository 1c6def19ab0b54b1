// Web pages: the article body (src/io/html/body.ts) and its metadata (src/io/html/meta.ts), the
// page decoded in the charset its headers or meta tags name.
import { basename, extname } from 'node:path';
import { parseDocument } from 'htmlparser2';
import { SitrepError } from '../../core/errors.js';
import { extractBody } from '../html/body.js';
import { decodeMarkup } from '../html/charset.js';
import { pageMeta } from '../html/meta.js';
import { finishArticle } from '../record.js';
import type { Article, InputItem, Reader, Source } from '../types.js';
import { HTML_KIND } from './markup-kinds.js';

export const htmlReader: Reader = {
  ...HTML_KIND,
  *read(src, opts): Iterable<InputItem> {
    const bytes = src.bytes();
    if (bytes.length === 0) {
      yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'empty file', { file: src.name }) };
      return;
    }
    const got = readHtmlWithWarning(bytes, src);
    if (!got.doc.text.trim()) {
      yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'no article text found in the page (navigation, links or scripts only)', { file: src.name }) };
      return;
    }
    const res = finishArticle(got.doc, opts, { file: src.name });
    if (res.ok && got.warning) res.warnings = [`${src.name}: ${got.warning}`];
    yield res;
  },
};

/** The article of an HTML page (text empty when the page has none). */
export function readHtml(bytes: Buffer, src: Pick<Source, 'name' | 'path' | 'url' | 'contentType'>): Article {
  return readHtmlWithWarning(bytes, src).doc;
}

function readHtmlWithWarning(bytes: Buffer, src: Pick<Source, 'name' | 'path' | 'url' | 'contentType'>): { doc: Article; warning?: string } {
  const decoded = decodeMarkup(bytes, src.contentType);
  const dom = parseDocument(decoded.text, { decodeEntities: true });
  const meta = pageMeta(dom, src.url);
  let body0: unknown = dom;
  const body = extractBody(() => (body0 ? (body0 = null, dom) : parseDocument(decoded.text, { decodeEntities: true })));
  const id = src.url ?? (src.path ? basename(src.path, extname(src.path)) : 'stdin');
  const doc: Article = { id, text: body.text, from: { ...meta.from, text: body.how, charset: `${decoded.charset} (${decoded.from})` } };
  for (const k of ['title', 'published', 'outlet', 'author', 'lang', 'url'] as const) if (meta[k]) doc[k] = meta[k];
  return { doc, warning: decoded.warning };
}
