// What the HTML and feed readers take (extensions, media types, how their content starts), apart from
// their parsers: the reader registry (input.ts) chooses a reader by these, and loads the parser
// (htmlparser2 and some 30 modules, a tenth of a cold start) only when a page or a feed is read.
import type { Reader } from '../types.js';

export type ReaderKind = Omit<Reader, 'read'>;

const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>])/i;
const FEED_START = /^(?:\s|<\?xml[^>]*\?>|<!--[\s\S]*?-->|<\?xml-stylesheet[^>]*>|<!DOCTYPE[^>]*>)*<(?:rss|feed|rdf:RDF)[\s>]/i;

export const HTML_KIND: ReaderKind = {
  kind: 'html',
  extensions: ['.html', '.htm', '.xhtml', '.shtml'],
  contentTypes: ['text/html', 'application/xhtml+xml'],
  sniff: (head) => HTML_START.test(head.replace(/^\ufeff|^\xef\xbb\xbf/, '')),
};

export const FEED_KIND: ReaderKind = {
  kind: 'feed',
  extensions: ['.rss', '.atom', '.xml'],
  contentTypes: ['application/rss+xml', 'application/atom+xml', 'application/rdf+xml', 'application/xml', 'text/xml'],
  sniff: (head) => FEED_START.test(head.replace(/^\xef\xbb\xbf/, '')),
};

/** A reader by its kind, its module loaded on the first read. */
export function lazyReader(kind: ReaderKind, load: () => Promise<Reader>): Reader {
  return {
    ...kind,
    async *read(src, opts) {
      yield* (await load()).read(src, opts);
    },
  };
}
