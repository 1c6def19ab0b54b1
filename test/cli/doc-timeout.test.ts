// One time budget per document on every path that analyses: analyze and compare run each document
// in a worker thread and give up one that takes longer than --doc-timeout, reporting it as failed
// (exit 1) while the others are still analysed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

function inputs(): string {
  const dir = tempDir();
  const long = 'Ten people were killed in Aleppo on Monday, the army said. '.repeat(30_000); // 1.8 MB: seconds
  const lines = [
    { id: 'before', text: 'Three people were killed in Idlib on Monday, the civil defence said.', published: '2024-03-12', outlet: 'A' },
    { id: 'too-long', text: long, published: '2024-03-12', outlet: 'B' },
    { id: 'after', text: 'Four people were killed in Idlib on Monday, a monitor said.', published: '2024-03-12', outlet: 'C' },
  ];
  const f = join(dir, 'in.jsonl');
  writeFileSync(f, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  return f;
}

describe('--doc-timeout', () => {
  it('analyze: the slow document fails, the others are printed', () => {
    const r = runCli(['analyze', '--format', 'jsonl', '--doc-timeout', '0.5', inputs()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"too-long".*took longer than 0\.5 s/);
    const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
    expect(ids).toEqual(['before', 'after']);
  }, 60_000);

  it('analyze in the calling thread (a small input): the slow document fails, the others are printed', () => {
    const before = process.env.SITREP_INLINE;
    process.env.SITREP_INLINE = '1';
    try {
      const r = runCli(['analyze', '--format', 'jsonl', '--doc-timeout', '0.5', inputs()]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/"too-long".*took longer than 0\.5 s/);
      const ids = r.stdout.trim().split('\n').map((l) => JSON.parse(l).id);
      expect(ids).toEqual(['before', 'after']);
    } finally {
      if (before === undefined) delete process.env.SITREP_INLINE;
      else process.env.SITREP_INLINE = before;
    }
  }, 60_000);

  it('compare: the slow document fails, the others are compared', () => {
    const r = runCli(['compare', '--format', 'json', '--doc-timeout', '0.5', inputs()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"too-long".*took longer than 0\.5 s/);
    expect(JSON.parse(r.stdout).documents).toBe(2);
  }, 60_000);

  it('refuses a bad value', () => {
    expect(runCli(['analyze', '--doc-timeout', '0', '-']).code).toBe(2);
  });
});
