// Our own web pages and feeds (sentences written for these tests), and a local HTTP server on
// 127.0.0.1 that serves them together with the bad cases: malformed XML, a feed of 100,000 items,
// a 50 MB page, a gzip bomb, an endless redirect, a body that stalls, a wrong charset, a page with
// no article, an image.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

const PARAS = [
  'Aid workers reached the eastern district of Tal Hamra on Tuesday after three days of fighting had closed the only road into the valley, the regional relief office said.',
  'A convoy of eleven trucks carried flour, medicine and water tanks, and staff at the district hospital said they had treated forty-two wounded people since the weekend.',
  'Local officials said about 3,000 families had fled toward the coast, sleeping in schools and mosques, while others stayed behind to guard their farms and livestock.',
  'The relief office warned that fuel for the water pumps would run out within a week unless the road stayed open, and asked both sides to allow further deliveries.',
];

export function articlePage(opts: { title?: string; paras?: string[]; charset?: string; date?: string } = {}): string {
  const paras = opts.paras ?? PARAS;
  return `<!DOCTYPE html><html lang="en"><head>${opts.charset ? `<meta charset="${opts.charset}">` : '<meta charset="utf-8">'}
<title>${opts.title ?? 'Convoy reaches Tal Hamra'} | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta property="og:title" content="${opts.title ?? 'Convoy reaches Tal Hamra'}">
<meta name="author" content="Mira Haddad">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${opts.title ?? 'Convoy reaches Tal Hamra'}","datePublished":"${opts.date ?? '2024-03-12T08:30:00Z'}"}</script>
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
<div class="ad-slot">Buy the new phone today, best prices in town, limited offer for readers</div>
<main><article><h1>${opts.title ?? 'Convoy reaches Tal Hamra'}</h1>
<div class="byline">By Mira Haddad</div>
<figure><img src="truck.jpg"><figcaption>Trucks wait at the checkpoint near the river crossing in the early morning.</figcaption></figure>
<div class="article-body">${paras.map((p) => `<p>${p}</p>`).join('\n')}</div>
<div class="share-tools"><a href="#">Share on social media</a> <a href="#">Email this story</a></div>
</article>
<section class="related-stories"><h2>Related</h2><ul><li><a href="/x">Floods hit the northern plains after a week of heavy rain</a></li><li><a href="/y">Markets reopen in the capital after the holiday weekend</a></li></ul></section>
<div id="comments"><h3>Comments</h3><div class="comment"><p>I live near there and the road has been closed for days, the situation is really very bad for everyone, please help.</p></div></div>
</main>
<footer><p>Copyright The Valley Courier. All rights reserved. About us, contact, privacy policy, terms of use.</p></footer>
</body></html>`;
}

export const ARTICLE_PARAS = PARAS;

