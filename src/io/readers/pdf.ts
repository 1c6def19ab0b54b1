// PDF documents (situation reports, bulletins): the text of every page in reading order (lines by
// position, two columns read one after the other), pages separated by a form feed line, header and
// footer lines repeated on most pages dropped, lines joined into paragraphs; the date written on the
// first page, else the metadata's creation date; title and author from the metadata.
import { basename, extname } from 'node:path';
import { SitrepError } from '../../core/errors.js';
import { day, parseDate } from '../dates.js';
import { finishArticle } from '../record.js';
import type { Article, InputItem, Reader, Source } from '../types.js';

interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Line {
  text: string;
  x: number;
  y: number;
  /** Right edge. */
  r: number;
  size: number;
}

export const pdfReader: Reader = {
  kind: 'pdf',
  extensions: ['.pdf'],
  contentTypes: ['application/pdf'],
  sniff: (head) => head.startsWith('%PDF-'),
  read: (src, opts) => readPdf(src, opts),
};

async function* readPdf(src: Source, opts: Parameters<Reader['read']>[1]): AsyncGenerator<InputItem> {
  const file = src.name;
  let doc: Article;
  try {
    doc = await pdfArticle(src);
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    const what = /password/i.test(msg) ? 'the PDF is encrypted (password protected)' : `not a readable PDF: ${msg}`;
    yield { ok: false, error: new SitrepError('E_INPUT_READ', what, { file }) };
    return;
  }
  if (!doc.text.trim()) {
    yield { ok: false, error: new SitrepError('E_INPUT_EMPTY', 'the PDF has no text (scanned pages need OCR first)', { file }) };
    return;
  }
  yield finishArticle(doc, opts, { file });
}

async function pdfArticle(src: Source): Promise<Article> {
  const { getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(src.bytes()), { verbosity: 0 });
  try {
    const pages: Line[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const it of content.items as { str?: string; transform?: number[]; width?: number; height?: number }[]) {
        if (!it.str || !it.transform) continue;
        items.push({ str: it.str, x: it.transform[4], y: it.transform[5], w: it.width ?? 0, h: it.height || Math.abs(it.transform[3]) || 10 });
      }
      pages.push(readingOrder(toLines(items), page.view[2] - page.view[0]));
      page.cleanup();
    }
    const meta = (await pdf.getMetadata().catch(() => null))?.info as Record<string, unknown> | undefined;
    return assemble(pages, meta, src);
  } finally {
    await (pdf as unknown as { cleanup?: () => Promise<void> }).cleanup?.();
  }
}

/** Text items to lines: items on one baseline (within half their height) joined left to right. */
export function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { items: Item[]; y: number; h: number }[] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - it.y) <= Math.max(2, Math.min(last.h, it.h) * 0.5)) last.items.push(it);
    else lines.push({ items: [it], y: it.y, h: it.h });
  }
  const out: Line[] = [];
  for (const l of lines) {
    const its = l.items.sort((a, b) => a.x - b.x);
    // A wide gap on one baseline separates columns: each side is its own line.
    let cur: Item[] = [];
    const flush = () => {
      if (!cur.length) return;
      let text = '';
      let prevEnd = -Infinity;
      for (const it of cur) {
        if (text && it.x - prevEnd > it.h * 0.15 && !/\s$/.test(text) && !/^\s/.test(it.str)) text += ' ';
        text += it.str;
        prevEnd = it.x + it.w;
      }
      const t = text.replace(/\s+/g, ' ').trim();
      if (t) out.push({ text: t, x: cur[0].x, y: l.y, r: prevEnd, size: Math.max(...cur.map((c) => c.h)) });
      cur = [];
    };
    for (const it of its) {
      const prev = cur[cur.length - 1];
      if (prev && it.x - (prev.x + prev.w) > Math.max(it.h, prev.h) * 2.5) flush();
      cur.push(it);
    }
    flush();
  }
  return out;
}

/**
 * Lines in reading order. When the page has a gutter (a vertical band near the middle that no line
 * crosses while many lines end before it and many start after it), the left column is read before
 * the right one; lines that cross the gutter (titles, tables) keep their place between the blocks.
 */
export function readingOrder(lines: Line[], width: number): Line[] {
  if (lines.length < 6 || !(width > 0)) return lines;
  const mid = width / 2;
  let gutter: number | null = null;
  for (const g of [mid, mid - width * 0.05, mid + width * 0.05]) {
    const left = lines.filter((l) => l.r <= g).length;
    const right = lines.filter((l) => l.x >= g).length;
    if (left >= 3 && right >= 3 && left + right >= lines.length * 0.6) {
      gutter = g;
      break;
    }
  }
  if (gutter == null) return lines;
  const out: Line[] = [];
  let left: Line[] = [];
  let right: Line[] = [];
  const flush = () => {
    out.push(...left, ...right);
    left = [];
    right = [];
  };
  for (const l of lines) {
    if (l.r <= gutter) left.push(l);
    else if (l.x >= gutter) right.push(l);
    else {
      flush();
      out.push(l);
    }
  }
  flush();
  return out;
}

