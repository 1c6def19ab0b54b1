// sitrep watch end to end against our local server: a new feed item is stored at the next poll,
// nothing twice, a feed that is down is one line per poll, SIGTERM stops cleanly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../../src/store/open.js';
import { CLI, tempDir } from '../helpers.js';
import { ARTICLE_PARAS, startServer, type TestServer } from './web-fixtures.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
});

const item = (n: number) => ({
  title: `Bulletin ${n}`,
  link: `${srv.url}/bulletin-${n}`,
  description: '',
  content: `<p>Bulletin ${n}. ${ARTICLE_PARAS[n % 4]}</p><p>${ARTICLE_PARAS[(n + 1) % 4]} This was update number ${n} from the relief office.</p>`,
});

describe('sitrep watch', () => {
  it('stores new items at the next poll, nothing twice, survives a feed that is down, stops on SIGTERM', async () => {
    const dir = tempDir();
    const db = join(dir, 'w.db');
    srv.live.push(item(1), item(2));
    const list = join(dir, 'feeds.txt');
    writeFileSync(list, `# our feeds\n${srv.url}/live.xml\n${srv.url}/down.xml\n`);
    const child = spawn('node', [CLI, 'watch', list, '--every', '1s', '--db', db], {
      env: { ...process.env, SITREP_FETCH_FAST: '1', SITREP_HTTP_CACHE: join(dir, 'http-cache') },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    const polls = () => err.split('\n').filter((l) => /poll \d+ at/.test(l));
    const waitFor = async (pred: () => boolean, ms = 60_000) => {
      const t0 = Date.now();
      while (!pred()) {
        if (Date.now() - t0 > ms) throw new Error(`timed out; stderr:\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    await waitFor(() => polls().length >= 1);
    expect(polls()[0]).toMatch(/2 new/);
    expect(err).toMatch(/down\.xml: HTTP 404/);
    srv.live.push(item(3));
    const before = polls().length;
    // The poll under way when the item was added may miss it; the next one stores it, and later
    // ones find nothing new (the feed answers 304 Not Modified).
    await waitFor(() => polls().slice(before).some((l) => /1 new/.test(l)));
    const k = polls().findIndex((l, i) => i >= before && /1 new/.test(l));
    expect(polls().slice(before, k).every((l) => /0 new/.test(l))).toBe(true);
    await waitFor(() => polls().length >= k + 2);
    expect(polls()[k + 1]).toMatch(/0 new, 0 known, 1 unchanged, 1 failed/);
    child.kill('SIGTERM');
    const code = await new Promise((r) => child.on('exit', r));
    expect(code).toBe(0);
    expect(err).toMatch(/stopping/);
    const store = await openStore(db);
    const docs = await store.listDocuments({ limit: 100 });
    await store.close();
    expect(docs.items.map((d) => d.title).sort()).toEqual(['Bulletin 1', 'Bulletin 2', 'Bulletin 3']);
  }, 120_000);
});
