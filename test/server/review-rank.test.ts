// The review queue's order on a server: a claim whose reports disagree on the figure board ranks
// up (outliers, disputed tolls, denials), with the reason as a flag and in words; the board is read
// from its cache, and a queue asked for before it is ready answers unchecked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/pipeline/pipeline.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { SitrepServer } from '../../src/server/server.js';
import { disagreementsOf } from '../../src/server/review-disagree.js';

// Our own sentences: three reports of one toll that disagree, and a larger figure no one disputes.
const DOCS = [
  ['rank-a', 'Valley Post', 'Shelling killed 12 civilians in Aleppo on Saturday, the civil defence said.'],
  ['rank-b', 'River Times', 'At least 45 civilians were killed in Aleppo on Saturday by shelling, a local monitor said.'],
  ['rank-c', 'Hill Courier', 'A hospital director in Aleppo said 14 civilians died in the shelling on Saturday.'],
  ['rank-d', 'Plain Herald', 'Gunmen abducted 90 villagers in Borno state on Friday, police said.'],
];

let store: SqliteStore;
let server: SitrepServer;
let base: string;

beforeAll(async () => {
  const p = new Pipeline();
  store = await SqliteStore.open(':memory:');
  await store.putAnalyses(DOCS.map(([id, outlet, text]) => p.analyze({ id, outlet, text, published: '2024-03-10' })));
  server = new SitrepServer({ store, port: 0, boardsInThread: true });
  base = (await server.listen()).url;
}, 60_000);
afterAll(async () => {
  await server.close();
  await store.close();
});

describe('review queue order', () => {
  it('ranks a figure whose sources disagree above a larger undisputed one, and says why', async () => {
    const q = (await (await fetch(`${base}/api/reviews/queue`)).json()) as any;
    expect(q.disagreement).toBe('checked');
    const claims = q.items.filter((i: any) => i.kind === 'claim');
    const at = (v: number) => claims.findIndex((i: any) => i.value === v);
    expect(at(12)).toBeGreaterThanOrEqual(0);
    expect(at(12)).toBeLessThan(at(90));
    expect(at(45)).toBeLessThan(at(90));
    expect(claims[at(12)].flags).toContain('disagrees');
    expect(claims[at(12)].reason).toMatch(/sources disagree \(3 reports/);
    expect(claims[at(45)].reason).toMatch(/an outlier among 3 reports/);
    expect(claims[at(90)].flags).not.toContain('disagrees');
  });
});

describe('disagreementsOf', () => {
  it('takes disputed groups, outliers and denials, and leaves rising tolls alone', () => {
    const e = (docId: string, extra: object = {}) => ({ docId, start: 1, end: 5, ...extra });
    const out = disagreementsOf({
      items: [
        { reports: 2, spread: 3, flags: ['disputed'], entries: [e('a'), e('b')] },
        { reports: 3, spread: 2, flags: ['rising'], entries: [e('c'), e('d')] },
        { reports: 3, spread: 1, flags: ['outlier'], entries: [e('e'), e('f', { outlier: true })] },
        { reports: 2, spread: null, flags: ['denied'], entries: [e('g')] },
      ],
    });
    expect(out.map((d) => [d.documentId, d.note])).toEqual([
      ['a', '2 reports, the largest 3× the smallest'],
      ['b', '2 reports, the largest 3× the smallest'],
      ['f', 'an outlier among 3 reports'],
      ['g', 'denied by a party'],
    ]);
  });
});
