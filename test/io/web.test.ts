// Web pages, feeds and URLs through the readers, against our own local server: the article and its
// metadata, and one clear line naming the input for each bad case while the rest is read.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../src/io/input.js';
import { Fetcher } from '../../src/io/fetch.js';
import type { Article } from '../../src/io/types.js';
import { tempDir } from '../helpers.js';
import { ARTICLE_PARAS, arabicPage1256, articlePage, startServer, type TestServer } from './web-fixtures.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startServer();
});
afterAll(async () => {
  await srv.close();
});

const fetcher = (o: ConstructorParameters<typeof Fetcher>[0] = {}) => new Fetcher({ perHostMs: 0, stallMs: 2500, timeoutMs: 20000, cache: tempDir(), ...o });

async function read(urls: string[], f = fetcher()) {
  const docs: Article[] = [];
  const errors: string[] = [];
  const warnings: string[] = [];
  for await (const item of readInputs(urls, { fetcher: f })) {
    if (item.ok) {
      docs.push(item.doc);
      warnings.push(...(item.warnings ?? []));
    } else errors.push(item.error.toLine());
  }
  return { docs, errors, warnings };
}

describe('web pages', () => {
  it('reads the article body without navigation, ads, captions, share links, related links or comments', async () => {
    const { docs, errors } = await read([`${srv.url}/article.html`]);
    expect(errors).toEqual([]);
    const a = docs[0];
    expect(a.text).toBe(ARTICLE_PARAS.join('\n'));
    expect(a).toMatchObject({ title: 'Convoy reaches Tal Hamra', published: '2024-03-12', outlet: 'The Valley Courier', author: 'Mira Haddad', lang: 'en', url: `${srv.url}/article.html` });
    expect(a.from).toMatchObject({ published: 'json-ld datePublished', outlet: 'og:site_name', text: 'html body (scored)' });
  });

  it('decodes windows-1256 named by the page, and a header that wrongly says UTF-8 with a warning', async () => {
    const { docs, errors, warnings } = await read([`${srv.url}/arabic.html`, `${srv.url}/wrong-charset.html`]);
    expect(errors).toEqual([]);
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(d.text.split('\n')[0]).toBe(arabicPage1256().text);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/wrong-charset\.html: wrong charset: the header says utf-8 but the bytes are not UTF-8; read as windows-1256/);
  });

  it('finds the date in <time>, meta tags or the URL when there is no JSON-LD', async () => {
    const { readHtml } = await import('../../src/io/readers/html.js');
    const page = articlePage().replace(/<script type="application\/ld\+json">.*?<\/script>/, '');
    const byUrl = readHtml(Buffer.from(page), { name: 'x', url: 'https://news.example.org/2023/07/09/convoy' });
    expect(byUrl).toMatchObject({ published: '2023-07-09', outlet: 'The Valley Courier' });
    expect(byUrl.from?.published).toBe('url');
    const byTime = readHtml(Buffer.from(page.replace('<h1>', '<time datetime="2022-11-30T10:00:00+02:00">30 Nov</time><h1>')), { name: 'x' });
    expect(byTime.published).toBe('2022-11-30');
    const byMeta = readHtml(Buffer.from(page.replace('</head>', '<meta property="article:published_time" content="2021-05-04T00:00:00Z"></head>')), { name: 'x' });
    expect(byMeta.from?.published).toBe('meta article:published_time');
  });
});

