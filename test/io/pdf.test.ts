// PDF reports generated here with pdf-lib (our own sentences): text in reading order with page
// breaks, running headers and footers dropped, two columns read one after the other, the date from
// the first page or the metadata; a broken PDF and one without text are one line each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { readInputs } from '../../src/io/input.js';
import { Fetcher } from '../../src/io/fetch.js';
import type { Article } from '../../src/io/types.js';
import { tempDir } from '../helpers.js';
import { startServer, type TestServer } from './web-fixtures.js';

const PARAS = [
  'Heavy rain since Sunday has flooded the lower camps along the river, where about 4,500 displaced people live in tents.',
  'Partners distributed 1,200 hygiene kits and repaired two water points; a mobile clinic saw 310 patients, most of them children with diarrhoea.',
  'Access to the northern villages remains restricted after a bridge collapsed, and supplies are carried on foot for the last six kilometres.',
  'Funding for shelter stands at 18 per cent of the amount requested, and partners warn that stocks of tarpaulins will run out this month.',
];

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const w of text.split(' ')) {
    const next = cur ? `${cur} ${w}` : w;
    if (font.widthOfTextAtSize(next, size) > width && cur) {
      lines.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

function column(page: PDFPage, font: PDFFont, paras: string[], x: number, top: number, width: number): void {
  let y = top;
  for (const p of paras) {
    for (const line of wrap(p, font, 11, width)) {
      page.drawText(line, { x, y, size: 11, font });
      y -= 14;
    }
    y -= 12;
  }
}

async function report(opts: { twoColumns?: boolean; metadataOnly?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  doc.setTitle('River Valley Floods: Situation Report No. 4');
  doc.setAuthor('Valley Relief Office');
  doc.setCreationDate(new Date('2024-02-07T09:00:00Z'));
  for (let n = 1; n <= 3; n++) {
    const page = doc.addPage([595, 842]);
    page.drawText('VALLEY RELIEF OFFICE | SITUATION REPORT No. 4', { x: 50, y: 805, size: 8, font });
    if (n === 1) {
      page.drawText('River Valley Floods', { x: 50, y: 760, size: 20, font: bold });
      if (!opts.metadataOnly) page.drawText('Issued 5 February 2024', { x: 50, y: 735, size: 10, font });
    }
    const paras = PARAS.map((p) => `${p} (Section ${n}.)`);
    if (opts.twoColumns && n === 2) {
      column(page, font, paras.slice(0, 2), 50, 700, 230);
      column(page, font, paras.slice(2), 315, 700, 230);
    } else column(page, font, paras, 50, 700, 495);
    page.drawText(`Page ${n} of 3`, { x: 270, y: 30, size: 8, font });
  }
  return Buffer.from(await doc.save());
}

async function read(paths: string[], fetcher?: Fetcher) {
  const docs: Article[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(paths, { fetcher })) {
    if (item.ok) docs.push(item.doc);
    else errors.push(item.error.toLine());
  }
  return { docs, errors };
}

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
});

describe('PDF reports', () => {
  it('text by page in reading order; running header and footer dropped; title, author, date', async () => {
    const dir = tempDir();
    const f = join(dir, 'sitrep-4.pdf');
    writeFileSync(f, await report());
    const { docs, errors } = await read([f]);
    expect(errors).toEqual([]);
    const d = docs[0];
    expect(d).toMatchObject({ id: 'sitrep-4', title: 'River Valley Floods: Situation Report No. 4', author: 'Valley Relief Office', published: '2024-02-05' });
    expect(d.from?.published).toBe('pdf first page');
    const pages = d.text.split('\n\f\n');
    expect(pages).toHaveLength(3);
    expect(d.text).not.toMatch(/SITUATION REPORT No\. 4|Page \d of 3/);
    // Each paragraph is one line, its wrapped lines joined.
    expect(pages[1].split('\n')).toEqual(PARAS.map((p) => `${p} (Section 2.)`));
  });

  it('two columns are read left column first', async () => {
    const dir = tempDir();
    const f = join(dir, 'two.pdf');
    writeFileSync(f, await report({ twoColumns: true }));
    const { docs } = await read([f]);
    const page2 = docs[0].text.split('\n\f\n')[1];
    expect(page2.split('\n')).toEqual(PARAS.map((p) => `${p} (Section 2.)`));
  });

  it('the metadata date when the first page has none; read from a URL as well', async () => {
    srv.files.set('/report.pdf', ['application/pdf', await report({ metadataOnly: true })]);
    const { docs, errors } = await read([`${srv.url}/report.pdf`], new Fetcher({ perHostMs: 0, cache: null }));
    expect(errors).toEqual([]);
    expect(docs[0]).toMatchObject({ published: '2024-02-07', url: `${srv.url}/report.pdf` });
    expect(docs[0].from?.published).toBe('pdf metadata CreationDate');
  });

  it('a broken PDF and a PDF without text are one line each; the rest is read', async () => {
    const dir = tempDir();
    const good = await report();
    writeFileSync(join(dir, 'a-good.pdf'), good);
    writeFileSync(join(dir, 'b-broken.pdf'), good.subarray(0, 400));
    const blank = await PDFDocument.create();
    blank.addPage();
    writeFileSync(join(dir, 'c-blank.pdf'), Buffer.from(await blank.save()));
    const { docs, errors } = await read([dir]);
    expect(docs.map((d) => d.id)).toEqual(['a-good']);
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/b-broken\.pdf: not a readable PDF/);
    expect(errors[1]).toMatch(/c-blank\.pdf: the PDF has no text/);
  });
});
