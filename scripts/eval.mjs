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
const extra = process.argv.slice(2);
const runs = [
  ['claims, attribution, dates, places (dev set)', 'score.mjs', ['--set', 'dev']],
  ['quote attribution (GenderGapTracker set)', 'score-attribution.mjs', ['--set', 'attribution']],
  ['entities (re3d set)', 'score-entities.mjs', ['--set', 'entities']],
];
let failed = 0;
for (const [title, script, args] of runs) {
  const file = join(evalDir, script);
  if (!existsSync(file)) {
    console.log(`\n## ${title}: skipped, ${script} not found`);
    continue;
  }
  console.log(`\n## ${title}: node ${script} ${args.join(' ')}`);
  try {
    const out = execFileSync('node', [file, ...args, '--cmd', cmd, ...extra], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 28 });
    process.stdout.write(out);
  } catch (e) {
    failed++;
    console.log(`scorer failed (exit ${e.status})`);
    if (e.stdout) process.stdout.write(e.stdout);
  }
}
process.exit(failed ? 1 : 0);
