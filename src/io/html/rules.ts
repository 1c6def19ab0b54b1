// The rules of the page-body extractor (src/io/html/body.ts): which elements, roles and class or id
// words mark boilerplate or content, which tags are blocks, and the trimming of the body's edges.

// Elements never part of an article body.
export const DROP = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'canvas', 'iframe', 'object', 'embed', 'nav', 'aside', 'footer',
  'figure', 'figcaption', 'picture', 'video', 'audio', 'map', 'dialog', 'menu', 'button', 'select', 'input', 'textarea',
  'label', 'header', 'head', 'title', 'meta', 'link', 'form', 'time', 'address',
]);
export const DROP_ROLES = new Set(['navigation', 'complementary', 'banner', 'contentinfo', 'menu', 'menubar', 'dialog', 'alert', 'alertdialog', 'search', 'toolbar', 'tablist']);
// Class and id words of boilerplate, and of content (which outweighs them).
export const UNLIKELY = /-ad-|\bads?\b|\bad[-_]|[-_]ads?\b|advert|banner|breadcrumb|combx|comment|community|cookie|consent|disqus|extra|footer|gdpr|masthead|menu|modal|newsletter|outbrain|pagination|pager|paywall|popup|promo|related|remark|replies|recirc|recommend|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|subscri|supplemental|taboola|tags?$|toolbar|trending|caption|credit|byline|author-?info|signup|skip-?(link|to)|most-?(popular|read)|read-?more|more-?(stories|news|posts|articles|videos)|jump-?link|newsletter|print-?only|visually-?hidden|sr-only|screen-?reader/i;
export const MAYBE = /and|article|body|column|content|main|shadow/i;
// A class or id word that marks boilerplate whatever else the element is called.
export const STRONG = /^(?:comments?|comments?[-_](?:list|area|section|wrap|wrapper|container|form|thread)|.+[-_]comments|disqus\w*|respond|related\w*|share\w*|social\w*|newsletter\w*|sidebar\w*|breadcrumbs?|cookie\w*|outbrain\w*|taboola\w*|recirc\w*)$/i;
export const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|paragraph|prose/i;
export const NEGATIVE = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|caption|credit|byline|newsletter|subscribe|recirc|recommend/i;
export const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table', 'tr', 'td', 'th',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'br', 'hr', 'center', 'tbody', 'thead',
]);
export const PARAGRAPHS = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'h2', 'h3', 'h4', 'dd']);

const DATE_OR_TIME = /\b(?:19|20)\d\d\b|\b\d{1,2}:\d\d\b/;
const SENTENCE_END = /[.!?…。؟»"”')\]]$/;

// Short lines at the edges of the body that are not prose: a date line ("Updated 9:38 pm, 18 Nov
// 2019"), a comment count, a stray label. Lines inside the body are left alone.
export function trimEdges(blocks: string[]): string[] {
  const meta = (b: string) => b.length < 70 && !SENTENCE_END.test(b) && DATE_OR_TIME.test(b);
  let from = 0;
  while (from < blocks.length && from < 4 && meta(blocks[from])) from++;
  let to = blocks.length;
  while (to > from && blocks.length - to < 4 && (meta(blocks[to - 1]) || (blocks[to - 1].length < 40 && !SENTENCE_END.test(blocks[to - 1])))) to--;
  return blocks.slice(from, to);
}

