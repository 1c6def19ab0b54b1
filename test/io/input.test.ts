import { describe, expect, it } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs, makeDoc, decode } from '../../src/io/input.js';
import { tempDir } from '../helpers.js';

async function collect(paths: string[]) {
  const docs: string[] = [];
  const errors: string[] = [];
  for await (const item of readInputs(paths)) {
    if (item.ok) docs.push(item.doc.id);
    else errors.push(item.error.toLine());
  }
  return { docs, errors };
}

describe('input records', () => {
  it('refuses ids a URL could not name (".", "..")', () => {
    for (const id of ['.', '..']) {
      const r = makeDoc({ id, text: 'x' }, {}, { file: 'a.jsonl', line: 2 });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.toLine()).toMatch(/^a\.jsonl:2: field "id": must not be "\.{1,2}"/);
    }
    expect(makeDoc({ id: '.x', text: 'x' }, {}, { file: 'a.jsonl', line: 2 }).ok).toBe(true);
  });

  it('validates fields and names them', () => {
    const r = makeDoc({ id: 3, text: 'x', published: 'yesterday' }, {}, { file: 'a.jsonl', line: 4 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.toLine()).toBe('a.jsonl:4: field "published": must be a date YYYY-MM-DD, got "yesterday" [E_INPUT_FIELD]');
    const ok = makeDoc({ id: 3, text: 'Five people died.', published: '2016-12-20T10:00:00Z', outlet: 'X' }, {}, { file: 'a.jsonl', line: 1 });
    expect(ok.ok && ok.doc).toMatchObject({ id: '3', published: '2016-12-20', outlet: 'X' });
  });

  it('rejects binary and invalid UTF-8 with the line', () => {
    const bin = decode(Buffer.from('line one\nline two\u0000x'), 'b.txt');
    expect(!bin.ok && bin.error.toLine()).toBe('b.txt:2: binary file (NUL byte at offset 17), not text [E_INPUT_BINARY]');
    const bad = decode(Buffer.concat([Buffer.from('ok\nstill ok\nbad '), Buffer.from([0xc3, 0x28])]), 'c.txt');
    expect(!bad.ok && bad.error.toLine()).toBe('c.txt:3: invalid UTF-8 at byte 16 [E_INPUT_UTF8]');
  });

  it('reads directories recursively and reports each bad file without stopping', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'a.txt'), 'Two soldiers were wounded in Homs.');
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'sub', 'b.json'), JSON.stringify([{ id: 'b1', text: 'One.' }, { id: 'b2' }]));
    writeFileSync(join(dir, 'sub', 'c.jsonl'), ['{"id":"c1","text":"A."}', '', '{oops', '{"id":"c4","text":"B."}'].join('\n'));
    writeFileSync(join(dir, 'notes.md'), 'ignored');
    const { docs, errors } = await collect([dir]);
    expect(docs).toEqual(['a', 'b1', 'c1', 'c4']);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/empty\.txt: empty file \[E_INPUT_EMPTY\]/);
    expect(errors[1]).toMatch(/b\.json: field "\[1\]\.text": missing/);
    expect(errors[2]).toMatch(/c\.jsonl:3: not JSON/);
  });
});