const norm = (s: string) => s.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

// The first two and last two lines of a page, when set apart from the body by a gap wider than
// the line spacing (running headers and footers are; the body's own first and last lines are not).
function edgeLines(lines: Line[]): Line[] {
  const n = lines.length;
  if (n < 5) return [];
  const apart = (a: Line, b: Line) => Math.abs(a.y - b.y) > Math.max(a.size, b.size) * 1.6;
  const out: Line[] = [];
  if (apart(lines[0], lines[1])) out.push(lines[0]);
  else if (apart(lines[1], lines[2])) out.push(lines[0], lines[1]);
  if (apart(lines[n - 1], lines[n - 2])) out.push(lines[n - 1]);
  else if (apart(lines[n - 2], lines[n - 3])) out.push(lines[n - 2], lines[n - 1]);
  return out.filter((l) => l.text.length < 120);
}

/** Edge lines found on most pages (page numbers normalised): running headers and footers. */
export function repeatedEdgeLines(pages: Line[][]): Set<string> {
  const out = new Set<string>();
  if (pages.length < 2) return out;
  const counts = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edgeLines(lines).map((l) => norm(l.text)))) counts.set(k, (counts.get(k) ?? 0) + 1);
  const need = Math.max(2, Math.ceil(pages.length * 0.6));
  for (const [k, n] of counts) if (n >= need) out.add(k);
  return out;
}

/** Lines of a page into paragraphs: a larger gap than the line spacing, or a short line, ends one. */
function paragraphs(lines: Line[]): string[] {
  const out: string[] = [];
  let cur = '';
  let prev: Line | null = null;
  for (const l of lines) {
    const gap = prev ? prev.y - l.y : 0;
    const newPara = !prev || gap > Math.max(prev.size, l.size) * 1.7 || gap < 0 || Math.abs(l.size - prev.size) > 1.5 || /[.!?:;]$/.test(prev.text) && prev.r < (l.r || prev.r) * 0.85;
    if (newPara) {
      if (cur) out.push(cur);
      cur = l.text;
    } else if (/[A-Za-z\u00C0-\u024F]-$/.test(cur) && /^\p{Ll}/u.test(l.text)) cur = cur.slice(0, -1) + l.text;
    else cur += ' ' + l.text;
    prev = l;
  }
  if (cur) out.push(cur);
  return out;
}

// A date written out: 5 February 2024, February 5, 2024, 2024-02-05, 05/02/2024 is left alone.
const WRITTEN_DATE = /\b\d{1,2}\s+\p{L}{3,12}\.?,?\s+\d{4}\b|\b\p{L}{3,12}\.?\s+\d{1,2},\s+\d{4}\b|\b\d{4}-\d{2}-\d{2}\b/gu;

function firstPageDate(lines: Line[]): string | undefined {
  for (const l of lines.slice(0, 40)) {
    for (const m of l.text.matchAll(WRITTEN_DATE)) {
      const d = parseDate(m[0]);
      if (d) return d;
    }
  }
  return undefined;
}

function pdfDate(v: unknown): string | undefined {
  const m = typeof v === 'string' ? /^D:(\d{4})(\d{2})(\d{2})/.exec(v) : null;
  return m ? day(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined : undefined;
}

function assemble(pages: Line[][], meta: Record<string, unknown> | undefined, src: Source): Article {
  const repeated = repeatedEdgeLines(pages);
  const texts = pages.map((lines) => {
    const edges = new Set(edgeLines(lines));
    const kept = lines.filter((l) => !(edges.has(l) && repeated.has(norm(l.text))));
    return paragraphs(kept).join('\n');
  });
  const id = src.url ?? (src.path ? basename(src.path, extname(src.path)) : 'stdin');
  const doc: Article = { id, text: texts.filter(Boolean).join('\n\f\n'), from: { text: `pdf text (${pages.length} pages${repeated.size ? `, ${repeated.size} repeated header/footer lines dropped` : ''})` } };
  if (src.url) (doc.url = src.url), (doc.from!.url = 'fetched');
  const str = (k: string) => (typeof meta?.[k] === 'string' && (meta[k] as string).trim() ? (meta[k] as string).trim() : undefined);
  const title = str('Title');
  if (title) (doc.title = title), (doc.from!.title = 'pdf metadata Title');
  else if (pages[0]?.length) {
    const big = pages[0].slice(0, 15).reduce((a, b) => (b.size > a.size ? b : a));
    (doc.title = big.text), (doc.from!.title = 'pdf first page, largest type');
  }
  const author = str('Author');
  if (author) (doc.author = author), (doc.from!.author = 'pdf metadata Author');
  const lang = str('Language');
  if (lang) (doc.lang = lang), (doc.from!.lang = 'pdf metadata Language');
  const written = pages[0] ? firstPageDate(pages[0]) : undefined;
  const created = pdfDate(meta?.CreationDate);
  if (written) (doc.published = written), (doc.from!.published = 'pdf first page');
  else if (created) (doc.published = created), (doc.from!.published = 'pdf metadata CreationDate');
  return doc;
}
