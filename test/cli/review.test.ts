// sitrep review from the command line: actions on a real ingested article, decisions that survive
// `sitrep ingest --reanalyse`, bulk actions from JSON Lines (a bad line named, the rest applied),
// the history, the queue, and the gold export in the benchmark's format.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const TEXT =
  'Shelling on the village of Kafranbel killed four people on Saturday, a local council said.\n' +
  'In a separate attack, nine fighters were wounded near Sarmada, according to a monitoring group.\n' +
  'About 30 families fled to the camps of Atmeh overnight, volunteers said.';

describe('sitrep review', () => {
  it('accepts, corrects, rejects and adds; decisions survive a reanalysis; history, queue and gold', () => {
    const dir = tempDir();
    const db = join(dir, 'ledger.db');
    const file = join(dir, 'report.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'cli-review-1', text: TEXT, published: '2024-03-10', outlet: 'Test Wire' }) + '\n');
    expect(runCli(['ingest', file, '--db', db]).code).toBe(0);
    const claims = () => runCli(['export', '--db', db, '--format', 'jsonl', '--reviewed', 'pending,accepted,corrected,added,rejected']).stdout.trim().split('\n').map((l) => JSON.parse(l));
    const before = claims();
    expect(before.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = before;
    const env = ['--db', db, '--user', 'Leila'];
    const acc = runCli(['review', 'accept', 'cli-review-1', 'claim', String(a.start), String(a.end), ...env]);
    expect(acc.code).toBe(0);
    expect(JSON.parse(acc.stdout).review).toMatchObject({ user: 'Leila', version: 1, action: 'accept' });
    expect(runCli(['review', 'correct', 'cli-review-1', 'claim', String(b.start), String(b.end), '--set', 'min=11', '--set', 'max=11', '--set', 'source=Civil Defence', '--note', 'the council said eleven', ...env]).code).toBe(0);
    expect(runCli(['review', 'reject', 'cli-review-1', 'claim', String(c.start), String(c.end), ...env]).code).toBe(0);
    const s = TEXT.indexOf('volunteers said');
    expect(runCli(['review', 'add', 'cli-review-1', 'statement', String(s), String(s + 15), '--set', 'speaker=volunteers', ...env]).code).toBe(0);
    // a stale version is refused, naming who changed it
    const stale = runCli(['review', 'reject', 'cli-review-1', 'claim', String(a.start), String(a.end), '--version', '0', ...env]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(/changed meanwhile.*version 1.*Leila/);
    // bad input: exit 1 or 2 with the reason
    expect(runCli(['review', 'accept', 'cli-review-1', 'claim', '0', '3', ...env]).stderr).toMatch(/no claim at 0-3/);
    expect(runCli(['review', 'accept', 'cli-review-1', 'claim', 'x', '3', ...env]).code).toBe(2);
    expect(runCli(['review', 'bless', ...env]).code).toBe(2);

    expect(runCli(['ingest', '--reanalyse', file, '--db', db]).code).toBe(0);
    const after = claims();
    expect(after.find((x) => x.start === a.start).reviewed).toBe('accepted');
    expect(after.find((x) => x.start === b.start)).toMatchObject({ value: { min: 11, max: 11 }, source: { name: 'Civil Defence' }, reviewed: 'corrected' });
    expect(after.find((x) => x.start === c.start).reviewed).toBe('rejected');
    const visible = runCli(['export', '--db', db, '--format', 'csv']).stdout;
    expect(visible.split(/\r?\n/)[0]).toMatch(/,reviewed$/);
    expect(visible).not.toMatch(/,rejected\r?\n/);

    // bulk: one good line, one bad
    const actions = join(dir, 'actions.jsonl');
    writeFileSync(actions, JSON.stringify({ document: 'cli-review-1', kind: 'claim', start: c.start, end: c.end, action: 'accept' }) + '\n{"document": 3}\n');
    const bulk = runCli(['review', 'apply', actions, ...env]);
    expect(bulk.code).toBe(1);
    expect(bulk.stderr).toMatch(/actions\.jsonl:2: field "document"/);
    expect(bulk.stderr).toMatch(/1 applied, 1 refused/);

    const history = runCli(['review', 'history', '--db', db]).stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(history.map((h) => `${h.action} ${h.user}`)).toEqual(['accept Leila', 'correct Leila', 'reject Leila', 'add Leila', 'accept Leila']);
    expect(history[1]).toMatchObject({ note: 'the council said eleven', new: { min: 11 }, documentId: 'cli-review-1' });

    const queue = runCli(['review', 'queue', '--db', db, '--json']);
    expect(JSON.parse(queue.stdout)).toMatchObject({ done: expect.any(Number), total: expect.any(Number) });
    expect(runCli(['review', 'queue', '--db', db]).stdout).toMatch(/^\d+ of \d+ claims, places and events reviewed/);
    expect(JSON.parse(queue.stdout).disagreement).toBe('not checked');
    const compared = JSON.parse(runCli(['review', 'queue', '--db', db, '--json', '--compare']).stdout);
    expect(compared.disagreement).toBe('checked');
    expect(compared.items.every((i: { flags: string[] }) => Array.isArray(i.flags))).toBe(true);

    const gold = join(dir, 'gold-set');
    expect(runCli(['review', 'export-gold', '--db', db, '--out', gold]).code).toBe(0);
    const g = JSON.parse(readFileSync(join(gold, 'gold', 'cli-review-1.json'), 'utf8'));
    const corpus = JSON.parse(readFileSync(join(gold, 'corpus', 'cli-review-1.json'), 'utf8'));
    expect(corpus.text).toBe(TEXT);
    expect(existsSync(join(gold, 'events', 'cli-review-1.json'))).toBe(true);
    for (const gc of g.claims) expect(TEXT.slice(gc.start, gc.end)).toBe(gc.quote);
    expect(g.claims.find((x: { start: number }) => x.start === b.start)).toMatchObject({ min: 11, max: 11, source: ['Civil Defence'] });
    for (const p of g.places) expect(TEXT).toContain(p.mention);
  });
});