describe('feeds', () => {
  it('RSS: each item a record; summary-only items read from their page; full content used as is', async () => {
    const { docs, errors } = await read([`${srv.url}/feed.xml`]);
    expect(errors).toEqual([]);
    expect(docs.map((d) => d.title)).toEqual(['Road to Tal Hamra reopens', 'Wells run dry', 'Full item']);
    expect(docs[0].from?.text).toBe('page at the item link');
    expect(docs[0].text).toBe(ARTICLE_PARAS.join('\n'));
    expect(docs[2].from?.text).toBe('rss content:encoded');
    expect(docs[2]).toMatchObject({ published: '2024-03-16', outlet: 'The Valley Courier', lang: 'en' });
    expect(srv.hits.get('/never-fetched.html')).toBeUndefined();
  });

  it('Atom entries', async () => {
    const { docs } = await read([`${srv.url}/atom.xml`]);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ id: 'tag:bulletin,7', title: 'Bulletin 7', published: '2024-04-02', author: 'Desk', outlet: 'Relief Bulletin', lang: 'en' });
    expect(docs[0].text.split('\n')).toHaveLength(3);
  });

  it('malformed XML: one warning naming the feed, the items before the break read', async () => {
    const { docs, errors, warnings } = await read([`${srv.url}/malformed.xml`]);
    // The item broken by the bad tag is one line of its own.
    expect(errors.length).toBeLessThanOrEqual(1);
    expect(docs[0].text).toBe(ARTICLE_PARAS[0]);
    expect(warnings.join('\n')).toMatch(/malformed\.xml: malformed XML/);
  });

  it('a feed of 100,000 items is read, item by item, in bounded time', async () => {
    const t0 = Date.now();
    let n = 0;
    for await (const item of readInputs([`${srv.url}/big-feed.xml`], { fetcher: fetcher(), followLinks: false })) if (item.ok) n++;
    expect(n).toBe(100_000);
    expect(Date.now() - t0).toBeLessThan(30_000);
  }, 60_000);
});

describe('URLs: the bad cases are one line each, naming the URL; the rest is read', () => {
  it('size limit, gzip bomb, endless redirect, stalled body, no article, image, 404, refused', async () => {
    const bad = ['/huge.html', '/bomb.html', '/loop', '/stall.html', '/no-article.html', '/image.png', '/missing.html'].map((p) => srv.url + p);
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/refused.html`;
    await new Promise((r) => closed.close(r));
    const { docs, errors } = await read([...bad, `${srv.url}/article.html`, refused]);
    expect(docs).toHaveLength(1);
    expect(errors).toHaveLength(8);
    if (process.env.DEBUG_WEB) console.log(errors.join("\n"));
    const line = (p: string) => errors.find((e) => e.startsWith(p + ': ')) ?? `(no line for ${p})`;
    expect(line(`${srv.url}/huge.html`)).toMatch(/over the limit of 20971520/);
    expect(line(`${srv.url}/bomb.html`)).toMatch(/over the limit .* once decompressed \(gzip\)/);
    expect(line(`${srv.url}/loop`)).toMatch(/more than 5 redirects/);
    expect(line(`${srv.url}/stall.html`)).toMatch(/stopped sending the body/);
    expect(line(`${srv.url}/no-article.html`)).toMatch(/no article text found/);
    expect(line(`${srv.url}/image.png`)).toMatch(/content type image\/png/);
    expect(line(`${srv.url}/missing.html`)).toMatch(/HTTP 404/);
    expect(line(refused)).toMatch(/connection refused/);
    for (const e of errors) expect(e).not.toMatch(/\n/);
  }, 60_000);

  it('sends a User-Agent naming Sitrep; a rerun revalidates from the disk cache', async () => {
    const f = fetcher();
    let ua = '';
    srv.server.once('request', (req) => (ua = String(req.headers['user-agent'])));
    const first = await f.get(`${srv.url}/live.xml`);
    expect(ua).toMatch(/^Sitrep\//);
    expect(first.notModified).toBe(false);
    const again = await f.get(`${srv.url}/live.xml`);
    expect(again.notModified).toBe(true);
    expect(again.body.equals(first.body)).toBe(true);
  });

  it('spaces requests to one host', async () => {
    const f = fetcher({ perHostMs: 300 });
    const t0 = Date.now();
    await f.get(`${srv.url}/article.html`);
    await f.get(`${srv.url}/a1.html`);
    await f.get(`${srv.url}/a2.html`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(590);
  });
});
