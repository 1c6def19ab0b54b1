// End-to-end: the built CLI on good and bad input (npm test builds dist/ first).
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers.js';

const ARTICLE = 'Shelling killed four civilians in the town of Maarat on Monday, a local council said.';

describe('sitrep analyze', () => {
  it('prints one contract record per article as JSON Lines', () => {
    const dir = tempDir();
    const f = join(dir, 'a.txt');
    writeFileSync(f, ARTICLE);
    const r = runCli(['analyze', '--format', 'jsonl', '--published', '2024-03-12', '--outlet', 'Test Wire', f]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const rec = JSON.parse(lines[0]);
    expect(rec).toMatchObject({ id: 'a', published: '2024-03-12', outlet: 'Test Wire' });
    for (const key of ['claims', 'places', 'actors', 'statements']) expect(Array.isArray(rec[key])).toBe(true);
  });

  it('reads standard input', () => {
    const r = runCli(['analyze', '--format', 'jsonl', '-'], ARTICLE);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('stdin');
    const j = runCli(['analyze', '--format', 'jsonl', '-'], '{"id":"x1","text":"Two died."}\n{"id":"x2","text":"Nine fled."}\n');
    expect(j.stdout.trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['x1', 'x2']);
  });

  it('prints a table for people', () => {
    const r = runCli(['analyze', '--format', 'table', '-'], ARTICLE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/== stdin/);
    expect(r.stdout).toMatch(/Claims \(\d+\)/);
    expect(r.stdout).toMatch(/Places \(\d+\)/);
  });

  it('reports each bad input in one line naming file and line, and analyses the rest (exit 1)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Good line\nCaf'), Buffer.from([0xe9]), Buffer.from(' bombed\n')]));
    writeFileSync(join(dir, 'huge.txt'), 'Twelve people were hurt. '.repeat(Math.ceil(20_000_000 / 25)));
    const lines = Array.from({ length: 10 }, (_, i) => JSON.stringify({ id: `r${i + 1}`, text: `Report ${i + 1}: ${i + 2} people were injured.` }));
    lines[6] = '{"id": "r7", "text": "broken'; // line 7 is not JSON
    lines[8] = JSON.stringify({ id: 'r9', body: 'no text field' }); // line 9 lacks text
    writeFileSync(join(dir, 'batch.jsonl'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'good.txt'), ARTICLE);
    const r = runCli(['analyze', '--format', 'jsonl', dir]);
    expect(r.code).toBe(1);
    const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r8', 'r10', 'good']);
    const err = r.stderr.trim().split('\n');
    const has = (re: RegExp) => expect(err.some((l) => re.test(l)), `${re} in\n${r.stderr}`).toBe(true);
    has(/batch\.jsonl:7: not JSON/);
    has(/batch\.jsonl:9: field "text": missing/);
    has(/binary\.txt:1: binary file/);
    has(/empty\.txt: empty file/);
    has(/huge\.txt: field "text": article text has \d+ characters, more than the limit/);
    has(/latin1\.txt:2: invalid UTF-8/);
    has(/9 analysed, 6 failed/);
    for (const l of err) expect(l.startsWith('sitrep: ')).toBe(true);
  });

  it('gives every record its language; one in a language Sitrep does not read is kept, empty, with one warning line', () => {
    const dir = tempDir();
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, [
      { id: 'en-1', text: 'Four people were killed in Homs on Monday, the governor said.' },
      { id: 'uk-1', text: 'Унаслідок обстрілу міста в понеділок загинули четверо людей, повідомив губернатор області.' },
      { id: 'set-1', lang: 'de-DE', text: 'Four people were killed in Homs on Monday, the governor said.' },
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const r = runCli(['analyze', '--format', 'jsonl', file]);
    expect(r.code).toBe(0);
    const recs = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((x) => [x.id, x.lang, x.claims.length > 0])).toEqual([['en-1', 'en', true], ['uk-1', 'uk', false], ['set-1', 'de', false]]);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/mixed\.jsonl:2: "uk-1" is in Ukrainian \(uk\)/);
    expect(warnings[1]).toMatch(/"set-1" is in German \(de\)/);
    expect(runCli(['analyze', '--lang', 'not a code', file]).code).toBe(2);
  });

  it('exits 2 on usage errors', () => {
    expect(runCli(['analyze']).code).toBe(2);
    expect(runCli(['analyze', '--format', 'xml', 'x.txt']).code).toBe(2);
    expect(runCli(['analyze', '--published', '12/20/2016', 'x.txt']).code).toBe(2);
    expect(runCli(['analyze', '--bogus', 'x.txt']).code).toBe(2);
    expect(runCli(['nonsense']).code).toBe(2);
  });

  it('reports a missing path and goes on (exit 1)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ok.txt'), ARTICLE);
    const r = runCli(['analyze', '--format', 'jsonl', join(dir, 'nope.txt'), join(dir, 'ok.txt')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nope\.txt: no such file or directory/);
    expect(JSON.parse(r.stdout).id).toBe('ok');
  });
});