export function rss(items: { title: string; link?: string; description?: string; content?: string; date?: string; guid?: string }[], title = 'The Valley Courier'): string {
  const body = items
    .map(
      (it) => `<item><title>${it.title}</title>${it.link ? `<link>${it.link}</link>` : ''}${it.guid ? `<guid>${it.guid}</guid>` : ''}
<description><![CDATA[${it.description ?? ''}]]></description>${it.content ? `<content:encoded><![CDATA[${it.content}]]></content:encoded>` : ''}
<pubDate>${it.date ?? 'Tue, 12 Mar 2024 08:30:00 GMT'}</pubDate></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>${title}</title><language>en</language>
${body}
</channel></rss>`;
}

export function atom(entries: { title: string; link: string; content: string; updated: string; id: string }[]): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en"><title>Relief Bulletin</title>
${entries.map((e) => `<entry><title>${e.title}</title><link rel="alternate" href="${e.link}"/><id>${e.id}</id><updated>${e.updated}</updated><author><name>Desk</name></author><content type="html">${e.content.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</content></entry>`).join('\n')}
</feed>`;
}

// "In the town of Deir Salam, the council said" written in windows-1256 bytes.
const ARABIC = 'قال المجلس المحلي في بلدة دير سلام إن القصف أصاب مدرسة ومستودعا للحبوب صباح الاثنين، وإن فرق الدفاع المدني أخلت عشرات العائلات من الحي الشرقي.';

export function arabicPage1256(): { bytes: Buffer; text: string } {
  const html = `<html lang="ar"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>Deir Salam</title></head><body><article><p>${ARABIC}</p><p>${ARABIC}</p></article></body></html>`;
  const bytes = Buffer.from(new Uint8Array([...html].map((ch) => encode1256(ch))));
  return { bytes, text: ARABIC };
}

// A tiny windows-1256 encoder for the characters above (ASCII passes through).
function encode1256(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code;
  const dec = new TextDecoder('windows-1256');
  for (let b = 0x80; b < 0x100; b++) if (dec.decode(new Uint8Array([b])) === ch) return b;
  throw new Error(`not in windows-1256: ${ch}`);
}

export interface TestServer {
  url: string;
  server: Server;
  /** The items of /live.xml, changed by the tests. */
  live: { title: string; link: string; description: string; content?: string }[];
  hits: Map<string, number>;
  /** Extra files to serve: path to [media type, body]. */
  files: Map<string, [string, Buffer]>;
  close(): Promise<void>;
}

export async function startServer(): Promise<TestServer> {
  const live: TestServer['live'] = [];
  const hits = new Map<string, number>();
  const files = new Map<string, [string, Buffer]>();
  let base = '';
  const bomb = gzipSync(Buffer.alloc(60 * 1024 * 1024, 32));
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const u = new URL(req.url ?? '/', base);
    hits.set(u.pathname, (hits.get(u.pathname) ?? 0) + 1);
    const send = (status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': type, ...headers });
      res.end(body);
    };
    const file = files.get(u.pathname);
    if (file) return send(200, file[0], file[1]);
    switch (u.pathname) {
      case '/article.html':
        return send(200, 'text/html; charset=utf-8', articlePage());
      case '/a1.html':
        return send(200, 'text/html', articlePage({ title: 'Road to Tal Hamra reopens', date: '2024-03-14' }));
      case '/a2.html':
        return send(200, 'text/html', articlePage({ title: 'Wells run dry', paras: PARAS.slice(2).map((p) => p.replace('fuel', 'diesel')), date: '2024-03-15' }));
      case '/feed.xml':
        return send(200, 'application/rss+xml', rss([
          { title: 'Road to Tal Hamra reopens', link: `${base}/a1.html`, description: 'The road reopened.' },
          { title: 'Wells run dry', link: `${base}/a2.html`, description: 'Pumps stop.' },
          { title: 'Full item', content: `<p>${PARAS.join('</p><p>')}</p>`, link: `${base}/never-fetched.html`, date: '2024-03-16T10:00:00Z' },
        ]));
      case '/atom.xml':
        return send(200, 'application/atom+xml', atom([{ title: 'Bulletin 7', link: `${base}/b7`, id: 'tag:bulletin,7', updated: '2024-04-02T09:00:00Z', content: `<p>${PARAS[0]}</p><p>${PARAS[1]}</p><p>${PARAS[3]}</p>` }]));
      case '/live.xml': {
        const body = rss(live);
        const etag = `"${live.length}-${live.map((i) => i.title).join('|').length}"`;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, { etag });
          return res.end();
        }
        return send(200, 'application/rss+xml', body, { etag });
      }
      case '/malformed.xml':
        return send(200, 'application/rss+xml', rss([{ title: 'First', description: PARAS[0] }, { title: 'Second', description: PARAS[1] }]).replace('</channel></rss>', '').replace('<title>Second</title>', '<title>Second</titel>'));
      case '/big-feed.xml': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>');
        for (let i = 0; i < 100_000; i += 1000) {
          let chunk = '';
          for (let k = i; k < i + 1000; k++) chunk += `<item><title>Item ${k}</title><guid>big-${k}</guid><description>Report number ${k}: two trucks crossed the bridge at dawn.</description></item>`;
          res.write(chunk);
        }
        return res.end('</channel></rss>');
      }
      case '/huge.html': {
        res.writeHead(200, { 'content-type': 'text/html' });
        const block = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const more = () => {
          while (sent < 50) {
            sent++;
            if (!res.write(block)) return res.once('drain', more);
          }
          res.end();
        };
        res.on('error', () => undefined);
        return more();
      }
      case '/bomb.html':
        return send(200, 'text/html', bomb, { 'content-encoding': 'gzip' });
      case '/loop':
        res.writeHead(302, { location: `/loop?n=${Number(u.searchParams.get('n') ?? 0) + 1}` });
        return res.end();
      case '/stall.html':
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<html><body><p>The first half of the page arrives');
        return; // never ends
      case '/wrong-charset.html': {
        const { bytes } = arabicPage1256();
        // The header claims UTF-8; the meta tag inside tells the truth.
        return send(200, 'text/html; charset=utf-8', bytes);
      }
      case '/arabic.html':
        return send(200, 'text/html', arabicPage1256().bytes);
      case '/no-article.html':
        return send(200, 'text/html', '<html><body><nav><a href="/a">One</a> <a href="/b">Two</a></nav><footer>Contact</footer></body></html>');
      case '/image.png':
        return send(200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      default:
        return send(404, 'text/plain', 'not found');
    }
  };
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    server,
    live,
    hits,
    files,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
