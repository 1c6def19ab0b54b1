// The reader registry: CSV/TSV exports (columns by name or --columns, --date-format), readers chosen
// by content as well as extension, and `sitrep extract` printing article records.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseReader, fileSource, readInputs } from '../../src/io/input.js';
import { parseDate, guessSlashedFormat } from '../../src/io/dates.js';
import type { Article, InputOptions } from '../../src/io/types.js';
import { runCli, tempDir } from '../helpers.js';
import { articlePage, rss } from './web-fixtures.js';

async function read(paths: string[], opts: InputOptions = {}) {
  const docs: Article[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(paths, opts)) {
    if (item.ok) docs.push(item.doc);
    else errors.push(item.error.toLine());
  }
  return { docs, errors };
}

// An export in the shape of a research data set: our own rows.
const EXPORT = [
  'article_id,headline,article_content,source,date,region,flag',
  '101,Shelling in the north,"Shelling hit a market in the north on Monday, killing three people, the council said.",northwire,4/20/2017,north,1',
  '102,Convoy arrives,"A convoy of 12 trucks reached the town, aid workers said. ""We need more,"" one said.",eastpost,4/5/2017,east,0',
  '103,Empty row,,eastpost,4/6/2017,east,0',
  '104,Bad date,Two people were hurt in a blast.,eastpost,not a day,east,0',
  '105,Multi-line,"First paragraph of the report.',
  'Second paragraph, after a line break.",northwire,12/31/2016,north,1',
].join('\n');

describe('CSV and TSV', () => {
  it('finds the columns by name, reads M/D/YYYY when the values decide it, one line per bad row', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), EXPORT);
    const { docs, errors } = await read([join(dir, 'export.csv')]);
    expect(docs.map((d) => [d.id, d.title, d.outlet, d.published])).toEqual([
      ['101', 'Shelling in the north', 'northwire', '2017-04-20'],
      ['102', 'Convoy arrives', 'eastpost', '2017-04-05'],
      ['105', 'Multi-line', 'northwire', '2016-12-31'],
    ]);
    expect(docs[1].text).toBe('A convoy of 12 trucks reached the town, aid workers said. "We need more," one said.');
    expect(docs[2].text).toBe('First paragraph of the report.\nSecond paragraph, after a line break.');
    expect(docs[0].from).toMatchObject({ text: 'column article_content', published: 'column date', outlet: 'column source' });
    expect(errors).toEqual([
      expect.stringMatching(/export\.csv:4: field "text": empty article text/),
      expect.stringMatching(/export\.csv:5: field "date": not a date: "not a day"/),
    ]);
  });

  it('--columns names the columns; --date-format reads day-first dates', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.tsv'), 'headline\tbody\twhen\tpaper\nBlast\tA blast hit the port.\t05.04.2017\tCoast Daily\n');
    const columns = { text: 'body', title: 'headline', published: 'when', outlet: 'paper' };
    const { docs, errors } = await read([join(dir, 'x.tsv')], { columns, dateFormat: 'DD.MM.YYYY' });
    expect(errors).toEqual([]);
    expect(docs[0]).toMatchObject({ title: 'Blast', text: 'A blast hit the port.', published: '2017-04-05', outlet: 'Coast Daily', id: 'x:2' });
  });

  it('says which columns there are when the text column is not found', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'y.csv'), 'a,b\n1,2\n');
    const { errors } = await read([join(dir, 'y.csv')]);
    expect(errors).toEqual([expect.stringMatching(/y\.csv:1: no text column found by name; the header has "a", "b": name the text column with --columns text=NAME/)]);
    const named = await read([join(dir, 'y.csv')], { columns: { text: 'body' } });
    expect(named.errors[0]).toMatch(/no column "body" \(from --columns text=body\)/);
  });

  it('ambiguous n/n/yyyy dates ask for --date-format; impossible days are refused', () => {
    expect(guessSlashedFormat(['4/5/2017', '3/2/2016'])).toBeUndefined();
    expect(guessSlashedFormat(['4/5/2017', '4/20/2017'])).toBe('M/D/YYYY');
    expect(guessSlashedFormat(['20/4/2017'])).toBe('D/M/YYYY');
    expect(parseDate('2016-02-31')).toBeNull();
    expect(parseDate('Wed, 05 Apr 2017 23:30:00 -0500')).toBe('2017-04-05');
    expect(parseDate('4/20/17', 'M/D/YY')).toBe('2017-04-20');
  });
});

describe('the registry', () => {
  it('chooses the reader by content first, then extension', () => {
    const dir = tempDir();
    const cases: [string, string, string][] = [
      ['page.txt', articlePage(), 'html'],
      ['feed', rss([{ title: 't', description: 'd' }]), 'feed'],
      ['notes.txt', 'Just a plain report.', 'text'],
      ['list', '[{"text":"x"}]', 'json'],
      ['lines', '{"text":"x"}\n{"text":"y"}', 'jsonl'],
      ['data.csv', 'text\nx\n', 'csv'],
      ['report.pdf', '%PDF-1.7\n', 'pdf'],
    ];
    for (const [name, body, kind] of cases) {
      writeFileSync(join(dir, name), body);
      expect([name, chooseReader(fileSource(join(dir, name))).kind]).toEqual([name, kind]);
    }
  });

  it('reads an HTML page from standard input', () => {
    const r = runCli(['extract', '-'], articlePage());
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec).toMatchObject({ id: 'stdin', title: 'Convoy reaches Tal Hamra', outlet: 'The Valley Courier', published: '2024-03-12', lang: 'en' });
  });
});

describe('sitrep extract', () => {
  it('prints one record per article with every field and where it came from', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), EXPORT);
    writeFileSync(join(dir, 'page.html'), articlePage());
    writeFileSync(join(dir, 'note.txt'), 'Two soldiers were wounded near the border.');
    const r = runCli(['extract', '--published', '2024-01-02', dir]);
    expect(r.code).toBe(1);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => x.id)).toEqual(['101', '102', '105', 'note', 'page']);
    for (const x of recs) expect(Object.keys(x)).toEqual(['id', 'url', 'title', 'text', 'published', 'outlet', 'author', 'lang', 'from']);
    expect(recs[3]).toMatchObject({ published: '2024-01-02', from: { published: '--published', text: 'text' } });
    expect(r.stderr).toMatch(/export\.csv:4: field "text": empty article text/);
    expect(r.stderr).toMatch(/sitrep extract: 5 read, 2 failed/);
  });

  it('rejects a bad --columns or --date-format as a usage error', () => {
    expect(runCli(['extract', '--columns', 'body', 'x.csv']).code).toBe(2);
    expect(runCli(['extract', '--columns', 'colour=x', 'x.csv']).stderr).toMatch(/--columns takes FIELD=COLUMN pairs/);
    expect(runCli(['extract', '--date-format', 'YYYY', 'x.csv']).stderr).toMatch(/--date-format needs a year, a month and a day/);
  });
});
