// Figure-board checks on the FA-KES ledger (issue 18): is any group's most conservative figure (or
// its outlier) a subgroup count ("including 11 children")? How big is the Khan Sheikhoun group, from
// how many outlets, and what is its most conservative toll? Skips cleanly when ../shared is absent.
//   node bench/figure-board.mjs [--db FILE | --from COMPARE.json] [--json]
// --from reads a saved `sitrep compare --format json` output (to judge an older build's board).
// Without --db it ingests the FA-KES articles into a temporary database first (needs a build).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadFakes, root } from './fakes.mjs';

const CLI = join(root, 'dist', 'src', 'cli', 'main.js');
const arg = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
if (!existsSync(CLI)) {
  console.error('bench/figure-board: no build; run "npm run build" first');
  process.exit(1);
}
let db = arg('--db') ? resolve(arg('--db')) : null;
const from = arg('--from') ? resolve(arg('--from')) : null;
let dir = null;
if (!db && !from) {
  const records = await loadFakes();
  if (!records) {
    console.error('bench/figure-board: skipped: ../shared/data/fa-kes is absent');
    process.exit(0);
  }
  dir = mkdtempSync(join(tmpdir(), 'sitrep-figure-board-'));
  const file = join(dir, 'fakes.jsonl');
  writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  db = join(dir, 'fakes.db');
  const r = spawnSync(process.execPath, [CLI, 'ingest', '--db', db, file], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
try {
  let c;
  if (from) c = JSON.parse(readFileSync(from, 'utf8'));
  else {
    const r = spawnSync(process.execPath, [CLI, 'compare', '--db', db, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) process.exit(r.status ?? 1);
    c = JSON.parse(r.stdout);
  }
  const { loadGroupLexicon, groupClass } = await import(join(root, 'dist', 'src', 'compare', 'figures.js'));
  const lex = loadGroupLexicon();
  const val = (e) => e.value.min ?? e.value.max ?? 0;
  // A subgroup count, judged on its own terms: its class is strictly inside the class of a larger
  // figure of the same group, and either its sentence breaks a toll down at it ("including 11
  // children", "11 children were among the dead") or it counts a part of a population (children,
  // women, medics).
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const brokenDown = (e) => {
    const head = esc((e.who.toLowerCase().match(/[a-z]+/g) ?? ['']).pop());
    return new RegExp(`\\b(?:including|among them|of whom|of them)\\s+(?:\\S+\\s+){0,3}${head}\\b|\\b${head}\\s+(?:were|was)\\s+(?:also\\s+)?among\\b`, 'i').test(e.sentence);
  };
  const isInside = (inner, outer) => {
    for (let p = inner; p; p = lex.parent.get(p)) if (p === outer) return inner !== outer;
    return false;
  };
  const isSubgroup = (e, g) => {
    const cls = groupClass(e.who, lex, e.category);
    return g.entries.some((o) => val(o) > val(e) && isInside(cls, groupClass(o.who, lex, o.category)) && (brokenDown(e) || lex.parts?.has(cls)));
  };
  const conservativeSub = c.figures.filter((g) => isSubgroup(g.mostConservative, g));
  const outlierSub = c.figures.filter((g) => g.entries.some((e) => e.outlier && isSubgroup(e, g)));
  const KS = /kh[aā]n\s*sh/i;
  const ks = c.figures
    .filter((g) => g.category === 'killed' && (g.from ?? '') <= '2017-04-10' && (g.until ?? '') >= '2017-04-04' && (KS.test(g.place ?? '') || g.entries.filter((e) => KS.test(e.place ?? '') || KS.test(e.sentence)).length >= 3))
    .sort((a, b) => b.reports - a.reports)[0];
  const out = {
    documents: c.documents,
    undatedLeftOut: c.undated ? c.undated.length : null,
    groups: c.figures.length,
    subgroupAsMostConservative: conservativeSub.length,
    subgroupAsOutlier: outlierSub.length,
    examples: conservativeSub.slice(0, 5).map((g) => `#${g.id} ${g.place}: ${val(g.mostConservative)} ${g.mostConservative.who}`),
    khanSheikhoun: ks
      ? { id: ks.id, place: ks.place, days: `${ks.from}..${ks.until}`, reports: ks.reports, outlets: ks.outlets.length, mostConservative: `${val(ks.mostConservative)} ${ks.mostConservative.who}`, parts: ks.parts?.length ?? 0, denials: ks.denials.length }
      : null,
  };
  if (process.argv.includes('--json')) console.log(JSON.stringify(out, null, 2));
  else {
    console.log(`documents ${out.documents}, figure groups ${out.groups}, undated left out ${out.undatedLeftOut ?? '(not reported)'}`);
    console.log(`groups whose most conservative figure is a subgroup count: ${out.subgroupAsMostConservative} (want 0)`);
    console.log(`groups with a subgroup count flagged as outlier: ${out.subgroupAsOutlier} (want 0)`);
    for (const x of out.examples) console.log(`  ${x}`);
    const k = out.khanSheikhoun;
    console.log(k ? `Khan Sheikhoun group #${k.id} (${k.place}, ${k.days}): ${k.reports} reports (want ≥ 20), ${k.outlets} outlets (want ≥ 8), most conservative ${k.mostConservative} (want ≥ 50), ${k.parts} subgroup counts shown under it, ${k.denials} denials` : 'Khan Sheikhoun group: not found');
  }
} finally {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
