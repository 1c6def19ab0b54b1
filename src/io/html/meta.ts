// A page's metadata: title, publication date, outlet, author, language and canonical URL, each
// with where it came from. Sources in order of trust: JSON-LD (schema.org Article), Open Graph and
// other meta tags, <time> elements, the URL's /2019/11/19/ path, the <title>, the host name.
import type { ParentNode } from 'domhandler';
import { parseDate } from '../dates.js';
import { collapse, elements, textOf } from './dom.js';

export interface PageMeta {
  title?: string;
  published?: string;
  outlet?: string;
  author?: string;
  lang?: string;
  url?: string;
  /** schema.org articleBody, when the page declares one. */
  articleBody?: string;
  from: Record<string, string>;
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|NewsArticle|WebPage|LiveBlogPosting|Posting/;

interface LdArticle {
  headline?: unknown;
  name?: unknown;
  datePublished?: unknown;
  dateCreated?: unknown;
  author?: unknown;
  publisher?: unknown;
  inLanguage?: unknown;
  articleBody?: unknown;
  url?: unknown;
  '@type'?: unknown;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return collapse(v) || undefined;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as { name?: unknown }).name);
  return undefined;
}

function names(v: unknown): string | undefined {
  const list = Array.isArray(v) ? v : [v];
  const out = list.map(str).filter((x): x is string => Boolean(x));
  return out.length ? [...new Set(out)].join(', ') : undefined;
}

/** schema.org objects of an article type in the page's JSON-LD, best first. */
function ldArticles(scripts: string[]): LdArticle[] {
  const found: LdArticle[] = [];
  const visit = (v: unknown, depth: number) => {
    if (depth > 6 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    const type = o['@type'];
    const types = Array.isArray(type) ? type.join(' ') : String(type ?? '');
    if (ARTICLE_TYPES.test(types)) found.push(o as LdArticle);
    if (o['@graph']) visit(o['@graph'], depth + 1);
    if (o.mainEntity) visit(o.mainEntity, depth + 1);
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(s.trim().replace(/^<!--|-->$/g, '')), 0);
    } catch {
      /* a broken JSON-LD block is ignored */
    }
  }
  // Articles before plain web pages.
  return found.sort((a, b) => Number(/WebPage/.test(String(a['@type']))) - Number(/WebPage/.test(String(b['@type']))));
}

/** What the head and the page's tags say, as found: meta tags by key, JSON-LD blocks, the title, the
 * html lang, the canonical link and a <time datetime>. */
interface PageTags {
  meta: Map<string, string>;
  ld: string[];
  title?: string;
  lang?: string;
  canonical?: string;
  time?: string;
}

function readTags(root: ParentNode): PageTags {
  const t: PageTags = { meta: new Map(), ld: [] };
  for (const e of elements(root)) {
    const a = e.attribs;
    switch (e.name) {
      case 'html':
        t.lang ??= a.lang ?? a['xml:lang'];
        break;
      case 'meta': {
        const key = (a.property ?? a.name ?? a.itemprop ?? a['http-equiv'] ?? '').toLowerCase();
        if (key && a.content != null && !t.meta.has(key)) t.meta.set(key, a.content);
        break;
      }
      case 'title':
        t.title ??= collapse(textOf(e));
        break;
      case 'link':
        if (a.rel?.toLowerCase() === 'canonical' && a.href) t.canonical ??= a.href;
        break;
      case 'script':
        if (a.type?.toLowerCase() === 'application/ld+json') t.ld.push(e.children.map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : '')).join(''));
        break;
      case 'time':
        if (a.datetime && (a.itemprop === 'datePublished' || a.pubdate != null || t.time == null)) t.time = a.itemprop === 'datePublished' || t.time == null ? a.datetime : t.time;
        break;
    }
  }
  return t;
}

export function pageMeta(root: ParentNode, url?: string): PageMeta {
  const { meta, ld, title, lang, canonical, time } = readTags(root);
  const out: PageMeta = { from: {} };
  const set = (field: 'title' | 'published' | 'outlet' | 'author' | 'lang' | 'url', value: string | undefined, from: string) => {
    if (out[field] == null && value) {
      out[field] = value;
      out.from[field] = from;
    }
  };
  const article = ldArticles(ld)[0];
  if (article) {
    set('title', str(article.headline) ?? str(article.name), 'json-ld headline');
    const d = str(article.datePublished) ?? str(article.dateCreated);
    set('published', d ? parseDate(d) ?? undefined : undefined, 'json-ld datePublished');
    set('author', names(article.author), 'json-ld author');
    set('outlet', str(article.publisher), 'json-ld publisher');
    set('lang', str(article.inLanguage), 'json-ld inLanguage');
    const body = typeof article.articleBody === 'string' ? article.articleBody : undefined;
    if (body && body.trim()) out.articleBody = body;
  }
  const m = (k: string) => {
    const v = meta.get(k);
    return v ? collapse(v) : undefined;
  };
  set('title', m('og:title') ?? m('twitter:title'), 'og:title');
  for (const k of ['article:published_time', 'og:article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.created', 'sailthru.date', 'parsely-pub-date', 'article.published', 'publish-date']) {
    const v = m(k);
    if (v) set('published', parseDate(v) ?? undefined, `meta ${k}`);
  }
  if (time) set('published', parseDate(time) ?? undefined, '<time datetime>');
  const pageUrl = canonical ?? m('og:url') ?? url;
  const fromUrl = pageUrl ? /\/(20\d\d|19\d\d)[/-](\d{1,2})[/-](\d{1,2})(?:\/|$|-)/.exec(pageUrl) : null;
  if (fromUrl) set('published', parseDate(`${fromUrl[1]}-${fromUrl[2].padStart(2, '0')}-${fromUrl[3].padStart(2, '0')}`) ?? undefined, 'url');
  set('outlet', m('og:site_name') ?? m('application-name') ?? m('twitter:site')?.replace(/^@/, ''), 'og:site_name');
  for (const k of ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author']) {
    const v = m(k);
    if (v && !/^https?:/.test(v)) set('author', v.replace(/^by\s+/i, ''), `meta ${k}`);
  }
  set('lang', lang, '<html lang>');
  set('lang', m('content-language') ?? m('og:locale')?.replace('_', '-'), 'meta content-language');
  set('title', title, '<title>');
  set('url', url ?? (pageUrl && /^https?:/.test(pageUrl) ? pageUrl : undefined), url ? 'fetched' : canonical ? 'link canonical' : 'og:url');
  if (out.url) {
    try {
      set('outlet', new URL(out.url).hostname.replace(/^www\./, ''), 'host');
    } catch {
      /* not a URL */
    }
  }
  return out;
}

