// Text from the chosen part of a page, one string per paragraph: the article body's blocks, with the
// ones the extractor judges junk dropped, or every block of a feed item's fragment.
import type { AnyNode, Element } from 'domhandler';
import { collapse, isElement, isText } from './dom.js';
import { BLOCKS } from './rules.js';

/** What the body extractor knows of a block: whether to drop it when rendering. */
export interface BlockJudge {
  junk(e: Element): boolean;
  short(e: Element): boolean;
  teaser(e: Element): boolean;
  linkDensity(e: Element): number;
}

/** Blocks of text under the chosen elements, one per paragraph, junk dropped. */
export function render(ex: BlockJudge, nodes: Element[]): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = collapse(cur);
    if (t) out.push(t);
    cur = '';
  };
  const walk = (n: AnyNode) => {
    if (isText(n)) {
      cur += n.data;
      return;
    }
    if (!isElement(n)) return;
    if (n.name === 'br') {
      flush();
      return;
    }
    const block = BLOCKS.has(n.name);
    if (block) {
      flush();
      if (ex.junk(n)) return;
      if (n.name === 'h1') return;
      if ((n.name === 'div' || n.name === 'li' || n.name === 'section' || n.name === 'article') && ex.short(n) && ex.teaser(n)) return;
      if ((n.name === 'li' || n.name === 'p' || /^h[1-6]$/.test(n.name)) && ex.linkDensity(n) > 0.5) return;
      if (n.name === 'div' && ex.linkDensity(n) > 0.5 && ex.short(n)) return;
    }
    for (const c of n.children) walk(c);
    if (block) flush();
  };
  for (const n of nodes) {
    flush();
    walk(n);
  }
  flush();
  return out;
}

/** Blocks of text under a node, one per block element, nothing dropped. */
export function renderPlain(n: AnyNode): string[] {
  const out: string[] = [];
  let cur = '';
  const flush = () => {
    const t = collapse(cur);
    if (t) out.push(t);
    cur = '';
  };
  const walk = (x: AnyNode) => {
    if (isText(x)) cur += x.data;
    else if (isElement(x)) {
      const block = BLOCKS.has(x.name);
      if (block) flush();
      for (const c of x.children) walk(c);
      if (block) flush();
    }
  };
  walk(n);
  flush();
  return out;
}
