// Small helpers over htmlparser2's DOM (domhandler nodes).
import type { AnyNode, ChildNode, Element, ParentNode } from 'domhandler';

export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function isText(n: AnyNode): n is import('domhandler').Text {
  return n.type === 'text';
}

/** All text under a node, as written (no whitespace folding). */
export function textOf(n: AnyNode): string {
  if (isText(n)) return n.data;
  if (!isElement(n) && n.type !== 'root' && n.type !== 'cdata') return '';
  if (isElement(n) && (n.name === 'script' || n.name === 'style')) return '';
  let s = '';
  for (const c of (n as ParentNode).children) s += textOf(c);
  return s;
}

/** Every element under a node, in document order. */
export function* elements(n: ParentNode): Generator<Element> {
  for (const c of n.children) {
    if (isElement(c)) {
      yield c;
      yield* elements(c);
    }
  }
}

export function remove(n: ChildNode): void {
  const p = n.parent;
  if (!p) return;
  const i = p.children.indexOf(n);
  if (i >= 0) p.children.splice(i, 1);
  if (n.prev) n.prev.next = n.next;
  if (n.next) n.next.prev = n.prev;
  n.parent = null;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
