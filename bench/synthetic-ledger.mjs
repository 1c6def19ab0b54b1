// A synthetic ledger of a million claims on PostgreSQL (rows made in the database by
// generate_series: 100,000 documents of 10 claims), then claim-listing latency through the store with
// each filter (target p95 < 50 ms), and document listing: full-text search, each sort, deep pages.
// --wipe WIPES the database it is given (use a scratch one) and makes the ledger; --reuse keeps a
// ledger an earlier run made (same --docs) and makes one only when there is none (or another size).
// --shape flat (the default, the first ledger measured): every document the same sentence, its 10
// claims in 8 towns and 50 sources named "Source N", no place rows (so no claim is placed and the
// figure board is empty). --shape reports: the ledger as a monitoring desk's would be: 25,000
// incidents over ten years in 2,000 towns (a place row each), each reported by 4 of 40 outlets over
// the following days, the tolls of one incident differing between reports; each report a few
// sentences whose 10 claims (killed, including children; wounded, among them children; families
// fled; men detained; missing; fighters; trucks; medics) have their spans in its text; sources are
// 12 organisations or the town's own council (2,012 names). The figure board then has real groups.
//   node bench/synthetic-ledger.mjs --db postgres://user:pass@host/scratch_db --wipe|--reuse [--shape flat|reports] [--docs 100000] [--n 30] [--json FILE]
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { root } from './fakes.mjs';

const arg = (name, d) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : d);
const url = arg('--db');
const DOCS = Number(arg('--docs', 100000));
const N = Number(arg('--n', 30));
const reuse = process.argv.includes('--reuse');
const SHAPE = arg('--shape', 'flat');
if (!['flat', 'reports'].includes(SHAPE)) {
  console.error(`bench/synthetic-ledger: --shape flat|reports, not "${SHAPE}"`);
  process.exit(2);
}
if (!url || !/^postgres(ql)?:\/\//.test(url) || !(process.argv.includes('--wipe') || reuse)) {
  console.error('usage: node bench/synthetic-ledger.mjs --db postgres://... --wipe|--reuse [--docs N] [--n N] [--json FILE]   (the database is wiped: use a scratch one)');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'src', 'store', 'open.js'))) {
  console.error('bench/synthetic-ledger: no build; run "npm run build" first');
  process.exit(1);
}
const { default: pg } = await import('pg');
const { openStore } = await import(join(root, 'dist', 'src', 'store', 'open.js'));

