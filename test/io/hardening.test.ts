// Issue 15, items 3 and 4: JSON nested 5,000 deep in any field, broken symlinks and symlink loops
// in an input folder. The bad record or path is one clear line; every other record is read.
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../../src/io/input.js';
import { runCli, tempDir } from '../helpers.js';

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const deepObj = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);

async function collect(paths: string[]) {
  const ids: string[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(paths)) {
    if (item.ok) ids.push(item.doc.id);
    else errors.push(item.error.toLine());
  }
  return { ids, errors };
}

function deepFiles(dir: string) {
  const good = (id: string) => JSON.stringify({ id, text: `Four people were wounded in a market in the north on Sunday (report ${id}).` });
  const lines = [
    good('g1'),
    `{"id":"d1","text":${deep(5000)}}`,
    `{"id":"d2","text":"Two were hurt.","extra":${deep(5000)}}`,
    `{"id":"d3","text":"Nine fled.","title":${deepObj(5000)}}`,
    `{"id":"d4","text":${deep(200000)}}`,
    `{"id":${deep(5000)},"text":"x"}`,
    good('g2'),
  ];
  writeFileSync(join(dir, 'deep.jsonl'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'deep.json'), `[${good('a1')},{"id":"a2","text":${deepObj(5000)}},${good('a3')}]`);
}

describe('JSON nested 5,000 deep (issue 15, item 3)', () => {
  it('reports each deep record in one line and reads the rest', async () => {
    const dir = tempDir();
    deepFiles(dir);
    const { ids, errors } = await collect([join(dir, 'deep.json'), join(dir, 'deep.jsonl')]);
    // d2 keeps its text: an unknown field is ignored however deep.
    expect(ids).toEqual(['a1', 'a3', 'g1', 'd2', 'g2']);
    expect(errors).toHaveLength(5);
    for (const e of errors) expect(e).toMatch(/deep\.jsonl?(:\d+)?: /);
    expect(errors.join('\n')).toMatch(/field "text": must be a string, got "\[array nested too deep to sho/);
    expect(errors.join('\n')).toMatch(/field "title": must be a string/);
  });

  it('analyze exits 1, not 70, and prints the good records', () => {
    const dir = tempDir();
    deepFiles(dir);
    const r = runCli(['analyze', '--format', 'jsonl', join(dir, 'deep.jsonl')]);
    expect(r.stderr).not.toMatch(/internal error|RangeError/);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['g1', 'd2', 'g2']);
  });

  it('ingest stores the good records of the batch', () => {
    const dir = tempDir();
    deepFiles(dir);
    const r = runCli(['ingest', '--json', '--db', join(dir, 'x.db'), join(dir, 'deep.jsonl')]);
    expect(r.stderr).not.toMatch(/internal error|RangeError/);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ added: 3, failed: 4 });
  });
});

describe('symlinks in input folders (issue 15, item 4)', () => {
  it('a broken symlink and a symlink loop are one line each; the rest is read', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), 'Two soldiers were wounded near the border.');
    writeFileSync(join(dir, 'sub', 'b.txt'), 'A convoy reached the town on Friday.');
    symlinkSync(join(dir, 'missing.txt'), join(dir, 'broken.txt'));
    symlinkSync(join(dir, 'self.txt'), join(dir, 'self.txt'));
    symlinkSync(dir, join(dir, 'sub', 'back')); // a folder loop
    const { ids, errors } = await collect([dir]);
    expect(ids).toEqual(['a', 'b']);
    expect(errors.some((e) => /broken\.txt: broken symlink/.test(e))).toBe(true);
    expect(errors.some((e) => /self\.txt: symlink loop/.test(e))).toBe(true);
    expect(errors.some((e) => /back: symlink loop/.test(e))).toBe(true);
    for (const e of errors) expect(e).not.toMatch(/\n|at /);
  });

  it('the CLI reports them without a stack trace', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.txt'), 'Two soldiers were wounded near the border.');
    symlinkSync(join(dir, 'nowhere'), join(dir, 'broken.txt'));
    symlinkSync(dir, join(dir, 'loop'));
    const r = runCli(['extract', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).not.toMatch(/internal error|    at /);
    expect(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a']);
    expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('sitrep: ')).length).toBe(2);
  });
});
