#!/usr/bin/env node
// npm run eval: runs every scorer in ../shared/eval on its set and prints their summaries.
// Skips cleanly (exit 0) when ../shared is absent: the benchmark data is not part of the project.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.SITREP_SHARED ? resolve(process.env.SITREP_SHARED) : resolve(root, '..', 'shared');
const evalDir = join(shared, 'eval');
if (!existsSync(evalDir)) {
  console.log(`eval: skipped, no benchmark folder at ${evalDir}`);
  process.exit(0);
}
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
if (!existsSync(cli)) {
  console.error('eval: dist/ is missing; run "npm run build" first');
  process.exit(2);
}
const cmd = `node ${JSON.stringify(cli)} analyze --format jsonl`;
const argv = process.argv.slice(2);
const onlyAt = argv.indexOf('--only');
const only = onlyAt >= 0 ? argv[onlyAt + 1] : null;
const extra = onlyAt >= 0 ? argv.filter((_, i) => i !== onlyAt && i !== onlyAt + 1) : argv;
const extractCmd = `node ${JSON.stringify(cli)} extract --format jsonl`;
const hasExtract = existsSync(join(root, 'dist', 'src', 'cli', 'extract.js'));
// Every set the benchmark holds: claims/places per set, events where a set has events/ gold,
// quotes, entities, and article extraction from web pages once `sitrep extract` exists.
// `npm run eval -- --only dev-world` runs the runs whose title names that set.
const runs = [
  ['claims, attribution, dates, places (dev set: Syrian war)', 'score.mjs', ['--set', 'dev']],
  ['claims, attribution, dates, places (dev-world set: world news)', 'score.mjs', ['--set', 'dev-world']],
  ['claims, attribution, dates, places (dev-fr set: French)', 'score.mjs', ['--set', 'dev-fr']],
  ['claims (dev-ar set: Arabic pilot, smoke test)', 'score.mjs', ['--set', 'dev-ar']],
  ['events (dev set: the seed)', 'score-events.mjs', ['--set', 'dev']],
  ['events (dev-world set)', 'score-events.mjs', ['--set', 'dev-world']],
  ['quote attribution (GenderGapTracker set)', 'score-attribution.mjs', ['--set', 'attribution']],
  ['entities (re3d set)', 'score-entities.mjs', ['--set', 'entities']],
  ['article extraction (web pages)', 'score-html.mjs', []],
];
let failed = 0;
for (const [title, script, args] of runs) {
  if (only && !title.includes(only)) continue;
  const file = join(evalDir, script);
  const setAt = args.indexOf('--set');
  if (setAt >= 0 && !existsSync(join(evalDir, args[setAt + 1]))) {
    console.log(`\n## ${title}: skipped, no set ${args[setAt + 1]}`);
    continue;
  }
  if (script === 'score-html.mjs' && !hasExtract) {
    console.log(`\n## ${title}: skipped, no extract command yet`);
    continue;
  }
  if (!existsSync(file)) {
    console.log(`\n## ${title}: skipped, ${script} not found`);
    continue;
  }
  console.log(`\n## ${title}: node ${script} ${args.join(' ')}`);
  try {
    const out = execFileSync('node', [file, ...args, '--cmd', script === 'score-html.mjs' ? extractCmd : cmd, ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
    process.stdout.write(out);
  } catch (e) {
    failed++;
    console.log(`scorer failed (exit ${e.status})`);
    if (e.stdout) process.stdout.write(e.stdout);
  }
}
process.exit(failed ? 1 : 0);