/** The ledger an earlier run made, when it has this size (its schema is migrated by opening it). */
async function existing() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT to_regclass('public.documents') IS NOT NULL AS ok`);
    if (!r.rows[0].ok) return null;
    const t = performance.now();
    const store = await openStore(url);
    const migrateSeconds = Math.round((performance.now() - t) / 100) / 10;
    const st = await store.stats();
    if (st.documents === DOCS && st.claims === DOCS * 10) return { store, migrateSeconds };
    await store.close();
    return null;
  } finally {
    await c.end();
  }
}

let store;
let buildSeconds = 0;
let migrateSeconds = 0;
const kept = reuse ? await existing() : null;
if (kept) {
  ({ store, migrateSeconds } = kept);
  console.error(`bench/synthetic-ledger: reusing the ledger in ${url.replace(/:[^:@/]*@/, ':***@')} (opened and migrated in ${migrateSeconds}s)`);
} else {
  ({ store, buildSeconds } = await build());
}

/** Drops the public schema and makes the ledger: rows made in the database by generate_series. */
async function build() {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  await c.end();
  const store = await openStore(url);
  const t0 = performance.now();
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  if (SHAPE === 'reports') {
    const { buildReports } = await import('./synthetic-reports.mjs');
    await buildReports(db, DOCS);
    await db.end();
    return { store, buildSeconds: Math.round((performance.now() - t0) / 100) / 10 };
  }
  const CATS = ['killed', 'injured', 'displaced', 'detained', 'missing'];
  const OUTLETS = ['Levant Wire', 'Damascus Daily', 'Relief Monitor', 'Free Syria Today', 'Border Times'];
  const TOWNS = ['Ariha', 'Sarmada', 'Kafranbel', 'Atmeh', 'Hama', 'Idlib', 'Saraqib', 'Binnish'];
  await db.query(`
    INSERT INTO documents (id, hash, title, outlet, published, url, reference_date, origin, ingested_at, text)
    SELECT 'syn-' || i, md5('syn' || i), 'Synthetic report ' || i, ($2::text[])[1 + i % 5],
           to_char(date '2020-01-01' + (i % 1500), 'YYYY-MM-DD'), NULL, NULL, 'null', now()::text,
           'Synthetic report ' || i || ': shelling hit ' || ($3::text[])[1 + i % 8] || ', residents said.'
             || CASE WHEN i % 100 = 0 THEN ' A convoy of trucks left at dawn.' ELSE '' END
    FROM generate_series(1, $1::int) i`, [DOCS, OUTLETS, TOWNS]);
  await db.query(`
    INSERT INTO analyses (doc_key, errors, timings, n_claims, n_places, n_actors, n_statements, n_events, n_framing, n_sentences, analysed_at, pipeline_version)
    SELECT key, '[]', '{}', 10, 0, 0, 0, 0, 0, 1, now()::text, 'synthetic' FROM documents`);
  await db.query(`
    INSERT INTO claims (doc_key, idx, start, "end", text, quantity, value_min, value_max, approx, category, who, source_name, source_id, source,
                        hedged, place_name, place_geoname_id, place, lat, lon, country, precision, date, date_until, day, sentence, search, evidence)
    SELECT d.key, j, 0, 10, 'killing ' || (j + 2) || ' civilians', '{"start":8,"end":9,"text":"2"}', j + 2, j + 2, 0,
           ($1::text[])[1 + (d.key + j) % 5], 'civilians', 'Source ' || ((d.key + j) % 50), NULL, '{"name":"Source"}', 0,
           ($2::text[])[1 + (d.key * 7 + j) % 8], 9000000 + (d.key * 7 + j) % 8, '{"name":"Town","text":"Town","start":0,"end":4}', 35.8, 36.6, 'SY', 1,
           NULL, NULL, d.published, 0, lower('killing civilians source ' || ((d.key + j) % 50) || ' ' || ($2::text[])[1 + (d.key * 7 + j) % 8]), '[]'
    FROM documents d, generate_series(0, 9) j`, [CATS, TOWNS]);
  await db.query('ANALYZE');
  await db.end();
  return { store, buildSeconds: Math.round((performance.now() - t0) / 100) / 10 };
}
const stats = await store.stats();
console.error(`bench/synthetic-ledger: ${stats.documents} documents, ${stats.claims} claims${buildSeconds ? ` made in ${buildSeconds}s` : ''}`);

const cases =
  SHAPE === 'reports'
    ? {
        'no filter': {},
        'category=killed': { category: ['killed'] },
        'outlet=monitor (10 of 40)': { outlet: 'monitor' },
        'outlet=levant wire (1 of 40)': { outlet: 'levant wire' },
        'source=observatory (1 in 18)': { source: 'observatory' },
        'source=council (1 in 3)': { source: 'council' },
        'source=kafr nabla council (1 town)': { source: 'kafr nabla council' },
        'place=kafr (1 in 10 towns)': { place: 'kafr' },
        'place=9000003 (geonameId)': { place: '9000003' },
        'since/until one month': { since: '2021-03-01', until: '2021-03-31' },
        'q=children': { q: 'children' },
        'q=jisr (1 in 10)': { q: 'jisr' },
        'document=syn-500': { document: 'syn-500' },
      }
    : {
        'no filter': {},
        'category=killed': { category: ['killed'] },
        'outlet=relief': { outlet: 'relief' },
        'source=source 7': { source: 'source 7' },
        'place=sarmada': { place: 'sarmada' },
        'place=9000003 (geonameId)': { place: '9000003' },
        'since/until one month': { since: '2021-03-01', until: '2021-03-31' },
        'q=binnish': { q: 'binnish' },
        'document=syn-500': { document: 'syn-500' },
      };
const pct = (a, p) => a.sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((p / 100) * a.length))];
const out = { shape: SHAPE, machine: { cpus: cpus().length, loadavg1m: +loadavg()[0].toFixed(2) }, documents: stats.documents, claims: stats.claims, buildSeconds, migrateSeconds, cases: {}, documentCases: {} };

/** p50 and p95 of N calls of one listing (alternating between two pages), and what it counted. */
async function measure(into, name, list) {
  const times = [];
  let page;
  for (let i = 0; i < N; i++) {
    const t = performance.now();
    page = await list(i);
    times.push(performance.now() - t);
  }
  into[name] = { matches: page.capped ? `${page.total}+` : page.total, p50ms: +pct(times, 50).toFixed(1), p95ms: +pct(times, 95).toFixed(1) };
  console.error(`  ${name}: ${JSON.stringify(into[name])}`);
}
for (const [name, f] of Object.entries(cases)) await measure(out.cases, name, (i) => store.listClaims(f, { limit: 100, offset: i % 2 ? 0 : 200 }));
const documentCases = {
  'newest first': {},
  'oldest first': { sort: 'published-asc' },
  'by outlet': { sort: 'outlet' },
  'most claims': { sort: 'claims' },
  ...(SHAPE === 'reports'
    ? {
        'q=kafr (1 in 10)': { q: 'kafr' },
        'q=trucks destroyed (every document)': { q: 'trucks destroyed' },
        'outlet=monitor, most claims': { outlet: 'monitor', sort: 'claims' },
      }
    : {
        'q=sarmada (1 in 8)': { q: 'sarmada' },
        'q=convoy (1 in 100)': { q: 'convoy' },
        'q=convoy trucks, oldest first': { q: 'convoy trucks', sort: 'published-asc' },
        'q=shell (prefix, every document)': { q: 'shell' },
        'outlet=relief, most claims': { outlet: 'relief', sort: 'claims' },
      }),
};
for (const [name, f] of Object.entries(documentCases)) await measure(out.documentCases, name, (i) => store.listDocuments({ ...f, limit: 50, offset: i % 2 ? 0 : 500 }));
await store.close();
const json = JSON.stringify(out, null, 2);
if (arg('--json')) writeFileSync(arg('--json'), json + '\n');
console.log(json);
