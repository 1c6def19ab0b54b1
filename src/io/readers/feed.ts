// RSS 2.0 (and RSS 1.0/RDF) and Atom feeds: each item or entry is one article. The item's own full
// content (content:encoded, Atom content) is its text; when the feed carries only a summary, the
// item's link is fetched and read as a web page (the summary stays as the fallback).
import { basename, extname } from 'node:path';
import type { Element, ParentNode } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { SitrepError } from '../../core/errors.js';
import { parseDate } from '../dates.js';
import { fragmentText } from '../html/body.js';
import { decodeMarkup } from '../html/charset.js';
import { collapse, isElement, textOf } from '../html/dom.js';
import { finishArticle } from '../record.js';
import type { Article, InputItem, InputOptions, Reader, Source } from '../types.js';
import { readHtml } from './html.js';
import { FEED_KIND } from './markup-kinds.js';

/** A summary shorter than this sends us to the item's page for the full text. */
const SUMMARY_ONLY = 400;
/** Pages fetched for one feed at most (a feed of 100,000 summaries is not 100,000 requests). */
const MAX_FOLLOW = 100;

export const feedReader: Reader = {
  ...FEED_KIND,
  read: (src, opts) => readFeed(src, opts),
};

export interface FeedItem {
  id?: string;
  title?: string;
  link?: string;
  /** Full content (HTML) when the feed carries it. */
  content?: string;
  contentFrom?: string;
  summary?: string;
  published?: string;
  author?: string;
}

export interface ParsedFeed {
  title?: string;
  lang?: string;
  items: FeedItem[];
  /** Why the XML is not well formed, when it is not. */
  malformed?: string;
}

const child = (e: ParentNode, ...names: string[]): Element | undefined => {
  for (const name of names) for (const c of e.children) if (isElement(c) && c.name.toLowerCase() === name) return c;
  return undefined;
};
const text = (e: Element | undefined) => (e ? collapse(textOf(e)) || undefined : undefined);
const raw = (e: Element | undefined) => (e ? textOf(e).trim() || undefined : undefined);

/** The items of an RSS or Atom document; null when it is not a feed. */
export function parseFeed(xml: string): ParsedFeed | null {
  const dom = parseDocument(xml, { xmlMode: true, decodeEntities: true, recognizeCDATA: true });
  const root = dom.children.find((c): c is Element => isElement(c));
  if (!root) return null;
  const name = root.name.toLowerCase();
  const out: ParsedFeed = { items: [] };
  const end = /<\/(rss|feed|rdf:RDF)>\s*$/i.exec(xml.slice(-200));
  if (!end) out.malformed = `the XML ends before </${root.name}>`;
  if (name === 'rss' || name === 'rdf:rdf') {
    const channel = child(root, 'channel') ?? root;
    out.title = text(child(channel, 'title'));
    out.lang = text(child(channel, 'language', 'dc:language'));
    const items = [...channel.children, ...(channel === root ? [] : root.children)].filter((c): c is Element => isElement(c) && c.name.toLowerCase() === 'item');
    for (const it of items) {
      const encoded = child(it, 'content:encoded');
      const description = raw(child(it, 'description'));
      out.items.push({
        id: text(child(it, 'guid')) ?? text(child(it, 'link')),
        title: text(child(it, 'title')),
        link: text(child(it, 'link')),
        content: raw(encoded),
        contentFrom: encoded ? 'rss content:encoded' : undefined,
        summary: description,
        published: text(child(it, 'pubdate', 'dc:date', 'published')),
        author: text(child(it, 'dc:creator', 'author')),
      });
    }
    return out;
  }
  if (name === 'feed') {
    out.title = text(child(root, 'title'));
    out.lang = root.attribs['xml:lang'];
    for (const e of root.children) {
      if (!isElement(e) || e.name.toLowerCase() !== 'entry') continue;
      const links = e.children.filter((c): c is Element => isElement(c) && c.name === 'link');
      const link = (links.find((l) => !l.attribs.rel || l.attribs.rel === 'alternate') ?? links[0])?.attribs.href;
      const content = child(e, 'content');
      const author = child(e, 'author');
      out.items.push({
        id: text(child(e, 'id')) ?? link,
        title: text(child(e, 'title')),
        link,
        content: raw(content),
        contentFrom: content ? 'atom content' : undefined,
        summary: raw(child(e, 'summary')),
        published: text(child(e, 'published', 'updated')),
        author: author ? text(child(author, 'name')) : undefined,
      });
    }
    return out;
  }
  return null;
}

