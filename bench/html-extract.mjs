#!/usr/bin/env node
// npm run bench:html: pages per second of the HTML reader (decode, parse, metadata, body) on the 181
// pages of ../shared/data/article-extraction, in this one process on one core, after one warm-up
// pass; skips cleanly when ../shared is absent. Quality is scored by ../shared/eval/score-html.mjs.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { root } from './fakes.mjs';

const dir = join(root, '..', 'shared', 'data', 'article-extraction', 'html');
if (!existsSync(dir)) {
  console.log('bench:html: skipped, ../shared/data/article-extraction is absent');
  process.exit(0);
}
const { readHtml } = await import(join(root, 'dist', 'src', 'io', 'readers', 'html.js'));
const pages = readdirSync(dir).filter((f) => f.endsWith('.html.gz')).map((f) => ({ name: f, bytes: gunzipSync(readFileSync(join(dir, f))) }));
const mb = pages.reduce((n, p) => n + p.bytes.length, 0) / 1e6;
const pass = () => {
  let chars = 0;
  for (const p of pages) chars += readHtml(p.bytes, { name: p.name }).text.length;
  return chars;
};
pass();
const runs = [];
for (let i = 0; i < 3; i++) {
  const t0 = process.cpuUsage();
  pass();
  const t = process.cpuUsage(t0);
  runs.push((t.user + t.system) / 1e6);
}
const s = Math.min(...runs);
console.log(`html reader: ${pages.length} pages (${mb.toFixed(1)} MB) in ${(s * 1000).toFixed(0)} ms of CPU: ${(pages.length / s).toFixed(0)} pages/s, ${(mb / s).toFixed(1)} MB/s (best of 3 warm passes, one core)`);
