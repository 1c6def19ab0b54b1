// The article body of a web page, without navigation, ads, captions, related links and comments.
// Our own scoring, in the manner of Readability: boilerplate is pruned by tag, role and class/id;
// each paragraph scores its ancestors (by length, commas, link density); the best container wins,
// with its siblings that score alike; then each block inside it is kept or dropped on its own
// (link-heavy lists, short lines without a sentence, share and follow widgets).
import type { AnyNode, Element, ParentNode } from 'domhandler';
import { collapse, isElement, isText } from './dom.js';
import { render, renderPlain, type BlockJudge } from './render.js';
import { BLOCKS, DROP, DROP_ROLES, MAYBE, NEGATIVE, PARAGRAPHS, POSITIVE, STRONG, UNLIKELY, trimEdges } from './rules.js';

interface Stats {
  len: number;
  links: number;
  commas: number;
  score: number;
  scored: boolean;
}

export interface Body {
  text: string;
  /** How the body was found, for `from.text`. */
  how: string;
}

const COMMA = /[,،、，]/g;

class Extractor implements BlockJudge {
  private stats = new Map<Element, Stats>();

  constructor(
    private root: ParentNode,
    private byClass = true,
  ) {}

  /** Drop boilerplate elements in place. */
  prune(n: ParentNode = this.root): void {
    const kids = n.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const c = kids[i];
      if (c.type === 'comment' || c.type === 'directive' || c.type === 'cdata') {
        kids.splice(i, 1);
        continue;
      }
      if (!isElement(c)) continue;
      if (this.dropped(c)) kids.splice(i, 1);
      else this.prune(c);
    }
  }

  private dropped(e: Element): boolean {
    const name = e.name;
    if (DROP.has(name)) return !(name === 'form' && this.bigForm(e));
    const a = e.attribs;
    if ('hidden' in a || a['aria-hidden'] === 'true') return true;
    const style = a.style;
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
    if (a.role && DROP_ROLES.has(a.role)) return true;
    if (!this.byClass || name === 'body' || name === 'html' || name === 'article' || name === 'main' || name === 'a') return false;
    const cls = `${a.class ?? ''} ${a.id ?? ''}`;
    if (cls.length > 1 && ((UNLIKELY.test(cls) && !MAYBE.test(cls)) || cls.split(/\s+/).some((w) => STRONG.test(w)))) return !holdsArticle(e, this.stats);
    return false;
  }

  // Whole pages wrapped in one <form> (ASP.NET) keep it.
  private bigForm(e: Element): boolean {
    let n = 0;
    const walk = (x: AnyNode) => {
      if (n > 2000) return;
      if (isText(x)) n += x.data.length;
      else if (isElement(x)) for (const c of x.children) walk(c);
    };
    walk(e);
    return n > 2000;
  }

  /** Text length, link text length and commas of every element, bottom up. */
  measure(n: AnyNode, inLink = false): { len: number; links: number; commas: number } {
    if (isText(n)) {
      const len = n.data.trim().length;
      const commas = len ? (n.data.match(COMMA)?.length ?? 0) : 0;
      return { len, links: inLink ? len : 0, commas };
    }
    if (n.type === 'root') {
      for (const c of (n as ParentNode).children) this.measure(c);
      return { len: 0, links: 0, commas: 0 };
    }
    if (!isElement(n)) return { len: 0, links: 0, commas: 0 };
    const link = inLink || n.name === 'a';
    let len = 0;
    let links = 0;
    let commas = 0;
    for (const c of n.children) {
      const s = this.measure(c, link);
      len += s.len;
      links += s.links;
      commas += s.commas;
    }
    this.stats.set(n, { len, links, commas, score: 0, scored: false });
    return { len, links, commas };
  }

  private st(e: Element): Stats {
    return this.stats.get(e) ?? { len: 0, links: 0, commas: 0, score: 0, scored: false };
  }

  linkDensity(e: Element): number {
    const s = this.st(e);
    return s.len ? s.links / s.len : 0;
  }

  static weight(e: Element): number {
    let w = 0;
    for (const v of [e.attribs.class, e.attribs.id]) {
      if (!v) continue;
      if (NEGATIVE.test(v)) w -= 25;
      if (POSITIVE.test(v)) w += 25;
    }
    return w;
  }

  private init(e: Element): Stats {
    const s = this.st(e);
    if (!s.scored) {
      s.scored = true;
      const t = e.name;
      s.score = t === 'div' || t === 'article' || t === 'main' ? 5 : t === 'pre' || t === 'td' || t === 'blockquote' ? 3 : t === 'form' || t === 'ol' || t === 'ul' || t === 'dl' || t === 'li' ? -3 : /^h[1-6]$|^th$/.test(t) ? -5 : 0;
      if (t === 'article' || t === 'main') s.score += 10;
      s.score += Extractor.weight(e);
    }
    return s;
  }

  private isParagraph(e: Element): boolean {
    if (PARAGRAPHS.has(e.name)) return true;
    if (e.name !== 'div' && e.name !== 'section') return false;
    // A div holding text of its own and no block children counts as a paragraph.
    for (const c of e.children) if (isElement(c) && BLOCKS.has(c.name) && c.name !== 'br') return false;
    return true;
  }

  /** Score every paragraph's ancestors; the best container. */
  top(): Element | null {
    const candidates = new Set<Element>();
    const visit = (n: ParentNode) => {
      for (const c of n.children) {
        if (!isElement(c)) continue;
        if (this.isParagraph(c)) this.scoreParagraph(c, candidates);
        else {
          // Text written straight into a container between its blocks counts as a paragraph of it.
          const own = ownInlineText(c);
          if (own.len >= 25) this.scoreText(own.len, own.commas, c, candidates);
          visit(c);
        }
      }
    };
    visit(this.root);
    let best: Element | null = null;
    let bestScore = 0;
    for (const c of candidates) {
      const s = this.st(c);
      s.score *= 1 - this.linkDensity(c);
      if (s.score > bestScore) {
        bestScore = s.score;
        best = c;
      }
    }
    if (!best) return null;
    // Climb while the parent holds this content and more of the same kind.
    let cur = best;
    for (let p = cur.parent; p && isElement(p) && p.name !== 'body' && p.name !== 'html'; p = p.parent) {
      const ps = this.st(p);
      if (candidates.has(p) && ps.score >= bestScore * 0.9 && this.linkDensity(p) < 0.3) cur = p;
      else if (this.st(cur).len / Math.max(1, ps.len) > 0.95) cur = p;
      else break;
    }
    return cur;
  }

  private scoreParagraph(e: Element, candidates: Set<Element>): void {
    const s = this.st(e);
    if (s.len < 25) return;
    this.scoreText(s.len, s.commas, e.parent, candidates);
  }

  private scoreText(len: number, commas: number, from: ParentNode | null, candidates: Set<Element>): void {
    const score = 1 + commas + Math.min(Math.floor(len / 100), 3);
    let level = 0;
    for (let p = from; p && isElement(p) && level < 5; p = p.parent, level++) {
      const ps = this.init(p);
      ps.score += level === 0 ? score : level === 1 ? score / 2 : score / (level * 3);
      candidates.add(p);
    }
  }

  /** The top container and the siblings that look like more of it. */
  gather(top: Element): Element[] {
    const parent = top.parent;
    if (!parent || !isElement(parent)) return [top];
    const topScore = this.st(top).score;
    const threshold = Math.max(10, topScore * 0.5);
    const out: Element[] = [];
    for (const c of parent.children) {
      if (!isElement(c)) continue;
      if (c === top) {
        out.push(c);
        continue;
      }
      if (this.teaser(c)) continue;
      const s = this.st(c);
      let bonus = 0;
      if (top.attribs.class && c.attribs.class === top.attribs.class) bonus += topScore * 0.2;
      if (s.scored && s.score + bonus >= threshold) out.push(c);
      else if (c.name === 'p') {
        const ld = this.linkDensity(c);
        const text = collapse(textOfEl(c));
        if ((s.len > 80 && ld < 0.25) || (s.len > 0 && s.len <= 80 && ld === 0 && /[.!?؟。]["”’]?$/.test(text))) out.push(c);
      }
    }
    return out;
  }

  short(e: Element): boolean {
    return this.st(e).len < 600;
  }

  /** A teaser of another article: a heading that is all link. */
  teaser(e: Element): boolean {
    const visit = (x: Element): boolean => {
      for (const c of x.children) {
        if (!isElement(c)) continue;
        if (/^h[1-4]$/.test(c.name)) {
          if (this.st(c).len > 0 && this.linkDensity(c) > 0.8) return true;
        } else if (visit(c)) return true;
      }
      return false;
    };
    return visit(e);
  }

  /** Whether a container inside the article is boilerplate after all (Readability's conditional cleaning). */
  junk(e: Element): boolean {
    const t = e.name;
    if (!['div', 'section', 'ul', 'ol', 'table', 'dl'].includes(t)) return false;
    const s = this.st(e);
    const weight = this.byClass ? Extractor.weight(e) : 0;
    if (weight < 0) return true;
    if (s.commas >= 10) return false;
    const ld = this.linkDensity(e);
    let p = 0;
    let li = 0;
    let img = 0;
    let inputs = 0;
    const count = (n: ParentNode) => {
      for (const c of n.children) {
        if (!isElement(c)) continue;
        if (c.name === 'p' || (c.name === 'div' && this.isParagraph(c) && this.st(c).len >= 25)) p++;
        else if (c.name === 'li') li++;
        else if (c.name === 'img') img++;
        else if (c.name === 'input') inputs++;
        count(c);
      }
    };
    count(e);
    const isList = t === 'ul' || t === 'ol';
    if (img > 1 && p / img < 0.5 && s.len < 200 * img) return true;
    if (!isList && li - 100 > p) return true;
    if (inputs > p / 3) return true;
    if (weight < 25 && ld > 0.2) return true;
    if (weight >= 25 && ld > 0.5) return true;
    if (!isList && s.len < 25 && (img === 0 || img > 2)) return s.len === 0 ? false : true;
    return false;
  }
}

// An element that wraps the page's <article>, <main> or schema.org articleBody (one holding a good
// share of its text: comments may be <article>s too) is no boilerplate.
function holdsArticle(e: Element, stats: Map<Element, Stats>): boolean {
  const total = stats.get(e)?.len ?? 0;
  const visit = (x: Element): boolean => {
    for (const c of x.children) {
      if (!isElement(c)) continue;
      if ((c.name === 'article' || c.name === 'main' || c.attribs.itemprop === 'articleBody') && (stats.get(c)?.len ?? 0) >= 0.3 * total) return true;
      if (visit(c)) return true;
    }
    return false;
  };
  return visit(e);
}

// Text of an element's own inline content (text and inline children, not its blocks).
function ownInlineText(e: Element): { len: number; commas: number } {
  let len = 0;
  let commas = 0;
  let blocks = false;
  for (const c of e.children) {
    if (isText(c)) {
      len += c.data.trim().length;
      commas += c.data.match(COMMA)?.length ?? 0;
    } else if (isElement(c)) {
      if (BLOCKS.has(c.name) && c.name !== 'br') blocks = true;
      else if (c.name !== 'a') {
        const t = textOfEl(c);
        len += t.trim().length;
        commas += t.match(COMMA)?.length ?? 0;
      }
    }
  }
  return blocks ? { len, commas } : { len: 0, commas: 0 };
}

function textOfEl(e: Element): string {
  let s = '';
  for (const c of e.children) s += isText(c) ? c.data : isElement(c) ? textOfEl(c) : '';
  return s;
}

/** The article body of a parsed page, or empty text when the page has none. */
export function extractBody(parse: () => ParentNode): Body {
  let best: Body = { text: '', how: 'html: no article found' };
  // A page whose article sits in a container with a boilerplate-like class is read again without
  // the class rules.
  for (const byClass of [true, false]) {
    const root = parse();
    const ex = new Extractor(root, byClass);
    ex.measure(root as AnyNode);
    ex.prune();
    ex.measure(root as AnyNode);
    const top = ex.top();
    if (!top) continue;
    const text = trimEdges(render(ex, ex.gather(top))).join('\n');
    if (text.length > best.text.length) best = { text, how: byClass ? 'html body (scored)' : 'html body (scored, class rules off)' };
    if (best.text.length >= 250) break;
  }
  return best;
}

/** The text of an HTML fragment (a feed item's content): every block, boilerplate tags dropped. */
export function fragmentText(root: ParentNode): string {
  const ex = new Extractor(root, false);
  ex.prune();
  ex.measure(root as AnyNode);
  const blocks: string[] = [];
  for (const c of root.children) if (isElement(c) || isText(c)) blocks.push(...renderPlain(c));
  return blocks.join('\n');
}