/** Text of a feed field that may hold HTML (escaped or not). */
function htmlText(s: string): string {
  return /<[a-z!/]/i.test(s) ? fragmentText(parseDocument(s, { decodeEntities: true })) : collapse(s);
}

async function* readFeed(src: Source, opts: InputOptions): AsyncGenerator<InputItem> {
  const file = src.name;
  const decoded = decodeMarkup(src.bytes(), src.contentType);
  const feed = parseFeed(decoded.text);
  if (!feed) {
    yield { ok: false, error: new SitrepError('E_INPUT_READ', 'not an RSS or Atom feed (no <rss>, <feed> or <rdf:RDF> root)', { file }) };
    return;
  }
  const warnings: string[] = [];
  if (decoded.warning) warnings.push(`${file}: ${decoded.warning}`);
  if (feed.malformed) warnings.push(`${file}: malformed XML (${feed.malformed}); read the ${feed.items.length} items before the break`);
  if (feed.items.length === 0) {
    yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', feed.malformed ? `malformed XML (${feed.malformed}) and no item before it` : 'the feed has no items', { file }) };
    return;
  }
  const base = src.url ?? (src.path ? basename(src.path, extname(src.path)) : 'stdin');
  const budget = { left: MAX_FOLLOW, skipped: 0 };
  for (let i = 0; i < feed.items.length; i++) {
    const it = feed.items[i];
    if (it.link && opts.seenUrl?.(it.link)) continue;
    const item = await feedArticle(it, feed, opts, warnings, `${base}#${i + 1}`, budget);
    if (budget.skipped === 1 && budget.left === 0) {
      warnings.push(`${file}: fetched the pages of ${MAX_FOLLOW} items; the rest are read from the feed's summaries`);
      budget.skipped++;
    }
    const where = { file, record: i + 1 };
    const res = finishArticle(item, opts, where);
    if (!res.ok) {
      yield { ok: false, error: new SitrepError(res.error.code, `item ${i + 1}${item.title ? ` (${JSON.stringify(item.title.slice(0, 50))})` : ''}: ${res.error.message}`, { file }) };
      continue;
    }
    if (warnings.length) res.warnings = warnings.splice(0);
    yield res;
  }
}

async function feedArticle(it: FeedItem, feed: ParsedFeed, opts: InputOptions, warnings: string[], fallbackId: string, budget: { left: number; skipped: number }): Promise<Article> {
  const doc: Article = { id: it.id ?? it.link ?? fallbackId, text: '', from: {} };
  const from = doc.from!;
  if (it.title) (doc.title = htmlText(it.title)), (from.title = 'feed item title');
  if (it.link) (doc.url = it.link), (from.url = 'feed item link');
  const day = it.published ? parseDate(it.published) : null;
  if (day) (doc.published = day), (from.published = 'feed item date');
  if (it.author) (doc.author = it.author), (from.author = 'feed item author');
  if (feed.title) (doc.outlet = feed.title), (from.outlet = 'feed title');
  if (feed.lang) (doc.lang = feed.lang), (from.lang = 'feed language');
  const content = it.content ? htmlText(it.content) : '';
  const summary = it.summary ? htmlText(it.summary) : '';
  if (content.length >= SUMMARY_ONLY || (content && !it.link)) {
    doc.text = content;
    from.text = it.contentFrom ?? 'feed content';
    return doc;
  }
  const follow = it.link && opts.followLinks !== false && /^https?:/i.test(it.link);
  if (follow && budget.left <= 0) budget.skipped++;
  else if (it.link && follow) {
    budget.left--;
    const { fetchSource } = await import('../fetch.js');
    const got = await fetchSource(it.link, opts);
    if (got.ok && !/html|xml/i.test(got.source.contentType ?? 'text/html')) warnings.push(`${it.link}: not a web page (${got.source.contentType}); the feed's summary is used instead`);
    else if (got.ok) {
      const page = readHtml(got.source.bytes(), got.source);
      if (page.text.length > Math.max(content.length, summary.length)) {
        doc.text = page.text;
        from.text = 'page at the item link';
        for (const k of ['published', 'author', 'lang'] as const) {
          if (!doc[k] && page[k]) (doc[k] = page[k]), (from[k] = `page ${page.from?.[k] ?? ''}`.trim());
        }
        return doc;
      }
    } else warnings.push(`${got.error.file}: ${got.error.message}; the feed's summary is used instead`);
  }
  doc.text = content || summary;
  from.text = content ? it.contentFrom ?? 'feed content' : 'feed item summary';
  return doc;
}
