#!/usr/bin/env node
// Where the FA-KES articles' claims are placed: every article is about the war in Syria, so a claim
// placed outside the Middle East is almost always a wrong place ("Deir" read as Dyer, Indiana),
// unless the claim's sentence itself names that foreign place ("a strike in Paris"). Prints the
// count of claims placed outside the Middle East whose sentence does not name the place, grouped by
// the mention and the place chosen, with an example sentence each. Skips cleanly when ../shared is
// absent. `--json` prints the summary as JSON (last line); `--examples N` sets how many groups to show.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadFakes, root } from './fakes.mjs';

const args = process.argv.slice(2);
const nExamples = Number(args[args.indexOf('--examples') + 1]) || (args.includes('--examples') ? 0 : 25);

const docs = await loadFakes();
if (!docs) {
  console.log('fakes-places: skipped, ../shared/data/fa-kes is absent');
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'src', 'pipeline', 'pipeline.js'))) {
  console.error('fakes-places: dist/ is missing; run "npm run build" first');
  process.exit(2);
}
const { Pipeline } = await import(join(root, 'dist', 'src', 'pipeline', 'pipeline.js'));

// the Middle East (with Egypt and Cyprus): ISO alpha-2
const MIDDLE_EAST = new Set(['SY', 'IQ', 'LB', 'JO', 'IL', 'PS', 'TR', 'IR', 'SA', 'YE', 'OM', 'AE', 'QA', 'BH', 'KW', 'EG', 'CY']);
const fold = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const pipeline = new Pipeline();
let claims = 0;
let placed = 0;
let outside = 0;
let named = 0;
let atAttributive = 0;
const groups = new Map();
for (const d of docs) {
  const a = pipeline.analyze(d);
  for (const c of a.claims) {
    claims++;
    if (!c.place) continue;
    placed++;
    const p = a.places.find((x) => x.start === c.place.start && x.end === c.place.end);
    if (!p || !p.country || MIDDLE_EAST.has(p.country)) continue;
    const s = a.sentences.find((x) => x.start <= c.start && c.start < x.end);
    const sentence = s ? d.text.slice(s.start, s.end) : c.text;
    // the sentence names the place: the mention is in it and is the place's own name (or its parent's)
    const inSentence = !!s && p.start >= s.start && p.end <= s.end;
    const own = fold(p.text).includes(fold(p.name)) || fold(p.name).includes(fold(p.text));
    if (inSentence && own && p.geonameId !== null) {
      named++;
      continue;
    }
    outside++;
    // a country standing for its state ("US airstrikes", "the Britain-based monitor"): the places stage marks it
    // (rule places.attributive), so the claims stage can leave it for a place the count happened at
    const attributive = p.evidence.some((e) => e.rule === 'places.attributive');
    if (attributive) atAttributive++;
    const key = `${p.text} → ${p.name}, ${p.country} (${p.kind})${attributive ? ' [attributive]' : ''}`;
    const g = groups.get(key);
    if (g) g.n++;
    else groups.set(key, { n: 1, example: `${d.id}: ${sentence.replace(/\s+/g, ' ').slice(0, 200)}\n        at: …${d.text.slice(Math.max(0, p.start - 60), p.start)}[${p.text}]${d.text.slice(p.end, p.end + 40)}…`.replace(/\s*\n\s*(?!\s*at:)/g, ' ') });
  }
}
const sorted = [...groups.entries()].sort((x, y) => y[1].n - x[1].n);
for (const [key, g] of sorted.slice(0, nExamples)) console.log(`${String(g.n).padStart(4)}  ${key}\n        ${g.example}`);
console.log(`fakes-places: ${docs.length} articles, ${claims} claims, ${placed} placed; outside the Middle East: ${outside} not named in their sentence (${groups.size} kinds; ${atAttributive} at a place marked attributive, ${outside - atAttributive} elsewhere), ${named} named there`);
if (args.includes('--json')) console.log(JSON.stringify({ articles: docs.length, claims, placed, outside, atAttributive, named, kinds: groups.size }));
